"""Read commands and the analysis run against case size, on cases stored through the application layer.

    python bench/bench_read_paths.py                          # 10k, 100k, 1M claims + 20k meetings
    python bench/bench_read_paths.py --sizes 10000,100000     # a few minutes
    python bench/bench_read_paths.py --quick                  # 10k and the 20k-meetings case only
    python bench/bench_read_paths.py --before ../main/src     # also time that checkout's code

Each case is built once per code under test, in a subprocess, by the Store's own write path
(sources with real text, claims quoting it exactly): synthetic people with pronounceable
names, meetings, passed information, acquaintance, visits, posts and births, each happening
told by one to four sources, some only to the year, and a known number of planted
conflicts. Beside the sizes, the "meetings" case holds 20,000 meetings of 300 people in one
year, 40 % of them dated only "1943": thousands of overlapping events that share actors.

Then every measured step runs in a fresh process of its own, as a command does: the analysis
run itself (a full run on a case never analysed) and each read command (chronology,
findings, witnesses, profile, graph, dossier) over the stored run. Time is the step's wall
clock inside its process (opening the case included); peak memory is the process's maximum
resident size. The growth exponent is the log-log slope of time between consecutive sizes
(1.0 is linear). With ``--before``, the same steps run on another checkout's code (its
read commands recompute the analysis); those processes are limited to ``--limit-gb`` of
address space and ``--timeout`` seconds, and a step that hits either is reported so.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STEPS = ("analysis", "chronology", "findings", "witnesses", "profile", "graph", "dossier")

GIVEN = ["Anna", "Boris", "Clara", "David", "Elena", "Felix", "Greta", "Hugo", "Irina", "Jonas", "Karl",
         "Lena", "Mikhail", "Nadia", "Oskar", "Paula", "Quentin", "Rosa", "Stefan", "Tamara", "Ulrich",
         "Vera", "Walter", "Xenia", "Yuri", "Zofia", "Arthur", "Beatrice", "Conrad", "Dora"]
SYLLABLES = ["bar", "ven", "dor", "kel", "mas", "tir", "lon", "gra", "sut", "mir", "pel", "rok", "hal",
             "zen", "fos", "nik", "wal", "tor", "bel", "kov", "sar", "lin", "mer", "dav", "rus", "gol"]
CITIES = ["Vienna", "Prague", "Berlin", "Geneva", "Lisbon", "Madrid", "Rome", "Paris", "London", "Oslo",
          "Warsaw", "Budapest", "Istanbul", "Cairo", "Ankara", "Athens", "Sofia", "Riga", "Tallinn",
          "Helsinki", "Stockholm", "Copenhagen", "Brussels", "Amsterdam", "Zurich", "Milan", "Naples",
          "Marseille", "Lyon", "Hamburg", "Munich", "Cologne", "Dresden", "Krakow", "Lviv", "Odessa",
          "Kyiv", "Minsk", "Vilnius", "Bucharest"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def person(k: int) -> str:
    """A pronounceable name of its own for each k: 'Greta Venkelmas'."""
    n = len(SYLLABLES)
    s = "".join(SYLLABLES[(k // n ** i) % n] for i in range(3)).title()
    return f"{GIVEN[(k * 7) % len(GIVEN)]} {s}"


# --- building a case -----------------------------------------------------------------------


class Builder:
    """Claims as sentences of their sources: each quote is the source text at its span."""

    def __init__(self, n_sources: int, seed: int):
        from collingwood.timespan import TimeSpan
        self.TimeSpan = TimeSpan
        self.rng = random.Random(seed)
        self.texts: list[list[str]] = [[] for _ in range(n_sources)]
        self.lengths = [0] * n_sources
        self.claims: list[tuple[int, dict]] = []

    def day(self, y0: int = 1930, y1: int = 1960):
        lo = self.TimeSpan.year(y0).lo
        n = lo + self.rng.randrange(self.TimeSpan.year(y1).hi - lo)
        return self.TimeSpan(n, n, "day")

    def words(self, t) -> str:
        from collingwood.timespan import civil
        y, m, d = civil(t.lo)
        return f"in {y}" if t.granularity == "year" else f"on {d} {MONTHS[m - 1]} {y}"

    def claim(self, s: str, p: str, o: str | None, t, sentence: str, source: int | None = None,
              polarity: str = "affirmed", place: str | None = None) -> None:
        src = self.rng.randrange(len(self.texts)) if source is None else source
        start = self.lengths[src]
        self.texts[src].append(sentence)
        self.lengths[src] += len(sentence) + 1
        self.claims.append((src, dict(start=start, end=start + len(sentence), quote=sentence, subject=s,
                                      predicate=p, object=o, time=t, place=place, polarity=polarity)))

    def told(self, s: str, p: str, o: str | None, t, verb: str, place: str | None = None) -> None:
        """One happening told by one to four sources, some only to the year."""
        for _ in range(self.rng.randint(1, 4)):
            tt = t if self.rng.random() < 0.6 or t.granularity == "year" else self.TimeSpan.year(_year(t))
            where = f" in {place}" if place else ""
            self.claim(s, p, o, tt, f"{s} {verb} {o or ''}{where} {self.words(tt)}.".replace("  ", " "),
                       place=place)


def _year(t) -> int:
    from collingwood.timespan import civil
    return civil(t.lo)[0]


def general_case(n: int, seed: int = 7) -> Builder:
    b = Builder(max(20, n // 100), seed)
    rng, Y = b.rng, b.TimeSpan.year
    actors = [person(i) for i in range(max(50, n // 50))]
    orgs = [f"the {w} Office" for w in ("Foreign", "War", "Home", "Colonial", "India", "Treasury",
                                        "Admiralty", "Cabinet", "Passport", "Press")]
    for a in actors:
        b.told(a, "born", rng.choice(CITIES), Y(rng.randint(1890, 1915)), "was born in")
        b.told(a, "worked_at", rng.choice(orgs), Y(rng.randint(1930, 1950)), "worked at")
    while len(b.claims) < n * 0.97:
        a, c = rng.sample(actors, 2)
        kind = rng.random()
        if kind < 0.5:
            b.told(a, "met", c, b.day(), "met")
        elif kind < 0.7:
            b.told(a, "passed_information_to", c, b.day(), "passed information to")
        elif kind < 0.85:
            b.told(a, "knew", c, Y(rng.randint(1930, 1960)), "knew")
        else:
            b.told(a, "visited", rng.choice(CITIES), b.day(), "visited")
    used = set()

    def fresh() -> str:
        while True:
            a = rng.choice(actors)
            if a not in used:
                used.add(a)
                return a

    for _ in range(max(5, n // 1000)):                     # planted conflicts
        a, c = fresh(), fresh()
        b.claim(a, "recruited", c, b.day(1936, 1940), f"{a} recruited {c} in the late thirties.")
        b.claim(a, "recruited", c, Y(1945), f"{a} recruited {c} in 1945.")
        d, e = fresh(), fresh()
        b.claim(d, "friend_of", e, Y(1950), f"{d} was a friend of {e} in 1950.")
        b.claim(d, "friend_of", e, Y(1950), f"{d} was never a friend of {e} in 1950.", polarity="denied")
    return b


def meetings_case(n: int = 20_000, people: int = 300, seed: int = 11) -> Builder:
    """``n`` meetings of ``people`` in one year, 40 % dated only to the year."""
    b = Builder(max(20, n // 200), seed)
    rng = b.rng
    actors = [person(i) for i in range(people)]
    year = b.TimeSpan.year(1943)
    for _ in range(n):
        a, c = rng.sample(actors, 2)
        if rng.random() < 0.4:
            t = year
        else:
            d = year.lo + rng.randrange(year.hi - year.lo + 1)
            t = b.TimeSpan(d, d, "day")
        b.claim(a, "met", c, t, f"{a} met {c} {b.words(t)}.")
    return b


def store_case(b: Builder, path: Path) -> dict:
    """Write the built case through the Store's one write path (spans checked, audited)."""
    from collingwood.case import Case
    from collingwood.model import Claim, Source
    from collingwood.timespan import TimeSpan
    case = Case.init(path, title="Synthetic case")
    texts = ["\n".join(t) for t in b.texts]
    for i, text in enumerate(texts):
        case.store.ingest_source(Source(
            id=f"src-{i:05d}", title=f"Report {i} on the network", kind="memorandum", text=text,
            content_hash=f"bench-{i}", authors=[person(10_000_000 + i)], date=str(1960 + i % 30),
            written=TimeSpan.year(1960 + i % 30)))
    by_source: dict[int, list] = {}
    for src, c in b.claims:
        by_source.setdefault(src, []).append(Claim(source_id=f"src-{src:05d}", status="accepted", **c))
    batch: list = []
    for src in sorted(by_source):
        batch.extend(by_source[src])
        if len(batch) >= 50_000:
            with case.store.write() as conn:
                case.store.add_claims(batch, conn)
            batch = []
    if batch:
        with case.store.write() as conn:
            case.store.add_claims(batch, conn)
    return {"claims": len(b.claims), "sources": len(texts)}


