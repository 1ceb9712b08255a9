"""Durations and sets: counts and units read from words ("three weeks", "a few days",
"daily", "per year"), their TIMEX2 duration values (P3W, PXD), and the `_Resolver`
handlers for duration, age and set expressions.
"""

from __future__ import annotations

import re

from ..timespan import TimeSpan, civil, day_number, month_end
from .date_calendar import _add_months, _norm
from .date_patterns import words

_UNIT_CODES = {"second": ("T", "S"), "minute": ("T", "M"), "hour": ("T", "H"), "day": ("", "D"),
               "night": ("", "D"), "week": ("", "W"), "fortnight": ("", "W"), "month": ("", "M"),
               "year": ("", "Y"), "decade": ("", "DE"), "century": ("", "CE"),
               "centurie": ("", "CE"), "millennium": ("", "ML")}


def _number(word: str | None) -> float | None:
    """A count from digits or words; None when vague ('a few', 'several')."""
    w = _norm(word)
    if not w:
        return 1
    if re.fullmatch(r"\d+(\.\d+)?", w):
        return float(w) if "." in w else int(w)
    if re.fullmatch(r"\d+ 1/2", w):                     # '2 1/2 years'
        return int(w.split()[0]) + 0.5
    table = words()["numbers"]
    if w in table:
        return table[w]
    if "-" in w:
        parts = [table.get(p) for p in w.split("-")]
        if all(isinstance(p, int) for p in parts):
            return sum(parts)
    return None


def _unit(word: str) -> str:
    u = _norm(word).rstrip("'").removesuffix("'s").removesuffix("s'")
    if u.endswith("ies"):
        return "century"
    return u[:-1] if u.endswith("s") and u[:-1] in _UNIT_CODES else u


# a half of a unit written in the next smaller one: 'two and a half years' is P2Y6M (TimeML)
_HALVES = {"year": ("6M", ""), "day": ("12H", "T"), "hour": ("30M", ""), "minute": ("30S", "")}


def duration_value(n: float | None, unit: str) -> str:
    t, code = _UNIT_CODES.get(unit, ("", "D"))
    if unit == "fortnight":
        return f"P{2 * n}W" if n is not None else "PXW"
    if n is not None and n % 1 == 0.5 and n > 1 and unit in _HALVES:
        rest, sep = _HALVES[unit]
        return f"P{t}{int(n)}{code}{sep}{rest}"
    k = "X" if n is None else (f"{n:g}")
    return f"P{t}{k}{code}"


class _DurationHandlers:
    """The `_Resolver` handlers for durations, ages and sets (mixed into `_Resolver`)."""

    def _duration(self, m, g, hint):
        unit = _unit(g["unit"])
        if unit not in _UNIT_CODES:
            return None
        n = _number(g.get("num")) if g.get("num") else (None if m[0].lower().rstrip().endswith(("s", "ies", "long")) else 1)
        dmod = _norm(g.get("dmod"))
        mod = words()["duration_mods"].get(dmod)
        span = None
        if dmod in ("the next", "the following", "the coming") and isinstance(n, int):
            span = self._window(unit, n, 1)
        elif dmod in ("the past", "the previous", "the last") and isinstance(n, int):
            span = self._window(unit, n, -1)
        elif dmod in ("these", "those") and isinstance(n, int):
            span = self._through(unit, n)       # 'during these two years': the stretch just told of
        x = self.mention(m.start(), m.end(), duration_value(n, unit), None, mod, unit if unit in ("day", "week", "month", "year", "decade", "century") else "unknown", "duration")
        x.span = span.with_text(x.text) if span else None
        return x
    _duration_adj = _duration

    def _through(self, unit, n):
        """'these two years', 'those six months': the n units the narrative has just told of,
        ending with its current time (whole units: 'these two years' after 'until 1938' is
        1936-1938)."""
        r = self.ref.span()
        if r is None or unit not in ("month", "year") or r.granularity not in ("year", "month", "day"):
            return None
        y, mo, _ = civil(r.hi)
        if unit == "year":
            return TimeSpan(day_number(y - n, 1, 1), r.hi, "year")
        y2, m2 = _add_months(y, mo, -n)
        return TimeSpan(day_number(y2, m2, 1), r.hi, "month")

    def _window(self, unit, n, sign):
        r = self.ref.span()
        if r is None or unit not in ("day", "week", "month", "year"):
            return None
        if unit in ("day", "week"):
            days = n * (7 if unit == "week" else 1)
            lo, hi = (r.hi + 1, r.hi + days) if sign > 0 else (r.lo - days, r.lo - 1)
            return TimeSpan(lo, hi, "day")
        months = n * (12 if unit == "year" else 1)
        edge = r.hi + 1 if sign > 0 else r.lo
        y, mo, d = civil(edge)
        y2, m2 = _add_months(y, mo, sign * months)
        other = day_number(y2, m2, min(d, month_end(y2, m2) - day_number(y2, m2, 1) + 1))
        return TimeSpan(edge, other - 1, "day") if sign > 0 else TimeSpan(other, edge - 1, "day")

    def _age(self, m, g, hint):
        return self.mention(m.start(), m.end(), f"P{int(g['num'])}Y", None, None, "year", "duration")

    def _set(self, m, g, hint):
        """'per day' is a rate (P1D); 'daily', 'every day' recur on unspecified days (XXXX-XX-XX)."""
        t = _norm(m[0])
        unit = _norm(g.get("sunit")) or {"daily": "day", "weekly": "week", "monthly": "month", "annually": "year",
                                          "yearly": "year", "nightly": "night"}[t]
        gran = unit if unit != "night" else "day"
        if t.startswith("per ") or t.startswith("a "):
            return self.mention(m.start(), m.end(), duration_value(1, unit), None, None, gran, "set")
        value = {"day": "XXXX-XX-XX", "night": "XXXX-XX-XXTNI", "week": "XXXX-WXX", "month": "XXXX-XX",
                 "year": "XXXX", "hour": "XXXX-XX-XXTXX"}[unit]
        return self.mention(m.start(), m.end(), value, None, None, gran, "set")
