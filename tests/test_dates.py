
import pytest
from hypothesis import given
from hypothesis import strategies as st

from collingwood.extract.date_timex3 import is_timex3
from collingwood.extract.dates import tag_dates, timex_record
from collingwood.timespan import MONTHS, parse_when
from shared_data import SEEDS, need



def _found(text, **kw):
    return {m.text: m for m in tag_dates(text, **kw)}


def _one(text, phrase, **kw):
    found = _found(text, **kw)
    assert phrase in found, f"{phrase!r} not tagged; got {list(found)}"
    return found[phrase]


# --- absolute expressions

@pytest.mark.parametrize("text, phrase, value, mod, earliest, latest", [
    ("On September 1, 1939, Germany attacked.", "September 1, 1939", "1939-09-01", None, "1939-09-01", "1939-09-01"),
    ("He confessed on 16 February 1964 in Cleveland.", "16 February 1964", "1964-02-16", None, "1964-02-16", "1964-02-16"),
    ("It ended in March 1940 with concessions.", "March 1940", "1940-03", None, "1940-03-01", "1940-03-31"),
    ("a trade pact in February of 1940", "February of 1940", "1940-02", None, "1940-02-01", "1940-02-29"),
    ("By early October 1939, Poland was divided.", "early October 1939", "1939-10", "START", "1939-10-01", "1939-10-12"),
    ("Early in 1940 the Germans waited.", "Early in 1940", "1940", "START", "1940-01-01", "1940-05-31"),
    ("in the autumn of 1939 they met", "the autumn of 1939", "1939-FA", None, "1939-09-01", "1939-11-30"),
    ("during the mid-1930s he studied", "the mid-1930s", "193", "MID", "1933-01-01", "1936-12-31"),
    ("in the late 1930s he spied", "the late 1930s", "193", "END", "1936-01-01", "1939-12-31"),
    ("in the 1930s, 1940s and 1950s", "the 1930s", "193", None, "1930-01-01", "1939-12-31"),
    ("by the end of 1942 the tide turned", "the end of 1942", "1942", "END", "1942-08-01", "1942-12-31"),
    ("In 480 BC Xerxes invaded Greece.", "480 BC", "BC0480", None, "-0479-01-01", "-0479-12-31"),
    ("Marathon, ca. 490 B.C., was fought", "ca. 490 B.C.", "BC0490", "APPROX", "-0490-01-01", "-0488-12-31"),
    ("in the 5th century BC the city grew", "the 5th century BC", "BC04", None, "-0499-01-01", "-0400-12-31"),
    ("in the 19th century it was gone", "the 19th century", "18", None, "1801-01-01", "1900-12-31"),
])
def test_dates_absolute_expressions(text, phrase, value, mod, earliest, latest):
    m = _one(text, phrase)
    assert (m.value, m.mod, m.span.earliest, m.span.latest) == (value, mod, earliest, latest)


def test_dates_ranges_and_disjunctions_tag_both_ends_and_join_them():
    found = tag_dates("They met until 1943 or 1944, and he studied from 1934 to 1936, "
                      "between 1936 and 1938, and in 1915-17.")
    assert [m.text for m in found] == ["1943", "1944", "1934", "1936", "1936", "1938", "1915", "17"]
    # 'until 1943 or 1944': the meetings ran on to the end of 1944 at the latest
    assert found[0].joined.render() == "by 1944" == found[1].joined.render()
    assert found[2].joined.render() == "1934–1936"
    assert found[4].joined.render() == "1936–1938"
    assert found[7].value == "1917" and found[7].joined.render() == "1915–1917"


def test_dates_by_a_year_is_an_open_start():
    m = _one("By 1951 he had been exposed.", "1951")
    assert m.value == "1951" and m.mod == "ON_OR_BEFORE"
    assert m.span.latest == "1951-12-31" and m.span.open_start


