"""Competing hypotheses (step 9): Heuer's ACH matrix tied to the evidence and its credibility.

The analyst writes hypotheses in ``*.hypotheses.yaml``; `ach_matrix` lays the
relevant evidence against them, proposes consistency ratings where the structure
allows (analyst ratings win), weighs each item by its credibility, ranks the
hypotheses by weighted inconsistency, names the diagnostic items and tests the
ranking's sensitivity to the least reliable evidence. It is a record of reasoning,
not a verdict: see `CAVEAT` and docs/judgment.md.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .. import safe_yaml
from ..errors import CasebookError, YamlError
from ..model import POLARITIES, CaseData, Claim, Finding, schema
from ..resolve import Resolution, norm
from ..timespan import TimeSpan, parse_when
from . import predicate_of, wording
from .case_view import CaseView, event_label
from .findings import PRESENCE_DAYS
from .grading import settings as grading_settings

RATINGS = {"CC": 2, "C": 1, "N": 0, "I": -1, "II": -2}
INCONSISTENCY = {"I": 1, "II": 2}
PATTERN_KEYS = ("subject", "predicate", "object", "when", "where", "polarity")
DIAGNOSTIC_MAX = 5
CAVEAT = ("This matrix is a record of reasoning, not a verdict. Controlled studies found no "
          "accuracy gain from ACH matrices alone; it ranks hypotheses by the weighted evidence "
          "against them (fewest inconsistencies first) and is only as good as the evidence "
          "chosen, the ratings given and the credibility grades behind the weights.")


# ---------------------------------------------------------------- the hypotheses file

@dataclass(frozen=True)
class Pattern:
    predicate: str
    subject: str | None = None
    object: str | None = None
    when: TimeSpan | None = None
    where: str | None = None
    polarity: str = "affirmed"

    def words(self) -> str:
        bits = [self.subject or "anyone", predicate_of(self.predicate).label, self.object or ""]
        if self.where:
            bits.append(f"in {self.where}")
        if self.when:
            bits.append(f"({self.when.render()})")
        text = " ".join(b for b in bits if b)
        return text if self.polarity == "affirmed" else f"not: {text}"


@dataclass
class Hypothesis:
    id: str
    label: str
    statement: str
    requires: list[Pattern] = field(default_factory=list)
    excludes: list[Pattern] = field(default_factory=list)


@dataclass(frozen=True)
class Rating:
    hypothesis: str
    evidence: str
    rating: str
    note: str = ""


@dataclass
class HypothesisSet:
    question: str
    hypotheses: list[Hypothesis]
    ratings: list[Rating] = field(default_factory=list)
    path: str | None = None


def load_hypotheses(path: Path | str) -> HypothesisSet:
    """Read a ``*.hypotheses.yaml`` file; CasebookError names the file and the entry at fault."""
    path = Path(path)
    try:
        raw = safe_yaml.load(path.read_text(encoding="utf-8-sig"), name=path)
    except (OSError, UnicodeDecodeError) as e:
        raise CasebookError(path, f"cannot read it as UTF-8 text ({e})") from e
    except YamlError as e:
        raise CasebookError(path, f"invalid YAML: {e}".replace("\n", " ")) from e
    return parse_hypotheses(raw, path)


def parse_hypotheses(raw, path: Path | str = "hypotheses.yaml") -> HypothesisSet:
    def fail(reason: str):
        raise CasebookError(path, reason)

    if not isinstance(raw, dict):
        fail("a hypotheses file is a mapping with `question:`, `hypotheses:` and optional `ratings:`")
    unknown = set(raw) - {"question", "hypotheses", "ratings"}
    if unknown:
        fail(f"unknown top-level key(s) {', '.join(sorted(unknown))}")
    if not isinstance(raw.get("question"), str) or not raw["question"].strip():
        fail("`question:` must be the question the hypotheses answer, in words")
    entries = raw.get("hypotheses")
    if not isinstance(entries, list) or len(entries) < 2:
        fail("`hypotheses:` must list at least two competing hypotheses")
    hyps = [_hypothesis(e, i, fail) for i, e in enumerate(entries, start=1)]
    ids = [h.id for h in hyps]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        fail(f"hypothesis id(s) {', '.join(dupes)} used twice")
    ratings = [_rating(e, i, set(ids), fail) for i, e in enumerate(raw.get("ratings") or [], start=1)]
    return HypothesisSet(raw["question"].strip(), hyps, ratings, str(path))


def _hypothesis(entry, i: int, fail) -> Hypothesis:
    where = f"hypothesis {i}"
    if not isinstance(entry, dict):
        fail(f"{where} must be a mapping with id, label, statement, requires, excludes")
    unknown = set(entry) - {"id", "label", "statement", "requires", "excludes"}
    if unknown:
        fail(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    for key in ("id", "label"):
        if not isinstance(entry.get(key), str | int) or not str(entry[key]).strip():
            fail(f"{where}: missing `{key}`")
    hid = str(entry["id"]).strip()
    pats = {k: [_pattern(p, f"hypothesis {hid}, {k} {j}", fail)
                for j, p in enumerate(entry.get(k) or [], start=1)] for k in ("requires", "excludes")}
    return Hypothesis(hid, str(entry["label"]).strip(), str(entry.get("statement") or "").strip(),
                      pats["requires"], pats["excludes"])


def _pattern(p, where: str, fail) -> Pattern:
    if not isinstance(p, dict):
        fail(f"{where} must be a mapping of {', '.join(PATTERN_KEYS)}")
    unknown = set(p) - set(PATTERN_KEYS)
    if unknown:
        fail(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    if p.get("predicate") not in schema().predicates:
        fail(f"{where}: unknown predicate {p.get('predicate')!r}; see docs/predicates.md")
    polarity = p.get("polarity", "affirmed")
    if polarity not in POLARITIES:
        fail(f"{where}: polarity must be affirmed or denied, not {polarity!r}")
    when = None
    if p.get("when") is not None:
        try:
            when = parse_when(str(p["when"]))
        except ValueError as e:
            fail(f"{where}: cannot read the date: {e}")
    text = {k: str(p[k]).strip() if p.get(k) is not None else None for k in ("subject", "object", "where")}
    return Pattern(p["predicate"], text["subject"], text["object"], when, text["where"], polarity)


def _rating(e, i: int, ids: set[str], fail) -> Rating:
    where = f"rating {i}"
    if not isinstance(e, dict) or not {"hypothesis", "evidence", "rating"} <= set(e):
        fail(f"{where} needs hypothesis, evidence (a claim or finding id) and rating")
    if str(e["hypothesis"]) not in ids:
        fail(f"{where}: no hypothesis {e['hypothesis']!r}; known: {', '.join(sorted(ids))}")
    rating = str(e["rating"]).strip().upper()
    if rating not in RATINGS:
        fail(f"{where}: rating {e['rating']!r} is not one of {' '.join(RATINGS)}")
    return Rating(str(e["hypothesis"]), str(e["evidence"]), rating, str(e.get("note") or ""))


# ---------------------------------------------------------------- the matrix

@dataclass
class Evidence:
    id: str
    kind: str                 # claim | finding | event
    label: str
    source_id: str | None
    quote: str
    credibility: int
    weight: float


@dataclass
class Cell:
    hypothesis: str
    evidence: str
    rating: str
    proposed_by: str          # machine | analyst
    reason: str
    machine: str = "N"        # the machine's proposal, kept when the analyst overrides


@dataclass
class Matrix:
    question: str
    hypotheses: list[Hypothesis]
    evidence: list[Evidence]
    cells: dict[tuple[str, str], Cell]
    scores: dict[str, float]
    ranks: dict[str, int]
    ranking: list[str]
    diagnostic: list[str]
    sensitivity: dict
    caveat: str = CAVEAT


class _Matcher:
    def __init__(self, view: CaseView):
        self.view = view

    def same(self, name: str | None, key: str) -> bool:
        return name is None or self.view.key(name) == key or norm(name) == norm(self.view.name(key))

    def matches(self, p: Pattern, c: Claim) -> bool:
        """Same subject, predicate and object (either way round for a symmetric predicate)."""
        if c.predicate != p.predicate:
            return False
        s, o = self.view.subject(c), self.view.object(c)
        if self.same(p.subject, s) and self.same(p.object, o):
            return True
        return predicate_of(c.predicate).symmetric and self.same(p.subject, o) and self.same(p.object, s)

    def fits(self, p: Pattern, c: Claim) -> bool:
        """Time and place can coincide."""
        if p.when is not None and c.time is not None and not p.when.intersects(c.time):
            return False
        return not (p.where and c.place and norm(p.where) != norm(c.place))

    def place(self, predicate: str, obj: str | None, where: str | None) -> str | None:
        if where:
            return where
        return obj if predicate_of(predicate).object == "place" else None

    def elsewhere(self, p: Pattern, c: Claim) -> bool:
        """c certainly puts p's subject somewhere else at p's time (the impossible-presence rule)."""
        if not (predicate_of(p.predicate).has_rule("implies_presence")
                and predicate_of(c.predicate).has_rule("implies_presence")):
            return False
        if p.polarity != "affirmed" or not c.affirmed or p.when is None or c.time is None:
            return False
        here, there = self.place(p.predicate, p.object, p.where), self.place(c.predicate, c.object, c.place)
        if not here or not there or norm(here) == norm(there) or not self.same(p.subject, self.view.subject(c)):
            return False
        return max(p.when.hi, c.time.hi) - min(p.when.lo, c.time.lo) + 1 <= PRESENCE_DAYS

    def rival(self, p: Pattern, c: Claim) -> str | None:
        """Why c, if true, rules p out by the schema: another value of a functional
        predicate (a second recruiter of one recruitment), or another date for a
        happening that occurs once."""
        pred = predicate_of(p.predicate)
        if c.predicate != p.predicate or p.polarity != "affirmed" or not c.affirmed:
            return None
        s, o = self.view.subject(c), self.view.object(c)
        if pred.functional == "per_object" and p.object and self.same(p.object, o) \
                and p.subject and not self.same(p.subject, s):
            return f"names {self.view.name(s)}, and only one can have {pred.label} {p.object}"
        if pred.functional == "per_subject" and p.subject and self.same(p.subject, s) \
                and p.object and o and not self.same(p.object, o):
            return f"names {self.view.name(o)}, and {p.subject} {pred.label} only one"
        if pred.once and self.matches(p, c) and p.when and c.time and not p.when.intersects(c.time):
            return f"dates it to {c.time.render()}, and it happened once"
        return None

    def relevant(self, h: Hypothesis, c: Claim) -> bool:
        return (any(self.matches(p, c) or self.elsewhere(p, c) or self.rival(p, c) for p in h.requires)
                or any(self.matches(p, c) for p in h.excludes))

    def rate(self, h: Hypothesis, c: Claim) -> tuple[str, str]:
        """The machine's rating of one claim against one hypothesis, and why."""
        found: list[tuple[str, str]] = []
        for p in h.requires:
            if self.matches(p, c) and self.fits(p, c):
                ok = c.polarity == p.polarity
                found.append(("C" if ok else "I", f"{'matches' if ok else 'contradicts'} "
                              f"the requirement “{p.words()}”"))
            elif self.elsewhere(p, c):
                found.append(("I", f"places {p.subject} elsewhere ({c.place or c.object}) when "
                              f"the hypothesis requires “{p.words()}”"))
            elif why := self.rival(p, c):
                found.append(("I", f"{why}; the hypothesis requires “{p.words()}”"))
        for p in h.excludes:
            if self.matches(p, c) and self.fits(p, c):
                hit = c.polarity == p.polarity
                found.append(("I" if hit else "C", f"{'affirms' if hit else 'denies'} what the "
                              f"hypothesis excludes: “{p.words()}”"))
        for rating in ("I", "C"):
            for r, why in found:
                if r == rating:
                    return r, why
        return "N", "no structural bearing; rate by hand"


