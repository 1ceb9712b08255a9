"""Encyclopaedia readings of bodies and their people: a post in a body the text brought in
without a name ('a special bureau was needed. X was appointed as chairman'), a body's move
of its seat, a service's people as the actor ('NRU field officers visited X'), and persons
counted as the object of a legal act ('has charged at least 40 defendants').

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


def test_a_bare_post_in_a_body_brought_in_unnamed(extract):
    text = ("On May 3, 1921, the Revolutionary Council of Tavria debated the unrest in the ports. "
            "It resolved that a naval bureau was needed to watch the harbours. Anton Vlasek was "
            "appointed as chairman and began work at once.\n")
    out = extract(text)
    got = [c for c in _claims(out, "appointed") if c.subject == "Anton Vlasek"]
    assert [(c.object, c.time.render() if c.time else None) for c in got] == [("naval bureau", "3 May 1921")]
    assert got[0].quote.startswith("Anton Vlasek was appointed as chairman")
    _spans_hold(text, out)


def test_two_unnamed_bodies_leave_the_post_unplaced(extract):
    text = ("On May 3, 1921, the Revolutionary Council of Tavria debated the unrest. It resolved that "
            "a naval bureau and a port committee were needed. Anton Vlasek was appointed as chairman.\n")
    out = extract(text)
    assert [c.object for c in _claims(out, "appointed") if c.subject == "Anton Vlasek"] == [None]


def test_a_body_coming_to_a_city_moves_its_seat_a_person_does_not(extract):
    text = ("In 1935 the Harbin Security Bureau moved its headquarters to Dairen. "
            "In 1936 Ivan Dorov came to Dairen.\n")
    out = extract(text)
    got = [(c.subject, c.object, c.time.render()) for c in _claims(out, "other:relocate")]
    assert got == [("Harbin Security Bureau", "Dairen", "1935")]
    assert _claims(out, "other:relocate")[0].quote == "In 1935 the Harbin Security Bureau moved its headquarters to Dairen"
    _spans_hold(text, out)


def test_a_services_people_as_the_actor(extract):
    text = ("The Naval Directorate (NRU) was the intelligence service of the Baltic Fleet. NRU field "
            "officers reportedly visited Finland following the mutiny (March 1921), photographing the "
            "harbour.\n")
    out = extract(text)
    got = [c for c in out.claims if c.subject == "NRU field officers"]
    assert [(c.predicate, c.object, c.time.render()) for c in got] == [("other:visit", "Finland", "Mar 1921")]
    assert got[0].quote.startswith("NRU field officers reportedly visited Finland")
    _spans_hold(text, out)


def test_counted_members_are_particular_persons_not_the_body(extract):
    text = ("The Naval Directorate (NRU) was the intelligence service of the Baltic Fleet. In May 1922, "
            "two NRU agents sent to watch the port were caught and shot.\n")
    out = extract(text)
    assert not [c for c in out.claims if "agents" in c.subject]


def test_persons_counted_as_the_object_of_a_charge(extract):
    text = ("Since 2009, the Republic of Maldera has charged at least 40 defendants for attempting to "
            "spy for Ostravia.\n")
    out = extract(text)
    got = [c for c in _claims(out, "other:charge")]
    assert [(c.subject, c.object) for c in got] == [("Republic of Maldera", "at least 40 defendants")]
    assert got[0].time is not None and got[0].time.render() == "since 2009"
    _spans_hold(text, out)


def test_charging_that_something_happened_reports_it(extract):
    text = "In 1931 the Kharkov prosecutor Pavel Rudak charged that Ivan Dorov had spied for Poland.\n"
    out = extract(text)
    assert not _claims(out, "other:charge")


def test_a_participle_after_the_object_tells_who_led_the_new_body(extract):
    text = ("On March 2, 1920, the Revolutionary Council of Tavria formed the Special Commission for "
            "fighting banditry in the Crimean District, led by Anton Vlasek.\n")
    out = extract(text)
    name = "Special Commission for fighting banditry in the Crimean District"
    assert name in {e.name for e in out.entities}
    got = [c for c in _claims(out, "headed") if c.subject == "Anton Vlasek"]
    assert [(c.object, c.time.render() if c.time else None) for c in got] == [(name, "2 Mar 1920")]
    assert got[0].quote.endswith("led by Anton Vlasek")
    _spans_hold(text, out)


def test_a_participle_after_another_verb_leads_nothing_it_follows(extract):
    text = ("In 1920 the Revolutionary Council of Tavria formed the Naval Bureau and sent a mission to "
            "Riga, led by Anton Vlasek.\n")
    out = extract(text)
    assert not [c for c in _claims(out, "headed") if c.object == "Naval Bureau"]


def test_a_law_named_with_its_years_by_the_status_it_gives(extract):
    text = "Sabotage is punishable in Ostravia under the State Defence Laws of 1934 and 1938.\n"
    out = extract(text)
    got = _claims(out, "other:enact")
    assert [(c.subject, c.object, c.time.earliest, c.time.latest) for c in got] == [
        ("Ostravia", "State Defence Laws", "1934-01-01", "1938-12-31")]
    assert got[0].quote.startswith("Sabotage is punishable in Ostravia")
    _spans_hold(text, out)


def test_a_status_without_a_dated_law_enacts_nothing(extract):
    text = "In 1950 sabotage was punishable in Ostravia under the customs code, and Ivan Dorov was arrested.\n"
    out = extract(text)
    assert not _claims(out, "other:enact")


def test_a_body_written_once_with_its_states_full_name_is_that_body(extract):
    text = ("With Congress in opposition hands, the bill stalled. The veto swept away the last support "
            "for the plan in the United States Congress. In May 1951, Alden Marsh appeared before "
            "Congress to ask for the funds.\n")
    out = extract(text)
    body = next(e for e in out.entities if e.name == "Congress")
    assert "United States Congress" in {a.name for a in body.aliases}
    got = [c for c in _claims(out, "other:address") if c.object == "Congress"]
    assert [(c.subject, c.time.render()) for c in got] == [("Alden Marsh", "May 1951")]
    _spans_hold(text, out)


def test_a_bare_body_two_states_write_before_it_is_neither():
    from collingwood.extract.body_names import state_named

    one = "The plan failed in the United States Congress. Congress voted it down."
    assert state_named(one, ["Congress"]) == [("Congress", "United States Congress", "variant")]
    two = "The offensive was stopped by the Germany Army in 1941; the Soviet Union Army lost. The Army retreated."
    assert state_named(two, ["Army"]) == []


def test_a_first_heads_term_runs_from_the_bodys_beginning_to_its_end(extract):
    text = ("The Naval Directorate (NRU) was the intelligence service of the Baltic Fleet. In 1927 or 1928 "
            "the NRU became the Third (Naval) Directorate of the Fleet Staff. The first head of the 3rd "
            "Directorate was Anton Karlovich Vlasek, a former officer of the Imperial Navy, who served "
            "until 1936.\n")
    out = extract(text)
    got = [c for c in _claims(out, "headed") if c.subject == "Anton Vlasek"]
    assert [(c.object, c.time.earliest, c.time.latest) for c in got] == [
        ("3rd Directorate", "1927-01-01", "1936-12-31")]
    assert got[0].quote.startswith("The first head of the 3rd Directorate was Anton Karlovich Vlasek")
    _spans_hold(text, out)


def test_a_term_with_an_end_alone_stays_open_at_its_start(extract):
    text = ("The Naval Directorate (NRU) was the intelligence service of the Baltic Fleet. The head of the "
            "NRU was Anton Vlasek, who served until 1936.\n")
    out = extract(text)
    got = [c for c in _claims(out, "headed") if c.subject == "Anton Vlasek"]
    assert got and all(c.time is not None and c.time.open_start and c.time.latest == "1936-12-31" for c in got)


def test_the_one_appointed_to_a_titled_post_is_the_appointee_and_the_post_its_object(extract):
    text = "In March 1952, Premier Anton Vlasek appointed General Pavel Rudak as Minister of War.\n"
    out = extract(text)
    got = _claims(out, "appointed")
    assert [(c.subject, c.object, c.time.render()) for c in got] == [("Pavel Rudak", "Minister of War", "Mar 1952")]
    assert not _claims(out, "other:appoint")
    _spans_hold(text, out)


def test_a_case_a_broadcaster_reported_on_is_its_account(extract):
    text = ("Radio Ostrava reported in 2015 on one such case, that of Pavel Rudak, who was held under "
            "Pakistani police control for nine years after crossing the border in 2006.\n")
    out = extract(text)
    got = _claims(out, "detained")
    assert [(c.subject, c.object, c.asserted_by) for c in got] == [("Pavel Rudak", "Pakistani police", "Radio Ostrava")]
    assert got[0].quote.startswith("Pavel Rudak, who was held under Pakistani police control")
    _spans_hold(text, out)


def test_a_states_prison_stands_for_the_state(extract):
    text = "Pavel Rudak, a courier in Poland, spent six years in a Polish prison for espionage.\n"
    out = extract(text)
    assert [(c.subject, c.object) for c in _claims(out, "detained")] == [("Pavel Rudak", "Poland")]


def test_a_citys_acronym_without_the_citys_initial_is_the_same_body(extract):
    text = ("In 1918 the duty of guarding the port fell to the Odessa Naval Revolutionary Committee (or ONRK). "
            "The NRK requisitioned grain and ships. On May 4, 1919, the Odessa NRK published an announcement "
            "of dissolution.\n")
    out = extract(text)
    body = "Odessa Naval Revolutionary Committee"
    names = {a.name for e in out.entities if e.name == body for a in e.aliases}
    assert {"ONRK", "NRK", "Odessa NRK"} <= names
    got = [c for c in _claims(out, "dissolved_by") if c.subject == body]
    assert [c.time.render() for c in got] == ["4 May 1919"]
    _spans_hold(text, out)


def test_two_cities_before_one_acronym_leave_it_to_neither():
    from collingwood.extract.candidates import Cand
    from collingwood.extract.place_acronyms import place_acronyms
    from collingwood.model import Alias

    text = "The Odessa Naval Committee (ONRK) met. The Kiev NRK and the Odessa NRK quarrelled. The NRK fell."
    cands = [Cand(text.index("NRK fell"), text.index("NRK fell") + 3, "organisation", "NRK", 0)]
    chosen, aliases = place_acronyms(text, cands, [("Odessa Naval Committee", Alias("ONRK", "abbreviation"))], "t")
    assert [c.name for c in chosen] == ["NRK"] and aliases == []


def test_an_act_on_something_of_someones_told_without_whose_is_no_claim(extract):
    text = ("On May 4, 1919, the Odessa Naval Committee transferred its functions to a new department. "
            "On June 2, 1919, the Kiev Bureau reviewed Anton Vlasek's file.\n")
    out = extract(text)
    assert not [c for c in out.claims if c.predicate == "other:transfer"]
    assert [(c.subject, c.predicate) for c in out.claims if c.predicate == "other:review"] == [
        ("Kiev Bureau", "other:review")]
