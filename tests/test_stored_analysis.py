"""Issue 12, point 3: analysis runs once, read many times; one grading everywhere; no pairwise
chronology. The demo's sources and casebook (ingested, not extracted) make a small real case."""

from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from collingwood import service
from collingwood.analysis_run import results
from collingwood.case import Case
from collingwood.cli import app
from collingwood.demo import bundled_case_folder

runner = CliRunner()


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    path = tmp_path_factory.mktemp("stored") / "base.case"
    case = Case.init(path)
    case.ingest([bundled_case_folder()])
    case.store.dispose()
    return path


@pytest.fixture
def case_path(ingested, tmp_path):
    path = tmp_path / "demo.case"
    shutil.copy(ingested, path)
    return path


def _runs(path) -> int:
    return len(Case.open(path).store.analysis_runs())


def _cli(*args) -> str:
    result = runner.invoke(app, [*map(str, args)])
    assert result.exit_code == 0, result.output
    return result.output


READS = (["chronology", "--format", "json"], ["findings", "--json"], ["witnesses", "--json"],
         ["questions", "--json"], ["graph", "--format", "json"], ["profile", "John Cairncross"],
         ["hypotheses", "--json"])


def test_reads_after_analysis_read_the_stored_run(case_path):
    _cli("analyse", case_path)
    assert _runs(case_path) == 1
    for command in READS:
        _cli(command[0], case_path, *command[1:])
    assert _runs(case_path) == 1            # seven reads, no analysis: they read the run
    _cli("analyse", case_path)              # nothing changed: nothing to do
    assert _runs(case_path) == 1


def test_a_read_of_a_changed_case_analyses_once(case_path):
    assert _runs(case_path) == 0
    _cli("findings", case_path)             # never analysed: the read runs it, once
    assert _runs(case_path) == 1
    case = Case.open(case_path)
    claim = case.claims()[0]
    case.review(claim.id, "rejected", "misread")
    _cli("chronology", case_path)
    _cli("witnesses", case_path)
    runs = Case.open(case_path).store.analysis_runs()
    assert len(runs) == 2
    assert runs[-1]["mode"] == "full" and runs[-1]["trigger"] == "chronology"
    assert runs[-1]["changes"] == {"set_claim_status": 1}
    assert runs[-1]["counts"]["claims"] == runs[0]["counts"]["claims"] - 1
    chron = json.loads(_cli("chronology", case_path, "--format", "json"))
    assert claim.id not in {v["claim_id"] for e in chron for v in e["versions"]}


def test_one_command_analyses_at_most_once(case_path):
    case = Case.open(case_path)
    first = results(case, "test")
    again = results(case, "test")
    assert again is first and len(case.store.analysis_runs()) == 1
    service.witnesses(case), service.questions(case), service.findings(case)
    assert len(case.store.analysis_runs()) == 1


def test_a_verdict_reanalyses_the_judgment_layer_and_shows(case_path):
    found = [json.loads(x) for x in _cli("findings", case_path, "--json").splitlines()]
    before = {w["witness"]: w for w in map(json.loads, _cli("witnesses", case_path, "--json").splitlines())}
    against = {fid for w in before.values() for fids in w["evidence"]["against"].values() for fid in fids}
    target = next(f for f in found if f["id"] in against)
    _cli("verdict", case_path, target["id"], "dismissed", "--note", "a misreading")
    after_found = {f["id"]: f for f in map(json.loads, _cli("findings", case_path, "--json").splitlines())}
    assert after_found[target["id"]]["verdict"] == "dismissed"
    runs = Case.open(case_path).store.analysis_runs()
    assert [r["mode"] for r in runs] == ["full", "judgment"]
    assert runs[-1]["changes"] == {"set_verdict": 1}
    after = {w["witness"]: w for w in map(json.loads, _cli("witnesses", case_path, "--json").splitlines())}
    still = {fid for w in after.values() for fids in w["evidence"]["against"].values() for fid in fids}
    assert target["id"] not in still           # a dismissed finding no longer counts against anyone
    assert len(Case.open(case_path).store.analysis_runs()) == 2


def test_a_merge_reanalyses_everything(case_path):
    _cli("analyse", case_path)
    _cli("merge", case_path, "Cairncross", "John Cairncross")
    _cli("profile", case_path, "John Cairncross")
    runs = Case.open(case_path).store.analysis_runs()
    assert [r["mode"] for r in runs] == ["full", "full"] and runs[-1]["changes"] == {"merge": 1}


