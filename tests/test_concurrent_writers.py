"""Four writer processes at once on one case, on SQLite and on PostgreSQL: one ingests files,
three set verdicts, ratings and judgments and all of them the same finding's verdict. No update
is lost: every write is there, and the audit of the shared verdict is one chain (each change's
before is the previous one's after), so every writer saw the others' committed work. A writer
kept waiting gets the coded case-busy, never a database error."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys

from sqlalchemy import text

import writers
from collingwood.case import Case


def test_four_writers_at_once_lose_no_update(tmp_path, case_url):
    files = []
    for i in range(8):
        f = tmp_path / f"doc-{i}.txt"
        f.write_text(f"Document {i}: Klugmann met Cairncross on day {i} of the spring term.\n", encoding="utf-8")
        files.append(str(f))
    case = Case.init(case_url)
    case.store.replace_hypotheses("Who recruited him?", "h.yaml", [{"id": "H1"}, {"id": "H2"}], [])
    case.store.dispose()

    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    work = [("ingest_files", (case_url, files))] + [
        ("verdicts_and", (case_url, w, kind)) for w, kind in enumerate(("verdicts", "ratings", "judgments"), start=1)]
    procs = [ctx.Process(target=writers.run_into, args=(queue, i, fn, args)) for i, (fn, args) in enumerate(work)]
    for p in procs:
        p.start()
    got = dict(queue.get(timeout=600) for _ in procs)
    for p in procs:
        p.join(timeout=60)
    results = [got[i] for i in range(len(work))]
    assert all(r.get("errors") == [] for r in results), results
    assert results[0]["added"] == 8

    case = Case.open(case_url)
    n = writers.N
    assert len(case.sources()) == 8
    verdicts = case.store.verdicts()
    assert {f"f-1-{i}" for i in range(n)} <= set(verdicts) and "f-shared" in verdicts
    (hset,) = case.store.hypothesis_sets()
    assert len(hset["ratings"]) == n
    assert len(case.store.judgments()) == n
    chain = sorted((e for e in case.audit(target="f-shared")), key=lambda e: e["id"])
    assert len(chain) == 3 * n
    for prev, this in zip(chain, chain[1:]):
        assert this["before"]["verdicts"][0]["note"] == prev["after"]["verdicts"][0]["note"], (prev, this)
    assert verdicts["f-shared"][1] == chain[-1]["after"]["verdicts"][0]["note"]
    case.store.dispose()


def test_a_writer_kept_waiting_on_postgresql_is_told_the_case_is_busy(pg_server, tmp_path):
    url = pg_server.create_database("busy")
    case = Case.init(url)
    note = tmp_path / "note.txt"
    note.write_text("Klugmann recruited Cairncross.\n", encoding="utf-8")
    with case.store.engine.connect() as conn, conn.begin():
        conn.execute(text("SELECT pg_advisory_xact_lock(7411)"))     # another writer's turn, held
        r = subprocess.run([sys.executable, "-m", "collingwood", "ingest", url, str(note)], capture_output=True,
                           text=True, timeout=300, env={**os.environ, "COLLINGWOOD_BUSY_TIMEOUT": "0.5"})
    assert r.returncode == 5, r.stderr
    assert "case-busy" in r.stderr and "Traceback" not in r.stderr
    r = subprocess.run([sys.executable, "-m", "collingwood", "ingest", url, str(note)], capture_output=True,
                       text=True, timeout=300)
    assert r.returncode == 0 and "1 sources" in r.stdout, r.stderr
    case.store.dispose()
