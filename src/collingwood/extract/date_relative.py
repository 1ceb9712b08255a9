"""Expressions anchored on the narrative time or on the date written: "the next day",
"that winter", "the following May", "two years later", "last week", "today", times of day
and clock times. The handlers are mixed into `_Resolver`, which keeps the narrative time.
"""

from __future__ import annotations

import re

from ..timespan import (
    MONTHS,
    SEASONS,
    TimeSpan,
    bound,
    civil,
    day_number,
    month_end,
    month_number,
    quarter,
    timex_year,
)
from .date_calendar import _add_months, _norm, _Ref, _span, _value
from .date_durations import _number, _unit
from .date_patterns import words

_FORWARD = ("next", "following", "subsequent", "coming")
_BACKWARD = ("previous", "preceding", "prior", "last")
_FEW = ("a few", "few", "several", "a couple of")     # fewer than ten: 'some', 'many' may be more


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


class _RelativeHandlers:
    """The `_Resolver` handlers for relative and deictic expressions (mixed into `_Resolver`)."""

    # -- relative to the narrative time (or, for 'last week', to the date written)
    def _base(self, m: re.Match, rel: str) -> tuple[_Ref, bool]:
        unit = _norm(m.groupdict().get("runit"))
        t = _norm(m[0])
        if self.written is None or rel not in ("last", "this", "next"):
            return self.ref, False
        if self.dct is not None:        # a dated document: 'last Friday', 'earlier this month', 'this morning'
            speaker = not t.startswith("the") and (rel == "this" or not t.startswith(("later", "earlier")))
        else:
            speaker = unit in ("week", "month", "year") and not t.startswith(("the", "later", "earlier"))
        return (self._written_ref(), True) if speaker else (self.ref, False)

    def _written_ref(self) -> _Ref:
        src = self.dct or self.written
        y, mo, d = civil(src.lo)
        g = src.granularity
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
        if unit == "weekend":
            if base.d is None:
                return self.mention(a, b, "XXXX-WXX-WE", None, mod, "week")
            ahead = step > 0 or (step == 0 and self._looks_ahead(a, b))
            return self._weekend_at(a, b, day_number(base.y, base.m, base.d) + 7 * step, 1 if ahead else -1)
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

    _UNIT_PARTS = {"end": "the end of", "close": "the close of", "start": "the start of",
                   "beginning": "the beginning of", "middle": "the middle of"}

    def _unit_part(self, m, g, hint):
        """"at month's end", "by year's end": the end of this month or year: a news report's
        own (its document date), else the story's ('At month's end, the Eighth Army ...')."""
        rel = "this" if self.dct is not None else "same"
        return self._rel_unit(m, dict(g, rel=rel, part=self._UNIT_PARTS[_norm(g["upart"])]), hint)

    def _few_ago(self, a: int, b: int, unit: str, base: _Ref):
        """'a few years ago', 'several months ago' in a dated record: fewer than ten of the units
        before the date written, up to that date (the TIMEX2 value stays PAST_REF)."""
        end = day_number(base.y, base.m, base.d)
        if unit in ("day", "week"):
            lo = end - 9 * (7 if unit == "week" else 1)
        else:
            y, mo = _add_months(base.y, base.m, -9 * (12 if unit == "year" else 1))
            lo = day_number(y, mo, 1) if unit == "month" else day_number(y, 1, 1)
        return self.mention(a, b, "PAST_REF", TimeSpan(lo, end, unit), None, unit, "ref")

    def _offset(self, m, g, hint):
        n, unit, direction = _number(g.get("num")), _unit(g["unit"]), _norm(g["dir"])
        sign = -1 if direction in ("earlier", "before", "ago", "previously", "beforehand") else 1
        base = self.ref
        if direction == "ago" and self.written is not None:
            base = self._written_ref()
        a, b = m.start(), m.end()
        if n is None and direction == "ago" and self.written is not None and base.y is not None and base.m is not None and base.d is not None \
                and _norm(g.get("num") or "") in _FEW and unit in ("year", "month", "week", "day"):
            return self._few_ago(a, b, unit, base)
        if n is None or base.y is None or (direction in ("before", "after") and _anchored_on_someone(self.text, b)):
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
        if unit == "year" and n == 1 and self.dct is not None and self._focus is not None \
                and a - self._focus[2] < 600:   # 'profit of $6 million a year ago': the quarter a year back
            y, q = self._focus[:2]
            span = quarter(y - 1, q)
            return self.mention(a, b, span.value, span)
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

    def _m_that(self, m, g, hint):
        if self.ref.y is None:
            return self.date(m.start(), m.end(), None, month_number(g["mon"]), None, self._mods(g))
        t = _norm(m[0])
        y = self.ref.y + (1 if re.search(r"following|next", t) else -1 if "previous" in t else 0)
        return self.date(m.start(), m.end(), y, month_number(g["mon"]), None, self._mods(g))

    def _m_rel_year(self, m, g, hint):
        """'June last year', 'January this year': the month of the speaker's year (the narrative's without a date written)."""
        base = self._written_ref() if self.written is not None else self.ref
        step = {"last": -1, "next": 1}.get(_norm(g["rel"]), 0)
        y = base.y + step if base.y is not None else None
        return self.date(m.start(), m.end(), y, month_number(g["mon"]), None, self._mods(g))

    def _rel_season(self, m, g, hint):
        code = words()["seasons"][_norm(g["season"])]
        rel, y = _norm(g["rel"]), self.ref.y
        if y is None:
            return self.mention(m.start(), m.end(), f"XXXX-{code}", None, self._mods(g), "season")
        if self.dct is not None and rel in ("last", "this", "next", "coming") and not _norm(m[0]).startswith("the"):
            return self._season_from_dct(m.start(), m.end(), code, rel, g)
        first = SEASONS[code][0]
        here = self.ref.m or 6
        if rel in _FORWARD or (rel == "next"):
            y = y if first > here else y + 1
        elif rel in _BACKWARD:
            y = y if first < here and code != "WI" else y - 1
        return self.mention(m.start(), m.end(), f"{timex_year(y)}-{code}", TimeSpan.season(y, code), self._mods(g))

    def _season_from_dct(self, a, b, code, rel, g):
        """A dated document's 'last fall', 'this summer', 'next spring': the last such season
        ended before its date, the one of its year, the first not yet begun."""
        n, y = self.dct.lo, civil(self.dct.lo)[0]
        if rel == "this":
            y -= code == "WI" and civil(n)[1] <= 2      # 'this winter' in January began in December
        elif rel == "last":
            y -= TimeSpan.season(y, code).hi >= n
            y -= TimeSpan.season(y, code).hi >= n
        else:
            y += TimeSpan.season(y, code).lo <= n
        return self.mention(a, b, f"{timex_year(y)}-{code}", TimeSpan.season(y, code), self._mods(g))

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
        if dx == "today" and self.dct is not None and self.dct.granularity == "day":
            y, mo, d = civil(self.dct.lo)           # a dated document's 'today' is its date
            self._back_to_dct(a)
            return self.date(a, b, y, mo, d, explicit=False)
        if dx in w["present_words"]:
            span = wr if dx not in ("today",) or wr is None or wr.granularity == "day" else wr
            return self.mention(a, b, "PRESENT_REF", span, None, span.granularity if span else "unknown", "ref")
        if dx in w["past_words"]:
            return self.mention(a, b, "PAST_REF", bound(wr, "BEFORE") if wr else None, "BEFORE" if wr else None,
                                "unknown", "ref")
        return self.mention(a, b, "FUTURE_REF", bound(wr, "AFTER") if wr else None, "AFTER" if wr else None,
                            "unknown", "ref")

    def _at_the_time(self, m, g, hint):
        """Bare 'at the time': the time just told of, an anaphor with no value of its own (its
        annotated values follow no rule: the story's year, the day, PRESENT_REF or none). It dates
        a claim by the narrative time, like 'shortly afterwards', and like it is no TIMEX."""
        a = m.start("st")
        span = self.ref.span()
        return self.mention(a, m.end(), None, span, None, span.granularity if span else "unknown", "relative")

    def _same_time(self, m, g, hint):
        a = m.start("st")
        span = self.ref.span()
        return self.mention(a, m.end(), None, span, None, span.granularity if span else "unknown")


_SOMEONE_NEXT = re.compile(r"[ \t]*\n?[ \t]*(?:(?-i:[A-Z][a-z]+|[A-Z]{2,})\b|(?:he|she|they|his|her|their)\b)")


def _anchored_on_someone(text: str, end: int) -> bool:
    """'two months before Oswald shot the President', 'two years after his death': the offset
    counts from a person's act the phrase after it names, not from the narrative time; undated
    here. ('two years after the revolution' keeps the narrative's reading.)"""
    m = _SOMEONE_NEXT.match(text, end)
    if m is None:
        return False
    word = m.group(0).strip().lower()
    w = words()
    return _month_of(word) is None and word not in w["weekdays"] and word not in w["holidays"] \
        and word not in ("easter", "christmas")


def _month_of(word: str) -> int | None:
    """A month written whole or cut short ('Sept.', 'Oct'), never a name that starts like one ('Martin')."""
    w = word.rstrip(".")
    try:
        n = month_number(w)
    except (KeyError, ValueError):
        return None
    return n if len(w) <= 4 or w.startswith(MONTHS[n - 1].lower()) else None
