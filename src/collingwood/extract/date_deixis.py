"""Expressions said from the document's own date: weekdays named alone ("on Tuesday"),
"yesterday", "tomorrow", "tonight", "the weekend", quarters ("the third quarter") and
months named without a year in a dated document.

A dated document (a news report, memo, cable, testimony: `tag_dates(..., dct=)`) speaks
from its date, the DCT. News convention reads a weekday or a month named alone as the
last one on or before the DCT, unless the clause looks ahead ('will meet on Tuesday',
'is expected to join in April': the cue words are `future_cues` in data/dates_en.yaml),
when it is the first one on or after it. Without a DCT (historical narrative) the same
words are read against the narrative time. The handlers are mixed into `_Resolver`.
"""

from __future__ import annotations

import datetime
import functools
import re

from ..timespan import TimeSpan, bound, civil, day_number, quarter
from .date_calendar import _norm, _Ref, _span, _value
from .date_patterns import words

# days: how far ahead of its date a news report names a day (or a month) without a year
_AHEAD, _AHEAD_MONTH = 120, 60
_NEAR_YEARS = 1   # a narrative time this many years from the DCT is still 'now' for a dated document
_NEAR_CHARS = 400  # ... and a far one holds for this many characters after it was named, then news returns to its date
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_AFTER_A_YEAR = re.compile(r"\d{4}[\s,]*\Z")     # 'March 4, 1962\nMonday': a weekday labelling the date
_SENTENCE_END = re.compile(r"[.!?]['\"’”)]*\s+(?=[A-Z\"'“‘(])|\n\s*\n")


@functools.cache
def _cue(name: str) -> re.Pattern:
    """The words of data list `name` (future_cues, past_cues, clause_breaks) as one pattern."""
    alts = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words()[name], key=len, reverse=True))
    return re.compile(rf"(?:\b|(?<=\w))(?:{alts})\b", re.I)


@functools.cache
def _clause_break() -> re.Pattern:
    """Where a cue window stops: punctuation, or a word of `clause_breaks` (data/dates_en.yaml)."""
    return re.compile(r"[,;:()\"“”]|" + _cue("clause_breaks").pattern)


