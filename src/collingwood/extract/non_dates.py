"""Numbers that are not times of the text: a date inside a work's title
('_Nazi–Soviet Relations, 1939–1941_' dates the documents, not the act of publishing them,
and must not become the narrative's time that 'one month later' counts from) and a number
in an identifier ('JCS 1779', 'NSC 68'). The extractor tags the text's times with their
digits masked (same length, so every offset holds); `collingwood dates` still reads them
all. Pure: no spaCy.
"""

from __future__ import annotations

import re

# A title in emphasis on one line: '_Title_', '*Title*' (not '**bold**' lead names).
_TITLE = re.compile(r"(?<![\w*_])(?:_(?!_)[^_\n]{2,200}?_|\*(?!\*)[^*\n]{2,200}?\*)(?![\w*_])")
_IDENTIFIER = re.compile(r"\b[A-Z]{2,}[A-Z-]*\s(\d{1,4})\b(?![.,]\d)")
_DIGIT = re.compile(r"\d")


def _in_capitals(text: str, at: int) -> bool:
    """The line is written in capitals (a cable, an OCR'd header): 'APRIL 1992' is a date there."""
    lo, hi = text.rfind("\n", 0, at) + 1, text.find("\n", at)
    letters = [c for c in text[lo:hi if hi >= 0 else len(text)] if c.isalpha()]
    return sum(c.isupper() for c in letters) > 0.5 * len(letters)


def without_title_numbers(text: str) -> str:
    """`text` with the digits of titles and identifiers turned into 'x' (same length)."""
    if "_" not in text and "*" not in text and not _IDENTIFIER.search(text):
        return text
    out = list(text)
    spans = [(m.start(), m.end()) for m in _TITLE.finditer(text)]
    spans += [(m.start(1), m.end(1)) for m in _IDENTIFIER.finditer(text) if not _in_capitals(text, m.start())]
    for lo, hi in spans:
        for d in _DIGIT.finditer(text, lo, hi):
            out[d.start()] = "x"
    return "".join(out)
