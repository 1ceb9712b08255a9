"""Where a text's paragraphs break (a blank line), found once, asked in O(log n).

The narrative time and reported speech both stop at a paragraph break; asking
``"\\n\\n" in text[a:b]`` for every sentence of a long source would slice the text again
and again.
"""

from __future__ import annotations

import bisect
import re

_BREAK = re.compile(r"(?=\n\n)")


class Paragraphs:
    def __init__(self, text: str):
        self.breaks = [m.start() for m in _BREAK.finditer(text)]   # where a '\n\n' starts

    def same(self, a: int, b: int) -> bool:
        """No paragraph break lies wholly inside text[a:b]."""
        return a >= b - 1 or bisect.bisect_left(self.breaks, a) == bisect.bisect_right(self.breaks, b - 2)

    def number(self, at: int) -> int:
        """Which paragraph offset `at` stands in (0 for the first)."""
        return bisect.bisect_right(self.breaks, at - 2)
