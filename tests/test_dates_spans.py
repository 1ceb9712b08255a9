"""Ranges and disjunctions are one honest interval (`span_of`), each end still its own TIMEX2."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from collingwood.extract.dates import span_of, tag_dates
from collingwood.timespan import MONTHS, TimeSpan


def _spans(text, **kw):
    return [(m.text, span_of(m)) for m in tag_dates(text, **kw)]


@pytest.mark.parametrize("text, earliest, latest", [
    ("He served from 1921 to 1923.", "1921-01-01", "1923-12-31"),
    ("He served 1921–1923.", "1921-01-01", "1923-12-31"),
    ("He served 1921-23 in Berlin.", "1921-01-01", "1923-12-31"),
    ("Between 1950 and 1952 he wrote for the paper.", "1950-01-01", "1952-12-31"),
    ("From March to June 1940 they waited.", "1940-03-01", "1940-06-30"),
    ("from 1940 to 1942 the network ran", "1940-01-01", "1942-12-31"),
    ("He left in 1943 or 1944.", "1943-01-01", "1944-12-31"),
    ("He lived there 1936 to 1951 and never spoke of it.", "1936-01-01", "1951-12-31"),
    ("from 1940 until 1942 the station was run from Lisbon", "1940-01-01", "1942-12-31"),
    ("the talks of 3 to 5 March 1940", "1940-03-03", "1940-03-05"),
    ("on 3 or 4 March 1940 he crossed", "1940-03-03", "1940-03-04"),
    ("the 1941/42 budget was cut", "1941-01-01", "1942-12-31"),
])
def test_span_of_a_range_or_disjunction_covers_both_ends(text, earliest, latest):
    found = _spans(text)
    assert len(found) == 2, found
    for _, span in found:
        assert (span.earliest, span.latest) == (earliest, latest)


def test_each_end_keeps_its_own_timex_extent_and_value():
    found = tag_dates("He served from 1921 to 1923.")
    assert [(m.text, m.value) for m in found] == [("1921", "1921"), ("1923", "1923")]
    assert found[0].span.latest == "1921-12-31"     # the TIMEX2 of one end; the claim takes span_of


@pytest.mark.parametrize("text, earliest, latest", [
    ("in the 1930s", "1930-01-01", "1939-12-31"),
    ("in the late 1940s", "1946-01-01", "1949-12-31"),
    ("in the early 1920s", "1920-01-01", "1923-12-31"),
])
def test_span_of_decades(text, earliest, latest):
    ((_, span),) = _spans(text)
    assert (span.earliest, span.latest) == (earliest, latest)


@pytest.mark.parametrize("text, earliest, latest, open_start, open_end", [
    ("by 1943 or 1944 he had left", None, "1944-12-31", True, False),
    ("before 1943 or 1944 he had left", None, "1943-12-31", True, False),
    ("after 1943 or 1944 he came back", "1944-01-01", None, False, True),
])
def test_a_preposition_bounds_the_whole_disjunction(text, earliest, latest, open_start, open_end):
    spans = {span for _, span in _spans(text)}
    assert len(spans) == 1
    (span,) = spans
    assert span.open_start == open_start and span.open_end == open_end
    if earliest:
        assert span.earliest == earliest
    if latest:
        assert span.latest == latest


def test_and_without_between_is_two_dates_not_a_range():
    found = _spans("He visited in 1943 and 1944.")
    assert [(t, s.earliest, s.latest) for t, s in found] == [
        ("1943", "1943-01-01", "1943-12-31"), ("1944", "1944-01-01", "1944-12-31")]


def test_a_single_date_is_its_own_span():
    ((text, span),) = _spans("He defected in 1937.")
    assert text == "1937" and (span.earliest, span.latest) == ("1937-01-01", "1937-12-31")


years = st.integers(min_value=1100, max_value=2090)


@given(years, st.integers(min_value=1, max_value=9),
       st.sampled_from(["from {a} to {b}", "{a}–{b}", "{a}-{b}", "between {a} and {b}", "{a} or {b}",
                        "from {a} until {b}", "{a} to {b}", "{a}-{bb}"]))
def test_property_range_covers_both_ends(a, k, form):
    b = a + k
    if b // 100 != a // 100 and "{bb}" in form:
        b = a + 1 if (a + 1) // 100 == a // 100 else a
        if b == a:
            return
    text = "The office ran " + form.format(a=a, b=b, bb=f"{b % 100:02d}") + " in the capital."
    found = [m for m in tag_dates(text) if m.span is not None]
    assert len(found) == 2, [(m.text, m.value) for m in found]
    for m in found:
        s = span_of(m)
        assert s.lo <= s.hi
        assert s.lo <= TimeSpan.year(a).lo and s.hi >= TimeSpan.year(b).hi
        assert s.lo == TimeSpan.year(a).lo and s.hi == TimeSpan.year(b).hi


@given(years, st.integers(min_value=1, max_value=12), st.integers(min_value=1, max_value=12))
def test_property_month_range_in_one_year_covers_both_months(y, m1, m2):
    m1, m2 = min(m1, m2), max(m1, m2)
    if m1 == m2:
        return
    text = f"From {MONTHS[m1 - 1].capitalize()} to {MONTHS[m2 - 1].capitalize()} {y} they waited."
    found = [m for m in tag_dates(text) if m.span is not None]
    assert len(found) == 2
    for m in found:
        s = span_of(m)
        assert s.lo <= s.hi
        assert s.earliest == f"{y:04d}-{m1:02d}-01"
        assert s.contains(TimeSpan.month(y, m2))


@given(years, st.integers(min_value=1, max_value=5))
def test_property_disjunction_covers_both_years_and_no_more(a, k):
    found = tag_dates(f"He arrived in {a} or {a + k}.")
    spans = {span_of(m) for m in found}
    assert len(spans) == 1
    (s,) = spans
    assert s.contains(TimeSpan.year(a)) and s.contains(TimeSpan.year(a + k))
    assert s.earliest == f"{a:04d}-01-01" and s.latest == f"{a + k:04d}-12-31"


def test_the_quarter_of_a_town_is_no_date():
    assert [m.text for m in tag_dates("The troops searched the quarter house by house in 1944.")] == ["1944"]
