"""ACH: loading hypotheses, proposed ratings, ranking, diagnostics and sensitivity."""

from __future__ import annotations

import json

import pytest

from collingwood.analyse.findings import findings
from collingwood.analyse.hypotheses import (
    CAVEAT, ach_matrix, load_hypotheses, matrix_json, matrix_markdown,
)
from collingwood.report.hypotheses_html import matrix_html
from collingwood.analyse.witnesses import witness_register
from collingwood.errors import CasebookError
from collingwood.resolve import resolve

HYPOTHESES = """
question: Where was Guy Burgess on 1 August 1940?
hypotheses:
  - id: H1
    label: Moscow trip
    statement: Burgess reached Moscow as Berlin's memoir says.
    requires:
      - {subject: Guy Burgess, predicate: visited, object: Moscow, when: "1 August 1940"}
  - id: H2
    label: Stayed in London
    statement: Burgess never left London that summer.
    requires:
      - {subject: Guy Burgess, predicate: visited, object: London, when: "1 August 1940"}
    excludes:
      - {subject: Guy Burgess, predicate: visited, object: Moscow, when: "1940"}
  - id: H3
    label: Moscow later
    statement: Burgess went to Moscow only in September.
    requires:
      - {subject: Guy Burgess, predicate: visited, object: Moscow, when: "September 1940"}
ratings:
  - {hypothesis: H1, evidence: "%s", rating: N, note: "the file denies an official visit only"}
"""


def worked_case(case_builder, tmp_path):
    b = case_builder()
    b.source("liddell-diary", "diary", ["Guy Liddell"], "1940")
    b.source("berlin-memoir", "memoir", ["Isaiah Berlin"], "1980")
    b.source("kgb-file", "archive_file", ["NKVD"], "1941")
    b.source("rumour", "note", ["Club Gossip"], "1941")
    c1 = b.claim("liddell-diary", "Guy Burgess", "visited", "London", "1 August 1940")
    c2 = b.claim("berlin-memoir", "Guy Burgess", "visited", "Moscow", "1 August 1940")
    c3 = b.claim("kgb-file", "Guy Burgess", "visited", "Moscow", "1940", polarity="denied")
    c4 = b.claim("rumour", "Guy Burgess", "visited", "London", "1 August 1940", polarity="denied")
    path = tmp_path / "burgess.hypotheses.yaml"
    path.write_text(HYPOTHESES % c3.id, encoding="utf-8")
    return b.build(), (c1, c2, c3, c4), path


def test_hypotheses_worked_example_ranking_and_sensitivity(case_builder, tmp_path):
    data, (c1, c2, c3, c4), path = worked_case(case_builder, tmp_path)
    res = resolve(data)
    fs = findings(data, res)
    credibility = {c1.id: 1, c2.id: 2, c3.id: 3, c4.id: 6}
    m = ach_matrix(load_hypotheses(path), data, res, fs, credibility)
    # Hand computation. Weights by credibility: c1 (1) 1.0, c2 (2) 0.86, c3 (3) 0.72, c4 (6) 0.3.
    # Machine ratings (analyst: H1 x c3 = N, overriding the machine's I):
    #            c1 London 1 Aug   c2 Moscow 1 Aug   c3 NOT Moscow 1940   c4 NOT London 1 Aug
    #   H1       I (elsewhere)     C                 N (analyst)          N
    #   H2       C                 I (elsewhere+excl) C (denies excluded) I (denies required)
    #   H3       N (Sept: no overlap) N (not Sept)   I (denies required)  N
    # Scores (I = 1 x weight): H1 = 1.0; H2 = 0.86 + 0.3 = 1.16; H3 = 0.72.
    # Ranking: H3 (0.72), H1 (1.0), H2 (1.16). The findings (impossible presence c1/c2,
    # affirmed vs denied c2/c3 and c1/c4) are columns rated N: they add nothing to the scores.
    # Sensitivity: the lowest tier is credibility 6: c4 and the finding c1/c4 (its weakest
    # leg is c4). Without them H2 = 0.86 < H1 = 1.0: ranking H3, H2, H1 -> changed.
    cell = {(h, e): c.rating for (h, e), c in m.cells.items()}
    assert [cell[("H1", c.id)] for c in (c1, c2, c3, c4)] == ["I", "C", "N", "N"]
    assert [cell[("H2", c.id)] for c in (c1, c2, c3, c4)] == ["C", "I", "C", "I"]
    assert [cell[("H3", c.id)] for c in (c1, c2, c3, c4)] == ["N", "N", "I", "N"]
    assert m.cells[("H1", c3.id)].proposed_by == "analyst" and m.cells[("H1", c3.id)].machine == "I"
    assert m.scores == {"H1": 1.0, "H2": 1.16, "H3": 0.72}
    assert m.ranking == ["H3", "H1", "H2"] and m.ranks == {"H3": 1, "H1": 2, "H2": 3}
    avd_london = next(f.id for f in fs if set(f.claim_ids) == {c1.id, c4.id})
    assert set(m.sensitivity["dropped"]) == {c4.id, avd_london}
    assert m.sensitivity["ranking"] == ["H3", "H2", "H1"] and m.sensitivity["changed"] is True
    # Diagnostic: spread of ratings x weight: c1 2 x 1.0, c2 2 x 0.86, c3 2 x 0.72, c4 1 x 0.3.
    assert m.diagnostic == [c1.id, c2.id, c3.id, c4.id]


