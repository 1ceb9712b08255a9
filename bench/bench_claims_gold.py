"""Reading the dev gold set: fact recall, precision, aliases and conflicts on 12 annotated texts.

    .venv/bin/python bench/bench_claims_gold.py [--json FILE] [--keep DIR] [--sample N] [--seed S]

Runs the product as a user would, through the `collingwood` command in a subprocess: `init` a
temporary case, `ingest` the 12 texts of ../shared/data/claims-dev (README there), `extract`,
then reads `claims --json`, `sources --json`, `entities --json` and `findings --json`, and
scores them with the gold set's matching rule (bench/claims_gold_score.py; predicate
near-synonyms in bench/gold_predicates.yaml). Prints Markdown tables: per text, overall,
aliases, conflicts, the commonest causes of misses and recall per gold predicate. Writes a
hand-check sample of claims on passages no gold fact covers to bench/out/claims_gold_uncovered.md.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import claims_gold_score as sc  # noqa: E402
from shared import DATA, ROOT, SEEDS, need  # noqa: E402

GOLD = DATA / "claims-dev"
SEARCH = [GOLD / "texts", DATA / "wikipedia", SEEDS]
OUT = HERE / "out"
CONTRADICTIONS = {"date_conflict", "affirmed_vs_denied", "two_values", "impossible_presence", "anachronism"}


def say(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def collingwood() -> list[str]:
    exe = Path(sys.executable).parent / "collingwood"
    if exe.exists():
        return [str(exe)]
    venv = ROOT / ".venv" / "bin" / "collingwood"
    return [str(venv)] if venv.exists() else [sys.executable, "-m", "collingwood"]


def run(*args: str, ok_codes: tuple[int, ...] = (0,)) -> str:
    cmd = [*collingwood(), *args]
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode not in ok_codes:
        sys.exit(f"`collingwood {' '.join(args[:2])}` failed (exit {p.returncode}):\n{p.stderr.strip()}")
    return p.stdout


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip().startswith("{")]


def body(text: str) -> str:
    """The text after YAML front matter (front matter is not annotated)."""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end >= 0:
            return text[end + 5:]
    return text


def load_gold() -> tuple[list[dict], dict[str, Path]]:
    need(GOLD / "README.md")
    golds, paths = [], {}
    for f in sorted(need(GOLD / "gold").glob("*.yaml")):
        doc = yaml.safe_load(f.read_text(encoding="utf-8"))
        src = doc["source"]
        path = next((d / src for d in SEARCH if (d / src).exists()), None)
        if path is None:
            sys.exit(f"missing shared data: the text {src} of {f.name} is in none of "
                     f"{', '.join(str(d) for d in SEARCH)}")
        golds.append(doc)
        paths[src] = path
    if not golds:
        sys.exit(f"missing shared data: no gold files in {GOLD / 'gold'}")
    return golds, paths


def build_case(case: Path, files: list[Path]) -> dict:
    t0 = time.perf_counter()
    run("init", str(case))
    say(f"[gold] ingesting {len(files)} texts ...")
    report = json.loads(run("ingest", str(case), *map(str, files), "--json", ok_codes=(0, 2)) or "{}")
    rejected = [(r["name"], r["reason"]) for r in report.get("rejected") or []]
    for name, reason in rejected:
        say(f"[gold] NOT INGESTED {name}: {reason}")
    say("[gold] extracting (spaCy; about a minute) ...")
    run("extract", str(case))
    say("[gold] reading claims, sources, entities, findings ...")
    out = {"claims": jsonl(run("claims", str(case), "--json")),
           "sources": jsonl(run("sources", str(case), "--json")),
           "entities": jsonl(run("entities", str(case), "--json")),
           "findings": jsonl(run("findings", str(case), "--json")),
           "rejected": rejected}
    say(f"[gold] product run took {time.perf_counter() - t0:.0f} s")
    return out


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:.0f}%" if b else "-"


def table(head: list[str], rows: list[list]) -> str:
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    lines += ["| " + " | ".join(str(x) for x in r) + " |" for r in rows]
    return "\n".join(lines)


def _time(t: dict | None) -> str:
    if not t:
        return ""
    return f"{t.get('text') or ''} [{t.get('earliest')}..{t.get('latest')}]"


def write_misses(path: Path, scores, texts) -> None:
    """Each missed gold fact, its cause, and the claims on its passage: for reading failures."""
    lines = ["# Missed gold facts and the claims on their passages", ""]
    for s in scores:
        placed = sc.place_claims(s.claims, texts[s.text])
        for f in s.facts:
            if f["id"] in s.matched:
                continue
            quotes = texts[s.text].find_all(f["quote"])
            near = [c for c, p in zip(s.claims, placed) if p and any(sc.overlaps(p, q) for q in quotes)]
            t = f.get("time") or {}
            lines.append(f"## {f['id']}: {s.causes.get(f['id'], '?')}")
            lines.append(f"gold: {f['subject']} | {f['predicate']} | {f.get('object')} | "
                         f"{t.get('earliest')}..{t.get('latest')} | by {f.get('asserted_by')} | {f['polarity']}")
            lines.append(f"> {' '.join(f['quote'].split())}")
            for c in near:
                lines.append(f"* {c['subject']} | {c['predicate']} | {c.get('object')} | {_time(c.get('time'))} | "
                             f"by {c.get('asserted_by')} | {c['polarity']}")
            lines.append("")
    lines += ["", "# Covered claims that match no gold fact, and the gold facts on their passage", ""]
    for s in scores:
        placed = dict(zip((c["id"] for c in s.claims), sc.place_claims(s.claims, texts[s.text])))
        used = set(s.matched.values())
        by_id = {c["id"]: c for c in s.claims}
        for cid in s.covered:
            if cid in used:
                continue
            c, span = by_id[cid], placed[cid]
            lines.append(f"## {s.text} `{cid}`")
            lines.append(f"* {c['subject']} | {c['predicate']} | {c.get('object')} | {_time(c.get('time'))} | "
                         f"by {c.get('asserted_by')} | {c['polarity']}")
            lines.append(f"> {' '.join(c['quote'].split())}")
            for f in s.facts:
                if any(sc.overlaps(span, q) for q in texts[s.text].find_all(f["quote"])):
                    t = f.get("time") or {}
                    state = "matched" if f["id"] in s.matched else "missed"
                    lines.append(f"  gold {f['id']} ({state}): {f['subject']} | {f['predicate']} | "
                                 f"{f.get('object')} | {t.get('earliest')}..{t.get('latest')} | "
                                 f"by {f.get('asserted_by')} | {f['polarity']}")
            lines.append("")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")
    say(f"[gold] missed facts written to {path}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", type=Path, help="Also write the numbers to this JSON file.")
    ap.add_argument("--keep", type=Path, help="Keep the case in this folder.")
    ap.add_argument("--sample", type=int, default=50, help="Claims in the hand-check sample.")
    ap.add_argument("--seed", type=int, default=1, help="Seed of the hand-check sample.")
    ap.add_argument("--misses", type=Path, help="Write every missed fact beside the claims on its passage, then every covered "
                    "claim that matches nothing beside the gold facts on its passage.")
    args = ap.parse_args(argv)

    golds, paths = load_gold()
    preds = sc.PredicateTable.load(HERE / "gold_predicates.yaml")
    tmp = Path(tempfile.mkdtemp(prefix="cw-gold-"))
    try:
        case = (args.keep or tmp) / "gold.case"
        case.parent.mkdir(parents=True, exist_ok=True)
        if case.exists():
            case.unlink()
        got = build_case(case, [paths[d["source"]] for d in golds])
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if args.keep:
        say(f"[gold] case kept at {case}")

    by_path = {Path(s["path"]).name: s for s in got["sources"] if s.get("path")}
    text_of_source = {s["id"]: name for name, s in by_path.items()}
    claims_by_text: dict[str, list[dict]] = defaultdict(list)
    for c in got["claims"]:
        if c["source_id"] in text_of_source:
            claims_by_text[text_of_source[c["source_id"]]].append(c)
    ctx = sc.Context(gnames=sc.gold_names(golds), snames=sc.system_names(got["entities"]), preds=preds,
                     authors={name: set().union(*(sc.variants(a) for a in s.get("authors") or []))
                              for name, s in by_path.items()})
    alias_names = sc.system_names(got["entities"], for_aliases=True)

    scores, texts = [], {}
    for d in golds:
        name = d["source"]
        raw = body(paths[name].read_text(encoding="utf-8"))
        texts[name] = sc.Located(raw)
        scores.append(sc.score_text(name, raw, d.get("facts") or [], claims_by_text.get(name, []), ctx))
    ingested = set(by_path)

    # ---- per text and overall
    rows, tot = [], Counter()
    for s in scores:
        hit, cov = sc.precision(s)
        n_f, n_m, n_c = len(s.facts), len(s.matched), len(s.claims)
        tot.update(words=s.words, facts=n_f, matched=n_m, claims=n_c, covered=cov, covered_hit=hit)
        rows.append([s.text + ("" if s.text in ingested else " (not ingested)"), f"{s.words:,}", n_f, n_m,
                     pct(n_m, n_f), n_c, cov, pct(hit, cov), f"{1000 * n_c / max(s.words, 1):.1f}"])
    overall = [f"**all {len(scores)} texts**", f"{tot['words']:,}", tot["facts"], tot["matched"],
               f"**{pct(tot['matched'], tot['facts'])}**", tot["claims"], tot["covered"],
               pct(tot["covered_hit"], tot["covered"]), f"{1000 * tot['claims'] / max(tot['words'], 1):.1f}"]
    print("## Dev gold set: fact recall and precision on covered passages\n")
    print(table(["text", "words", "gold facts", "matched", "recall", "claims", "covered claims",
                 "precision (covered)", "claims / 1000 words"], [*rows, overall]))
    wpc = tot["words"] / tot["claims"] if tot["claims"] else float("inf")
    print(f"\nWords per claim: {wpc:.1f} (bar: at least 10, i.e. no more than one claim per ten words): "
          f"{'within' if wpc >= 10 else 'OVER'} the bar.")
    if got["rejected"]:
        print("\nNot ingested (these texts score zero): "
              + "; ".join(f"{n}: {r.split(';')[0]}" for n, r in got["rejected"]))
    n_rep = sum(sc.repeats(s, ctx) for s in scores)
    print(f"\nOf the {tot['covered'] - tot['covered_hit']} covered claims that count against precision, "
          f"{n_rep} repeat a gold fact another claim already matched (each fact is matched once).")
    n_hedge = sum(s.hedged_agree for s in scores)
    n_place = sum(s.place_agree for s in scores)
    print(f"\nAmong matched facts, hedged agrees on {n_hedge}/{tot['matched']}, place on {n_place}/{tot['matched']} "
          "(scored apart; they do not block a match).")

    # ---- aliases
    arows, a_tot, a_hit, alias_missed = [], 0, 0, []
    for d in golds:
        als = d.get("aliases") or []
        found = [a for a in als if sc.alias_found(a, ctx.gnames, alias_names)]
        a_tot += len(als)
        a_hit += len(found)
        alias_missed += [a for a in als if a not in found]
        arows.append([d["source"], len(als), len(found), pct(len(found), len(als))])
    arows.append(["**all**", a_tot, a_hit, f"**{pct(a_hit, a_tot)}**"])
    print("\n## Aliases found\n")
    print(table(["text", "gold aliases", "found", "recall"], arows))
    kinds = Counter(a["kind"] for a in alias_missed)
    print("\nMissed aliases by kind: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))

    # ---- conflicts
    spans: dict[str, dict[str, list[tuple[int, int]]]] = {}
    for s in scores:
        placed = sc.place_claims(s.claims, texts[s.text])
        spans[s.text] = {c["id"]: [p] for c, p in zip(s.claims, placed) if p is not None}
        quote_of = {f["id"]: f["quote"] for f in s.facts}
        for fid, cid in s.matched.items():
            spans[s.text].setdefault(cid, []).extend(texts[s.text].find_all(quote_of[fid]))
    contra = [f for f in got["findings"] if f.get("type") in CONTRADICTIONS]
    crows, c_found, n_conf, nc_flagged, n_nc = [], 0, 0, 0, 0
    for d in golds:
        for c in d.get("conflicts") or []:
            ids = sc.conflict_found(c, contra, spans, texts)
            n_conf += 1
            c_found += bool(ids)
            crows.append([c["id"], "conflict", "found" if ids else "missed", ", ".join(ids)])
        for c in d.get("non_conflicts") or []:
            ids = sc.conflict_found(c, contra, spans, texts)
            n_nc += 1
            nc_flagged += bool(ids)
            if ids:
                crows.append([c["id"], "non-conflict", "WRONGLY FLAGGED", ", ".join(ids)])
    print("\n## Conflicts\n")
    print(f"Gold conflicts found: {c_found}/{n_conf}; non-conflicts wrongly flagged: {nc_flagged}/{n_nc}; "
          f"contradiction findings in the case: {len(contra)} (of {len(got['findings'])} findings).\n")
    print(table(["gold id", "kind", "result", "findings"], crows))

    if args.misses:
        write_misses(args.misses, scores, texts)

    # ---- causes of misses
    causes = [c for s in scores for c in s.causes.values()]
    by_cond = Counter(c.split(":")[0] for c in causes)
    print("\n## The ten commonest causes of misses\n")
    print(table(["cause", "missed facts"], sc.commonest(causes, 10)))
    print("\nBy first failing condition: " + ", ".join(f"{k} {n}" for k, n in by_cond.most_common()))

    # ---- per predicate
    p_tot, p_hit = Counter(), Counter()
    for s in scores:
        for f in s.facts:
            p_tot[f["predicate"]] += 1
            p_hit[f["predicate"]] += f["id"] in s.matched
    fam_tot, fam_hit = Counter(), Counter()
    for p, n in p_tot.items():
        fam_tot[sc.family(p)] += n
        fam_hit[sc.family(p)] += p_hit[p]
    print("\n## Recall per gold predicate\n")
    print(table(["gold predicate", "found", "total", "recall"],
                [[p, fam_hit[p], n, pct(fam_hit[p], n)] for p, n in fam_tot.most_common()]))

    # ---- hand-check sample
    claim_by_id = {c["id"]: c for c in got["claims"]}
    pool = sorted(cid for s in scores for cid in s.uncovered)
    sample = random.Random(args.seed).sample(pool, min(args.sample, len(pool)))
    OUT.mkdir(exist_ok=True)
    dest = OUT / "claims_gold_uncovered.md"
    lines = [f"# {len(sample)} claims on passages no gold fact covers (seed {args.seed})", "",
             "For a human to judge: is each a claim the text makes, read right? "
             "Mark ok / wrong / partly.", ""]
    for i, cid in enumerate(sample, 1):
        c = claim_by_id[cid]
        lines += [f"## {i}. {text_of_source.get(c['source_id'], c['source_id'])} `{cid}`", "",
                  f"> {' '.join(c['quote'].split())}", "",
                  f"* subject: {c.get('subject')}", f"* predicate: {c.get('predicate')}",
                  f"* object: {c.get('object')}", f"* time: {_time(c.get('time'))}",
                  f"* polarity: {c.get('polarity')}, modality: {c.get('modality')}",
                  f"* asserted_by: {c.get('asserted_by')}", "* verdict: ", ""]
    dest.write_text("\n".join(lines), encoding="utf-8")
    print(f"\nHand-check sample ({len(sample)} of {len(pool)} uncovered claims): {dest.relative_to(ROOT)}")

    if args.json:
        numbers = {
            "texts": {s.text: {"words": s.words, "facts": len(s.facts), "matched": len(s.matched),
                               "claims": len(s.claims), "covered": sc.precision(s)[1],
                               "covered_matched": sc.precision(s)[0], "ingested": s.text in ingested,
                               "matched_pairs": s.matched, "miss_causes": s.causes} for s in scores},
            "overall": {k: tot[k] for k in ("words", "facts", "matched", "claims", "covered", "covered_hit")}
            | {"recall": tot["matched"] / max(tot["facts"], 1), "words_per_claim": wpc},
            "aliases": {"gold": a_tot, "found": a_hit},
            "conflicts": {"gold": n_conf, "found": c_found, "non_conflicts": n_nc, "wrongly_flagged": nc_flagged},
            "miss_causes": dict(Counter(causes).most_common()),
            "per_predicate": {p: {"found": fam_hit[p], "total": n} for p, n in fam_tot.items()},
            "rejected": got["rejected"],
        }
        args.json.write_text(json.dumps(numbers, indent=2, ensure_ascii=False), encoding="utf-8")
        say(f"[gold] numbers written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
