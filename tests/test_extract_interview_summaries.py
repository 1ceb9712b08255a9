"""Interview summaries and hearing records: acts such memos tell in their own way (a spouse in
a relative clause, a successor to a post just described, leaving a country 'out of' it, a
journey from one dated act until another) and words that tell no act (a post of no named
body, an OCR-broken verb, recognising a person).

Every passage is written here in the genre's manner (the interviewee's account in reported
speech, surnames for persons, OCR damage), with invented names; none is copied from a text.
"""

from __future__ import annotations

import pytest

from collingwood.extract import ExtractInput, get

pytestmark = pytest.mark.slow

SUMMARY = """INTERVIEW OF MARTIN HOLLOWAY
MARCH 3, 1978

Holloway stated that he retired from the Agency in 1971. He said he left Manila on May 14, 1958
and travelled through Asia with his wife until August, 1958.

Holloway could not recall the name of the Director of the Pacific Survey Office in 1953; he
believed the man was a retired colonel. Edwin Carrow succeeded that person in 1956.

Holloway said his assistants were Victor Lasko, Ruth Penner and Frank Odell; also, Nora Odell,
who is married to Frank Odell. Holloway said Lasko had come out of Hungary with his parents as
a child.

Holloway was assigned head of that office in 1954. Holloway recognized Carrow when he saw the
photograph. So Holloway exercsied caution in 1957 and did not contact Lasko.
"""


@pytest.fixture(scope="module")
def summary():
    return get("rules-spacy@1").extract(ExtractInput(source_id="s", text=SUMMARY, kind="testimony",
                                                      written="1978-03-03", anchor="1978-03-03"))


def _read(text: str):
    return get("rules-spacy@1").extract(ExtractInput(source_id="t", text=text, kind="testimony"))


def _only(out, predicate: str):
    found = [c for c in out.claims if c.predicate == predicate]
    assert len(found) == 1, [(c.subject, c.predicate, c.object) for c in out.claims]
    return found[0]


def test_a_spouse_in_a_relative_clause_is_a_marriage_written_husband_first(summary):
    c = _only(summary, "married")
    assert (c.subject, c.object, c.asserted_by, c.polarity) == ("Frank Odell", "Nora Odell", "Martin Holloway",
                                                                "affirmed")
    assert c.quote == "Nora Odell,\nwho is married to Frank Odell"


def test_the_married_state_keeps_the_order_when_the_sexes_do_not_ask_for_a_change():
    assert [(c.subject, c.object) for c in _read("Frank Odell is married to Nora Odell.\n").claims
            if c.predicate == "married"] == [("Frank Odell", "Nora Odell")]
    assert [(c.subject, c.object) for c in _read("Sue Marsh is married to Alan Marsh.\n").claims
            if c.predicate == "married"] == [("Alan Marsh", "Sue Marsh")]      # 'Sue' is a woman's name


def test_coming_out_of_a_country_is_leaving_it(summary):
    c = next(c for c in summary.claims if c.predicate == "left" and c.subject == "Victor Lasko")
    assert (c.object, c.asserted_by, c.time) == ("Hungary", "Martin Holloway", None)
    assert "Lasko had come out of Hungary" in c.quote


def test_things_coming_out_of_a_place_leave_nothing():
    assert not [c for c in _read("The files came out of the archive in Vienna in 1950.\n").claims
                if c.predicate == "left"]


def test_a_successor_to_the_post_just_described_is_appointed_to_its_body(summary):
    c = _only(summary, "appointed")
    assert (c.subject, c.object, c.asserted_by) == ("Edwin Carrow", "Pacific Survey Office", "Martin Holloway")
    assert (c.time.earliest, c.time.latest) == ("1956-01-01", "1956-12-31")
    assert c.quote == "Edwin Carrow succeeded that person in 1956"


def test_succeeding_a_named_person_says_nothing_of_a_post():
    out = _read("Ivan Hale was the Director of the Harbour Board. Edwin Carrow succeeded Ivan Hale in 1956.\n")
    assert not [c for c in out.claims if c.predicate == "appointed" and c.subject == "Edwin Carrow"]


def test_a_journey_until_a_date_starts_at_the_dated_act_it_is_joined_to(summary):
    c = next(c for c in summary.claims if c.predicate == "visited")     # 'travelled through Asia'
    assert (c.subject, c.object, c.asserted_by) == ("Martin Holloway", "Asia", "Martin Holloway")
    assert (c.time.earliest, c.time.latest) == ("1958-05-14", "1958-08-31")


def test_a_post_of_no_named_body_an_ocr_broken_verb_and_recognising_someone_give_no_claim(summary):
    made = {(c.subject, c.predicate) for c in summary.claims}
    assert ("Martin Holloway", "appointed") not in made            # 'head of that office'
    assert not [p for _, p in made if p in ("other:recognize", "other:exercsie", "other:exercise")]
    c = _only(summary, "contacted")                                # the act beside the broken word stays
    assert (c.subject, c.object, c.polarity) == ("Martin Holloway", "Victor Lasko", "denied")


