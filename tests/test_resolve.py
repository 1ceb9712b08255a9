"""Resolve: names to entities (aliases, surnames, code names, curation) and claims to events."""

from collingwood.resolve import norm, resolve


def test_resolve_surname_links_to_unique_person(build):
    data = build.case([build.claim("James Klugmann", "recruited", "John Cairncross", "1936"),
                       build.claim("Klugmann", "met", "the Cairncross", "1937")])
    res = resolve(data)
    a, b = data.claims
    assert res.subject_of[a.id] == res.subject_of[b.id]
    assert res.object_of[a.id] == res.object_of[b.id]


def test_resolve_ambiguous_surname_stays_own_entity(build):
    data = build.case([build.claim("Anthony Blunt", "met", "Guy Burgess", "1936"),
                       build.claim("Wilfrid Blunt", "met", "Guy Burgess", "1936"),
                       build.claim("Blunt", "knew", "Guy Burgess", "1936")])
    res = resolve(data)
    blunt = res.subject_of[data.claims[2].id]
    assert res.name(blunt) == "Blunt"
    assert len(res.ambiguous["Blunt"]) == 2


def test_resolve_alias_with_validity_maps_to_one_entity(build):
    archer = build.entity("Jane Archer", aliases=[("Jane Sissmore", "maiden_name", None, "1939")])
    data = build.case([build.claim("Jane Sissmore", "worked_at", "MI5", "1929"),
                       build.claim("jane archer", "worked_at", "MI5", "1940")], entities=[archer])
    res = resolve(data)
    assert {res.subject_of[c.id] for c in data.claims} == {archer.id}
    assert res.names_used[data.claims[0].id][0].name == "Jane Sissmore"


def test_resolve_organisation_successor_name(build):
    nkvd = build.entity("NKVD", "organisation", aliases=[("OGPU", "predecessor_name", None, "1934")])
    data = build.case([build.claim("Arnold Deutsch", "worked_at", "the OGPU", "1932")], entities=[nkvd])
    assert resolve(data).object_of[data.claims[0].id] == nkvd.id


def test_resolve_unknown_code_name_becomes_person(build):
    data = build.case([build.claim("Otto", "handled", "John Cairncross", "1937")])
    res = resolve(data)
    otto = res.entities[res.subject_of[data.claims[0].id]]
    assert (otto.name, otto.kind) == ("Otto", "person")


def test_resolve_code_name_alias_of_listed_entity(build):
    deutsch = build.entity("Arnold Deutsch", aliases=[("Otto", "code_name", None, None)])
    data = build.case([build.claim("Otto", "handled", "John Cairncross", "1937")], entities=[deutsch])
    assert resolve(data).subject_of[data.claims[0].id] == deutsch.id


def test_resolve_analyst_merge_wins_and_keeps_ids(build):
    claims = [build.claim("Otto", "handled", "John Cairncross", "1937"),
              build.claim("Arnold Deutsch", "recruited", "Kim Philby", "1934")]
    plain = resolve(build.case(claims))
    merged = resolve(build.case(claims, merges=[("Otto", "Arnold Deutsch")]))
    assert plain.subject_of[claims[0].id] != plain.subject_of[claims[1].id]
    assert merged.subject_of[claims[0].id] == merged.subject_of[claims[1].id]
    again = resolve(build.case(claims, merges=[("Otto", "Arnold Deutsch")]))
    assert set(again.events) == set(merged.events)


def test_resolve_analyst_split_wins_over_surname_link(build):
    claims = [build.claim("James Klugmann", "recruited", "John Cairncross", "1936"),
              build.claim("Klugmann", "met", "Kim Philby", "1950")]
    res = resolve(build.case(claims, splits=[("Klugmann", "James Klugmann")]))
    assert res.subject_of[claims[0].id] != res.subject_of[claims[1].id]


def test_resolve_norm_ignores_case_and_article():
    assert norm("The Foreign Office") == norm("foreign office")