def _credibility(grades, view: CaseView) -> Mapping[str, int]:
    if grades is None:
        return {}
    if isinstance(grades, Mapping):
        return grades
    return {cid: c.value for rec in grades for cid, c in rec.credibility.items()}


def _weight(credibility: int) -> float:
    return float(grading_settings()["credibility_weight"][credibility])


def _evidence(hset: HypothesisSet, view: CaseView, findings: list[Finding], cred) -> list[Evidence]:
    m = _Matcher(view)
    rated = {r.evidence for r in hset.ratings}
    claims = [c for cid, c in sorted(view.claims.items())
              if cid in rated or any(m.relevant(h, c) for h in hset.hypotheses)]
    ids = {c.id for c in claims}
    out = []
    for c in claims:
        value = int(cred.get(c.id, 6))
        label = event_label(view, c) + (f" ({c.time.render()})" if c.time else "")
        if not c.affirmed:
            label = "NOT " + label
        out.append(Evidence(c.id, "claim", f"{label}, per {view.origin_name(c)}", c.source_id,
                            c.quote, value, _weight(value)))
    for f in findings:
        if f.id in rated or ids.intersection(f.claim_ids):
            value = max((int(cred.get(i, 6)) for i in f.claim_ids), default=6)
            label = f"{wording()['kinds'][f.type]['label']}: {f.explanation}"
            out.append(Evidence(f.id, "finding", label, None, "", value, _weight(value)))
    for eid, ev in sorted(view.res.events.items()):
        if eid in rated:
            value = min((int(cred.get(i, 6)) for i in ev.claim_ids), default=6)
            first = view.claims.get(ev.claim_ids[0])
            label = event_label(view, first) if first else eid
            out.append(Evidence(eid, "event", label, None, "", value, _weight(value)))
    return out


