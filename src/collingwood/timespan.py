"""Fuzzy historical time spans: an interval of days with the precision the source gave.

A `TimeSpan` is the set of days a time expression could denote: ``lo`` is the
earliest possible day and ``hi`` the latest (inclusive), as day numbers. Day
numbers are proleptic Gregorian ordinals (``lo == date(y, m, d).toordinal()`` for
years 1-9999) extended below year 1 with astronomical years: year 0 is 1 BC,
year -478 is 479 BC. Open-ended spans ("before 1945") use the bounds of
``OPEN_LO``/``OPEN_HI`` (years -9999 and 9999).

The algebra is uncertainty-aware: two spans *intersect* when they could denote
the same time; one is *before* another only when every day of it precedes every
day of the other. Pure: no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

GRANULARITIES = ("day", "week", "month", "season", "quarter", "half", "year",
                 "decade", "century", "unknown")

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
              "Nov", "Dec")
# season code -> (first month, number of months); winter starts in December of its year
SEASONS = {"SP": (3, 3), "SU": (6, 3), "FA": (9, 3), "WI": (12, 3)}
SEASON_WORDS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
SEASON_NAMES = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_EPOCH = 719163  # date(1970, 1, 1).toordinal()


# ---------------------------------------------------------------- calendar arithmetic

def day_number(y: int, m: int, d: int) -> int:
    """Day number of a proleptic Gregorian date (astronomical year numbering)."""
    y -= m <= 2
    era = y // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468 + _EPOCH


def civil(n: int) -> tuple[int, int, int]:
    """(year, month, day) of a day number; inverse of `day_number`."""
    z = n - _EPOCH + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + (3 if mp < 10 else -9)
    return yoe + era * 400 + (m <= 2), m, d


def month_end(y: int, m: int) -> int:
    """Day number of the last day of month m of year y."""
    return day_number(y + m // 12, m % 12 + 1, 1) - 1


def iso(n: int) -> str:
    y, m, d = civil(n)
    return f"{'-' if y < 0 else ''}{abs(y):04d}-{m:02d}-{d:02d}"


def parse_iso(s: str) -> int:
    m = re.fullmatch(r"\s*(-?\d{1,4})-(\d\d)-(\d\d)\s*", s)
    if not m:
        raise ValueError(f"{s!r} is not an ISO date (YYYY-MM-DD, BC as -YYYY-MM-DD)")
    y, mo, d = (int(g) for g in m.groups())
    if not 1 <= mo <= 12 or not 1 <= d <= month_end(y, mo) - day_number(y, mo, 1) + 1:
        raise ValueError(f"{s!r} is not a real calendar date")
    return day_number(y, mo, d)


OPEN_LO = day_number(-9999, 1, 1)
OPEN_HI = day_number(9999, 12, 31)


def timex_year(y: int) -> str:
    """TIMEX2 year value: '1939', 'BC0479' for astronomical year -478."""
    return f"{y:04d}" if y > 0 else f"BC{1 - y:04d}"


def year_words(y: int) -> str:
    return str(y) if y > 0 else f"{1 - y} BC"


# ---------------------------------------------------------------- the value type

@dataclass(frozen=True)
class TimeSpan:
    lo: int
    hi: int
    granularity: str
    text: str = ""
    value: str | None = None
    mod: str | None = None

    def __post_init__(self):
        if self.hi < self.lo:
            raise ValueError(f"a time span cannot end ({iso(self.hi)}) before it starts ({iso(self.lo)})")
        if self.granularity not in GRANULARITIES:
            raise ValueError(f"unknown granularity {self.granularity!r}; use one of {', '.join(GRANULARITIES)}")

    # -- properties
    @property
    def earliest(self) -> str:
        return iso(self.lo)

    @property
    def latest(self) -> str:
        return iso(self.hi)

    @property
    def open_start(self) -> bool:
        return self.lo <= OPEN_LO

    @property
    def open_end(self) -> bool:
        return self.hi >= OPEN_HI

    # -- constructors
    @classmethod
    def from_iso(cls, earliest: str, latest: str, granularity: str = "day", text: str = "") -> TimeSpan:
        return cls(parse_iso(earliest), parse_iso(latest), granularity, text)

    @classmethod
    def year(cls, y: int, text: str = "") -> TimeSpan:
        return cls(day_number(y, 1, 1), day_number(y, 12, 31), "year", text, timex_year(y))

    @classmethod
    def month(cls, y: int, m: int, text: str = "") -> TimeSpan:
        if not 1 <= m <= 12:
            raise ValueError(f"month {m} is not between 1 and 12")
        return cls(day_number(y, m, 1), month_end(y, m), "month", text, f"{timex_year(y)}-{m:02d}")

    @classmethod
    def day(cls, y: int, m: int, d: int, text: str = "") -> TimeSpan:
        n = day_number(y, m, d)
        if not 1 <= m <= 12 or civil(n) != (y, m, d):
            raise ValueError(f"{y}-{m}-{d} is not a real calendar date")
        return cls(n, n, "day", text, f"{timex_year(y)}-{m:02d}-{d:02d}")

    @classmethod
    def season(cls, y: int, code: str, text: str = "") -> TimeSpan:
        first, n = SEASONS[code]
        lo = day_number(y, first, 1)
        last = first + n - 1
        hi = month_end(y + (last - 1) // 12, (last - 1) % 12 + 1)
        return cls(lo, hi, "season", text, f"{timex_year(y)}-{code}")

    @classmethod
    def decade(cls, y: int, text: str = "") -> TimeSpan:
        y0 = y - y % 10
        return cls(day_number(y0, 1, 1), day_number(y0 + 9, 12, 31), "decade", text,
                   f"{y0 // 10:03d}" if y0 > 0 else None)

    @classmethod
    def century(cls, c: int, text: str = "") -> TimeSpan:
        """The c-th century AD (c > 0: 1901-2000 is the 20th) or BC (c < 0)."""
        if c > 0:
            lo, hi, val = (c - 1) * 100 + 1, c * 100, f"{c - 1:02d}"
        else:
            lo, hi, val = 1 + c * 100, -(-c - 1) * 100, f"BC{-c - 1:02d}"
        return cls(day_number(lo, 1, 1), day_number(hi, 12, 31), "century", text, val)

    # -- algebra
    def intersects(self, other: TimeSpan) -> bool:
        return self.lo <= other.hi and other.lo <= self.hi

    def intersection(self, other: TimeSpan) -> TimeSpan | None:
        if not self.intersects(other):
            return None
        fine = self if _rank(self.granularity) <= _rank(other.granularity) else other
        return TimeSpan(max(self.lo, other.lo), min(self.hi, other.hi), fine.granularity,
                        _join(self.text, other.text, " ∩ "))

    def contains(self, other: TimeSpan) -> bool:
        return self.lo <= other.lo and other.hi <= self.hi

    def hull(self, other: TimeSpan) -> TimeSpan:
        coarse = self if _rank(self.granularity) >= _rank(other.granularity) else other
        return TimeSpan(min(self.lo, other.lo), max(self.hi, other.hi), coarse.granularity,
                        _join(self.text, other.text, " – "))

    def before(self, other: TimeSpan) -> bool | None:
        """True if certainly before other, False if certainly after, None if they overlap."""
        if self.hi < other.lo:
            return True
        if other.hi < self.lo:
            return False
        return None

    def compatible(self, other: TimeSpan) -> bool:
        return self.intersects(other)

    def sort_key(self) -> tuple:
        return (self.lo, self.hi)

    def days(self) -> int:
        return self.hi - self.lo + 1

    # -- serialisation
    def to_dict(self) -> dict:
        return {"lo": self.lo, "hi": self.hi, "granularity": self.granularity, "text": self.text,
                "value": self.value, "mod": self.mod, "earliest": self.earliest, "latest": self.latest}

    @classmethod
    def from_dict(cls, d: dict) -> TimeSpan:
        lo = d["lo"] if "lo" in d else parse_iso(d["earliest"])
        hi = d["hi"] if "hi" in d else parse_iso(d["latest"])
        return cls(int(lo), int(hi), d.get("granularity", "day"), d.get("text", "") or "",
                   d.get("value"), d.get("mod"))

    def with_text(self, text: str) -> TimeSpan:
        return replace(self, text=text)

    def render(self) -> str:
        return _rendered(self.lo, self.hi, self.granularity, self.mod)


def _rank(g: str) -> int:
    return GRANULARITIES.index(g) if g != "unknown" else len(GRANULARITIES)


def _join(a: str, b: str, sep: str) -> str:
    return a if a == b or not b else (b if not a else f"{a}{sep}{b}")


# ---------------------------------------------------------------- modifiers

_SUB_UNIT = {"day": "day", "week": "day", "month": "day", "season": "month", "quarter": "month",
             "half": "month", "year": "month", "decade": "year", "century": "year"}


def _sub_units(base: TimeSpan) -> list[tuple[int, int]]:
    sub = _SUB_UNIT.get(base.granularity, "day")
    units, n = [], base.lo
    while n <= base.hi:
        u = unit_at(n, sub)
        units.append((n, min(u.hi, base.hi)))
        n = u.hi + 1
    return units


def part(base: TimeSpan, mod: str, text: str = "") -> TimeSpan:
    """The early (START), middle (MID) or late (END) part of a span, honestly wide.

    Each part covers about 40% of the span in whole sub-units, so the parts overlap:
    for a year Jan-May, Apr-Aug, Aug-Dec; for a decade years 0-3, 3-6, 6-9; for a
    month days 1-12, 10-21, 19/20-end.
    """
    units = _sub_units(base)
    cut = max(1, round(len(units) * 0.4))
    first = {"START": 0, "MID": (len(units) - cut) // 2, "END": len(units) - cut}.get(mod)
    if first is None:
        raise ValueError(f"unknown part {mod!r}; use START, MID or END")
    return TimeSpan(units[first][0], units[first + cut - 1][1], base.granularity,
                    text or base.text, base.value, mod)


def _shift_years(n: int, k: int) -> int:
    y, m, d = civil(n)
    return day_number(y + k, m, min(d, month_end(y + k, m) - day_number(y + k, m, 1) + 1))


def approx(base: TimeSpan, text: str = "") -> TimeSpan:
    """'c. 1936': the span widened either side (a year by one year, a decade by five years)."""
    g = base.granularity
    if g in ("month", "season", "quarter", "half"):
        lo, hi = unit_at(base.lo - 1, "month").lo, unit_at(base.hi + 1, "month").hi
    elif g in ("year", "decade", "century"):
        k = {"year": 1, "decade": 5, "century": 25}[g]
        lo, hi = _shift_years(base.lo, -k), _shift_years(base.hi, k)
    else:
        k = 7 if g == "week" else 3
        lo, hi = base.lo - k, base.hi + k
    return TimeSpan(max(OPEN_LO, lo), min(OPEN_HI, hi), g, text or base.text, base.value, "APPROX")


def shifted(base: TimeSpan, n: int, text: str = "") -> TimeSpan | None:
    """The span n units of its own granularity later (earlier when n < 0): 1984 -> 1983 for
    n = -1; None for a granularity that has no fixed unit (a season, a decade)."""
    g = base.granularity
    if g == "year":
        y = civil(base.lo)[0] + n
        return TimeSpan.year(y, text or base.text)
    if g == "month":
        y, m, _ = civil(base.lo)
        k = y * 12 + (m - 1) + n
        return TimeSpan.month(k // 12, k % 12 + 1, text or base.text)
    if g == "day":
        return TimeSpan(base.lo + n, base.hi + n, "day", text or base.text)
    return None


def bound(base: TimeSpan, mod: str, text: str = "") -> TimeSpan:
    """Open spans: BEFORE, ON_OR_BEFORE ('by 1951'), AFTER, ON_OR_AFTER ('since 1945')."""
    lo, hi = {"BEFORE": (OPEN_LO, base.lo - 1), "ON_OR_BEFORE": (OPEN_LO, base.hi),
              "AFTER": (base.hi + 1, OPEN_HI), "ON_OR_AFTER": (base.lo, OPEN_HI)}[mod]
    return TimeSpan(lo, hi, base.granularity, text or base.text, base.value, mod)


def parse_when(text: str, anchor: TimeSpan | None = None) -> TimeSpan:
    """Parse a hand-written date ('early 1940', '1943 or 1944', '479 BC') into a span.

    Raises ValueError saying what forms are understood when it cannot parse.
    """
    if not isinstance(text, str) or not text.strip():
        raise ValueError("an empty date; write e.g. '1936', 'February 1964', 'early 1940', 'c. 1936'")
    span = _parse(_normalise(text), anchor)
    if span is None:
        raise ValueError(f"can't read {text.strip()!r} as a date; write e.g. '1936', '1936-02-16', "
                         "'16 February 1964', 'autumn 1939', 'mid-1930s', '1943 or 1944', "
                         "'between 1936 and 1938', 'by 1951', 'c. 1936', '479 BC'")
    return span.with_text(text.strip())


# ---------------------------------------------------------------- units

def unit_at(n: int, g: str) -> TimeSpan | None:
    """The calendar unit of granularity g (day, month, year ...) that contains day n."""
    y, m, _ = civil(n)
    if g == "day":
        return TimeSpan(n, n, "day", value=f"{timex_year(y)}-{m:02d}-{civil(n)[2]:02d}")
    if g == "week":
        lo = n - (n - 1) % 7
        return TimeSpan(lo, lo + 6, "week")
    if g == "month":
        return TimeSpan.month(y, m)
    if g == "season":
        code = ("WI", "WI", "SP", "SP", "SP", "SU", "SU", "SU", "FA", "FA", "FA", "WI")[m - 1]
        return TimeSpan.season(y - (m < 3), code)
    if g == "quarter":
        return quarter(y, (m - 1) // 3 + 1)
    if g == "half":
        return half(y, (m - 1) // 6 + 1)
    if g == "year":
        return TimeSpan.year(y)
    if g == "decade":
        return TimeSpan.decade(y)
    if g == "century":
        return TimeSpan.century((y - 1) // 100 + 1 if y > 0 else -((-y) // 100 + 1))
    return None


def end_unit(s: TimeSpan, first: bool) -> TimeSpan | None:
    """The unit the first (or last) day of span s is known to. A span has one granularity for
    both ends, so "1924 – April 1935" is a span of months from 1 January 1924: in a span of
    months, an end on the first (last) day of a year is known to the year only."""
    g = s.granularity if s.granularity != "unknown" else "day"
    day = s.lo if first else s.hi
    if g == "month":
        year = unit_at(day, "year")
        if (year.lo if first else year.hi) == day and civil(s.lo)[0] != civil(s.hi)[0] \
                and civil(day)[0] >= 100:   # (a year under 100 after a month reads as its day: 'Feb 1 BC')
            return year
    return unit_at(day, g)


def quarter(y: int, q: int, text: str = "") -> TimeSpan:
    return TimeSpan(day_number(y, 3 * q - 2, 1), month_end(y, 3 * q), "quarter", text,
                    f"{timex_year(y)}-Q{q}")


def half(y: int, h: int, text: str = "") -> TimeSpan:
    return TimeSpan(day_number(y, 6 * h - 5, 1), month_end(y, 6 * h), "half", text,
                    f"{timex_year(y)}-H{h}")


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _unit_words(u: TimeSpan | None) -> str | None:
    """The unit in words ('Oct 1939', '1930s', '5th century BC'), None if it has no name."""
    if u is None:
        return None
    y, m, d = civil(u.lo)
    if u.granularity == "day":
        return f"{d} {MONTH_ABBR[m - 1]} {year_words(y)}"
    if u.granularity == "month":
        return f"{MONTH_ABBR[m - 1]} {year_words(y)}"
    if u.granularity == "season":
        return f"{SEASON_NAMES[u.value[-2:]]} {year_words(int(civil(u.lo)[0]))}"
    if u.granularity in ("quarter", "half"):
        return f"{u.value[-2:]} {year_words(y)}"
    if u.granularity == "year":
        return year_words(y)
    if u.granularity == "decade" and y > 0:
        return f"{y}s"
    if u.granularity == "century":
        c = (y - 1) // 100 + 1 if y > 0 else -((-y) // 100 + 1)
        return f"{_ordinal(abs(c))} century" + (" BC" if c < 0 else "")
    return None


def _same(a: TimeSpan | None, lo: int, hi: int) -> bool:
    return a is not None and a.lo == lo and a.hi == hi


_PART_WORDS = {"START": "early ", "MID": "mid-", "END": "late "}
_BOUND_WORDS = {"BEFORE": "before ", "ON_OR_BEFORE": "by ", "AFTER": "after ",
                "ON_OR_AFTER": "since "}


@lru_cache(maxsize=1 << 16)
def _rendered(lo: int, hi: int, granularity: str, mod: str | None) -> str:
    """`TimeSpan.render` remembered by what the words depend on (a dossier renders the same
    few thousand days and years hundreds of thousands of times)."""
    return _render(TimeSpan(lo, hi, granularity, mod=mod))


def _render(s: TimeSpan) -> str:
    g = s.granularity if s.granularity != "unknown" else "day"
    if s.open_start and s.open_end:
        return "undated"
    if s.mod in _BOUND_WORDS and (s.open_start or s.open_end):
        edge = {"BEFORE": s.hi + 1, "ON_OR_BEFORE": s.hi, "AFTER": s.lo - 1,
                "ON_OR_AFTER": s.lo}[s.mod]
        u = unit_at(edge, g)
        if _unit_words(u) and _same(bound(u, s.mod), s.lo, s.hi):
            return _BOUND_WORDS[s.mod] + _unit_words(u)
    if s.mod in _PART_WORDS:
        u = unit_at({"START": s.lo, "END": s.hi, "MID": (s.lo + s.hi) // 2}[s.mod], g)
        if _unit_words(u) and _same(part(u, s.mod), s.lo, s.hi):
            return _PART_WORDS[s.mod] + _unit_words(u)
    if s.mod == "APPROX":
        u = unit_at((s.lo + s.hi) // 2, g)
        if _unit_words(u) and _same(approx(u), s.lo, s.hi):
            return "c. " + _unit_words(u)
    u = unit_at(s.lo, g)
    if _same(u, s.lo, s.hi) and _unit_words(u):
        return _unit_words(u)
    u, v = end_unit(s, True), end_unit(s, False)
    if s.open_end and not s.open_start and _unit_words(u) and u.lo == s.lo:
        return f"since {_unit_words(u)}"
    if s.open_start and not s.open_end and _unit_words(v) and v.hi == s.hi:
        return f"by {_unit_words(v)}"
    if _unit_words(u) and _unit_words(v) and u.lo == s.lo and v.hi == s.hi:
        sep = "–" if {u.granularity, v.granularity} <= {"year", "decade"} else " to "
        return f"{_unit_words(u)}{sep}{_unit_words(v)}"
    if s.open_start:
        return f"by {iso(s.hi)}"
    if s.open_end:
        return f"since {iso(s.lo)}"
    return iso(s.lo) if s.lo == s.hi else f"{iso(s.lo)} to {iso(s.hi)}"


# ---------------------------------------------------------------- parsing hand-written dates

_MONTH_RE = (r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
             r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_YEAR_RE = r"(\d{1,4})(?:\s*(bc|ad))?"
_ORDINAL_WORDS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
                  "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
                  "nineteenth twentieth twenty-first").split()
_PREFIX_MODS = (
    (r"(?:c\.?|ca\.?|circa|about|around|approximately|roughly)\s*", "APPROX"),
    (r"(?:before|prior to)\s+", "BEFORE"),
    (r"(?:by|until|till|up to|no later than|not after)\s+", "ON_OR_BEFORE"),
    (r"after\s+", "AFTER"),
    (r"(?:since|from|not before|no earlier than)\s+", "ON_OR_AFTER"),
)
_PARTS = ((r"(?:the\s+)?(?:early|beginning of|start of)", "START"),
          (r"(?:the\s+)?(?:mid|middle of)", "MID"),
          (r"(?:the\s+)?(?:late|end of)", "END"))


def month_number(word: str) -> int:
    return [m[:3] for m in MONTHS].index(word.lower().rstrip(".")[:3]) + 1


def _normalise(text: str) -> str:
    t = text.strip().lower().replace("–", "-").replace("—", "-").replace("’", "'")
    t = re.sub(r"\bb\.?\s?c\.?\s?e\b\.?|\bb\.\s?c\.|\bbce\b|\bb\.c\b", "bc", t)
    t = re.sub(r"\ba\.\s?d\.|\bc\.?e\.(?=\s|$)", "ad", t)
    return re.sub(r"\s+", " ", t).strip(" ,;")


def _year(num: str, era: str | None, anchor_year: int | None = None) -> int:
    y = int(num)
    return 1 - y if era == "bc" else y


def _atom(t: str, anchor: TimeSpan | None) -> TimeSpan | None:
    ay = civil(anchor.lo)[0] if anchor else None
    if m := re.fullmatch(r"(-?\d{4})-(\d\d)-(\d\d)", t):
        return TimeSpan.day(int(m[1]), int(m[2]), int(m[3]))
    if m := re.fullmatch(r"(-?\d{4})-(\d\d)", t):
        return TimeSpan.month(int(m[1]), int(m[2]))
    if m := re.fullmatch(r"(-?\d{4})-(sp|su|fa|wi)", t):
        return TimeSpan.season(int(m[1]), m[2].upper())
    if m := re.fullmatch(r"bc(\d{4})", t):
        return TimeSpan.year(1 - int(m[1]))
    if m := re.fullmatch(r"ad\s*(\d{1,4})|" + _YEAR_RE, t):
        return TimeSpan.year(int(m[1]) if m[1] else _year(m[2], m[3]))
    if m := re.fullmatch(r"(?:the )?(\d{1,3}0)'?s(?: (bc))?", t):
        y = int(m[1])
        if m[2]:
            return TimeSpan(day_number(1 - y - 9, 1, 1), day_number(1 - y, 12, 31), "decade")
        return TimeSpan.decade(y)
    if m := re.fullmatch(r"(?:the )?(?:(\d{1,2})(?:st|nd|rd|th)|(" + "|".join(_ORDINAL_WORDS)
                         + r")) century(?: (bc|ad))?", t):
        c = int(m[1]) if m[1] else _ORDINAL_WORDS.index(m[2]) + 1
        return TimeSpan.century(-c if m[3] == "bc" else c)
    if m := re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)? (?:of )?" + _MONTH_RE + r",? " + _YEAR_RE, t):
        return TimeSpan.day(_year(m[3], m[4]), month_number(m[2]), int(m[1]))
    if m := re.fullmatch(_MONTH_RE + r" (\d{1,2})(?:st|nd|rd|th)?,? " + _YEAR_RE, t):
        return TimeSpan.day(_year(m[3], m[4]), month_number(m[1]), int(m[2]))
    if m := re.fullmatch(_MONTH_RE + r",? (?:of )?" + _YEAR_RE, t):
        return TimeSpan.month(_year(m[2], m[3]), month_number(m[1]))
    if m := re.fullmatch(r"(?:the )?(spring|summer|autumn|fall|winter),? (?:of )?" + _YEAR_RE, t):
        return TimeSpan.season(_year(m[2], m[3]), SEASON_WORDS[m[1]])
    if m := re.fullmatch(r"q([1-4]) " + _YEAR_RE, t):
        return quarter(_year(m[2], m[3]), int(m[1]))
    if m := re.fullmatch(r"h([12]) " + _YEAR_RE, t):
        return half(_year(m[2], m[3]), int(m[1]))
    if ay is None:
        return None
    if m := re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)? (?:of )?" + _MONTH_RE, t):
        return TimeSpan.day(ay, month_number(m[2]), int(m[1]))
    if m := re.fullmatch(_MONTH_RE + r" (\d{1,2})(?:st|nd|rd|th)?", t):
        return TimeSpan.day(ay, month_number(m[1]), int(m[2]))
    if m := re.fullmatch(_MONTH_RE, t):
        return TimeSpan.month(ay, month_number(m[1]))
    if m := re.fullmatch(r"(?:the )?(spring|summer|autumn|fall|winter)", t):
        return TimeSpan.season(ay, SEASON_WORDS[m[1]])
    return None


def _parse(t: str, anchor: TimeSpan | None) -> TimeSpan | None:
    try:
        span = _atom(t, anchor)
    except ValueError:
        span = None
    if span is not None:
        return span
    if m := re.fullmatch(r"(?:between|from) (.+?) (?:and|to|until|till|-) (.+)", t):
        return _range(m[1], m[2], anchor)
    if m := re.fullmatch(r"(.+?) or (.+)", t):
        return _range(m[1], m[2], anchor)
    for pattern, mod in _PREFIX_MODS:
        if m := re.fullmatch(pattern + r"(.+)", t):
            base = _parse(m[1], anchor)
            if base is not None:
                return approx(base) if mod == "APPROX" else bound(base, mod)
    for pattern, mod in _PARTS:
        if m := re.fullmatch(pattern + r"(?:-| )(?:in |of )?(.+)", t):
            base = _parse(m[1], anchor)
            if base is not None:
                return part(base, mod)
    for pattern in (r" to ", r" - ", r"-"):
        for sep in re.finditer(pattern, t):
            left, right = t[:sep.start()], t[sep.end():]
            if pattern == "-" and (re.search(r"\d{4}-\d\d$", left) or re.match(r"\d\d(-\d\d)?( |$)", right)
                                   and re.search(r"(^|[ -])-?\d{4}$", left) and not re.fullmatch(r"\d\d", right)):
                continue                               # inside an ISO date
            span = _range(left, right, anchor)
            if span is not None:
                return span
    return None


def _range(a: str, b: str, anchor: TimeSpan | None) -> TimeSpan | None:
    first = _parse(a.strip(), anchor)
    if first is None:
        return None
    b = b.strip()
    if re.fullmatch(r"\d{2}", b) and re.fullmatch(r"\d{4}", a.strip()):
        b = a.strip()[:2] + b                       # '1934-36'
    era = re.search(r" (bc|ad)$", b)
    if era and not re.search(r" (bc|ad)$", a):      # '490 to 479 bc': era applies to both
        first = _parse(f"{a.strip()} {era[1]}", anchor) or first
    second = _parse(b, first)
    if second is None or second.hi < first.lo:
        return None
    return first.hull(second)
