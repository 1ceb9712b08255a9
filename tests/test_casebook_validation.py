"""Casebooks and entity lists are validated as data: every bad value is reported with the
file, the entry's line and the valid choices; duplicates are merged when identical and
refused, naming both lines, when they conflict; the other entries still load."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from collingwood.casebook import load_casebook, load_entities
from collingwood.cli import app
from collingwood.model import MODALITIES, Source

runner = CliRunner()
TEXT = "Cairncross told Martin that Klugmann recruited him in 1936, shortly after he joined the Foreign Office."
SRC = Source(id="s-abc", title="Note", kind="note", text=TEXT, content_hash="x", path="/tmp/x/note.md",
             pages=[(1, 0, len(TEXT))])
GOOD = "{subject: James Klugmann, predicate: recruited, object: John Cairncross, source: note.md, "
QUOTE = "quote: Klugmann recruited him in 1936"


def _book(tmp_path, body, name="n.casebook.yaml"):
    p = tmp_path / name
    p.write_text(body, encoding="utf-8")
    return p


def test_two_entries_differing_only_in_when_keep_the_first_and_name_both_lines(tmp_path):
    result = load_casebook(_book(tmp_path, f"""claims:
  - {GOOD}when: '1936', {QUOTE}}}
  - {GOOD}when: '1937', {QUOTE}}}
  - {{subject: John Cairncross, predicate: worked_at, object: Foreign Office, source: note.md,
     quote: he joined the Foreign Office}}
"""), [SRC])
    assert [c.time.text for c in result.claims if c.predicate == "recruited"] == ["1936"]
    assert len(result.claims) == 2                                   # the third entry still loads
    (reason,) = result.errors
    assert reason.startswith("claim 2 (line 3): the same source span, subject, predicate, object and "
                             "polarity as claim 1 (line 2) but a different when")
    assert "'1937' here, '1936' there" in reason


def test_an_identical_repeat_is_kept_once(tmp_path):
    result = load_casebook(_book(tmp_path, f"claims:\n  - {GOOD}{QUOTE}}}\n  - {GOOD}{QUOTE}}}\n"), [SRC])
    assert len(result.claims) == 1 and result.errors == []
    assert result.merged == ["claim 2 (line 3) repeats claim 1 (line 2): kept once"]


@pytest.mark.parametrize("field, value, message", [
    ("status", "bogus", "status 'bogus' is not one of proposed, accepted, rejected"),
    ("polarity", "maybe", "polarity 'maybe' is not one of affirmed, denied"),
    ("modality", "shouted", f"modality 'shouted' is not one of {', '.join(MODALITIES)}"),
    ("page", "x", "page must be a whole number (the page as the source numbers it), not 'x'"),
    ("page", "0", "page must be 1 or more, not 0"),
    ("page", "7", "source 'Note' has no page 7 (its pages are 1 to 1)"),
    ("confidence", "high", "confidence must be a number from 0 to 1 (e.g. 0.8), not 'high'"),
    ("confidence", "1.5", "confidence must be a number from 0 to 1 (e.g. 0.8), not 1.5"),
    ("confidence", ".nan", "confidence must be a number from 0 to 1"),
    ("when", "'the day after never'", "cannot read the date 'the day after never'"),
    ("predicate", "bamboozled", "Unknown predicate 'bamboozled'. Known predicates: accused"),
    ("object", "[a, b]", "object must be a single value, not a list"),
    ("colour", "red", "unknown field(s) colour; known: subject"),
])
def test_each_bad_value_names_its_line_and_the_choices(tmp_path, field, value, message):
    body = ("claims:\n"
            "  - subject: James Klugmann\n"
            "    predicate: recruited\n"
            "    object: John Cairncross\n"
            "    source: note.md\n"
            "    quote: Klugmann recruited him in 1936\n")
    body = "\n".join(line for line in body.splitlines() if not line.startswith(f"    {field}:"))
    body += f"\n    {field}: {value}\n  - {GOOD}quote: he joined the Foreign Office}}\n"
    result = load_casebook(_book(tmp_path, body), [SRC])
    assert len(result.claims) == 1                                       # the other entry loads
    (reason,) = result.errors
    line = body.splitlines().index(f"    {field}: {value}") + 1
    assert reason.startswith(f"claim 1 (line 2), line {line}: {message}"), reason


def test_csv_rows_are_reported_by_line(tmp_path):
    path = _book(tmp_path, "subject,predicate,object,source,quote,status\n"
                           "A,met,B,note.md,Cairncross told Martin,accepted\n"
                           "A,met,B,note.md,Cairncross told Martin,bogus\n", "n.casebook.csv")
    result = load_casebook(path, [SRC])
    assert len(result.claims) == 1
    assert result.errors == ["line 3: status 'bogus' is not one of proposed, accepted, rejected"]


def test_a_bad_entity_is_reported_and_the_others_load(tmp_path):
    path = _book(tmp_path, """entities:
  - {name: Jane Archer, kind: person}
  - name: MI5
    kind: agency
  - {name: NKVD, kind: organisation, aliases: [{name: OGPU, until: 'the thaw'}]}
  - {name: Jane Archer, kind: person}
  - {name: Jane Archer, kind: person, notes: MI5 officer}
  - {name: Kim Philby, kind: person, aliases: [{name: Kim, kind: nickname}], born: 1912}
  - {name: Guy Burgess}
