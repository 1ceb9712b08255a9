"""The witness register: independence, untruth typing, motives, overrides, peripheral observers."""

from __future__ import annotations

import json

import networkx as nx
import pytest

from collingwood.analyse.findings import findings
from collingwood.analyse.witnesses import (
    disputed_events, witness_record, witness_register,
)
from collingwood.errors import ConfigError
from collingwood.resolve import resolve


def register(data, overrides=(), graph=None, extra_findings=()):
    res = resolve(data)
    fs = findings(data, res) + list(extra_findings)
    return {w.witness: w for w in witness_register(data, res, fs, overrides, graph)}, res, fs


def burgess_case(case_builder):
    """Blunt's memoir (1983) denies knowing Burgess; an MI5 file and Liddell's diary affirm it.

    A news report quotes the memoir (asserted_by Blunt) on Blunt's work at MI5.
    """
    b = case_builder()
    b.source("blunt-memoir", "memoir", ["Anthony Blunt"], "1983")
    b.source("times-report", "news_report", ["Jane Reporter"], "1984")
    b.source("mi5-file", "archive_file", ["Security Service"], "1951")
    b.source("liddell-diary", "diary", ["Guy Liddell"], "1940")
    b.source("press", "news_report", ["Press Association"], "1979")
    work = b.claim("blunt-memoir", "Anthony Blunt", "worked_at", "MI5", "1940")
    quoted = b.claim("times-report", "Anthony Blunt", "worked_at", "MI5", "1940",
                     asserted_by="Anthony Blunt", reported_by="Jane Reporter")
    denial = b.claim("blunt-memoir", "Anthony Blunt", "knew", "Guy Burgess", "1937",
                     polarity="denied", quote="I did not know Burgess then")
    file_ = b.claim("mi5-file", "Anthony Blunt", "knew", "Guy Burgess", "1937")
    diary = b.claim("liddell-diary", "Anthony Blunt", "knew", "Guy Burgess", "1937")
    exposed = b.claim("press", "Margaret Thatcher", "exposed", "Anthony Blunt", "November 1979")
    return b.build(), dict(work=work, quoted=quoted, denial=denial, file=file_, diary=diary,
                           exposed=exposed)


def test_witnesses_quoted_memoir_does_not_corroborate_itself(case_builder):
    data, c = burgess_case(case_builder)
    reg, _, _ = register(data)
    blunt = reg["Anthony Blunt"]
    # the news report's words are Blunt's: one origin, so his work at MI5 stays uncorroborated
    assert c["work"].id in blunt.uncorroborated and c["quoted"].id in blunt.uncorroborated
    assert c["quoted"].id in blunt.claims
    assert reg["Jane Reporter"].claims == []


def test_witnesses_independent_origins_corroborate(case_builder):
    data, c = burgess_case(case_builder)
    reg, _, _ = register(data)
    assert reg["Guy Liddell"].corroborated == [c["diary"].id]
    assert reg["Guy Liddell"].support[c["diary"].id] == ["Security Service"]


def test_witnesses_reported_testimony_shares_the_witness_origin(case_builder):
    b = case_builder()
    b.source("markson-note", "note", ["Markson"], "1990",
             reports_on={"witness": "John Cairncross", "kind": "interview", "date": "1964"})
    b.source("enigma-spy", "memoir", ["John Cairncross"], "1997")
    b.claim("markson-note", "James Klugmann", "recruited", "John Cairncross", "1936")
    b.claim("enigma-spy", "James Klugmann", "recruited", "John Cairncross", "1936")
    reg, _, _ = register(b.build())
    cairncross = reg["John Cairncross"]
    assert len(cairncross.claims) == 2 and cairncross.corroborated == []


def test_witnesses_denial_of_affirmed_link_is_deception(case_builder):
    data, c = burgess_case(case_builder)
    reg, _, fs = register(data)
    blunt = reg["Anthony Blunt"]
    (s,) = blunt.statements
    assert (s.claim_id, s.type, s.proposed, s.decided_by) == (c["denial"].id, "deception", "deception", "machine")
    assert s.finding_ids == [f.id for f in fs if f.type == "affirmed_vs_denied"]
    kinds = {m.kind for m in s.motives}
    assert kinds == {"written_after_exposure", "minimises_own_role"}
    assert [m.kind for m in s.cautions] == ["long_after"]      # a caution, never a motive
    exposure = next(m for m in s.motives if m.kind == "written_after_exposure")
    assert exposure.claim_ids == [c["exposed"].id]
    assert blunt.grade == "D" and "one deception" in blunt.grade_rule
    # the affirming sources are corroborated, not typed
    assert reg["Guy Liddell"].statements == [] and reg["Guy Liddell"].contradicted == []