def test_recognising_a_state_is_still_an_act():
    out = _read("In 1924 Britain recognized the Soviet Union.\n")
    c = _only(out, "other:recognize")
    assert (c.subject, c.object) == ("United Kingdom", "Soviet Union")


HEADED = ("INTERVIEW OF MARTIN HOLLOWAY\nMARCH 3, 1978\nAMERICAN EMBASSY, LISBON\n\n"
          "Holloway said he never telephoned the Legation in Lisbon. He said he characterized that work as\n"
          "routine for the Legation.\n")


def test_the_date_at_the_head_of_an_interview_dates_the_telling_not_what_is_told():
    out = get("rules-spacy@1").extract(ExtractInput(source_id="h", text=HEADED, kind="testimony",
                                                     written="1978-03-03"))
    c = _only(out, "contacted")
    assert (c.subject, c.object, c.polarity, c.time) == ("Martin Holloway", "Legation in Lisbon", "denied", None)
    assert not [x for x in out.claims if x.predicate == "other:characterize"]    # undated, nothing named: no act


def test_a_contemporary_record_is_still_dated_by_its_date_line():
    out = get("rules-spacy@1").extract(ExtractInput(source_id="h", text=HEADED, kind="report", written="1978-03-03"))
    assert _only(out, "contacted").time.earliest == "1978-03-03"


def test_a_word_of_the_present_does_not_date_a_past_act_beside_it():
    text = ("Mr. Whitcombe. What became of Agent Ivan Hale?\n\n"
            "Mr. Corbin. Ivan Hale retired in good standing and now lives in Ohio.\n")
    out = get("rules-spacy@1").extract(ExtractInput(source_id="p", text=text, kind="testimony",
                                                     written="1964-05-05", anchor="1964-05-05"))
    lived = _only(out, "lived_in")
    assert (lived.subject, lived.object, lived.time.earliest) == ("Ivan Hale", "Ohio", "1964-05-05")
    assert not [c for c in out.claims if c.predicate == "other:retire" and c.time is not None]


TALK = ("INTERVIEW OF MARTIN HOLLOWAY\n\n"
        "Holloway said he had met Peter Novak in Lisbon in 1961. Holloway said he left the section in the\n"
        "third or fourth week of July, 1962, so he believes the conversation about Novak took place the\n"
        "first week of July, 1962. He said the discussion between Carrow and Lasko about Novak took place\n"
        "in May 1962.\n")


def test_a_conversation_the_speaker_dates_without_naming_its_parties_is_his_own():
    out = _read(TALK)
    c = _only(out, "other:discuss")
    assert (c.subject, c.object, c.asserted_by, c.modality) == ("Martin Holloway", "Peter Novak",
                                                                "Martin Holloway", "hedged")
    assert (c.time.earliest, c.time.latest) == ("1962-07-01", "1962-07-07")
    assert "the conversation about Novak took place" in c.quote


def test_a_week_of_a_month_is_its_seven_days():
    left = next(c for c in _read(TALK).claims if c.predicate == "other:leave")
    assert (left.time.earliest, left.time.latest) == ("1962-07-15", "1962-07-28")    # third or fourth week


def test_a_post_of_a_body_written_but_not_named_gives_no_appointment_a_bare_post_still_does():
    assert not [c for c in _read("In 1960 Ivan Hale was assigned as Branch 6 Chief.\n").claims
                if c.predicate == "appointed"]
    assert [(c.subject, c.predicate) for c in _read("In early 1919 Mikhail Kedrov was appointed as head.\n").claims] \
        == [("Mikhail Kedrov", "appointed")]


def test_known_verbs_are_the_model_s_english_verbs_and_the_field_s_few_more():
    from collingwood.extract.known_verbs import known_verb
    assert known_verb("visit") and known_verb("debrief") and known_verb("exfiltrate") and known_verb("strategize")
    assert not known_verb("exercsie") and not known_verb("xan")


def test_an_abbreviation_glossed_with_stood_for_is_an_alias_of_its_long_form():
    out = _read("Referring to the file's notation, Holloway said Ci stood for Counterintelligence.\n")
    assert ("Counterintelligence", "Ci", "abbreviation") in {(n, a.name, a.kind) for n, a in out.aliases}
    assert not [c for c in out.claims if c.predicate == "other:stand"]
    assert not [a for _, a in _read("He said the Party stood for Peace.\n").aliases if a.kind == "abbreviation"]


def test_a_code_name_glossed_as_a_body_the_text_names_is_its_code_name():
    text = ("Holloway said the Harbour Watch Program was headed by Edwin Carrow.\n\n"
            "Holloway identified the SEAGULL cryptonym as the harbour watch program. He explained the\n"
            "cryptonym KESTREL as coastal operations.\n")
    got = {(n, a.name, a.kind) for n, a in _read(text).aliases}
    assert ("Harbour Watch Program", "SEAGULL", "code_name") in got
    assert not [n for n, a, _ in got if a == "KESTREL" and n != "KESTREL"]     # glossed by nothing the text names
