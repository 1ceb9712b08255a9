"""A chronology's time column, kept out of the parse of the entry it dates.

A chronology or a surveillance log opens each entry with its clock time ('circa 11:30 A.M. -
"Harlan" goes to the Russian Embassy', '10:37 A.M. Harlan calls ...'). The small parser
takes 'circa' or the time for the subject of the entry's verb and the person goes missing.
The parser is handed the entry with that time blanked out (same length, so every offset
holds); the time itself is read from the text as written and still dates the entry.
"""

from __future__ import annotations

import re

_TIME = (r"(?:(?:circa|ca\.|c\.|about|approx\.?)[ \t]*)?(?>\d{1,2}[:.]\d{2}(?:[ \t]*[AaPp]\.?[ \t]?[Mm]\.?)?)"
         r"[ \t.,;:~—–-]*(?=[\"“'‘]|(?-i:[A-Z]))")   # the time taken whole: '4:26 P.M.' is no '4:26' before 'P'

_CLOCK = re.compile(rf"^[^\w\n]*{_TIME}", re.IGNORECASE)


def without_clock(text: str) -> str:
    """`text` with a leading clock time (and 'circa') replaced by spaces."""
    m = _CLOCK.match(text)
    if not m:
        return text
    return " " * m.end() + text[m.end():]

