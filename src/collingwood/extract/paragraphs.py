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
BLOCK_START = re.compile(r"\s*(?:[#>|*•–-]|\d{1,3}[.)]\s|\[\d{1,3}\])")   # a heading, list item, table row, quote


def _line_paragraphs(text: str) -> list[int]:
    """Where a line of LONG_LINE characters or more ends a sentence and another line follows."""
    out, start = [], 0
    while (nl := text.find("\n", start)) != -1:
        if nl - start >= LONG_LINE and text[nl - 1] in _SENTENCE_END and text[nl + 1:nl + 2] not in ("", "\n"):
            out.append(nl)
        start = nl + 1
    return out


_GOES_ON = re.compile(r"[ \t]{0,3}[a-z]{2}")
_LINKS = frozenset("the a an of in to and for with by on at from".split())   # no sentence ends on them
_MID = frozenset("abcdefghijklmnopqrstuvwxyz,")


def _stops_mid_sentence(line: str) -> bool:
    """The line's last word ends in a lower-case letter or a comma (its tail only: lines of
    encyclopaedia text run to thousands of characters)."""
    return line.rstrip()[-1:] in _MID


def _ends_on_a_link(line: str) -> bool:
    words = line[-40:].split()
    return len(words) > 1 and words[-1] in _LINKS


def soft_blanks(lines: list[str]) -> set[int]:
    """The blank lines (by index) that only space out one paragraph's lines: OCR'd typescript
    often puts a blank line between every two lines. A blank line (or two) between a line
    of prose that stops mid-sentence ('who had the oversight') and a line that goes on in
    lower case ('bility or authority'), or after a line ending on an article, a preposition
    or 'and' ('in the' / 'Chicago American of ...'), is no paragraph break; an indented line
    after it (a title page's 'by ...') is."""
    out: set[int] = set()
    i = 0
    while i < len(lines):
        if lines[i].strip():
            i += 1
            continue
        j = i
        while j < len(lines) and not lines[j].strip():
            j += 1
        if 0 < i and j < len(lines) and j - i <= 2 and _stops_mid_sentence(lines[i - 1]) and _prose(lines[i - 1]) \
                and (_GOES_ON.match(lines[j]) or _ends_on_a_link(lines[i - 1]) and not lines[j].startswith("    ")) \
                and lines[i - 1].lstrip()[:1] not in "#|" and BLOCK_START.match(lines[j]) is None:
            out.update(range(i, j))
        i = j
    return out


_PROSE_WORD = re.compile(r"[a-z]{2,}[,;]?")
_LONGER_WORD = re.compile(r"[a-z]{3,}[,;]?")
_FURNITURE_LINES = 30          # a page's foot and the next page's head, OCR junk included
_FURNITURE_WIDTH = 60          # no line of running prose among them


def _prose(line: str, least: int = 6) -> bool:
    """A line of running prose: six words or more, 40 characters, a third of the words plain
    lower-case ones (names and dates make up the rest); or, with `least` under six, that many
    words, half of them lower-case words of three letters or more (OCR specks read as letters
    make short 'words': 'aa ee oe eT eh')."""
    words = line.split()
    plain, share = (_PROSE_WORD, 3) if least >= 6 else (_LONGER_WORD, 2)
    return (least < 6 or len(line.strip()) >= 40) and len(words) >= least \
        and sum(1 for w in words if plain.fullmatch(w)) * share >= len(words)


def page_furniture(lines: list[str]) -> list[tuple[int, int]]:
    """Line ranges (first, last) of what a page break put inside a sentence of an OCR'd
    typescript: the sentence stops mid-way at a page's last line ('He said he left Japan on
    June 25, 1960 and'), the page's foot and the next page's head follow (a classification,
    'page 5 of 9', a form's note, specks read as letters), and the sentence goes on in lower
    case ('travelled through Europe ...'). Short lines only between, none of them prose (nor
    a few words going on in lower case) but a bracketed note ('(This form is to be used ...')."""
    out = []
    i = 0
    while i < len(lines) - 1:
        line = lines[i]
        if lines[i + 1].strip() or not _stops_mid_sentence(line) or not _prose(line) \
                or BLOCK_START.match(line):
            i += 1
            continue
        note = False                  # inside a bracketed note
        for k in range(i + 2, min(len(lines), i + 2 + _FURNITURE_LINES)):
            follows = lines[k]
            opens = follows.lstrip().startswith("(")
            if not (note or opens) and (len(follows.strip()) > _FURNITURE_WIDTH or _prose(follows)
                                        or _GOES_ON.match(follows) and _prose(follows, least=3)):
                if not lines[k - 1].strip() and _GOES_ON.match(follows) and _prose(follows) \
                        and any(lines[n].strip() for n in range(i + 1, k)):
                    out.append((i + 1, k - 1))
                    i = k - 1
                break
            note = (note or opens) and ")" not in follows
        i += 1
    return out


def _soft_breaks(text: str) -> set[int]:
    """Where a '\\n\\n' inside a sentence starts (`soft_blanks`, `page_furniture`)."""
    if "\n\n" not in text:
        return set()
    lines = text.split("\n")
    soft = soft_blanks(lines) | {n for a, b in page_furniture(lines) for n in range(a, b + 1)}
    out, at = set(), 0
    for i, line in enumerate(lines):
        at += len(line)
        if i + 1 in soft:
            out.add(at)
        at += 1
    return out


class Paragraphs:
    def __init__(self, text: str):
        soft = _soft_breaks(text)                                  # a blank line inside a sentence
        breaks = [m.start() for m in _BREAK.finditer(text) if m.start() not in soft]   # where a '\n\n' starts
        self.breaks = sorted(breaks + _line_paragraphs(text))     # and paragraphs written one per line

    def same(self, a: int, b: int) -> bool:
        """No paragraph break lies wholly inside text[a:b]."""
        return a >= b - 1 or bisect.bisect_left(self.breaks, a) == bisect.bisect_right(self.breaks, b - 2)

    def number(self, at: int) -> int:
        """Which paragraph offset `at` stands in (0 for the first)."""
        return bisect.bisect_right(self.breaks, at - 2)
