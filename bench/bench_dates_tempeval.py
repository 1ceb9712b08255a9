"""TempEval-3 (task A, temporal expressions) on the TimeBank + AQUAINT training corpus.

    .venv/bin/python bench/bench_dates_tempeval.py [--data DIR] [--errors N] [--corpus TimeBank|AQUAINT]

`../shared/data/tbaq-train/` holds the TempEval-3 training data (TBAQ-cleaned): news in
TimeML with TIMEX3 tags and each document's creation time (DCT). The text scored is the
document's TEXT element with every tag stripped; the DCT is passed to `tag_dates` as the
document date (`dct=`), the way Collingwood reads a dated news report. The DCT's own
TIMEX3 (functionInDocument="CREATION_TIME") is not scored, as in TempEval-3.

Scores, as the TempEval-3 scorer defines them: extent strict (same offsets) and relaxed
(overlap, one to one) P/R/F1; value accuracy over relaxed matches; end to end = F1 of
found-and-correctly-valued (TempEval-3's "value F1"). Values are compared after
`same_value`'s normalisation of the TIMEX2/TIMEX3 differences (see docs/dates.md).
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_dates import Doc, Score  # noqa: E402
from collingwood.extract.date_timex3 import is_timex3, timex3_value  # noqa: E402
from collingwood.extract.dates import tag_dates  # noqa: E402
from shared import DATA as DATA_ROOT, need  # noqa: E402

DATA = DATA_ROOT / "tbaq-train"
# HeidelTime-t on the TempEval-3 *Platinum test set* (UzZaman et al., SemEval-2013 task 1,
# task A): strict F1, relaxed F1, value F1. Ours are on the training set.
HEIDELTIME = {"HeidelTime-t (TE3 test, published)": {"strict": (None, None, 81.34),
                                                     "lenient": (None, None, 90.30), "value_f1": 77.61}}
_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*?)(/?)>|&[#\w]+;")


def strip_timeml(body: str) -> tuple[str, list[tuple[int, int, str | None]]]:
    """Plain text of a TimeML TEXT element and its TIMEX3 (start, end, value) in that text."""
    out: list[str] = []
    n, pos, spans, open_ = 0, 0, [], []
    for m in _TAG.finditer(body):
        chunk = body[pos:m.start()]
        out.append(chunk)
        n += len(chunk)
        pos = m.end()
        if m[0].startswith("&"):
            ch = html.unescape(m[0])
            out.append(ch)
            n += len(ch)
            continue
        closing, name, attrs = m[1], m[2], m[3]
        if name != "TIMEX3":
            continue
        if closing:
            start, a = open_.pop()
            if 'functionInDocument="CREATION_TIME"' not in a:
                val = re.search(r'\bvalue="([^"]*)"', a)
                spans.append((start, n, val[1] if val else None))
        elif not m[4]:
            open_.append((n, attrs))
    out.append(body[pos:])
    return "".join(out), spans


def load(data: Path, corpus: str | None = None) -> list[Doc]:
    docs = []
    for path in sorted(need(data).glob("*/*.tml")):
        if corpus and path.parent.name != corpus:
            continue
        raw = path.read_text(encoding="utf-8")
        dct = re.search(r'<DCT>\s*<TIMEX3[^>]*\bvalue="(\d{4}-\d\d-\d\d)', raw)
        body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
        if not dct or not body:
            print(f"{path.name}: no DCT or TEXT; skipped", file=sys.stderr)
            continue
        text, spans = strip_timeml(body[1])
        docs.append(Doc(f"{path.parent.name[:2]}/{path.stem}", text, dct[1], spans))
    return docs


_DECADE = re.compile(r"(\d{3})X?|(\d{2})(?:XX)?")


def same_value(ours: str | None, gold: str | None) -> bool:
    """TIMEX2 and TIMEX3 values alike after normalising where the two schemes differ."""
    return _norm_value(ours) == _norm_value(gold)


def _norm_value(v: str | None) -> str | None:
    if not v:
        return None
    v = v.strip().upper()
    m = re.fullmatch(r"(\d{3})X|(\d{2})XX", v)     # TIMEX3 decades/centuries '199X', '19XX'
    if m:
        v = m[1] or m[2]
    v = re.sub(r"-W(\d)(?!\d)", r"-W0\1", v)
    m = re.fullmatch(r"P(\d+)(DE|CE)", v)           # TIMEX2 decades and centuries of duration
    if m:
        v = f"P{int(m[1]) * (10 if m[2] == 'DE' else 100)}Y"      # 1998-W9 -> 1998-W09
    v = re.sub(r"T(\d\d):(\d\d)(:00)?$", r"T\1:\2", v)
    return v


class TE3Score(Score):
    same = staticmethod(same_value)


def scored(found, text: str) -> list[tuple[int, int, str | None]]:
    """Our mentions as TIMEX3 markables: (start, end, value) in TimeML's conventions (date_timex3)."""
    return [(m.start, m.end, timex3_value(m)) for m in found if is_timex3(m, text)]