def test_the_same_person_has_one_grade_in_every_view(case_path):
    register = [json.loads(x) for x in _cli("witnesses", case_path, "--json").splitlines()]
    case = Case.open(case_path)
    stored = results(case, "test")
    people = [w for w in register if w["claims"] and stored.res.find(w["witness"])]
    assert people
    for w in people:
        p = json.loads(_cli("profile", case_path, w["witness"], "--json"))
        assert p["grading"]["grade"] == w["grade"], w["witness"]
        assert p["grading"]["prominence"] == w["prominence"]
        assert p["grading"]["grade_rule"] == w["grade_rule"]
    # the open questions ask after the gaps of the people the run's one grading makes
    # prominent enough: the stored gap questions are those of the stored prominence
    from collingwood.analyse.case_view import CaseView
    from collingwood.analyse.questions import _gaps
    prom = stored.prominence
    for rec in stored.register:
        assert prom[rec.key] == (pytest.approx(rec.prominence_score), rec.prominence)
    gaps = [q.as_json() for q in stored.questions if q.kind == "timeline_gap"]
    assert gaps == [q.as_json() for q in sorted(_gaps(CaseView(stored.data, stored.res), prom),
                                                 key=lambda q: (q.text, q.id))]
    stored_json = [json.loads(x) for x in _cli("questions", case_path, "--json").splitlines()]
    assert [q for q in stored_json if q["kind"] == "timeline_gap"] == gaps
    html_path = case_path.parent / "dossier.html"
    _cli("dossier", case_path, "--out", html_path)
    html = html_path.read_text(encoding="utf-8")
    for w in people[:3]:
        assert w["grade_rule"].split(":")[0] in html


# --- the chronology's order-unknown marks, without pairs -------------------------------------

def _meetings(n: int, people: int, seed: int = 3, in_the_year: float = 0.05, hubs: int = 0):
    """``n`` meetings of one year among ``people``: on a day, or (a share) only 'in 1943';
    with ``hubs``, each meeting is of one of a few hubs with someone met once."""
    import random

    from collingwood.model import CaseData, Claim, Source
    from collingwood.timespan import TimeSpan
    rng = random.Random(seed)
    syllables = ["bar", "ven", "dor", "kel", "mas", "tir", "lon", "gra", "sut", "mir", "pel", "rok"]
    given = ["Anna", "Boris", "Clara", "David", "Elena", "Felix", "Greta", "Hugo", "Irina", "Jonas"]

    def name(k: int) -> str:                  # a pronounceable name of its own: Greta Venkelmas
        a, b, c = k % 12, k // 12 % 12, k // 144 % 12
        return f"{given[k % 10]} {(syllables[c] + syllables[b] + syllables[a]).title()}"
    names = [name(i) for i in range(people)]
    src = Source(id="s", title="Diary", kind="diary", text="", content_hash="s", authors=["Writer"])
    claims = []
    year = TimeSpan.year(1943)
    for k in range(n):
        a, b = rng.sample(names, 2) if not hubs else (names[rng.randrange(hubs)], name(hubs + k))
        if rng.random() < in_the_year:
            t = year
        else:
            d = year.lo + rng.randrange(year.hi - year.lo + 1)
            t = TimeSpan(d, d, "day")
        claims.append(Claim(source_id="s", start=k, end=k + 1, quote="q", subject=a, predicate="met",
                            object=b, time=t, status="accepted", id=f"c{k}"))
    return CaseData(sources={"s": src}, claims=claims)


def _brute(entries):
    dated = [e for e in entries if e.event.time is not None]
    out = {e.id: set() for e in dated}
    for i, e in enumerate(dated):
        for f in dated[i + 1:]:
            if e.event.time.intersects(f.event.time) and set(e.event.participants) & set(f.event.participants):
                out[e.id].add(f.id)
                out[f.id].add(e.id)
    return out


def test_chronology_order_unknown_is_exact_in_runs_that_fit_the_window():
    from collingwood.analyse.chronology import ORDER_WINDOW, chronology
    from collingwood.resolve import resolve
    data = _meetings(400, 40)           # sparse: short runs
    entries = chronology(data, resolve(data))
    truth = _brute(entries)
    for e in entries:
        if e.order_listed_all:
            assert set(e.order_unknown_with) == truth[e.id]
        assert e.order_group_size >= len(e.order_unknown_with) + (1 if e.order_unknown_with else 0)
    assert any(e.order_unknown_with for e in entries) and ORDER_WINDOW >= 8


