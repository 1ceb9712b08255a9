"""Memos for the record about a case, cables, chronologies: who a pronoun is, whose word a
claim is, which day an entry belongs to.

The passages are written here in the manner of an OCR'd security-office memo (surnames in
capitals, numbered paragraphs), not copied from a dev text; the names are invented.
"""

from __future__ import annotations

import pytest

from collingwood.extract import ExtractInput, get

pytestmark = pytest.mark.slow


def _read(text: str, kind: str = "memo"):
    return get("rules-spacy@1").extract(ExtractInput(source_id="t", text=text, kind=kind))


CASE_MEMO = """6. Peter KOVAC, "Attache in the American Embassy in Prague", may well be Peter Milan KOVAC.
At that time KOVAC advised that one BRANDT had defected from the United States Army in Austria.
BRANDT's case is very similar to that of HALLORAN; and he, like HALLORAN, lived in Hungary for
three years after his defection.

1. According to a newspaper column of "Drew and Becker" in the Boston Herald of 4 March 1964,
on the HALLORAN Case, Martin FELD, Legal Officer of the State Department, was one of two persons
responsible for HALLORAN's being permitted to return to the United States from Hungary in May 1962.
"""


@pytest.fixture(scope="module")
def case_memo():
    return _read(CASE_MEMO)


def test_pronoun_after_a_case_clause_is_the_case_owner_not_the_one_compared(case_memo):
    """'BRANDT's case is similar to that of HALLORAN; and he, like HALLORAN, lived in Hungary':
    he is Brandt (the owner of the clause's subject, a capitals surname the entity finder may
    take for a body), never Halloran, the one compared with, nor Kovac of the sentence before."""
    lived = [c for c in case_memo.claims if c.predicate == "lived_in"]
    assert [(c.subject, c.object) for c in lived] == [("BRANDT", "Hungary")]
    assert CASE_MEMO[lived[0].start:lived[0].end] == lived[0].quote and "lived in Hungary" in lived[0].quote


def test_according_to_a_column_of_two_writers_is_their_word(case_memo):
    """'According to a newspaper column of "Drew and Becker"': the column's writers, named as a
    pair, are the source of what the sentence says."""
    said = [c for c in case_memo.claims if c.subject == "Martin Feld"]
    assert said and all(c.asserted_by == "Drew and Becker" for c in said)
    assert said[0].quote.startswith("According to a newspaper column")


def test_according_to_a_friend_of_someone_is_not_that_someone():
    out = _read("According to a friend of Peter KOVAC, Anna BRANDT worked at the Polish Embassy in Vienna.")
    worked = [c for c in out.claims if c.predicate == "worked_at"]
    assert worked and worked[0].subject == "Anna Brandt"
    assert worked[0].asserted_by is None          # an unnamed friend: no named source


INTERVIEW_SUMMARY = """Mr. Harmon said that he had "quite good" relations with Ray Dalton and that he
reported directly to him as opposed to reporting through the Deputy Chief of Station.
"""


def test_reported_to_a_person_is_the_line_of_reporting_and_him_is_not_the_subject():
    """'he reported directly to him': no speech act (nothing is reported) but whom he answered
    to; 'him' is not 'he' (that would be 'himself') but the other person the sentence names."""
    out = _read(INTERVIEW_SUMMARY, kind="report")
    rep = [c for c in out.claims if c.predicate == "other:report"]
    assert [(c.subject, c.object, c.asserted_by) for c in rep] == [("Harmon", "Ray Dalton", "Harmon")]
    assert rep[0].quote.startswith("he\nreported directly to him")


def test_reported_that_is_still_attribution_not_a_line_of_reporting():
    out = _read("Anna Brandt reported to the Director that Peter Kovac had met Ivan Sorokin in Vienna.")
    assert not any(c.predicate == "other:report" for c in out.claims)
    met = [c for c in out.claims if c.predicate == "met"]
    assert met and met[0].asserted_by == "Anna Brandt"


def test_an_applicant_for_a_body_s_employment_applied_to_that_body():
    """'Mary Holt was an applicant for FBI employment in early 1955': other:apply_to(Holt, FBI),
    dated by the clause; a 'for' phrase naming no body gives nothing."""
    out = _read("7. Mary Holt was an applicant for FBI employment in early 1955 and was security\n"
                "approved on 2 May 1955. Anna Brandt was an applicant for a scholarship in 1956.")
    applied = [c for c in out.claims if c.predicate == "other:apply_to"]
    assert [(c.subject, c.object) for c in applied] == [("Mary Holt", "FBI")]
    assert applied[0].time is not None and applied[0].time.earliest.startswith("1955-01")
    assert applied[0].quote.startswith("Mary Holt was an applicant for FBI employment")


COLUMN_FIRST = """Page Three.

March 10, 1962
Saturday

circa 9:00 A.M.

March 11, 1962
Sunday

March 12, 1962
10:15 A.M.

Peter Hall is back at the Polish Embassy asking them to hurry up his visa application.

Peter Hall spends the day with a student group on the campus of the university.

Peter Hall calls the Naval Attache inquiring about his visa and is told to wait for a reply.

Peter Hall leaves Mexico.
"""


