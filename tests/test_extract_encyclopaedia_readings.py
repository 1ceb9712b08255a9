"""Readings of encyclopaedia articles and news features on intelligence history: the scene
of an interview named by the telling it frames, the sittings' own time line, a law used to
prosecute a list of people, and a post held on in 'the new organization'.

Passages are written here in the style of the genre (invented people and bodies); each
test checks the claim and the passage it keeps.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _claims(out, predicate):
    return [c for c in out.claims if c.predicate == predicate]


def _spans_hold(text, out):
    for c in out.claims:
        assert text[c.start:c.end] == c.quote


def test_the_one_told_in_an_interview_is_the_interviewer(extract):
    text = ("Peter Lindqvist confessed in an interview conducted in 1971 by the security officer "
            "Ruth Halloran. In a second interview on 3 May, Lindqvist tells Halloran that he was paid "
            "for the photographs.\n")
    out = extract(text)
    got = {(c.subject, c.object, c.time.render() if c.time else None) for c in _claims(out, "interviewed")}
    assert ("Ruth Halloran", "Peter Lindqvist", "3 May 1971") in got
    c = next(c for c in _claims(out, "interviewed") if c.subject == "Ruth Halloran")
    assert "second interview on 3 May" in c.quote and c.asserted_by is None
    _spans_hold(text, out)


def test_an_interview_with_a_named_person_makes_them_the_interviewer(extract):
    text = "In an interview with Ruth Halloran in 1971, Peter Lindqvist said that the courier had fled.\n"
    out = extract(text)
    got = {(c.subject, c.object) for c in _claims(out, "interviewed")}
    assert got == {("Ruth Halloran", "Peter Lindqvist")}
    _spans_hold(text, out)


def test_a_telling_without_a_scene_is_no_interview(extract):
    text = "In 1971 Peter Lindqvist told Ruth Halloran that the courier had fled to Vienna.\n"
    out = extract(text)
    assert not _claims(out, "interviewed")


def test_a_sitting_without_a_year_takes_the_year_of_the_sittings_not_of_the_story():
    from collingwood.extract.dates import tag_dates

    text = ("He confessed in an interview held in 1971. He had worked for the ministry from 1950 to 1953. "
            "In a follow-up interview on 3 May, he named his courier. On 3 May he left the ministry.")
    found = {m.text: m for m in tag_dates(text)}
    assert found["3 May"].span is not None
    sittings = [m for m in tag_dates(text) if m.text == "3 May"]
    assert sittings[0].span.earliest == "1971-05-03"          # the follow-up interview
    assert sittings[1].span.earliest == "1953-05-03"          # the story's 3 May: its narrative year


def test_a_law_used_to_prosecute_a_list_gives_each_member_a_claim(extract):
    text = ("In Ruritania, the Official Secrecy Act of 1921 was long a dead letter. In the 1990s, the act "
            "was used to prosecute journalists such as Anna Berg, Tomas Weil, and Karl Ostrov.\n")
    out = extract(text)
    got = {(c.subject, c.object) for c in _claims(out, "other:prosecute_under")}
    assert got == {(n, "Official Secrecy Act of 1921") for n in ("Anna Berg", "Tomas Weil", "Karl Ostrov")}
    _spans_hold(text, out)


def test_the_act_names_no_law_when_none_was_named(extract):
    text = "In the 1990s, the act was used to prosecute journalists such as Anna Berg and Tomas Weil.\n"
    out = extract(text)
    assert not _claims(out, "other:prosecute_under")


def test_staying_on_as_chief_of_the_new_organization_is_heading_the_successor(extract):
    text = ("The Directorate of Public Safety was the state police of Ruritania. The Directorate of "
            "Public Safety grew quickly. On 4 March 1931, the Directorate of Public Safety was "
            "dissolved by the Council of Ministers. It was replaced by the State Security Office, a "
            "department of the Ministry of the Interior. Karel Brandt remained as chief of the new "
            "organization.\n")
    out = extract(text)
    headed = [c for c in _claims(out, "headed") if c.subject == "Karel Brandt"]
    assert [c.object for c in headed] == ["State Security Office"]
    assert headed[0].time is not None and headed[0].time.earliest == "1931-03-04"
    assert headed[0].time.open_end
    assert headed[0].quote.startswith("Karel Brandt remained as chief")
    _spans_hold(text, out)


def test_the_new_organization_is_no_body_named_before(extract):
    text = ("The Ministry of the Interior ran the police. The Ministry of the Interior was reformed "
            "in 1931. Karel Brandt remained as chief of the new organization.\n")
    out = extract(text)
    assert not [c for c in _claims(out, "headed") if c.subject == "Karel Brandt"]


def test_a_participle_in_a_list_of_career_stages_is_the_holders_stage(extract):
    text = ("Nora Quist was recruited by Igor Lenski in 1946. They met every week until 1951, covering "
            "Quist's time as Lord Fenwick's private secretary, working at the Admiralty in London as a "
            "cipher clerk, and part of her time in Vienna.\n")
    out = extract(text)
    worked = {(c.subject, c.object) for c in _claims(out, "worked_at")}
    assert ("Nora Quist", "Admiralty") in worked
    c = next(c for c in _claims(out, "worked_at") if c.object == "Admiralty")
    assert "working at the Admiralty" in c.quote
    _spans_hold(text, out)


def test_a_participle_after_a_plain_object_keeps_the_clause_subject(extract):
    text = ("Nora Quist was recruited by Igor Lenski in 1946. Lenski left the ministry in 1951, working "
            "at the Admiralty in London as a cipher clerk.\n")
    out = extract(text)
    assert {c.subject for c in _claims(out, "worked_at")} == {"Igor Lenski"}


def test_an_act_noun_told_by_its_subject_is_their_account(extract):
    text = "Lena Varga was a translator. In her memoir, she describes her recruitment by Pavel Orlov in 1948.\n"
    out = extract(text)
    got = [(c.subject, c.object, c.asserted_by, c.polarity) for c in _claims(out, "recruited")]
    assert got == [("Pavel Orlov", "Lena Varga", "Lena Varga", "affirmed")]
    _spans_hold(text, out)


def test_an_act_noun_denied_by_its_subject_is_a_denial(extract):
    text = "Lena Varga was a translator. She denied her recruitment by Pavel Orlov in 1948.\n"
    out = extract(text)
    got = [(c.subject, c.object, c.asserted_by, c.polarity) for c in _claims(out, "recruited")]
    assert got == [("Pavel Orlov", "Lena Varga", "Lena Varga", "denied")]


def test_a_possessor_beside_an_of_patient_is_the_agent_and_a_conducting_participle_dates_it(extract):
    text = ("Edith Marr was an MI5 officer. Her interrogation of Pavel Orlov, conducted over three weeks "
            "in March 1952, was a landmark.\n")
    out = extract(text)
    got = [(c.subject, c.object, c.time.render() if c.time else None) for c in _claims(out, "interviewed")]
    assert got == [("Edith Marr", "Pavel Orlov", "Mar 1952")]
    _spans_hold(text, out)