def ach_matrix(hset: HypothesisSet, data: CaseData, resolution: Resolution | None,
               findings: list[Finding], grades=None) -> Matrix:
    """Lay the evidence against the hypotheses; `grades` is the witness register or {claim id: 1-6}."""
    view = CaseView(data, resolution)
    evidence = _evidence(hset, view, findings, _credibility(grades, view))
    m = _Matcher(view)
    analyst = {(r.hypothesis, r.evidence): r for r in hset.ratings}
    cells: dict[tuple[str, str], Cell] = {}
    for h in hset.hypotheses:
        for e in evidence:
            if e.kind == "claim":
                rating, why = m.rate(h, view.claims[e.id])
            else:
                rating, why = "N", f"a {e.kind}: rate it by hand"
            cell = Cell(h.id, e.id, rating, "machine", why, rating)
            r = analyst.get((h.id, e.id))
            if r is not None:
                cell.rating, cell.proposed_by = r.rating, "analyst"
                cell.reason = r.note or f"rated by the analyst (machine proposed {rating})"
            cells[(h.id, e.id)] = cell
    scores = _scores(hset.hypotheses, evidence, cells)
    ranking = _rank(hset.hypotheses, scores)
    return Matrix(hset.question, hset.hypotheses, evidence, cells, scores, _ranks(ranking, scores),
                  ranking, _diagnostic(hset.hypotheses, evidence, cells),
                  _sensitivity(hset.hypotheses, evidence, cells, ranking))


