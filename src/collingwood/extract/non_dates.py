"""Numbers that are not times of the text: a date inside a work's title
('_Nazi–Soviet Relations, 1939–1941_' dates the documents, not the act of publishing them,
and must not become the narrative's time that 'one month later' counts from) and a number
in an identifier ('JCS 1779', 'NSC 68'). The extractor tags the text's times with their
digits masked (same length, so every offset holds); `collingwood dates` still reads them
all. Pure: no spaCy.
"""

from __future__ import annotations

import re
from dataclasses import replace

# A title in emphasis on one line: '_Title_', '*Title*' (not '**bold**' lead names).
_TITLE = re.compile(r"(?<![\w*_])(?:_(?!_)[^_\n]{2,200}?_|\*(?!\*)[^*\n]{2,200}?\*)(?![\w*_])")
_IDENTIFIER = re.compile(r"\b[A-Z]{2,}[A-Z-]*\s(\d{1,4})\b(?![.,]\d)")
_DIGIT = re.compile(r"\d")
# A calendar note inside a date: 'December 5 (Old Style) 1917', '11 September [O.S. 30 August] 1877'
# keeps the date as written around it.
_CALENDAR_NOTE = re.compile(r"(?<=\d)\s*[(\[](?:Old Style|New Style|O\.\s?S\.|N\.\s?S\.)[)\]]\s*(?=\d)")


def _in_capitals(text: str, at: int) -> bool:
    """The line is written in capitals (a cable, an OCR'd header): 'APRIL 1992' is a date there."""
    lo, hi = text.rfind("\n", 0, at) + 1, text.find("\n", at)
    letters = [c for c in text[lo:hi if hi >= 0 else len(text)] if c.isalpha()]
    return sum(c.isupper() for c in letters) > 0.5 * len(letters)


def without_title_numbers(text: str) -> str:
    """`text` with the digits of titles and identifiers turned into 'x', and calendar notes inside
    a date into spaces (same length)."""
    if "_" not in text and "*" not in text and not _IDENTIFIER.search(text) and not _CALENDAR_NOTE.search(text):
        return text
    out = list(text)
    for m in _CALENDAR_NOTE.finditer(text):
        out[m.start():m.end()] = " " * (m.end() - m.start())
    spans = [(m.start(), m.end()) for m in _TITLE.finditer(text)]
    spans += [(m.start(1), m.end(1)) for m in _IDENTIFIER.finditer(text) if not _in_capitals(text, m.start())]
    for lo, hi in spans:
        for d in _DIGIT.finditer(text, lo, hi):
            out[d.start()] = "x"
    return "".join(out)


def as_written(text: str, times: list) -> list:
    """The time expressions tagged on the masked text, with the text as written ('December 5
    (Old Style) 1917', not the spaces the mask left)."""
    out = []
    for m in times:
        written = text[m.start:m.end]
        if written != m.text:
            m = replace(m, text=written, span=m.span.with_text(written) if m.span is not None else None,
                        joined=m.joined.with_text(written) if m.joined is not None else None)
        out.append(m)
    return out
