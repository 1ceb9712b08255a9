"""Recall against the analyst: how many hand-written claims the extractor also proposes.

    python bench/bench_claims_recall.py

Builds the example case (`examples/demo`: our own notes, four Wikipedia articles, the
historian's casebook) in a temporary folder, then counts the casebook's claims for
which rules-spacy@1 proposes the same claim (same predicate, same entities after
resolution, same polarity) on an overlapping passage of the same source, and those it
proposes without the object; resolve records both as `superseded`. Prints the figures
per predicate.

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
    whole = {a for m, a in res.superseded.items() if res.object_of.get(m) == res.object_of.get(a)}
    part = set(res.superseded.values()) - whole      # the machine's copy lacks the object
    total = Counter(c.predicate for c in by_hand)
    hit = Counter(c.predicate for c in by_hand if c.id in whole)
    half = Counter(c.predicate for c in by_hand if c.id in part)
    print(f"{'predicate':24} {'by hand':>7} {'also extracted':>14} {'without object':>14}")
    for p, n in total.most_common():
        print(f"{p:24} {n:7} {hit[p]:14} {half[p]:14}")
    share = 100 * len(whole) / max(len(by_hand), 1)
    print(f"{'all':24} {len(by_hand):7} {len(whole):14} {len(part):14}   ({share:.0f}% in full)")
    machine = sum(c.extracted_by != "analyst" for c in data.claims)
    print(f"\nextracted claims in the case: {machine}, of which {len(res.superseded)} repeat a hand-written one")


if __name__ == "__main__":
    main()
