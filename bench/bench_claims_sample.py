"""A seeded random sample of extracted claims, as a Markdown checklist for hand review.

    python bench/bench_claims_sample.py [--n 100] [--seed 7]

Extracts with rules-spacy@1, in three groups, and prints the claims per group and
per predicate:

* ``wikipedia``: the four Wikipedia articles in ../shared/data/wikipedia (every claim);
* ``wikiwars-heldout``: WikiWars articles 09-16, which claim rules were never developed on
  (every claim);
* ``wikiwars-dev``: WikiWars articles 01-08, which they were (a random sample, to fill
  the total up to --n).

Writes `bench/out/claims_sample.md`: one checkbox per sampled claim with its group,
triple, time, place, voice and the quote it came from. Review it by hand into
`bench/claims_sample_review.md`.
"""

from __future__ import annotations

import argparse
import random
import re
from collections import Counter
from pathlib import Path

from collingwood.extract import extract_text
from shared import DATA as DATA_ROOT, SEEDS  # noqa: E402,F401

DATA = DATA_ROOT
OUT = Path(__file__).parent / "out" / "claims_sample.md"


def _text(path: Path) -> str:
    text = path.read_text("utf-8")
    m = re.search(r"<TEXT>(.*)</TEXT>", text, re.S)       # WikiWars SGML
    return m.group(1) if m else text


def _groups() -> dict[str, list[Path]]:
    wars = sorted((DATA / "wikiwars-train" / "in").glob("*.sgm"))
    return {"wikipedia": sorted((DATA / "wikipedia").glob("*.md")),
            "wikiwars-heldout": [p for p in wars if int(p.name[:2]) >= 9],
            "wikiwars-dev": [p for p in wars if int(p.name[:2]) < 9]}


def _line(group: str, c) -> str:
    time = c.time.render() if c.time else "-"
    voice = ", ".join(x for x in (
        c.polarity if c.polarity != "affirmed" else "", c.modality if c.modality != "asserted" else "",
        f"asserted by {c.asserted_by}" if c.asserted_by else "",
        f"reported by {c.reported_by}" if c.reported_by else "") if x)
    quote = " ".join(c.quote.split())
    return (f"- [ ] {group} `{c.id}` **{c.subject}** {c.predicate} **{c.object or '-'}**"
            f" (time {time}; place {c.place or '-'}{'; ' + voice if voice else ''};"
            f" conf {c.confidence}) [{c.source_id} {c.start}-{c.end}]\n  > {quote}\n")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    found: dict[str, list] = {}
    print(f"{'group':18} {'files':>5} {'words':>7} {'claims':>6}  per 1,000 words")
    for group, paths in _groups().items():
        claims, words = [], 0
        for path in paths:
            text = _text(path)
            words += len(text.split())
            claims += extract_text(text, source_id=path.stem).claims
        found[group] = claims
        print(f"{group:18} {len(paths):5} {words:7} {len(claims):6}  {1000 * len(claims) / max(words, 1):.2f}")
    counts = Counter(c.predicate for cs in found.values() for c in cs)
    print("\nclaims per predicate: " + ", ".join(f"{p} {n}" for p, n in counts.most_common()))
    sample = [("wikipedia", c) for c in found["wikipedia"]] + \
             [("wikiwars-heldout", c) for c in found["wikiwars-heldout"]]
    rest = max(0, args.n - len(sample))
    dev = found["wikiwars-dev"]
    sample += [("wikiwars-dev", c) for c in random.Random(args.seed).sample(dev, min(rest, len(dev)))]
    sample.sort(key=lambda gc: (list(found).index(gc[0]), gc[1].source_id, gc[1].start))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as fh:
        fh.write(f"# Claims sample for hand review\n\n{len(sample)} claims (seed {args.seed}), "
                 "rules-spacy@1.\n\n")
        fh.writelines(_line(g, c) for g, c in sample)
    print(f"\nwrote {OUT} ({len(sample)} claims)")


if __name__ == "__main__":
    main()
