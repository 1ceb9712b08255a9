"""What storing an extractor's output costs when the claims keep their ids and versions.

    python bench/bench_reextract.py                  # 40 sources x 500 claims
    python bench/bench_reextract.py --sources 10 --claims 200

A synthetic case (one SQLite file in a temporary folder): each source is a text of numbered
sentences and the "extractor" proposes one claim per sentence, linked to its entities. Three
runs are timed through `Store.replace_extracted`, as `collingwood extract` calls it:

* first: every claim new;
* again: `extract --force` reading the same (every claim re-found, nothing changed);
* redated: the same claims, one in ten with a date read anew (a new version each).

Each is repeated 3 times on a fresh case; medians are printed, with the claims written and
the versions kept. Run it with PYTHONPATH pointing at another checkout's `src` to compare.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from collingwood.model import Claim, Entity, Source
from collingwood.store import Store, case_url
from collingwood.timespan import parse_when

SENTENCE = "Agent {a} met Officer {b} in City {c}. "


def make_source(i: int, n: int) -> tuple[Source, list[tuple[int, int, int, int]]]:
    parts, spans, at = [], [], 0
    for k in range(n):
        a, b, c = (i * 7 + k) % 97, (i * 13 + k * 3) % 89, k % 31
        s = SENTENCE.format(a=a, b=b, c=c)
        spans.append((at, at + len(s) - 2, a, b))
        parts.append(s)
        at += len(s)
    text = "".join(parts)
    return Source(id=f"s-{i:04d}", title=f"Source {i}", kind="note", text=text, content_hash=f"h{i}"), spans


def claims_of(src: Source, spans, redate: bool) -> list[Claim]:
    out = []
    for k, (lo, hi, a, b) in enumerate(spans):
        when = parse_when(str(1930 + k % 20)) if redate and k % 10 == 0 else None
        out.append(Claim(source_id=src.id, start=lo, end=hi, quote=src.text[lo:hi], subject=f"Agent {a}",
                         predicate="met", object=f"Officer {b}", time=when, extracted_by="bench@1",
                         status="proposed", confidence=0.7, subject_id=f"e-agent{a}", object_id=f"e-officer{b}"))
    return out


def one_round(n_sources: int, n_claims: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(case_url(Path(tmp) / "bench.case"))
        store.migrate()
        made = [make_source(i, n_claims) for i in range(n_sources)]
        with store.write() as conn:
            for src, _ in made:
                store.add_source(src, conn)
        ents = [Entity(f"e-agent{a}", f"Agent {a}", "person") for a in range(97)]
        times = {}
        for label, redate in (("first", False), ("again", False), ("redated", True)):
            started = time.perf_counter()
            for src, spans in made:
                store.replace_extracted(src.id, "bench@1", [], claims_of(src, spans, redate), ents, rules="r")
            times[label] = time.perf_counter() - started
        counts = store.counts()
        store.dispose()
    times["claims"] = counts["claims"]
    return times


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sources", type=int, default=40)
    ap.add_argument("--claims", type=int, default=500)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    rounds = [one_round(args.sources, args.claims) for _ in range(args.rounds)]
    total = args.sources * args.claims
    print(f"{args.sources} sources x {args.claims} claims = {total} claims; median of {args.rounds} rounds\n")
    print("| run | seconds | claims/s |")
    print("|---|---:|---:|")
    for label in ("first", "again", "redated"):
        secs = statistics.median(r[label] for r in rounds)
        print(f"| {label} | {secs:.2f} | {total / secs:,.0f} |")
    print(f"\nclaims stored at the end: {rounds[0]['claims']}")


if __name__ == "__main__":
    main()
