"""Tag and normalise time expressions in narrative history (TIMEX2 values, honest spans).

Two passes. `_candidates` finds extents with regular expressions built from the word
lists in ``data/dates_en.yaml``, keeps the longest non-overlapping ones and drops
numbers and words that only look like dates ("3,000 men", "they may", "the fall of
Paris"). `_Resolver` then walks the mentions in text order keeping the *narrative
time*: the last date the text established. Relative expressions ("the next day",
"that winter", "two years later") are resolved against it; speaker-relative ones
("last week", "today", "now") against the source's date written, when given.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

import yaml

from ..timespan import (MONTHS, SEASONS, TimeSpan, approx, bound, civil, day_number, half,
                        month_end, month_number, part, timex_year)


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


def timex_record(m: TimeMention) -> dict:
    """The stable record of `collingwood dates --jsonl`."""
    return {"start": m.start, "end": m.end, "text": m.text, "value": m.value, "mod": m.mod,
            "earliest": m.span.earliest if m.span else None,
            "latest": m.span.latest if m.span else None, "granularity": m.granularity}


@functools.cache
def words() -> dict:
    text = resources.files("collingwood").joinpath("data/dates_en.yaml").read_text("utf-8")
    return yaml.safe_load(text)


def _alt(items) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(items, key=len, reverse=True))


# ---------------------------------------------------------------- patterns

_MONTH_FULL = "(?-i:January|February|March|April|May|June|July|August|September|October|November|December)"
_MONTH_ABBR = r"(?-i:Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.|Jul\.|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
_WEEKDAY = "(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_ERA_BC = r"(?-i:B\.\s?C\.(?:\s?E\.)?|BCE\b|BC\b|B\.C\b|b\.c\.|bc\b)"
_ERA_AD = r"(?-i:A\.\s?D\.|AD\b|CE\b)"


@functools.cache
def _patterns() -> list[tuple[str, re.Pattern]]:
    w = words()
    mon = rf"(?P<mon>{_MONTH_FULL}|{_MONTH_ABBR})"
    monf = rf"(?P<mon>{_MONTH_FULL})"
    day = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
    year = (rf"(?P<year>\d{{4}}|\d{{1,3}}(?=\s?(?:{_ERA_BC}|{_ERA_AD})))(?![,.]?\d)"
            rf"(?:\s?(?P<era>{_ERA_BC}|{_ERA_AD}))?")
    year4 = r"(?P<year>1\d{3}|20\d{2})(?![\d])"
    wkd = rf"(?:(?P<wkd>{_WEEKDAY}),?\s+)?"
    part = rf"(?:(?P<part>{_alt(w['parts'])})(?:\s+|-)(?:(?:in|of)\s+)?)?"
    apx = r"(?:(?P<apx>c\.|ca\.|circa|around|about|approximately)\s*)?"
    num = rf"(?P<num>\d+(?:\.\d+)?|(?:{_alt(w['numbers'])})(?:-(?:{_alt(w['numbers'])}))?|{_alt(w['vague_numbers'])})"
    unit = rf"(?P<unit>{_alt(w['units'])}|centuries)(?:s|'s|s')?"
    dmod = rf"(?:(?P<dmod>{_alt(w['duration_mods'])}|a mere|only|just|another|the first|the last|the next|the following|the past|the previous|the coming|the final|the subsequent|the same|the remaining|the intervening|the)\s+)?"
    seas = rf"(?P<season>{_alt(w['seasons'])})"
    tod = rf"(?P<tod>{_alt(w['times_of_day'])})"
    rel = r"(?P<rel>next|following|previous|preceding|same|that\s+same|that|this|last|coming|subsequent|prior)"
    ordw = rf"(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{_alt(w['ordinals'])})"
    p = [
        ("day_range_dm", rf"\b(?P<d1>3[01]|[12]\d|0?[1-9])\s?[-–]\s?{day}\s+{mon}(?:,?\s+{year})?\b"),
        ("day_range_md", rf"\b{mon}\s+(?P<d1>3[01]|[12]\d|0?[1-9])\s?[-–]\s?{day}(?:,?\s+{year})?\b"),
        ("year_range", r"(?<![\d,.$£])(?P<y1>1\d{3}|20\d{2})\s?[-–]\s?(?P<y2>\d{2}|1\d{3}|20\d{2})(?![\d])"),
        ("tod_of", rf"\b(?:the\s+)?{tod}\s+of\s+{wkd}(?:the\s+)?{day}\s+(?:of\s+)?{mon}(?:,?\s+{year})?\b"),
        ("tod_of", rf"\b(?:the\s+)?{tod}\s+of\s+{wkd}{mon}\s+{day}(?:,?\s+{year})?\b"),
        ("dmy", rf"\b{part}{wkd}(?:the\s+)?{day}\s+(?:of\s+)?{mon}(?:,?\s+{year})?\b"),
        ("mdy", rf"\b{part}{wkd}{mon}\s+{day}(?!\d|:)(?:,?\s+{year}|\s+of\s+(?P<that>that|the\s+same)\s+year)?\b"),
        ("my", rf"\b{part}{mon},?\s+(?:of\s+)?{year}\b"),
        ("m_that", rf"\b{part}{monf}\s+of\s+(?:that|the\s+same|the\s+following|the\s+next|the\s+previous)\s+year\b"),
        ("month", rf"\b{part}{monf}\b"),
        ("season", rf"\b{part}(?:the\s+)?{seas}(?:,?\s+(?:of\s+)?{year})?\b"),
        ("rel_season", rf"\b{part}(?:the\s+)?{rel}\s+{seas}\b"),
        ("decade", rf"\b{apx}{part}(?:the\s+)?(?P<dec>\d{{1,3}}0)'?s(?:\s?(?P<era>{_ERA_BC}))?(?!\w)"),
        ("century", rf"\b{part}(?:the\s+)?{ordw}[\s-]+(?:century|centuries)(?:\s?(?P<era>{_ERA_BC}|{_ERA_AD}))?"),
        ("year_era", rf"(?<![\d,.$£]){apx}{part}(?P<year>\d{{1,4}})\s?(?P<era>{_ERA_BC}|{_ERA_AD})"),
        ("year_era", rf"\b{apx}{part}(?P<era>A\.\s?D\.|AD)\s?(?P<year>\d{{1,4}})\b"),
        ("year", rf"(?<![\d,.$£#/]){apx}{part}(?:the\s+year\s+)?{year4}(?!\s?[-–]\s?\d)(?!,\d|\.\d|%)"),
        ("year_bare", r"(?<![\d,.$£#/])\b(?P<year>\d{3})\b(?![,.]\d|%)"),
        ("year_apos", r"(?<![\w'])'(?P<yy>\d{2})\b(?!')"),
        ("rel_unit", rf"\b{part}(?:(?P<lat>later|earlier)\s+(?:in\s+)?)?(?:the\s+)?{rel}\s+(?P<runit>day|week|month|year|decade|century|morning|afternoon|evening|night|{_WEEKDAY}|{_MONTH_FULL})\b"),
        ("in_the_unit", rf"\b(?P<lat>later|earlier)\s+in\s+the\s+(?P<runit>day|week|month|year)\b"),
        ("part_the_unit", rf"\b(?P<part>{_alt(w['parts'])})\s+(?:of\s+)?the\s+(?P<runit>day|week|month|year|decade|century|war)\b"),
        ("offset", rf"\b(?:(?:a\s+mere|only|just|some|about|nearly|almost)\s+)?{num}[\s-]+{unit}\s+(?P<dir>later|earlier|after|before|ago|afterwards?|previously|beforehand)\b"),
        ("afterwards", r"\b(?:shortly|soon|immediately|not\s+long)\s+(?:afterwards?|thereafter|after\s+that)\b"),
        ("offset_bare", rf"\b(?P<unit>days|weeks|months|years|hours|minutes)\s+(?P<dir>later|earlier|ago|afterwards)\b"),
        ("duration", rf"\b{dmod}(?:{num}[\s-]+)?{unit}(?:[-\s]long)?\b"),
        ("duration_adj", rf"\b{num}-{unit}(?:-long)?\b"),
        ("age", rf"(?<![\d.])\b(?P<num>\d{{1,3}})\s+years?\s+(?:old|of\s+age)\b"),
        ("set", r"\b(?:daily|weekly|monthly|annually|yearly|nightly|(?:each|every|per|a)\s+(?P<sunit>day|week|month|year|night|hour))\b"),
        ("tod", rf"\b(?:(?P<part>early|late)\s+)?(?:(?P<lat>later|earlier)\s+)?(?:(?P<rel>that|the\s+same|the\s+next|the\s+following|the\s+previous|this|one|each|every)\s+)?{tod}\b"),
        ("clock", r"\b(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?\s?(?:(?P<ampm>[ap]\.\s?m\.|[ap]m\b)|(?P<hrs>\s?hrs)\b)"),
        ("clock", r"\b(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)\b(?!:)"),
        ("holiday", rf"\b(?P<hol>{_alt(w['holidays'])}|Easter(?:\s+Sunday)?)(?:\s+(?:of\s+)?{year})?\b"),
        ("ordinal_day", r"\b(?:on\s+)?the\s+(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)(?=\s*[,.;)]|\s+and\b)"),
        ("deixis", rf"\b(?P<dx>{_alt(w['present_words'] + w['past_words'] + w['future_words'])})\b"),
        ("same_time", r"\b(?:at\s+)?(?P<st>the\s+same\s+time|that\s+time|this\s+time|this\s+period|that\s+period|the\s+time\s+being)\b"),
    ]
    return [(name, re.compile(rx, re.I)) for name, rx in p]


# ---------------------------------------------------------------- finding extents

_PRECEDERS = set("""in of by since until till during from to through throughout early mid late
between and or before after that last next this each every on following previous around about
end beginning start middle into as until early-mid late-mid mid-to-late""".split())
_TOD_PRECEDERS = set("at by during in overnight through throughout all".split())


def _word_before(text: str, i: int) -> str:
    m = re.search(r"([\w.$£€#'-]+)\W*$", text[max(0, i - 30):i])
    return m[1].lower() if m else ""


def _word_after(text: str, j: int) -> str:
    m = re.match(r"[\s-]*([\w%$£']+)", text[j:j + 30])
    return m[1].lower() if m else ""


def _plausible(name: str, m: re.Match, text: str) -> bool:
    """Context rules that reject look-alikes: 'they may', '3,000 men', 'the fall of Paris'."""
    w, g = words(), m.groupdict()
    before, after = _word_before(text, m.start()), _word_after(text, m.end())
    if name == "month":
        return bool(g.get("part")) or before in _PRECEDERS or before == "the" or after in ("and", "or")
    if name == "season":
        return _plausible_season(m, g, before, after)
    if name in ("year", "year_range"):
        return after not in w["count_nouns"] and before not in w["number_prefixes"]
    if name == "year_apos":
        return before in _PRECEDERS or before in ("the", "of")
    if name == "duration":
        return _plausible_duration(m, before)
    if name == "tod":
        if g.get("rel") or g.get("part") or g.get("lat"):
            return True
        return before in _TOD_PRECEDERS or (before == "the" and _word_before(text, m.start() - 4) in _TOD_PRECEDERS)
    if name == "ordinal_day":
        return not re.match(r"\s+[A-Z]", text[m.end():m.end() + 2])
    if name == "deixis":
        return _plausible_deixis(m[0].lower(), before, after)
    return True


def _plausible_season(m: re.Match, g: dict, before: str, after: str) -> bool:
    """'the fall of 1940', 'winter quarters', but not 'began to fall', 'spring up'."""
    if g.get("year") or g.get("part"):
        return not (g.get("year") and after in words()["count_nouns"])
    season = g["season"].lower()
    if before == "to" or after in ("up", "from", "forth", "back", "apart", "into", "out", "off", "on", "to"):
        return False
    if season == "fall":
        return (before in ("in", "that", "this", "the", "next", "last", "early", "late", "by", "until", "during")
                and after != "of")
    return True


def _plausible_duration(m: re.Match, before: str) -> bool:
    g = m.groupdict()
    unit, num, dmod = g["unit"].lower(), (g.get("num") or "").lower(), (g.get("dmod") or "").lower()
    plural = m[0].lower().rstrip().endswith(("s", "s'", "ies")) or m[0].lower().endswith("long")
    if unit in ("second", "minute") and not num[:1].isdigit() and not plural:
        return False        # 'a second attack', 'a minute amount'
    if num:
        return True
    if dmod in ("the", "the same", "another", "only", "just"):
        return False
    if dmod:
        return plural or dmod.startswith(("the next", "the following", "the past", "the previous", "the coming", "the first", "the last", "the final"))
    return plural and before in ("for", "within", "lasting", "over", "after", "and", "or")


_FUNCTION_WORDS = set("""a an the was were is are had has have would could did and or but to of in on
with by for as that which who determined decided""".split())


def _plausible_deixis(word: str, before: str, after: str) -> bool:
    if word in ("present", "the present") and after in ("at", "in", "to", "for", "a", "an", "the", "his", "her", "their"):
        return False
    if word == "former" and (before == "the" and (not after or after in _FUNCTION_WORDS)):
        return False        # 'the former' as a pronoun
    if word == "future" and before not in ("the", "near", "in", "distant", "a"):
        return after in ("of",) or before in ("for", "near")
    return True


def _candidates(text: str) -> list[tuple[int, int, str, re.Match]]:
    found = []
    for name, rx in _patterns():
        for m in rx.finditer(text):
            if m.end() > m.start() and _plausible(name, m, text):
                found.append((m.start(), m.end(), name, m))
    found.sort(key=lambda c: (c[0] - c[1], c[0]))
    taken: list[tuple[int, int]] = []
    chosen = []
    for c in found:
        if all(c[1] <= a or c[0] >= b for a, b in taken):
            taken.append((c[0], c[1]))
            chosen.append(c)
    chosen.sort(key=lambda c: c[0])
    return chosen


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
        explicit = y is not None
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
        st = _norm(g["st"])
        a = m.start("st")
        span = self.ref.span()
        return self.mention(a, m.end(), None, span, None, span.granularity if span else "unknown")


# ---------------------------------------------------------------- the public entry point

_PREP_MODS = {"by": "ON_OR_BEFORE", "before": "BEFORE", "after": "AFTER", "since": "ON_OR_AFTER",
              "until": "ON_OR_BEFORE", "till": "ON_OR_BEFORE", "prior to": "BEFORE"}


def _hint_year(text: str, cands, i: int) -> int | None:
    """The explicit year of the next date when joined to this one ('31 May-1 June 1916')."""
    if i + 1 >= len(cands):
        return None
    a, b, name, m = cands[i + 1]
    if not _JOINERS.fullmatch(text[cands[i][1]:a]):
        return None
    y = m.groupdict().get("year")
    if not y:
        return None
    era = _norm(m.groupdict().get("era"))
    return 1 - int(y) if era.startswith("b") else int(y)


def tag_dates(text: str, anchor: str | None = None, written: str | None = None) -> list[TimeMention]:
    """Find the time expressions in text, with TIMEX2 values and honest time spans.

    anchor: ISO date taken as the narrative time until the text sets one.
    written: the source's date written; used only for speaker-relative words.
    """
    resolver = _Resolver(text, anchor, written)
    cands = _candidates(text)
    found: list[TimeMention] = []
    for i, (a, b, name, m) in enumerate(cands):
        found.extend(resolver.resolve(name, m, _hint_year(text, cands, i)))
    _join_ranges(text, found)
    _apply_prepositions(text, found)
    return found


def _apply_prepositions(text: str, found: list[TimeMention]) -> None:
    """'by 1951' -> ON_OR_BEFORE with an open start; the extent stays '1951' (TIMEX2)."""
    for x in found:
        if x.kind != "date" or x.mod or x.span is None:
            continue
        prep = re.search(r"\b(by|before|after|since|until|till|prior to)\s+$", text[max(0, x.start - 12):x.start], re.I)
        if prep:
            x.mod = _PREP_MODS[prep[1].lower()]
            x.span = bound(x.span, x.mod, x.text)


def _join_ranges(text: str, found: list[TimeMention]) -> None:
    """'1943 or 1944', '1934-1936', 'between 1936 and 1938': both ends get the hull as `joined`."""
    for x, y in zip(found, found[1:]):
        if x.span is None or y.span is None or x.kind != "date" or y.kind != "date":
            continue
        gap = text[x.end:y.start]
        if not _JOINERS.fullmatch(gap):
            continue
        if gap.strip().lower() == "and" and not re.search(r"\bbetween\s+$", text[max(0, x.start - 9):x.start], re.I):
            continue
        lo, hi = min(x.span.lo, y.span.lo), max(x.span.hi, y.span.hi)
        if y.span.hi < x.span.lo:
            continue
        joined = TimeSpan(lo, hi, y.span.granularity, text[x.start:y.end])
        x.joined = y.joined = joined