def test_dates_day_ranges_share_month_and_year():
    found = tag_dates("the battle of 31 May-1 June 1916 and the talks of March 5-9, 1918")
    assert [(m.text, m.value) for m in found] == [
        ("31 May", "1916-05-31"), ("1 June 1916", "1916-06-01"), ("March 5", "1918-03-05"), ("9, 1918", "1918-03-09")]


# --- relative to the narrative time

NARRATIVE = ("On 10 May 1940 Germany invaded France. The next day the Belgians fell back. "
             "Two days later the Dutch army gave up. In June the French sued for peace; "
             "that winter was hard. A month later they retreated. The following Monday they met. "
             "The previous year had been quiet, and that year was worse. In the spring the raids ceased. "
             "During the next twelve months nothing happened. The same day, a treaty was signed.")


@pytest.mark.parametrize("phrase, value, earliest, latest", [
    ("The next day", "1940-05-11", "1940-05-11", "1940-05-11"),
    ("Two days later", "1940-05-13", "1940-05-13", "1940-05-13"),
    ("June", "1940-06", "1940-06-01", "1940-06-30"),
    ("that winter", "1940-WI", "1940-12-01", "1941-02-28"),
    ("A month later", "1940-07", "1940-07-01", "1940-07-31"),
    ("The previous year", "1939", "1939-01-01", "1939-12-31"),
    ("that year", "1939", "1939-01-01", "1939-12-31"),
    ("the spring", "1939-SP", "1939-03-01", "1939-05-31"),
])
def test_dates_relative_expressions_follow_the_narrative(phrase, value, earliest, latest):
    m = _one(NARRATIVE, phrase, written="2019-07-20")
    assert (m.value, m.span.earliest, m.span.latest) == (value, earliest, latest)


def test_dates_following_weekday_and_durations():
    found = _found("On Friday 7 June 1940 they met. The following Monday they left for two years; "
                   "during the next twelve months nothing happened.")
    assert found["The following Monday"].value == "1940-06-10"
    assert found["two years"].value == "P2Y" and found["two years"].span is None
    nxt = found["the next twelve months"]
    assert nxt.value == "P12M" and (nxt.span.earliest, nxt.span.latest) == ("1940-06-11", "1941-06-10")


def test_dates_unresolvable_relative_is_never_a_fake_day():
    m = _one("The next day they fled.", "The next day")
    assert m.span is None and m.value == "XXXX-XX-XX"
    m = _one("In 1940 they waited. The next day they fled.", "The next day")
    assert m.granularity == "year" and (m.span.earliest, m.span.latest) == ("1940-01-01", "1940-12-31")


def test_dates_shortly_afterwards_dates_after_the_narrative_time():
    m = _one("In March 1940 they met. Shortly afterwards they left.", "Shortly afterwards")
    assert m.kind == "relative" and m.mod == "AFTER" and m.span.earliest == "1940-03-01"


def test_dates_bare_at_the_time_is_the_narrative_time_but_no_timex():
    text = "In June 1951 the colonel moved to Lisbon. He was unmarried at the time, his sister recalled."
    m = _one(text, "the time")
    assert m.kind == "relative" and m.value is None
    assert (m.span.earliest, m.span.latest) == ("1951-06-01", "1951-06-30")
    assert not is_timex3(m, text)
    # 'at the time of the crash' names its own time: not the bare anaphor
    assert all(x.text != "the time" for x in tag_dates("He was at the time of the crash in Lisbon."))


def test_dates_these_n_years_is_the_stretch_just_told_of_ending_at_the_narrative_time():
    text = "They met every month until 1952. During these two years, he passed on papers. In May 1960 she left; in those three months she wrote."
    found = _found(text)
    m = found["these two years"]
    assert m.value == "P2Y" and (m.span.earliest, m.span.latest) == ("1950-01-01", "1952-12-31")
    m = found["those three months"]
    assert m.value == "P3M" and (m.span.earliest, m.span.latest) == ("1960-02-01", "1960-05-31")
    assert "these days" not in {x.text for x in tag_dates("Is his word reliable these days?") if x.kind == "duration"}


