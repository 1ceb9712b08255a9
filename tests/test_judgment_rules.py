"""Findings and judgments a historian can sign: each rule of issue 10 firing and staying silent.

Hand-written casebooks (no store, no model): containment and succession are never conflicts,
evidence has a direction, untruths need evidence, a misreading is not a conflict, and
corroboration needs independent chains of testimony.
"""

from __future__ import annotations

from typer.testing import CliRunner

from collingwood.analyse.findings import findings, headline
from collingwood.analyse.knowledge import covers, knowledge
from collingwood.analyse.witnesses import witness_register
from collingwood.cli import app
from collingwood.resolve import resolve


def _kinds(data, kind):
    return [f for f in findings(data, resolve(data)) if f.type == kind]


def _register(data):
    res = resolve(data)
    fs = findings(data, res)
    return {w.witness: w for w in witness_register(data, res, fs)}, fs


# ---------------------------------------------------------------- knowledge

def test_judgment_knowledge_nests_places_and_bodies():
    k = knowledge()
    assert k.key("the West") in k.ancestors(k.key("the United States"))
    assert k.key("France") in k.ancestors(k.key("Paris"))
    assert k.key("Soviet Union") in k.ancestors(k.key("NKVD"))
    assert k.lineage(k.key("OGPU")) == k.lineage(k.key("KGB"))      # one service, successive names
    assert k.lineage(k.key("GRU")) != k.lineage(k.key("KGB"))
    assert k.key("France") not in k.ancestors(k.key("United States"))


def test_judgment_containment_the_west_and_the_united_states(build):
    data = build.case([build.claim("Walter Krivitsky", "defected_to", "the West", "1937", "a"),
                       build.claim("Walter Krivitsky", "defected_to", "the United States", "1937", "b")])
    assert _kinds(data, "two_values") == [] and _kinds(data, "two_accounts") == []


def test_judgment_containment_paris_and_france(build):
    data = build.case([build.claim("Walter Krivitsky", "born", "Paris", "1899", "a"),
                       build.claim("Walter Krivitsky", "born", "France", "1899", "b")])
    assert _kinds(data, "two_values") == []
    res = resolve(data)
    paris = res.find("Paris")[0]
    france = res.find("France")[0]
    assert covers(res, france, paris) and not covers(res, paris, france)


def test_judgment_containment_still_fires_on_two_countries(build):
    data = build.case([build.claim("Walter Krivitsky", "born", "Poland", "1899", "a"),
                       build.claim("Walter Krivitsky", "born", "France", "1899", "b")])
    (f,) = _kinds(data, "two_values")
    assert "only one can hold" in f.explanation


def test_judgment_succession_nkvd_and_kgb_one_service(build):
    """Two names of one line of succession are one recruiter, not two."""
    data = build.case([build.claim("NKVD", "recruited", "John Cairncross", "1937", "a"),
                       build.claim("KGB", "recruited", "John Cairncross", "1937", "b")])
    assert _kinds(data, "two_values") == [] and _kinds(data, "two_accounts") == []
    other = build.case([build.claim("NKVD", "recruited", "John Cairncross", "1937", "a"),
                        build.claim("GRU", "recruited", "John Cairncross", "1937", "b")])
    assert len(_kinds(other, "two_accounts")) == 1          # two services: a question


def test_judgment_succession_by_date_in_an_omission(case_builder):
    """An account that says 'the KGB and its forerunners, 1936-1951' takes in the NKVD in 1937;
    one that speaks of 1936-1951 without the service has left it out."""
    def case(own_object):
        b = case_builder()
        b.source("memoir", "memoir", ["John Cairncross"], "1997")
        b.source("file", "archive_file", ["Vasili Mitrokhin"], "1992")
        b.claim("memoir", "James Klugmann", "recruited", "John Cairncross", "1936")
        b.claim("memoir", "John Cairncross", "passed_information_to", own_object, "1936 to 1951")
        b.claim("file", "John Cairncross", "passed_information_to", "NKVD", "1937")
        return b.build()

    assert _kinds(case("KGB"), "omission") == []
    assert _kinds(case("the Soviet Union"), "omission") == []
    assert len(_kinds(case("the Foreign Office"), "omission")) == 1


