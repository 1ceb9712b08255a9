"""Resolving time expressions to TIMEX2 values and honest spans.

`_Resolver` walks the mentions in text order keeping the *narrative time*: the last
date the text established. Relative expressions ("the next day", "that winter", "two
years later") are resolved against it; speaker-relative ones ("last week", "today",
"now") against the source's date written, when given.

The handlers for expressions that name a date or period themselves (possibly taking the
year from the narrative) live here; relative and deictic ones are in `date_relative`,
durations and sets in `date_durations`, and the shared calendar helpers in `date_calendar`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..timespan import TimeSpan, approx, civil, day_number, half, month_number, part, timex_year
from .date_calendar import _norm, _Ref, _span, _value
from .date_deixis import _DeicticHandlers
from .date_durations import _DurationHandlers
from .date_patterns import _PRECEDERS, _word_after, _word_before, words
from .date_relative import _RelativeHandlers
from .date_spoken import spoken_year


_ATTRIBUTIVE_BEFORE = re.compile(r"\b(?:the|a|an|its|his|her|their)\s+\Z", re.IGNORECASE)
_ATTRIBUTIVE_YEAR = re.compile(r"\d{3,4}\s+[^\W\d_]")     # a bare year before a word (not 'the 1930s')
# after a whole date: a noun it names ('the Dec. 21, 1988, bombing'), not a joiner or a preposition
_ATTRIBUTIVE_NOUN = re.compile(r",?[ \t]+(?!(?:and|or|to|until|till|through|in|on|at|of|by|for|from|when|with|as|"
                               r"after|before|the|a|an|was|were|is|are|had|has)\b)[a-z][a-z-]+\b")


@functools.cache
def _planned() -> re.Pattern:
    """A plan word (data/dates_en.yaml) up to three words before the end, in the same sentence."""
    alts = "|".join(re.escape(w) for w in words()["plan_words"])
    return re.compile(rf"\b(?:{alts})(?:\s+[\w'’-]+){{0,3}}\s*\Z", re.IGNORECASE)


@functools.cache
def _since() -> re.Pattern:
    """A word that opens a period running up to the speaker's now ('since 1980'), just before the end."""
    return re.compile(r"\b(?:since|dating\s+(?:back\s+)?to)\s+\Z", re.IGNORECASE)


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


_JOINERS = re.compile(r"\s*(?:-|–|—|/|to|or|and|until|till|through)\s*", re.I)


def _gran(m, d) -> str:
    return "year" if m is None else ("month" if d is None else "day")


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


