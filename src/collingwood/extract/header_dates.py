"""The date at the head of an interview or a hearing record is when it was given, not when
what it tells happened.

An interview summary opens 'INTERVIEW OF JOHN DOE / AUGUST 17, 1978 / AMERICAN EMBASSY,
PARIS' and then reports what the interviewee said of years before. A date standing alone on
a line dates what follows in a chronology or a diary (`rules._narrative`), but in a source
whose kind tells the past afterwards (``schema/source_kinds.yaml``: not `contemporary`, such
as testimony, an interview, a memoir) the date lines of the header (the lines before the
first line of prose) date the telling only: they set no narrative time for the statements.
"""

from __future__ import annotations

import re

from ..model import schema

_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _prose_starts(text: str) -> int:
    """Offset of the first line of prose: six words or more, three of them in lower case."""
    at = 0
    for line in text.split("\n"):
        words = _WORD.findall(line)
        if len(words) >= 6 and sum(w[0].islower() for w in words) >= 3:
            return at
        at += len(line) + 1
    return len(text)


def told_after(kind: str | None, text: str, times: list) -> list:
    """The times that may set the narrative: all of them, less the header's date lines in a
    source told after the events."""
    entry = schema().source_kinds.get(kind or "") or {}
    if not kind or entry.get("contemporary", True) or not times:
        return times
    head = _prose_starts(text)
    return [m for m in times if m.start >= head or not _alone_on_line(text, m)]


def _alone_on_line(text: str, m) -> bool:
    lo = text.rfind("\n", 0, m.start) + 1
    hi = text.find("\n", m.end)
    rest = (text[lo:m.start] + " " + text[m.end:len(text) if hi < 0 else hi]).split()
    return len(rest) <= 1
