"""The dev-gold bench's matcher (bench/claims_gold_score.py): the README's matching rule, no spaCy."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))

import claims_gold_score as sc  # noqa: E402

PREDS = sc.PredicateTable.load(BENCH / "gold_predicates.yaml")

GOLDS = [
    {"source": "a.md",
     "aliases": [{"name": "Yazkov", "of": "Anatoly Yatskov", "kind": "transliteration", "quote": "Yazkov"},
                 {"name": "FIVA", "of": "Association of KGB Veterans (FIVA)", "kind": "abbreviation",
                  "quote": "FIVA"}],
     "facts": []},
    {"source": "b.md",
     "aliases": [{"name": "Kim", "of": "Kim Philby", "kind": "epithet", "quote": "Kim"}], "facts": []},
]


def ctx(entities=(), authors=None):
    return sc.Context(gnames=sc.gold_names(GOLDS), snames=sc.system_names(list(entities)), preds=PREDS,
                      authors=authors or {})


def day(y, m, d):
    return {"earliest": f"{y:04d}-{m:02d}-{d:02d}", "latest": f"{y:04d}-{m:02d}-{d:02d}"}


def span(a, b):
    return {"earliest": a, "latest": b}


def fact(**kw):
    base = {"id": "t-F01", "subject": "Anatoly Yatskov", "predicate": "met", "object": "Lee Harvey Oswald",
            "place": None, "time": None, "asserted_by": None, "polarity": "positive", "hedged": False,
            "quote": "Yazkov met Oswald"}
    return base | kw


def claim(**kw):
    base = {"id": "c-1", "subject": "Anatoly Yatskov", "predicate": "met", "object": "Lee Harvey Oswald",
            "time": None, "place": None, "polarity": "affirmed", "modality": "asserted", "asserted_by": None,
            "quote": "Yazkov met Oswald", "span": [0, 17]}
    return base | kw


# ---- time (rule 4)

def test_time_null_gold_accepts_anything():
    assert sc.time_ok(None, None)
    assert sc.time_ok(None, day(1963, 9, 27))


def test_time_needs_a_system_time_when_gold_is_dated():
    assert not sc.time_ok({"earliest": date(1963, 9, 27), "latest": date(1963, 9, 28)}, None)


def test_time_overlap_and_twice_the_width():
    gold = {"earliest": date(1963, 9, 27), "latest": date(1963, 9, 28)}     # two days
    assert sc.time_ok(gold, day(1963, 9, 28))
    assert sc.time_ok(gold, span("1963-09-26", "1963-09-29"))             # four days: 2x
    assert not sc.time_ok(gold, span("1963-09-26", "1963-09-30"))         # five days: too wide
    assert not sc.time_ok(gold, day(1963, 9, 29))                        # no overlap
    assert not sc.time_ok(gold, span("1963-09-01", "1963-09-30"))         # the month is too wide


def test_time_day_precision_has_width_one():
    gold = {"earliest": date(1995, 10, 8), "latest": date(1995, 10, 8)}
    assert sc.time_ok(gold, day(1995, 10, 8))
    assert sc.time_ok(gold, span("1995-10-08", "1995-10-09"))            # two days = 2x one day
    assert not sc.time_ok(gold, span("1995-10-07", "1995-10-09"))


def test_time_one_sided_gold_checks_only_its_side():
    by_1951 = {"earliest": None, "latest": date(1951, 12, 31)}
    assert sc.time_ok(by_1951, span("1940-01-01", "1940-12-31"))
    assert sc.time_ok(by_1951, span("1900-01-01", "1951-01-01"))         # no width limit on one side
    assert not sc.time_ok(by_1951, span("1952-01-01", "1952-12-31"))
    since = {"earliest": date(2008, 1, 1), "latest": None}
    assert sc.time_ok(since, span("2010-01-01", "2010-12-31"))
    assert not sc.time_ok(since, span("2007-01-01", "2007-12-31"))


def test_time_open_system_interval_is_too_wide_for_a_closed_gold_one():
    gold = {"earliest": date(1936, 1, 1), "latest": date(1936, 12, 31)}
    assert not sc.time_ok(gold, {"earliest": "1936-01-01", "latest": "9999-12-31"})
    assert sc.time_ok({"earliest": date(1936, 1, 1), "latest": None},
                      {"earliest": "1936-01-01", "latest": "9999-12-31"})


# ---- subject and object (rules 1 and 3)

def test_subject_by_gold_alias_of_any_file_and_case_diacritics():
    c = ctx()
    assert sc.matches(claim(subject="YAZKOV"), fact(), "a.md", c)
    assert sc.matches(claim(subject="Anatoly  Yátskov"), fact(), "a.md", c)
    assert not sc.matches(claim(subject="Anatoly Yakovlev"), fact(), "a.md", c)
    assert sc.matches(claim(subject="Kim", object=None, predicate="died"),
                      fact(subject="Kim Philby", predicate="died", object=None), "a.md", c)


def test_subject_by_the_systems_own_aliases():
    ents = [{"name": "Yakovlev", "aliases": [{"name": "Anatoly Yatskov", "kind": "code_name"}]}]
    assert sc.matches(claim(subject="Yakovlev"), fact(), "a.md", ctx(ents))
    assert not sc.matches(claim(subject="Yakovlev"), fact(), "a.md", ctx())


def test_successor_names_do_not_make_the_same_entity():
    ents = [{"name": "FSB", "aliases": [{"name": "KGB", "kind": "predecessor_name"}]}]
    assert not sc.matches(claim(subject="FSB"), fact(subject="KGB"), "a.md", ctx(ents))


def test_a_canonical_names_parenthetical_may_be_left_out():
    f = fact(subject="Association of KGB Veterans (FIVA)", predicate="founded", object=None)
    c = ctx()
    assert sc.matches(claim(subject="Association of KGB Veterans", predicate="founded", object=None), f, "a.md", c)
    assert sc.matches(claim(subject="FIVA", predicate="founded", object=None), f, "a.md", c)


def test_gold_object_null_needs_no_object_or_the_place():
    f = fact(predicate="died", object=None, place="Mexico City")
    c = ctx()
    assert sc.matches(claim(predicate="died", object=None), f, "a.md", c)
    assert sc.matches(claim(predicate="died", object="Mexico City"), f, "a.md", c)
    assert not sc.matches(claim(predicate="died", object="Dallas"), f, "a.md", c)
    assert not sc.matches(claim(predicate="died", object="Dallas"), fact(predicate="died", object=None), "a.md", c)


# ---- asserted_by and polarity (rule 5)

def test_asserted_by_null_is_the_author():
    c = ctx(authors={"a.md": sc.variants("M. D. Stevens")})
    assert sc.matches(claim(asserted_by="M. D. Stevens"), fact(), "a.md", c)
    assert sc.matches(claim(asserted_by=None), fact(), "a.md", c)
    assert not sc.matches(claim(asserted_by="Oleg Nechiperenko"), fact(), "a.md", c)
    assert not sc.matches(claim(asserted_by=None), fact(asserted_by="The Washington Times"), "a.md", c)
    assert sc.matches(claim(asserted_by="Washington Times"), fact(asserted_by="The Washington Times"), "a.md", c)


def test_polarity_must_agree():
    c = ctx()
    assert not sc.matches(claim(polarity="denied"), fact(), "a.md", c)
    assert sc.matches(claim(polarity="denied"), fact(polarity="negative"), "a.md", c)


# ---- predicates (rule 2)

@pytest.mark.parametrize("gold, system", [
    ("headed", "appointed"), ("arrived_in", "travelled_to"), ("interrogated", "interviewed"),
    ("other:visited", "other:visit"), ("other:visited", "visited"), ("contacted", "other:contact"),
    ("other:carried_out_executions", "other:carry"), ("travelled_to", "visited"), ("met", "other:meet"),
    ("dismissed", "other:be_expelled"), ("other:stripped_of", "other:be_stripped"),
])
def test_compatible_predicates(gold, system):
    assert PREDS.orientations(gold, system) == {"direct"}


@pytest.mark.parametrize("gold, system", [
    ("headed", "worked_at"), ("died", "born"), ("other:visited", "other:vote"), ("met", "knew"), ("met", None),
    ("other:be_born", "other:be_expelled"),
])
def test_incompatible_predicates(gold, system):
    assert not PREDS.orientations(gold, system)


def test_inverse_predicates_swap_the_roles():
    c = ctx()
    f = fact(subject="Aldrich Ames", predicate="arrested", object="FBI")
    assert sc.matches(claim(subject="FBI", predicate="arrested", object="Aldrich Ames"), f, "a.md", c)
    assert not sc.matches(claim(subject="Aldrich Ames", predicate="arrested", object="FBI"), f, "a.md", c)
    founded = fact(subject="Sovnarkom", predicate="founded", object="Cheka")
    assert sc.matches(claim(subject="Cheka", predicate="founded_by", object="Sovnarkom"), founded, "a.md", c)
    one_place = fact(subject="Petrograd Cheka", predicate="founded", object=None)
    assert sc.matches(claim(subject="Petrograd Cheka", predicate="founded_by", object=None), one_place, "a.md", c)


# ---- at most once, quotes, causes

def test_each_gold_fact_is_matched_at_most_once():
    assert sc.max_matching({0: [0, 1], 1: [0]}) == {1: 0, 0: 1}
    assert sc.max_matching({0: [0], 1: [0]}) in ({0: 0}, {1: 0})
    text = "Yazkov met Oswald. Yazkov met Oswald again."
    facts = [fact(), fact(id="t-F02", object="Oswald's wife")]
    claims = [claim(id="c-1"), claim(id="c-2", quote="Yazkov met Oswald again.", span=[19, 43])]
    s = sc.score_text("a.md", text, facts, claims, ctx())
    assert s.matched == {"t-F01": "c-1"}                       # two claims, one fact: one match
    assert sc.precision(s) == (1, 2)                           # the repeat counts against precision
    assert s.causes == {"t-F02": "wrong object"}


def test_quotes_are_located_ignoring_whitespace():
    loc = sc.Located("HE SAID THAT\n   OSWALD WENT\nTO MEXICO.")
    [found] = loc.find_all("THAT OSWALD  WENT\tTO")
    assert loc.original(found) == (8, 30)
    assert loc.find_all("OSWALD WENT TO CUBA") == []


def test_claims_are_placed_past_front_matter_and_causes_name_the_passage():
    text = "Intro.\n\nKlugmann recruited Cairncross in 1936. Later he left."
    f = fact(subject="James Klugmann", predicate="recruited", object="John Cairncross",
             quote="Klugmann recruited\nCairncross in 1936.")
    far = fact(id="t-F02", subject="X", predicate="other:went", object=None, quote="Later he left.")
    c = claim(subject="James Klugmann", predicate="recruited", object="Cairncross",
              quote="Klugmann recruited Cairncross in 1936.", span=[0, 38])   # offsets of the stored text
    s = sc.score_text("a.md", text, [f, far], [c], ctx([{"name": "John Cairncross",
                                                          "mentioned_as": [{"text": "Cairncross"}]}]))
    assert s.matched == {"t-F01": "c-1"}
    assert s.covered == ["c-1"]
    assert s.causes == {"t-F02": "no claim on the passage: other:*"}


def test_alias_found_needs_the_name_on_the_right_entity():
    g = sc.gold_names(GOLDS)
    al = GOLDS[0]["aliases"][0]
    right = sc.system_names([{"name": "Anatoly Yatskov", "mentioned_as": [{"text": "YAZKOV"}]}], for_aliases=True)
    wrong = sc.system_names([{"name": "Yazkov"}, {"name": "Anatoly Yatskov"}], for_aliases=True)
    assert sc.alias_found(al, g, right)
    assert not sc.alias_found(al, g, wrong)


def test_conflict_found_when_one_finding_links_both_quotes():
    loc = sc.Located("A said 1937. B said 1938.")
    texts = {"a.md": loc}
    spans = {"a.md": {"c-1": [(0, 12)], "c-2": [(13, 25)]}}
    pair = {"a": {"source": "a.md", "quote": "A said 1937."}, "b": {"source": "a.md", "quote": "B said 1938."}}
    both = {"id": "f-1", "claims": [{"claim_id": "c-1"}, {"claim_id": "c-2"}]}
    one = {"id": "f-2", "claims": [{"claim_id": "c-1"}]}
    assert sc.conflict_found(pair, [both, one], spans, texts) == ["f-1"]
    elsewhere = {"a.md": {"c-1": [(40, 50), (0, 12)], "c-2": [(13, 25)]}}  # c-1 matched the fact of quote a
    assert sc.conflict_found(pair, [both], elsewhere, texts) == ["f-1"]
    assert sc.conflict_found(pair, [both], {"a.md": {"c-1": [(40, 50)], "c-2": [(13, 25)]}}, texts) == []


def test_repeats_count_covered_claims_that_lost_their_fact():
    text = "Yazkov met Oswald. Yazkov met Oswald again."
    claims = [claim(id="c-1"), claim(id="c-2", quote="Yazkov met Oswald again.", span=[19, 43])]
    facts = [fact(quote="Yazkov met Oswald. Yazkov met Oswald again.")]
    s = sc.score_text("a.md", text, facts, claims, ctx())
    assert sc.precision(s) == (1, 2)
    assert sc.repeats(s, ctx()) == 1


def test_a_canonical_name_means_its_own_entity_not_every_bearer_of_a_surface_form():
    ents = [{"name": "Lee Harvey Oswald", "mentioned_as": [{"text": "Oswald"}]},
            {"name": "Marina Oswald", "mentioned_as": [{"text": "Oswald"}]}]
    c = ctx(ents)
    f = fact(subject="Marina Oswald", predicate="died", object=None)
    assert not sc.matches(claim(subject="Lee Harvey Oswald", predicate="died", object=None), f, "a.md", c)
    assert sc.matches(claim(subject="Marina Oswald", predicate="died", object=None), f, "a.md", c)


def test_entities_resolve_joined_across_sources_share_their_names():
    """An entity of one source that resolve joined with another's (its `case_entity`) stands
    for the names of both; an entity joined with nobody keeps its own."""
    ents = [{"name": "Lee Harvey Oswald", "case_entity": {"id": "e-1"}},
            {"name": "Oswald", "mentioned_as": [{"text": "OSWALD"}], "case_entity": {"id": "e-1"}},
            {"name": "Marina Oswald", "case_entity": {"id": "e-2"}}]
    c = ctx(ents)
    f = fact(subject="Lee Harvey Oswald", predicate="died", object=None)
    assert sc.matches(claim(subject="Oswald", predicate="died", object=None), f, "a.md", c)
    assert not sc.matches(claim(subject="Marina Oswald", predicate="died", object=None), f, "a.md", c)


def test_cli_entities_json_lists_the_surface_forms_linked_to_each_entity(tmp_path):
    import json

    from typer.testing import CliRunner

    from collingwood.case import Case
    from collingwood.cli import app
    from collingwood.model import Mention

    runner = CliRunner()
    case = tmp_path / "x.case"
    src = tmp_path / "note.md"
    src.write_text("---\ntitle: Note\nkind: note\n---\nDeutsch, called Otto, met Philby.\n")
    ents = tmp_path / "entities.yaml"
    ents.write_text("entities:\n  - name: Arnold Deutsch\n")
    assert runner.invoke(app, ["ingest", str(case), str(src), str(ents)]).exit_code == 0
    c = Case.open(case)
    [eid] = [e.id for e in c.entities()]
    sid = c.sources()[0].id
    with c.store.transaction() as conn:
        c.store.add_mentions([Mention(sid, 0, 7, "Deutsch", "person", eid, "variant", "Arnold Deutsch", "x"),
                              Mention(sid, 16, 20, "Otto", "person", eid, "code_name", "Arnold Deutsch", "x"),
                              Mention(sid, 40, 47, "Deutsch", "person", eid, "variant", "Arnold Deutsch", "x")],
                             conn)
    [row] = [json.loads(x) for x in runner.invoke(app, ["entities", str(case), "--json"]).output.splitlines()]
    assert row["mentioned_as"] == [{"text": "Deutsch", "alias_kind": "variant"},
                                   {"text": "Otto", "alias_kind": "code_name"}]


def test_post_objects_compare_with_the_body_whose_post_they_are():
    assert sc.post_bodies("head of the All-Ukrainian Central Military Revolutionary Committee") == [
        "All-Ukrainian Central Military Revolutionary Committee"]
    assert sc.post_bodies("State Department (Legal Adviser)") == ["State Department"]
    assert sc.post_bodies("Cheka") == []
