"""Publication records -> `published` claims: the lines a publisher's web page or a
catalogue entry prints about a work.

'Published online by Cambridge University Press: 24 February 2023' under a chapter's title
says the press published that chapter on that day; 'Publisher: Boydell & Brewer' and 'Print
publication year: 2014' in one record say the publisher published the record's book that
year, the book being named by the lines above the chapter's page range (', pp. 139 - 162':
'The Secret War Between the Wars' / 'MI5 in the 1920s and 1930s', title and subtitle).
Each claim's passage is the line that dates it. The labels are data (``data/publishing.yaml``).
Pure: no spaCy; a line reader beside the sentence readers.
"""

from __future__ import annotations

import functools
import re

from .. import safe_yaml
from ..model import Claim
from ..timespan import TimeSpan, parse_when
from .speech import quoted_blocks

CONFIDENCE = 0.8


@functools.cache
def _words() -> dict:
    w = safe_yaml.package_data("data/publishing.yaml")
    alt = lambda labels: "|".join(re.escape(x) for x in sorted(labels, key=len, reverse=True))  # noqa: E731
    return {
        "by": re.compile(rf"^[ \t]*(?:{alt(w['by_lines'])})[ \t]+(?P<who>[^:\n]{{2,80}}?)[ \t]*[:,][ \t]*"
                         rf"(?P<when>[^\n]{{4,40}}?)[ \t]*$", re.I | re.M),
        "publisher": re.compile(rf"^[ \t]*(?:{alt(w['publisher_labels'])})[ \t]*:[ \t]*(?P<who>[^\n]{{2,80}}?)[ \t]*$",
                                re.I | re.M),
        "year": re.compile(rf"^[ \t]*(?:{alt(w['year_labels'])})[ \t]*:[ \t]*(?P<when>[^\n]{{4,40}}?)[ \t]*$",
                           re.I | re.M),
        "pages": re.compile(w["page_range"]),
        "chapter": re.compile(w["chapter_number"], re.I),
        "near": int(w["record_lines"]),
    }


def _when(text: str) -> TimeSpan | None:
    try:
        return parse_when(text.strip()).with_text(text.strip())
    except ValueError:
        return None


def _lines_before(text: str, at: int) -> list[str]:
    """The non-empty lines before offset `at`, nearest first."""
    return [line.strip() for line in reversed(text[:at].split("\n")[:-1]) if line.strip()]


def _title_before(text: str, at: int) -> str | None:
    """The title on the nearest non-empty line before `at`, its chapter number dropped."""
    lines = _lines_before(text, at)
    if not lines or len(lines[0].split()) < 2 or len(lines[0]) > 200:
        return None
    return _words()["chapter"].sub("", lines[0]).strip() or None


def _book_title(text: str, lo: int, hi: int) -> str | None:
    """'Title: Subtitle' from the lines right above the record's page-range line in [lo, hi)."""
    w = _words()
    starts = [lo + m.start() for m in re.finditer(r"(?m)^", text[lo:hi])]
    for s in starts:
        end = text.find("\n", s)
        line = text[s:end if end >= 0 else len(text)]
        if w["pages"].match(line):
            parts = []
            for above in _lines_before(text, s)[:2]:
                if len(above.split()) < 2 or ":" in above:
                    break
                parts.insert(0, above)
            return ": ".join(parts) or None
    return None


def _entity(found, name: str):
    e = found.entities.get(name) if found is not None else None
    return (e.name, e.id) if e is not None else (name, None)


def publication_claims(text: str, found, source_id: str, extracted_by: str, times=()) -> list[Claim]:
    """times: the document's time expressions (`dates.tag_dates`), for the date of a quoted
    article ('APPEARED IN THE 27 MARCH EDITION OF ...', resolved at the document's date)."""
    w = _words()
    out: list[Claim] = []

    def claim(lo: int, hi: int, who: str, work: str | None, when: TimeSpan) -> None:
        name, eid = _entity(found, who.strip(" .,;:"))
        while lo < hi and text[lo] in " \t\n":
            lo += 1
        while hi > lo and text[hi - 1] in " \t\n":
            hi -= 1
        out.append(Claim(source_id=source_id, start=lo, end=hi, quote=text[lo:hi], subject=name,
                         predicate="published", object=work, time=when, extracted_by=extracted_by,
                         status="proposed", confidence=CONFIDENCE, subject_id=eid))

    for m in w["by"].finditer(text):
        when = _when(m["when"])
        work = _title_before(text, m.start())
        if when is not None and work:
            claim(m.start(), m.end(), m["who"], work, when)
    for lo, _hi, name in quoted_blocks(text, found) if found is not None else ():
        first = _intro_start(text, lo)
        when = next((t.joined or t.span for t in times if first <= t.start and t.end <= lo
                     and (t.joined or t.span) is not None), None)
        title = _first_line(text, lo)
        if when is not None and title:
            claim(first, lo, name, title, when)
    for m in w["year"].finditer(text):
        when = _when(m["when"])
        if when is None:
            continue
        lo = _line_offset(text, m.start(), -w["near"])
        hi = _line_offset(text, m.end(), w["near"])
        who = [p for p in w["publisher"].finditer(text, lo, hi)]
        work = _book_title(text, lo, m.start())
        if len(who) == 1 and work:
            claim(m.start(), m.end(), who[0]["who"], work, when)
    return out


def _intro_start(text: str, end: int) -> int:
    """Where the words that introduce a quoted article ('FOLLOWING ARTICLE APPEARED IN ...')
    begin: the start of the paragraph they stand in."""
    return text.rfind("\n\n", 0, end - 1) + 2 if "\n\n" in text[:end - 1] else 0


def _first_line(text: str, lo: int) -> str | None:
    """The quoted article's headline: its first non-empty line, quote marks dropped."""
    for line in text[lo:lo + 400].split("\n"):
        head = line.strip().strip("\"“”‘’'*").strip()
        if head:
            return head if 2 <= len(head.split()) <= 16 and not head.endswith((".", ",", ":")) else None
    return None


def _line_offset(text: str, at: int, lines: int) -> int:
    """The offset `lines` lines before (negative) or after `at`, at a line boundary."""
    pos = at
    for _ in range(abs(lines)):
        nxt = text.rfind("\n", 0, max(pos - 1, 0)) if lines < 0 else text.find("\n", pos + 1)
        if nxt < 0:
            return 0 if lines < 0 else len(text)
        pos = nxt
    return pos + 1 if lines < 0 else pos
