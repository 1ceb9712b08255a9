"""The analysis run: once after a change to the case, its results stored for every view.

`results(case)` is what every read (a command, the dossier, the web pages) asks for: the
latest run's results when nothing changed since (the case's revision is the last audited
change, `Store.revision`), else one run first. A run after only verdicts, judgments or
ratings reuses the stored resolution and findings and computes the judgment layer again;
any other change runs everything, except in a process that keeps the run's memory (the
workbench sets ``case.incremental``): there a change to a few claims (an edit, a review, an
added claim) re-computes only what it can affect (`analysis_incremental`), stores the
difference and leaves the judgment layer to the first view that asks for it. Each run is a
row of ``analysis_runs`` (when, what asked for it, what changed since the run before, counts,
its mode: full, judgment or incremental); a full run's results replace the last run's, an
incremental one's rows replace only the rows it changed (`results.py`, tables in `tables.py`).
"""

from __future__ import annotations

import hashlib
import logging
import time
from datetime import datetime, timezone
from functools import cache
from pathlib import Path

from . import results as results_rows
from .collector import paused
from .case import Case
from .resolve import resolve_with_names
from .results import Results


# Changes after which the resolution, the events and the detectors' findings stand: only the
# judgment layer (witness register, open questions) is computed again.
JUDGMENT_ONLY = frozenset({"set_verdict", "judge", "rate", "set_hypotheses"})
log = logging.getLogger("collingwood.analysis")
PROGRESS_CLAIMS = 2000      # a run over more claims says so on stderr (see Case.progress)
_FINGERPRINTED = ("resolve.py", "analysis_run.py", "analysis_incremental.py", "results.py", "model.py", "timespan.py",
                  "analyse", "extract", "data", "schema")


@cache
def fingerprint() -> str:
    """The analysis code and rules this Collingwood runs: a run made by other code is stale."""
    root = Path(__file__).parent
    digest = hashlib.sha256()
    for name in _FINGERPRINTED:
        path = root / name
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for f in files:
            if f.suffix in (".py", ".yaml") and f.is_file():
                digest.update(f.relative_to(root).as_posix().encode())
                digest.update(f.read_bytes())
    return digest.hexdigest()[:16]


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


@paused()
def results(case: Case, trigger: str = "read", force: bool = False) -> Results:
    """The latest analysis run's results. When the case changed since that run (an ingest, an
    extract, an edit, a verdict, a merge, a rating ...) or the analysis code did, the analysis
    runs first, once: later calls in the same process reuse it while nothing changes. The
    collector is held off while a run builds its objects (`collector.paused`), for every face
    alike; a command is paused whole by the CLI runner (`cli.app.handles_errors`)."""
    store = case.store
    revision = store.revision()
    held = case.analysed
    if not force and held is not None and held.revision == revision:
        return held
    last = store.latest_run()
    if not force and last is not None and last["revision"] == revision and last["fingerprint"] == fingerprint():
        # a command's snapshot is read when a view first asks for it (the graph and the register
        # never do); a process that writes between its reads (the workbench) takes it now, at the
        # run's revision, so a claim it adds later is not in the run's snapshot
        snapshot = case.data() if getattr(case, "incremental", False) else case.data
        case.analysed = Results(store, last, snapshot, judge=_judge_pending)
        return case.analysed
    if not force and held is not None and getattr(held, "memory", None) is not None:
        updated = _incremental(case, held, trigger, revision)
        if updated is not None:
            case.analysed = updated
            return updated
    case.analysed = _run(case, trigger, revision, last)
    return case.analysed


def _incremental(case: Case, held: Results, trigger: str, revision: int) -> Results | None:
    """The held results brought up to ``revision`` by an incremental re-analysis, stored; None
    when the changes since need a full run (`analysis_incremental`)."""
    from . import analysis_incremental as inc
    store = case.store
    t0 = time.perf_counter()
    started = _now()
    rows = store.changes_after(held.revision)
    actions = {r["action"] for r in rows}
    if not actions & inc.CLAIM_ACTIONS and actions <= inc.JUDGMENT_ACTIONS:
        return None          # verdicts only: the judgment run reuses the held results and memory
    mem, held.memory = held.memory, None           # whatever happens, the held state is spent
    if not actions or not actions <= inc.CLAIM_ACTIONS | inc.JUDGMENT_ACTIONS or held.run["fingerprint"] != fingerprint():
        return None
    try:
        changed = inc.changed_claims(store, rows, mem.live)
        up = inc.update(held, mem, changed, store.verdicts())
    except inc.Fallback:
        return None
    except Exception:                 # a flaw here must cost time, never a wrong analysis
        log.exception("the incremental analysis failed; running in full")
        return None
    old_prom, held_graph = held.prominence, held.graph
    counts = {"claims": len(up.res.claims), "entities": len(up.res.entities), "events": len(up.res.events),
              "findings": len(up.findings)}
    detail = dict(held.run["detail"] or {}, judgment="pending", incremental=up.note)
    run = dict(started=started, finished=_now(), trigger=trigger, mode="incremental", revision=revision,
               fingerprint=fingerprint(), changes=store.changes_since(held.revision), counts=counts,
               detail=detail, seconds=round(time.perf_counter() - t0, 3))
    # a graph the update drew again replaces the stored one; an unchanged graph stays as stored
    graph = {} if up.graph is held_graph else results_rows.graph_rows(up.graph)
    run["id"] = store.save_run(run, graph, delta=results_rows.delta_rows(up, old_prom))
    run["seconds"] = round(time.perf_counter() - t0, 3)
    out = Results(store, run, up.data, judge=_judge_pending, res=up.res, findings=up.findings, graph=up.graph,
                  prominence=up.prominence)
    out.memory = mem
    out.witness_keys = inc.witness_keys(mem)
    return out


