"""The audit trail on SQLite and PostgreSQL: every change keeps who, when, and the rows before
and after it, in the transaction of the change; undo puts the before back (audited itself)
and refuses, with a coded error, a change that later changes depend on."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from case_state import canonical
from collingwood.case import Case
from collingwood.cli import app
from collingwood.errors import NotFound, UndoRefused

runner = CliRunner()
TEXT = "---\ntitle: Note\nkind: note\n---\nKlugmann recruited Cairncross in 1936. Blunt met Burgess.\n"
BOOK = ("claims:\n  - {subject: James Klugmann, predicate: recruited, object: John Cairncross,"
        " when: '1936', source: note.md, quote: Klugmann recruited Cairncross in 1936}\n")
ENTITIES = "entities:\n  - {name: James Klugmann, kind: person, aliases: [Klugmann]}\n"


@pytest.fixture
def case(tmp_path, case_url):
    src = tmp_path / "src"
    src.mkdir()
    (src / "note.md").write_text(TEXT, encoding="utf-8")
    (src / "a.casebook.yaml").write_text(BOOK, encoding="utf-8")
    (src / "entities.yaml").write_text(ENTITIES, encoding="utf-8")
    c = Case.open(case_url, create=True)
    c.ingest([src])
    yield c
    c.store.dispose()


def _last(c: Case) -> dict:
    return c.audit(limit=1)[0]


def test_every_kind_of_change_is_audited_with_before_and_after(case):
    actions = {e["action"] for e in case.audit()}
    assert {"add_source", "add_entity", "add_claims"} <= actions
    src = next(e for e in case.audit() if e["action"] == "add_source")
    assert src["before"] == {} and src["after"]["sources"][0]["title"] == "Note"
    assert "text" not in src["after"]["sources"][0], "a source's text is not copied into the log"
    assert src["after"]["source_names"][0]["path"].endswith("note.md")
    ent = next(e for e in case.audit() if e["action"] == "add_entity")
    assert ent["after"]["aliases"][0]["name"] == "Klugmann" and ent["after"]["aliases"][0]["id"]

    (claim,) = case.claims()
    case.review(claim.id, "rejected", "misread")
    e = _last(case)
    assert (e["action"], e["target"], e["actor"]) == ("set_claim_status", claim.id, "analyst")
    (before,), (after,) = e["before"]["claims"], e["after"]["claims"]     # a review is a new version
    assert (before["id"], before["status"], before["version"]) == (claim.id, claim.status, claim.version)
    assert (after["id"], after["status"], after["version"]) == (claim.id, "rejected", claim.version + 1)
    assert e["after"]["claim_versions"] == [{"claim_id": claim.id, "version": claim.version}]
    assert e["at"] and e["note"]["note"] == "misread"

    case.set_verdict("f-1", "explained", "a typo")
    case.set_verdict("f-1", "confirmed")
    e = _last(case)
    assert e["before"]["verdicts"][0]["verdict"] == "explained"
    assert e["after"]["verdicts"][0]["verdict"] == "confirmed"
    case.add_curation("merge", "Klugmann", "James Klugmann")
    assert _last(case)["after"]["curation"][0]["a"] == "Klugmann"
    case.store.add_judgment("Klugmann", "grade", "B2", "a careful witness")
    assert _last(case)["after"]["judgments"][0]["value"] == "B2"
    case.store.set_meta("title", "Cambridge")
    assert _last(case)["after"] == {"meta": [{"key": "title", "value": "Cambridge"}]}
    assert [e["target"] for e in case.audit(target="f-1")] == ["f-1", "f-1"]


def test_an_extractors_batch_is_audited_with_its_ids_and_undone(case):
    from collingwood.model import Mention
    store = case.store
    sid = case.sources()[0].id
    before = canonical(case.path)
    text = case.sources()[0].text
    at = text.index("Blunt")
    store.replace_extracted(sid, "x@1", [Mention(source_id=sid, start=at, end=at + 5, text="Blunt",
                                                 kind="person", extracted_by="x@1")], [], [], rules="r")
    e = _last(case)
    assert e["action"] == "extract" and list(e["after"]["mentions"][0]) == ["id"]
    assert case.mentions()
    case.undo(e["id"])
    assert case.mentions() == [] and canonical(case.path) == before
    assert _last(case)["action"] == "undo"


def test_undo_puts_back_the_state_before_and_is_audited(case):
    (claim,) = case.claims()
    start = canonical(case.path)
    case.review(claim.id, "rejected")
    case.set_verdict("f-1", "explained")
    verdict = _last(case)["id"]
    undo = case.undo(verdict)
    assert undo["action"] == "undo" and undo["target"] == str(verdict)
    assert case.store.verdicts() == {}
    case.undo(next(e["id"] for e in case.audit() if e["action"] == "set_claim_status"))
    assert canonical(case.path) == start
    # the undo of an undo makes the change again
    case.undo(undo["id"])
    assert case.store.verdicts() == {"f-1": ("explained", "")}


def test_undo_is_refused_when_later_changes_depend_on_it(case):
    (claim,) = case.claims()
    case.review(claim.id, "rejected")
    first = _last(case)["id"]
    case.review(claim.id, "proposed")
    with pytest.raises(UndoRefused, match=f"changed later by audit entry {first + 1}"):
        case.undo(first)
    add_source = next(e["id"] for e in case.audit() if e["action"] == "add_source")
    with pytest.raises(UndoRefused, match="still refer to source"):
        case.undo(add_source)          # the claims and names of the source came with later changes
    last = _last(case)["id"]
    case.undo(last)
    with pytest.raises(UndoRefused):
        case.undo(last)                # undone already
    with pytest.raises(NotFound):
        case.undo(10_000)


def test_an_analysis_run_is_not_undone_but_made_again(case):
    from collingwood import analysis_run
    analysis_run.results(case, force=True)
    entry = _last(case)
    assert entry["action"] == "analysis_run"
    with pytest.raises(UndoRefused, match="made again"):
        case.undo(entry["id"])


def test_the_audit_and_undo_commands(case):
    where = case.path
    (claim,) = case.claims()
    assert runner.invoke(app, ["review", where, claim.id, "reject"]).exit_code == 0
    r = runner.invoke(app, ["audit", where, "--json", "--limit", "1"])
    assert r.exit_code == 0, r.output
    (row,) = [json.loads(x) for x in r.output.splitlines()]
    assert set(row) == {"id", "at", "actor", "action", "target", "before", "after"}
    assert row["after"]["claims"][0]["status"] == "rejected"
    table = runner.invoke(app, ["audit", where, "--target", claim.id])
    assert table.exit_code == 0 and "set_claim" in table.output and "~1 claims" in table.output
    r = runner.invoke(app, ["undo", where, str(row["id"])])
    assert r.exit_code == 0 and f"Undid change {row['id']}" in r.output, r.output
    assert [c.status for c in case.claims()] == [claim.status]
    r = runner.invoke(app, ["undo", where, str(row["id"])])
    assert r.exit_code == 4 and "undo-refused" in r.output and "Traceback" not in r.output