def test_resolve_once_event_groups_versions_by_subject(build):
    claims = [build.claim("John Cairncross", "born", "Glasgow", "1913", source="a"),
              build.claim("John Cairncross", "born", "Lesmahagow", "1914", source="b")]
    res = resolve(build.case(claims))
    assert len(res.events) == 1
    (ev,) = res.events.values()
    assert ev.id in res.disputed
    assert ev.time.render() == "1913–1914"


def test_resolve_recruitment_grouped_by_object(build):
    claims = [build.claim("James Klugmann", "recruited", "John Cairncross", "1936", source="a"),
              build.claim("Otto", "recruited", "John Cairncross", "1936", source="b")]
    res = resolve(build.case(claims))
    (ev,) = res.events.values()
    assert res.name(ev.participants[0]) == "John Cairncross"
    assert res.event_of[claims[0].id] == res.event_of[claims[1].id]


def test_resolve_meetings_split_by_time_and_consensus(build):
    claims = [build.claim("Cairncross", "met", "Maclean", "1943 or 1944", source="a"),
              build.claim("Maclean", "met", "Cairncross", "1944", source="b"),
              build.claim("Cairncross", "met", "Maclean", "1950", source="c")]
    res = resolve(build.case(claims))
    assert len(res.events) == 2
    ev = res.events[res.event_of[claims[0].id]]
    assert res.event_of[claims[1].id] == ev.id and ev.time.render() == "1944"
    assert not res.disputed


def test_resolve_rejected_claims_are_ignored(build):
    data = build.case([build.claim("A Person", "met", "B Person", "1940", status="rejected")])
    assert not resolve(data).events


def test_resolve_event_ids_are_deterministic(build):
    claims = [build.claim("Cairncross", "met", "Maclean", "1944", source=s) for s in "abc"]
    assert set(resolve(build.case(claims)).events) == set(resolve(build.case(claims[::-1])).events)


def test_resolve_own_name_beats_another_entitys_former_name(build):
    nkvd = build.entity("NKVD", "organisation")
    mgb = build.entity("MGB", "organisation", aliases=[("NKVD", "predecessor_name", "1934", "1946")])
    data = build.case([build.claim("Grigory Petrovsky", "worked_at", "NKVD"),
                       build.claim("Lavrentiy Beria", "worked_at", "NKVD", "1940")], entities=[nkvd, mgb])
    res = resolve(data)
    assert [res.object_of[c.id] for c in data.claims] == [nkvd.id, nkvd.id]


def test_resolve_one_name_two_kinds_takes_the_kind_the_role_needs(build):
    person, place = build.entity("Lenin", "person"), build.entity("Lenin", "place")
    data = build.case([build.claim("Lenin", "headed", "Politburo", "1921"),
                       build.claim("Grigory Zinoviev", "arrived_in", "Lenin", "1924")],
                      entities=[person, place])
    res = resolve(data)
    assert res.subject_of[data.claims[0].id] == person.id
    assert res.object_of[data.claims[1].id] == place.id


def test_resolve_machine_copy_of_an_analyst_claim_is_superseded(build):
    from dataclasses import replace

    mine = build.claim("James Klugmann", "recruited", "John Cairncross", "1936")
    mine = replace(mine, extracted_by="analyst", id="")
    copy = replace(mine, subject="Klugmann", end=mine.end + 10, quote=mine.quote + " in Cambridge",
                   extracted_by="rules-spacy@1", status="proposed", id="")
    elsewhere = replace(copy, start=mine.end + 500, end=mine.end + 540, id="")
    data = build.case([mine, copy, elsewhere])
    res = resolve(data)
    assert res.superseded == {copy.id: mine.id}
    assert copy.id not in res.claims and elsewhere.id in res.claims


def test_resolve_machine_claim_without_the_object_the_analyst_read_is_superseded(build):
    from dataclasses import replace

    mine = replace(build.claim("Walter Krivitsky", "born", "Poland", "1899"), extracted_by="analyst", id="")
    bare = replace(mine, object=None, extracted_by="rules-spacy@1", status="proposed", id="")
    other = replace(mine, object="Latvia", extracted_by="rules-spacy@1", status="proposed", id="")
    res = resolve(build.case([mine, bare, other]))
    assert res.superseded == {bare.id: mine.id}
