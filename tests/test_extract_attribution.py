"""Attribution (asserted_by / reported_by), polarity and modality of extracted claims."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _one(out, predicate):
    found = [c for c in out.claims if c.predicate == predicate]
    assert len(found) == 1, [(c.subject, c.predicate, c.object) for c in out.claims]
    return found[0]


def test_extract_attribution_says(extract):
    c = _one(extract("Anthony Blunt says he met Guy Burgess in 1934."), "met")
    assert (c.asserted_by, c.reported_by, c.modality) == ("Anthony Blunt", None, "reported")


def test_extract_attribution_nested(extract):
    out = extract("Arthur Martin writes that John Cairncross claimed that he met Kim Philby in 1943.")
    c = _one(out, "met")
    assert (c.subject, c.object) == ("John Cairncross", "Kim Philby")
    assert (c.asserted_by, c.reported_by) == ("John Cairncross", "Arthur Martin")
    assert c.modality == "alleged"


def test_extract_attribution_parenthetical_writer(extract):
    out = extract("“John Cairncross met Guy Burgess at Cambridge in 1935,” Arthur Martin writes.")
    c = _one(out, "met")
    assert c.asserted_by == "Arthur Martin"


def test_extract_attribution_according_to_notes(extract):
    out = extract("According to notes made by Arthur Martin, John Cairncross met Kim Philby in 1943.")
    c = _one(out, "met")
    assert (c.asserted_by, c.reported_by) == (None, "Arthur Martin")


def test_extract_attribution_according_to_speaker(extract):
    out = extract("According to Anthony Blunt, Guy Burgess recruited Michael Straight.")
    c = _one(out, "recruited")
    assert c.asserted_by == "Anthony Blunt" and c.modality == "reported"


def test_extract_attribution_tells_addressee_records(extract):
    out = extract("John Cairncross tells Arthur Martin that James Klugmann recruited him in 1936.")
    c = _one(out, "recruited")
    assert (c.subject, c.object) == ("James Klugmann", "John Cairncross")
    assert (c.asserted_by, c.reported_by) == ("John Cairncross", "Arthur Martin")


def test_extract_attribution_negation(extract):
    c = _one(extract("Kim Philby never met Richard Sorge."), "met")
    assert c.polarity == "denied" and c.asserted_by is None


def test_extract_attribution_denial_verb(extract):
    out = extract("Anthony Blunt denied that he had met Kim Philby in Spain.")
    c = _one(out, "met")
    assert c.polarity == "denied" and c.asserted_by == "Anthony Blunt"


@pytest.mark.parametrize("sentence", [
    "Guy Burgess probably met Kim Philby in Washington.",
    "Guy Burgess may have met Kim Philby in Washington.",
    "Guy Burgess reportedly met Kim Philby in Washington.",
    "Anthony Blunt believes that Guy Burgess met Kim Philby in Washington.",
    "Guy Burgess seems to have met Kim Philby in Washington.",
])
def test_extract_attribution_hedged(extract, sentence):
    assert _one(extract(sentence), "met").modality == "hedged"


def test_extract_attribution_admitted(extract):
    out = extract("John Cairncross admits that he passed documents to Guy Burgess.")
    c = _one(out, "passed_information_to")
    assert c.modality == "admitted" and c.asserted_by == "John Cairncross"


def test_extract_attribution_negated_reporting_drops(extract):
    out = extract("Anthony Blunt did not say that Guy Burgess recruited Michael Straight.")
    assert out.claims == []


def test_extract_attribution_unresolved_speaker_drops(extract):
    out = extract("Guy Burgess and Anthony Blunt were close. He said that Kim Philby met Donald Maclean.")
    assert out.claims == []


def test_extract_attribution_reporting_noun(extract):
    out = extract("Anthony Blunt's claim that Guy Burgess recruited Michael Straight was never tested.")
    c = _one(out, "recruited")
    assert c.modality == "alleged" and c.asserted_by == "Anthony Blunt"


def test_extract_attribution_without_and_purpose_are_not_facts(extract):
    out = extract("Kim Philby left Beirut without meeting Guy Burgess. "
                  "Donald Maclean went to Paris to meet Melinda Marling.")
    assert {c.predicate for c in out.claims} <= {"left", "visited"}


def test_extract_attribution_according_to_does_not_reach_background(extract):
    out = extract("The meetings were rare, according to John Cairncross, and the last happened "
                  "shortly after Guy Burgess defected to the Soviet Union in 1951.")
    c = _one(out, "defected_to")
    assert c.asserted_by is None


@pytest.mark.slow
def test_extract_attribution_a_semicolon_ends_what_is_denied(extract):
    out = extract("In 1943 Cairncross moved to Section V of MI6, where he met Philby for the first time; "
                  "Cairncross denied that he ever knew Philby was working for the Russians.")
    met = [c for c in out.claims if c.predicate == "met"]
    assert met and all(c.polarity == "affirmed" and c.asserted_by is None for c in met)


@pytest.mark.slow
def test_extract_attribution_a_name_in_a_later_phrase_is_not_the_next_he(extract):
    out = extract("Walter Krivitsky wrote a book. It also gives a date for his break with Joseph Stalin "
                  "in October 1937. He died in Washington in 1941.")
    assert not [c for c in out.claims if c.predicate == "died"]


@pytest.mark.slow
def test_extract_attribution_she_is_the_last_main_clause_subject(extract):
    out = extract("Margaret Thatcher told the House that Anthony Blunt had admitted his role. She said "
                  "that Blunt joined the Security Service in 1940.")
    (c,) = [c for c in out.claims if c.predicate == "member_of"]
    assert (c.subject, c.asserted_by, c.time.render()) == ("Anthony Blunt", "Margaret Thatcher", "1940")
