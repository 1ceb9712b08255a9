"""Without metadata, a witness is named from the document (its byline, a memo's FROM: line),
never from its file name."""

from typer.testing import CliRunner

from collingwood.cli import app
from collingwood.ingest.byline import byline_authors

runner = CliRunner()


def test_judgment_byline_of_a_news_report():
    text = "The civil servant who spied\n\nPhoto: licensed\n\nBy Jane Smith\n\n16 Jan 2025\n\nBody."
    assert byline_authors(text) == ["Jane Smith"]


def test_judgment_byline_two_authors_and_a_memo():
    assert byline_authors("Title\nBy Jane Smith and John Doe\n") == ["Jane Smith", "John Doe"]
    assert byline_authors("MEMORANDUM\nTO: Files\nFROM: M. D. Stevens\nSUBJECT: x") == ["M. D. Stevens"]


def test_judgment_byline_silent_without_one():
    assert byline_authors("Blunt's memoirs revealed little.\nHe was by then a spy.") == []
    assert byline_authors("By the staff reporter\nText") == []
    assert byline_authors("FROM: CIC/CEX INFO CIC/PRB\nText") == []


def test_judgment_witness_named_from_the_byline_not_the_file(tmp_path):
    src = tmp_path / "003_3c096ae617f1ea3a.txt"
    src.write_text("The civil servant who spied for the Soviet Union\n\nBy Tevye Markson\n\n"
                   "16 Jan 2025\n\nJohn Cairncross confessed in 1964.\n")
    case = tmp_path / "x.case"
    assert runner.invoke(app, ["ingest", str(case), str(src)]).exit_code == 0
    got = runner.invoke(app, ["sources", str(case), "--json"])
    assert "Tevye Markson" in got.output
    witnesses = runner.invoke(app, ["witnesses", str(case)])
    assert "Tevye Markson" in witnesses.output and "3c096ae617f1ea3a" not in witnesses.output
