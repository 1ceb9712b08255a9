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
            "consulate and handed Kessler the receiver. He tells them that he is returning to the "
            "Soviet Embassy on 4 March 1961.")
    out = extract(text)
    assert not [c for c in out.claims if c.subject in ("Ortega", "Maria Ortega") and "returning" in c.quote]


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
