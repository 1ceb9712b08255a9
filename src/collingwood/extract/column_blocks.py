"""A chronology's date column read by the OCR as one block before the entries it dates.

A two-column chronology (dates and clock times on the left, the entries on the right) often
comes out of OCR with the whole left column of a page first and the entries after it:

    September 28, 1963 / Saturday / circa 11:00 A.M. / ... / October 1, 1963 / 10:45 A.M.
    Oswald is back at the Soviet Embassy ...      (the first entry: 28 September)
    ...
    Oswald leaves Mexico.                          (the last entry: 1 or 2 October)

Dating every entry by the last line of the column gives the first day's entries the last
day. The order of both columns survives the OCR, so the k-th entry belongs to about the k-th
dated line of the column; when the counts differ (a column line with no entry, an entry the
OCR broke in two) the entry lies between its place counted from the front and its place
counted from the back. Each entry is dated by that stretch of days: one day where the two
counts agree (the first and the last entries), an honest interval in between.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable

from .. import safe_yaml
from ..timespan import TimeSpan
from .office_lists import line_spans

_BODY_WORDS = 6            # a line of the entries' column: six words or more
_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*")
_NUMERIC_DATE_LINE = re.compile(r"^\W*\d{1,2}/\d{1,2}(?:/\d{2,4})?\W*$")   # '9/30/63' alone: a column's date
_MOST_PER_ENTRY = 2        # entries (paragraphs) per dated column line, at most, for an alignment
_ENDS = re.compile(r"""[.?!]["”'’)\]]*\s*$""")


def _is_body(text: str, lo: int, hi: int) -> bool:
    return len(_WORD.findall(text[lo:hi])) >= _BODY_WORDS


def _day(m) -> TimeSpan | None:
    span = m.joined or m.span
    if span is None or span.granularity != "day" or span.open_start or span.open_end:
        return None
    return span


def column_dates(text: str, times: list, date_line: Callable[[str, object], bool]) -> list[tuple[int, int, TimeSpan]]:
    """(start, end, time) of each entry dated by a date column the OCR put before it."""
    lines = line_spans(text)
    dated: dict[int, list] = {}                  # line index -> its day-dated times
    starts = [lo for lo, _ in lines]
    for m in times:
        if _day(m) is not None:
            dated.setdefault(bisect.bisect_right(starts, m.start) - 1, []).append(m)
    out: list[tuple[int, int, TimeSpan]] = []
    i = 0
    while i < len(lines):
        if _is_body(text, *lines[i]):
            i += 1
            continue
        j = i
        while j < len(lines) and not _is_body(text, *lines[j]):
            j += 1
        entries = _entries(text, lines, dated, i, j, date_line)
        if entries is not None and j < len(lines):
            k = j
            while k < len(lines) and not any(date_line(text, m) for m in dated.get(k, ())) \
                    and not _NUMERIC_DATE_LINE.match(text[lines[k][0]:lines[k][1]]):
                k += 1                            # the entries run to the next column's date
            body = _paragraphs(text, lines, j, k)
            if len(body) <= _MOST_PER_ENTRY * len(entries):
                out += _aligned(entries, body)
        i = j
    return out


def _entries(text, lines, dated, i, j, date_line) -> list[TimeSpan] | None:
    """The column's entries between lines i and j: one per paragraph with a dated line, a day
    heading alone merged into the clock times that follow it, and one per paragraph of time
    words only ('afternoon', 'later or earlier': an entry of the day before it). None unless
    the block heads two days or more (a single day's column dates its entries by that day)."""
    heads = {_day(m).lo for k in range(i, j) for m in dated.get(k, ()) if date_line(text, m)}
    if len(heads) < 2:
        return None
    paras: list[tuple[list, str]] = [([], "")]
    for k in range(i, j):
        line = text[lines[k][0]:lines[k][1]]
        if not line.strip():
            if paras[-1][1].strip():
                paras.append(([], ""))
            continue
        paras[-1] = (paras[-1][0] + dated.get(k, []), paras[-1][1] + " " + line)
    entries: list[TimeSpan] = []
    for n, (times, words) in enumerate(paras):
        if not times:
            if entries and set(_WORD.findall(words.lower())) & _time_words():
                entries.append(entries[-1])   # 'afternoon': the day before it goes on
            continue
        heading_only = all(m.kind == "date" for m in times)
        following = next((t for t, _ in paras[n + 1:] if t), None)
        if heading_only and following is not None and all(m.kind == "time" for m in following) \
                and not (n + 1 < len(paras) and not paras[n + 1][0]):
            continue                          # 'September 28, 1963 / Saturday' + 'circa 11:00 A.M.'
        entries.append(_day(times[-1]))
    return entries if len(entries) >= 2 else None


@functools.cache
def _time_words() -> frozenset[str]:
    w = safe_yaml.package_data("data/dates_en.yaml")
    return frozenset(w["times_of_day"]) | frozenset(w["column_time_words"])


def _paragraphs(text, lines, j, k) -> list[tuple[int, int]]:
    """The entries after the column (lines j..k): blank-line paragraphs, one the OCR broke (a
    full line with no closing stop before the blank line) joined again; page furniture (no
    stop, no full line) left out."""
    def line(n: int) -> str:
        return text[lines[n][0]:lines[n][1]]

    raw: list[list[int]] = []
    current: list[int] | None = None
    for n in range(j, k):
        if not line(n).strip():
            if current is not None:
                raw.append(current)
                current = None
        elif current is None:
            current = [n, n]
        else:
            current[1] = n
    if current is not None:
        raw.append(current)
    joined: list[list[int]] = []
    for p in raw:
        prev = joined[-1] if joined else None
        if prev is not None and not _ENDS.search(line(prev[1])) and any(
                _is_body(text, *lines[n]) for n in range(prev[0], prev[1] + 1)):
            prev[1] = p[1]
        else:
            joined.append(p)
    out = []
    for first, last in joined:
        lo, hi = lines[first][0], lines[last][1]
        body = any(_is_body(text, *lines[n]) for n in range(first, last + 1))
        stops = any(_ENDS.search(line(n)) for n in range(first, last + 1))
        if body or (stops and len(_WORD.findall(text[lo:hi])) >= 2):
            out.append((lo, hi))
    return out


def _aligned(entries: list[TimeSpan], paras: list[tuple[int, int]]) -> list[tuple[int, int, TimeSpan]]:
    n, m = len(paras), len(entries)
    if n < 2:
        return []
    out = []
    for i, (lo, hi) in enumerate(paras):
        first, last = (max(0, i - (n - m)), min(i, m - 1)) if n >= m else (i, i + (m - n))
        span = entries[first]
        for e in entries[first + 1:last + 1]:
            span = span.hull(e)
        out.append((lo, hi, span))
    return out


def column_time(columns: list[tuple[int, int, TimeSpan]], at: int) -> TimeSpan | None:
    """The time of the entry holding offset `at`, if a date column dates it."""
    for lo, hi, span in columns:
        if lo <= at < hi:
            return span
    return None