def test_witnesses_denial_about_a_third_party_protects_them(case_builder):
    b = case_builder()
    b.source("white-interview", "interview", ["Dick White"], "1980")
    b.source("file-a", "archive_file", ["Registry"], "1951")
    b.source("file-b", "letter", ["Goronwy Rees"], "1951")
    d = b.claim("white-interview", "Guy Burgess", "worked_at", "MI6", "1940", polarity="denied")
    b.claim("file-a", "Guy Burgess", "worked_at", "MI6", "1940")
    b.claim("file-b", "Guy Burgess", "worked_at", "MI6", "1940")
    reg, _, _ = register(b.build())
    (s,) = reg["Dick White"].statements
    assert s.claim_id == d.id and s.type == "deception"
    assert "protects_other" in {m.kind for m in s.motives}


def test_witnesses_impossible_presence_uncorroborated_is_fabrication(case_builder):
    b = case_builder()
    b.source("memoir", "memoir", ["Walter Krivitsky"], "1939")
    b.source("log", "archive_file", ["Foreign Office"], "1940")
    b.source("diary", "diary", ["Guy Liddell"], "1940")
    lie = b.claim("memoir", "Kim Philby", "visited", "Moscow", "10 June 1938")
    b.claim("log", "Kim Philby", "visited", "London", "10 June 1938")
    b.claim("diary", "Kim Philby", "visited", "London", "10 June 1938")
    reg, _, fs = register(b.build())
    (s,) = reg["Walter Krivitsky"].statements
    assert (s.claim_id, s.type) == (lie.id, "fabrication")
    assert {fs_.type for fs_ in fs if fs_.id in s.finding_ids} == {"impossible_presence"}
    assert reg["Walter Krivitsky"].grade == "E"
    assert reg["Walter Krivitsky"].credibility[lie.id].value == 5


def test_witnesses_one_against_one_is_not_typed(case_builder):
    b = case_builder()
    b.source("a", "memoir", ["Witness A"], "1960")
    b.source("b", "memoir", ["Witness B"], "1960")
    b.claim("a", "Kim Philby", "visited", "Moscow", "10 June 1938")
    b.claim("b", "Kim Philby", "visited", "London", "10 June 1938")
    reg, _, _ = register(b.build())
    assert reg["Witness A"].statements == [] and reg["Witness B"].statements == []
    assert len(reg["Witness A"].contradicted) == 1


def test_witnesses_omission_finding_types_an_omission(case_builder):
    b = case_builder()
    b.source("enigma-spy", "memoir", ["John Cairncross"], "1997")
    b.source("kgb-file", "archive_file", ["Vasili Mitrokhin"], "1992")
    b.claim("enigma-spy", "James Klugmann", "recruited", "John Cairncross", "1936")
    b.claim("enigma-spy", "John Cairncross", "worked_at", "Foreign Office", "1940")
    left_out = b.claim("kgb-file", "John Cairncross", "passed_information_to", "Otto", "1938")
    reg, _, fs = register(b.build())
    (omission,) = [f for f in fs if f.type == "omission"]
    (s,) = reg["John Cairncross"].statements
    assert (s.claim_id, s.type, s.finding_ids) == (left_out.id, "omission", [omission.id])
    assert "long_after" in {m.kind for m in s.cautions}
    assert "long_after" not in {m.kind for m in s.motives}
    assert reg["John Cairncross"].grade == "F"      # no checkable claims, and an omission is not fatal


def test_witnesses_analyst_overrides_win_and_show_the_proposal(case_builder):
    data, c = burgess_case(case_builder)
    overrides = [
        {"witness": "Anthony Blunt", "target": c["denial"].id, "value": "none",
         "note": "a slip of memory"},
        {"witness": "Anthony Blunt", "target": "grade", "value": "c", "note": "on balance"},
        {"witness": "Guy Liddell", "target": "credibility:" + c["diary"].id, "value": "2", "note": ""},
    ]
    reg, _, _ = register(data, overrides)
    blunt = reg["Anthony Blunt"]
    (s,) = blunt.statements
    assert (s.type, s.proposed, s.decided_by, s.note) == (None, "deception", "analyst", "a slip of memory")
    assert (blunt.grade, blunt.grade_by) == ("C", "analyst")
    assert blunt.proposed_grade == "F"          # without the deception: one checkable claim
    assert "machine proposed F" in blunt.grade_rule
    assert reg["Guy Liddell"].credibility[c["diary"].id].value == 2
    record = witness_record(blunt)
    assert record["statements"][0]["proposed"] == "deception" and record["grade_by"] == "analyst"


