"""Server time of the web workbench on a synthetic stored case.

    python bench/bench_web.py                        # 10k claims, SQLite
    python bench/bench_web.py --sizes 10000 100000   # and 100k (20,000 events in one year at 100k)
    python bench/bench_web.py --postgresql URL       # the same on PostgreSQL: per size a new
                                                     # database named after URL's (URL_10000, ...)

The case is written through the store (sources with real text, every claim quoting its own
sentence); a fifth of the claims (20,000 at 100k) are meetings on distinct days of one year.
Requests go through the app in-process (FastAPI's TestClient: server time, no network), with
the bearer token. For each page or call: the median and p95 of 20 requests with the analysis
of the case's current state already made ("warm"), and of requests right after an edit: the
edit itself (PATCH), its re-analysis (the workbench's view of the new state: incremental, see
`analysis_incremental`; the mode of each run is printed on stderr), the two together, and the
first chronology page, profile and graph read that follows (each computes its page for the
new state).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from collingwood.case import Case
from collingwood.model import Claim, Source
from collingwood.timespan import TimeSpan

YEAR = 1943


def build(url: str, n: int, seed: int = 11) -> Case:
    rng = random.Random(seed)
    case = Case.init(url, title=f"Synthetic {n}")
    actors = [f"Agent{i:05d} Person{i:05d}" for i in range(max(50, n // 40))]
    places = [f"City {i:03d}" for i in range(200)]
    n_sources = max(20, n // 200)
    one_year = n // 5
    base = TimeSpan.year(YEAR).lo
    per_source: dict[str, list[tuple[str, str, str, TimeSpan | None]]] = {f"s{i}": [] for i in range(n_sources)}
    for k in range(n):
        sid = f"s{k % n_sources}"
        a, b = rng.sample(actors, 2)
        if k < one_year:
            day = base + (k * 365) // max(1, one_year)
            per_source[sid].append((a, "met", b, TimeSpan(day, day, "day")))
        else:
            kind = rng.random()
            y = rng.randint(1930, 1960)
            if kind < 0.5:
                per_source[sid].append((a, "knew", b, TimeSpan.year(y)))
            elif kind < 0.8:
                per_source[sid].append((a, "passed_information_to", b, TimeSpan.year(y)))
            else:
                per_source[sid].append((a, "visited", rng.choice(places), TimeSpan.year(y)))
    store = case.store
    with store.write() as conn:
        for sid, facts in per_source.items():
            sentences = [f"{a} {p.replace('_', ' ')} {o} ({t.render() if t else 'undated'})." for a, p, o, t in facts]
            text = " ".join(sentences)
            src = Source(id=sid, title=f"Report {sid}", kind="report", text=text, content_hash=f"h-{sid}",
                         authors=[f"Clerk {sid}"], date="1950", written=TimeSpan.year(1950))
            store.add_source(src, conn)
            at, claims = 0, []
            for (a, p, o, t), s in zip(facts, sentences):
                claims.append(Claim(source_id=sid, start=at, end=at + len(s), quote=s, subject=a, predicate=p,
                                    object=o, time=t, status="accepted"))
                at += len(s) + 1
            store.add_claims(claims, conn)
    return case


def fresh_database(url: str, n: int) -> str:
    """A new, empty database per size on the server of `url` (`<name>_<n>`; one left from an
    earlier run is dropped), so each size starts from nothing, as its SQLite file does."""
    from sqlalchemy import make_url, text

    from collingwood.engine import make_engine
    target = make_url(url)
    target = target.set(database=f"{target.database}_{n}")
    admin = make_engine(target.set(database="postgres").render_as_string(hide_password=False))
    try:
        with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{target.database}"'))
    finally:
        admin.dispose()
    return target.render_as_string(hide_password=False)


def timed(fn, times: int) -> list[float]:
    out = []
    for _ in range(times):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def p95(xs: list[float]) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(0.95 * (len(xs) - 1))))]


def measure(case: Case, warm_n: int = 20, cycles: int = 5) -> dict[str, list[float]]:
    from fastapi.testclient import TestClient

    from collingwood.web import Guard, create_app
    guard = Guard(host="127.0.0.1", port=8765)
    client = TestClient(create_app(case, guard), base_url="http://127.0.0.1:8765",
                        headers={"Authorization": f"Bearer {guard.token}"})

    def ok(r):
        assert r.status_code < 300, (r.status_code, r.text[:300])
        return r

    t0 = time.perf_counter()
    ok(client.get("/api/findings"))
    first = (time.perf_counter() - t0) * 1000
    actor = ok(client.get("/api/entities")).json()[0]["id"]
    claims = ok(client.get("/api/claims")).json()
    target = next(c for c in claims if c["predicate"] == "knew")
    rows: dict[str, list[float]] = {"first analysis (cold start)": [first]}
    reads = {"chronology page": "/chronology", "profile page": f"/entities/{actor}", "graph API": "/api/graph"}
    for label, url in reads.items():
        ok(client.get(url))
        rows[f"{label}, warm"] = timed(lambda u=url: ok(client.get(u)), warm_n)
    from collingwood import workbench
    edit, analysis, both, after = [], [], [], {label: [] for label in reads}
    version = target["version"]
    for i in range(cycles):
        t0 = time.perf_counter()
        version = ok(client.patch(f"/api/claims/{target['id']}",
                                  json={"version": version, "place": f"City {i:03d}"})).json()["version"]
        t1 = time.perf_counter()
        run = workbench.view(case).stored.run          # the re-analysis of the edit
        t2 = time.perf_counter()
        print(f"... edit {i + 1}: {run['mode']} run, {run['seconds']} s", file=sys.stderr)
        edit.append((t1 - t0) * 1000)
        analysis.append((t2 - t1) * 1000)
        both.append((t2 - t0) * 1000)
        for label, url in reads.items():
            after[label].extend(timed(lambda u=url: ok(client.get(u)), 1))
    rows["claim edit (PATCH)"] = edit
    rows["re-analysis of the edit"] = analysis
    rows["claim edit with its re-analysis"] = both
    for label, xs in after.items():
        rows[f"{label}, first read after an edit"] = xs
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000])
    ap.add_argument("--cycles", type=int, default=5, help="edits, each followed by the reads (default 5)")
    ap.add_argument("--postgresql", help="also run on the PostgreSQL server of this URL (a new database "
                                         "per size, named after the URL's with the size appended)")
    ap.add_argument("--no-sqlite", action="store_true", help="only PostgreSQL")
    args = ap.parse_args()
    results = []
    for n in args.sizes:
        backends = ([] if args.no_sqlite else [("SQLite", None)]) + (
            [("PostgreSQL", args.postgresql)] if args.postgresql else [])
        for name, url in backends:
            with tempfile.TemporaryDirectory() as tmp:
                where = fresh_database(url, n) if url else str(Path(tmp) / "bench.case")
                t0 = time.perf_counter()
                case = build(where, n)
                built = time.perf_counter() - t0
                print(f"... {name} {n} claims built in {built:.1f} s", file=sys.stderr)
                rows = measure(case, cycles=args.cycles)
                case.store.dispose()
            results.append((name, n, rows))
    print("| backend | claims | request | n | median ms | p95 ms |")
    print("|---|---|---|---|---|---|")
    for name, n, rows in results:
        for label, xs in rows.items():
            print(f"| {name} | {n:,} | {label} | {len(xs)} | {statistics.median(xs):.0f} | {p95(xs):.0f} |")


if __name__ == "__main__":
    main()
