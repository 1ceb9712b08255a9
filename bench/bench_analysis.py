"""Analysis cost against claim count: resolve + findings + affinity graph.

    python bench/bench_analysis.py                      # 10k, 100k, 1M
    python bench/bench_analysis.py --sizes 2000 10000   # quick

Each size runs in its own subprocess (so peak memory is that size's alone) on a
synthetic case with realistic structure: many actors, each happening reported by
one to four sources (some coarser, "1943" for "12 May 1943"), and a known number of
planted conflicts of five kinds. Prints time, peak RSS, growth against the first
size, recall and precision on the planted conflicts, and a naive all-pairs
conflict check at the smallest size for comparison.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time

from collingwood.model import CaseData, Claim, Source
from collingwood.timespan import TimeSpan

PLANTED = ("date_conflict", "two_accounts", "affirmed_vs_denied", "anachronism", "impossible_presence")


def _day(rng: random.Random, y0: int = 1930, y1: int = 1960) -> TimeSpan:
    lo = TimeSpan.year(y0).lo
    n = lo + rng.randrange(TimeSpan.year(y1).hi - lo)
    return TimeSpan(n, n, "day")


def _year_of(t: TimeSpan) -> TimeSpan:
    from collingwood.timespan import civil
    return TimeSpan.year(civil(t.lo)[0])


class Generator:
    def __init__(self, n_claims: int, seed: int = 7):
        self.rng = random.Random(seed)
        self.n = n_claims
        n_actors = max(50, n_claims // 50)
        self.actors = [f"Agent{i:06d} Person{i:06d}" for i in range(n_actors)]
        self.orgs = [f"Office {i:04d}" for i in range(max(10, n_actors // 20))]
        self.places = [f"City {i:03d}" for i in range(300)]
        self.sources = {f"s{i}": Source(id=f"s{i}", title=f"Source {i}", kind="secondary_work", text="",
                                        content_hash=f"h{i}", authors=[f"Writer{i}"], date="1990",
                                        written=TimeSpan.year(1990))
                        for i in range(max(20, n_claims // 100))}
        self.source_ids = list(self.sources)
        self.claims: list[Claim] = []
        self.planted: dict[str, list[set[str]]] = {k: [] for k in PLANTED}
        self.k = 0

    def claim(self, s, p, o, t, place=None, polarity="affirmed", source=None) -> Claim:
        self.k += 1
        c = Claim(source_id=source or self.rng.choice(self.source_ids), start=self.k, end=self.k + 10,
                  quote="q", subject=s, predicate=p, object=o, time=t, place=place,
                  polarity=polarity, status="accepted", id=f"c{self.k}")
        self.claims.append(c)
        return c

    def versions(self, s, p, o, t, place=None) -> list[Claim]:
        """One happening told by 1-4 sources, some at year precision."""
        out = []
        for _ in range(self.rng.randint(1, 4)):
            out.append(self.claim(s, p, o, t if self.rng.random() < 0.6 else _year_of(t), place))
        return out

    def background(self) -> None:
        rng, actors = self.rng, self.actors
        for a in actors:
            self.versions(a, "born", rng.choice(self.places), TimeSpan.year(rng.randint(1890, 1915)))
            self.versions(a, "worked_at", rng.choice(self.orgs),
                          TimeSpan.from_iso(f"{(y := rng.randint(1930, 1950))}-01-01", f"{y + rng.randint(0, 8)}-12-31", "year"))
        while len(self.claims) < self.n * 0.97:
            a, b = rng.sample(actors, 2)
            kind = rng.random()
            if kind < 0.5:
                self.versions(a, "met", b, _day(rng))
            elif kind < 0.7:
                self.versions(a, "passed_information_to", b, _day(rng))
            elif kind < 0.85:
                self.versions(a, "knew", b, TimeSpan.year(rng.randint(1930, 1960)))
            else:
                self.versions(a, "visited", rng.choice(self.places), _day(rng))

    def plant(self, per_kind: int) -> None:
        rng, used = self.rng, set()

        def fresh():
            while True:
                a = rng.choice(self.actors)
                if a not in used:
                    used.add(a)
                    return a

        for _ in range(per_kind):
            a = fresh()
            t = _day(rng, 1936, 1940)
            x = self.claim(a, "recruited", fresh(), t)
            y = self.claim(x.subject, "recruited", x.object, TimeSpan.year(1945))
            self.planted["date_conflict"].append({x.id, y.id})
            a = fresh()
            t = TimeSpan.year(rng.randint(1937, 1955))
            x, y = (self.claim(a, "defected_to", pl, t) for pl in rng.sample(self.places, 2))
            self.planted["two_accounts"].append({x.id, y.id})   # two destinations: a question
            a, b = fresh(), fresh()
            t = TimeSpan.year(rng.randint(1931, 1959))
            x = self.claim(a, "friend_of", b, t)
            y = self.claim(a, "friend_of", b, t, polarity="denied")
            self.planted["affirmed_vs_denied"].append({x.id, y.id})
            a = fresh()
            x = self.claim(a, "died", rng.choice(self.places), _day(rng, 1961, 1961))
            y = self.claim(a, "married", fresh(), TimeSpan.year(1975))
            self.planted["anachronism"].append({x.id, y.id})
            a, t = fresh(), _day(rng, 1970, 1975)
            x, y = (self.claim(a, "visited", pl, t) for pl in rng.sample(self.places, 2))
            self.planted["impossible_presence"].append({x.id, y.id})


def make_case(n: int) -> tuple[CaseData, dict]:
    g = Generator(n)
    g.background()
    g.plant(max(5, n // 1000))
    return CaseData(sources=g.sources, claims=g.claims), g.planted


def score(found, planted: dict) -> dict:
    out = {}
    for kind in PLANTED:
        sets = [set(f.claim_ids) for f in found if f.type == kind]
        hit = sum(1 for p in planted[kind] if any(p <= s for s in sets))
        true = sum(1 for s in sets if any(p <= s for p in planted[kind]))
        out[kind] = (hit / len(planted[kind]) if planted[kind] else 1.0, true / len(sets) if sets else 1.0)
    return out


def naive_all_pairs(data: CaseData) -> tuple[float, int]:
    """The approach blocking avoids: compare every pair of claims for a once-event date conflict."""
    from collingwood.model import schema
    once = {n for n, p in schema().predicates.items() if p.once}
    claims = [c for c in data.claims if c.time is not None]
    t0, n = time.perf_counter(), 0
    for i, a in enumerate(claims):
        for b in claims[i + 1:]:
            if a.predicate == b.predicate and a.predicate in once and a.subject == b.subject \
                    and not a.time.intersects(b.time):
                n += 1
    return time.perf_counter() - t0, n


def run_one(n: int, naive: bool) -> dict:
    from collingwood.analyse.affinity import affinity_graph
    from collingwood.analyse.findings import findings
    from collingwood.resolve import resolve
    t0 = time.perf_counter()
    data, planted = make_case(n)
    t1 = time.perf_counter()
    res = resolve(data)
    t2 = time.perf_counter()
    found = findings(data, res)
    t3 = time.perf_counter()
    graph = affinity_graph(data, res)
    t4 = time.perf_counter()
    row = {"claims": len(data.claims), "generate": t1 - t0, "resolve": t2 - t1, "findings": t3 - t2,
           "graph": t4 - t3, "events": len(res.events), "found": len(found),
           "edges": graph.number_of_edges(), "score": score(found, planted)}
    if naive:
        row["naive"], _ = naive_all_pairs(data)
    row["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--naive", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(run_one(args.child, args.naive)))
        return
    rows = []
    for i, n in enumerate(sorted(args.sizes)):
        cmd = [sys.executable, __file__, "--child", str(n)] + (["--naive"] if i == 0 else [])
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        rows.append(json.loads(out.strip().splitlines()[-1]))
        print(f"... {n} claims done", file=sys.stderr)
    print_table(rows)


def print_table(rows: list[dict]) -> None:
    base = rows[0]
    head = ("claims", "events", "resolve s", "findings s", "graph s", "total s", "per 1k claims",
            "peak MB", "findings", "edges")
    print("| " + " | ".join(head) + " |\n|" + "---|" * len(head))
    for r in rows:
        total = r["resolve"] + r["findings"] + r["graph"]
        print(f"| {r['claims']:,} | {r['events']:,} | {r['resolve']:.2f} | {r['findings']:.2f} | "
              f"{r['graph']:.2f} | {total:.2f} | {1000 * total / r['claims']:.3f} | "
              f"{r['peak_mb']:.0f} | {r['found']:,} | {r['edges']:,} |")
    if "naive" in base:
        print(f"\nNaive all-pairs once-event date check at {base['claims']:,} claims: "
              f"{base['naive']:.1f} s (blocked resolve + every detector: "
              f"{base['resolve'] + base['findings']:.2f} s).")
    print("\nRecall / precision on planted conflicts:\n")
    print("| claims | " + " | ".join(PLANTED) + " |\n|" + "---|" * (len(PLANTED) + 1))
    for r in rows:
        cells = [f"{r['score'][k][0]:.2f} / {r['score'][k][1]:.2f}" for k in PLANTED]
        print(f"| {r['claims']:,} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
