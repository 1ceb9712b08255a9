"""OCR'd chronologies and memos: date lines in a column, calls, recurring names.

The passages are written here in the manner of an OCR'd chronology (the date column read
before the text it dates, clock times on lines of their own), not copied from a dev text.
"""

from __future__ import annotations

import pytest

from collingwood.extract import ExtractInput, get
from collingwood.extract.event_words import event_words

pytestmark = pytest.mark.slow

CHRONOLOGY = """CHRONOLOGY OF THE VISITS.

March 4, 1962
Monday

9:15 A.M.

2:40 P.M.

Maria Lopez calls the Polish Embassy.
She is told to come back later.

Peter Hall calls the Naval Attache (NA) and asks for a visa.

Peter Hall calls the Naval Attache inquiring about his visa.
He is discouraged.

Ivanov hangs up on him.

Peter Hall leaves Mexico.
"""


def _read(text: str, kind: str = "report"):
    return get("rules-spacy@1").extract(ExtractInput(source_id="t", text=text, kind=kind))


def _facts(out):
    return {(c.subject, c.predicate, c.object, c.time.render() if c.time else None) for c in out.claims}


@pytest.fixture(scope="module")
def chronology():
    return _facts(_read(CHRONOLOGY))


def test_chronology_day_line_dates_entries_past_clock_lines_and_paragraphs(chronology):
    """The day heading dates every entry until the next one, though clock-time lines and
    blank lines stand between (an OCR'd two-column chronology)."""
    assert ("Peter Hall", "left", "Mexico", "4 Mar 1962") in chronology


def test_calls_a_body_is_contact_not_naming(chronology):
    """'X calls the Polish Embassy': the parser reads the body as named *as* something."""
    assert any(s == "Maria Lopez" and p == "contacted" and o and "Embassy" in o for s, p, o, _ in chronology)


def test_name_between_verb_and_gerund_is_the_object(chronology):
    """'calls the Naval Attache inquiring about ...': the attaché is called and does not inquire;
    the second 'Naval Attache' is found although the NER saw only the first (recurring names)."""
    called = [f for f in chronology if f[0] == "Peter Hall" and f[1] == "contacted" and f[2] == "Naval Attache"]
    assert called and not any(s == "Naval Attache" for s, *_ in chronology)


def test_object_pronoun_in_a_prepositional_phrase_is_not_the_subject(chronology):
    """'Ivanov hangs up on him': him is the caller of the sentence before, never Ivanov."""
    assert ("Ivanov", "other:hang_up", "Peter Hall", "4 Mar 1962") in chronology


def test_on_and_off_are_words_not_yaml_booleans():
    assert {"on", "off"} <= set(event_words()["particles"]) and "on" in event_words()["object_preps"]
    assert all(isinstance(w, str) for w in event_words()["object_preps"])


def test_a_paper_cited_by_sender_and_addressee_is_a_dated_report():
    """Interview summaries cite the memo they show the witness: from whom, to whom, when."""
    out = _read("I showed him a memorandum dated 3 May 1961 from John Miller to Robert Kent on the "
                "defector. He said he remembered it.", kind="testimony")
    got = {(c.subject, c.predicate, c.object, c.time.render() if c.time else None) for c in out.claims
           if c.predicate == "other:report"}
    assert got == {("John Miller", "other:report", "Robert Kent", "3 May 1961")}


def test_retiring_is_not_resigning():
    out = _read("Harold Webb stated that he retired from the Central Intelligence Agency in 1969.",
                kind="testimony")
    assert {(c.subject, c.predicate) for c in out.claims} >= {("Harold Webb", "other:retire")}
    assert not any(c.predicate == "resigned" for c in out.claims)


def test_spouse_named_after_a_possessive_is_a_marriage():
    out = _read("Walter BRANDT was Legal Officer of the Treasury.\n\n"
                "A namecheck was requested on BRANDT' wife Helga (Heli) Maria BRANDT, nee: KOHL.",
                kind="memorandum")
    ((husband, wife),) = [(c.subject, c.object) for c in out.claims if c.predicate == "married"]
    assert husband == "Walter Brandt" and wife.endswith("Maria Brandt")


