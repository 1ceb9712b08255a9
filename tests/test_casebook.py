import pytest

from collingwood.casebook import find_quote, load_casebook, load_entities
from collingwood.errors import CasebookError
from collingwood.model import Source

TEXT = ("Cairncross told Martin that Klugmann\nrecruited him in 1936, shortly after he joined\n"
        "the Foreign Office. He said he did not know Burgess at Cambridge.")
SRC = Source(id="s-abc", title="Note on the confession", kind="note", text=TEXT, content_hash="x",
             path="/tmp/cases/confession.md", pages=[(1, 0, len(TEXT))])


def _write(tmp_path, name, body):
    p = tmp_path / name
    p.write_text(body, encoding="utf-8")
    return p


def test_casebook_yaml_claims_get_their_span_from_the_quote(tmp_path):
    path = _write(tmp_path, "notes.casebook.yaml", """
claims:
  - subject: James Klugmann
    predicate: recruited
    object: John Cairncross
    when: "1936"
    source: confession.md
    quote: "Klugmann recruited him in 1936"
    asserted_by: John Cairncross
    reported_by: Arthur Martin
  - subject: John Cairncross
    predicate: knew
    object: Guy Burgess
    source: Note on the confession
    quote: he did not know Burgess at Cambridge
    polarity: denied
""")
    result = load_casebook(path, [SRC])
    assert result.errors == []
    first, second = result.claims
    assert TEXT[first.start:first.end] == first.quote == "Klugmann\nrecruited him in 1936"
    assert first.extracted_by == "analyst" and first.asserted_by == "John Cairncross"
    assert first.time.earliest == "1936-01-01" and first.time.latest == "1936-12-31"
    assert second.polarity == "denied" and second.predicate == "knew"


def test_casebook_csv_is_read_like_yaml(tmp_path):
    path = _write(tmp_path, "notes.casebook.csv",
                  "subject,predicate,object,when,source,quote,polarity\n"
                  "John Cairncross,worked_at,Foreign Office,1936,s-abc,he joined the Foreign Office,affirmed\n")
    result = load_casebook(path, [SRC])
    assert result.errors == []
    assert result.claims[0].object == "Foreign Office"


def test_casebook_reports_each_bad_claim_and_keeps_the_good(tmp_path):
    path = _write(tmp_path, "bad.casebook.yaml", """
claims:
  - {subject: A, predicate: bamboozled, object: B, source: confession.md, quote: Klugmann}
  - {subject: A, predicate: met, object: B, source: nowhere.md, quote: Klugmann}
  - {subject: A, predicate: met, object: B, source: confession.md, quote: "Philby in Vienna"}
  - {subject: A, predicate: met, object: B, source: confession.md, quote: Klugmann, when: "the day after never"}
  - {subject: A, predicate: met, object: B, source: confession.md}
  - {subject: A, predicate: met, object: B, source: confession.md, quote: Klugmann, colour: red}
  - {subject: Cairncross, predicate: met, object: Martin, source: confession.md, quote: Cairncross told Martin}
""")
    result = load_casebook(path, [SRC])
    assert len(result.claims) == 1
    reasons = "\n".join(result.errors)
    assert "claim 1 (line 3): Unknown predicate 'bamboozled'" in reasons
    assert "claim 2 (line 4): no source 'nowhere.md'" in reasons
    assert "claim 3 (line 5): the quote 'Philby in Vienna' does not occur" in reasons
    assert "claim 4 (line 6): cannot read the date" in reasons
    assert "claim 5 (line 7): missing 'quote'" in reasons
    assert "claim 6 (line 8): unknown field(s) colour" in reasons


def test_casebook_rejects_a_file_without_claims(tmp_path):
    with pytest.raises(CasebookError, match="top-level `claims:`"):
        load_casebook(_write(tmp_path, "x.casebook.yaml", "- just a list\n"), [SRC])
    with pytest.raises(CasebookError, match="invalid YAML"):
        load_casebook(_write(tmp_path, "y.casebook.yaml", "claims: [\n"), [SRC])


def test_casebook_find_quote_tolerates_line_breaks_only():
    assert find_quote("a  b\nc", "a b c") == (0, 6)
    assert find_quote("abc", "abd") is None


def test_casebook_entity_list_with_dated_aliases(tmp_path):
    path = _write(tmp_path, "entities.yaml", """
entities:
  - name: Jane Archer
    kind: person
    aliases:
      - {name: Jane Sissmore, kind: maiden_name, until: "1939"}
  - name: NKVD
    kind: organisation
    aliases: [{name: OGPU, kind: predecessor_name, until: "1934"}, GPU]
""")
    archer, nkvd = load_entities(path)
    assert archer.aliases[0].kind == "maiden_name"
    assert archer.aliases[0].valid.latest == "1939-12-31"
    assert [a.name for a in nkvd.aliases] == ["OGPU", "GPU"]
    bad = load_entities(_write(tmp_path, "e2.entities.yaml",
                               "entities:\n  - {name: X, aliases: [{name: Y, kind: pen_name}]}\n  - {name: Z}\n"))
    assert [e.name for e in bad] == ["Z"]
    assert "entity 1 (line 2): 'X', alias 'Y': kind 'pen_name' is not one of" in bad.errors[0]
