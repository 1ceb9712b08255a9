"""Who a pronoun or a bare surname is (rules-spacy@1): a pronoun agrees in sex with its
person as the document shows it (titles, given names, patronymics); a surname two relatives
share is the bearer named in full just before, else the one the text has named most.
Passages are written here in the style of a chronology, a memo and an interview summary."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _claims(out, word):
    return [(c.subject, c.predicate, c.object) for c in out.claims if word in c.quote]


def test_she_is_not_the_man_the_chronology_is_about(extract):
    text = ("Mr. Kessler goes to the consulate on 3 March 1961. Kessler asks for a transit visa. "
            "Kessler is told to come back later. The request is explained to Maria Ortega. "
            "She telephones the embassy on 4 March 1961.")
    out = extract(text)
    (c,) = [c for c in out.claims if c.quote.startswith("She telephones")]
    assert c.subject == "Maria Ortega"
    assert text[c.start:c.end] == c.quote


def test_he_after_a_woman_subject_is_the_man_the_sentence_before_names(extract):
    text = ("Mr. Kessler asked Ms. Ortega for a visa on 3 March 1961. Ms. Ortega telephoned the "
            "consulate and handed Kessler the receiver. He tells them that he visited the "
            "Soviet Embassy on 2 March 1961.")
    out = extract(text)
    (c,) = [c for c in out.claims if "visited" in c.quote]
    assert (c.subject, c.object) == ("Kessler", "Soviet Embassy")


def test_he_with_no_man_in_reach_makes_no_claim(extract):
    text = ("Mrs. Grace Whitley joined the embassy staff in 1958. The file on Grace Whitley was opened "
            "in 1959. He met Tom Adler in Rome in 1960.")
    out = extract(text)
    assert not [c for c in out.claims if c.subject == "Grace Whitley" and "Adler" in (c.object or "")]


def test_a_name_tells_a_sex_by_its_given_names_or_its_patronymic():
    from collingwood.extract.person_sex import name_sex
    assert name_sex("Lee Harvey Oswald") == "m"        # Lee is either, Harvey a man's name
    assert name_sex("Antonia Leigh Chayes") == "f"
    assert name_sex("Anna Ivanovna Petrova") == "f"     # the patronymic tells
    assert name_sex("Kim Philby") is None


def test_a_surname_shared_by_relatives_is_the_bearer_named_before_not_a_passing_relative(extract):
    text = ("Lee Oswald arrives in Mexico City on 26 September 1963. "
            "Silvia Duran calls the Soviet Embassy on 27 September 1963. She asks about a visa.\n\n"
            "On 28 September 1963 Oswald goes to a party at Rubin Duran's house.\n\n"
            "Oswald visits the Cuban Consulate again on 1 October 1963. The staff are unhelpful.\n\n"
            "Duran calls the Soviet Consulate on 2 October 1963.")
    out = extract(text)
    (c,) = [c for c in out.claims if c.quote.startswith("Duran calls")]
    assert (c.subject, c.object) == ("Silvia Duran", "Soviet Consulate")
    assert text[c.start:c.end] == c.quote


def test_a_surname_right_after_a_relative_named_in_full_is_that_relative(extract):
    text = ("Lee Oswald arrives in Mexico City on 26 September 1963. Silvia Duran calls the Soviet "
            "Embassy on 27 September 1963.\n\n"
            "Her husband Rubin Duran worked at the Cuban Consulate. "
            "Duran met Oswald on 1 October 1963.")
    out = extract(text)
    (c,) = [c for c in out.claims if c.quote.startswith("Duran met")]
    assert c.subject == "Rubin Duran"


def test_a_speaker_who_points_out_a_fact_asserts_it(extract):
    text = "Mr. Phillips pointed out that he had been a close friend of Mr. Flannery's."
    out = extract(text)
    (c,) = [c for c in out.claims if c.predicate == "friend_of"]
    assert (c.subject, c.object, c.asserted_by) == ("Phillips", "Flannery", "Phillips")


def _who(out, surface):
    names = {e.id: e.name for e in out.entities}
    return [names[m.entity_id] for m in out.mentions if m.text == surface]


def test_an_office_title_before_a_surname_is_not_the_namesake_of_another_office(extract):
    text = ("THE FILM ON NATO OFFICIAL HENRY PAUL MORTON, KNOWN AS THE SPY OF BRUSSELS, IS ALSO "
            "PLANNED.\n\nTHE SOURCE FAILED TO APPEAR AT THE EMBASSY IN RIGA IN MARCH 1992. "
            "AMBASSADOR MORTON STATED THAT HE HAD ALREADY ALERTED THE EMBASSY STAFF IN MARCH 1992.")
    out = extract(text)
    assert "Henry Paul Morton" not in _who(out, "MORTON")
    assert not [c for c in out.claims if c.subject == "Henry Paul Morton" and "STATED" in c.quote]


def test_a_title_of_office_the_person_was_written_with_still_links(extract):
    text = ("Special Agent John Fenwick interviewed Oswald in June 1962. "
            "Agent Fenwick met Oswald again in August 1962. Mr. Fenwick retired in 1963.")
    out = extract(text)
    assert set(_who(out, "Fenwick")) == {"John Fenwick"}
    (c,) = [c for c in out.claims if c.quote.startswith("Agent Fenwick") or c.quote.startswith("Fenwick met")]
    assert (c.subject, c.object) == ("John Fenwick", "Oswald")


def test_he_after_a_sentence_about_no_one_naming_two_men_makes_no_claim(extract):
    text = ("The letter that Walter Brandt sent to Otto Keller arrived in May 1951. "
            "He defected to the Soviet Union in June 1951.")
    out = extract(text)
    assert not [c for c in out.claims if c.predicate == "defected_to"]
    text = ("Otto Keller met Walter Brandt in Vienna in 1950. He defected to the Soviet Union in June 1951.")
    out = extract(text)
    (c,) = [c for c in out.claims if c.predicate == "defected_to"]
    assert (c.subject, c.object) == ("Otto Keller", "Soviet Union")      # the grammatical subject before
