"""The demo end to end through the CLI: ingest, extract, analyse, judge, dossier."""

import json
import re

import pytest
from typer.testing import CliRunner

from collingwood.cli import app

runner = CliRunner()
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo")
    result = runner.invoke(app, ["demo", "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out, result.output


def test_demo_writes_a_self_contained_dossier(demo):
    out, printed = demo
    html = (out / "dossier.html").read_text(encoding="utf-8")
    assert "Demo done" in printed and "rejected" not in printed
    for section in ("chronology", "findings", "witnesses", "questions", "hypotheses",
                    "biographies", "affinity", "sources", "claims", "texts"):
        assert f'id="{section}"' in html, section
    assert "<svg" in html
    assert not re.search(r'(src|href)="(https?:)?//', html), "the dossier must open offline"


def test_demo_every_citation_points_at_a_highlighted_passage(demo):
    out, _ = demo
    html = (out / "dossier.html").read_text(encoding="utf-8")
    targets = set(re.findall(r'href="#(q-c-[0-9a-f]+)"', html))
    anchors = set(re.findall(r'<a id="(q-c-[0-9a-f]+)"', html))
    assert targets and targets <= anchors


def test_demo_machine_copies_of_analyst_claims_point_at_them(demo):
    out, _ = demo
    html = (out / "dossier.html").read_text(encoding="utf-8")
    repeats = re.findall(r'href="#(claim-c-[0-9a-f]+)" title="The analyst', html)
    rows = set(re.findall(r'<tr id="(claim-c-[0-9a-f]+)"', html))
    assert repeats and set(repeats) <= rows


def test_demo_case_has_the_conflicts_the_sources_contain(demo):
    out, _ = demo
    result = runner.invoke(app, ["findings", str(out / "demo.case"), "--json"])
    assert result.exit_code == 0
    found = [json.loads(line) for line in result.output.splitlines()]
    kinds = {f["type"] for f in found}
    assert {"date_conflict", "two_accounts", "affirmed_vs_denied", "omission", "interested_witness"} <= kinds
    for f in found:
        assert f["claims"] and all(c["quote"] and c["source_id"] for c in f["claims"])


def test_demo_claims_come_from_the_casebook_and_the_extractor(demo):
    out, _ = demo
    result = runner.invoke(app, ["claims", str(out / "demo.case"), "--json"])
    rows = [json.loads(line) for line in result.output.splitlines()]
    by = {r["extracted_by"] for r in rows}
    assert "analyst" in by and len(by) >= 2


def test_demo_witnesses_and_hypotheses_contracts(demo):
    out, _ = demo
    case = str(out / "demo.case")
    witnesses = [json.loads(x) for x in runner.invoke(app, ["witnesses", case, "--json"]).output.splitlines()]
    assert witnesses and all(w["grade"] in "ABCDEF" and w["grade_rule"] for w in witnesses)
    matrix = json.loads(runner.invoke(app, ["hypotheses", case, "--json"]).output.splitlines()[0])
    assert {"question", "hypotheses", "evidence", "cells", "ranking", "diagnostic", "sensitivity",
            "caveat"} <= set(matrix)
