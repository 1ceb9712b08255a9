"""The time a clause's own phrases give its act: a date on another event inside 'until',
'before', 'after' or 'since' bounds the act ('lived in Moscow until his death in 2020'), and
'did not X until T' says X happened at T. Read by `claims`.
"""

from __future__ import annotations

from ..timespan import TimeSpan, bound, civil, day_number, unit_at


_BOUNDING_PREPS = {"until": "ON_OR_BEFORE", "till": "ON_OR_BEFORE", "before": "BEFORE", "after": "AFTER",
                   "since": "ON_OR_AFTER"}


def through_bound(verb, tok, span: TimeSpan) -> TimeSpan:
    """A date inside a bounding phrase of the verb, on another event: 'lived there until his
    death in 2020' is up to 2020, 'rose after the war's end in 1945' from 1946 (a date that is
    the phrase's own object, 'until 1947', is bounded by the date reader already)."""
    if span.mod in _BOUNDING_PREPS.values() or span.open_start or span.open_end:
        return span
    t = tok
    while t.head.i != t.i and t.i != verb.i:
        if t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.lower_ in _BOUNDING_PREPS \
                and t.head.head.i == verb.i:
            return span if t.i == tok.i else bound(span, _BOUNDING_PREPS[t.head.lower_])
        t = t.head
    return span


_POINT_OF = {"ON_OR_BEFORE": lambda s: s.hi, "ON_OR_AFTER": lambda s: s.lo, "AFTER": lambda s: s.lo - 1}


def bound_date(span: TimeSpan | None) -> TimeSpan | None:
    """The date a one-sided span was bounded by: 'By March 1918, when the body came to
    Moscow, ...', 'until 1950, when he retired', 'after 1945, when the war ended': the 'when'
    clause names that date itself. 'before 1917, when ...' is left open: it often names the
    time before."""
    if span is None or span.mod not in _POINT_OF or span.open_start == span.open_end:
        return span
    unit = unit_at(_POINT_OF[span.mod](span), span.granularity)
    return span if unit is None else TimeSpan(unit.lo, unit.hi, unit.granularity, span.text, span.value)


def not_until(verb) -> bool:
    """'did not defect until 1963': the negation says when it happened, not that it did not."""
    return any(c.dep_ == "prep" and c.lower_ in ("until", "till") for c in verb.children)


def last_unit(span: TimeSpan) -> TimeSpan:
    """The unit of the time a 'not until' clause names: 'until 1947' is 1947, 'until May 1947' May."""
    y, m, _ = civil(span.hi)
    lo = {"year": day_number(y, 1, 1), "month": day_number(y, m, 1)}.get(span.granularity, span.hi)
    return TimeSpan(max(lo, span.lo), span.hi, span.granularity, span.text, span.value)


def from_conjunct(span: TimeSpan, verb, head_time: TimeSpan | None) -> TimeSpan:
    """'left Japan on 25 June 1960 and travelled through Europe until September 1960': the
    second act runs from the first one's date to its own bound. A clause bounded only at its
    end ('until T'), joined to an earlier verb dated before T, starts at that verb's date."""
    if not span.open_start or span.open_end or head_time is None or head_time.open_start \
            or head_time.open_end or verb.dep_ != "conj" or verb.head.i > verb.i or head_time.lo > span.hi:
        return span
    return TimeSpan(head_time.lo, span.hi, span.granularity, span.text, span.value)


def present_only(span: TimeSpan | None, verb) -> bool:
    """'he retired and is presently working in Texas': a word of the present ('now',
    'presently', `dates_en.yaml` present_words) dates the clause in the present tense it
    stands in, never a past-tense verb of the same sentence that has no time of its own."""
    if span is None or verb.tag_ not in ("VBD", "VBN"):
        return False
    from .date_patterns import words as date_words
    return " ".join(span.text.lower().split()) in {w.lower() for w in date_words()["present_words"]}
