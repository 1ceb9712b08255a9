"""The term of a body's first head: 'The first head of the 4th Directorate was Janis Berzin,
..., who served until 1935' tells that Berzin headed it from the body's beginning (the
time the text gives its founding or its taking that name: 'in 1925 or 1926 the RU became
the Fourth Directorate') until 1935.

Encyclopaedia articles on an organisation give its heads by rank ('the first head', 'its
first director') and a term by its end alone ('served until 1935'). A post claim that says
so gets its time from those two; a term with an end alone is kept open at its start. The
body's beginning is a claim of the same text on the same body, matched by name with its
brackets, its 'of' tail and the spelling of its ordinal set aside. Pure: no spaCy.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Claim
from ..timespan import OPEN_LO, TimeSpan
from .body_names import ordinal_spelling
from .office_lists import encyclopaedia_words

_UNTIL = re.compile(r"\b(?:who|and|he|she)\s+(?:had\s+)?served\s+(?:[a-z]+\s+){0,3}?until\s+(\d{4})\b")
_BEGUN = ("renamed_to", "founded_by", "founded")


def _first() -> re.Pattern:
    heads = "|".join(sorted(encyclopaedia_words()["office_heads"]))
    return re.compile(rf"\b(?:the|its)\s+first\s+(?:{heads})\b", re.I)


def _key(name: str | None) -> str:
    """'Fourth (Intelligence) Directorate of the Red Army Staff' and '4th Directorate' alike."""
    if not name:
        return ""
    bare = re.sub(r"\s*\([^()]*\)", "", name)
    bare = re.split(r"\s+of\s+", bare, maxsplit=1)[0].strip()
    other = ordinal_spelling(bare)
    return min(bare.lower(), (other or bare).lower())


def _beginning(c: Claim, claims: list[Claim]) -> TimeSpan | None:
    key = _key(c.object)
    for o in claims:
        if o.start >= c.start or o.time is None or o.time.open_start or o.predicate not in _BEGUN:
            continue
        body = o.subject if o.predicate == "founded_by" else o.object
        if key and _key(body) == key:
            return o.time
    return None


def with_first_terms(text: str, claims: list[Claim]) -> list[Claim]:
    """The claims, each undated `headed` claim of a first head given its term."""
    out = []
    first = _first()
    for c in claims:
        if c.predicate != "headed" or c.time is not None or c.object is None:
            out.append(c)
            continue
        quote = text[c.start:c.end]
        until = _UNTIL.search(quote)
        begun = _beginning(c, claims) if first.search(quote) else None
        if until is None and begun is None:
            out.append(c)
            continue
        hi = TimeSpan.year(int(until.group(1))).hi if until else None
        lo = begun.lo if begun is not None else OPEN_LO
        if hi is None or hi < lo:
            out.append(c)           # a beginning with no end says nothing of the term
            continue
        words = f"{begun.text} until {until.group(1)}" if begun is not None and begun.text else f"until {until.group(1)}"
        out.append(replace(c, time=TimeSpan(lo, hi, "year", words), id=""))
    return out
