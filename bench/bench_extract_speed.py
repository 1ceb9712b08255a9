"""Extraction throughput beside spaCy's own NER-only pipeline, on the same texts, same run.

    python bench/bench_extract_speed.py [--repeats 5] [--processes 3]

Texts: the four Wikipedia articles in ../shared/data/wikipedia and the seeds in
../shared/seeds. Words = whitespace-separated tokens. Each pipeline runs over
all texts `repeats` times, interleaved, after one warm-up; the median is reported.
Reference: `spacy.load(model, disable=[all but tok2vec, ner])`. The row "ner alone"
also drops tok2vec (the small model's NER has its own embedding layer), the
strictest reference, for information.

Whole processes (`--processes N`, the issue's measure): the same texts joined into one file,
read by `collingwood extract FILE --jsonl` in a fresh process against a fresh Python process
that loads the reference pipeline and runs it over the same file; median of N, interleaved.
Both include interpreter start and model load, as a user's command does.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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


_REFERENCE = """
import sys, spacy
full = spacy.load(sys.argv[1])
nlp = spacy.load(sys.argv[1], disable=[n for n in full.pipe_names if n not in ("tok2vec", "ner")])
nlp(open(sys.argv[2], encoding="utf-8").read())
"""


def whole_processes(docs, words: int, repeats: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "all.txt"
        path.write_text("\n\n".join(t for _, t in docs), encoding="utf-8")
        cli = [str(Path(sys.executable).parent / "collingwood"), "extract", str(path), "--jsonl"]
        ref = [sys.executable, "-c", _REFERENCE, nlp.MODEL, str(path)]
        times: dict[str, list[float]] = {"reference": [], "collingwood": []}
        for _ in range(repeats):
            for name, cmd in (("reference", ref), ("collingwood", cli)):
                t0 = time.perf_counter()
                subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
                times[name].append(time.perf_counter() - t0)
    r, c = statistics.median(times["reference"]), statistics.median(times["collingwood"])
    print(f"\nWhole processes, one file of {words} words, median of {repeats}:\n")
    print("| process | seconds (median) | words/second | ratio to reference |")
    print("|---|---:|---:|---:|")
    print(f"| python + spaCy NER-only (tok2vec+ner), reference | {r:.2f} | {words / r:,.0f} | 1.00 |")
    print(f"| `collingwood extract FILE --jsonl` | {c:.2f} | {words / c:,.0f} | {r / c:.2f} |")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--processes", type=int, default=3, help="Whole-process runs (0: skip).")
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
    print(f"\nclaims extracted: {n} ({1000 * n / words:.1f} per 1,000 words)")
    if args.processes:
        whole_processes(docs, words, args.processes)


if __name__ == "__main__":
    main()
