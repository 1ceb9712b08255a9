"""Run every benchmark in one go and print their tables: `make bench`.

Each bench is its own script (so one can be run alone); this only runs them in
turn, with the sizes a 2-core machine finishes in a few minutes.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHES = [
    ("dates on WikiWars 01-16", ["bench_dates.py"]),
    ("dates in news: TempEval-3 training", ["bench_dates_tempeval.py", "--old-call"]),
    ("extraction throughput", ["bench_extract_speed.py"]),
    ("claim sample for hand review", ["bench_claims_sample.py"]),
    ("recall against the analyst's casebook", ["bench_claims_recall.py"]),
    ("reading the dev gold set (claims, aliases, conflicts)", ["bench_claims_gold.py"]),
    ("aliases on the dev gold set", ["bench_aliases_gold.py"]),
    ("analysis cost against size", ["bench_analysis.py"]),
    ("re-extraction with stable ids and versions", ["bench_reextract.py"]),
    ("read commands and the analysis run against size", ["bench_read_paths.py", "--sizes", "10000,100000"]),
    ("parallel ingests on one case", ["bench_parallel_ingest.py"]),
    ("guarded ingest, OCR and the hostile corpus", ["bench_ingest.py"]),
]


def main(argv: list[str]) -> int:
    wanted = set(argv)
    failed = []
    for title, args in BENCHES:
        if wanted and args[0] not in wanted:
            continue
        print(f"\n=== {title} ({args[0]}) ===", flush=True)
        code = subprocess.call([sys.executable, str(HERE / args[0]), *args[1:]])
        if code:
            failed.append(args[0])
    if failed:
        print(f"\nFailed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
