"""Resolving time expressions to TIMEX2 values and honest spans.

`_Resolver` walks the mentions in text order keeping the *narrative time*: the last
date the text established. Relative expressions ("the next day", "that winter", "two
years later") are resolved against it; speaker-relative ones ("last week", "today",
"now") against the source's date written, when given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..timespan import (
    MONTHS,
    SEASONS,
    TimeSpan,
    approx,
    bound,
    civil,
    day_number,
    half,
    month_end,
    month_number,
    part,
    timex_year,
)
from .date_patterns import _PRECEDERS, _word_after, _word_before, words


@dataclass
class TimeMention:
    start: int
    end: int
    text: str
    value: str | None
    mod: str | None
    span: TimeSpan | None
    granularity: str
    kind: str = "date"                 # date | duration | set | ref | time (addition)
    joined: TimeSpan | None = None     # the whole range or disjunction this is one end of



# ---------------------------------------------------------------- resolving values

_UNIT_CODES = {"second": ("T", "S"), "minute": ("T", "M"), "hour": ("T", "H"), "day": ("", "D"),
               "night": ("", "D"), "week": ("", "W"), "fortnight": ("", "W"), "month": ("", "M"),
               "year": ("", "Y"), "decade": ("", "DE"), "century": ("", "CE"),
               "centurie": ("", "CE"), "millennium": ("", "ML")}
_FORWARD = ("next", "following", "subsequent", "coming")
_BACKWARD = ("previous", "preceding", "prior", "last")
_JOINERS = re.compile(r"\s*(?:-|–|—|to|or|and|until|till|through)\s*", re.I)


def _norm(s: str | None) -> str:
    return re.sub(r"\s+", " ", (s or "").strip().lower())


def _number(word: str | None) -> float | None:
    """A count from digits or words; None when vague ('a few', 'several')."""
    w = _norm(word)
    if not w:
        return 1
    if re.fullmatch(r"\d+(\.\d+)?", w):
        return float(w) if "." in w else int(w)
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


def duration_value(n: float | None, unit: str) -> str:
    t, code = _UNIT_CODES.get(unit, ("", "D"))
    if unit == "fortnight":
        return f"P{2 * n}W" if n is not None else "PXW"
    k = "X" if n is None else (f"{n:g}")
    return f"P{t}{k}{code}"


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


def _gran(m, d) -> str:
    return "year" if m is None else ("month" if d is None else "day")


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    t = y * 12 + (m - 1) + k
    return t // 12, t % 12 + 1


def _easter(y: int) -> tuple[int, int]:
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * l) // 433
    month = (h + l - 7 * m + 90) // 25
    return month, (h + l - 7 * m + 33 * month + 19) % 32


def _shifted(span: TimeSpan, unit: str, k: int) -> TimeSpan:
    """span moved by k units, keeping every day it could be: bounds move by the unit's shortest and longest lengths."""
    if unit in ("day", "night", "week", "fortnight", "hour", "minute"):
        days = k * {"week": 7, "fortnight": 14}.get(unit, 1)
        return TimeSpan(span.lo + days, span.hi + days, span.granularity)
    months = k * {"month": 1, "year": 12, "decade": 120, "century": 1200}.get(unit, 1)
    y, m, _ = civil(span.lo)
    y2, m2 = _add_months(y, m, months)
    lo = day_number(y2, m2, 1)
    y, m, _ = civil(span.hi)
    y2, m2 = _add_months(y, m, months)
    return TimeSpan(lo, max(lo, month_end(y2, m2)), span.granularity)



