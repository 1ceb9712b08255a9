"""Readings of the ninth round: a verb written with a hyphenated prefix ('re-interviewed',
're-elected', 'co-founded') is one word with the base verb's meaning; a tenure noun's span
('his job as Chief of X from 1961 to 1963') dates the post even when the parser hangs the
span on the verb above. Golden passages written here; the names are invented or common."""

from __future__ import annotations

import pytest

from collingwood.extract.nlp import parser

pytestmark = pytest.mark.slow


def _of(out, predicate):
    return [c for c in out.claims if c.predicate == predicate]


def _years(c, first, last):
    return c.time is not None and c.time.earliest == f"{first}-01-01" and c.time.latest == f"{last}-12-31"


@pytest.mark.parametrize("word, lemma", [
    ("re-interviewed", "interview"), ("re-elected", "elect"), ("co-founded", "found"),
    ("co-operated", "cooperate"),
])
def test_a_prefixed_verb_is_one_token_with_the_base_lemma(word, lemma):
    doc = parser()(f"In 1950 John Smith {word} the members.")
    (tok,) = [t for t in doc if t.text == word]
    assert tok.lemma_ == lemma


def test_a_prefixed_noun_keeps_its_own_lemma():
    doc = parser()("The re-organization of the service began in 1950.")
    (tok,) = [t for t in doc if t.text == "re-organization"]
    assert tok.lemma_.startswith("re-")


def test_a_passive_re_election_keeps_its_subject(extract):
    (c,) = _of(extract("In 1950 John Smith was re-elected to the Senate."), "appointed")
    assert c.subject == "John Smith" and c.object == "Senate" and _years(c, 1950, 1950)


def test_a_co_founder_founded(extract):
    out = extract("In 1922 John Smith co-founded the Labour Party.")
    assert any(c.predicate in ("founded", "founded_by") and {c.subject, c.object} == {"John Smith", "Labour Party"}
               for c in out.claims)


def test_a_re_interview_is_an_interview(extract):
    (c,) = _of(extract("On June 26, 1962, Agent John Fain re-interviewed Peter Brown."), "interviewed")
    assert (c.subject, c.object) == ("John Fain", "Peter Brown")


def test_a_tenure_span_after_the_post_dates_it(extract):
    out = extract("Mr. Bill Smith was asked about his activities in Mexico that related to his job as "
                  "Chief of Covert Action in the Mexico City Station from 1961 to 1963.")
    (c,) = _of(out, "headed")
    assert c.subject == "Bill Smith" and c.object == "Covert Action" and _years(c, 1961, 1963)


def test_a_tenure_without_its_own_span_stays_undated(extract):
    out = extract("In 1975 Bill Smith spoke about his job as Chief of Covert Action in the Mexico City Station.")
    (c,) = _of(out, "headed")
    assert c.time is None


def test_a_promise_is_not_dated_by_the_act_it_promises(extract):
    out = extract("On 5 May 1950 Peter Smith arrived in Paris. John Howard promised to hold a second vote in 1952.")
    (c,) = _of(out, "other:promise")
    assert c.time is not None and c.time.earliest == "1950-05-05"


def test_a_plan_dated_before_its_verb_keeps_that_date(extract):
    (c,) = _of(extract("In 1950 John Howard planned to hold a referendum in 1952."), "other:plan")
    assert _years(c, 1950, 1950)


def test_a_decision_is_dated_by_its_infinitive(extract):
    (c,) = _of(extract("John Smith decided to defect to the Soviet Union in 1937."), "other:decide")
    assert _years(c, 1937, 1937)



def test_a_pronoun_goes_to_the_one_person_named_again_before_it(extract):
    out = extract("Information that Peter Brandt passed to the embassy helped the police in 1939 to convict "
                  "John Holt, a clerk in the ministry. The police then wanted to question Brandt himself, "
                  "and he arrived in Britain in January 1940.")
    (c,) = _of(out, "arrived_in")
    assert c.subject == "Peter Brandt"


def test_a_pronoun_after_a_sentence_about_two_people_stays_open_when_neither_is_named_again(extract):
    out = extract("Information that Peter Brandt passed to the embassy helped the police in 1939 to convict "
                  "John Holt, a clerk in the ministry. The police then wanted answers, and he arrived in "
                  "Britain in January 1940.")
    assert not _of(out, "arrived_in")
