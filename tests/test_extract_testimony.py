"""Hearing transcripts and interview summaries: who speaks in a turn, what the witness's
'he' and 'his' are, and the acts such records tell in their own way.

Every passage is written here in the genre's manner (speaker labels, OCR damage, a witness
speaking for his service, a summary of what an interviewee stated), not copied from a text.
"""

from __future__ import annotations

import pytest

from collingwood.extract import ExtractInput, get
from collingwood.extract.transcript_labels import mended_labels

pytestmark = pytest.mark.slow


def _read(text: str, kind: str | None = None, written: str | None = None):
    return get("rules-spacy@1").extract(ExtractInput(source_id="t", text=text, kind=kind, written=written,
                                                      anchor=written))


def _one(out, predicate: str):
    found = [c for c in out.claims if c.predicate == predicate]
    assert len(found) == 1, [(c.subject, c.predicate, c.object) for c in out.claims]
    return found[0]


def test_an_unnamed_label_is_the_speaker_its_word_spells():
    text = "Mr. Hale. A question.\n\nMr. Corbin. Yes.\n\nMr. -CorBin. No.\n\nMr. Hale. Thanks.\n"
    labels = [(0, "Hale"), (22, "Corbin"), (40, None), (57, "Hale")]
    assert mended_labels(text, labels)[2] == (40, "Corbin")
    assert mended_labels(text, [(0, "Hale"), (22, "Corbin"), (40, None)])[2][1] == "Corbin"
    assert mended_labels("Mr. Hale. A.\n\nMr. Xyzzy. B.\n", [(0, "Hale"), (14, None)])[1] == (14, None)


HEARING = """Mr. Whitcombe. Could you tell us, Mr. Harwood, what the Bureau did next?

Mr. Harwood. We learned that Peter Novak had written to the Lindqvist University in Sweden
about a place there. Our inquiry through the embassy showed that although a room had been
kept for him he did not show up at the university.

Mr. Whitcombe. Did you see Peter Novak again?

Mr. Harwood. When we interviewed Peter Novak later he told us that he had not enjoyed his stay
in Poland. We checked our files and found a record based on his enlistment in the Marine Corps.

Mr. Whitcombe. Can you identify this letter?

Mr. Harwood. Yes; it is a letter to the Committee to which is attached an affidavit by
Director Ellis Varga.

Mr. Whitcombe. What does it say?

Mr. Harwood. Stating flatly that Peter Novak was never an informant of the Bureau.
"""


def test_a_hearing_he_who_did_not_show_up_at_the_college_is_the_one_spoken_of():
    c = _one(_read(HEARING, kind="testimony"), "studied_at")
    assert (c.subject, c.object, c.polarity, c.asserted_by) == (
        "Peter Novak", "Lindqvist University", "denied", "Harwood")
    assert c.quote.endswith("he did not show up at the university")


def test_what_the_witness_was_told_is_the_teller_s_and_a_stay_in_a_country_is_the_country():
    c = _one(_read(HEARING, kind="testimony"), "other:enjoy")
    assert (c.subject, c.object, c.polarity, c.asserted_by) == ("Peter Novak", "Poland", "denied", "Peter Novak")
    assert "not enjoyed his stay" in c.quote


def test_a_record_based_on_his_enlistment_is_a_membership():
    c = _one(_read(HEARING, kind="testimony"), "member_of")
    assert (c.subject, c.polarity, c.asserted_by) == ("Peter Novak", "affirmed", "Harwood")
    assert c.object == "United States Marine Corps" and "his enlistment in the Marine Corps" in c.quote


def test_an_exhibit_stating_flatly_speaks_for_its_author_reported_by_the_witness():
    c = _one(_read(HEARING, kind="testimony"), "other:informant_of")
    assert (c.subject, c.polarity, c.asserted_by, c.reported_by) == (
        "Peter Novak", "denied", "Ellis Varga", "Harwood")
    assert c.quote.startswith("Stating flatly that Peter Novak was never an informant")