# --- measuring one step in its own process --------------------------------------------------


def _most_claimed(case) -> str:
    from collections import Counter
    counts = Counter(c.subject for c in case.claims())
    return counts.most_common(1)[0][0]


def run_step(step: str, path: Path, scratch: Path) -> dict:
    from collingwood.case import Case
    name = _most_claimed(Case.open(path)) if step == "profile" else ""   # the bench's choice: not timed
    try:        # a step runs as the CLI runner runs a command: the collector held off
        from collingwood.collector import paused
    except ImportError:                             # code from before the pause
        from contextlib import nullcontext as paused
    with paused():
        return _step(step, path, scratch, name)


def _step(step: str, path: Path, scratch: Path, name: str) -> dict:
    from collingwood import service
    from collingwood.case import Case
    t0 = time.perf_counter()
    case = Case.open(path)
    out = {}
    if step == "analysis":
        try:
            from collingwood.analysis_run import results
            r = results(case, "bench")
            out = {"events": len(r.res.events), "findings": len(r.findings)}
        except ImportError:                         # before stored analysis: the analyse command
            from collingwood.analysis import run_analysis
            r = run_analysis(case, sections=False)
            out = {"events": len(r.resolution.events), "findings": len(r.findings)}
    elif step == "chronology":
        chunks = getattr(service, "chronology_chunks", None)     # as the command writes it: piece by piece
        out = {"bytes": sum(map(len, chunks(case, "md"))) if chunks else len(service.chronology(case, "md"))}
    elif step == "findings":
        items, data, res = service.findings(case)
        out = {"bytes": sum(len(json.dumps(service.finding_record(f, data, res))) for f in items)}
    elif step == "witnesses":
        out = {"bytes": sum(len(json.dumps(service.witness_record(w))) for w in service.witnesses(case))}
    elif step == "profile":
        out = {"bytes": len(service.profile(case, name, as_json=True))}
    elif step == "graph":
        out = {"bytes": len(service.graph(case, "json"))}
    elif step == "dossier":
        dest = scratch / "dossier.html"
        service.write_dossier(case, dest)
        out = {"bytes": dest.stat().st_size}
    out["seconds"] = time.perf_counter() - t0
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def child(args) -> None:
    if args.src:
        sys.path.insert(0, str(Path(args.src).resolve()))
    if args.limit_gb:
        limit = int(args.limit_gb * 1024 ** 3)
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    path = Path(args.case)
    if args.child == "build":
        t0 = time.perf_counter()
        b = meetings_case() if args.kind == "meetings" else general_case(args.size)
        row = store_case(b, path)
        row["seconds"] = time.perf_counter() - t0
    else:
        row = run_step(args.child, path, path.parent)
    print(json.dumps(row))


