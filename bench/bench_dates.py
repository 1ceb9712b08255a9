"""WikiWars benchmark for the date tagger: extent and value, beside HeidelTime and dateparser.

    .venv/bin/python bench/bench_dates.py [--data DIR] [--errors N] [--no-dateparser]

Articles 01-16 only (17-22 are the held-out test split). Gold offsets come from the
inline key files with tags stripped; the stripped text is checked against the raw
article. Nested TIMEX2 (depth 2) are scored at the outer tag only. Each article's
DATETIME (when it was downloaded) is passed as the *date written*, for
speaker-relative words; the narrative anchor starts empty and is set by the text.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from collingwood.extract.dates import tag_dates  # noqa: E402
from shared import DATA as DATA_ROOT, SEEDS  # noqa: E402,F401

DATA = DATA_ROOT / "wikiwars-train"
HEIDELTIME = {"strict": (None, None, 83.1), "lenient": (95.8, 85.4, 90.3), "value": 89.8,
              "e2e_lenient": 80.8, "e2e_strict": 76.4}
TAG = re.compile(r"<TIMEX2([^>]*)>|</TIMEX2>")


@dataclass
class Doc:
    name: str
    text: str
    dct: str
    gold: list[tuple[int, int, str | None]] = field(default_factory=list)


def _text_of(sgml: str) -> str:
    return sgml[sgml.index("<TEXT>") + len("<TEXT>"):sgml.index("</TEXT>")]


def strip_key(key: str) -> tuple[str, list[tuple[int, int, str | None]]]:
    """Plain text and the outer TIMEX2 annotations (start, end, val) in its offsets."""
    out, spans, stack, pos = [], [], [], 0
    n = 0
    for m in TAG.finditer(key):
        out.append(key[pos:m.start()])
        n += m.start() - pos
        pos = m.end()
        if m[0].startswith("</"):
            start, attrs = stack.pop()
            if not stack:
                val = re.search(r'\bval="([^"]*)"', attrs, re.I)
                spans.append((start, n, val[1] if val else None))
        else:
            stack.append((n, m[1]))
    out.append(key[pos:])
    return "".join(out), spans


def _remap(src: str, dst: str, spans):
    """Carry offsets from src to dst when the texts differ (they should not)."""
    sm = difflib.SequenceMatcher(None, src, dst, autojunk=False)
    table = {}
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        for k in range(i2 - i1 + 1):
            table.setdefault(i1 + k, j1 + min(k, j2 - j1))
    return [(table[a], table[b], v) for a, b, v in spans]


def load(data: Path) -> list[Doc]:
    docs = []
    for raw_path in sorted((data / "in").glob("*.sgm")):
        if not re.match(r"(0[1-9]|1[0-6])_", raw_path.name):
            continue
        raw = raw_path.read_text(encoding="utf-8")
        key = (data / "keyinline" / raw_path.name.replace(".sgm", ".key.xml")).read_text(encoding="utf-8")
        text = _text_of(raw)
        plain, spans = strip_key(_text_of(key))
        if plain != text:
            print(f"{raw_path.name}: key text differs from raw text; remapping offsets", file=sys.stderr)
            spans = _remap(plain, text, spans)
        dct = re.search(r"<DATETIME>\s*(\d{4}-\d\d-\d\d)", raw)[1]
        docs.append(Doc(raw_path.stem, text, dct, spans))
    return docs


@dataclass
class Score:
    sys_n: int = 0
    gold_n: int = 0
    strict: int = 0
    lenient_sys: int = 0
    lenient_gold: int = 0
    value_ok: int = 0
    strict_value_ok: int = 0
    errors: list = field(default_factory=list)

    @staticmethod
    def same(ours: str | None, gold: str | None) -> bool:
        return _same_value(ours, gold)

    def add(self, doc: Doc, found: list[tuple[int, int, str | None]]):
        self.sys_n += len(found)
        self.gold_n += len(doc.gold)
        gold_exact = {(a, b): v for a, b, v in doc.gold}
        used = set()
        for a, b, v in found:
            if (a, b) in gold_exact:
                self.strict += 1
                self.strict_value_ok += self.same(v, gold_exact[(a, b)])
        for a, b, v in found:
            match = next((g for g in doc.gold if g not in used and g[0] < b and a < g[1]), None)
            if match is None:
                self.errors.append(("FP", doc.name, doc.text[a:b], v, _context(doc.text, a, b)))
                continue
            used.add(match)
            self.lenient_sys += 1
            if self.same(v, match[2]):
                self.value_ok += 1
            else:
                self.errors.append(("VAL", doc.name, doc.text[a:b] + " | " + doc.text[match[0]:match[1]],
                                    f"{v} != {match[2]}", _context(doc.text, a, b)))
        self.lenient_gold += len(used)
        for g in doc.gold:
            if g not in used:
                self.errors.append(("FN", doc.name, doc.text[g[0]:g[1]], g[2], _context(doc.text, g[0], g[1])))

    def row(self) -> dict:
        def f1(p, r):
            return 2 * p * r / (p + r) if p + r else 0.0
        sp, sr = _div(self.strict, self.sys_n), _div(self.strict, self.gold_n)
        lp, lr = _div(self.lenient_sys, self.sys_n), _div(self.lenient_sys, self.gold_n)
        ep, er = _div(self.value_ok, self.sys_n), _div(self.value_ok, self.gold_n)
        tp, tr = _div(self.strict_value_ok, self.sys_n), _div(self.strict_value_ok, self.gold_n)
        return {"strict": (sp, sr, f1(sp, sr)), "lenient": (lp, lr, f1(lp, lr)),
                "value": _div(self.value_ok, self.lenient_sys),
                "e2e_lenient": f1(ep, er), "e2e_strict": f1(tp, tr)}


def _div(a, b):
    return a / b if b else 0.0


def _same_value(ours: str | None, gold: str | None) -> bool:
    return (ours or None) == (gold or None)


def _context(text, a, b):
    return text[max(0, a - 40):a].replace("\n", " ") + "[" + text[a:b] + "]" + text[b:b + 30].replace("\n", " ")


def run_collingwood(docs, as_dct: bool = False):
    """as_dct: pass the download time as a document date (dct=), as if the article were a dated
    report: how far a wrongly dated narrative falls (the narrative guard of docs/dates.md)."""
    score, t0, chars = Score(), time.perf_counter(), 0
    for d in docs:
        found = tag_dates(d.text, dct=d.dct) if as_dct else tag_dates(d.text, anchor=None, written=d.dct)
        chars += len(d.text)
        # 'shortly afterwards' and the like are not TIMEX2 markables: not scored
        score.add(d, [(m.start, m.end, m.value) for m in found if m.kind != "relative"])
    return score, time.perf_counter() - t0


def run_dateparser(docs):
    try:
        from dateparser.search import search_dates
    except ImportError:
        return None, 0.0
    import datetime
    import warnings
    score, t0 = Score(), time.perf_counter()
    for d in docs:
        base = datetime.datetime.fromisoformat(d.dct)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            hits = search_dates(d.text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
        found, pos = [], 0
        gold_vals = {(a, b): v for a, b, v in d.gold}
        for sub, dt in hits:
            a = d.text.find(sub, pos)
            if a < 0:
                continue
            pos = a + len(sub)
            found.append((a, pos, dt))
        # value where derivable: the datetime cut to the precision of the overlapping gold value
        valued = []
        for a, b, dt in found:
            g = next((v for (x, y), v in gold_vals.items() if x < b and a < y), None)
            valued.append((a, b, _cut(dt, g)))
        score.add(d, valued)
    return score, time.perf_counter() - t0


def _cut(dt, gold):
    if not gold or not re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", gold):
        return dt.strftime("%Y-%m-%d")
    return dt.strftime({4: "%Y", 7: "%Y-%m", 10: "%Y-%m-%d"}[len(gold)])


def table(rows: dict[str, dict]) -> str:
    head = (f"{'system':<26}{'strict P':>9}{'R':>6}{'F1':>6}  {'lenient P':>9}{'R':>6}{'F1':>6}"
            f"  {'value':>6}  {'e2e len':>7}  {'e2e str':>7}")
    lines = [head, "-" * len(head)]

    def pct(x):
        return "   -" if x is None else f"{100 * x:5.1f}" if x <= 1 else f"{x:5.1f}"
    for name, r in rows.items():
        s, l = r["strict"], r["lenient"]
        lines.append(f"{name:<26}{pct(s[0]):>9}{pct(s[1]):>6}{pct(s[2]):>6}  {pct(l[0]):>9}{pct(l[1]):>6}"
                     f"{pct(l[2]):>6}  {pct(r['value']):>6}  {pct(r['e2e_lenient']):>7}  {pct(r['e2e_strict']):>7}")
    return "\n".join(lines)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--errors", type=int, default=0, help="print up to N errors of each kind")
    ap.add_argument("--no-dateparser", action="store_true")
    args = ap.parse_args(argv)
    docs = load(args.data)
    print(f"WikiWars articles 01-16: {len(docs)} documents, {sum(len(d.gold) for d in docs)} gold TIMEX2 "
          f"(outer), {sum(len(d.text) for d in docs):,} characters")
    ours, secs = run_collingwood(docs)
    rows = {"Collingwood dates": ours.row()}
    rows["  download time as dct="] = run_collingwood(docs, as_dct=True)[0].row()
    if not args.no_dateparser:
        dp, dp_secs = run_dateparser(docs)
        if dp is not None:
            rows["dateparser search_dates"] = dp.row()
    rows["HeidelTime 1.8 (published)"] = {
        "strict": (None, None, HEIDELTIME["strict"][2]), "lenient": HEIDELTIME["lenient"],
        "value": HEIDELTIME["value"], "e2e_lenient": HEIDELTIME["e2e_lenient"],
        "e2e_strict": HEIDELTIME["e2e_strict"]}
    print(table(rows))
    print(f"\nCollingwood: {secs:.2f}s for {len(docs)} articles. value = accuracy on lenient matches; "
          "e2e = F1 of found-and-valued.")
    if args.errors:
        for kind in ("FP", "FN", "VAL"):
            errs = [e for e in ours.errors if e[0] == kind]
            print(f"\n== {kind}: {len(errs)}")
            for e in errs[:args.errors]:
                print(f"  {e[1][:6]} {e[2]!r:40} {str(e[3]):24} {e[4]}")


if __name__ == "__main__":
    main()
