"""Where a text's paragraphs break, found once, asked in O(log n).

A paragraph ends at a blank line, or at the end of a line too long to be a wrapped one
(``LONG_LINE`` characters or more, ending a sentence): web pages, encyclopaedia dumps and
news exports write one paragraph per line, while typed and OCR'd pages wrap theirs at a
hundred characters or fewer. The narrative time and reported speech both stop at a
paragraph break; asking ``"\\n\\n" in text[a:b]`` for every sentence of a long source
would slice the text again and again.
"""

from __future__ import annotations

import bisect
import re

_BREAK = re.compile(r"(?=\n\n)")
LONG_LINE = 200
_SENTENCE_END = ".!?\"”’')]"


def _line_paragraphs(text: str) -> list[int]:
    """Where a line of LONG_LINE characters or more ends a sentence and another line follows."""
    out, start = [], 0
    while (nl := text.find("\n", start)) != -1:
        if nl - start >= LONG_LINE and text[nl - 1] in _SENTENCE_END and text[nl + 1:nl + 2] not in ("", "\n"):
            out.append(nl)
        start = nl + 1
    return out


class Paragraphs:
    def __init__(self, text: str):
        breaks = [m.start() for m in _BREAK.finditer(text)]       # where a '\n\n' starts
        self.breaks = sorted(breaks + _line_paragraphs(text))     # and paragraphs written one per line

    def same(self, a: int, b: int) -> bool:
        """No paragraph break lies wholly inside text[a:b]."""
        return a >= b - 1 or bisect.bisect_left(self.breaks, a) == bisect.bisect_right(self.breaks, b - 2)

    def number(self, at: int) -> int:
        """Which paragraph offset `at` stands in (0 for the first)."""
        return bisect.bisect_right(self.breaks, at - 2)