def _scores(hyps, evidence, cells) -> dict[str, float]:
    return {h.id: round(sum(e.weight * INCONSISTENCY.get(cells[(h.id, e.id)].rating, 0)
                            for e in evidence), 6) for h in hyps}


def _rank(hyps, scores) -> list[str]:
    order = {h.id: i for i, h in enumerate(hyps)}
    return sorted(scores, key=lambda h: (scores[h], order[h]))


def _ranks(ranking: list[str], scores: dict[str, float]) -> dict[str, int]:
    ranks, last, rank = {}, None, 0
    for hid in ranking:
        if scores[hid] != last:
            rank, last = rank + 1, scores[hid]
        ranks[hid] = rank
    return ranks


def _diagnostic(hyps, evidence, cells) -> list[str]:
    spread = []
    for e in evidence:
        values = [RATINGS[cells[(h.id, e.id)].rating] for h in hyps]
        if max(values) != min(values):
            spread.append((-(max(values) - min(values)) * e.weight, e.id))
    return [eid for _, eid in sorted(spread)[:DIAGNOSTIC_MAX]]


def _sensitivity(hyps, evidence, cells, ranking) -> dict:
    tiers = {e.credibility for e in evidence}
    if len(tiers) < 2:
        return {"dropped": [], "tier": None, "ranking": list(ranking), "changed": False}
    worst = max(tiers)
    kept = [e for e in evidence if e.credibility != worst]
    again = _rank(hyps, _scores(hyps, kept, cells))
    return {"dropped": [e.id for e in evidence if e.credibility == worst], "tier": worst,
            "ranking": again, "changed": again != ranking}


# ---------------------------------------------------------------- renderers

def matrix_json(m: Matrix) -> dict:
    """The stable JSON of `collingwood hypotheses CASE --json`."""
    return {
        "question": m.question,
        "hypotheses": [{"id": h.id, "label": h.label, "statement": h.statement,
                        "score": m.scores[h.id], "rank": m.ranks[h.id]} for h in m.hypotheses],
        "evidence": [{"id": e.id, "kind": e.kind, "label": e.label, "source_id": e.source_id,
                      "quote": e.quote, "credibility": e.credibility, "weight": e.weight}
                     for e in m.evidence],
        "cells": [{"hypothesis": c.hypothesis, "evidence": c.evidence, "rating": c.rating,
                   "proposed_by": c.proposed_by, "reason": c.reason, "machine": c.machine}
                  for c in m.cells.values()],
        "ranking": list(m.ranking),
        "diagnostic": list(m.diagnostic),
        "sensitivity": {"dropped": m.sensitivity["dropped"], "ranking": m.sensitivity["ranking"],
                        "changed": m.sensitivity["changed"], "tier": m.sensitivity["tier"]},
        "caveat": m.caveat,
    }


