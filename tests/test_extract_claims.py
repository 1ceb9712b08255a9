"""Clauses -> claims (rules-spacy@1), the registry and the JSON-lines records."""

from __future__ import annotations

import pytest

from collingwood.errors import ConfigError
from collingwood.extract import claim_record, mention_record, registry
from collingwood.extract.registry import ExtractInput, ExtractOutput
from collingwood.model import Claim, Mention


# ---------------------------------------------------------------- registry (no model)

class _Echo:
    name = "echo"
    version = 2

    def extract(self, doc: ExtractInput) -> ExtractOutput:
        return ExtractOutput(claims=[Claim(doc.source_id, 0, 4, doc.text[:4], "A", "knew", "B",
                                           extracted_by="echo@2")])


def test_extract_claims_registry_register_and_get():
    registry.register(_Echo)
    assert "echo@2" in registry.available() and "rules-spacy@1" in registry.available()
    out = registry.get("echo@2").extract(ExtractInput("s", "text here"))
    assert out.claims[0].quote == "text"


def test_extract_claims_registry_unknown_name():
    with pytest.raises(ConfigError, match="rules-spacy@1"):
        registry.get("nope@9")


def test_extract_claims_registry_entry_points(monkeypatch):
    class _EP:
        name, value = "plug@1", "pkg:Plug"

        def load(self):
            return _Echo

    monkeypatch.setattr(registry, "_discovered", False)
    monkeypatch.setattr(registry, "entry_points", lambda group: [_EP()] if group == registry.GROUP else [])
    monkeypatch.delitem(registry._factories, "plug@1", raising=False)
    assert "plug@1" in registry.available()
    assert registry.get("plug@1").name == "echo"


def test_extract_claims_records_shape():
    m = Mention("s", 0, 10, "Cairncross", "person", "e-1", "variant", "John Cairncross")
    assert mention_record(m) == {"type": "mention", "start": 0, "end": 10, "text": "Cairncross",
                                 "kind": "person", "entity": "e-1", "alias_kind": "variant",
                                 "alias_of": "John Cairncross"}
    c = Claim("s", 0, 10, "Cairncross", "A", "knew", "B")
    assert claim_record(c)["type"] == "claim" and claim_record(c)["span"] == [0, 10]


# ---------------------------------------------------------------- seed 003, the Cairncross confession

@pytest.mark.slow
def test_extract_claims_cairncross_recruited_by_klugmann(seed_003, claims_of):
    text, out = seed_003
    told = [c for c in claims_of(out, "recruited", "James Klugmann", "John Cairncross")
            if "tells Martin that he was recruited by Klugmann" in c.quote]
    assert len(told) == 1
    c = told[0]
    assert (c.asserted_by, c.reported_by) == ("John Cairncross", "Arthur Martin")
    assert c.time.earliest == "1936-01-01" and c.time.latest == "1936-12-31"
    assert c.polarity == "affirmed" and c.extracted_by == "rules-spacy@1" and c.status == "proposed"


@pytest.mark.slow
def test_extract_claims_cairncross_did_not_know(seed_003, claims_of):
    _, out = seed_003
    knew = [c for c in claims_of(out, "knew", "John Cairncross")
            if c.quote.startswith("Cairncross says he did not know Burgess or Maclean")]
    assert {c.object for c in knew} == {"Guy Burgess", "Donald Maclean"}
    assert all(c.polarity == "denied" and c.asserted_by == "John Cairncross" for c in knew)


@pytest.mark.slow
def test_extract_claims_spans_are_exact(seed_003):
    text, out = seed_003
    assert out.claims
    for c in out.claims:
        assert text[c.start:c.end] == c.quote and 0 < c.confidence <= 1
    for m in out.mentions:
        assert text[m.start:m.end] == m.text


@pytest.mark.slow
def test_extract_claims_seed_003_prepositional_objects(seed_003, claims_of):
    _, out = seed_003
    assert claims_of(out, "transferred", "John Cairncross", "Treasury")[0].time.earliest == "1938-01-01"
    assert claims_of(out, "worked_at", "John Cairncross", "Foreign Office")     # joined an employer: a post
    assert claims_of(out, "studied_at", "John Cairncross", "University of Cambridge")


# ---------------------------------------------------------------- patterns on short passages