class _DeicticHandlers:
    """The `_Resolver` handlers for document-date deixis (mixed into `_Resolver`)."""

    # -- where the clause stands and which way it looks
    def _sentence(self, a: int, b: int) -> tuple[int, int]:
        text = self.text
        lo = max(0, a - 300)
        starts = [m.end() for m in _SENTENCE_END.finditer(text, lo, a)]
        s = starts[-1] if starts else lo
        m = _SENTENCE_END.search(text, b, min(len(text), b + 300))
        return s, m.start() if m else min(len(text), b + 300)

    def _looks_ahead(self, a: int, b: int) -> bool:
        """A future cue in the expression's own clause: the few words before it (back to a
        comma, colon, bracket or the sentence's start) and the few after it."""
        before, after = self._clause(a, b)
        if _cue("past_cues").search(before):
            return False
        return bool(_cue("future_cues").search(before) or _cue("future_cues").search(after))

    def _clause(self, a: int, b: int) -> tuple[str, str]:
        s, e = self._sentence(a, b)
        before = _clause_break().split(self.text[max(s, a - 50):a])[-1]
        after = _clause_break().split(self.text[b:min(e, b + 20)])[0]
        return before, after

    def _looks_back(self, a: int, b: int) -> bool:
        """A past cue just before the expression ('since March', 'earlier in March')."""
        return bool(_cue("past_cues").search(self._clause(a, b)[0]))

    def _dct_day(self) -> int | None:
        d = self.dct
        return d.lo if d is not None and d.granularity == "day" else None

    def _now_ref(self) -> _Ref:
        """The reference for speaker deixis: the DCT, else the date written, else the narrative time."""
        src = self.dct or self.written
        if src is None:
            return self.ref
        y, mo, d = civil(src.lo)
        g = src.granularity
        return _Ref(y, mo if g in ("month", "day") else None, d if g == "day" else None)

    def _narrative_here(self, a: int, b: int) -> bool:
        """Read a month named alone against the narrative time, not the DCT: the narrative time
        was set in this same sentence ('in March 1996 and again in May'), or the text is telling
        of a time more than a year from its own date (a dated article on 1937: 'In 1937 ... In
        March he defected') and has not come back to its date since. A clause that looks
        ahead ('will join NATO on March 12') speaks from the document's date whatever the
        narrative: a past narrative does not say 'will'."""
        if self._looks_ahead(a, b):
            return False
        if self._year_at is not None and self._sentence(a, a)[0] <= self._year_at:
            return True
        return self._far(a, self._far_hold)

    def _far(self, a: int, hold: int | None) -> bool:
        """The narrative time is far from the DCT (and, with hold, was named within hold characters)."""
        if self.ref.y is None or abs(self.ref.y - civil(self.dct.lo)[0]) <= _NEAR_YEARS:
            return False
        return hold is None or (self._set_at is not None and a - self._set_at < hold)

    def _reads_as_news(self) -> bool:
        """A dated document that tells of its own time (see `read_years`): the days it reads from
        its date ('on Tuesday', 'last October') become the time it tells of ('the next day')."""
        return self.dct is not None and self._far_hold is not None

    def read_years(self, cands) -> None:
        """Which way the dated document tells: most of the years it writes far from its date
        (a dated article on the 1930s: the past it tells holds until the text comes back to its
        date), or near it (a news report: a far year named in passing, 'since 1980', holds only
        for a few sentences)."""
        if self.dct is None:
            return
        y0 = civil(self.dct.lo)[0]
        years = [int(y) for *_, m in cands if len(y := m.groupdict().get("year") or "") == 4]
        far = sum(abs(y - y0) > _NEAR_YEARS for y in years)
        deictic = sum(name in ("wday", "day_deixis") for _, _, name, _ in cands)   # 'on Tuesday', 'yesterday'
        self._far_hold = None if far * 2 > len(years) + deictic else _NEAR_CHARS

    def _back_to_dct(self, a: int) -> None:
        """The text speaks from its own date again ('on Friday', 'yesterday'): the narrative
        time returns to the DCT."""
        y, mo, d = civil(self.dct.lo)
        self.ref, self._set_at = _Ref(y, mo, d if self.dct.granularity == "day" else None), a

    # -- the handlers
    def _wday(self, m, g, hint):
        want = _WEEKDAYS.index(_norm(g["wday"]))
        tod = words()["times_of_day"].get(_norm(g.get("tod")))
        a, b = m.start(), m.end()
        r = self.ref
        if r.d is not None and _AFTER_A_YEAR.search(self.text, max(0, a - 12), a):
            n = day_number(r.y, r.m, r.d)   # it labels the date just written: no time of its own
            y, mo, d = civil(n + (want - (n - 1) % 7) % 7)
            return self.mention(a, b, _value(y, mo, d) + (f"T{tod}" if tod else ""), _span(y, mo, d))
        n = self._dct_day()
        if n is not None and self.ref.d is not None and self._far(a, _NEAR_CHARS):
            n = None                        # 'On 10 May 1940 ... On Sunday': the narrative's week
        elif n is not None:
            self._back_to_dct(a)
        ahead = self._looks_ahead(a, b)
        if n is None:                       # narrative: the next such day on or after the narrative day
            r = self.ref
            if r.d is None:
                return self.mention(a, b, f"XXXX-WXX-{want + 1}" + (f"T{tod}" if tod else ""), None, None, "day")
            n, ahead = day_number(r.y, r.m, r.d), True
        today = (n - 1) % 7
        delta = (want - today) % 7 if ahead else -((today - want) % 7)
        y, mo, d = civil(n + delta)
        return self.date(a, b, y, mo, d, explicit=False, tod=tod)

    def _day_deixis(self, m, g, hint):
        shift = words()["day_deixis"][_norm(g["dd"])]
        tod = words()["times_of_day"].get(_norm(g.get("tod"))) or ("NI" if _norm(g["dd"]) == "tonight" else None)
        mod = words()["parts"].get(_norm(g.get("part"))) if g.get("part") else None
        a, b = m.start(), m.end()
        base = self.ref
        if self.dct is not None:
            base = self._now_ref()
            self._back_to_dct(a)
        if base.d is None:
            return self.mention(a, b, "XXXX-XX-XX" + (f"T{tod}" if tod else ""), None, mod, "day")
        y, mo, d = civil(day_number(base.y, base.m, base.d) + shift)
        x = self.date(a, b, y, mo, d, explicit=False, tod=tod)
        if x is not None and mod:
            x.mod = mod
        return x

    def _weekend(self, m, g, hint):
        n = self._dct_day()
        if n is None:
            r = self.ref
            if r.d is None:
                return self.mention(m.start(), m.end(), "XXXX-WXX-WE", None, None, "week")
            n = day_number(r.y, r.m, r.d)
        return self._weekend_at(m.start(), m.end(), n, 1 if self._looks_ahead(m.start(), m.end()) else -1)

    def _weekend_at(self, a: int, b: int, n: int, step: int):
        """The weekend nearest day n in the direction step (the one under way if n is in it)."""
        wd = (n - 1) % 7                     # 0 = Monday
        if wd >= 5:
            sat = n - (wd - 5)
        elif step > 0:
            sat = n + (5 - wd)
        else:
            sat = n - (wd + 2)
        y, mo, d = civil(sat)
        iy, iw, _ = datetime.date(y, mo, d).isocalendar() if y > 0 else (y, 0, 0)
        return self.mention(a, b, f"{iy:04d}-W{iw:02d}-WE", TimeSpan(sat, sat + 1, "day"), None, "week")

    def _quarter(self, m, g, hint):
        o = _norm(g["qord"])
        q = int(o[0]) if o[0].isdigit() else words()["ordinals"][o]
        a, b = m.start(), m.end()
        y = int(g["year"]) if g.get("year") else None
        qy = _norm(g.get("qy"))
        if qy[:1].isdigit():                # 'the 1988 third quarter'
            y = int(qy)
        elif qy.endswith("year's"):         # 'this year's third quarter', 'last year's'
            y = self._now_ref().y
            y = y + {"last": -1, "next": 1}.get(qy.split()[0], 0) if y is not None else None
        if y is None:
            if self.dct is not None and not self._narrative_here(a, b):
                y = civil(self.dct.lo)[0]
                if quarter(y, q).lo > self.dct.lo and not self._looks_ahead(a, b):
                    y -= 1                  # 'fourth-quarter results' in a January report
            else:
                y = self.ref.y
        if y is None:
            return self.mention(a, b, f"XXXX-Q{q}", None, None, "quarter")
        if qy in ("year-ago", "year-earlier"):   # 'the year-ago third quarter'
            span = quarter(y - 1, q)
            return self.mention(a, b, span.value, span, None, "quarter")
        return self._quarter_mention(a, b, y, q)

    def _quarter_mention(self, a: int, b: int, y: int, q: int):
        self._focus = (y, q, b)             # the quarter a business report is speaking of
        span = quarter(y, q)
        return self.mention(a, b, span.value, span, None, "quarter")

    def _focus_quarter(self, a: int) -> tuple[int, int] | None:
        """The quarter in focus: the last one named (within a few paragraphs), else in a dated
        document the last quarter completed before its date."""
        if self._focus is not None and a - self._focus[2] < 1500:
            return self._focus[:2]
        if self.dct is None:
            return None
        y, mo, _ = civil(self.dct.lo)
        q = (mo - 1) // 3 + 1
        return (y, q - 1) if q > 1 else (y - 1, 4)

    def _the_quarter(self, m, g, hint):
        """'the quarter', 'the latest quarter', 'the year-earlier quarter', 'this quarter'."""
        rel = _norm(g.get("qrel"))
        a, b = m.start(), m.end()
        t = _norm(m[0])
        if (t.startswith("this") or rel == "current") and self.dct is not None:
            y, mo, _ = civil(self.dct.lo)
            return self._quarter_mention(a, b, y, (mo - 1) // 3 + 1)
        focus = self._focus_quarter(a)
        if focus is None:                   # no quarter in sight: 'the quarter' of a town
            return None
        y, q = focus
        if rel in ("year-earlier", "year-ago"):
            span = quarter(y - 1, q)
            return self.mention(a, b, span.value, span, None, "quarter")
        if rel in ("previous", "prior") or t.startswith("last"):
            y, q = (y, q - 1) if q > 1 else (y - 1, 4)
        return self._quarter_mention(a, b, y, q)

    def _the_year(self, m, g, hint):
        """A dated report's 'the year', 'the fiscal year': its own year; 'the year ended March 31'
        is a year-long period told by its end (TimeML: a duration, P1Y). Not read in a narrative."""
        if self.dct is None:
            return None
        if g.get("ended"):
            end = m.start() + len(self.text[m.start():m.start("ended")].rstrip())
            return self.mention(m.start(), end, "P1Y", None, None, "year", "duration")
        return self.date(m.start(), m.end(), civil(self.dct.lo)[0], explicit=False)

    def _recent_units(self, m, g, hint):
        wr = self.written
        return self.mention(m.start(), m.end(), "PAST_REF", bound(wr, "BEFORE") if wr else None,
                            "BEFORE" if wr else None, "unknown", "ref")

    def _dct_month_year(self, a: int, b: int, month: int, day: int | None) -> int | None:
        """In a dated document, the year of a month (and day) named without one: the first
        such date on or after the DCT when the clause looks ahead; otherwise the nearest to
        the DCT, looking forward at most `_AHEAD` days (news tells what has happened, and
        names the coming deadline or meeting by its date: 'payable Dec. 7', 'by Jan. 14')."""
        if self.dct is None or self._narrative_here(a, b):
            return None
        y = civil(self.dct.lo)[0]
        n = self.dct.lo

        def at(year: int) -> TimeSpan:
            return TimeSpan.day(year, month, day) if day is not None else TimeSpan.month(year, month)
        try:
            options = [(year, at(year)) for year in (y - 1, y, y + 1)]
        except ValueError:                  # 29 February in a year without one
            return None
        if self._looks_ahead(a, b):
            return next(year for year, sp in options if sp.hi >= n)
        limit = -1 if self._looks_back(a, b) else _AHEAD if day is not None else _AHEAD_MONTH
        best = None
        for year, sp in options:
            if sp.lo <= n <= sp.hi:
                return year
            gap = n - sp.hi if sp.hi < n else sp.lo - n
            if sp.lo > n and gap > limit:
                continue
            if best is None or gap < best[0]:
                best = (gap, year)
        return best[1] if best else y
