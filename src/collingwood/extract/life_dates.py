"""Life dates in brackets after a person's name: birth and death claims.

Encyclopaedias, obituaries and indexes write them right after the name:
*Felix Dzerzhinsky (11 September 1877 – 20 July 1926)*, *Kim Philby (1912–1988)*,
*Cairncross (born 1913)*, *Yagoda (d. 1938)*, *Berzin (c. 1889 – 1938)*. Each date gives a
claim `born` or `died` whose subject is the person, whose time is the date as written
(a year is the whole year), and whose span and quote run from the name to the closing
bracket. Pure: no spaCy.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from ..model import Claim, Mention
from ..timespan import TimeSpan, parse_when
from .name_forms import names_data

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATE = (rf"(?:(?:c\.|ca\.|circa)\s*)?(?:\d{{1,2}}\s+{_MONTH}\s+|{_MONTH}\s+\d{{1,2}},?\s+|{_MONTH}\s+)?"
         r"\d{3,4}(?:\s*(?:BC|AD|BCE|CE))?")
_OS = r"(?:\s*\[[^\]]{0,40}\])?"              # '11 September [O.S. 30 August] 1877' keeps the N.S. date
_DASH = r"\s*(?:[–—-]|\bto\b)\s*"
MIN_LIFE = 10      # years: '(1914-1920)' after a president's name is his term, not his life
_BRACKET = re.compile(r"\s*\(([^()\n]{4,160})\)")
_RANGE = re.compile(rf"(?<![\w.])({_DATE}){_OS}{_DASH}(?:d\.\s*|died\s+)?({_DATE})(?![\w])")
_BORN = re.compile(rf"(?<![\w])(?:born|b\.)\s+(?:(?:on|in)\s+)?({_DATE})(?![\w])")
_DIED = re.compile(rf"(?<![\w])(?:died|d\.)\s+(?:(?:on|in)\s+)?({_DATE})(?![\w])")


@functools.cache
def _tenure_words() -> re.Pattern:
    words = sorted(names_data()["tenure_markers"], key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w])", re.I)


def _tenure(words: str) -> bool:
    return bool(_tenure_words().search(words))


def _span(text: str) -> TimeSpan | None:
    clean = re.sub(r"\s*\[[^\]]*\]", "", text)
    try:
        return parse_when(clean).with_text(text)
    except ValueError:
        return None


def dates_after(text: str, end: int) -> list[tuple[str, TimeSpan, int]]:
    """(predicate, time, bracket end) of the life dates in the bracket right after `end`."""
    m = _BRACKET.match(text, end)
    if not m:
        return []
    written = m.group(1)
    inner = re.sub(r"\[[^\]]*\]", lambda b: " " * len(b.group()), written)   # [O.S. ...]
    out: list[tuple[str, TimeSpan, int]] = []
    r = _RANGE.search(inner)
    if r and _tenure(inner[:r.start()] + " " + inner[r.end():]):
        return []                             # 'Zapata (active 1910-1919)': years of activity, not of life
    if r:
        years = [re.search(r"\d{3,4}", g).group() for g in r.groups()]
        if int(years[0]) + MIN_LIFE <= int(years[1]) <= int(years[0]) + 110:
            for pred, g in (("born", 1), ("died", 2)):
                t = _span(written[r.start(g):r.end(g)])
                if t is not None:
                    out.append((pred, t, m.end()))
            return out
    for pred, rx in (("born", _BORN), ("died", _DIED)):
        d = rx.search(inner)
        t = _span(written[d.start(1):d.end(1)]) if d else None
        if t is not None:
            out.append((pred, t, m.end()))
    return out


def life_date_claims(text: str, mentions: Iterable[Mention], names: dict[str, str], source_id: str,
                     extracted_by: str, already: Iterable[Claim] = ()) -> list[Claim]:
    """Birth and death claims from the brackets after person mentions. names: entity id ->
    the person's name (the claim's subject). One claim per person, predicate and date, and
    none that `already` holds (the clause reader's 'Cairncross (born 1913)')."""
    out: list[Claim] = []
    seen: set[tuple] = {(c.subject_id, c.predicate, c.time.lo, c.time.hi) for c in already
                        if c.time is not None and c.predicate in ("born", "died")}
    for m in mentions:
        if m.kind != "person" or m.entity_id not in names:
            continue
        for pred, time, close in dates_after(text, m.end):
            key = (m.entity_id, pred, time.lo, time.hi)
            if key in seen:
                continue
            seen.add(key)
            out.append(Claim(source_id=source_id, start=m.start, end=close, quote=text[m.start:close],
                             subject=names[m.entity_id], predicate=pred, time=time,
                             extracted_by=extracted_by, status="proposed", confidence=0.8,
                             subject_id=m.entity_id))
    return out
