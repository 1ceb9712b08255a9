"""Readings of the seventh round: a relative 'where' clause dated by the move it follows, a
gerund of means dated by its verb, a capitalised body after 'joined', the unit a chief heads,
travel through a place, and an armed force named by its state or its commander. Golden
passages written here in the style of encyclopaedia prose, military history and interview
summaries; the names are invented or common historical ones."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _of(out, predicate):
    return [c for c in out.claims if c.predicate == predicate]


def _year(c, year):
    return c.time is not None and c.time.earliest == f"{year}-01-01" and c.time.latest == f"{year}-12-31"


def test_a_where_clause_takes_the_time_of_the_move_it_follows(extract):
    out = extract("In 1936 Mary Hollis moved to the Netherlands, where she met Peter Vane.")
    (met,) = _of(out, "met")
    assert (met.subject, met.object) == ("Mary Hollis", "Peter Vane")
    assert _year(met, 1936)


def test_a_where_clause_under_a_subject_is_not_dated_by_the_main_verb(extract):
    out = extract("The town where Mary Hollis met Peter Vane was bombed in 1944.")
    assert all(c.time is None for c in _of(out, "met"))


def test_a_gerund_of_means_has_its_verbs_time(extract):
    out = extract("In 1941 Germany intervened in the Balkans by invading Greece.")
    (c,) = _of(out, "invaded")
    assert (c.subject, c.object) == ("Germany", "Greece")
    assert _year(c, 1941)


def test_a_gerund_after_a_preposition_of_time_is_not_the_same_act(extract):
    out = extract("In 1941 Germany signed a treaty after invading Greece.")
    assert all(c.time is None or not _year(c, 1941) for c in _of(out, "invaded"))


def test_joining_a_capitalised_body_is_membership(extract):
    out = extract("In 1962 Peter Wells joined the Commission.")
    (c,) = _of(out, "member_of")
    assert (c.subject, c.object) == ("Peter Wells", "Commission")
    assert _year(c, 1962)


def test_joining_a_capitalised_thing_is_no_membership(extract):
    out = extract("In 1962 Peter Wells joined the Grand Tour.")
    assert not _of(out, "member_of")


def test_the_chief_of_a_named_unit_heads_it(extract):
    out = extract("In 1957 David Harding became Chief of Cuban Operations in Mexico City.")
    (c,) = _of(out, "headed")
    assert (c.subject, c.object) == ("David Harding", "Cuban Operations")
    assert _year(c, 1957)


def test_a_one_word_title_after_chief_is_no_unit(extract):
    out = extract("In 1957 David Harding became Chief of Staff.")
    assert not [c for c in _of(out, "headed") if c.object == "Staff"]


def test_travel_through_a_place_is_a_visit(extract):
    out = extract("Lee Carter travelled through Europe with his family until September, 1960.")
    (c,) = _of(out, "visited")
    assert (c.subject, c.object) == ("Lee Carter", "Europe")
    assert c.time is not None and c.time.latest == "1960-09-30"


@pytest.mark.parametrize("text, actor", [
    ("In 1939 German forces invaded Poland.", "German forces"),
    ("In June 1950, Kim Il-sung's army invaded South Korea.", "Kim Il-sung's army"),
    ("In 1942 the Japanese army occupied Burma.", "Japanese army"),
    ("In 1971 many U.S. troops withdrew from the region.", "U.S. troops"),
])
def test_an_armed_force_named_by_its_state_or_commander_acts(extract, text, actor):
    out = extract(text)
    assert actor in {c.subject for c in out.claims}
    assert all("many" not in c.subject.lower() for c in out.claims)


@pytest.mark.parametrize("text", [
    "In 1944 his army crossed the Rhine.",             # whose army: the pronoun reader's, not this rule's
    "The force of the blast killed the guard in 1944.",
    "In 1939 two armies crossed the border.",
])
def test_no_force_without_a_named_owner(extract, text):
    out = extract(text)
    assert not [c for c in out.claims if c.subject and any(
        w in c.subject.lower() for w in ("army", "armies", "force"))]


def test_the_unit_a_chief_heads_is_named_without_its_place(extract):
    out = extract("In 1962 James Flannery was made Chief of Covert Action in Mexico.")
    (c,) = _of(out, "headed")
    assert (c.subject, c.object) == ("James Flannery", "Covert Action")


def test_a_past_perfect_is_done_by_the_narratives_time(extract):
    out = extract("In early November 1959 Lee Carter left Moscow. He had visited Minsk.")
    (c,) = _of(out, "visited")
    assert c.subject == "Lee Carter"
    assert c.time.earliest.startswith("-9999") and c.time.latest == "1959-11-12"
    (left,) = _of(out, "left")
    assert left.time.earliest == "1959-11-01"


def test_a_simple_past_keeps_the_narratives_time(extract):
    out = extract("In early November 1959 Lee Carter left Moscow. He visited Minsk.")
    (c,) = _of(out, "visited")
    assert c.time.earliest == "1959-11-01"


def test_a_pronoun_after_a_body_acting_on_one_person_is_that_person(extract):
    out = extract("In early November 1959 the FBI opened a file on Lee Carter. "
                  "He had applied to renounce his citizenship.")
    applied = [c for c in out.claims if c.predicate == "other:apply"]
    assert [c.subject for c in applied] == ["Lee Carter"]


def test_the_pronoun_rule_needs_one_person_of_the_pronouns_sex(extract):
    out = extract("In 1959 the FBI opened a file on Lee Carter and Peter Vane. He visited Minsk.")
    assert not _of(out, "visited")


def test_the_pronoun_rule_needs_a_body_as_the_subject_before(extract):
    """An unknown word as the subject may be the person 'he' is: the one named elsewhere in
    the sentence is then not taken."""
    out = extract("In 1912 Orozco opened a file on Francisco Madero. He met Emiliano Zapata.")
    assert not [c for c in out.claims if c.subject == "Francisco Madero"]
    out = extract("In 1912 the FBI opened a file on Francisco Madero. He met Emiliano Zapata.")
    assert [(c.subject, c.object) for c in _of(out, "met")] == [("Francisco Madero", "Emiliano Zapata")]


@pytest.mark.parametrize("opening, earliest, latest", [
    ("After he left Moscow in 1974", "1974-01-01", "9999-12-31"),
    ("Once he switched sides in 1974", "1974-01-01", "9999-12-31"),
    ("Before he left Moscow in 1974", "-9999-01-01", "1974-12-31"),
    ("When he left Moscow in 1974", "1974-01-01", "1974-12-31"),
])
def test_a_date_in_an_ordering_clause_bounds_the_main_act(extract, opening, earliest, latest):
    out = extract(f"{opening}, Oleg Vasin visited London.")
    (c,) = _of(out, "visited")
    assert (c.time.earliest, c.time.latest) == (earliest, latest)


def test_the_main_acts_own_date_wins_over_an_ordering_clause(extract):
    out = extract("Oleg Vasin visited London in 1985 after he left Moscow in 1974.")
    (c,) = _of(out, "visited")
    assert (c.time.earliest, c.time.latest) == ("1985-01-01", "1985-12-31")
