"""Readings of how histories and encyclopaedias write of recruitment by a service and of
detention ('held under police control'). Passages written here in the genre's style."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _one(out, predicate):
    found = [c for c in out.claims if c.predicate == predicate]
    assert found, [(c.subject, c.predicate, c.object) for c in out.claims]
    return found[0]


def test_a_service_recruits_as_a_person_does(extract):
    text = "In 1934 the NKVD recruited Harold Adams, then a student of modern languages."
    c = _one(extract(text), "recruited")
    assert (c.subject, c.object, c.time.render()) == ("NKVD", "Harold Adams", "1934")
    assert c.quote == text[c.start:c.end] and "recruited Harold Adams" in c.quote


def test_recruited_by_a_service_in_the_passive(extract):
    text = "Harold Adams was recruited by the NKVD in 1934, soon after he left college."
    c = _one(extract(text), "recruited")
    assert (c.subject, c.object) == ("NKVD", "Harold Adams")
    assert not any(x.predicate == "other:recruit" for x in extract(text).claims)


def test_a_people_is_still_no_recruiter(extract):
    assert not [c for c in extract("The Russians recruited Harold Adams in 1934.").claims
                if c.predicate == "recruited"]


def test_held_under_police_control_is_a_detention(extract):
    text = "In 2004 Peter Novak was held under police control for nine months."
    out = extract(text)
    c = _one(out, "detained")
    assert c.subject == "Peter Novak" and c.time.render() == "2004"
    assert c.quote == text[c.start:c.end] and "held under police control" in c.quote
    assert not any(x.predicate == "other:hold" for x in out.claims)


def test_held_in_custody_is_a_detention_but_a_meeting_held_is_not(extract):
    c = _one(extract("In 1961 Anna Kovacs was held in custody for a week."), "detained")
    assert c.subject == "Anna Kovacs"
    assert not [x for x in extract("In 1950 Stalin held a meeting in the Kremlin.").claims
                if x.predicate == "detained"]


def test_a_spy_turned_by_a_service_was_recruited_by_it(extract):
    text = "In 1961 Pavel Orlov was turned into a double agent by the CIA."
    c = _one(extract(text), "recruited")
    assert (c.subject, c.object, c.time.render()) == ("CIA", "Pavel Orlov", "1961")
    assert c.quote == text[c.start:c.end] and "turned into a double agent by the CIA" in c.quote


def test_a_list_entry_of_an_officer_turned_double_agent(extract):
    text = "-   Yuri Nosenko, a KGB officer turned double agent by the CIA in Geneva in 1962."
    out = extract(text)
    c = _one(out, "recruited")
    assert (c.subject, c.object, c.time.render()) == ("CIA", "Yuri Nosenko", "1962")
    assert not any(x.predicate == "other:turn" for x in out.claims)


def test_turning_that_is_no_recruitment_is_not_read_as_one(extract):
    for text in ("In 1945 the tide turned against Germany.",
                 "In 1962 Pavel Orlov turned the offer down."):
        assert not [c for c in extract(text).claims if c.predicate == "recruited"], text


def test_an_announcement_of_dissolution_dissolves_the_body(extract):
    text = "On March 3, 1921, the Provisional Workers' Council published an announcement of dissolution."
    out = extract(text)
    assert [c for c in out.claims if c.predicate == "dissolved_by"], \
        [(c.subject, c.predicate, c.object) for c in out.claims]


def test_succeeding_a_holder_as_head_is_heading_the_body(extract):
    text = "In 1946 Viktor Abakumov succeeded Vsevolod Merkulov as head of the MGB."
    out = extract(text)
    c = _one(out, "headed")
    assert (c.subject, c.object, c.time.render()) == ("Viktor Abakumov", "MGB", "1946")
    assert c.quote == text[c.start:c.end]
    assert not [x for x in out.claims if x.predicate == "headed" and x.subject == "Vsevolod Merkulov"]


def test_replacing_a_thing_as_a_weapon_is_no_post(extract):
    assert not [c for c in extract("In 1938 the tank replaced the horse as the main weapon of the Red Army.").claims
                if c.predicate in ("headed", "appointed", "worked_at")]


def test_assigned_to_a_service_is_an_appointment(extract):
    text = "In March 1952 Richard Hale was assigned to the Central Intelligence Agency."
    c = _one(extract(text), "appointed")
    assert (c.subject, c.object, c.time.render()) == ("Richard Hale", "CIA", "Mar 1952")
    assert "was assigned to the Central Intelligence Agency" in c.quote


def test_the_one_who_appoints_is_not_the_appointee(extract):
    text = "In 1936 Stalin appointed Nikolai Yezhov head of the NKVD."
    out = extract(text)
    c = _one(out, "appointed")
    assert (c.subject, c.object, c.time.render()) == ("Nikolai Yezhov", "NKVD", "1936")
    assert c.quote == text[c.start:c.end]
    assert not [x for x in out.claims if x.subject == "Stalin" and x.object == "NKVD"]


def test_named_chief_of_a_body_gives_the_post_to_the_one_named(extract):
    out = extract("In 1934 Hitler named Heinrich Himmler chief of the Gestapo.")
    c = _one(out, "headed")
    assert (c.subject, c.object) == ("Heinrich Himmler", "Gestapo")
    assert not [x for x in out.claims if x.subject == "Hitler" and x.predicate in ("headed", "appointed")]


def test_made_chief_is_a_post_not_an_open_act(extract):
    text = "In 1958 Harold Brown was made chief of the Naval Intelligence Division."
    out = extract(text)
    c = _one(out, "headed")
    assert c.subject == "Harold Brown" and c.time.render() == "1958"
    assert not [x for x in out.claims if x.predicate == "other:make"]
    made = extract("In 1941 Hitler made Heinrich Himmler chief of the Gestapo.")
    assert {(x.subject, x.predicate, x.object) for x in made.claims} == {("Heinrich Himmler", "headed", "Gestapo")}


def test_assuming_control_of_a_state_stays_a_seizure(extract):
    out = extract("In 1948 the Communist Party of Czechoslovakia assumed control over the government of Czechoslovakia.")
    assert [c for c in out.claims if c.predicate == "other:seize_power"], [(c.subject, c.predicate) for c in out.claims]