def _triples(out):
    return {(c.subject, c.predicate, c.object) for c in out.claims}


@pytest.mark.slow
def test_extract_claims_passive_voice(extract):
    out = extract("John Cairncross studied modern languages. He was recruited by James Klugmann in 1937.")
    (c,) = out.claims
    assert (c.subject, c.predicate, c.object) == ("James Klugmann", "recruited", "John Cairncross")
    assert c.time.earliest == "1937-01-01"


@pytest.mark.slow
def test_extract_claims_passive_with_preposition(extract):
    out = extract("In 1944 Anthony Blunt was transferred to the War Office.")
    assert _triples(out) == {("Anthony Blunt", "transferred", "War Office")}


@pytest.mark.slow
def test_extract_claims_prepositional_objects(extract):
    out = extract("Walter Krivitsky defected to the West in 1937. Guy Burgess worked at the BBC. "
                  "Donald Maclean joined the Foreign Office in 1935. "
                  "Kim Philby arrived in Beirut in 1956.")
    triples = _triples(out)
    assert ("Walter Krivitsky", "defected_to", "West") in triples
    assert ("Guy Burgess", "worked_at", "BBC") in triples
    assert ("Donald Maclean", "worked_at", "Foreign Office") in triples
    assert ("Kim Philby", "arrived_in", "Beirut") in triples


@pytest.mark.slow
def test_extract_claims_place_of_the_act(extract):
    out = extract("Guy Burgess met Anthony Blunt in Cambridge in 1933.")
    (c,) = out.claims
    assert (c.predicate, c.place, c.time.earliest) == ("met", "Cambridge", "1933-01-01")


@pytest.mark.slow
def test_extract_claims_copula_member(extract):
    out = extract("Anthony Blunt was a member of the Communist Party of Great Britain.")
    assert _triples(out) == {("Anthony Blunt", "member_of", "Communist Party of Great Britain")}


@pytest.mark.slow
def test_extract_claims_death_without_place(extract):
    out = extract("John Cairncross lived in France. Cairncross died on 8 October 1995.")
    died = [c for c in out.claims if c.predicate == "died"]
    assert [(c.subject, c.object, c.time.earliest) for c in died] == [("John Cairncross", None, "1995-10-08")]


@pytest.mark.slow
def test_extract_claims_drop_generic_subjects(extract):
    out = extract("The Russians recruited Guy Burgess. Someone warned Donald Maclean in 1951. "
                  "They met Kim Philby in Beirut.")
    assert out.claims == []


@pytest.mark.slow
def test_extract_claims_ambiguous_pronoun_is_left_alone(extract):
    out = extract("Guy Burgess and Donald Maclean were friends. He met Kim Philby in 1940.")
    assert not [c for c in out.claims if c.predicate == "met"]


@pytest.mark.slow
def test_extract_claims_pronoun_resolved_when_unambiguous(extract):
    out = extract("Kim Philby joined MI6 in 1940. In 1963 he defected to Moscow.")
    assert ("Kim Philby", "defected_to", "Moscow") in _triples(out)
    c = next(c for c in out.claims if c.predicate == "defected_to")
    assert c.confidence < 0.85


@pytest.mark.slow
def test_extract_claims_tried_or_would_is_not_a_fact(extract):
    out = extract("Guy Burgess tried to recruit Goronwy Rees. Burgess would have joined MI6 if asked.")
    assert out.claims == []


@pytest.mark.slow
def test_extract_claims_conjoined_subjects(extract):
    out = extract("In 1951 Guy Burgess and Donald Maclean defected to the Soviet Union.")
    assert {c.subject for c in out.claims} == {"Guy Burgess", "Donald Maclean"}
    assert all(c.time.earliest == "1951-01-01" for c in out.claims)


@pytest.mark.slow
def test_extract_claims_post_of_an_organisation(extract):
    out = extract("In 1918 Grigory Petrovsky was appointed as head of the Cheka. "
                  "Vladimir Putin, a former KGB officer, kept the date. "
                  "Guy Burgess worked as a producer for the BBC.")
    triples = _triples(out)
    assert ("Grigory Petrovsky", "appointed", "Cheka") in triples
    assert ("Vladimir Putin", "worked_at", "KGB") in triples
    assert ("Guy Burgess", "worked_at", "BBC") in triples


