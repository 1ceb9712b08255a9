"""Dated documents (news, memos, cables, testimony): relative words anchor at the document's date."""

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from collingwood.extract.dates import tag_dates
from collingwood.extract.document_date import document_dct
from shared_data import DATA, SEEDS, need

# Wednesday 12 August 1998
DCT = "1998-08-12"


def _one(text, phrase, **kw):
    found = {m.text: m for m in tag_dates(text, **kw)}
    assert phrase in found, f"{phrase!r} not tagged; got {list(found)}"
    return found[phrase]


@pytest.mark.parametrize("text, phrase, value", [
    ("Police said yesterday that two men had been held.", "yesterday", "1998-08-11"),
    ("The minister will fly to Nairobi tomorrow.", "tomorrow", "1998-08-13"),
    ("The council meets tonight in closed session.", "tonight", "1998-08-12TNI"),
    ("Officials said today that the embassy would reopen.", "today", "1998-08-12"),
    ("Last year the company lost money in Asia.", "Last year", "1997"),
    ("Next year the treaty comes up for renewal.", "Next year", "1999"),
    ("This week the talks resumed in Geneva.", "This week", "1998-W33"),
    ("Last week the rebels took the town.", "Last week", "1998-W32"),
    ("Earlier this month the rebels took the town.", "Earlier this month", "1998-08"),
    ("Two years ago the embassy was warned.", "Two years ago", "1996"),
    ("Bombs exploded outside the embassies on Friday, killing dozens.", "Friday", "1998-08-07"),
    ("The envoy arrived in Dar es Salaam on Monday.", "Monday", "1998-08-10"),
    ("The envoy will arrive in Dar es Salaam on Monday.", "Monday", "1998-08-17"),
    ("The suspects are expected to appear in court on Tuesday.", "Tuesday", "1998-08-18"),
    ("The blast on Wednesday morning shook the city.", "Wednesday morning", "1998-08-12TMO"),
    ("Last Friday the rebels took the town.", "Last Friday", "1998-08-07"),
    ("Over the weekend, talks resumed.", "the weekend", "1998-W32-WE"),
])
def test_dated_document_deixis(text, phrase, value):
    assert _one(text, phrase, dct=DCT).value == value


def test_a_quarter_not_yet_begun_is_last_years():
    assert _one("Fourth-quarter profit fell 12 percent.", "Fourth-quarter", dct="1998-01-20").value == "1997-Q4"
    assert _one("Third-quarter profit fell 12 percent.", "Third-quarter", dct="1998-10-20").value == "1998-Q3"


def test_quarter_a_year_back_and_the_quarter_in_focus():
    text = ("The company earned $5 million in the second quarter, against $3 million a year ago. "
            "In the year-earlier quarter, sales were flat; the quarter's sales rose 4 percent.")
    assert _one(text, "the second quarter", dct=DCT).value == "1998-Q2"
    assert _one(text, "a year ago", dct=DCT).value == "1997-Q2"
    assert _one(text, "the year-earlier quarter", dct=DCT).value == "1997-Q2"
    assert _one(text, "the quarter", dct=DCT).value == "1998-Q2"


@pytest.mark.parametrize("text, phrase, dct, value", [
    ("The boy was rescued Nov. 25 off the coast.", "Nov. 25", "2000-02-16", "1999-11-25"),   # nearest, in the past
    ("The dividend is payable Dec. 7 to holders of record.", "Dec. 7", "1989-11-02", "1989-12-07"),  # just ahead
    ("He was last seen Nov. 3, the day before the warrant.", "Nov. 3", "1999-05-07", "1998-11-03"),
    ("The three are expected to join in April.", "April", "1998-12-05", "1999-04"),            # a future cue
    ("The carrier has been on patrol since March.", "March", "1990-08-13", "1990-03"),          # a past cue
    ("In January the clinic was attacked again.", "January", "1998-10-25", "1998-01"),
])
def test_dated_document_months_without_a_year(text, phrase, dct, value):
    assert _one(text, phrase, dct=dct).value == value


