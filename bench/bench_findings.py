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

3. The same twelve texts with the gold facts as the case's claims (the detectors measured
   apart from the extractor): each gold fact becomes an analyst claim on its quote, its
   predicate mapped to the schema's nearest one (`GOLD_PREDICATES`; facts with no schema
   predicate, such as `published` or `other:*`, are left out and counted), the gold aliases
   become the entity list. Same tables.

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
# gold predicate -> (schema predicate, swap subject and object)
GOLD_PREDICATES = {"graduated": ("studied_at", False), "contacted": ("met", False),
                   "interrogated": ("interviewed", False), "travelled_to": ("visited", False),
                   "executed": ("died", False), "promoted": ("appointed", False),
                   "dismissed": ("resigned", False), "founded": ("founded_by", True),
                   "dissolved": ("dissolved_by", True)}
NOT_A_CONFLICT = ("two_accounts", "suspect_reading", "omission", "interested_witness")
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
    print("\n## The dev gold case (12 texts in one case)")
    print(f"  sources {len(data.sources)} (rejected {len(report.rejected)}), claims {len(data.claims)}")
    _kind_table(found)
    _untruths(data, res, found, register)
    _gold_pairs(data, found, gold, listing)
    if listing:
        _print_findings(found, register)


def _gold_claims(data, gold_files):
    """Analyst claims and entities from the gold facts; returns (claims, entities, left out)."""
    from collingwood.model import Alias, Claim, Entity, schema as _schema
    from collingwood.resolve import entity_id
    from collingwood.timespan import TimeSpan, parse_iso

    preds = _schema().predicates
    by_name = {Path(s.path).name: s for s in data.sources.values() if s.path}
    claims, left_out, aliases = [], Counter(), {}
    for path in gold_files:
        entry = yaml.safe_load(path.read_text("utf-8"))
        src = by_name.get(entry["source"])
        for a in entry.get("aliases") or []:
            aliases.setdefault(a["of"], set()).add(a["name"])
        for f in entry.get("facts") or []:
            name, swap = GOLD_PREDICATES.get(f["predicate"], (f["predicate"], False))
            where = _locate(src, f["quote"]) if src is not None else None
            if name not in preds or where is None:
                left_out[f["predicate"] if name not in preds else "quote not found"] += 1
                continue
            subj, obj = (f.get("object"), f["subject"]) if swap else (f["subject"], f.get("object"))
            if not subj:
                left_out["no subject"] += 1
                continue
            t = f.get("time") or {}
            time = None
            if t.get("earliest") or t.get("latest"):
                lo = parse_iso(str(t.get("earliest") or t.get("latest")))
                hi = parse_iso(str(t.get("latest") or t.get("earliest")))
                time = TimeSpan(lo, max(lo, hi), "day", str(t.get("text") or ""))
            lo, hi = where
            claims.append(Claim(
                source_id=src.id, start=lo, end=hi, quote=src.text[lo:hi], subject=str(subj),
                predicate=name, object=str(obj) if obj else None, time=time, place=f.get("place"),
                polarity="denied" if f.get("polarity") == "negative" else "affirmed",
                modality="hedged" if f.get("hedged") else "asserted",
                asserted_by=f.get("asserted_by"), status="accepted"))
    return claims, _entities(data, claims, aliases, Alias, Entity, entity_id), left_out


def _entities(data, claims, aliases, Alias, Entity, entity_id):
    """The gold aliases as an entity list, each entity of the kind its roles in claims give."""
    from dataclasses import replace

    bare = resolve(replace(data, claims=claims, entities=[], mentions=[]))
    out = []
    for of, names in sorted(aliases.items()):
        found = bare.find(of)
        kind = bare.entities[found[0]].kind if found else "person"
        kind = "person" if kind == "any" else kind
        out.append(Entity(entity_id(of, kind), of, kind,
                          [Alias(n, "variant") for n in sorted(names) if n != of]))
    return out


def gold(listing: bool) -> None:
    from dataclasses import replace

    from collingwood.analyse.findings import findings as detect
    from collingwood.analyse.witnesses import witness_register

    gold_files = sorted(need(DATA / "claims-dev" / "gold").glob("*.yaml"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "texts"
        folder.mkdir()
        case = open_case(Path(tmp) / "gold.case", create=True)
        case.ingest(_dev_files(folder))
        data = case.data()
    claims, entities, left_out = _gold_claims(data, gold_files)
    data = replace(data, claims=claims, entities=entities, mentions=[])
    res = resolve(data)
    found = detect(data, res)
    register = witness_register(data, res, found)
    print("\n## The dev gold case, the gold facts as claims (detectors without the extractor)")
    print(f"  claims {len(claims)}; facts left out: "
          + ", ".join(f"{k} {n}" for k, n in left_out.most_common()))
    _kind_table(found)
    _untruths(data, res, found, register)
    _gold_pairs(data, found, gold_files, listing)
    if listing:
        _print_findings(found, register)


def _gold_pairs(data, found, gold_files, listing: bool) -> None:
    by_name = {Path(s.path).name: s for s in data.sources.values() if s.path}
    rows = {"conflicts": [0, 0, 0], "non_conflicts": [0, 0, 0]}
    for path in gold_files:
        entry = yaml.safe_load(path.read_text("utf-8"))
        for what in rows:
            for item in entry.get(what) or []:
                a, b = _side_claims(data, by_name, item["a"]), _side_claims(data, by_name, item["b"])
                hit = _pairs(found, a, b)
                rows[what][0] += 1
                rows[what][1] += any(f.type not in NOT_A_CONFLICT for f in hit)
                rows[what][2] += bool(hit) and all(f.type in NOT_A_CONFLICT for f in hit)
                if listing and (hit or what == "conflicts"):
                    mark = ("FLAGGED" if what == "non_conflicts" else "found") if hit else "missed"
                    kinds = ",".join(sorted({f.type for f in hit}))
                    print(f"  {item['id']}: {mark} {kinds} (claims on the sides: {len(a)}, {len(b)})")
    n, hit, asked = rows["conflicts"]
    m, flagged, questions = rows["non_conflicts"]
    print(f"  gold conflicts found: {hit} of {n} (and {asked} raised only as a question or flag); "
          f"look-alikes wrongly flagged as conflicts: {flagged} of {m} "
          f"(raised as a question or flag: {questions})")


def main() -> None:
    listing = "--list" in sys.argv
    demo(listing)
    dev(listing)
    gold(listing)


if __name__ == "__main__":
    main()
