"""Alias recall against the dev gold set: how many of the names texts give a person or body
the extractor records for it.

    python bench/bench_aliases_gold.py [--show]

Runs rules-spacy@1 on each of the twelve texts of ``../shared/data/claims-dev`` (the body
after any YAML front matter, offsets kept) and compares with the gold ``aliases:`` lists.
A gold alias {name, of} is found when one entity the system found in that text records
both the alias and another gold name of ``of``. An entity records a name when the name,
case-folded with leading titles, 'the' and quotes dropped, is the entity's name, one of
its aliases, or the text of one of its mentions. The gold names of ``of`` are ``of``
itself, ``of`` without its gloss in brackets or after a comma, and the gold aliases of all
files with that ``of``; the alias itself does not count unless it is ``of`` written
otherwise ('CHEKA' for the Cheka). So a name the system keeps as an entity of its own is
not found: it must be linked to the entity it names.

``--show`` lists the aliases missed. Prints recall per text and overall.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from shared import DATA, SEEDS, need  # noqa: E402

from collingwood.extract.entities import titles  # noqa: E402
from collingwood.extract.registry import ExtractInput, get  # noqa: E402

GOLD = DATA / "claims-dev" / "gold"


def text_of(source: str) -> str:
    for folder in (DATA / "claims-dev" / "texts", DATA / "wikipedia", SEEDS):
        p = folder / source
        if p.exists():
            text = p.read_text("utf-8")
            m = re.match(r"---\n.*?\n---\n", text, re.S)
            return " " * m.end() + text[m.end():] if m else text    # offsets kept
    raise SystemExit(f"missing shared data: {source}")


def fold(name: str) -> str:
    words = re.sub(r"[\"“”‘’'«»<>_]", " ", name).replace(",", " , ").split()
    words = [w for w in words if w != ","]
    while len(words) > 1 and (words[0].lower() == "the" or words[0].rstrip(".,").title() in titles()
                              or words[0].rstrip(".,") in titles()):
        words = words[1:]
    return " ".join(words).casefold()


def plain(name: str) -> str:
    """A gold name without its gloss: 'Otto (Cairncross's first Soviet controller)' -> 'Otto',
    'Soviet Military Attache, Mexico City' -> 'Soviet Military Attache'."""
    return re.sub(r"\s*\([^)]*\)", "", name).split(", ")[0].strip()


def main(show: bool = False) -> float:
    need(GOLD)
    golds = {f.stem: yaml.safe_load(f.read_text("utf-8")) for f in sorted(GOLD.glob("*.yaml"))}
    names_of: dict[str, set[str]] = defaultdict(set)
    for g in golds.values():
        for a in g.get("aliases") or ():
            names_of[a["of"]].update({fold(a["of"]), fold(a["name"]), fold(plain(a["of"]))})
    extractor = get("rules-spacy@1")
    total = hit = 0
    print(f"{'text':42} {'gold':>5} {'found':>6} {'recall':>7}")
    missed = []
    for stem, g in golds.items():
        aliases = g.get("aliases") or []
        if not aliases:
            continue
        out = extractor.extract(ExtractInput(stem, text_of(g["source"])))
        recorded: dict[str, set[str]] = defaultdict(set)
        by_id = {e.id: e for e in out.entities}
        for e in out.entities:
            recorded[e.id].add(fold(e.name))
            recorded[e.id].update(fold(a.name) for a in e.aliases)
        for m in out.mentions:
            if m.entity_id in by_id:
                recorded[m.entity_id].add(fold(m.text))
        found = 0
        for a in aliases:
            name, of = fold(a["name"]), fold(plain(a["of"]))
            others = names_of[a["of"]] - ({name} if name != of else set())
            ok = any(name in recorded[e.id] and recorded[e.id] & others for e in out.entities)
            found += ok
            if not ok:
                missed.append((stem, a["kind"], a["name"], a["of"]))
        total += len(aliases)
        hit += found
        print(f"{stem[:42]:42} {len(aliases):5} {found:6} {found / len(aliases):7.2f}")
    print(f"{'all':42} {total:5} {hit:6} {hit / max(total, 1):7.2f}")
    if show:
        for row in missed:
            print("  missed", *row, sep=" | ")
    return hit / max(total, 1)


if __name__ == "__main__":
    main("--show" in sys.argv)
