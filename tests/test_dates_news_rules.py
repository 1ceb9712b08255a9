"""How news writes time, beyond the day's deixis: a far year named in passing, plans, seasons and
months said from the report's date, clock times on their day, business periods, TimeML's view."""

import pytest

from collingwood.extract.date_timex3 import is_timex3, timex3_value
from collingwood.extract.dates import tag_dates


def _value(text, phrase, dct):
    found = {m.text: m for m in tag_dates(text, dct=dct)}
    assert phrase in found, f"{phrase!r} not tagged; got {list(found)}"
    return found[phrase].value


@pytest.mark.parametrize("text, phrase, dct, value", [
    # a far year in passing does not carry the report off: 'since 1980' runs to its date
    ("The maker has raised its profits annually since 1980. In September, it announced plans to "
     "buy a rival.", "September", "1989-11-02", "1989-09"),
    # ... nor does a far year stay the narrative time for long
    ("The alliance was founded in 1949 and took in Spain in 1982. " + "Its members met often. " * 20
     + "Its leaders met again in April to plan the summit.", "April", "1999-03-12", "1999-04"),
    # a clause that looks ahead speaks from the report's date, whatever year was named before
    ("The three countries, invited to join in July 1997, will formally join the alliance on "
     "March 12 in a ceremony.", "March 12", "1999-02-27", "1999-03-12"),
    # a day read from the report's date sets no narrative year for its sentence
    ("The dividend is payable Jan. 2 to stock of record Dec. 15.", "Dec. 15", "1989-11-02", "1989-12-15"),
    # seasons said from the report's date
    ("Hiring surged last fall, the report said.", "last fall", "1998-02-06", "1997-FA"),
    ("Marchers will be out again this summer.", "this summer", "1998-03-22", "1998-SU"),
    ("The strike began last spring.", "last spring", "1989-04-10", "1988-SP"),   # this one under way
    ("The strike began last spring.", "last spring", "1989-06-10", "1989-SP"),   # the one just ended
    # a month with 'last year', 'this year' is one expression
    ("In June last year the leaders split.", "June last year", "1998-02-19", "1997-06"),
    ("In January this year police arrested him.", "January this year", "1998-02-19", "1998-01"),
    # a clock time takes the day written beside it
    ("The deadline is 9 a.m. Tuesday for the relatives to sign.", "9 a.m. Tuesday", "2000-04-03",
     "2000-04-04T09:00"),
    ("The offer runs until 5 p.m. EST Nov. 9.", "5 p.m. EST Nov. 9", "1989-11-02", "1989-11-09T17:00"),
    ("The blast occurred at about 10:35 a.m. (0735 GMT) Friday.", "10:35 a.m.", "1998-08-08", "1998-08-07T10:35"),
    # a weekday in apposition to its date
    ("The paper said in an editorial on Monday, Oct. 26: the murder was a crime.", "Monday, Oct. 26",
     "1998-10-25", "1998-10-26"),
    # halves of units
    ("They lived in camps for 2 1/2 years.", "2 1/2 years", "1998-02-27", "P2Y6M"),
    ("She spent about 5 1/2 hours in Nairobi.", "about 5 1/2 hours", "1998-08-18", "PT5H30M"),
    # 'more', 'additional' between the count and the unit
    ("The boy may stay for at least two more weeks.", "at least two more weeks", "2000-06-01", "P2W"),
    ("The option may be extended for an additional year.", "an additional year", "1989-11-02", "P1Y"),
    # business news: the report's year, the year told by its end, the quarter in focus
    ("For the year, pet food volume was flat.", "the year", "1989-11-02", "1989"),
    ("Revenue was $76 million for the year ended March 31.", "the year", "1989-11-02", "P1Y"),
    ("Net fell in the third quarter. In the year-earlier period, it earned $4 million.",
     "the year-earlier period", "1989-11-02", "1988-Q3"),
    ("Net fell in the third quarter. Sales in the latest period rose 9%.", "the latest period",
     "1989-11-02", "1989-Q3"),
    ("The unit earned $22.5 million in the year-ago third quarter.", "the year-ago third quarter",
     "1989-11-02", "1988-Q3"),
    ("Net sales for this year's third quarter were $14 million.", "this year's third quarter",
     "1989-11-02", "1989-Q3"),
    ("In the 1988 third quarter, the company posted a loss.", "the 1988 third quarter", "1989-11-02", "1988-Q3"),
])
def test_news_rule(text, phrase, dct, value):
    assert _value(text, phrase, dct) == value


def test_a_dated_article_on_the_far_past_keeps_its_narrative():
    """Most of its years far from its date: a month named alone follows the narrative."""
    text = ("He was recruited in 1934. In 1936 he moved to London. In 1937 he went to Spain. "
            + "He wrote many reports. " * 30 + "In March he met his controller.")
    assert _value(text, "March", "2025-01-16") == "1937-03"


def test_timeml_view():
    text = "A 6-year-old boy was found; in recent years daily flights grew, at the same time."
    found = {m.text: m for m in tag_dates(text, dct="2000-01-07")}
    assert not is_timex3(found["6-year"], text)
    assert timex3_value(found["recent years"]) == "PXY"
    assert timex3_value(found["daily"]) == "P1D"
    assert not is_timex3(found["the same time"], text)


def test_a_day_read_from_the_date_is_the_time_told_of():
    """'on Tuesday' in a report of Thursday 13 August 1998: the next day is Wednesday."""
    found = {m.text: m.value for m in tag_dates("The envoy arrived on Tuesday. The next day she met the "
                                                "president.", dct="1998-08-13")}
    assert found["Tuesday"] == "1998-08-11" and found["The next day"] == "1998-08-12"


@pytest.mark.parametrize("text, dct, value", [
    ("The boy was found on Thanksgiving Day clinging to an inner tube.", "2000-01-07", "1999-11-25"),
    ("It will be a theme of the campaign from now to Election Day.", "1998-10-26", "1998-11-03"),
    ("They met on Labor Day 1995.", None, "1995-09-04"),
])
def test_feasts_on_a_weekday(text, dct, value):
    assert [m.value for m in tag_dates(text, dct=dct) if m.kind == "date"][-1] == value


def test_a_countrys_election_day_is_no_us_feast():
    assert [m.text for m in tag_dates("He was jailed on election day in 1910.")] == ["1910"]
