"""Extraction throughput beside spaCy's own NER-only pipeline, on the same texts, same run.

    python bench/bench_extract_speed.py [--repeats 5]

Texts: the four Wikipedia articles in ../shared/data/wikipedia and the seeds in
../shared/seeds. Words = whitespace-separated tokens. Each pipeline runs over
all texts `repeats` times, interleaved, after one warm-up; the median is reported.
Reference: `spacy.load(model, disable=[all but tok2vec, ner])`. The row "ner alone"
also drops tok2vec (the small model's NER has its own embedding layer), the
strictest reference, for information.
"""

from __future__ import annotations

import argparse
import statistics
import time

import spacy

from collingwood.extract import extract_text, nlp
from shared import DATA as DATA_ROOT, SEEDS  # noqa: E402,F401

DATA = [DATA_ROOT / "wikipedia", SEEDS]


def texts() -> list[tuple[str, str]]:
    out = []
    for folder in DATA:
        for path in sorted(folder.glob("*.md")) + sorted(folder.glob("*.txt")):
            out.append((path.name, path.read_text("utf-8")))
    return out


def _pipeline(keep: set[str]):
    full = spacy.load(nlp.MODEL)
    return spacy.load(nlp.MODEL, disable=[n for n in full.pipe_names if n not in keep])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args()
    docs = texts()
    words = sum(len(t.split()) for _, t in docs)
    ner_tok2vec = _pipeline({"tok2vec", "ner"})
    ner_alone = _pipeline({"ner"})
    runs = {
        "spaCy NER-only (tok2vec+ner), reference": lambda t: ner_tok2vec(t),
        "spaCy ner alone (no tok2vec)": lambda t: ner_alone(t),
        "collingwood extract_text (rules-spacy@1)": lambda t: extract_text(t),
    }
    for run in runs.values():                      # warm-up: model loads, caches
        run(docs[0][1])
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(args.repeats):
        for name, run in runs.items():
            t0 = time.perf_counter()
            for _, text in docs:
                run(text)
            times[name].append(time.perf_counter() - t0)
    ref = statistics.median(times["spaCy NER-only (tok2vec+ner), reference"])
    print(f"{len(docs)} texts, {words} words, median of {args.repeats} repeats\n")
    print("| pipeline | seconds (median) | words/second | ratio to reference |")
    print("|---|---:|---:|---:|")
    for name, ts in times.items():
        med = statistics.median(ts)
        print(f"| {name} | {med:.2f} | {words / med:,.0f} | {ref / med:.2f} |")
    n = sum(len(extract_text(t).claims) for _, t in docs)
    print(f"\nclaims extracted: {n}")


if __name__ == "__main__":
    main()