def test_chronology_order_unknown_of_thousands_of_overlapping_meetings_is_bounded():
    from collingwood.analyse.chronology import ORDER_WINDOW, chronology
    from collingwood.resolve import resolve
    data = _meetings(2000, 4, in_the_year=0.7, hubs=4)     # 2,000 meetings of four people in a year
    entries = chronology(data, resolve(data))
    dated = [e for e in entries if e.event.time is not None]
    truth = _brute(entries)
    pairs = sum(len(v) for v in truth.values())
    listed = sum(len(e.order_unknown_with) for e in dated)
    assert pairs > 3 * listed and pairs > 300 * len(dated)         # pair by pair would be big
    assert listed <= 2 * ORDER_WINDOW * len(dated)                   # what is kept is linear
    long_run = [e for e in dated if e.order_group_size > ORDER_WINDOW]
    assert len(long_run) > len(dated) / 2 and not any(e.order_listed_all for e in long_run)
    for e in dated:
        assert set(e.order_unknown_with) <= truth[e.id]              # every mark is true
        assert e.order_unknown_with or not truth[e.id]               # and none is left unmarked
    for e, nxt in zip(dated, dated[1:]):                              # and the reading order's
        if e.event.time.before(nxt.event.time):
            assert e.next_relation == "before"
        elif nxt.id in truth[e.id]:
            assert e.next_relation == "order unknown"
        else:
            assert e.next_relation is None
    from collingwood.report.chronology_export import to_markdown
    assert "others of a run of" in to_markdown(entries[:50], resolve(data))


def test_the_stored_affinity_graph_is_the_graph_drawn(ingested, make_case_url):
    """The graph read (and the dossier) read the run's stored graph: it comes back with the
    nodes, the neighbour order and every attribute of the one the run drew, so each export is
    byte for byte the same; on SQLite and on PostgreSQL."""
    import networkx as nx

    from collingwood.analyse.affinity import affinity_graph
    from collingwood.report import affinity_export, affinity_svg
    url = make_case_url("graph")
    case = Case.init(url)
    case.ingest([bundled_case_folder()])
    drawn = results(case, "test").graph
    assert drawn.number_of_edges() > 10
    again = Case.open(url)
    stored = results(again, "read")
    assert stored._graph is None                     # not drawn in this process: read back
    g = stored.graph
    assert list(g.nodes(data=True)) == list(drawn.nodes(data=True))
    assert [list(g.adj[n]) for n in g] == [list(drawn.adj[n]) for n in drawn]
    assert list(g.edges(data=True)) == list(drawn.edges(data=True))
    fresh = affinity_graph(stored.data, stored.res)
    assert nx.utils.graphs_equal(g, fresh)
    for render in (affinity_export.to_gexf, affinity_export.to_graphml, affinity_export.to_json,
                   affinity_export.to_csv, affinity_svg.to_svg):
        assert render(g) == render(fresh)
    assert service.graph(again, "json") == affinity_export.to_json(fresh)
    case.store.dispose()
    again.store.dispose()


def test_edge_order_rebuilds_neighbour_order_after_edits():
    """`graph_rows` orders the edges of any networkx graph, also one changed after it was
    drawn (as the incremental run changes it), so that adding them back in that order gives
    every node its neighbours in the same order."""
    import networkx as nx

    from collingwood.results import graph_rows
    g = nx.Graph()
    for n in "abcdef":
        g.add_node(n, name=n.upper(), kind="person", degree=0)
    for a, b in ("ab", "cd", "ac", "ef", "bd", "ae", "fc", "db"):
        g.add_edge(a, b, strength=1.0)
    g.remove_edge("a", "b")
    g.add_edge("b", "a", strength=2.0)                # re-added: now last at a and at b
    g.edges["c", "d"].update(strength=3.0)            # changed in place: keeps its place
    rows = graph_rows(g)
    nodes, edges = list(rows["affinity_nodes"]), list(rows["affinity_edges"])
    assert sorted(r["ord"] for r in edges) == list(range(g.number_of_edges()))
    h = nx.Graph()
    h.add_nodes_from((r["key"], {"name": r["name"], "kind": r["kind"], "degree": r["degree"]}) for r in nodes)
    h.add_edges_from((r["a"], r["b"], r["data"]) for r in sorted(edges, key=lambda r: r["ord"]))
    assert [list(h.adj[n]) for n in h] == [list(g.adj[n]) for n in g]
    assert list(h.edges(data=True)) == list(g.edges(data=True))
    naive = nx.Graph(g.edges(data=True))
    assert [list(naive.adj[n]) for n in "abcdef"] != [list(g.adj[n]) for n in "abcdef"]   # the order matters


def test_chronology_out_written_whole_in_place(case_path, tmp_path):
    """`--out` writes the pieces beside the file and moves it into place: the file is what
    standard output shows, an older file is replaced, and no part file is left."""
    printed = _cli("chronology", case_path, "--format", "csv")
    dest = tmp_path / "chronology.csv"
    dest.write_text("an older export\n", encoding="utf-8")
    _cli("chronology", case_path, "--format", "csv", "--out", str(dest))
    assert dest.read_text(encoding="utf-8") == printed
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