def test_witnesses_register_is_stable_across_runs(case_builder):
    def run():
        data, c = burgess_case(case_builder)
        reg, _, _ = register(data, [{"witness": "Anthony Blunt", "target": "grade", "value": "E"}])
        return json.dumps([witness_record(w) for w in reg.values()], sort_keys=True)

    assert run() == run()


def test_witnesses_bad_override_is_refused(case_builder):
    data, _ = burgess_case(case_builder)
    with pytest.raises(ConfigError, match="not one of A-F"):
        register(data, [{"witness": "Anthony Blunt", "target": "grade", "value": "Z"}])
    with pytest.raises(ConfigError, match="lacks value"):
        register(data, [{"witness": "Anthony Blunt", "target": "grade"}])


def test_witnesses_record_json_contract(case_builder):
    data, _ = burgess_case(case_builder)
    reg, _, _ = register(data)
    rec = witness_record(reg["Anthony Blunt"])
    for key in ("witness", "prominence", "claims", "corroborated", "contradicted",
                "uncorroborated", "grade", "grade_rule", "grade_by", "statements"):
        assert key in rec
    assert set(rec["statements"][0]) >= {"claim_id", "type", "finding_ids", "motives", "decided_by"}
    json.dumps(rec)


def test_witnesses_peripheral_observers_listed_first(case_builder):
    data, c = burgess_case(case_builder)
    reg, res, fs = register(data)
    assert reg["Anthony Blunt"].prominence == "central"
    assert reg["Guy Liddell"].prominence == "peripheral"
    (event,) = disputed_events(data, res, fs, list(reg.values()))
    assert [o.prominence for o in event.observations][-1] == "central"
    assert event.observations[-1].claim_id == c["denial"].id
    assert "knew" in event.label


def test_witnesses_prominence_uses_the_affinity_graph(case_builder):
    data, _ = burgess_case(case_builder)
    res = resolve(data)
    liddell = res.find("Guy Liddell")
    graph = nx.Graph()
    graph.add_edges_from(("n:guy liddell" if not liddell else liddell[0], f"x{i}") for i in range(6))
    reg, _, _ = register(data, graph=graph)
    assert reg["Guy Liddell"].prominence == "central"


def test_witnesses_mentions_raise_prominence(case_builder):
    from collingwood.model import Mention

    data, _ = burgess_case(case_builder)
    # Blunt is the subject or object of 6 claims; 13 mentions of Liddell make Blunt's
    # share 6/13 = 46%: secondary (central needs 50%).
    data.mentions = [Mention("liddell-diary", 0, 3, "Guy Liddell", "person") for _ in range(13)]
    reg, _, _ = register(data)
    assert reg["Guy Liddell"].prominence == "central"
    assert reg["Anthony Blunt"].prominence == "secondary"


def test_witnesses_a_source_drawn_from_another_does_not_corroborate_it(case_builder):
    """A file that says it is based on a diary repeats the diary: two claims of the file
    (the source is looked up once for both) corroborate nothing of the diary's, while an
    independent report does."""
    b = case_builder()
    b.source("liddell-diary", "diary", ["Guy Liddell"], "1940")
    b.source("mi5-summary", "archive_file", ["Security Service"], "1951", based_on=["liddell-diary"])
    b.source("press", "news_report", ["Press Association"], "1979")
    diary = b.claim("liddell-diary", "Anthony Blunt", "knew", "Guy Burgess", "1937")
    b.claim("liddell-diary", "Anthony Blunt", "worked_at", "MI5", "1940")
    summary = b.claim("mi5-summary", "Anthony Blunt", "knew", "Guy Burgess", "1937")
    b.claim("mi5-summary", "Anthony Blunt", "worked_at", "MI5", "1940")
    press = b.claim("press", "Anthony Blunt", "worked_at", "MI5", "1940")
    reg, _, _ = register(b.build())
    assert diary.id in reg["Guy Liddell"].uncorroborated
    assert summary.id in reg["Security Service"].uncorroborated
    assert press.id in reg["Press Association"].corroborated
