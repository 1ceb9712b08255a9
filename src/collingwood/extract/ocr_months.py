"""A month name OCR damaged, read as the month: 'until Spetember, 1960', '3 Octobcr 1962'.

Typed memos come back from OCR with a letter swapped or misread inside a long word. A
capitalised word of six letters or more, one edit (a swap counts as one) from a long month
name and of the same length, standing before a year or after a day number, is that month.
The text is mended in place, same length, so every offset still points into the source;
the quote keeps the letters as OCR read them. Short months (March, April, June, July) are
left alone: one edit from them is too often a name ('Marco 1990').
"""

from __future__ import annotations

import re

from rapidfuzz.distance import OSA

_MONTHS = ("January", "February", "August", "September", "October", "November", "December")
_WORD = re.compile(r"\b([A-Z][a-z]{5,8}|[A-Z]{6,9})\b")
_YEAR_AFTER = re.compile(r",?[ \t\n]{1,3}(?:1[5-9]|20)\d\d\b")
_DAY_BEFORE = re.compile(r"\b[0-3]?\d[ \t]{1,2}\Z")


def _month_of(word: str) -> str | None:
    title = word.title()
    if title in _MONTHS:
        return None
    near = [m for m in _MONTHS if len(m) == len(word) and OSA.distance(title, m) == 1]
    if len(near) != 1:
        return None
    return near[0] if word[1:].islower() else near[0].upper()


def mended_months(text: str) -> str:
    """`text` with OCR-damaged long month names written right (same length)."""
    out = None
    for m in _WORD.finditer(text):
        month = _month_of(m[1])
        if month is None:
            continue
        if not (_YEAR_AFTER.match(text, m.end()) or _DAY_BEFORE.search(text, max(0, m.start() - 4), m.start())):
            continue
        out = out if out is not None else list(text)
        out[m.start():m.end()] = month
    return text if out is None else "".join(out)