def _sensitivity_words(m: Matrix) -> str:
    s = m.sensitivity
    if not s["dropped"]:
        return "All evidence has the same credibility; there is no weaker tier to drop."
    verdict = "changes" if s["changed"] else "does not change"
    return (f"Dropping the least reliable evidence (credibility {s['tier']}: "
            f"{', '.join(s['dropped'])}) {verdict} the ranking: {' > '.join(s['ranking'])}.")


def matrix_markdown(m: Matrix) -> str:
    hyps = m.hypotheses
    lines = [f"# {m.question}", "", "| evidence | cred. | " + " | ".join(h.id for h in hyps) + " |",
             "|---|---|" + "---|" * len(hyps)]
    for e in m.evidence:
        mark = " **(diagnostic)**" if e.id in m.diagnostic else ""
        row = [_cell_md(m.cells[(h.id, e.id)]) for h in hyps]
        lines.append(f"| {e.label.replace('|', '/')} ({e.id}){mark} | {e.credibility} | " + " | ".join(row) + " |")
    lines.append("| **weighted inconsistency** | | " + " | ".join(f"{m.scores[h.id]:g}" for h in hyps) + " |")
    lines += ["", "## Ranking (fewest weighted inconsistencies first)", ""]
    for hid in m.ranking:
        h = next(x for x in hyps if x.id == hid)
        lines.append(f"{m.ranks[hid]}. **{h.id}** {h.label} — score {m.scores[hid]:g}. {h.statement}")
    lines += ["", f"*Sensitivity:* {_sensitivity_words(m)}", "", f"> {m.caveat}", ""]
    return "\n".join(lines)


def _cell_md(c: Cell) -> str:
    return c.rating + ("*" if c.proposed_by == "analyst" else "")


_CSS = ("table.ach{border-collapse:collapse;font:14px/1.4 Georgia,serif}"
        ".ach th,.ach td{border:1px solid #999;padding:4px 8px;vertical-align:top}"
        ".ach td.r{text-align:center;font-weight:bold}.ach .I,.ach .II{background:#f6d5d5}"
        ".ach .C,.ach .CC{background:#d9efd9}.ach .diag{background:#fff6d0}"
        ".ach .analyst::after{content:'*'}.ach caption{font-weight:bold;text-align:left}")


def matrix_html(m: Matrix) -> str:
    """A self-contained table for the dossier: inline style, no external references."""
    esc = html.escape
    head = "".join(f'<th title="{esc(h.statement)}">{esc(h.id)}<br>{esc(h.label)}</th>' for h in m.hypotheses)
    rows = []
    for e in m.evidence:
        cls = ' class="diag"' if e.id in m.diagnostic else ""
        cells = "".join(
            f'<td class="r {c.rating}{" analyst" if c.proposed_by == "analyst" else ""}" '
            f'title="{esc(c.reason)}">{c.rating}</td>'
            for c in (m.cells[(h.id, e.id)] for h in m.hypotheses))
        rows.append(f'<tr{cls}><td>{esc(e.label)}<br><small>{esc(e.id)}'
                    f'{" — " + esc(e.quote) if e.quote else ""}</small></td>'
                    f"<td>{e.credibility}</td>{cells}</tr>")
    total = "".join(f"<td class=\"r\">{m.scores[h.id]:g}</td>" for h in m.hypotheses)
    ranking = "".join(f"<li>{esc(h)} (score {m.scores[h]:g})</li>" for h in m.ranking)
    return (f"<style>{_CSS}</style><table class=\"ach\"><caption>{esc(m.question)}</caption>"
            f"<tr><th>evidence</th><th>credibility</th>{head}</tr>{''.join(rows)}"
            f"<tr><th>weighted inconsistency</th><td></td>{total}</tr></table>"
            f"<ol>{ranking}</ol><p>{esc(_sensitivity_words(m))}</p>"
            f"<p><em>{esc(m.caveat)}</em></p>")