@pytest.mark.slow
def test_extract_claims_citation_marks_split_sentences(extract):
    text = "Marshall resigned.[37] Kim Philby met Guy Burgess in 1940.[38] Nothing else happened."
    (c,) = [c for c in extract(text).claims if c.predicate == "met"]
    assert c.quote == "Kim Philby met Guy Burgess in 1940"     # the clause, not its citation mark


# ---------------------------------------------------------------- posts, coordination, lone dates

@pytest.mark.slow
def test_extract_claims_post_named_by_a_compound_chain_and_conjunct(extract):
    out = extract("Aldrich Ames was a CIA counterintelligence officer and analyst. "
                  "Igor Gouzenko, a GRU cipher clerk, defected in 1945.")
    triples = _triples(out)
    assert ("Aldrich Ames", "worked_at", "CIA") in triples
    assert ("Igor Gouzenko", "worked_at", "GRU") in triples


@pytest.mark.slow
def test_extract_claims_conjoined_apposition(extract):
    out = extract("Juliet Poyntz, an American communist and founding member of the Communist Party "
                  "of the United States, vanished in New York.")
    (c,) = [c for c in out.claims if c.predicate == "member_of"]
    assert c.subject == "Juliet Poyntz" and c.object.startswith("Communist Party")
    assert c.time is None


@pytest.mark.slow
def test_extract_claims_inverted_copula_post(extract):
    out = extract("The first head of the 4th Directorate was Janis Berzin, a former member of the "
                  "Cheka. Members of the Cheka were Bolshevik.")
    triples = _triples(out)
    assert ("Janis Berzin", "headed", "4th Directorate") in triples
    assert ("Janis Berzin", "member_of", "Cheka") in triples
    assert all(c.subject == "Janis Berzin" for c in out.claims)


@pytest.mark.slow
def test_extract_claims_post_with_the_name_in_apposition(extract):
    out = extract("In 1938 the head of the NKVD, Lavrentiy Beria, arrested Nikolai Yezhov.")
    c = next(c for c in out.claims if c.predicate == "headed")
    assert (c.subject, c.object, c.time) == ("Lavrentiy Beria", "NKVD", None)


@pytest.mark.slow
def test_extract_claims_apposition_to_a_pronoun_is_left_alone(extract):
    out = extract("Ismail Akhmedov defected to Turkey in 1942. In 1948 he was interviewed by the "
                  "first secretary at the consulate, in reality the station chief of the SIS, Kim Philby.")
    assert not [c for c in out.claims if c.predicate == "worked_at" and c.subject == "Ismail Akhmedov"]


@pytest.mark.slow
def test_extract_claims_coordinated_passive_verbs(extract):
    out = extract("Yan Berzin was arrested and executed in 1938.")
    (c,) = [c for c in out.claims if c.predicate == "executed"]
    assert (c.subject, c.object, c.time.earliest) == ("Yan Berzin", None, "1938-01-01")


@pytest.mark.slow
def test_extract_claims_a_date_after_in_does_not_block_a_lone_act(extract):
    out = extract("Josef Jakobs was executed in 1941. Walter Krivitsky died in a Washington hotel.")
    died = sorted((c.subject, c.time.earliest if c.time else None) for c in out.claims
                  if c.predicate in ("died", "executed"))
    # an unnamed place ('a Washington hotel') no longer blocks the death: it stands, undated
    assert died == [("Josef Jakobs", "1941-01-01"), ("Walter Krivitsky", None)]


@pytest.mark.slow
def test_extract_claims_long_comma_list_is_not_parsed(extract):
    names = ", ".join(f"Name{i} Surname{i}" for i in range(30))
    text = f"Chairman – Felix Dzerzhinsky, other members – {names}, headed the Petrograd Department."
    assert not [c for c in extract(text).claims if c.predicate == "worked_at"]


def test_a_date_with_no_year_to_value_it_is_no_object(extract):
    """News gives 'On March 4' and leaves the year to the dateline; with no dateline the date
    has no value, and still it is a date: never the object of the act."""
    out = extract("On March 4, Anna Berg, director of the Northern Bureau, offered rare public "
                  "remarks during her visit to Oslo.")
    assert all(c.object != "March 4" for c in out.claims)
    assert any(c.subject == "Anna Berg" and c.predicate == "headed" for c in out.claims)