def test_dates_anchor_sets_narrative_time_before_the_text_does():
    m = _one("In May the troops left.", "May", anchor="1940-01-01")
    assert m.value == "1940-05"
    assert _one("In May the troops left.", "May").span is None


# --- speaker deixis uses the date written, the narrative uses its own time

def test_dates_speaker_deixis_uses_the_date_written_not_the_narrative():
    text = "On 16 February 1964 he confessed. Last week, he said, he had met Martin; today he is tired. The next day he left."
    found = _found(text, written="1964-03-02")
    assert found["Last week"].value == "1964-W09"
    assert found["today"].value == "PRESENT_REF" and found["today"].span.earliest == "1964-03-02"
    assert found["The next day"].value == "1964-02-17"


def test_dates_now_and_former_are_references():
    found = _found("the former emperor, now in exile")
    assert found["former"].value == "PAST_REF" and found["now"].value == "PRESENT_REF"


# --- false positives

@pytest.mark.parametrize("text", [
    "He may go to Berlin, and the army will march on Paris.",
    "Some 3,000 men and 1940 soldiers were killed.",
    "See page 1940 of the report.",
    "The fall of Paris shocked the world. Prices began to fall.",
    "Springs spring up from the rocks. Sun and rain.",
    "The former, not the latter, was chosen.",
])
def test_dates_false_positive_guards(text):
    assert [m.text for m in tag_dates(text)] == []


# --- golden: a real passage (seed 003, a report of a confession)

def test_dates_golden_confession_report():
    path = SEEDS / "003_3c096ae617f1ea3a.txt"
    need(path)
    found = tag_dates(path.read_text(encoding="utf-8"), written="2014-11-01")
    values = [(m.text, m.value) for m in found]
    for expected in [("the 1930s", "193"), ("1936", "1936"), ("1951", "1951"), ("16 February 1964", "1964-02-16"),
                     ("1943", "1943"), ("1944", "1944"), ("1938", "1938")]:
        assert expected in values
    assert all(m.text not in ("Martin", "May") for m in found)


def test_dates_timex_record_is_the_cli_contract():
    r = timex_record(tag_dates("It ended in March 1940.")[0])
    assert r == {"start": 12, "end": 22, "text": "March 1940", "value": "1940-03", "mod": None,
                 "earliest": "1940-03-01", "latest": "1940-03-31", "granularity": "month"}
    r = timex_record(tag_dates("for two years")[0])
    assert (r["value"], r["earliest"], r["latest"]) == ("P2Y", None, None)


# --- properties

@given(st.integers(1000, 2030), st.integers(1, 12), st.integers(1, 28))
def test_dates_written_dates_normalise_to_their_day(y, m, d):
    text = f"It happened on {d} {MONTHS[m - 1].capitalize()} {y}."
    (found,) = tag_dates(text)
    assert found.value == f"{y:04d}-{m:02d}-{d:02d}"
    assert parse_when(found.span.render()).lo == found.span.lo
    assert text[found.start:found.end] == found.text


@given(st.integers(1, 999))
def test_dates_bc_years_normalise(y):
    (found,) = tag_dates(f"In {y} BC the city fell.")
    assert found.value == f"BC{y:04d}" and found.span.earliest.startswith("-" if y > 1 else "0")


def test_dates_a_planned_date_sets_no_narrative_time():
    text = ("The road lay open for a campaign planned for 1976. On 21 April 1975 Thieu resigned. "
            "The next day he left.")
    values = [m.value for m in tag_dates(text)]
    assert values == ["1976", "1975-04-21", "1975-04-22"]
    text = "The offensive was planned for 1976. On 21 April Thieu resigned."
    assert [m.value for m in tag_dates(text, anchor="1975-01-01")][-1] == "1975-04-21"