def _run(case: Case, trigger: str, revision: int, last: dict | None) -> Results:
    """One analysis run over a snapshot taken after ``revision``; stores and returns its results."""
    from .analyse.affinity import affinity_graph
    from .analyse.case_view import CaseView, prominence
    from .analyse.questions import open_questions
    from .analyse.witnesses import witness_register
    store = case.store
    started, t0 = _now(), time.perf_counter()
    changes = store.changes_since(last["revision"]) if last else {}
    data = case.data()
    say = case.progress if case.progress and len(data.claims) >= PROGRESS_CLAIMS else None
    reuse = (last is not None and last["fingerprint"] == fingerprint() and changes
             and set(changes) <= JUDGMENT_ONLY)
    if say:
        say(f"Analysing {len(data.claims):,} claims ({'judgments only' if reuse else 'full run'}; "
            f"the case changed since its last analysis) ...")
    stored: dict[str, list[dict]] = {}
    held = case.analysed
    kept = held is not None and held.run.get("id") == last["id"] and held.memory is not None if reuse else False
    if reuse:
        previous = held if kept else Results(store, last, data)
        res, found, prom, graph = previous.res, previous.findings, previous.prominence, previous.graph
        for f in found:
            f.verdict, f.note = data.verdicts.get(f.id, ("open", ""))
    else:
        res, names = resolve_with_names(data)
        found = Case.findings(data, res)
        graph = affinity_graph(data, res)
        stored.update(results_rows.resolution_rows(res))
        stored.update(results_rows.graph_rows(graph))
        stored["findings"] = results_rows.finding_rows(found)
    view = CaseView(data, res)
    if not reuse:
        prom = prominence(view, graph)
    register = witness_register(data, res, found, overrides=store.judgments(), prominence_of=prom, view=view)
    questions = open_questions(data, res, found, prominence_of=prom, view=view)
    gradings = results_rows.grading_rows(prom, register, view.name)
    stored["gradings"] = gradings
    stored["open_questions"] = results_rows.question_rows(questions)
    counts = {"claims": len(res.claims), "entities": len(res.entities), "events": len(res.events),
              "findings": len(found), "witnesses": len(register), "questions": len(questions)}
    run = dict(started=started, finished=_now(), trigger=trigger, mode="judgment" if reuse else "full",
               revision=revision, fingerprint=fingerprint(), changes=changes, counts=counts,
               detail=results_rows.resolution_detail(res) if not reuse else _judged(last["detail"]),
               seconds=round(time.perf_counter() - t0, 3))
    run["id"] = store.save_run(run, stored)
    if say:
        say(f"Analysed in {time.perf_counter() - t0:.1f} s: {counts['events']:,} events, "
            f"{counts['findings']:,} findings.")
    out = Results(store, run, data, judge=_judge_pending, res=res, findings=found, gradings=gradings,
                  register=register, questions=questions, graph=graph, prominence=prom)
    if kept:
        out.memory, out.witness_keys = held.memory, held.witness_keys
        held.memory = None
    elif getattr(case, "incremental", False) and not reuse and graph is not None:
        from .analysis_incremental import remember
        out.memory = remember(data, res, names, gradings, found)
        _settle()
    return out


def _settle() -> None:
    """After a full run in a process that keeps it (the workbench): the run's objects (millions
    at 100k claims) move out of the collector's view, so a later edit's re-analysis never
    waits for a full collection that walks them all. Each full run settles anew."""
    import gc
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def _judged(detail: dict | None) -> dict:
    return {k: v for k, v in (detail or {}).items() if k != "judgment"}


@paused()
def _judge_pending(out: Results) -> None:
    """The judgment layer of ``out`` (an incremental run's results, or such a run read back),
    computed now from its resolution, findings and prominence, and stored as a judgment run."""
    from .analyse.case_view import CaseView
    from .analyse.questions import open_questions
    from .analyse.witnesses import witness_register
    store, data, res, found, prom = out.store, out.data, out.res, out.findings, out.prominence
    started, t0 = _now(), time.perf_counter()
    view = CaseView(data, res)
    register = witness_register(data, res, found, overrides=store.judgments(), prominence_of=prom, view=view)
    questions = open_questions(data, res, found, prominence_of=prom, view=view)
    gradings = results_rows.grading_rows(prom, register, view.name)
    counts = dict(out.run["counts"] or {}, witnesses=len(register), questions=len(questions))
    run = dict(started=started, finished=_now(), trigger="judgment pending", mode="judgment",
               revision=out.run["revision"], fingerprint=out.run["fingerprint"], changes={}, counts=counts,
               detail=_judged(out.run["detail"]), seconds=round(time.perf_counter() - t0, 3))
    run["id"] = store.save_run(run, {"gradings": gradings, "open_questions": results_rows.question_rows(questions)})
    out.set_judgment(run, gradings, register, questions)