class _Resolver:
    """Walks mentions in order, keeping the narrative time (the last date established)."""

    def __init__(self, text: str, anchor: str | None, written: str | None):
        from ..timespan import parse_when
        self.text = text
        self.ref = _Ref()
        if anchor:
            a = parse_when(anchor)
            y, m, d = civil(a.lo)
            self.ref = _Ref(y, m if a.granularity in ("month", "day") else None,
                            d if a.granularity == "day" else None)
        self.written = parse_when(written) if written else None

    # -- building mentions
    def mention(self, a: int, b: int, value, span=None, mod=None, gran=None, kind="date"):
        if span is not None and mod in ("START", "MID", "END"):
            span = part(span, mod)
        elif span is not None and mod == "APPROX":
            span = approx(span)
        text = self.text[a:b]
        if span is not None:
            span = TimeSpan(span.lo, span.hi, span.granularity, text, value, mod)
        g = gran or (span.granularity if span else "unknown")
        return TimeMention(a, b, text, value, mod, span, g, kind)

    def date(self, a, b, y, m=None, d=None, mod=None, explicit=True, fill=0, tod=None):
        """A calendar date; y None when the narrative has not set a year yet."""
        if y is None:
            return self.mention(a, b, _value(None, m, d, fill) + (f"T{tod}" if tod else ""), None, mod, _gran(m, d))
        span = _span(y, m, d)
        if span is None:
            return None
        value = _value(y, m, d, fill) + (f"T{tod}" if tod else "")
        if explicit:
            self.settle(y, m, d)
        return self.mention(a, b, value, span, mod)

    def settle(self, y, m=None, d=None):
        r = self.ref
        if y != r.y or (m is not None and m != r.m):
            self.ref = _Ref(y, m, d)
        elif d is not None:
            self.ref = _Ref(y, m, d)

    def year(self, g: dict, a: int | None = None) -> int | None:
        """The astronomical year a match names, reading era and two-digit years."""
        raw = g.get("year")
        if not raw:
            return None
        y = int(raw)
        era = _norm(g.get("era")).replace(" ", "")
        if era.startswith("b"):
            return 1 - y
        if not era and len(raw) <= 3 and self.ref.y is not None and self.ref.y <= 0:
            return 1 - y
        return y

    # -- the handlers, one per pattern name
    def resolve(self, name: str, m: re.Match, hint_year: int | None) -> list[TimeMention]:
        g = {k: v for k, v in m.groupdict().items() if v is not None}
        handler = getattr(self, "_" + name)
        out = handler(m, g, hint_year)
        if out is None:
            return []
        return [x for x in (out if isinstance(out, list) else [out]) if x is not None]

    def _mods(self, g):
        mod = words()["parts"].get(_norm(g.get("part")).replace("-", "")) if g.get("part") else None
        return mod or ("APPROX" if g.get("apx") else None)

    def _dmy(self, m, g, hint):
        y = self.year(g)
        if y is None and g.get("that"):
            y = self.ref.y
        elif y is None:
            y = hint if hint is not None else self._forward(month_number(g["mon"]))
        return self.date(m.start(), m.end(), y, month_number(g["mon"]), int(g["day"]), self._mods(g))
    _mdy = _dmy

    def _tod_of(self, m, g, hint):
        x = self._dmy(m, g, hint)
        code = words()["times_of_day"][_norm(g["tod"])]
        if x is not None:
            x.value += f"T{code}"
        return x

    def _my(self, m, g, hint):
        return self.date(m.start(), m.end(), self.year(g), month_number(g["mon"]), None, self._mods(g))

    def _m_that(self, m, g, hint):
        if self.ref.y is None:
            return self.date(m.start(), m.end(), None, month_number(g["mon"]), None, self._mods(g))
        t = _norm(m[0])
        y = self.ref.y + (1 if re.search(r"following|next", t) else -1 if "previous" in t else 0)
        return self.date(m.start(), m.end(), y, month_number(g["mon"]), None, self._mods(g))

    def _forward(self, month: int) -> int | None:
        """The year of a month named without one: the narrative's year. (Rolling forward to
        the next year when the month is earlier than the narrative's lost accuracy on
        WikiWars: narratives step back within a year as often as they cross into the next.)"""
        return self.ref.y

    def _month(self, m, g, hint):
        y = hint if hint is not None else self._forward(month_number(g["mon"]))
        return self.date(m.start(), m.end(), y, month_number(g["mon"]), None, self._mods(g))

    def _season(self, m, g, hint):
        y = self.year(g)
        code = words()["seasons"][_norm(g["season"])]
        if y is None:
            y = hint if hint is not None else self.ref.y
            if y is not None and code == "WI" and self.ref.m in (1, 2):
                y -= 1
        if y is None:
            return self.mention(m.start(), m.end(), f"XXXX-{code}", None, self._mods(g), "season")
        if g.get("year"):
            self.settle(y)
        return self.mention(m.start(), m.end(), f"{timex_year(y)}-{code}", TimeSpan.season(y, code), self._mods(g))

    def _rel_season(self, m, g, hint):
        code = words()["seasons"][_norm(g["season"])]
        rel, y = _norm(g["rel"]), self.ref.y
        if y is None:
            return self.mention(m.start(), m.end(), f"XXXX-{code}", None, self._mods(g), "season")
        first = SEASONS[code][0]
        here = self.ref.m or 6
        if rel in _FORWARD or (rel == "next"):
            y = y if first > here else y + 1
        elif rel in _BACKWARD:
            y = y if first < here and code != "WI" else y - 1
        return self.mention(m.start(), m.end(), f"{timex_year(y)}-{code}", TimeSpan.season(y, code), self._mods(g))

    def _decade(self, m, g, hint):
        dec = int(g["dec"])
        bc = _norm(g.get("era")).startswith("b")
        if dec < 100 and not bc:
            century = (self.ref.y // 100 * 100) if self.ref.y and self.ref.y > 0 else 1900
            dec += century
        if bc:
            span = TimeSpan(day_number(1 - dec - 9, 1, 1), day_number(1 - dec, 12, 31), "decade")
            value = f"BC{dec // 10:03d}"
        else:
            span, value = TimeSpan.decade(dec), f"{dec // 10:03d}"
        return self.mention(m.start(), m.end(), value, span, self._mods(g))

    def _century(self, m, g, hint):
        o = _norm(g["ord"])
        c = int(re.match(r"\d+", o)[0]) if o[0].isdigit() else words()["ordinals"].get(o)
        if not c or c > 21:
            return None
        era = _norm(g.get("era"))
        bc = era.startswith("b") or (not era and self.ref.y is not None and self.ref.y <= 0)
        span = TimeSpan.century(-c if bc else c)
        return self.mention(m.start(), m.end(), span.value, span, self._mods(g))

    def _year(self, m, g, hint):
        y = self.year(g)
        p = _norm(g.get("part"))
        if "half" in p and y is not None:
            h = 1 if "first" in p else 2
            self.settle(y)
            return self.mention(m.start(), m.end(), f"{timex_year(y)}-H{h}", half(y, h), None)
        return self.date(m.start(), m.end(), y, None, None, self._mods(g))
    _year_era = _year

    def _year_bare(self, m, g, hint):
        if self.ref.y is None or self.ref.y >= 1000 or _word_before(self.text, m.start()) not in _PRECEDERS:
            return None
        if _word_after(self.text, m.end()) in words()["count_nouns"]:
            return None
        return self._year(m, g, hint)

    def _year_apos(self, m, g, hint):
        century = (self.ref.y // 100 * 100) if self.ref.y and self.ref.y > 0 else 1900
        return self.date(m.start(), m.end(), century + int(g["yy"]))

    def _year_range(self, m, g, hint):
        y1, raw2 = int(g["y1"]), g["y2"]
        y2 = int(raw2) if len(raw2) == 4 else y1 // 100 * 100 + int(raw2)
        if y2 <= y1:
            return None
        a, b = m.span("y1"), m.span("y2")
        return [self.date(*a, y1), self.date(*b, y2)]

    def _day_range_dm(self, m, g, hint):
        y = self.year(g)
        y = y if y is not None else (hint if hint is not None else self.ref.y)
        mon = month_number(g["mon"])
        first = self.date(*m.span("d1"), y, mon, int(g["d1"]), explicit=False)
        return [first, self.date(m.start("day"), m.end(), y, mon, int(g["day"]))]

    def _day_range_md(self, m, g, hint):
        y = self.year(g)
        y = y if y is not None else (hint if hint is not None else self.ref.y)
        mon = month_number(g["mon"])
        first = self.date(m.start(), m.end("d1"), y, mon, int(g["d1"]), explicit=False)
        return [first, self.date(m.start("day"), m.end(), y, mon, int(g["day"]))]

    def _ordinal_day(self, m, g, hint):
        if self.ref.m is None:
            return None
        a = m.start() + (m[0].lower().startswith("on ") and 3)
        return self.date(a, m.end(), self.ref.y, self.ref.m, int(g["day"]))

    def _holiday(self, m, g, hint):
        y = self.year(g)
        explicit = y is not None
        y = y if y is not None else self.ref.y
        name = _norm(g["hol"])
        if name.startswith("easter"):
            if y is None or y < 1583:
                return self.mention(m.start(), m.end(), None, None, None, "day")
            mon, d = _easter(y)
        else:
            mon, d = (int(x) for x in words()["holidays"][name].split("-"))
        x = self.date(m.start(), m.end(), y, mon, d, explicit=explicit)
        if x is not None and "night" in name:
            x.value += "TNI"
        return x

    # -- relative to the narrative time (or, for 'last week', to the date written)
    def _base(self, m: re.Match, rel: str) -> tuple[_Ref, bool]:
        unit = _norm(m.groupdict().get("runit"))
        speaker = (rel in ("last", "this", "next") and unit in ("week", "month", "year") and not _norm(m[0]).startswith(("the", "later", "earlier"))
                   and self.written is not None)
        return (self._written_ref(), True) if speaker else (self.ref, False)

    def _written_ref(self) -> _Ref:
        y, mo, d = civil(self.written.lo)
        g = self.written.granularity
        return _Ref(y, mo if g in ("month", "day") else None, d if g == "day" else None)

    def _rel_unit(self, m, g, hint):
        rel, unit = _norm(g["rel"]).replace("that same", "same"), _norm(g["runit"])
        base, speaker = self._base(m, rel)
        step = 1 if rel in _FORWARD else -1 if rel in _BACKWARD else 0
        mod = self._mods(g)
        a, b = m.start(), m.end()
        if unit in words()["times_of_day"]:
            return self._day_shift(a, b, base, step, mod, words()["times_of_day"][unit], speaker)
        if unit == "day":
            return self._day_shift(a, b, base, step, mod, None, speaker)
        if unit == "week":
            if base.d is None:
                return self.mention(a, b, None, None, mod, "week")
            n = day_number(base.y, base.m, base.d) + 7 * step
            return self._week(a, b, n, mod)
        if unit == "month":
            if base.y is None or base.m is None:
                return self.mention(a, b, None, None, mod, "month")
            y, mo = _add_months(base.y, base.m, step)
            return self.date(a, b, y, mo, None, mod, explicit=not speaker)
        if unit == "year":
            if base.y is None:
                return self.mention(a, b, None, None, mod, "year")
            return self.date(a, b, base.y + step, None, None, mod, explicit=not speaker)
        if unit in ("decade", "century"):
            return self._big_unit(a, b, base, unit, step, mod)
        if unit.capitalize() in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"):
            return self._weekday(a, b, base, unit, step)
        if unit in MONTHS:
            return self._named_month(a, b, base, MONTHS.index(unit) + 1, step, mod, speaker)
        return None

    def _day_shift(self, a, b, base, step, mod, tod, speaker):
        if base.y is None:
            return self.mention(a, b, _value(None, None, None, 3) + (f"T{tod}" if tod else ""), None, mod, "day")
        if base.d is None:
            return self.date(a, b, base.y, base.m, None, mod, explicit=False, fill=3, tod=tod)
        y, mo, d = civil(day_number(base.y, base.m, base.d) + step)
        return self.date(a, b, y, mo, d, mod, explicit=not speaker, tod=tod)

    def _week(self, a, b, n, mod):
        y, mo, d = civil(n)
        lo = n - (n - 1) % 7
        value = None
        if y > 0:
            iy, iw, _ = __import__("datetime").date(y, mo, d).isocalendar()
            value = f"{iy:04d}-W{iw:02d}"
        return self.mention(a, b, value, TimeSpan(lo, lo + 6, "week"), mod)

    def _big_unit(self, a, b, base, unit, step, mod):
        if base.y is None:
            return self.mention(a, b, None, None, mod, unit)
        if unit == "decade":
            span = TimeSpan.decade(base.y + 10 * step)
            y0 = civil(span.lo)[0]
            value = f"{y0 // 10:03d}" if y0 > 0 else f"BC{(1 - y0 - 9) // 10:03d}"
        else:
            c = (base.y - 1) // 100 + 1 if base.y > 0 else -((-base.y) // 100 + 1)
            c = c + step if c + step != 0 else c + 2 * step
            span = TimeSpan.century(c)
            value = span.value
        return self.mention(a, b, value, span, mod)

    def _weekday(self, a, b, base, unit, step):
        want = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday").index(unit)
        if base.d is None:
            return self.mention(a, b, None, None, None, "day")
        n = day_number(base.y, base.m, base.d)
        today = (n - 1) % 7
        delta = (want - today) % 7
        if step > 0 or (step == 0 and delta):
            delta = delta or 7
        elif step < 0:
            delta = -((today - want) % 7 or 7)
        y, mo, d = civil(n + delta)
        return self.date(a, b, y, mo, d)

    def _named_month(self, a, b, base, month, step, mod, speaker):
        if base.y is None:
            return self.date(a, b, None, month, None, mod)
        here = base.m or 6
        y = base.y
        if step > 0:
            y += month <= here
        elif step < 0:
            y -= month >= here
        return self.date(a, b, y, month, None, mod, explicit=not speaker)

    def _in_the_unit(self, m, g, hint):
        unit = _norm(g["runit"])
        r = self.ref
        if unit == "year":
            return self.date(m.start(), m.end(), r.y, None, None, explicit=False)
        if unit == "month":
            return self.date(m.start(), m.end(), r.y, r.m, None, explicit=False)
        if unit == "day":
            return self._day_shift(m.start(), m.end(), r, 0, None, None, False)
        return self.mention(m.start(), m.end(), None, None, None, unit)

    def _part_the_unit(self, m, g, hint):
        g = dict(g, rel="same")
        return self._rel_unit(m, g, hint)

    def _offset(self, m, g, hint):
        n, unit, direction = _number(g.get("num")), _unit(g["unit"]), _norm(g["dir"])
        sign = -1 if direction in ("earlier", "before", "ago", "previously", "beforehand") else 1
        base = self.ref
        if direction == "ago" and self.written is not None:
            base = self._written_ref()
        a, b = m.start(), m.end()
        if n is None or base.y is None:
            return self.mention(a, b, "FUTURE_REF" if sign > 0 else "PAST_REF", None, None, "unknown", "ref")
        n = int(n) if n == int(n) else n
        if unit in ("day", "night", "week", "fortnight") and base.d is not None and isinstance(n, int):
            days = n * {"day": 1, "night": 1, "week": 7, "fortnight": 14}[unit]
            y, mo, d = civil(day_number(base.y, base.m, base.d) + sign * days)
            if unit in ("week", "fortnight"):
                return self._week(a, b, day_number(y, mo, d), None)
            return self.date(a, b, y, mo, d, explicit=direction != "ago")
        if unit == "month" and base.m is not None and isinstance(n, int):
            y, mo = _add_months(base.y, base.m, sign * n)
            return self.date(a, b, y, mo, None, explicit=direction != "ago")
        if unit in ("year", "decade", "century") and isinstance(n, int):
            k = n * {"year": 1, "decade": 10, "century": 100}[unit]
            return self.date(a, b, base.y + sign * k, None, None, explicit=direction != "ago")
        if unit in ("hour", "minute"):
            if base.d is not None:
                return self.date(a, b, base.y, base.m, base.d, explicit=False, tod="XX")
        x = self.date(a, b, base.y, base.m, None, explicit=False, fill=3 if unit in ("day", "night") else 0)
        if x is not None and x.span is not None and isinstance(n, int):
            x.span = _shifted(x.span, unit, sign * n)      # honest: the whole window, moved
            x.granularity = x.span.granularity
        return x

    def _afterwards(self, m, g, hint):
        """'shortly afterwards': not a TIMEX2 markable, but it dates a claim after the narrative time."""
        r = self.ref.span()
        span = TimeSpan(r.lo, r.hi + 90, "unknown") if r is not None else None
        return self.mention(m.start(), m.end(), None, span, "AFTER", "unknown", "relative")

    def _offset_bare(self, m, g, hint):
        later = _norm(g["dir"]) in ("later", "afterwards")
        return self.mention(m.start(), m.end(), "FUTURE_REF" if later else "PAST_REF", None, None, "unknown", "ref")

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
        x = self.mention(m.start(), m.end(), duration_value(n, unit), None, mod, unit if unit in ("day", "week", "month", "year", "decade", "century") else "unknown", "duration")
        x.span = span.with_text(x.text) if span else None
        return x
    _duration_adj = _duration

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

    def _tod(self, m, g, hint):
        code = words()["times_of_day"][_norm(g["tod"])]
        rel = _norm(g.get("rel"))
        mod = words()["parts"].get(_norm(g.get("part"))) if g.get("part") else None
        if rel in ("each", "every"):
            return self.mention(m.start(), m.end(), "P1D", None, None, "day", "set")
        step = 1 if rel in ("the next", "the following") else -1 if rel == "the previous" else 0
        return self._day_shift(m.start(), m.end(), self.ref, step, mod, code, False)

    def _clock(self, m, g, hint):
        h = int(g["h"])
        ampm = _norm(g.get("ampm")).replace(".", "").replace(" ", "")
        h = h % 12 + (12 if ampm == "pm" else 0) if ampm else h
        t = f"T{h:02d}:{g.get('mi') or '00'}"
        r = self.ref
        value = (_value(r.y, r.m, r.d, 3) if r.y is not None else "XXXX-XX-XX") + t
        span = _span(r.y, r.m, r.d) if r.d is not None else None
        return self.mention(m.start(), m.end(), value, span, None, "day", "time")

    def _deixis(self, m, g, hint):
        w, dx = words(), _norm(g["dx"])
        a, b = m.start(), m.end()
        if dx.startswith("at "):
            a = m.start() + 3
        wr = self.written
        if dx in w["present_words"]:
            span = wr if dx not in ("today",) or wr is None or wr.granularity == "day" else wr
            return self.mention(a, b, "PRESENT_REF", span, None, span.granularity if span else "unknown", "ref")
        if dx in w["past_words"]:
            return self.mention(a, b, "PAST_REF", bound(wr, "BEFORE") if wr else None, "BEFORE" if wr else None,
                                "unknown", "ref")
        return self.mention(a, b, "FUTURE_REF", bound(wr, "AFTER") if wr else None, "AFTER" if wr else None,
                            "unknown", "ref")

    def _same_time(self, m, g, hint):
        a = m.start("st")
        span = self.ref.span()
        return self.mention(a, m.end(), None, span, None, span.granularity if span else "unknown")