def test_hypotheses_json_contract_and_renderers(case_builder, tmp_path):
    data, _, path = worked_case(case_builder, tmp_path)
    res = resolve(data)
    fs = findings(data, res)
    register = witness_register(data, res, fs)
    m = ach_matrix(load_hypotheses(path), data, res, fs, register)
    out = matrix_json(m)
    assert set(out) >= {"question", "hypotheses", "evidence", "cells", "ranking", "diagnostic",
                        "sensitivity", "caveat"}
    assert set(out["hypotheses"][0]) >= {"id", "label", "statement", "score", "rank"}
    assert set(out["evidence"][0]) >= {"id", "kind", "label", "source_id", "quote", "credibility", "weight"}
    assert set(out["cells"][0]) >= {"hypothesis", "evidence", "rating", "proposed_by", "reason"}
    assert set(out["sensitivity"]) >= {"dropped", "ranking", "changed"}
    assert out["caveat"] == CAVEAT and "no accuracy gain from ACH matrices alone" in CAVEAT
    json.dumps(out)
    page = matrix_html(m)
    assert "<table" in page and "http" not in page and "<link" not in page and "src=" not in page
    md = matrix_markdown(m)
    assert "no accuracy gain from ACH matrices alone" in md and "Ranking" in md


@pytest.mark.parametrize("text, reason", [
    ("- just a list", "a hypotheses file is a mapping"),
    ("question: Q\nhypotheses: [{id: H1, label: a}]", "at least two"),
    ("question: Q\nhypotheses: [{id: H1, label: a}, {id: H1, label: b}]", "used twice"),
    ("question: Q\nhypotheses: [{id: H1, label: a, requires: [{predicate: spied}]}, {id: H2, label: b}]",
     "unknown predicate 'spied'"),
    ("question: Q\nhypotheses: [{id: H1, label: a, requires: [{predicate: met, when: someday}]},"
     " {id: H2, label: b}]", "cannot read the date"),
    ("question: Q\nhypotheses: [{id: H1, label: a}, {id: H2, label: b}]\n"
     "ratings: [{hypothesis: H9, evidence: c-1, rating: I}]", "no hypothesis 'H9'"),
    ("question: Q\nhypotheses: [{id: H1, label: a}, {id: H2, label: b}]\n"
     "ratings: [{hypothesis: H1, evidence: c-1, rating: X}]", "rating 'X' is not one of"),
    ("question: [unclosed", "invalid YAML"),
])
def test_hypotheses_load_errors_name_file_and_reason(tmp_path, text, reason):
    path = tmp_path / "case.hypotheses.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CasebookError) as e:
        load_hypotheses(path)
    assert "case.hypotheses.yaml" in e.value.message and reason in e.value.message
