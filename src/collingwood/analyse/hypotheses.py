"""Competing hypotheses (step 9): Heuer's ACH matrix tied to the evidence and its credibility.

The analyst writes hypotheses in ``*.hypotheses.yaml``; `ach_matrix` lays the
relevant evidence against them, proposes consistency ratings where the structure
allows (analyst ratings win), weighs each item by its credibility, ranks the
hypotheses by weighted inconsistency, names the diagnostic items and tests the
ranking's sensitivity to the least reliable evidence. It is a record of reasoning,
not a verdict: see `CAVEAT` and docs/judgment.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..model import CaseData, Claim, Finding
from ..ingest.hypotheses_file import (  # noqa: F401  (the file format, read at ingest)
    PATTERN_KEYS, RATINGS, Hypothesis, HypothesisSet, Pattern, Rating, load_hypotheses, parse_hypotheses,
)
from ..resolve import Resolution, norm
from . import predicate_of, wording
from .case_view import CaseView, event_label
from .findings import PRESENCE_DAYS
from .grading import settings as grading_settings

INCONSISTENCY = {"I": 1, "II": 2}
DIAGNOSTIC_MAX = 5
CAVEAT = ("This matrix is a record of reasoning, not a verdict. Controlled studies found no "
          "accuracy gain from ACH matrices alone; it ranks hypotheses by the weighted evidence "
          "against them (fewest inconsistencies first) and is only as good as the evidence "
          "chosen, the ratings given and the credibility grades behind the weights.")


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