SUMMARY = """INTERVIEW OF GEORGE HALVORSEN

Halvorsen stated that he served in the Central Intelligence Agency until 1975. He said
he recalled a memo dated 3 March 1961 from George Halvorsen to Frank Ilgen on the case,
and a cover memo dated 9 April 1961 by Frank Ilgen to the division chiefs.

Halvorsen said the Legal Travellers Program was - headed at the time of his memo by Nikolai
Berezin (phonetic) of the Soviet Division.

Halvorsen said at the time he assumed Sergei Petrov had been sent abroad by the KGB,
so he exercised caution and did not attempt to debrief Sergei Petrov.

Halvorsen said he thought the Polish defector to Austria, Jan Wilk, had been debriefed by
the agency.
"""


def test_at_the_time_of_his_memo_is_the_date_of_the_memo_he_sent():
    c = _one(_read(SUMMARY, kind="interview", written="1978-08-17"), "headed")
    assert (c.subject, c.asserted_by) == ("Nikolai Berezin", "George Halvorsen")
    assert (c.time.earliest, c.time.latest) == ("1961-03-03", "1961-03-03")
    assert "headed at the time of his memo by Nikolai" in " ".join(c.quote.split())


def test_a_pronoun_does_not_reach_a_name_inside_what_someone_assumed():
    out = _read(SUMMARY, kind="interview", written="1978-08-17")
    c = next(c for c in out.claims if c.predicate == "interviewed")
    assert (c.subject, c.object, c.polarity, c.asserted_by) == (
        "George Halvorsen", "Sergei Petrov", "denied", "George Halvorsen")
    assert "did not attempt to debrief Sergei Petrov" in " ".join(c.quote.split())


def test_debriefed_by_the_agency_names_the_agency_and_the_defector_in_apposition():
    out = _read(SUMMARY, kind="interview", written="1978-08-17")
    c = next(c for c in out.claims if c.predicate == "other:debrief")
    assert (c.subject, c.object, c.asserted_by) == ("CIA", "Jan Wilk", "George Halvorsen")
    assert c.quote.endswith("debriefed by\nthe agency")


SUMMARY_AT_THE_TIME = """I asked Harlan when the meeting with Voss took place. He said it was near the end of his tour;
he believes the meeting took place the second week of March, 1961.

Harlan said at the time he assumed Peter Voss had been sent out by the service, so he took care
and did not attempt to debrief Voss.
"""


def test_an_interview_summary_at_the_time_is_the_time_just_told_of():
    text = SUMMARY_AT_THE_TIME
    c = _one(_read(text, kind="testimony", written="1978-08-17"), "interviewed")
    assert (c.subject, c.object, c.polarity, c.asserted_by) == ("Harlan", "Peter Voss", "denied", "Harlan")
    assert (c.time.earliest, c.time.latest) == ("1961-03-01", "1961-03-31")
    assert text[c.start:c.end].endswith("did not attempt to debrief Voss")


SUMMARY_LOOKALIKE = """I asked him about the cable dated 3 May 1962 by Walter K. Kessell to the Chief of Station.

Dunmore explained that Kesseli (whose true name was Peter Ossary; he died of a stroke a few
years ago) was one of his contacts in Rome.
"""


def test_an_ocr_lookalike_letter_of_a_surname_is_that_person_and_a_few_years_ago_is_dated():
    text = SUMMARY_LOOKALIKE
    out = _read(text, kind="testimony", written="1979-05-02")
    c = _one(out, "died")
    assert c.subject in ("Walter K. Kessell", "Peter Ossary") and c.asserted_by == "Dunmore"
    assert ("Walter K. Kessell", "Kesseli", "spelling") in {(who, a.name, a.kind) for who, a in out.aliases}
    assert (c.time.earliest, c.time.latest) == ("1970-01-01", "1979-05-02")
    assert "he died of a stroke a few" in text[c.start:c.end]


def test_a_word_that_differs_from_a_surname_by_a_letter_that_is_no_lookalike_is_another_name():
    from collingwood.extract.name_forms import ocr_lookalike
    assert ocr_lookalike("Kesseli", ["Kessell", "Voss"]) == "Kessell"
    assert ocr_lookalike("Kesselg", ["Kessell"]) is None       # g is no look-alike of l
    assert ocr_lookalike("Lindgrem", ["Lindgren"]) is None
    assert ocr_lookalike("Hale", ["Hall"]) is None                # too short to tell
