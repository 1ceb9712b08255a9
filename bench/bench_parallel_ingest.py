"""Parallel ingests on one case: wall time and failures, against one process doing it all.

Each run makes a fresh case and starts P `collingwood ingest` processes at once (through the
CLI), either all on the same folder (they race for the same documents) or each on its own
part (they only share the case). Prints a table of medians over three runs: wall seconds,
processes that failed (a non-zero exit or a traceback) and the sources in the case at the end.

    python bench/bench_parallel_ingest.py [--docs 24] [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from shared import SEEDS, need

CLI = [sys.executable, "-m", "collingwood"]


def corpus(folder: Path, docs: int) -> list[Path]:
    """`docs` text files cut at paragraph breaks from the seed texts, ~1,000 characters each."""
    chunks: list[str] = []
    for seed in sorted(need(SEEDS).glob("*.txt")):
        part = ""
        for para in seed.read_text(encoding="utf-8").split("\n\n"):
            part += para.strip() + "\n\n"
            if len(part) > 1000:
                chunks.append(part)
                part = ""
    files = []
    for i, body in enumerate(chunks[:docs]):
        f = folder / f"part-{i // 8}" / f"doc-{i:03d}.txt"
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(body, encoding="utf-8")
        files.append(f)
    return files


def one_run(tmp: Path, targets: list[list[str]]) -> tuple[float, int, int]:
    case = tmp / f"c{time.perf_counter_ns()}.case"
    started = time.perf_counter()
    procs = [subprocess.Popen([*CLI, "ingest", str(case), *t], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for t in targets]
    failed = 0
    for p in procs:
        _, err = p.communicate()
        failed += p.returncode != 0 or "Traceback" in err
    seconds = time.perf_counter() - started
    import sqlite3
    con = sqlite3.connect(case)
    sources = con.execute("SELECT count(*) FROM sources").fetchone()[0]
    con.close()
    return seconds, failed, sources


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=24)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        files = corpus(tmp / "in", args.docs)
        parts = sorted({str(f.parent) for f in files})
        setups = [("1 process, whole folder", [[str(tmp / "in")]]),
                  ("4 processes, same folder", [[str(tmp / "in")]] * 4),
                  ("8 processes, same folder", [[str(tmp / "in")]] * 8),
                  (f"{len(parts)} processes, one part each", [[p] for p in parts])]
        print(f"{len(files)} documents, {args.runs} runs each (medians)\n")
        print(f"| {'setup':<32} | wall s | failed processes | sources at the end |")
        print(f"|{'-' * 34}|-------:|-----------------:|-------------------:|")
        for label, targets in setups:
            results = [one_run(tmp, targets) for _ in range(args.runs)]
            wall = statistics.median(r[0] for r in results)
            failed = max(r[1] for r in results)
            sources = {r[2] for r in results}
            print(f"| {label:<32} | {wall:6.2f} | {failed:16d} | {'/'.join(map(str, sorted(sources))):>18} |")


if __name__ == "__main__":
    main()
