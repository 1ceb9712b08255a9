"""Extraction through the CLI: one file without a case, and a case, incrementally."""

import json

import pytest
from typer.testing import CliRunner

from collingwood.cli import app

runner = CliRunner()
pytestmark = pytest.mark.slow

PASSAGE = ("John Cairncross studied at Trinity College, Cambridge, with James Klugmann, Guy Burgess "
           "and Donald Maclean. Cairncross tells Martin that he was recruited by Klugmann shortly after joining "
           "the Foreign Office in 1936. Cairncross says he did not know Burgess or Maclean at this time.")


def test_cli_extract_file_jsonl_contract(tmp_path):
    f = tmp_path / "passage.txt"
    f.write_text(PASSAGE, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(f), "--jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    mentions = [r for r in rows if r["type"] == "mention"]
    claims = [r for r in rows if r["type"] == "claim"]
    assert {"start", "end", "text", "kind", "entity", "alias_kind", "alias_of"} <= set(mentions[0])
    for c in claims:
        assert {"source_id", "span", "quote", "subject", "predicate", "object", "time", "polarity",
                "asserted_by", "extracted_by"} <= set(c)
        assert PASSAGE[c["span"][0]:c["span"][1]] == c["quote"]
    recruited = [c for c in claims if c["predicate"] == "recruited"]
    assert recruited and recruited[0]["asserted_by"] and "Cairncross" in recruited[0]["asserted_by"]
    assert any(c["predicate"] == "knew" and c["polarity"] == "denied" for c in claims)


def test_cli_extract_case_is_incremental(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "note.txt").write_text(PASSAGE, encoding="utf-8")
    case = tmp_path / "x.case"
    assert runner.invoke(app, ["ingest", str(case), str(src)]).exit_code == 0
    first = runner.invoke(app, ["extract", str(case)])
    assert first.exit_code == 0 and "1 sources" in first.output
    claims = runner.invoke(app, ["claims", str(case), "--json"]).output.splitlines()
    assert claims
    again = runner.invoke(app, ["extract", str(case)])
    assert again.exit_code == 0 and "nothing new" in again.output
    assert runner.invoke(app, ["claims", str(case), "--json"]).output.splitlines() == claims
    forced = runner.invoke(app, ["extract", str(case), "--force"])
    assert forced.exit_code == 0
    assert runner.invoke(app, ["claims", str(case), "--json"]).output.splitlines() == claims


def test_cli_extract_unknown_extractor_is_a_clear_error(tmp_path):
    f = tmp_path / "p.txt"
    f.write_text(PASSAGE)
    result = runner.invoke(app, ["extract", str(f), "--jsonl", "--extractor", "gpt-99@1"])
    assert result.exit_code != 0
    assert "gpt-99@1" in result.output


@pytest.mark.slow
def test_cli_extract_reads_again_when_the_rules_change(tmp_path, monkeypatch):
    from collingwood.case import Case
    from collingwood.extract import rules as rules_module

    case = Case.init(tmp_path / "r.case")
    (tmp_path / "note.txt").write_text("Kim Philby met Guy Burgess in Cambridge in 1934.", encoding="utf-8")
    case.ingest([tmp_path / "note.txt"])
    assert case.extract().added["sources"] == 1
    assert case.extract().added["sources"] == 0                     # nothing new
    monkeypatch.setattr(rules_module, "_fingerprint", lambda: "other rules")
    report = case.extract()
    assert report.added["sources"] == 1 and report.added["sources read again with new rules"] == 1
