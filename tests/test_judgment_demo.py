"""Issue 10 on the demo: every untruth rests on contradicting evidence, no interested-witness
finding on an admission, and the dossier explains its scales and codes."""

import json
import re

import pytest
from typer.testing import CliRunner

from collingwood.cli import app

runner = CliRunner()
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo-judgment")
    result = runner.invoke(app, ["demo", "--out", str(out)])
    assert result.exit_code == 0, result.output
    case = str(out / "demo.case")
    found = [json.loads(x) for x in runner.invoke(app, ["findings", case, "--json"]).output.splitlines()]
    register = [json.loads(x) for x in runner.invoke(app, ["witnesses", case, "--json"]).output.splitlines()]
    claims = {c["id"]: c for c in map(json.loads, runner.invoke(
        app, ["claims", case, "--json"]).output.splitlines())}
    return out, found, register, claims


def test_judgment_demo_no_untruth_without_contradicting_evidence(demo):
    _, found, register, _ = demo
    ids = {f["id"] for f in found}
    typed = [s for w in register for s in w["statements"] if s["type"]]
    assert typed
    for s in typed:
        assert s["finding_ids"] and set(s["finding_ids"]) <= ids
        assert s["evidence"] and all(e["grade"] in "ABCDEF" for e in s["evidence"])
        assert "long_after" not in {m["kind"] for m in s["motives"]}   # a caution, not a motive


def test_judgment_demo_no_interested_witness_on_an_admission(demo):
    _, found, _, claims = demo
    flagged = [f for f in found if f["type"] == "interested_witness"]
    for f in flagged:
        for c in f["claims"]:
            assert claims[c["claim_id"]]["modality"] != "admitted", f["explanation"]


def test_judgment_demo_containment_is_not_a_conflict(demo):
    _, found, _, _ = demo
    for f in found:
        assert not ("United States" in f["explanation"] and "West" in f["explanation"]
                    and f["type"] == "two_values")
        assert not (f["type"] == "omission" and "NKVD" in f["explanation"])


def test_judgment_demo_dossier_explains_itself(demo):
    out, *_ = demo
    html = (out / "dossier.html").read_text(encoding="utf-8")
    assert "cannot be judged" in html and "completely reliable" in html       # A–F
    assert "5</b> improbable" in html                                        # 1–6
    assert "<b>II</b> very inconsistent" in html                             # matrix cells
    assert re.search(r'class="alias"[^>]*>⇄ Otto = Arnold Deutsch', html)   # a code name resolved
    assert "alleged or hedged" in html                                       # the chart's legend
    assert "<details>" in html and "<script" not in html                     # focus, no JavaScript