""", "entities.yaml")
    ents = load_entities(path)
    assert [e.name for e in ents] == ["Jane Archer", "Guy Burgess"]
    assert ents.merged == ["entity 4 (line 6) repeats entity 1 (line 2): kept once"]
    errors = "\n".join(ents.errors)
    assert "entity 2 (line 3), line 4: 'MI5': kind 'agency' is not one of person, organisation" in errors
    assert "entity 3 (line 5): 'NKVD', alias 'OGPU': cannot read its dates" in errors
    assert "entity 5 (line 7): 'Jane Archer' (person) is already entity 1 (line 2)" in errors
    assert "entity 6 (line 8): unknown field(s) born; known: name, kind, notes, aliases" in errors


def test_ingest_reports_bad_entries_by_file_and_line_and_keeps_the_rest(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "note.md").write_text(TEXT + "\n", encoding="utf-8")
    (src / "n.casebook.yaml").write_text(f"""claims:
  - {GOOD}when: '1936', {QUOTE}}}
  - {GOOD}when: '1937', {QUOTE}}}
  - {GOOD}{QUOTE}, status: bogus}}
  - {GOOD}{QUOTE}, page: x}}
  - {{subject: John Cairncross, predicate: worked_at, object: Foreign Office, source: note.md,
     quote: he joined the Foreign Office}}
""", encoding="utf-8")
    case = tmp_path / "x.case"
    result = runner.invoke(app, ["ingest", str(case), str(src)])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())
    assert "2 claims" in out
    assert "rejected n.casebook.yaml: claim 2 (line 3): the same source span" in out
    assert "rejected n.casebook.yaml: claim 3 (line 4): status 'bogus' is not one of" in out
    assert "rejected n.casebook.yaml: claim 4 (line 5): page must be a whole number" in out
    again = runner.invoke(app, ["ingest", str(case), str(src)])      # the same file again adds nothing
    assert "nothing new" in again.output


VALUES = st.one_of(st.none(), st.text(max_size=12), st.integers(-3, 3000), st.floats(allow_nan=True),
                   st.booleans(), st.dates(), st.lists(st.text(max_size=4), max_size=2),
                   st.dictionaries(st.text(max_size=3), st.text(max_size=3), max_size=2),
                   st.sampled_from(["1936", "recruited", "Klugmann recruited him in 1936", "note.md", "1",
                                    "accepted", "denied", "hedged", "0.5"]))
KEYS = st.sampled_from(["subject", "predicate", "object", "when", "where", "source", "page", "quote",
                        "polarity", "modality", "asserted_by", "reported_by", "confidence", "note",
                        "status", "colour"])


@settings(max_examples=400, deadline=None)
@given(entry=st.dictionaries(KEYS, VALUES, max_size=8))
def test_any_entry_becomes_a_claim_or_a_reason_never_a_crash(entry):
    from collingwood.casebook import SourceIndex, build_claim
    try:
        source = SourceIndex([SRC]).find(entry.get("source") if isinstance(entry.get("source"), str) else "note.md",
                                         Path("/tmp/x"))
        claim = build_claim(entry, source)
    except ValueError as e:
        assert str(e)
    else:
        assert TEXT[claim.start:claim.end] == claim.quote
        assert claim.status in ("proposed", "accepted", "rejected") and 0 <= claim.confidence <= 1


@settings(max_examples=200, deadline=None)
@given(entry=st.dictionaries(st.sampled_from(["name", "kind", "notes", "aliases", "born"]),
                             st.one_of(VALUES, st.lists(st.one_of(VALUES, st.fixed_dictionaries(
                                 {"name": VALUES, "kind": VALUES, "until": VALUES})), max_size=2)),
                             max_size=4))
def test_any_entity_entry_becomes_an_entity_or_a_reason_never_a_crash(entry):
    from collingwood.casebook import FieldError, _entity
    try:
        ent = _entity(entry)
    except FieldError as e:
        assert str(e) and e.key
    else:
        assert ent.name and ent.id.startswith("e-")
