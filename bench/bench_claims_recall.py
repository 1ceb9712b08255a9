"""Recall against the analyst: how many hand-written claims the extractor also proposes.

    python bench/bench_claims_recall.py

Builds the example case (`examples/demo`: our own notes, four Wikipedia articles, the
historian's casebook) in a temporary folder, then counts the casebook's claims for
which rules-spacy@1 proposes the same claim (same predicate, same entities after
resolution, same polarity) on an overlapping passage of the same source; resolve
records these as `superseded`. Prints the figure per predicate.

A lower bound on recall: the analyst's claims include readings no clause states
outright ("the formal recruitment that followed to James Klugmann" read as recruited).
"""

from __future__ import annotations

import tempfile
from collections import Counter
from pathlib import Path

from collingwood.case import open_case
from collingwood.demo import run_demo
from collingwood.resolve import resolve


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        run_demo(Path(tmp), say=lambda _: None)
        case = open_case(Path(tmp) / "demo.case")
        data = case.data()
    res = resolve(data)
    by_hand = [c for c in data.claims if c.extracted_by == "analyst"]
    found = set(res.superseded.values())
    total, hit = Counter(c.predicate for c in by_hand), Counter(c.predicate for c in by_hand if c.id in found)
    print(f"{'predicate':24} {'by hand':>7} {'also extracted':>14}")
    for p, n in total.most_common():
        print(f"{p:24} {n:7} {hit[p]:14}")
    print(f"{'all':24} {len(by_hand):7} {len(found):14}   ({100 * len(found) / max(len(by_hand), 1):.0f}%)")
    machine = sum(c.extracted_by != "analyst" for c in data.claims)
    print(f"\nextracted claims in the case: {machine}, of which {len(res.superseded)} repeat a hand-written one")


if __name__ == "__main__":
    main()
