"""Who a name is across the sources of a case: merges with their grounds, uncertain
identities proposed, never merged."""

from collingwood.model import Alias
from collingwood.resolve import norm, resolve


def test_names_resolve_shorter_form_joins_the_one_fuller_name(build):
    data = build.case([build.claim("Lee Harvey Oswald", "arrived_in", "Mexico City", "1963", source="s1"),
                       build.claim("Lee Oswald", "met", "Valery Kostikov", "1963", source="s2"),
                       build.claim("Samuel G. Wise", "worked_at", "the American Embassy", "1959", source="s1"),
                       build.claim("Samuel Griffin Wise Jr.", "met", "Lee Harvey Oswald", "1959", source="s2")])
    res = resolve(data)
    a, b, c, d = data.claims
    assert res.subject_of[a.id] == res.subject_of[b.id] == res.object_of[d.id]
    assert res.subject_of[c.id] == res.subject_of[d.id]
    oswald = res.subject_of[a.id]
    assert any("'Lee Oswald'" in g and "shorter form" in g for g in res.grounds[oswald])


def test_names_resolve_a_form_that_fits_two_people_is_proposed(build):
    data = build.case([build.claim("Joseph Patrick Kennedy", "worked_at", "the Embassy", "1938"),
                       build.claim("Joseph Francis Kennedy", "worked_at", "the Navy", "1942"),
                       build.claim("Joseph Kennedy", "met", "Neville Chamberlain", "1938")])
    res = resolve(data)
    a, b, c = data.claims
    assert len({res.subject_of[x.id] for x in (a, b, c)}) == 3
    assert sum(name == "Joseph Kennedy" for name, _, _ in res.candidates) == 2


def test_names_resolve_husband_and_wife_stay_two(build):
    data = build.case([build.claim("Abram Chayes", "worked_at", "the State Department", "1961"),
                       build.claim("Antonia Chayes", "worked_at", "the Air Force", "1979"),
                       build.claim("Chayes", "met", "John F. Kennedy", "1961")])
    res = resolve(data)
    a, b, c = data.claims
    assert res.subject_of[a.id] != res.subject_of[b.id]
    assert len(res.ambiguous["Chayes"]) == 2 and res.subject_of[c.id] not in (res.subject_of[a.id],
                                                                              res.subject_of[b.id])


def test_names_resolve_spelling_variants_are_candidates_not_merges(build):
    data = build.case([build.claim("Felix Dzerzhinsky", "headed", "Cheka", "1918", source="s1"),
                       build.claim("Felix Dzerzhynsky", "headed", "Cheka", "1918", source="s2")])
    res = resolve(data)
    a, b = data.claims
    assert res.subject_of[a.id] != res.subject_of[b.id]
    (name, eid, why), = res.candidates
    assert {name, res.name(eid)} == {"Felix Dzerzhinsky", "Felix Dzerzhynsky"} and "transliteration" in why


def test_names_resolve_grounds_of_aliases_and_surnames(build):
    archer = build.entity("Jane Archer", aliases=[("Jane Sissmore", "birth_name", None, "1939")])
    data = build.case([build.claim("Jane Sissmore", "worked_at", "MI5", "1929"),
                       build.claim("Archer", "interviewed", "Walter Krivitsky", "1940")], entities=[archer])
    res = resolve(data)
    assert {res.subject_of[c.id] for c in data.claims} == {archer.id}
    grounds = " | ".join(res.grounds[archer.id])
    assert "'Jane Sissmore': birth name of Jane Archer" in grounds and "'Archer': the surname" in grounds


def test_names_resolve_code_name_found_in_a_source_is_only_a_candidate(build):
    philby = build.entity("Kim Philby")
    philby.aliases.append(Alias("Stanley", "code_name", None, "s9"))
    data = build.case([build.claim("Stanley", "met", "Yuri Modin", "1949")], entities=[philby])
    res = resolve(data)
    assert res.subject_of[data.claims[0].id] != philby.id
    assert ("Stanley", philby.id, "code_name found in s9") in res.candidates


def test_names_resolve_accents_and_titles_are_ignored():
    assert norm("Rubén Durán") == norm("Ruben Duran")
    assert norm("Wing Commander Archer").endswith("archer")


def test_names_resolve_a_source_that_only_writes_the_surname_joins_the_one_person(build):
    """A chronology never gives the given names: its 'Oswald' (an entity of its own, as the
    extractor found it) is the one person of the case so called; with two, it stays apart."""
    full = build.entity("Lee Harvey Oswald")
    bare = build.entity("Oswald")
    data = build.case([build.claim("Lee Harvey Oswald", "arrived_in", "Minsk", "1960", source="s1"),
                       build.claim("Oswald", "contacted", "the Soviet Consulate", "1963", source="s2")],
                      entities=[full, bare])
    res = resolve(data)
    a, b = data.claims
    assert res.subject_of[a.id] == res.subject_of[b.id] == res.root_of[bare.id] == full.id
    assert any("'Oswald': the surname of the one person" in g for g in res.grounds[full.id])
    wife = build.entity("Marina Oswald")
    data = build.case([*data.claims, build.claim("Marina Oswald", "lived_in", "Minsk", "1961", source="s1")],
                      entities=[full, bare, wife])
    res = resolve(data)
    assert res.root_of[bare.id] == bare.id
    assert {res.name(e) for n, e, _ in res.candidates if n == "Oswald"} == {"Lee Harvey Oswald", "Marina Oswald"}