def test_surname_in_capitals_opening_a_memo_sentence_is_its_subject():
    """The parser reads 'WISE from 1951 to 1954 attended ...' with the surname as an adverb."""
    out = _read("Samuel G. WISE was Second Secretary of the Embassy.\n\n"
                "9. WISE from 1951 to 1954 attended Scarsdale High School.", kind="memorandum")
    assert any(c.predicate == "studied_at" and c.object == "Scarsdale High School" and "Wise" in c.subject
               for c in out.claims)


def test_in_a_hearing_i_is_the_labelled_speaker_and_a_tag_question_asserts():
    text = ("Mr. SMITH. Did the Bureau see him again?\n\n"
            "Mr. JONES. Yes. Agent Brown interviewed Oswald on March 3, 1961, I believe it was, was it not?\n\n"
            "Mr. SMITH. Thank you.\n\n"
            "Mr. JONES. Yes, sir.\n")
    out = _read(text, kind="testimony")
    (c,) = [c for c in out.claims if c.predicate == "interviewed"]
    assert (c.subject, c.object, c.time.render(), c.asserted_by, c.modality) == (
        "Brown", "Oswald", "3 Mar 1961", "Jones", "hedged")      # the label's entity, not its letters


def test_a_year_corrected_after_a_dash_is_the_second_year():
    from collingwood.extract.dates import tag_dates
    (a, b) = tag_dates("He saw him on June 26, 1968—1962, I believe.")
    assert a.joined.render() == b.joined.render() == "26 Jun 1962"
    (c, d) = tag_dates("The war of 1939—1945 ended.")
    assert c.joined.render() == "1939–1945"


def test_a_pronoun_in_a_bracket_after_a_name_is_that_person():
    out = _read("Harold Webb explained that Peter Lane (whose real name was Paul Stone; he died of cancer "
                "in 1975) was one of his contacts in Rome.", kind="interview")
    died = [c for c in out.claims if c.predicate == "died"]
    assert died and all(c.subject != "Harold Webb" for c in died)


def test_in_a_hearing_he_is_never_the_speaker_of_the_turn():
    text = ("Mr. SMITH. What did the agent do then?\n\n"
            "Mr. JONES. Agent Brown was not satisfied. Therefore, he went back to Dallas in July 1962 and "
            "visited Oswald again.\n\n"
            "Mr. SMITH. Thank you.\n\n"
            "Mr. JONES. Yes, sir.\n")
    out = _read(text, kind="testimony")
    assert not any(c.subject == "JONES" for c in out.claims)


def test_did_not_attempt_to_x_denies_x():
    out = _read("Harold Webb said that he did not attempt to debrief John Miller in 1962.", kind="interview")
    (c,) = [c for c in out.claims if c.predicate == "interviewed"]
    assert (c.subject, c.object, c.polarity) == ("Harold Webb", "John Miller", "denied")


def test_a_schema_verb_with_a_people_for_object_makes_no_open_claim():
    out = _read("In 1959 John Miller married a Russian.")
    assert not any(c.object == "Russian" for c in out.claims)


def test_a_publication_quoted_as_follows_asserts_the_quotation():
    text = ("4. On 10 March 1962, THE NATION reported as follows with reference to MILLER:\n\n"
            "\"John Miller resigned from the Treasury in 1961.\"\n\n"
            "5. John Miller joined the State Department in 1962.\n")
    out = _read(text, kind="memorandum")
    by = {c.predicate: c.asserted_by for c in out.claims}
    assert by.get("resigned") == "THE NATION"
    assert all(c.asserted_by is None for c in out.claims if c.time and c.time.render() == "1962")


def test_interviewee_recalls_meeting_a_man_named_beside_his_post():
    """'He recalled meeting the Chief of that section, Hal BROWN, ...' after an unparsed 'He was
    also aware that ...': still the interviewee, his memory, the man named beside the post."""
    text = ("Mr. Hughes stated that he knew the station well. He was also aware that the staff had "
            "its own section. He recalled meeting the Chief of that section, Hal BROWN, on a trip to "
            "Washington.")
    out = _read(text, kind="interview")
    met = [(c.subject, c.object, c.asserted_by) for c in out.claims if c.predicate == "met"]
    assert met == [("Hughes", "Hal Brown", "Hughes")]
