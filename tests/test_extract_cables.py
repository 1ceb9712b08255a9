"""Cables, memos and chronologies: posts abroad named by their city, visits told with the
copula, clock times in the column, bodies named head first, the chief of a unit abroad.

The passages are written here in the manner of OCR'd declassified records (a cable in
capitals quoting a newspaper, a station memo, a two-column chronology), not copied from a
dev text.
"""

from __future__ import annotations

import pytest

from collingwood.extract import ExtractInput, get

pytestmark = pytest.mark.slow

MEMO = """MEMORANDUM FOR THE RECORD

1. The Madrid Station reported that Juan PEREZ had been seen twice near
the Cuban Embassy. The Station in Madrid has covered the building since May.

2. On 3 June 1961 Juan PEREZ calls the Cuban Embassy and asks for the consul.

3. Paul Brennan, Second Secretary of the American Embassy in Moscow, was told of
the case. On 9 June 1961 Paul Brennan calls the Soviet Embassy about a visa.
"""

CHRONOLOGY = """CHRONOLOGY OF THE CONTACTS.

June 5, 1961
Monday

circa 10:15 A.M. Juan Perez goes to the Polish Embassy where he
shows his papers to a clerk.

June 6, 1961
Tuesday

Juan Perez is back at the Polish Embassy asking about his visa.
"""

CABLE = """SUBJECT: NEWSPAPER ARTICLE ON RETIRED OFFICERS

2. FOLLOWING ARTICLE APPEARED IN THE 12 MAY EDITION OF THE "VIENNA COURIER:"

"'NOBODY HERE IS RICH,' SAID IVAN PETROV, DEPUTY CHAIRMAN OF THE SOCIETY OF
RETIRED INTELLIGENCE OFFICERS OF THE RESERVE.

"THE TALKS WITH THE DEFECTOR TOOK PLACE IN MARCH 1958, SAID MR. VOLKOV, THEN
GRU RESIDENCY CHIEF IN VIENNA.
"""


def _read(text: str, kind: str = "memo"):
    return get("rules-spacy@1").extract(ExtractInput(source_id="t", text=text, kind=kind))


@pytest.fixture(scope="module")
def memo():
    return _read(MEMO)


@pytest.fixture(scope="module")
def chronology():
    return _read(CHRONOLOGY, kind="report")


@pytest.fixture(scope="module")
def cable():
    return _read(CABLE)


def _claim(out, subject, predicate, obj):
    hits = [c for c in out.claims if c.subject == subject and c.predicate == predicate and c.object == obj]
    assert hits, sorted((c.subject, c.predicate, c.object) for c in out.claims)
    return hits[0]


def test_a_post_without_its_city_takes_the_city_the_memo_sets_its_posts_in(memo):
    """'calls the Cuban Embassy' in a memo whose posts stand in Madrid ('the Madrid Station',
    'the Station in Madrid'): the embassy is the one in Madrid, named as the archive names it."""
    c = _claim(memo, "Juan Perez", "contacted", "Cuban Embassy, Madrid")
    assert "calls the Cuban Embassy" in c.quote
    assert c.time is not None and c.time.render() == "3 Jun 1961"


def test_a_post_given_its_city_keeps_it_and_the_cable_forms(memo):
    """'the American Embassy in Moscow': named with its city; 'US Embassy Moscow' (a cable's
    form) is a name of the same post."""
    embassy = next(e for e in memo.entities if e.name == "American Embassy, Moscow")
    names = {a.name for a in embassy.aliases}
    assert {"American Embassy", "US Embassy Moscow", "US Embassy, Moscow"} <= names
    c = _claim(memo, "Paul Brennan", "worked_at", "American Embassy, Moscow")
    assert "Second Secretary of the American Embassy in Moscow" in c.quote


def test_a_states_own_post_is_never_put_in_its_own_capital(memo):
    """The Soviet Embassy of a memo set in Madrid is not the Soviet Embassy 'in Moscow'."""
    names = {e.name for e in memo.entities}
    assert "Soviet Embassy, Moscow" not in names
    assert "Soviet Embassy, Madrid" in names


def test_the_clock_column_does_not_take_the_entrys_subject(chronology):
    """'circa 10:15 A.M. Juan Perez goes to the Polish Embassy': he visits, on the day's date."""
    hits = [c for c in chronology.claims if c.subject == "Juan Perez" and c.predicate == "visited"
            and c.object and c.object.startswith("Polish Embassy") and "goes to the Polish Embassy" in c.quote]
    assert hits and hits[0].time.render() == "5 Jun 1961"


def test_back_at_a_building_is_a_visit(chronology):
    """'Juan Perez is back at the Polish Embassy asking about his visa': a visit on 6 June."""
    hits = [c for c in chronology.claims if c.subject == "Juan Perez" and c.predicate == "visited"
            and "is back at the Polish Embassy" in c.quote]
    assert hits and hits[0].time.render() == "6 Jun 1961"


def test_the_copula_without_a_place_is_no_visit():
    out = _read("June 6, 1961\n\nPeter Hall is at work on the file. Peter Hall was in charge of the desk.\n")
    assert not [c for c in out.claims if c.predicate == "visited"]


def test_a_deputy_of_a_body_named_head_first_in_capitals_is_a_member(cable):
    """'SAID IVAN PETROV, DEPUTY CHAIRMAN OF THE SOCIETY OF RETIRED INTELLIGENCE OFFICERS OF
    THE RESERVE': the body's name runs head first with two of-tails; the deputy is a member,
    and the newspaper the cable quotes asserts it."""
    c = _claim(cable, "Ivan Petrov", "member_of", "Society of Retired Intelligence Officers of the Reserve")
    assert "DEPUTY CHAIRMAN OF THE SOCIETY" in c.quote
    assert c.asserted_by and "COURIER" in c.asserted_by.upper()


def test_then_chief_of_a_unit_abroad_heads_the_unit_at_the_sentences_time(cable):
    """'SAID MR. VOLKOV, THEN GRU RESIDENCY CHIEF IN VIENNA': he headed the GRU residency in
    Vienna (not the GRU), at the time the sentence tells of (March 1958)."""
    c = _claim(cable, "Volkov", "headed", "GRU residency, Vienna")
    assert "THEN\nGRU RESIDENCY CHIEF IN VIENNA" in c.quote
    assert c.time is not None and c.time.render() == "Mar 1958"
    assert not [x for x in cable.claims if x.predicate == "headed" and x.object == "GRU"]


def test_insisting_one_was_not_doing_something_is_a_denial_asserted_by_the_one_who_denies():
    """'Ivan Petrov insisted he was not spying against Britain, but ...': the act of denying,
    the activity its object; 'he said he did not know Smith' stays a negated fact."""
    out = _read("In May 1990 the Times wrote that Ivan Petrov was in London. Ivan Petrov insisted he was "
                "not spying against Britain, but helping his country. Later he said he did not know Smith.\n")
    c = _claim(out, "Ivan Petrov", "denied", "spying against Britain")
    assert c.asserted_by == "Ivan Petrov" and c.polarity == "affirmed"
    assert "insisted he was not spying" in c.quote
    assert not [x for x in out.claims if x.predicate == "denied" and x.object and "Smith" in x.object]