def test_a_date_column_read_before_its_entries_dates_them_in_order():
    """The OCR put a page's whole date column (three days) before its entries: the first entry
    is the first day's, the last the last day's, and one in between lies between (an interval,
    not the column's last date for every entry)."""
    out = _read(COLUMN_FIRST, kind="report")
    by_pred = {c.predicate: c for c in out.claims if c.subject == "Peter Hall"}
    visit, left = by_pred["visited"], by_pred["left"]
    assert (visit.time.earliest, visit.time.latest) == ("1962-03-10", "1962-03-10")
    assert (left.time.earliest, left.time.latest) == ("1962-03-12", "1962-03-12")
    called = by_pred["contacted"]
    assert "1962-03-10" <= called.time.earliest <= called.time.latest <= "1962-03-12"
    assert called.time.earliest != called.time.latest
    assert COLUMN_FIRST[visit.start:visit.end] == visit.quote


def test_his_meetings_with_someone_is_a_meeting_of_the_two():
    """'described his two meetings with Walter Harlan in Vienna in 1961': met(Gorin, Harlan),
    told by Gorin (an act noun a reporting verb takes is the teller's account)."""
    out = _read("Pavel Gorin described his two meetings with Walter Harlan in Vienna in 1961.", kind="news")
    met = [c for c in out.claims if c.predicate == "met"]
    assert [(c.subject, c.object, c.asserted_by) for c in met] == [("Pavel Gorin", "Walter Harlan", "Pavel Gorin")]
    assert met[0].time is not None and met[0].time.earliest == "1961-01-01"
    assert met[0].quote == "his two meetings with Walter Harlan in Vienna"


COLUMN_WITH_TIME_WORDS = """Page Four.

March 10, 1962
Saturday

circa 9:00 A.M.

afternoon

March 11, 1962
10:15 A.M.

Peter Hall is back at the Polish Embassy asking them to hurry up his visa application.

Peter Hall meets Anna Brandt on the campus of the university.

Peter Hall leaves Mexico.
"""


def test_a_column_line_of_time_words_is_an_entry_of_the_day_before_it():
    """'afternoon' alone on a column line dates an entry of its own (still 10 March), so the
    entries and the column lines count alike and each entry gets one day."""
    out = _read(COLUMN_WITH_TIME_WORDS, kind="report")
    met = [c for c in out.claims if c.subject == "Peter Hall" and c.predicate == "met"]
    assert met and (met[0].time.earliest, met[0].time.latest) == ("1962-03-10", "1962-03-10")
    left = [c for c in out.claims if c.predicate == "left"]
    assert left and (left[0].time.earliest, left[0].time.latest) == ("1962-03-11", "1962-03-11")


CABLE_ARTICLE = """"PAVEL GORIN, A 30-YEAR KGB VETERAN, SAID HIS FORTHCOMING BOOK WILL GIVE DETAILS
OF HIS TWO MEETINGS WITH WALTER HARLAN IN VIENNA.

"THE HARLAN MEETINGS TOOK PLACE OCT. 4-5, 1961, ON THE INITIATIVE OF HARLAN, SAID MR. GORIN.
"""


def test_the_act_told_as_given_then_taken_up_and_dated_is_one_dated_claim():
    """A cable quoting news, in capitals: 'his book will give details of his two meetings with
    Harlan' (the meetings are past, whatever the book will do), then 'The Harlan meetings took
    place Oct. 4-5, 1961, said Mr. Gorin' (the same act, now dated: one claim, Gorin's word);
    'OCT.' before its day ends no sentence."""
    out = _read(CABLE_ARTICLE)
    met = [c for c in out.claims if c.predicate == "met"]
    assert [(c.subject, c.object, c.asserted_by) for c in met] == [("Pavel Gorin", "Walter Harlan", "Pavel Gorin")]
    assert (met[0].time.earliest, met[0].time.latest) == ("1961-10-04", "1961-10-05")
    assert met[0].quote == "THE HARLAN MEETINGS"


def test_an_offset_before_someone_s_act_is_not_counted_from_the_narrative():
    out = _read("In March 1962 Anna Brandt said that she had met Peter Kovac in Vienna two months before "
                "Kovac fled to Canada.", kind="news")
    fled = [c for c in out.claims if c.subject == "Peter Kovac" and c.object == "Canada"]
    assert fled and fled[0].time is None          # not January 1962, two months before the narrative


def test_did_not_enter_on_duty_is_no_work_at_the_body_just_named():
    """A security memo's 'He did not enter on duty' (EOD: began work) after 'an applicant for
    FBI employment': worked_at(Holt, FBI) denied, dated by its own clause."""
    out = _read("7. Mary Holt was an applicant for FBI employment in early 1955. She did not enter on\n"
                "duty and in June 1955 the office was no longer interested.")
    worked = [c for c in out.claims if c.predicate == "worked_at"]
    assert [(c.subject, c.object, c.polarity) for c in worked] == [("Mary Holt", "FBI", "denied")]
    assert worked[0].quote.startswith("She did not enter on")