def spawn(step: str, case: Path, kind: str, size: int, src: str | None, limit_gb: float | None,
          timeout: float | None) -> dict:
    cmd = [sys.executable, __file__, "--child", step, "--case", str(case), "--kind", kind,
           "--size", str(size)]
    if src:
        cmd += ["--src", src]
    # the cap is for the code before (see --limit-gb); the child's own default would cap it too
    cmd += ["--limit-gb", str(limit_gb if limit_gb and src else 0)]
    env = dict(os.environ, PYTHONPATH=src) if src else None
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        return {"failed": f"> {timeout:.0f} s"}
    if p.returncode != 0:
        tail = (p.stderr.strip().splitlines() or ["?"])[-1]
        return {"failed": "out of memory" if "MemoryError" in p.stderr else tail[:80]}
    return json.loads(p.stdout.strip().splitlines()[-1])


def _median(runs: list[dict]) -> dict:
    """The run of median time (a failed run counts as the slowest)."""
    ranked = sorted(runs, key=lambda r: r.get("seconds", math.inf))
    return ranked[len(ranked) // 2]


def measure(kind: str, size: int, src: str | None, workdir: Path, limit_gb, timeout, say,
            repeat: int = 1, steps=STEPS) -> dict:
    label = "meetings" if kind == "meetings" else f"{size:,}"
    case = workdir / f"{kind}-{size}-{'before' if src else 'after'}.case"
    built = spawn("build", case, kind, size, src, None, None)
    say(f"... {label} built ({built.get('claims')} claims, {built.get('seconds', 0):.0f} s)")
    row = {"case": label, "claims": built["claims"], "build": built, "steps": {}}
    for step in STEPS:
        if step not in steps:
            row["steps"][step] = {"failed": "not run"}
            continue
        if step == "analysis":          # a full run each time: on a copy never analysed
            runs = []
            for _ in range(repeat):
                fresh = case.with_suffix(".fresh.case")
                shutil.copy(case, fresh)
                runs.append(spawn(step, fresh, kind, size, src, limit_gb, timeout))
                for f in case.parent.glob(fresh.name + "*"):
                    f.unlink()
            runs.sort(key=lambda r: r.get("seconds", math.inf))
            spawn(step, case, kind, size, src, limit_gb, timeout)       # the run the reads read
        else:
            runs = [spawn(step, case, kind, size, src, limit_gb, timeout) for _ in range(repeat)]
        row["steps"][step] = _median(runs)
        r = row["steps"][step]
        say(f"    {step}: {r.get('seconds', 0):.2f} s, {r.get('peak_mb', 0):.0f} MB {r.get('failed', '')}")
    for f in case.parent.glob(case.name + "*"):
        f.unlink()
    return row


# --- the table ----------------------------------------------------------------------------------


def _cell(r: dict) -> str:
    if "failed" in r:
        return f"**{r['failed']}**"
    return f"{r['seconds']:.2f} s / {r['peak_mb']:,.0f} MB"


def table(rows: list[dict], title: str) -> str:
    lines = [f"**{title}** (time / peak memory of each step in its own process, median run)", "",
             "| case | claims | " + " | ".join(STEPS) + " |", "|---|---|" + "---|" * len(STEPS)]
    for r in rows:
        lines.append(f"| {r['case']} | {r['claims']:,} | " + " | ".join(_cell(r["steps"][s]) for s in STEPS) + " |")
    sized = [r for r in rows if r["case"] != "meetings"]
    for a, b in zip(sized, sized[1:]):
        cells = []
        for s in STEPS:
            ra, rb = a["steps"][s], b["steps"][s]
            if "failed" in ra or "failed" in rb:
                cells.append("—")
            else:
                cells.append(f"{math.log(rb['seconds'] / ra['seconds']) / math.log(b['claims'] / a['claims']):.2f}")
        lines.append(f"| growth {a['case']} → {b['case']} | | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,100000,1000000", help="claim counts, comma-separated")
    ap.add_argument("--quick", action="store_true", help="10k claims and the meetings case only")
    ap.add_argument("--no-meetings", action="store_true", help="skip the 20,000-meetings case")
    ap.add_argument("--before", metavar="SRC", help="also run another checkout's code (its src folder)")
    ap.add_argument("--limit-gb", type=float, default=6.0, help="address space of a --before step")
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds a --before step may take")
    ap.add_argument("--steps", default=",".join(STEPS), help="the steps to time, comma-separated")
    ap.add_argument("--repeat", type=int, default=1, help="runs of each step; the median is shown")
    ap.add_argument("--json", metavar="FILE", help="write the raw rows here")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--case", help=argparse.SUPPRESS)
    ap.add_argument("--kind", default="general", help=argparse.SUPPRESS)
    ap.add_argument("--size", type=int, default=0, help=argparse.SUPPRESS)
    ap.add_argument("--src", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args)
        return
    steps = tuple(args.steps.split(","))
    sizes = [10_000] if args.quick else sorted(int(s) for s in args.sizes.split(","))
    cases = [("general", n) for n in sizes] + ([] if args.no_meetings else [("meetings", 20_000)])

    def say(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    out: dict[str, list] = {"after": [], "before": []}
    with tempfile.TemporaryDirectory(prefix="bench-read-") as tmp:
        for kind, n in cases:
            say(f"{kind} {n:,} (this checkout)")
            out["after"].append(measure(kind, n, None, Path(tmp), None, None, say, args.repeat, steps))
            if args.before:
                say(f"{kind} {n:,} (before: {args.before})")
                out["before"].append(measure(kind, n, str(Path(args.before).resolve()), Path(tmp),
                                             args.limit_gb, args.timeout, say, args.repeat, steps))
    print(f"{time.strftime('%Y-%m-%d')}, {platform.machine()} {os.cpu_count()} cores, Python "
          f"{platform.python_version()}\n")
    print(table(out["after"], "This code (stored analysis)"))
    if out["before"]:
        print()
        print(table(out["before"], f"Before ({args.before}: every read recomputes)"))
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