# ---------------------------------------------------------------- evidence has a direction

def test_judgment_admission_raises_no_interested_witness(case_builder):
    b = case_builder()
    b.source("confession", "confession", ["John Cairncross"], "1964")
    b.claim("confession", "John Cairncross", "spied_for", "Soviet Union", "1936 to 1951")
    b.claim("confession", "John Cairncross", "passed_information_to", "Soviet Union", "1940",
            modality="admitted")
    data = b.build()
    assert _kinds(data, "interested_witness") == []


def test_judgment_self_serving_denial_is_an_interested_witness(case_builder):
    b = case_builder()
    b.source("confession", "confession", ["John Cairncross"], "1964")
    b.claim("confession", "John Cairncross", "knew", "Guy Burgess", "1935", polarity="denied")
    (f,) = _kinds(b.build(), "interested_witness")
    assert "denial that clears the witness" in f.explanation


# ---------------------------------------------------------------- untruths need evidence

def test_judgment_true_late_memoir_statement_is_not_deception(case_builder):
    """Said 27 years later and a few months off the record: a caution, never deceit."""
    b = case_builder()
    b.source("confession", "confession", ["John Cairncross"], "1964")
    b.source("kgb-file", "archive_file", ["Vasili Mitrokhin"], "1992")
    b.source("history", "secondary_work", ["Christopher Andrew"], "1999")
    c = b.claim("confession", "James Klugmann", "recruited", "John Cairncross", "1936")
    b.claim("kgb-file", "James Klugmann", "recruited", "John Cairncross", "early 1937")
    b.claim("history", "James Klugmann", "recruited", "John Cairncross", "early 1937")
    reg, fs = _register(b.build())
    assert any(f.type == "date_conflict" for f in fs)
    rec = reg["John Cairncross"]
    assert [s for s in rec.statements if s.claim_id == c.id] == []
    assert rec.credibility[c.id].value != 5            # never "improbable" for a date slip
    assert c.id not in rec.contradicted                # months apart: disputed detail


def test_judgment_deception_needs_stronger_independent_evidence(case_builder):
    b = case_builder()
    b.source("memoir", "memoir", ["Anthony Blunt"], "1983")
    b.source("file", "archive_file", ["Registry"], "1951")
    b.source("diary", "diary", ["Guy Liddell"], "1951")
    d = b.claim("memoir", "Anthony Blunt", "knew", "Guy Burgess", "1937", polarity="denied")
    b.claim("file", "Anthony Blunt", "knew", "Guy Burgess", "1937")
    b.claim("diary", "Anthony Blunt", "knew", "Guy Burgess", "1937")
    reg, _ = _register(b.build())
    (s,) = reg["Anthony Blunt"].statements
    assert (s.claim_id, s.type) == (d.id, "deception")
    assert {e.witness for e in s.evidence} == {"Registry", "Guy Liddell"}
    assert all(e.grade in "ABCDEF" for e in s.evidence)


def test_judgment_admission_is_never_typed(case_builder):
    b = case_builder()
    b.source("confession", "confession", ["John Cairncross"], "1964")
    b.source("file", "archive_file", ["Registry"], "1951")
    b.source("file2", "archive_file", ["Another Registry"], "1952")
    b.claim("confession", "John Cairncross", "spied_for", "Soviet Union", "1940")
    b.claim("file", "John Cairncross", "spied_for", "Soviet Union", "1940", polarity="denied")
    b.claim("file2", "John Cairncross", "spied_for", "Soviet Union", "1940", polarity="denied")
    reg, _ = _register(b.build())
    assert [s for s in reg["John Cairncross"].statements if s.type] == []


# ---------------------------------------------------------------- whose words

def test_judgment_journalist_sentence_not_charged_to_confessor(build):
    build.source("article", title="Civil Service World", authors=["Tevye Markson"], written="2025",
                 kind="news_report", reports_on={"witness": "John Cairncross", "date": "1964"})
    data = build.case([
        build.claim("John Cairncross", "passed_information_to", "Soviet Union", "1936 to 1951", "article"),
        build.claim("John Cairncross", "died", None, "8 October 1995", "article")])
    assert _kinds(data, "narrates_after_written") == []     # the 2025 article's words, not 1964's