def test_the_date_written_alone_does_not_anchor_the_narrative():
    """Historical narrative: `written` is when the text was written (or downloaded); only
    speaker words ('last week', 'ago') use it; months and weekdays follow the narrative."""
    text = "On 10 May 1940 Germany invaded. On Sunday they left. In June the French sued for peace."
    assert _one(text, "June", written="2009-12-19").value == "1940-06"
    assert _one(text, "Sunday", written="2009-12-19").value == "1940-05-12"


def test_a_dated_document_telling_of_a_far_day_keeps_its_week():
    text = "On 10 May 1940 Germany invaded. On Sunday they left."
    assert _one(text, "Sunday", dct="2009-12-19").value == "1940-05-12"


def test_a_dated_article_on_the_past_keeps_the_narrative_year():
    text = ("The files released this week tell his story. In 1937 he defected to Paris. "
            "In March he met his handler, and in May he sailed for New York.")
    assert _one(text, "this week", dct="2025-01-16").value == "2025-W03"
    assert _one(text, "March", dct="2025-01-16").value == "1937-03"
    assert _one(text, "May", dct="2025-01-16").value == "1937-05"


def test_the_text_returns_to_its_date_when_it_speaks_from_it():
    text = ("The boy's mother drowned; Castro came to power in 1959. "
            "On Friday, lawyers filed a petition. The case will go to court in April.")
    assert _one(text, "Friday", dct="2000-01-07").value == "2000-01-07"
    assert _one(text, "April", dct="2000-01-07").value == "2000-04"


def test_golden_news_header_anchors_this_week():
    text = need(SEEDS / "003_3c096ae617f1ea3a.txt").read_text(encoding="utf-8")
    dct = document_dct(text)
    assert dct == "2025-01-16"
    weeks = [m for m in tag_dates(text, dct=dct) if m.text == "this week"]
    assert weeks and weeks[0].value == "2025-W03"
    assert (weeks[0].span.earliest, weeks[0].span.latest) == ("2025-01-13", "2025-01-19")


def test_without_a_dct_the_old_readings_hold():
    m = _one("Officials said today that the embassy would reopen.", "today", written="1998-08-12")
    assert m.value == "PRESENT_REF" and m.span.earliest == "1998-08-12"
    m = _one("Police said yesterday that two men had been held.", "yesterday")
    assert m.value == "XXXX-XX-XX" and m.span is None


@pytest.mark.parametrize("text, phrase, value", [
    ("FOLLOWING ARTICLE APPEARED IN THE 27 MARCH EDITION OF THE TIMES", "THE 27 MARCH", "1992-03-27"),
    ("INTERVIEW OF THE WITNESS\nAUGUST 17, 1978\n", "AUGUST 17, 1978", "1978-08-17"),
    ("SUBJECT ARRIVED ON 5 MAY 1963 AND LEFT.", "5 MAY 1963", "1963-05-05"),
])
def test_capitals_in_cables_are_dates_beside_a_day_or_year(text, phrase, value):
    assert _one(text, phrase, dct="1992-04-04").value == value


def test_capital_month_words_alone_are_not_dates():
    assert [m.text for m in tag_dates("THEY MAY MARCH ON THE CAPITAL.")] == []


def test_golden_cable_reads_its_date_group_and_dates_in_capitals():
    text = need(DATA / "claims-dev" / "texts" / "jfk-kgb-veterans-cable-874.md").read_text(encoding="utf-8")
    dct = document_dct(text, kind="cable")
    assert dct == "1992-04-04"
    found = {m.text: m.value for m in tag_dates(text, dct=dct)}
    assert found.get("THE 27 MARCH") == "1992-03-27"

_WORDS = ["yesterday", "on Tuesday", "Friday night", "in April", "Nov. 25", "last week", "the quarter",
          "third-quarter", "a year ago", "will", "since", "In 1937", "today", "the weekend", ",", "."]


@settings(max_examples=150)
@given(st.lists(st.sampled_from(_WORDS), max_size=25),
       st.dates(min_value=datetime.date(100, 1, 1), max_value=datetime.date(9990, 12, 31)))
def test_property_dated_documents_never_fail_and_spans_are_ordered(parts, day):
    text = " ".join(parts)
    for m in tag_dates(text, dct=day.isoformat()):
        assert 0 <= m.start < m.end <= len(text)
        if m.span is not None:
            assert m.span.lo <= m.span.hi
