import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from collingwood.timespan import (OPEN_HI, OPEN_LO, TimeSpan, approx, bound, civil, day_number,
                                  parse_when, part)

# --- strategies: spans as the parsers make them (units, parts, approximations, ranges)

years = st.integers(min_value=-2000, max_value=2100)
months = st.integers(min_value=1, max_value=12)


@st.composite
def units(draw):
    kind = draw(st.sampled_from(["year", "month", "day", "season", "decade", "century"]))
    y = draw(years)
    if kind == "year":
        return TimeSpan.year(y)
    if kind == "month":
        return TimeSpan.month(y, draw(months))
    if kind == "day":
        m = draw(months)
        return TimeSpan.day(y, m, draw(st.integers(1, 28)))
    if kind == "season":
        return TimeSpan.season(y, draw(st.sampled_from(["SP", "SU", "FA", "WI"])))
    if kind == "decade":
        return TimeSpan.decade(draw(st.integers(1, 2100)))
    return TimeSpan.century(draw(st.sampled_from([-5, -1, 1, 5, 19, 20, 21])))


@st.composite
def spans(draw):
    base = draw(units())
    how = draw(st.sampled_from(["plain", "part", "approx", "bound", "range", "raw"]))
    if how == "part":
        return part(base, draw(st.sampled_from(["START", "MID", "END"])))
    if how == "approx":
        return approx(base)
    if how == "bound":
        return bound(base, draw(st.sampled_from(["BEFORE", "ON_OR_BEFORE", "AFTER", "ON_OR_AFTER"])))
    if how == "range":
        return base.hull(draw(units()))
    if how == "raw":
        lo = draw(st.integers(day_number(-3000, 1, 1), day_number(2200, 1, 1)))
        return TimeSpan(lo, lo + draw(st.integers(0, 5000)), "day")
    return base


# --- properties of the algebra

@given(spans(), spans())
def test_timespan_intersection_commutes(a, b):
    x, y = a.intersection(b), b.intersection(a)
    assert (x is None) == (y is None)
    if x is not None:
        assert (x.lo, x.hi) == (y.lo, y.hi)


@given(spans(), spans())
def test_timespan_intersection_is_contained_in_both(a, b):
    x = a.intersection(b)
    if x is None:
        assert not a.intersects(b)
    else:
        assert a.contains(x) and b.contains(x)


@given(spans(), spans(), spans())
def test_timespan_containment_is_transitive(a, b, c):
    outer = a.hull(b).hull(c)
    middle = b.hull(c)
    assert outer.contains(middle) and middle.contains(c) and outer.contains(c)
    if a.contains(b) and b.contains(c):
        assert a.contains(c)


@given(spans(), spans())
def test_timespan_hull_contains_both(a, b):
    h = a.hull(b)
    assert h.contains(a) and h.contains(b)


@given(spans(), spans())
def test_timespan_before_is_antisymmetric_and_none_exactly_when_intersecting(a, b):
    ab, ba = a.before(b), b.before(a)
    if a.intersects(b):
        assert ab is None and ba is None
    else:
        assert ab is not None and ab == (not ba)
    assert a.compatible(b) == a.intersects(b)


@given(spans())
def test_timespan_to_dict_round_trips(a):
    assert TimeSpan.from_dict(a.to_dict()) == a


@given(spans())
def test_timespan_render_then_parse_gives_same_bounds(a):
    back = parse_when(a.render())
    assert (back.lo, back.hi) == (a.lo, a.hi), a.render()


@given(st.integers(day_number(-4000, 1, 1), day_number(3000, 12, 31)))
def test_timespan_day_numbers_round_trip_through_the_calendar(n):
    y, m, d = civil(n)
    assert day_number(y, m, d) == n
    assert civil(n + 1) > (y, m, d)


@given(st.dates())
def test_timespan_day_numbers_are_python_ordinals(d):
    assert day_number(d.year, d.month, d.day) == d.toordinal()


# --- examples

def test_timespan_bc_years_use_astronomical_numbering():
    s = parse_when("479 BC")
    assert (s.earliest, s.latest, s.value) == ("-0478-01-01", "-0478-12-31", "BC0479")
    assert s.render() == "479 BC"
    assert TimeSpan.year(0).value == "BC0001"
    assert parse_when("490 BC").before(s) is True


def test_timespan_bc_century_and_ranges():
    c = parse_when("5th century BC")
    assert (c.earliest, c.latest) == ("-0499-01-01", "-0400-12-31")
    r = parse_when("490-479 BC")
    assert (r.earliest, r.latest) == ("-0489-01-01", "-0478-12-31")