class _Resolver(_RelativeHandlers, _DeicticHandlers, _DurationHandlers):
    """Walks mentions in order, keeping the narrative time (the last date established).

    dct: the document's own date (a dated report); it seeds the narrative time, stands in
    for `written`, and anchors document deixis ('yesterday', 'on Tuesday', 'in April').
    """

    def __init__(self, text: str, anchor: str | None, written: str | None, dct: str | None = None):
        from ..timespan import parse_when
        self.text, self._at = text, 0
        self.dct = parse_when(dct) if dct else None
        self.written = parse_when(written) if written else self.dct
        self.ref = _Ref()
        self._set_at: int | None = None     # where the text last set the narrative time
        self._year_at: int | None = None    # ... by writing its year ('in March 1996'), not inferring it
        self._focus: tuple[int, int, int] | None = None    # (year, quarter, end offset) last named
        self._far_hold: int | None = None   # how long a far narrative time holds in a dated document (read_years)
        start = anchor or dct
        if start:
            a = parse_when(start)
            y, m, d = civil(a.lo)
            self.ref = _Ref(y, m if a.granularity in ("month", "day") else None,
                            d if a.granularity == "day" else None)

    def narrative_state(self) -> tuple:
        """The narrative time as it stands, to put back after a date that does not move the
        story on (a sitting of an interview: `date_occasions`)."""
        return self.ref, self._set_at, self._year_at, self._focus

    def restore_narrative(self, state: tuple) -> None:
        self.ref, self._set_at, self._year_at, self._focus = state

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

    def date(self, a, b, y, m=None, d=None, mod=None, explicit=True, fill=0, tod=None, inferred=False):
        """A calendar date; y None when the narrative has not set a year yet; inferred: the
        year was not written but read from the narrative or the document's date."""
        if y is None:
            return self.mention(a, b, _value(None, m, d, fill) + (f"T{tod}" if tod else ""), None, mod, _gran(m, d))
        span = _span(y, m, d)
        if span is None:
            return None
        value = _value(y, m, d, fill) + (f"T{tod}" if tod else "")
        if (explicit or self._reads_as_news()) and not self._names_a_thing(a, b, d):
            self.settle(y, m, d, inferred or not explicit)   # a news report's 'on Tuesday', 'last October' too
        return self.mention(a, b, value, span, mod)

    def _names_a_thing(self, a: int, b: int, d) -> bool:
        """A whole date between an article and a noun names an event, as a year does in 'the 1939
        Agreement': 'charged in the Dec. 21, 1988, bombing' leaves the story's time where it was."""
        return d is not None and _ATTRIBUTIVE_BEFORE.search(self.text, max(0, a - 8), a) is not None \
            and _ATTRIBUTIVE_NOUN.match(self.text, b) is not None

    def settle(self, y, m=None, d=None, inferred=False):
        if _planned().search(self.text, max(0, self._at - 45), self._at):
            return                  # 'a campaign planned for 1976' sets no narrative time
        if _ATTRIBUTIVE_BEFORE.search(self.text, max(0, self._at - 8), self._at) and \
                _ATTRIBUTIVE_YEAR.match(self.text, self._at):
            return                  # 'the 1939 Commercial Agreement': a year naming a thing, not the story's time
        if self.dct is not None and _since().search(self.text, max(0, self._at - 12), self._at):
            return                  # a dated report's 'since 1980' runs to its own date: no narrative time
        r = self.ref
        self._set_at = self._at
        if not inferred:
            self._year_at = self._at
        if y != r.y or (m is not None and m != r.m):
            self.ref = _Ref(y, m, d)
        elif d is not None:
            self.ref = _Ref(y, m, d)

    def year(self, g: dict, a: int | None = None) -> int | None:
        """The astronomical year a match names, reading era and two-digit years."""
        raw = g.get("year")
        if not raw:
            return spoken_year(g["yw"]) if g.get("yw") else None
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
        self._at = m.start()
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
            y = hint if hint is not None else self._dct_month_year(m.start(), m.end(), month_number(g["mon"]), int(g["day"]))
            y = y if y is not None else self._forward(month_number(g["mon"]))
        return self.date(m.start(), m.end(), y, month_number(g["mon"]), int(g["day"]), self._mods(g),
                         inferred=not g.get("year"))
    _mdy = _dmy

    def _tod_of(self, m, g, hint):
        x = self._dmy(m, g, hint)
        code = words()["times_of_day"][_norm(g["tod"])]
        if x is not None:
            x.value += f"T{code}"
        return x

    def _week_of_month(self, m, g, hint):
        """'the first week of July, 1962' is 1-7 July; 'the third or fourth week' 15-28; 'the last week' the last seven days."""
        y, mon = self.year(g), month_number(g["mon"])
        month = _span(y, mon, None) if y is not None else None
        if month is None:
            return None
        first, last = _week_days(month, g["wk"]), _week_days(month, g.get("wk2") or g["wk"])
        self.date(m.start(), m.end(), y, mon, None)              # the month sets the narrative's time
        span = TimeSpan(first[0], last[1], "week", m[0], f"{y:04d}-{mon:02d}")
        return self.mention(m.start(), m.end(), span.value, span)

    _NUMERIC = re.compile(r"(?<![\w/.])(\d{1,2})/(\d{1,2})/(?:\d{4}|\d{2})(?![\w/])")

    def _day_first(self) -> bool:
        """The document writes its numeric dates day first ('23/8/78'): some date's first part
        is above 12 and its second not. Else month first, as American memos and forms do."""
        if not hasattr(self, "_dmy_order"):
            pairs = [(int(a), int(b)) for a, b in self._NUMERIC.findall(self.text)]
            self._dmy_order = any(a > 12 >= b for a, b in pairs) and not any(b > 12 >= a for a, b in pairs)
        return self._dmy_order

    def _numeric(self, m, g, hint):
        a, b = int(g["n1"]), int(g["n2"])
        mon, day = (b, a) if (a > 12 or self._day_first()) and b <= 12 else (a, b)
        if mon > 12 or day > 31:
            return None
        ny = g.get("ny")
        if ny and len(ny) == 2:
            now = (self.dct or self.written)
            recent = now is not None and 2000 + int(ny) <= civil(now.lo)[0]
            y = (2000 if recent else 1900) + int(ny)
        elif ny:
            y = int(ny)
        else:
            y = hint if hint is not None else self.ref.y
        x = self.date(m.start(), m.end(), y, mon, day, None, explicit=bool(ny), inferred=not ny)
        return x

    def _my(self, m, g, hint):
        return self.date(m.start(), m.end(), self.year(g), month_number(g["mon"]), None, self._mods(g))

    def _forward(self, month: int) -> int | None:
        """The year of a month named without one: the narrative's year. (Rolling forward to
        the next year when the month is earlier than the narrative's lost accuracy on
        WikiWars: narratives step back within a year as often as they cross into the next.)"""
        return self.ref.y

    def _month(self, m, g, hint):
        y = hint if hint is not None else self._dct_month_year(m.start(), m.end(), month_number(g["mon"]), None)
        y = y if y is not None else self._forward(month_number(g["mon"]))
        return self.date(m.start(), m.end(), y, month_number(g["mon"]), None, self._mods(g), inferred=True)

    def _season(self, m, g, hint):
        y = self.year(g)
        code = words()["seasons"][_norm(g["season"])]
        if y is None:
            y = hint if hint is not None else self.ref.y
            if y is not None and code == "WI" and self.ref.m in (1, 2):
                y -= 1
        if y is None:
            return self.mention(m.start(), m.end(), f"XXXX-{code}", None, self._mods(g), "season")
        if g.get("year") or g.get("yw"):
            self.settle(y)
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
        if y2 <= y1 or (g.get("slash") and y2 != y1 + 1):
            return None             # '1941/42' is the winter or the fiscal year across two years
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
        elif name in words()["weekday_holidays"]:
            mon, first, wday = words()["weekday_holidays"][name]
            if not explicit and self.dct is not None:   # a report's 'Thanksgiving': the last one, or the next
                y = self._dct_month_year(m.start(), m.end(), mon, first) or y
            if y is None or y < 1:
                return self.mention(m.start(), m.end(), None, None, None, "day")
            want = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday").index(wday)
            d = first + (want - (day_number(y, mon, first) - 1) % 7) % 7
        else:
            mon, d = (int(x) for x in words()["holidays"][name].split("-"))
        x = self.date(m.start(), m.end(), y, mon, d, explicit=explicit)
        if x is not None and "night" in name:
            x.value += "TNI"
        return x


_WEEK_START = {"first": 0, "second": 7, "third": 14, "fourth": 21, "fifth": 28}


def _week_days(month: TimeSpan, word: str) -> tuple[int, int]:
    """(first, last) day number of the named week of a month (a fifth or last week ends with the month)."""
    if word.lower() == "last":
        return month.hi - 6, month.hi
    lo = month.lo + _WEEK_START[word.lower()]
    return lo, min(lo + 6, month.hi) if word.lower() != "fifth" else month.hi
