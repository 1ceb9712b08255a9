"""A chronology's time column, kept out of the parse of the entry it dates.

A chronology or a surveillance log opens each entry with its clock time ('circa 11:30 A.M. -
"Oswald" goes to the Russian Embassy', '10:37 A.M. Oswald calls ...'). The small parser
takes 'circa' or the time for the subject of the entry's verb and the person goes missing.
The parser is handed the entry with that time blanked out (same length, so every offset
holds); the time itself is read from the text as written and still dates the entry.
"""

from __future__ import annotations

import re

_CLOCK = re.compile(r"^[\W_]*(?:(?:circa|ca\.|c\.|about|approx\.?)\s*)?\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?\s?[Mm]\.?)?"
                    r"[\s.,;:~—–-]*(?=[\"“'‘A-Z])", re.IGNORECASE)


def without_clock(text: str) -> str:
    """`text` with a leading clock time (and 'circa') replaced by spaces."""
    m = _CLOCK.match(text)
    if not m:
        return text
    return " " * m.end() + text[m.end():]
