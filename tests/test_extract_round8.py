"""Readings of the eighth round, from how news reports and career prose write: a post named
by a common noun (a rank, an attaché, an ambassador) still makes the appointment; a date
that names an event ('the Dec. 21, 1988, bombing') leaves the story's time alone; a
participle before a name ('accused doctor killer X') is no act; an adjective of time
('two former agents') dates nothing; 'the following year he was appointed' is dated by
its year. Golden passages written here; the names are invented or common."""

from __future__ import annotations

import pytest

from collingwood.extract.dates import tag_dates

pytestmark = pytest.mark.slow


def _of(out, predicate):
    return [c for c in out.claims if c.predicate == predicate]


def _year(c, year):
    return c.time is not None and c.time.earliest == f"{year}-01-01" and c.time.latest == f"{year}-12-31"


@pytest.mark.parametrize("text, predicate", [
    ("In 1996 John Smith was appointed military attache at the embassy in Washington.", "appointed"),
    ("In 1996 the government appointed John Smith as ambassador to France.", "appointed"),
    ("In 1995 John Smith was promoted to brigadier general.", "promoted"),
])
def test_a_post_told_by_a_common_noun_still_makes_the_career_act(extract, text, predicate):
    (c,) = _of(extract(text), predicate)
    assert c.subject == "John Smith" and c.object is None
    assert _year(c, 1996 if "1996" in text else 1995)


def test_a_relation_noun_after_to_is_no_post(extract):
    out = extract("In 1962 John Smith was assigned to a new handler.")
    assert not _of(out, "appointed")


@pytest.mark.parametrize("text", [
    "In 1950 Peter Vane was even naming Callias in his letters.",
    "In 1992 John Smith elected not to return to Moscow.",
])
def test_naming_and_choosing_are_no_appointment(extract, text):
    assert not _of(extract(text), "appointed")


def test_an_appointment_in_a_relative_clause_of_a_year_takes_that_year(extract):
    out = extract("On May 22, 1995, John Smith was made a general, and the following year "
                  "he was appointed military attache.")
    (c,) = _of(out, "appointed")
    assert c.subject == "John Smith" and _year(c, 1996)


def test_a_participle_before_a_name_is_no_act_of_the_main_subject(extract):
    out = extract("The FBI put Osama Bin Laden and accused doctor killer James Charles Kopp "
                  "on its list of fugitives on Monday.")
    assert not _of(out, "accused")
    out = extract("In 1990 the FBI arrested John Smith and accused Peter Jones of fraud.")
    (c,) = _of(out, "accused")
    assert (c.subject, c.object) == ("FBI", "Peter Jones")


def test_an_adjective_of_time_dates_no_claim(extract):
    out = extract("On the list, John Smith and Peter Jones replace two former Libyan agents.")
    assert all(c.time is None or c.time.earliest > "1000" for c in out.claims)


def test_a_date_naming_an_event_leaves_the_story_time_in_a_dated_report():
    text = ("They replace two agents charged in the Dec. 21, 1988, bombing of a flight. "
            "They were removed after the leader agreed in April to hand them over.")
    april = [m for m in tag_dates(text, dct="1999-06-07") if m.text == "April"]
    assert april and april[0].value == "1999-04"


def test_a_date_that_is_the_story_time_still_sets_it():
    text = "On Dec. 21, 1988, the plane fell. In April the inquiry opened."
    april = [m for m in tag_dates(text, dct="1999-06-07") if m.text == "April"]
    assert april and april[0].value == "1988-04"      # the story's year, not the report's


def test_a_deadline_in_what_was_decided_does_not_date_the_decision(extract):
    out = extract("The Immigration and Naturalization Service decided the boy should go home by "
                  "Jan. 14, 2000, commissioner Doris Meissner told reporters.", written="2000-01-05")
    assert all(c.time is None or c.time.earliest != "-9999-01-01" for c in out.claims)
    assert not any(c.predicate.endswith("decide") and c.time is not None and c.time.latest == "2000-01-14"
                   for c in out.claims)


def test_a_stop_at_a_line_end_before_a_lower_case_line_ends_no_sentence(extract):
    out = extract("On September 28, 1963, Oscar Contreras.\nsaid that he met Lee Oswald in the afternoon.")
    (c,) = _of(out, "met")
    assert (c.subject, c.object) == ("Oscar Contreras", "Lee Oswald")


def test_an_ocr_damaged_month_before_a_year_is_read_as_the_month():
    from collingwood.extract.ocr_months import mended_months
    assert mended_months("on leave until Spetember,\n1960. He") == "on leave until September,\n1960. He"
    assert mended_months("on 3 Octobcr 1962") == "on 3 October 1962"
    assert mended_months("SEPTEMEER 1963") == "SEPTEMBER 1963"
    assert mended_months("Marco 1990, the Decembers 1990, Novembre 12") == "Marco 1990, the Decembers 1990, Novembre 12"


def test_a_mended_month_dates_the_claim_and_keeps_the_written_quote(extract):
    text = "Peter Vane left Moscow in Octobcr 1962."
    (c,) = _of(extract(text), "left")
    assert c.time is not None and c.time.earliest == "1962-10-01" and "Octobcr" in c.quote


@pytest.mark.parametrize("text, value", [
    ("HSCA interview of David Phillips, 8/23/78 (Box 4)", "1978-08-23"),
    ("the memo of 10/11/63 says so", "1963-10-11"),
    ("On September 27, 1963 he came, and between the afternoon of 9/28 and the evening he stayed.", "1963-09-28"),
    ("dated 23/8/78 and filed 1/9/78", "1978-08-23"),          # a day above 12: the document writes day first
])
def test_numeric_dates_of_memos_and_forms(text, value):
    assert value in [m.value for m in tag_dates(text)]


@pytest.mark.parametrize("text", ["a 3/4 majority in 1963", "won 2/3 of the votes", "see page 3/4",
                                  "Oswald leaves.\n9/30/63\n\nGoodpasture ties in"])
def test_fractions_pages_and_date_column_lines_are_not_numeric_dates(text):
    assert not [m for m in tag_dates(text) if "/" in m.text]
