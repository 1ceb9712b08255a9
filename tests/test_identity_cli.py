"""End to end through the CLI on the demo case: a verdict, a review, an edit, a merge, a grade and a
rating survive `extract --force`, new extractor rules and re-analysis; ids do not move; a stale
edit is a coded error, not a traceback (issue 12, point 2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from collingwood.case import Case
from collingwood.cli import app

runner = CliRunner()
pytestmark = pytest.mark.slow
DEMO = Path(__file__).resolve().parents[1] / "examples" / "demo"


def ok(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def jsonl(*args: str) -> list[dict]:
    return [json.loads(line) for line in ok(*args).splitlines() if line.strip()]


def state(case: str) -> tuple[dict, dict]:
    ok("analyse", case)
    claims = {c["id"]: c for c in jsonl("claims", case, "--json", "--all")}
    findings = {f["id"]: (f["verdict"], f["note"], sorted(x["claim_id"] for x in f["claims"]))
                for f in jsonl("findings", case, "--json")}
    return claims, findings


def test_decisions_survive_re_extraction_new_rules_and_re_analysis(tmp_path, monkeypatch):
    case = str(tmp_path / "demo.case")
    ok("ingest", case, str(DEMO))
    ok("extract", case)
    ok("analyse", case)
    claims = {c["id"]: c for c in jsonl("claims", case, "--json")}
    assert all(c["version"] == 1 for c in claims.values())
    machine = sorted((c for c in claims.values() if c["extracted_by"] != "analyst"), key=lambda c: c["id"])

    # a merge of a name the extractor linked into another entity the case knows
    c = Case.open(case)
    _, res = c.resolved()
    people = sorted({m["subject"] for m in machine if res.entities[res.subject_of[m["id"]]].kind == "person"})
    name, same_as = next((a, b) for a in people for b in people
                         if a < b and res.find(a) != res.find(b) and res.find(b))
    ok("merge", case, name, same_as)

    # a verdict on a finding the machine's claims make, a review, a rejection and an edit elsewhere
    ok("analyse", case)
    found = jsonl("findings", case, "--json")
    finding = next(f for f in found if all(claims[x["claim_id"]]["extracted_by"] != "analyst" for x in f["claims"]))
    ok("verdict", case, finding["id"], "explained", "--note", "the two sources use different calendars")
    in_finding = {x["claim_id"] for x in finding["claims"]}
    preds = {claims[i]["predicate"] for i in in_finding}
    accept, reject, edit = [m for m in machine if m["id"] not in in_finding and m["predicate"] not in preds][:3]
    ok("review", case, accept["id"], "accept")
    ok("review", case, reject["id"], "reject", "--note", "a misreading")
    edited = json.loads(ok("edit", case, edit["id"], "--version", "1", "--set", "when=autumn 1939",
                           "--set", "note=per the second source", "--json"))
    assert edited["version"] == 2 and edited["time"]["text"] == "autumn 1939" and edited["id"] == edit["id"]

    # a grade of a witness and a rating of a matrix cell, against the machine's
    witness = jsonl("witnesses", case, "--json")[0]
    grade = "A" if witness["grade"] != "A" else "C"
    ok("judge", case, witness["witness"], "grade", grade, "--note", "the archive bears them out")
    (matrix,) = jsonl("hypotheses", case, "--json")
    cell = matrix["cells"][0]
    rating = "II" if cell["rating"] != "II" else "CC"
    ok("rate", case, cell["hypothesis"], cell["evidence"], rating, "--note", "read in full")

    before = state(case)
    ok("extract", case, "--force")
    after = state(case)
    assert after == before                                    # ids, versions, statuses, findings, verdict
    claims, findings = after
    assert findings[finding["id"]][:2] == ("explained", "the two sources use different calendars")
    assert claims[accept["id"]]["status"] == "accepted" and claims[accept["id"]]["version"] == 2
    assert claims[reject["id"]]["status"] == "rejected"
    assert claims[edit["id"]]["time"]["text"] == "autumn 1939" and claims[edit["id"]]["edited_by"] == "analyst"
    _, res = Case.open(case).resolved()
    assert res.find(name) == res.find(same_as)                # the merge holds
    graded = {w["witness"]: w for w in jsonl("witnesses", case, "--json")}
    assert graded[witness["witness"]]["grade"] == grade
    (matrix,) = jsonl("hypotheses", case, "--json")
    rated = next(c for c in matrix["cells"] if (c["hypothesis"], c["evidence"]) == (cell["hypothesis"], cell["evidence"]))
    assert rated["rating"] == rating and rated["proposed_by"] != "machine"

    from collingwood.extract import rules as rules_module
    monkeypatch.setattr(rules_module, "_fingerprint", lambda: "other rules")
    assert "read again with new rules" in ok("extract", case)
    assert state(case) == after

    history = jsonl("history", case, edit["id"], "--json")
    assert [(v["version"], v["change"]) for v in history] == [(1, "extract"), (2, "edit")]
    assert history[0]["claim"]["time"] != history[1]["claim"]["time"] and history[0]["replaced_at"]


def test_a_stale_edit_is_a_coded_error_without_a_traceback(tmp_path):
    (tmp_path / "note.txt").write_text("Kim Philby met Guy Burgess in Cambridge in 1934.\n", encoding="utf-8")
    book = tmp_path / "n.casebook.yaml"
    book.write_text("claims:\n  - {subject: Kim Philby, predicate: met, object: Guy Burgess, source: note.txt,"
                    " quote: Kim Philby met Guy Burgess}\n", encoding="utf-8")
    case = str(tmp_path / "x.case")
    ok("ingest", case, str(tmp_path / "note.txt"), str(book))
    (claim,) = jsonl("claims", case, "--json")
    assert ok("edit", case, claim["id"], "--version", "1", "--set", "where=Cambridge").strip().endswith("version 2")
    stale = runner.invoke(app, ["edit", case, claim["id"], "--version", "1", "--set", "where=London"])
    assert stale.exit_code == 6
    assert "E409" in stale.output and "version 2" in stale.output and "Traceback" not in stale.output
    assert stale.exception is None or isinstance(stale.exception, SystemExit)
    (now,) = jsonl("claims", case, "--json")
    assert now["place"] == "Cambridge" and now["version"] == 2
    bad = runner.invoke(app, ["edit", case, claim["id"], "--version", "2", "--set", "quote"])
    assert bad.exit_code == 2 and "field=value" in bad.output
    bad = runner.invoke(app, ["edit", case, claim["id"], "--version", "2", "--set", "quote=x"])
    assert bad.exit_code == 2 and "cannot be edited" in bad.output