def run(docs, dct_mode: str) -> tuple[Score, float]:
    score, t0 = TE3Score(), time.perf_counter()
    for d in docs:
        if dct_mode == "dct":
            found = tag_dates(d.text, dct=d.dct)
        else:                        # the call the tagger offered before document dates
            found = tag_dates(d.text, anchor=None, written=d.dct)
        score.add(d, scored(found, d.text))
    return score, time.perf_counter() - t0


def table(rows: dict[str, dict]) -> str:
    head = (f"{'system':<38}{'strict P':>9}{'R':>6}{'F1':>6}  {'relax P':>8}{'R':>6}{'F1':>6}"
            f"  {'value':>6}  {'e2e (value F1)':>14}")
    lines = [head, "-" * len(head)]

    def pct(x):
        return "    -" if x is None else f"{100 * x:5.1f}" if x <= 1 else f"{x:5.1f}"
    for name, r in rows.items():
        s, l = r["strict"], r["lenient"]
        lines.append(f"{name:<38}{pct(s[0]):>9}{pct(s[1]):>6}{pct(s[2]):>6}  {pct(l[0]):>8}{pct(l[1]):>6}"
                     f"{pct(l[2]):>6}  {pct(r.get('value')):>6}  {pct(r['e2e_lenient']):>14}")
    return "\n".join(lines)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--corpus", choices=["TimeBank", "AQUAINT"], default=None)
    ap.add_argument("--errors", type=int, default=0, help="print up to N errors of each kind")
    ap.add_argument("--old-call", action="store_true", help="also score the call without dct= (written= only)")
    args = ap.parse_args(argv)
    docs = load(args.data, args.corpus)
    print(f"TempEval-3 training (TBAQ-cleaned{', ' + args.corpus if args.corpus else ''}): {len(docs)} documents, "
          f"{sum(len(d.gold) for d in docs)} gold TIMEX3 (DCT not counted), {sum(len(d.text) for d in docs):,} characters")
    ours, secs = run(docs, "dct")
    rows = {"Collingwood dates (dct=DCT)": ours.row()}
    if args.old_call:
        rows["Collingwood dates (written=DCT)"] = run(docs, "written")[0].row()
    for name, h in HEIDELTIME.items():
        rows[name] = {"strict": h["strict"], "lenient": h["lenient"], "value": None, "e2e_lenient": h["value_f1"]}
    print(table(rows))
    print(f"\nCollingwood: {secs:.2f}s for {len(docs)} documents. value = accuracy on relaxed matches; "
          "e2e = F1 of found-and-valued (TempEval-3 value F1).\nHeidelTime rows: published TempEval-3 results "
          "on the Platinum *test* set (not this training set).")
    if args.errors:
        for kind in ("FP", "FN", "VAL"):
            errs = [e for e in ours.errors if e[0] == kind]
            print(f"\n== {kind}: {len(errs)}")
            for e in errs[:args.errors]:
                print(f"  {e[1][:14]:14} {e[2]!r:40} {str(e[3]):24} {e[4]}")


if __name__ == "__main__":
    main()
