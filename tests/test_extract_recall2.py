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
