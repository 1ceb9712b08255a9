"""Entities, gazetteer and alias patterns of the rules-spacy extractor."""

from __future__ import annotations

import pytest

from collingwood.extract.entities import (gazetteer_patterns, organisations, skeleton,
                                          transliteration_candidates)
from collingwood.model import Alias, Entity


# ---------------------------------------------------------------- no model

def test_extract_entities_gazetteer_successive_names():
    orgs = organisations()
    ogpu = {(a.name, a.kind) for a in orgs["OGPU"].aliases}
    assert ("NKVD", "successor_name") in ogpu and ("GPU", "predecessor_name") in ogpu
    kgb = orgs["KGB"]
    assert kgb.aliases and any(a.name == "MGB" and a.kind == "predecessor_name" for a in kgb.aliases)
    mgb = next(a for a in kgb.aliases if a.name == "MGB")
    assert mgb.valid.earliest == "1946-03-15" and mgb.valid.latest == "1954-03-13"


def test_extract_entities_gazetteer_sis_is_mi6():
    mi6 = organisations()["MI6"]
    assert ("SIS", "abbreviation") in {(a.name, a.kind) for a in mi6.aliases}
    ids = {p["pattern"]: p.get("id") for p in gazetteer_patterns()}
    assert ids["SIS"] == "MI6" and ids["Security Service"] == "MI5" and ids["GC&CS"].startswith("Government")


def test_extract_entities_skeleton_ignores_transliteration():
    assert skeleton("Kapitza") == skeleton("Kapitsa")
    assert skeleton("Ginzburg") == skeleton("Ginsberg")
    assert skeleton("Maclean") != skeleton("Macmillan")


def test_extract_entities_transliteration_pairs_are_candidates():
    pairs = transliteration_candidates(["Samuel Ginsberg", "Samuel Ginzburg", "Pyotr Kapitsa",
                                        "Donald Maclean", "Pyotr Kapitza", "Harold Macmillan"])
    assert ("Samuel Ginsberg", "Samuel Ginzburg") in pairs
    assert ("Pyotr Kapitsa", "Pyotr Kapitza") in pairs
    assert len(pairs) == 2


# ---------------------------------------------------------------- with the model

def _mention(out, text):
    return next(m for m in out.mentions if m.text == text)


def _entity(out, name):
    return next(e for e in out.entities if e.name == name)


@pytest.mark.slow
def test_extract_entities_surname_links_to_earlier_full_name(seed_003):
    _, out = seed_003
    surnames = [m for m in out.mentions if m.text == "Cairncross"]
    assert len(surnames) > 20
    assert all(m.kind == "person" and m.alias_of == "John Cairncross" for m in surnames)
    assert {m.entity_id for m in surnames} == {_entity(out, "John Cairncross").id}


@pytest.mark.slow
def test_extract_entities_gazetteer_corrects_ner(seed_003):
    _, out = seed_003
    assert _mention(out, "MI5").kind == "organisation"
    hmt = _mention(out, "HMT")
    assert hmt.alias_of == "Treasury" and hmt.alias_kind == "abbreviation"
    gccs = _mention(out, "Government Code & Cypher School")
    assert gccs.alias_of == "Government Code and Cypher School"


@pytest.mark.slow
def test_extract_entities_nickname(seed_003):
    _, out = seed_003
    found = {(n, a.name, a.kind) for n, a in out.aliases}     # Harold "Kim" Philby went by Kim
    assert {("Kim Philby", "Harold Philby", "full_name"), ("Kim Philby", "Kim", "epithet")} <= found
    assert _mention(out, "Philby").alias_of == "Kim Philby"


@pytest.mark.slow
def test_extract_entities_code_name_called(seed_003):
    _, out = seed_003
    otto = [m for m in out.mentions if m.text == "Otto"]
    assert otto and all(m.kind == "person" and m.alias_kind == "code_name" for m in otto)
    assert ("Robert", "code_name") in {(a.name, a.kind) for _, a in out.aliases}


