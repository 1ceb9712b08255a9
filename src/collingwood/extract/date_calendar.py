"""Calendar helpers shared by the date resolvers: the narrative reference date (`_Ref`),
the TimeSpan and TIMEX2 value of a (year, month, day) whose month and day may be unknown,
month arithmetic, and the text normalisation every handler uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..timespan import TimeSpan, timex_year


def _norm(s: str | None) -> str:
    return re.sub(r"\s+", " ", (s or "").strip().lower())


@dataclass
class _Ref:
    y: int | None = None
    m: int | None = None
    d: int | None = None

    def span(self) -> TimeSpan | None:
        return _span(self.y, self.m, self.d)

    def value(self) -> str | None:
        return _value(self.y, self.m, self.d) if self.y is not None else None


def _span(y, m=None, d=None) -> TimeSpan | None:
    try:
        if y is None:
            return None
        if m is None:
            return TimeSpan.year(y)
        return TimeSpan.month(y, m) if d is None else TimeSpan.day(y, m, d)
    except ValueError:
        return None


def _value(y, m=None, d=None, fill: int = 0) -> str:
    v = timex_year(y) if y is not None else "XXXX"
    if m is not None or fill >= 2:
        v += f"-{m:02d}" if m is not None else "-XX"
    if d is not None or fill >= 3:
        v += f"-{d:02d}" if d is not None else "-XX"
    return v


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    t = y * 12 + (m - 1) + k
    return t // 12, t % 12 + 1
