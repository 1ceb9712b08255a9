"""Findings a historian can sign: what the detectors raise on the demo and on the dev gold case.

    python bench/bench_findings.py [--list]

1. The demo case (`examples/demo`), built in a temporary folder: findings per kind and
   severity, typed untruths (with or without contradicting evidence) and interested-witness
   findings on admissions (claims of modality `admitted`).
2. The dev gold case: the four Wikipedia articles, seeds 001-003 and the five OCR texts of
   `../shared/data/claims-dev/texts`, ingested into one case and extracted with the
   default extractor. Gold conflicts (`gold/*.yaml`, `conflicts`) found, and look-alikes
   (`non_conflicts`) wrongly flagged. A gold pair is linked when one finding holds a
   claim on each side: a claim whose span overlaps the gold quote in the gold source.
   Texts whose front-matter kind the schema does not list ('memo', 'testimony', 'report')
   get a sidecar with the nearest listed kind, so all twelve texts are in the case.

`--list` prints every finding, for the hand check written up in docs/benchmarks.md.
"""

from __future__ import annotations

import re
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

import yaml

from shared import DATA, SEEDS, need

from collingwood.analysis import current_findings
from collingwood.case import open_case
from collingwood.demo import run_demo
from collingwood.judgment import register_for
from collingwood.model import schema
from collingwood.resolve import resolve

NEAREST_KIND = {"memo": "memorandum", "testimony": "interview", "report": "archive_file",
                "cable": "memorandum"}
SEED_NAMES = ("001_76b3210b0296f2a3.txt", "002_62c0d5c2d3ffd543.txt", "003_3c096ae617f1ea3a.txt")


def _analyse(case):
    data = case.data()
    res = resolve(data)
    found = current_findings(data, res)
    register = register_for(case, data, res, found)
    return data, res, found, register


def _kind_table(found) -> None:
    by = Counter((f.type, f.severity) for f in found)
    kinds = sorted({f.type for f in found})
    print(f"  {'kind':26} {'high':>5} {'medium':>7} {'low':>5} {'all':>5}")
    for k in kinds:
        row = [by[(k, s)] for s in ("high", "medium", "low")]
        print(f"  {k:26} {row[0]:5} {row[1]:7} {row[2]:5} {sum(row):5}")
    print(f"  {'all':26} {'':5} {'':7} {'':5} {len(found):5}")


def _untruths(data, res, found, register) -> None:
    by_id = {f.id: f for f in found}
    typed = [(w, s) for w in register for s in w.statements if s.type]
    bare = [(w, s) for w, s in typed if not s.finding_ids or not all(i in by_id for i in s.finding_ids)]
    print(f"  typed untruths: {len(typed)} "
          f"({', '.join(f'{k} {n}' for k, n in sorted(Counter(s.type for _, s in typed).items()))}); "
          f"without contradicting evidence: {len(bare)}")
    admitted = [f for f in found if f.type == "interested_witness"
                and any(res.claims[c].modality == "admitted" for c in f.claim_ids if c in res.claims)]
    print(f"  interested-witness findings on an admission: {len(admitted)}")


def _print_findings(found, register) -> None:
    for f in found:
        print(f"  - [{f.severity}] {f.type}: {f.explanation}")
    for w in register:
        for s in w.statements:
            if s.type:
                print(f"  - untruth {s.type} ({w.witness}): {s.claim_id}: {s.reason}")


def demo(listing: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        run_demo(Path(tmp), say=lambda _: None)
        data, res, found, register = _analyse(open_case(Path(tmp) / "demo.case"))
    print("## The demo case")
    _kind_table(found)
    _untruths(data, res, found, register)
    if listing:
        _print_findings(found, register)


# ---------------------------------------------------------------- the dev gold case

def _dev_files(folder: Path) -> list[Path]:
    texts = sorted(need(DATA / "claims-dev" / "texts").glob("*.md"))
    wiki = sorted(need(DATA / "wikipedia").glob("*.md"))
    seeds = [need(SEEDS / n) for n in SEED_NAMES]
    out = []
    kinds = schema().source_kinds
    for src in [*wiki, *seeds, *texts]:
        dest = folder / src.name
        shutil.copyfile(src, dest)
        head = src.read_text("utf-8")[:600]
        m = re.search(r"^kind:\s*(\S+)", head, re.M)
        if m and m.group(1) not in kinds and m.group(1) in NEAREST_KIND:
            (folder / (src.name + ".meta.yaml")).write_text(f"kind: {NEAREST_KIND[m.group(1)]}\n")
        out.append(dest)
    return out


def _squash(text: str) -> str:
    return " ".join(text.split())


def _locate(source, quote: str) -> tuple[int, int] | None:
    """Where a gold quote sits in the source's text (whitespace runs count as one space)."""
    pattern = r"\s+".join(re.escape(w) for w in quote.split())
    m = re.search(pattern, source.text)
    return (m.start(), m.end()) if m else None


def _side_claims(data, by_name, side) -> set[str]:
    src = by_name.get(side["source"])
    if src is None:
        return set()
    where = _locate(src, side["quote"])
    if where is None:
        return set()
    lo, hi = where
    return {c.id for c in data.claims if c.source_id == src.id and c.start < hi and lo < c.end}


def _pairs(found, a: set[str], b: set[str]) -> list:
    out = []
    for f in found:
        ids = set(f.claim_ids)
        left, right = ids & a, ids & b
        if left and right and (len(left | right) > 1):
            out.append(f)
    return out


def dev(listing: bool) -> None:
    gold = sorted(need(DATA / "claims-dev" / "gold").glob("*.yaml"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "texts"
        folder.mkdir()
        files = _dev_files(folder)
        case = open_case(Path(tmp) / "dev.case", create=True)
        report = case.ingest(files)
        case.extract()
        data, res, found, register = _analyse(case)
    by_name = {Path(s.path).name: s for s in data.sources.values() if s.path}
    print("\n## The dev gold case (12 texts in one case)")
    print(f"  sources {len(data.sources)} (rejected {len(report.rejected)}), claims {len(data.claims)}")
    _kind_table(found)
    _untruths(data, res, found, register)
    rows = {"conflicts": [0, 0], "non_conflicts": [0, 0]}
    for path in gold:
        entry = yaml.safe_load(path.read_text("utf-8"))
        for what in rows:
            for item in entry.get(what) or []:
                a, b = _side_claims(data, by_name, item["a"]), _side_claims(data, by_name, item["b"])
                hit = _pairs(found, a, b)
                rows[what][0] += 1
                rows[what][1] += bool(hit)
                if listing and (hit or what == "conflicts"):
                    mark = "found" if hit else "missed"
                    if what == "non_conflicts":
                        mark = "FLAGGED"
                    print(f"  {item['id']}: {mark} (claims on the sides: {len(a)}, {len(b)})")
    n, hit = rows["conflicts"]
    m, flagged = rows["non_conflicts"]
    print(f"  gold conflicts found: {hit} of {n}; look-alikes wrongly flagged: {flagged} of {m}")
    if listing:
        _print_findings(found, register)


def main() -> None:
    listing = "--list" in sys.argv
    demo(listing)
    dev(listing)


if __name__ == "__main__":
    main()