def test_judgment_confessor_quoted_on_the_future_is_flagged(build):
    build.source("article", title="Civil Service World", authors=["Tevye Markson"], written="2025",
                 kind="news_report", reports_on={"witness": "John Cairncross", "date": "1964"})
    data = build.case([build.claim("John Cairncross", "died", None, "8 October 1995", "article",
                                   asserted_by="John Cairncross")])
    (f,) = _kinds(data, "narrates_after_written")
    assert "John Cairncross" in f.explanation


# ---------------------------------------------------------------- misreadings

def test_judgment_misreading_is_a_suspect_reading_not_a_conflict(build):
    """'born' read off a sentence that gives his birth name in a 1990s context."""
    data = build.case([
        build.claim("Walter Krivitsky", "born", "Poland", "1899", "a"),
        build.claim("Walter Krivitsky", "worked_at", "GRU", "1920 to 1937", "a"),
        build.claim("Walter Krivitsky", "born", "Poland", "1990", "b")])
    (f,) = _kinds(data, "suspect_reading")
    assert "check the reading" in f.explanation and not headline(f)
    assert _kinds(data, "date_conflict") == []


def test_judgment_no_suspect_reading_on_a_consistent_life(build):
    data = build.case([build.claim("Walter Krivitsky", "born", "Poland", "1899", "a"),
                       build.claim("Walter Krivitsky", "worked_at", "GRU", "1920 to 1937", "a")])
    assert _kinds(data, "suspect_reading") == []


def test_judgment_lone_machine_reading_against_its_own_source(build):
    from dataclasses import replace

    a = build.claim("Walter Krivitsky", "defected_to", "France", "October 1937", "book")
    b = build.claim("Walter Krivitsky", "defected_to", "France", "autumn 1937", "book")
    bad = replace(build.claim("Walter Krivitsky", "defected_to", "France", "1941", "book"),
                  extracted_by="rules-spacy@1", id="")
    (f,) = _kinds(build.case([a, b, bad]), "suspect_reading")
    assert bad.id in f.claim_ids


# ---------------------------------------------------------------- independence

def test_judgment_corroboration_refused_inside_one_chain(case_builder):
    b = case_builder()
    b.source("article", "news_report", ["Tevye Markson"], "2025")
    b.claim("article", "James Klugmann", "recruited", "John Cairncross", "1936",
            asserted_by="John Cairncross")
    b.claim("article", "James Klugmann", "recruited", "John Cairncross", "1936")
    reg, _ = _register(b.build())
    assert reg["John Cairncross"].corroborated == []          # the same article: one chain


def test_judgment_two_notes_of_one_interview_are_one_chain(case_builder):
    b = case_builder()
    for sid, author in (("note-a", "Arthur Martin"), ("note-b", "Peter Wright")):
        b.source(sid, "interview", [author], "1964",
                 reports_on={"witness": "John Cairncross", "date": "1964"})
        b.claim(sid, "James Klugmann", "recruited", "John Cairncross", "1936",
                asserted_by="Arthur Martin" if sid == "note-a" else "Peter Wright")
    reg, _ = _register(b.build())
    assert reg["Arthur Martin"].corroborated == [] and reg["Peter Wright"].corroborated == []


def test_judgment_corroboration_across_independent_chains(case_builder):
    b = case_builder()
    b.source("confession", "confession", ["John Cairncross"], "1964")
    b.source("kgb-file", "archive_file", ["Vasili Mitrokhin"], "1992")
    c = b.claim("confession", "James Klugmann", "recruited", "John Cairncross", "1936")
    b.claim("kgb-file", "James Klugmann", "recruited", "John Cairncross", "1936")
    reg, _ = _register(b.build())
    assert reg["John Cairncross"].corroborated == [c.id]


# ---------------------------------------------------------------- open predicates

def test_judgment_open_predicates_are_handled_safely(build):
    from collingwood.analyse import predicate_of

    p = predicate_of("other:visited")
    assert p.label == "visited" and not p.functional and p.edge is None


# ---------------------------------------------------------------- commands refuse nonsense

