"""'at the time of his memo': the date of a document the text has dated before.

An interview summary about records speaks of the time of a document it has already named
with its date ('a memo dated 25 November 1963 from Walter J. Kessler ...'; later 'the program
was headed at the time of his memo by X'). The phrase 'the time of <the/his/her/their/
X's> <document noun>' is a time expression too: the date of the nearest document of that
noun the text dated before it ('<noun> dated <date>', '<noun> of <date>'). None before: no
time. The document nouns are data (``memos.yaml``: document_nouns).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import replace

from .. import safe_yaml


@functools.cache
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    """'the time of his memo', and a document noun just before a date ('memo dated')."""
    nouns = "|".join(sorted(safe_yaml.package_data("data/memos.yaml")["document_nouns"], key=len, reverse=True))
    phrase = re.compile(rf"\bthe\s+time\s+of\s+(?:the|his|her|their|this|that|[A-Z][\w'’-]*['’]s)\s+"
                        rf"(?P<noun>{nouns})s?\b")
    return phrase, re.compile(rf"\b(?:{nouns})s?\s+(?:dated|of)\s*$", re.I)


def document_times(text: str, times: list, mentions=()) -> list:
    """Time mentions for each 'the time of his memo' phrase: a copy of the dated document's
    own date, placed on the phrase. Among several dated documents, 'X's memo' is the one
    'from' or 'by' X, 'his memo' the one of the person the text names most (an interview
    summary's witness); else the nearest."""
    if "time of" not in text:
        return []
    phrase, dated = _patterns()
    persons = Counter(m.entity_id for m in mentions if m.kind == "person")
    topic = {m.text.split()[-1] for m in mentions if persons and m.entity_id == persons.most_common(1)[0][0]}
    out = []
    for m in phrase.finditer(text):
        noun = m["noun"].lower()
        before = [t for t in times if t.end <= m.start() and (t.joined or t.span) is not None
                  and (t.joined or t.span).granularity == "day"
                  and dated.search(text, max(0, t.start - 40), t.start)
                  and noun in text[max(0, t.start - 40):t.start].lower()]
        owner = m[0].split()[3]
        whose = {owner[:-2]} if owner[-2:] in ("'s", "’s") else topic if owner.lower() in ("his", "her") else set()
        own = [t for t in before if any(w in _author(text, t.end) for w in whose)]
        if own or before:
            t = (own or before)[-1]
            out.append(replace(t, start=m.start(), end=m.end(), text=m[0],
                               span=t.span.with_text(m[0]) if t.span is not None else None,
                               joined=t.joined.with_text(m[0]) if t.joined is not None else None))
    return out


_AUTHOR = re.compile(r"\s+(?:from|by)\s+((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]+)")


def _author(text: str, at: int) -> str:
    """The name after 'from' or 'by' right after a document's date ('... 1963 from Thomas B.
    Kessler to ...'), or ''."""
    m = _AUTHOR.match(text, at)
    return m[1] if m else ""
