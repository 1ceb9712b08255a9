"""The date a dated document gives itself in its header: a memo's date line, a cable's
date-time group, a news report's dateline or publication line, a letter's place and date.

    document_date("MEMORANDUM FOR THE RECORD\\nDATE: 29 January 1964\\n...")
    -> ("1964-01-29", (30, 45))

Only the header area is read (the first `header_chars` characters and `header_lines`
lines of ``data/document_dates_en.yaml``, after any YAML front matter). The forms are
genre-general and live in that data file: labels ("DATE:", "Dated", "Published",
"Last updated"), cable date-time groups ("041754Z APR 92"), datelines ("MOSCOW, April 3,
1998 (AP) --"), a date alone on a header line ("23 July 2009", "AUGUST 17, 1978"), and a
place followed by a date ("Washington, D.C., March 3, 1964"). A dateline without a year
gives nothing: a document date is never guessed.
"""

from __future__ import annotations

import datetime
import functools
import re

from .. import safe_yaml
from .date_patterns import _alt

__all__ = ["document_date", "document_dct"]

_MON = (r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December"
        r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
_WKD = r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?,?\s+)?"
_YEAR = r"(?P<year>\d{4}|'?\d{2})(?![\d:])"
_DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"


def _forms() -> list[str]:
    """Full dates, most specific first; each with named groups day/mon/year (or iso, num)."""
    return [
        r"(?P<iso>\d{4}-\d\d-\d\d)(?![\d-])",
        rf"{_WKD}{_DAY}\s*(?:of\s+)?{_MON},?\s*{_YEAR}",
        rf"{_WKD}{_MON}\s*{_DAY},?\s+{_YEAR}",
        r"(?P<num>(?P<n1>\d{1,2})/(?P<n2>\d{1,2})/(?P<n3>\d{4}|\d{2}))(?![\d/])",
        r"(?P<dot>(?P<d1>\d{1,2})\.(?P<d2>\d{1,2})\.(?P<d3>\d{4}))(?![\d.])",
        rf"{_MON},?\s+(?P<year>\d{{4}})(?!\d)",
    ]


@functools.cache
def _data() -> dict:
    return safe_yaml.package_data("data/document_dates_en.yaml")


@functools.cache
def _patterns() -> dict[str, list[re.Pattern]]:
    d = _data()
    dates = _forms()
    labels, published, dtg_labels = _alt(d["date_labels"]), _alt(d["published_labels"]), _alt(d["dtg_labels"])
    out: dict[str, list[re.Pattern]] = {"label": [], "published": [], "dateline": [], "alone": [], "place": []}
    for f in dates:
        date = rf"(?P<date>{f})"
        out["label"] += [rf"^[ \t>*_|-]*(?:{labels})\s*[:.\-]?[ \t]*(?:[^\n\w]{{0,3}})[ \t]*{date}",
                         rf"(?:[ \t]{{2,}}|\t|\|)(?:{labels})[ \t]*:[ \t]*{date}"]   # a header column: 'TO: X   DATE: ...'
        out["published"] += [rf"(?<![\w])(?:{published})\b[^\n]{{0,40}}?{date}"]
        out["alone"] += [rf"^[ \t>*_|-]*{date}[ \t]*[.,]?[ \t]*$"]
        out["place"] += [rf"^[ \t]*[A-Z][\w.'’ -]{{1,40}}(?:,[ \t]*[A-Z][\w.'’ -]{{1,30}}){{0,2}},[ \t]+{date}[ \t]*\.?[ \t]*$"]
        out["dateline"] += [rf"^[ \t]*[A-Z][A-Z.'’ -]{{1,30}}(?:,[ \t]*[A-Z][\w.'’ -]{{1,25}})?,[ \t]+{date}"
                            rf"[ \t]*(?:\([^)\n]{{1,25}}\))?[ \t]*(?:--|—|–|_|-|:)"]
    pats = {k: [re.compile(p, re.I | re.M) for p in v] for k, v in out.items()}
    pats["any"] = [re.compile(rf"(?<![\w/.-])(?P<date>{f})", re.I) for f in dates]
    dtg = rf"(?P<date>(?P<dd>[0-3]\d)(?P<hm>[0-2]\d[0-5]\d)Z\s*{_MON}\s*{_YEAR})"
    pats["dtg"] = [re.compile(rf"(?<![\w])(?:{dtg_labels})\s*[:.]?\s*{dtg}", re.I),
                   re.compile(rf"(?<![\w]){dtg}", re.I)]
    return pats