@pytest.mark.parametrize("text, earliest, latest, granularity, mod", [
    ("1936", "1936-01-01", "1936-12-31", "year", None),
    ("1936-02-16", "1936-02-16", "1936-02-16", "day", None),
    ("16 February 1964", "1964-02-16", "1964-02-16", "day", None),
    ("February 16, 1964", "1964-02-16", "1964-02-16", "day", None),
    ("February 1964", "1964-02-01", "1964-02-29", "month", None),
    ("early 1940", "1940-01-01", "1940-05-31", "year", "START"),
    ("early in 1940", "1940-01-01", "1940-05-31", "year", "START"),
    ("late 1940", "1940-08-01", "1940-12-31", "year", "END"),
    ("autumn 1939", "1939-09-01", "1939-11-30", "season", None),
    ("the autumn of 1939", "1939-09-01", "1939-11-30", "season", None),
    ("winter 1939", "1939-12-01", "1940-02-29", "season", None),
    ("mid-1930s", "1933-01-01", "1936-12-31", "decade", "MID"),
    ("the late 1930s", "1936-01-01", "1939-12-31", "decade", "END"),
    ("1943 or 1944", "1943-01-01", "1944-12-31", "year", None),
    ("1934-1936", "1934-01-01", "1936-12-31", "year", None),
    ("1934-36", "1934-01-01", "1936-12-31", "year", None),
    ("from 1936 to 1951", "1936-01-01", "1951-12-31", "year", None),
    ("between 1936 and 1938", "1936-01-01", "1938-12-31", "year", None),
    ("by 1951", "-9999-01-01", "1951-12-31", "year", "ON_OR_BEFORE"),
    ("c. 1936", "1935-01-01", "1937-12-31", "year", "APPROX"),
    ("after 1945", "1946-01-01", "9999-12-31", "year", "AFTER"),
    ("before 1945", "-9999-01-01", "1944-12-31", "year", "BEFORE"),
    ("479 BC", "-0478-01-01", "-0478-12-31", "year", None),
    ("the 20th century", "1901-01-01", "2000-12-31", "century", None),
])
def test_timespan_parse_when_reads_casebook_forms(text, earliest, latest, granularity, mod):
    s = parse_when(text)
    assert (s.earliest, s.latest, s.granularity, s.mod) == (earliest, latest, granularity, mod)
    assert s.text == text


def test_timespan_parse_when_uses_the_anchor_for_a_month_alone():
    s = parse_when("March", anchor=TimeSpan.year(1940))
    assert (s.earliest, s.latest) == ("1940-03-01", "1940-03-31")


@pytest.mark.parametrize("bad", ["", "soon", "1936-13-01", "31 February 1940", "2000 to 1990"])
def test_timespan_parse_when_refuses_with_a_clear_message(bad):
    with pytest.raises(ValueError, match="date"):
        parse_when(bad)


def test_timespan_render_forms():
    assert parse_when("1939-10").render() == "Oct 1939"
    assert parse_when("early 1940").render() == "early 1940"
    assert parse_when("1943 or 1944").render() == "1943–1944"
    assert parse_when("c. 1936").render() == "c. 1936"
    assert parse_when("by 1951").render() == "by 1951"
    # a span of months keeps one granularity for both ends: "1924 – April 1935" starts on
    # 1 January 1924, and is not shown as "Jan 1924" (a precision the text never gave)
    months = TimeSpan(day_number(1924, 1, 1), day_number(1935, 4, 30), "month")
    assert months.render() == "1924 to Apr 1935"
    assert TimeSpan(day_number(1924, 3, 1), day_number(1935, 12, 31), "month").render() == "Mar 1924 to 1935"
    assert TimeSpan(day_number(1924, 1, 1), day_number(1935, 12, 31), "month").render() == "1924–1935"
    assert TimeSpan(day_number(1939, 9, 1), day_number(1945, 9, 2), "day").render() == "1 Sep 1939 to 2 Sep 1945"


def test_timespan_constructors_and_iso_properties():
    s = TimeSpan.from_iso("1939-10-01", "1939-10-31", "month", "October 1939")
    assert s == TimeSpan(s.lo, s.hi, "month", "October 1939")
    assert s.lo == datetime.date(1939, 10, 1).toordinal()
    assert TimeSpan.month(1939, 10).earliest == "1939-10-01"
    assert TimeSpan.day(1940, 2, 29).latest == "1940-02-29"
    with pytest.raises(ValueError):
        TimeSpan.day(1939, 2, 29)
    with pytest.raises(ValueError):
        TimeSpan(5, 4, "day")
    with pytest.raises(ValueError):
        TimeSpan(4, 5, "fortnight")


def test_timespan_chronology_sort_key_orders_by_bounds():
    items = [parse_when("1940"), parse_when("early 1940"), parse_when("1939"), parse_when("c. 1936")]
    assert [s.text for s in sorted(items, key=TimeSpan.sort_key)] == ["c. 1936", "1939", "early 1940", "1940"]


def test_timespan_open_bounds_are_flagged():
    s = parse_when("by 1951")
    assert s.open_start and not s.open_end
    assert s.lo == OPEN_LO and parse_when("after 1945").hi == OPEN_HI
