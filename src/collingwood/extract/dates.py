"""Tag and normalise time expressions in narrative history (TIMEX2 values, honest spans).

Two passes. `_candidates` finds extents with regular expressions built from the word
lists in ``data/dates_en.yaml``, keeps the longest non-overlapping ones and drops
numbers and words that only look like dates ("3,000 men", "they may", "the fall of
Paris"). `_Resolver` then walks the mentions in text order keeping the *narrative
time*: the last date the text established. Relative expressions ("the next day",
"that winter", "two years later") are resolved against it; speaker-relative ones
("last week", "today", "now") against the source's date written, when given. A dated
document (`dct=`: a news report, memo, cable) also reads weekdays, "yesterday", months
without a year and quarters from its own date (`date_deixis`). Ranges and disjunctions
keep both ends as TIMEX2 mentions and give the whole interval as `span_of(m)`.
"""

from __future__ import annotations

import re

from ..timespan import TimeSpan, bound, parse_when
from .date_occasions import Occasions
from .date_patterns import _candidates
from .date_values import _JOINERS, TimeMention, _norm, _Resolver

__all__ = ["TimeMention", "span_of", "tag_dates", "timex_record"]


def timex_record(m: TimeMention) -> dict:
    """The stable record of `collingwood dates --jsonl`."""
    return {"start": m.start, "end": m.end, "text": m.text, "value": m.value, "mod": m.mod,
            "earliest": m.span.earliest if m.span else None,
            "latest": m.span.latest if m.span else None, "granularity": m.granularity}


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


def tag_dates(text: str, anchor: str | None = None, written: str | None = None,
              dct: str | None = None) -> list[TimeMention]:
    """Find the time expressions in text, with TIMEX2 values and honest time spans.

    anchor: ISO date taken as the narrative time until the text sets one.
    written: the source's date written; used only for speaker-relative words.
    dct: the date of a dated document (news report, memo, cable, testimony) that speaks
        from it: it seeds the narrative time, stands in for `written`, and anchors
        'yesterday', 'on Tuesday', 'last Friday', 'today', months named without a year
        (see docs/dates.md, "Dated documents").
    """
    resolver = _Resolver(text, anchor, written, dct)
    cands = _candidates(text)
    resolver.read_years(cands)
    found: list[TimeMention] = []
    occasions = Occasions(text)
    for i, (a, b, name, m) in enumerate(cands):
        hint = _hint_year(text, cands, i)
        occasion = occasions.hint(a, m)             # 'in a follow-up interview on 1 March'
        if hint is None and occasion is not None:   # the sittings' time line: the story's stays
            state = resolver.narrative_state()
            found.extend(resolver.resolve(name, m, occasion))
            resolver.restore_narrative(state)
            continue
        found.extend(resolver.resolve(name, m, hint))
    found = _times_on_days(text, found)
    far_ends = _join_ranges(text, found)
    _apply_prepositions(text, [x for x in found if id(x) not in far_ends])
    return found


# what may stand between a clock time and the day it is on: '9 a.m. Tuesday', '5 p.m. EST, Nov. 6'
_TIME_THEN_DAY = re.compile(r"\s*(?:[A-Z]{2,4}\b)?,?\s*")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_TIME_ASIDE_DAY = re.compile(r"\s*(?:\([^()]{1,24}\)\s*,?\s*|(?:,\s*)?on\s+)")  # '(0735 GMT) Friday', 'on 11 November'
_DAY_THEN_TIME = re.compile(r"\s*,?\s*(?:at|around|about|by|from|until|till|after|before)?\s*")   # 'Friday at 10 a.m.'


def _times_on_days(text: str, found: list[TimeMention]) -> list[TimeMention]:
    """A clock time written beside a day takes that day: '9 a.m. Tuesday' and '5 p.m. EST Nov. 9'
    are one expression (TimeML), '10:35 a.m. (0735 GMT) Friday', '11 a.m. on 11 November' and
    'Friday at 10 a.m.' two,
    the time on that day."""
    out: list[TimeMention] = []
    i = 0
    while i < len(found):
        x = found[i]
        nxt = found[i + 1] if i + 1 < len(found) else None
        prev = out[-1] if out else None
        if x.kind == "time" and "T" in (x.value or ""):
            clock = x.value[x.value.index("T"):]
            if nxt is not None and _on_day(nxt) and _TIME_THEN_DAY.fullmatch(text[x.end:nxt.start]) \
                    and not _BLANK_LINE.search(text[x.end:nxt.start]):   # a column: the next entry's day
                out.append(TimeMention(x.start, nxt.end, text[x.start:nxt.end], _day_part(nxt) + clock, None,
                                       nxt.span, "day", "time"))
                i += 2
                continue
            day = nxt if nxt is not None and _on_day(nxt) and _TIME_ASIDE_DAY.fullmatch(text[x.end:nxt.start]) \
                else prev if prev is not None and _on_day(prev) and _DAY_THEN_TIME.fullmatch(text[prev.end:x.start]) \
                else None
            if day is not None:
                x.value, x.span = _day_part(day) + clock, day.span
        out.append(x)
        i += 1
    return out