def _header(text: str) -> tuple[int, str]:
    """(offset, text) of the header area, after any YAML front matter."""
    start = 0
    fm = re.match(r"\A\ufeff?---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*\n", text, re.S)
    if fm:
        start = fm.end()
    d = _data()
    area = text[start:start + d["header_chars"]]
    lines = area.split("\n")
    if len(lines) > d["header_lines"]:
        area = "\n".join(lines[:d["header_lines"]])
    return start, area


def _two_digit(y: str) -> int:
    n = int(y.lstrip("'"))
    if len(y.lstrip("'")) == 4:
        return n
    return 2000 + n if n < _data()["two_digit_pivot"] else 1900 + n


def _month(word: str) -> int:
    return ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].index(word[:3].lower()) + 1


def _iso(m: re.Match) -> str | None:
    """The ISO date (or year-month) a match names; None when it is no real date."""
    g = {k: v for k, v in m.groupdict().items() if v is not None}
    try:
        if "iso" in g:
            return datetime.date.fromisoformat(g["iso"]).isoformat()
        if "num" in g:
            a, b, y = int(g["n1"]), int(g["n2"]), _two_digit(g["n3"])
            mo, d = (a, b) if a <= 12 else (b, a)       # American order unless the first is a day
            return datetime.date(y, mo, d).isoformat()
        if "dot" in g:
            return datetime.date(int(g["d3"]), int(g["d2"]), int(g["d1"])).isoformat()
        if "dd" in g:
            return datetime.date(_two_digit(g["year"]), _month(g["mon"]), int(g["dd"])).isoformat()
        y = _two_digit(g["year"])
        if "day" in g:
            return datetime.date(y, _month(g["mon"]), int(g["day"])).isoformat()
        datetime.date(y, _month(g["mon"]), 1)
        return f"{y:04d}-{_month(g['mon']):02d}"
    except ValueError:
        return None


def document_date(text: str, kind: str | None = None) -> tuple[str, tuple[int, int]] | None:
    """The date a dated document heads itself with: (ISO date, (start, end) of its words in
    text), or None. kind ('memo', 'cable', 'news', 'testimony', 'letter') orders the kinds of
    header line tried; without it every kind is tried, date lines first."""
    if not isinstance(text, str) or not text:
        return None
    offset, area = _header(text)
    order = _data()["kinds"].get(kind or "all") or _data()["kinds"]["all"]
    pats = _patterns()
    # an unlabelled date heads the document only if no other date comes before it
    first = min((m.start("date") for rx in pats["any"] for m in rx.finditer(area) if _iso(m)), default=None)
    for cls in order:
        best = None
        for rx in pats[cls]:
            for m in rx.finditer(area):
                iso = _iso(m)
                if iso is None or (cls in _UNLABELLED and m.start("date") != first):
                    continue
                if best is None or m.start("date") < best[1][0]:
                    best = (iso, (offset + m.start("date"), offset + m.end("date")))
                break
        if best is not None:
            return best
    return None


_UNLABELLED = ("alone", "place", "dateline")


def document_dct(text: str, kind: str | None = None) -> str | None:
    """The ISO date of `document_date`, or None: what `tag_dates(..., dct=)` takes."""
    found = document_date(text, kind)
    return found[0] if found else None
