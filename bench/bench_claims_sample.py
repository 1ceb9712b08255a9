"""A seeded random sample of extracted claims, as a Markdown checklist for hand review.

    python bench/bench_claims_sample.py [--n 100] [--seed 7]

Extracts the four Wikipedia articles in /work/shared/data/wikipedia with
rules-spacy@1, prints the number of claims per predicate, and writes
`bench/out/claims_sample.md`: one checkbox per sampled claim with its triple, time,
place, voice and the quote it came from. (When fewer claims than --n exist, all are
listed.) Review it by hand into `bench/claims_sample_review.md`.
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
from pathlib import Path

from collingwood.extract import extract_text

ARTICLES = Path("/work/shared/data/wikipedia")
OUT = Path(__file__).parent / "out" / "claims_sample.md"


def _line(c) -> str:
    time = f"{c.time.earliest}..{c.time.latest}" if c.time else "-"
    voice = ", ".join(x for x in (
        c.polarity if c.polarity != "affirmed" else "", c.modality if c.modality != "asserted" else "",
        f"asserted by {c.asserted_by}" if c.asserted_by else "",
        f"reported by {c.reported_by}" if c.reported_by else "") if x)
    quote = " ".join(c.quote.split())
    return (f"- [ ] `{c.id}` **{c.subject}** {c.predicate} **{c.object or '-'}**"
            f" (time {time}; place {c.place or '-'}{'; ' + voice if voice else ''};"
            f" conf {c.confidence}) [{c.source_id} {c.start}-{c.end}]\n  > {quote}\n")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    claims = []
    for path in sorted(ARTICLES.glob("*.md")):
        claims += extract_text(path.read_text("utf-8"), source_id=path.stem).claims
    counts = Counter(c.predicate for c in claims)
    print(f"{len(claims)} claims from {len(list(ARTICLES.glob('*.md')))} articles")
    for predicate, n in counts.most_common():
        print(f"  {predicate:24} {n}")
    sample = random.Random(args.seed).sample(claims, min(args.n, len(claims)))
    sample.sort(key=lambda c: (c.source_id, c.start))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as fh:
        fh.write(f"# Claims sample for hand review\n\n{len(sample)} of {len(claims)} claims "
                 f"(seed {args.seed}), rules-spacy@1, Wikipedia articles.\n\n")
        fh.writelines(_line(c) for c in sample)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
