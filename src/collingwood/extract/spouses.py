"""'X's wife Y': a marriage stated by a possessive and a spouse noun before a name.

Memos and file notes identify a person through the spouse: *CHAYES' wife Antonia (Toni)
Leigh CHAYES, nee: HANDLER*, *Smith's husband, John Smith*. The parser of a small model
reads such a line badly (OCR noise, names in capitals), but the writing is plain: a
person's name with a possessive ending, a spouse noun (data: ``events.yaml``
``spouse_nouns``), at most a comma, and a second person's name. That is `married(X, Y)`,
undated, its passage the two names and the noun. In a source's own first person ('my wife
Aileen', outside a quotation) the one married is its author (`rules.narrator`). Pure: one
pattern after each mention.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable

from ..model import Claim, Mention
from .attribution import inside_quotation
from .event_words import event_words


def _nouns() -> str:
    return "|".join(sorted(map(re.escape, event_words()["spouse_nouns"]), key=len, reverse=True))


@functools.cache
def _after() -> re.Pattern:
    return re.compile(rf"(?:['’]s?)[ \t]+(?i:{_nouns()})[ \t]*,?[ \t]*\n?[ \t]*")


_POSS = re.compile(r"['’]s?[ \t]+")


@functools.cache
def _mine() -> re.Pattern:
    return re.compile(rf"\b[Mm]y[ \t]+(?i:{_nouns()})[ \t]*,?[ \t]*\n?[ \t]*$")


def _in_quotation(text: str, at: int) -> bool:
    """Offset `at` inside a quotation of its line."""
    lo, hi = text.rfind("\n", 0, at) + 1, text.find("\n", at)
    return inside_quotation(text[lo:hi if hi >= 0 else len(text)], at - lo)


def _opens_with_spouse(name: str) -> bool:
    """An OCR'd 'Wife Antonia ... CHAYES' that the entity finder took whole."""
    first = name.split()[0].lower() if name.split() else ""
    return first in event_words()["spouse_nouns"] and len(name.split()) > 2


def spouse_claims(text: str, mentions: Iterable[Mention], names: dict[str, str], source_id: str,
                  extracted_by: str, narrator: str | None = None) -> list[Claim]:
    persons = sorted((m for m in mentions if m.kind == "person" and m.entity_id in names), key=lambda m: m.start)
    starts = [m.start for m in persons]
    out = []
    def starting(at: int) -> Mention | None:
        i = bisect.bisect_left(starts, at)
        return persons[i] if i < len(persons) and persons[i].start == at else None

    for m in persons:
        mine = _mine().search(text, max(0, m.start - 40), m.start) if narrator else None
        if mine and names[m.entity_id] != narrator and not _in_quotation(text, mine.start()):
            out.append(Claim(source_id=source_id, start=mine.start(), end=m.end, quote=text[mine.start():m.end],
                             subject=narrator, predicate="married", object=names[m.entity_id],
                             extracted_by=extracted_by, status="proposed", confidence=0.7, object_id=m.entity_id))
        a, p = _after().match(text, m.end), _POSS.match(text, m.end)
        other = starting(a.end()) if a else None
        if other is None and p:
            other = starting(p.end())
            other = other if other is not None and _opens_with_spouse(other.text) else None
        if other is None or names[other.entity_id] == names[m.entity_id]:
            continue
        out.append(Claim(source_id=source_id, start=m.start, end=other.end, quote=text[m.start:other.end],
                         subject=names[m.entity_id], predicate="married", object=names[other.entity_id],
                         extracted_by=extracted_by, status="proposed", confidence=0.75,
                         subject_id=m.entity_id, object_id=other.entity_id))
    return out