@pytest.mark.slow
def test_extract_entities_birth_name(extract):
    out = extract("Walter Krivitsky (born Samuel Ginsberg) defected to the West in 1937.")
    assert ("Walter Krivitsky", Alias("Samuel Ginsberg", "birth_name", None, "text")) in out.aliases
    assert _mention(out, "Samuel Ginsberg").alias_of == "Walter Krivitsky"


@pytest.mark.slow
def test_extract_entities_maiden_and_married_names(extract):
    out = extract("Jane Sissmore (now Archer) ran the Soviet section of MI5. "
                  "Later, Kathleen Archer, née Smith, joined MI5.")
    found = {(n, a.name, a.kind) for n, a in out.aliases}
    assert ("Jane Sissmore", "Jane Archer", "married_name") in found
    assert ("Kathleen Archer", "Kathleen Smith", "birth_name") in found


@pytest.mark.slow
def test_extract_entities_code_names_after_a_person(extract):
    out = extract("The KGB ran Kim Philby, codenamed Stanley, for thirty years. "
                  "Guy Burgess, alias Hicks, was also on its books. "
                  "Later Richard Sorge worked under the name Ramsay in Tokyo.")
    found = {(n, a.name, a.kind) for n, a in out.aliases}
    assert ("Kim Philby", "Stanley", "code_name") in found
    assert ("Guy Burgess", "Hicks", "code_name") in found
    assert ("Richard Sorge", "Ramsay", "code_name") in found


@pytest.mark.slow
def test_extract_entities_transliterations_are_proposed_not_merged(extract):
    out = extract("Pyotr Kapitza returned to Moscow in 1934. Pyotr Kapitsa never left again.")
    names = {e.name for e in out.entities}
    assert {"Pyotr Kapitza", "Pyotr Kapitsa"} <= names          # two entities, not merged
    assert ("Pyotr Kapitza", "Pyotr Kapitsa", "transliteration") in {
        (n, a.name, a.kind) for n, a in out.aliases}


@pytest.mark.slow
def test_extract_entities_known_entities_win(extract):
    known = [Entity("e-jc", "John Cairncross", "person", [Alias("Liszt", "code_name")])]
    out = extract("Liszt met his controller. Cairncross was nervous.", known_entities=known)
    liszt = _mention(out, "Liszt")
    assert liszt.entity_id == "e-jc" and liszt.alias_kind == "code_name"
    assert _mention(out, "Cairncross").entity_id == "e-jc"
    assert known[0].aliases == [Alias("Liszt", "code_name")]     # the caller's list is untouched


def test_extract_entities_same_surname_is_not_a_transliteration():
    assert transliteration_candidates(["Jane Archer", "John Archer"]) == []


@pytest.mark.slow
def test_extract_entities_birth_name_after_place(extract):
    out = extract("Walter Krivitsky was a GRU officer. "
                  "Krivitsky had been born in Poland, as Samuel Ginzburg, in June 1899.")
    assert ("Walter Krivitsky", "Samuel Ginzburg", "birth_name") in {
        (n, a.name, a.kind) for n, a in out.aliases}


@pytest.mark.parametrize("name, kept", [
    ("Army of the Potomac on July 26", "Army of the Potomac"),
    ("Valéry Giscard d'Estaing", "Valéry Giscard d'Estaing"),
    ("Abu Bakr al-Baghdadi", "Abu Bakr al-Baghdadi"),
    ("Ursula von der Leyen", "Ursula von der Leyen"),
    ("Commission for combating sabotage", "Commission"),
])
def test_extract_entities_names_end_before_a_lowercase_word(name, kept):
    from collingwood.extract.entities import _cut_at_lowercase

    assert name[:_cut_at_lowercase(name, 0, len(name))] == kept


def test_extract_entities_gazetteer_name_drops_a_leading_the():
    west = organisations()["the West"]
    assert west.name == "West" and "the West" in {a.name for a in west.aliases}