def _on_day(m: TimeMention) -> bool:
    return m.kind == "date" and m.span is not None and m.span.granularity == "day" and bool(m.value)


def _day_part(m: TimeMention) -> str:
    return m.value.split("T")[0]


def _preposition(text: str, x: TimeMention) -> str | None:
    """The mod of a preposition just before a mention ('by 1951' -> ON_OR_BEFORE)."""
    prep = re.search(r"\b(by|before|after|since|until|till|prior to)\s+$", text[max(0, x.start - 12):x.start], re.I)
    return _PREP_MODS[prep[1].lower()] if prep else None


def _apply_prepositions(text: str, found: list[TimeMention]) -> None:
    """'by 1951' -> ON_OR_BEFORE with an open start; the extent stays '1951' (TIMEX2)."""
    for x in found:
        if x.kind != "date" or x.mod or x.span is None:
            continue
        mod = _preposition(text, x)
        if mod:
            x.mod = mod
            x.span = bound(x.span, mod, x.text)


def _join_ranges(text: str, found: list[TimeMention]) -> set[int]:
    """'1943 or 1944', '1934-1936', 'between 1936 and 1938', 'from March to June 1940': both
    ends keep their own TIMEX2 extent and value and get the whole interval as `joined`.

    A preposition before the first end bounds the whole: 'by 1943 or 1944' is on or before
    the end of 1944, 'after 1943 or 1944' after the end of 1943, 'before 1943 or 1944'
    before 1944. Returns the ids of the far ends ('1942' in 'from 1940 until 1942'), whose
    joiner is no preposition of their own."""
    far: set[int] = set()
    for x, y in zip(found, found[1:]):
        if x.span is None or y.span is None or x.kind != "date" or y.kind != "date":
            continue
        gap = text[x.end:y.start]
        if not _JOINERS.fullmatch(gap):
            continue
        if gap.strip().lower() == "and" and not re.search(r"\bbetween\s+$", text[max(0, x.start - 9):x.start], re.I):
            continue
        if y.span.hi < x.span.lo:
            _correction(text, x, y, gap)
            continue
        whole = text[x.start:y.end]
        mod = _preposition(text, x) if not x.mod else None
        if mod in ("BEFORE", "ON_OR_BEFORE"):
            joined = bound(y.span, mod, whole)
        elif mod in ("AFTER", "ON_OR_AFTER"):
            joined = bound(x.span, mod, whole)
        else:
            lo, hi = min(x.span.lo, y.span.lo), max(x.span.hi, y.span.hi)
            joined = TimeSpan(lo, hi, y.span.granularity, whole)
        x.joined = y.joined = joined
        far.add(id(y))
    return far


_YEAR4 = re.compile(r"\d{4}")


def _correction(text: str, x: TimeMention, y: TimeMention, gap: str) -> None:
    """'June 26, 1968—1962': a speaker (or a typist) corrects the year with a dash and no
    space; a range never runs backwards. Both ends take the date with the second year."""
    if gap not in ("—", "–", "-") or not _YEAR4.fullmatch(y.text) or len(_YEAR4.findall(x.text)) != 1 \
            or x.span.granularity not in ("day", "month"):
        return
    try:
        fixed = parse_when(_YEAR4.sub(y.text, x.text))
    except ValueError:
        return
    x.joined = y.joined = fixed.with_text(text[x.start:y.end])


def span_of(m: TimeMention) -> TimeSpan | None:
    """The interval a claim dated by this mention should take: the whole range or
    disjunction it is one end of ('1943 or 1944', 'from 1921 to 1923'), else its own span."""
    return m.joined or m.span
