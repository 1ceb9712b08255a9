"""How news reports on declassified files name services and tell a confession (seeds round 3):
golden passages written here in the style of the genre, invented names."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _of(out, predicate):
    return [c for c in out.claims if c.predicate == predicate]


def test_the_russian_intelligence_service_of_british_files_is_soviet_intelligence(extract):
    text = ("The files released this week include the confession of Peter Hallam, a former Treasury official. "
            "Hallam admits that he was recruited by the Russian Intelligence Service in 1947, soon after he "
            "had joined the Admiralty.")
    out = extract(text)
    (c,) = _of(out, "recruited")
    assert (c.subject, c.object, c.asserted_by) == ("Soviet intelligence", "Peter Hallam", "Peter Hallam")
    assert c.time.earliest == "1947-01-01"
    assert "recruited by the Russian Intelligence Service" in text[c.start:c.end]
    # 'Russian intelligence' in prose is no name of the service
    out = extract("Peter Hallam said Russian intelligence had recruited him in 1947.")
    assert all(c.subject != "Soviet intelligence" for c in out.claims)


_VOSS = ("The memoirs of Helen Voss reveal how she came to spy for Moscow. Voss was part of a ring of "
         "four. Voss wrote the account after her exposure in 1981. ")


def test_a_woman_who_had_served_as_an_office_is_the_person_the_report_is_about(extract):
    text = _VOSS + "The scandal ended the career of a woman who had served as Keeper of the Royal Armouries."
    out = extract(text)
    (c,) = [c for c in _of(out, "worked_at") if c.object == "Royal Armouries"]
    assert c.subject == "Helen Voss"
    assert text[c.start:c.end].endswith("a woman who had served as Keeper of the Royal Armouries")


def test_an_office_the_parser_leaves_off_as_is_read_from_the_text(extract):
    text = (_VOSS + "The revelations had led to a woman who had worked as Surveyor of the Queen's Gardens "
            "being stripped of her title.")
    out = extract(text)
    (c,) = _of(out, "worked_at")
    assert (c.subject, c.object) == ("Helen Voss", "Queen's Gardens")
    assert "a woman who had worked as Surveyor of the Queen's Gardens" in text[c.start:c.end]
    (voss,) = [e for e in out.entities if e.name == "Helen Voss"]
    assert ("Surveyor of the Queen's Gardens", "title") in {(a.name, a.kind) for a in voss.aliases}


def test_a_common_post_or_the_other_sex_is_a_new_person(extract):
    out = extract(_VOSS + "Police arrested a woman who had worked as a cleaner at the Foreign Office.")
    assert all(c.subject != "Helen Voss" for c in _of(out, "worked_at"))
    out = extract(_VOSS + "The scandal ended the career of a man who had served as Keeper of the Royal Armouries.")
    assert all(c.subject != "Helen Voss" for c in _of(out, "worked_at"))


def test_a_post_written_before_the_name_with_its_body_first_is_the_post(extract):
    text = "The files were compiled by MI5 officer Anthony Gale, who retired in 1961."
    out = extract(text)
    (c,) = [c for c in _of(out, "worked_at") if c.subject == "Anthony Gale"]
    assert c.object == "MI5" and text[c.start:c.end] == "MI5 officer Anthony Gale"
    out = extract("KGB deputy chairman Ivan Petrov met the minister in 1970.")
    assert [(c.subject, c.object) for c in _of(out, "member_of")] == [("Ivan Petrov", "KGB")]   # a deputy heads nothing
    out = extract("The KGB told Ivan Petrov to leave.")
    assert not _of(out, "worked_at")


def test_a_move_during_these_two_years_is_dated_by_the_stretch_just_told_of(extract):
    text = ("Peter Hallam joined the Admiralty in 1947. He met his controller once a month until 1949. "
            "During these two years, Hallam was transferred to the Naval Intelligence Division.")
    out = extract(text)
    (c,) = [c for c in _of(out, "transferred") if c.subject == "Peter Hallam"]
    assert (c.time.earliest, c.time.latest) == ("1947-01-01", "1949-12-31")


def test_a_relative_clauses_second_verb_after_a_dash_is_the_relatives_not_the_main_verbs(extract):
    text = ("The National Archives has released the confession of Peter Hallam, a civil servant who worked "
            "in the Treasury in the 1940s – and spied for the Soviet Union at the same time.")
    out = extract(text)
    assert {c.subject for c in out.claims if c.object == "Soviet Union"} == {"Peter Hallam"}
    out = extract("The National Archives has released the confession of a civil servant who worked in the "
                  "Treasury in the 1940s – and spied for the Soviet Union at the same time.")
    assert all(c.subject != "National Archives" for c in out.claims if c.predicate != "other:release")


def test_assigned_to_a_controller_is_no_appointment_but_handing_papers_to_a_handler_is_still_read(extract):
    text = ("Peter Hallam tried to leave the civil service in 1948. He was then transferred to the Ministry of "
            "Supply and soon afterwards assigned to his last Russian controller.")
    out = extract(text)
    assert [(c.predicate, c.object) for c in out.claims] == [("transferred", "Ministry of Supply")]
    out = extract("In 1985 Peter Hallam handed a stack of dossiers to his KGB handler.")
    assert [(c.subject, c.object) for c in _of(out, "passed_information_to")] == [("Peter Hallam", "KGB")]
