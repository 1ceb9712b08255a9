"""End to end through the `collingwood` command."""

import json

from typer.testing import CliRunner

from collingwood.cli import app

runner = CliRunner()
CLAIM_FIELDS = {"source_id", "span", "quote", "subject", "predicate", "object", "time",
                "polarity", "asserted_by", "extracted_by"}


def _case(tmp_path, location=None):
    src = tmp_path / "src"
    src.mkdir()
    (src / "note.md").write_text("---\ntitle: Note\nkind: note\n---\nKlugmann recruited Cairncross in 1936.\n")
    (src / "a.casebook.yaml").write_text(
        "claims:\n  - {subject: James Klugmann, predicate: recruited, object: John Cairncross,"
        " when: '1936', source: note.md, quote: Klugmann recruited Cairncross in 1936}\n")
    case = location or tmp_path / "x.case"
    assert runner.invoke(app, ["init", str(case)]).exit_code == 0
    result = runner.invoke(app, ["ingest", str(case), str(src)])
    assert result.exit_code == 0, result.output
    return case


def test_cli_claims_json_has_the_contract_fields(tmp_path, case_url):
    case = _case(tmp_path, case_url)
    result = runner.invoke(app, ["claims", str(case), "--json"])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert len(rows) == 1
    assert CLAIM_FIELDS <= set(rows[0])
    assert rows[0]["extracted_by"] == "analyst"
    assert rows[0]["time"]["earliest"] == "1936-01-01"


def test_cli_search_finds_source_text(tmp_path, case_url):
    case = _case(tmp_path, case_url)
    result = runner.invoke(app, ["search", str(case), "Klugmann", "--json"])
    assert result.exit_code == 0
    assert json.loads(result.output.splitlines()[0])["title"] == "Note"


def test_cli_reports_a_missing_case_clearly(tmp_path):
    result = runner.invoke(app, ["claims", str(tmp_path / "none.case")])
    assert result.exit_code == 4
    assert "collingwood init" in result.output


def test_cli_ingest_reports_bad_files_and_exit_code(tmp_path):
    case = tmp_path / "y.case"
    (tmp_path / "empty.txt").write_text("")
    result = runner.invoke(app, ["ingest", str(case), str(tmp_path / "empty.txt")])
    assert result.exit_code == 2
    assert "empty.txt" in result.output


def test_cli_schema_markdown_lists_every_predicate():
    from collingwood.model import schema
    result = runner.invoke(app, ["schema", "--markdown"])
    assert result.exit_code == 0
    for name in schema().predicates:
        assert f"`{name}`" in result.output


def test_cli_dates_jsonl_contract(tmp_path):
    f = tmp_path / "t.txt"
    f.write_text("Early in 1940 Krivitsky arrived in London.")
    result = runner.invoke(app, ["dates", str(f), "--jsonl"])
    assert result.exit_code == 0, result.output
    row = json.loads(result.output.splitlines()[0])
    assert set(row) == {"start", "end", "text", "value", "mod", "earliest", "latest", "granularity"}
    assert row["earliest"] == "1940-01-01"


def test_cli_review_rejects_a_claim_and_audits_it(tmp_path, case_url):
    case = _case(tmp_path, case_url)
    claim = json.loads(runner.invoke(app, ["claims", str(case), "--json"]).output.splitlines()[0])
    result = runner.invoke(app, ["review", str(case), claim["id"], "reject", "--note", "misread"])
    assert result.exit_code == 0, result.output
    assert runner.invoke(app, ["claims", str(case), "--json"]).output.strip() == ""
    assert len(runner.invoke(app, ["claims", str(case), "--json", "--all"]).output.splitlines()) == 1
    from collingwood import open_case
    assert open_case(case).store.audit_log()[-1]["detail"]["note"] == "misread"
    bad = runner.invoke(app, ["review", str(case), "c-nothing", "accept"])
    assert bad.exit_code == 4


def test_cli_entities_lists_aliases(tmp_path, case_url):
    case = _case(tmp_path, case_url)
    ents = tmp_path / "entities.yaml"
    ents.write_text("entities:\n  - name: Arnold Deutsch\n    aliases: [{name: Otto, kind: code_name, from: '1934'}]\n")
    runner.invoke(app, ["ingest", str(case), str(ents)])
    rows = [json.loads(x) for x in runner.invoke(app, ["entities", str(case), "--json"]).output.splitlines()]
    assert rows == [{"id": rows[0]["id"], "name": "Arnold Deutsch", "kind": "person",
                     "aliases": [{"name": "Otto", "kind": "code_name", "valid": "since 1934"}],
                     "mentioned_as": [], "case_entity": {"id": rows[0]["id"], "name": "Arnold Deutsch"}}]
