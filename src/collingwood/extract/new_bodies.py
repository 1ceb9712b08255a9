"""'the new organization', 'the new agency': the body the text has just brought in.

An encyclopaedia tells a succession of bodies ('the Cheka was dissolved ... It was replaced
by the State Political Administration') and then speaks of the successor as 'the new
organization' ('X remained as chief of the new organization'). Such a phrase, 'the' with
'new' (or 'newly formed', 'newly created' ...) on a noun of a body (``data/encyclopaedia.yaml``:
body_nouns), stands for the first organisation the sentence before names for the first
time in the text (no further back than `REACH` characters); none there: nothing (a body the
text has named before is not new to it). Pure over the document's mentions.
"""

from __future__ import annotations

import bisect
import re

REACH = 400
_SENTENCE_END = re.compile(r"[.!?][\"”’)\]]*(?:\[\d{1,3}\])*\s+|\n")
_NEW = {"new", "newly", "successor"}
_KINDS = ("organisation", "college")


class NewBodies:
    """The first mention of each organisation of one document, in text order."""

    def __init__(self, found):
        ents = {e.id: e for e in found.entities.values()}
        seen: set[str] = set()
        self._starts: list[int] = []
        self._names: list[str] = []
        for m in sorted(found.mentions, key=lambda m: m.start):
            e = ents.get(m.entity_id)
            if e is None or e.kind not in _KINDS or e.name in seen:
                continue
            seen.add(e.name)
            self._starts.append(m.start)
            self._names.append(e.name)

    def before(self, text: str, sentence_start: int) -> str | None:
        """The first body the sentence before `sentence_start` names for the first time in the
        text ('It was replaced by the State Political Administration, a section of the NKVD':
        the administration, not the NKVD its apposition places it in)."""
        end = len(text[:sentence_start].rstrip())
        lo = max(end - REACH, 0)
        for m in _SENTENCE_END.finditer(text, lo, max(lo, end - 1)):
            lo = m.end()
        i = bisect.bisect_left(self._starts, lo)
        return self._names[i] if i < len(self._starts) and self._starts[i] < sentence_start else None


def is_new_body(noun, body_nouns) -> bool:
    """'the new organization', 'the newly formed agency': no name, no 'of', 'the' and 'new'."""
    if noun.pos_ != "NOUN" or noun.lower_ not in body_nouns:
        return False
    mods = [c for c in noun.children]
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in mods) or any(c.dep_ in ("prep", "poss", "compound")
                                                                         for c in mods):
        return False
    return any(c.dep_ == "amod" and (c.lower_ in _NEW or any(g.lower_ in _NEW for g in c.children)) for c in mods)
