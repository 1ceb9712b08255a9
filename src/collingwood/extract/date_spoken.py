"""Years said in words, as broadcast transcripts write them: 'nineteen ninety-four',
'nineteen hundred', 'nineteen oh five', 'two thousand', 'two thousand and one'.

`SPOKEN_YEAR` is a regular expression (one group, `yw`) for the date patterns; `spoken_year`
gives its number. The number words are those of `numbers` in data/dates_en.yaml.
"""

from __future__ import annotations

import re

_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_CENTURIES = _TEENS[1:]                      # eleven ... nineteen: 1100-1999
_SEP = r"[\s-]+"


def _alt(ws: list[str]) -> str:
    return "|".join(sorted(ws, key=len, reverse=True))


_TWO_DIGITS = rf"(?:(?:{_alt(_TENS)})(?:-(?:{_alt(_UNITS)}))?|{_alt(_TEENS)})"
_UP_TO_99 = rf"(?:{_TWO_DIGITS}|{_alt(_UNITS)})"
SPOKEN_YEAR = (rf"(?P<yw>(?-i:[Tt]wo){_SEP}thousand(?:{_SEP}(?:and{_SEP})?{_UP_TO_99})?"
               rf"|(?:{_alt(_CENTURIES)}){_SEP}(?:hundred(?:{_SEP}(?:and{_SEP})?{_UP_TO_99})?"
               rf"|oh{_SEP}(?:{_alt(_UNITS)})|{_TWO_DIGITS}))(?![\w-])")

_VALUES = {w: i for i, w in enumerate(["zero", *_UNITS], 0)} | {w: 10 + i for i, w in enumerate(_TEENS)} \
    | {w: 20 + 10 * i for i, w in enumerate(_TENS)} | {"oh": 0}


def _small(words: list[str]) -> int:
    return sum(_VALUES[w] for w in words)


def spoken_year(text: str) -> int:
    """'nineteen ninety-four' -> 1994, 'two thousand and one' -> 2001, 'nineteen hundred' -> 1900."""
    ws = [w for w in re.split(r"[\s-]+", text.lower()) if w and w != "and"]
    if ws[:2] == ["two", "thousand"]:
        return 2000 + _small(ws[2:])
    head, rest = _VALUES[ws[0]], ws[1:]
    if rest[:1] == ["hundred"]:
        return head * 100 + _small(rest[1:])
    return head * 100 + _small(rest)