def _cli_case(tmp_path):
    runner = CliRunner()
    src = tmp_path / "src"
    src.mkdir()
    (src / "note.md").write_text("---\ntitle: Note\nkind: note\n---\nKlugmann recruited Cairncross in 1936.\n")
    (src / "a.casebook.yaml").write_text(
        "claims:\n  - {subject: James Klugmann, predicate: recruited, object: John Cairncross,"
        " when: '1936', source: note.md, quote: Klugmann recruited Cairncross in 1936}\n")
    case = tmp_path / "x.case"
    assert runner.invoke(app, ["ingest", str(case), str(src)]).exit_code == 0
    return runner, case


def test_judgment_cli_refuses_nonsense(tmp_path):
    runner, case = _cli_case(tmp_path)
    got = runner.invoke(app, ["verdict", str(case), "f-000000000000", "dismissed"])
    assert got.exit_code == 4 and "E404" in got.output
    got = runner.invoke(app, ["merge", str(case), "Otto", "Arnold Deutsch"])
    assert got.exit_code == 4 and "E404" in got.output
    got = runner.invoke(app, ["ingest", str(case), str(tmp_path / "no-such-folder")])
    assert got.exit_code == 4 and "E404" in got.output
    got = runner.invoke(app, ["judge", str(case), "Nobody", "grade", "C"])
    assert got.exit_code == 4 and "E404" in got.output


def test_judgment_cli_judge_works(tmp_path):
    runner, case = _cli_case(tmp_path)
    witnesses = runner.invoke(app, ["witnesses", str(case)])
    assert witnesses.exit_code == 0
    got = runner.invoke(app, ["judge", str(case), "Note", "grade", "C", "--note", "on balance"])
    assert got.exit_code == 0, got.output
    after = runner.invoke(app, ["witnesses", str(case)])
    assert "C: set by the analyst" in after.output
    got = runner.invoke(app, ["merge", str(case), "Klugmann", "James Klugmann"])
    assert got.exit_code == 0


def test_judgment_successive_acts_are_not_one_act_dated_twice(build):
    data = build.case([
        build.claim("Registrupr", "renamed_to", "Razvedupr", "1921", "a"),
        build.claim("Registrupr", "renamed_to", "GRU", "1942", "a")])
    assert _kinds(data, "date_conflict") == []
    same = build.case([
        build.claim("Walter Krivitsky", "defected_to", "France", "1937", "a"),
        build.claim("Walter Krivitsky", "defected_to", "Paris", "1939", "b")])
    assert len(_kinds(same, "date_conflict")) == 1          # one destination, two dates
    born = build.case([build.claim("Walter Krivitsky", "born", "Poland", "1899", "a"),
                       build.claim("Walter Krivitsky", "born", "Austria", "1901", "b")])
    assert len(_kinds(born, "date_conflict")) == 1          # born once, whatever the place


def test_judgment_claim_of_credit_is_an_interested_witness(case_builder):
    b = case_builder()
    b.source("memoir", "memoir", ["Walter Krivitsky"], "1939")
    b.claim("memoir", "Walter Krivitsky", "warned", "Security Service", "1939")
    (f,) = _kinds(b.build(), "interested_witness")
    assert "credits the witness" in f.explanation and f.severity == "low"


def test_judgment_register_opens_on_what_would_change_the_story(build):
    data = build.case([
        build.claim("Walter Krivitsky", "born", "Poland", "1899", "a"),
        build.claim("Walter Krivitsky", "born", "France", "1899", "b"),
        build.claim("Walter Krivitsky", "friend_of", "Ignace Reiss", "1930", "a"),
        build.claim("Walter Krivitsky", "friend_of", "Ignace Reiss", "1930", "b", polarity="denied",
                    asserted_by="Ignace Reiss"),
        build.claim("Cairncross", "knew", "Burgess", "1935", "c", polarity="denied",
                    asserted_by="Cairncross")])
    found = findings(data, resolve(data))
    assert {f.type for f in found[:2]} == {"two_values", "affirmed_vs_denied"}
    assert found[-1].type == "interested_witness"          # a flag after the conflicts
    assert [f.severity for f in found] == sorted((f.severity for f in found),
                                                 key=("high", "medium", "low").index)
