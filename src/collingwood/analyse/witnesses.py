"""Witnesses: who says what, on whose word, and how far it holds (steps 7 and 8).

`witness_register` is a pure function of the case snapshot, its resolution and its
findings, plus the analyst's overrides given as plain dicts. It returns one
`WitnessRecord` per witness: claims made, corroborated by an independent origin,
contradicted, uncorroborated; the untruths typed (omission, deception, fabrication)
with the findings that show them and the motives the record supports; prominence;
and the reliability grade. The rules are written down in docs/judgment.md.

This module holds the register itself: counting corroboration by independent
origins, applying the analyst's overrides, and the disputed events with their
peripheral observers. The case as the register sees it (`CaseView`, prominence)
lives in `case_view`; typing untruths and their motives in `untruths`; grades in
`grading`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..errors import ConfigError
from ..model import CaseData, Claim, Finding
from ..resolve import Resolution, norm
from . import grading
from .case_view import (
    FLAG_ONLY,
    PROMINENCE,
    CaseView,
    event_label,
    live_findings,
    prominence,
    source_witness,
)
from .chronology import event_label as _event_label
from .evidence import SELF_SERVING
from .untruths import (
    CLEARED,
    UNTRUTHS,
    Motive,
    Statement,
    dedupe_motives,
    how,
    omission_statements,
    omissions,
    typed_statement,
)

__all__ = ["DisputedEvent", "Observation", "WitnessRecord", "agree", "check_override",
           "disputed_events", "witness_record", "witness_register"]


# ---------------------------------------------------------------- records

@dataclass
class WitnessRecord:
    witness: str
    key: str
    prominence: str = "peripheral"
    prominence_score: float = 0.0
    claims: list[str] = field(default_factory=list)
    corroborated: list[str] = field(default_factory=list)     # has independent support
    contradicted: list[str] = field(default_factory=list)     # contradicted, no independent support
    uncorroborated: list[str] = field(default_factory=list)
    disputed: list[str] = field(default_factory=list)         # corroborated and contradicted
    support: dict[str, list[str]] = field(default_factory=dict)       # claim -> supporting origins
    against: dict[str, list[str]] = field(default_factory=dict)       # claim -> finding ids
    peripheral_support: list[str] = field(default_factory=list)
    self_serving: list[str] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    motives: list[Motive] = field(default_factory=list)
    grade: str = "F"
    grade_rule: str = ""
    grade_by: str = "machine"
    proposed_grade: str = "F"
    proposed_rule: str = ""
    grade_note: str = ""
    credibility: dict[str, grading.Credibility] = field(default_factory=dict)

    def count(self, kind: str) -> int:
        return sum(1 for s in self.statements if s.type == kind)


def witness_record(w: WitnessRecord) -> dict:
    """The stable JSON of one witness (`collingwood witnesses CASE --json`)."""
    return {
        "witness": w.witness, "prominence": w.prominence,
        "prominence_score": round(w.prominence_score, 3),
        "claims": len(w.claims), "corroborated": len(w.corroborated),
        "contradicted": len(w.contradicted), "uncorroborated": len(w.uncorroborated),
        "grade": w.grade, "grade_rule": w.grade_rule, "grade_by": w.grade_by,
        "proposed_grade": w.proposed_grade, "proposed_rule": w.proposed_rule,
        "grade_note": w.grade_note,
        "statements": [s.as_json() for s in w.statements],
        "motives": [m.as_json() for m in w.motives],
        "evidence": {"corroborated": w.corroborated, "contradicted": w.contradicted,
                     "uncorroborated": w.uncorroborated, "disputed": w.disputed,
                     "support": w.support, "against": w.against},
        "credibility": {cid: {"value": c.value, "reason": c.reason, "by": c.by}
                        for cid, c in sorted(w.credibility.items())},
    }


# ---------------------------------------------------------------- independence

def _supporters(view: CaseView, conflicting: set[frozenset]) -> dict[str, set[str]]:
    """claim id -> origins (other than its own) of claims that corroborate it."""
    by_fact, by_event = view.index()
    out: dict[str, set[str]] = defaultdict(set)
    group_of = {c.id: group for group in by_fact.values() for c in group}    # the claims of its fact
    in_conflict = {i for pair in conflicting for i in pair}
    # claims in the view's order, as every view's names are first met in it (`CaseView.key`)
    for c in view.claims.values():
        mine = view.origin(c)
        group = group_of[c.id]
        if len(group) < 2:
            continue
        same_event = None
        for d in group:
            if d.id == c.id:
                continue
            theirs = view.origin(d)
            if theirs == mine or (c.id in in_conflict and frozenset((c.id, d.id)) in conflicting):
                continue
            if not view.independent(c, d):          # one chain of testimony: not corroboration
                continue
            if c.time is None or d.time is None or c.time.intersects(d.time):
                out[c.id].add(theirs)
                continue
            if same_event is None:                  # built only when the times cannot meet
                same_event = {e.id for e in by_event[view.event(c)]}
            if d.id in same_event:
                out[c.id].add(theirs)
    return out


def _conflicts(view: CaseView, findings: list[Finding]):
    """claim id -> {finding id: opposing claim ids of other origins}; and conflicting pairs."""
    against: dict[str, dict[str, list[str]]] = defaultdict(dict)
    pairs: set[frozenset] = set()
    for f in findings:
        if f.type in FLAG_ONLY:
            continue
        # a date within a year: the sides do not corroborate each other, but it is disputed
        # detail, not a contradiction that counts against either witness
        minor = f.type == "date_conflict" and f.severity != "high"
        ids = [i for i in f.claim_ids if i in view.claims]
        for a in ids:
            ca = view.claims[a]
            sides = [b for b in ids if b != a and not agree(view, ca, view.claims[b])]
            pairs.update(frozenset((a, b)) for b in sides)
            if minor:
                continue
            mine = how(view, ca)
            # a party's self-serving denial does not contradict another's claim: it is a flag
            opp = [b for b in sides if view.origin(view.claims[b]) != view.origin(ca)
                   and (mine == SELF_SERVING or how(view, view.claims[b]) != SELF_SERVING)]
            if opp:
                against[a][f.id] = opp
    return against, pairs


def agree(view: CaseView, a: Claim, b: Claim) -> bool:
    """Same fact, same polarity, times and places that can coincide: the same side of a finding."""
    return (a.polarity == b.polarity and view.fact(a) == view.fact(b)
            and (a.time is None or b.time is None or a.time.intersects(b.time))
            and (not a.place or not b.place or norm(a.place) == norm(b.place)))


# ---------------------------------------------------------------- overrides

def check_override(o: dict) -> dict:
    """Validate one analyst override {witness, target, value, note}; returns it normalised."""
    missing = [k for k in ("witness", "target", "value") if not o.get(k)]
    if missing:
        raise ConfigError(f"An analyst judgment lacks {', '.join(missing)}: {o!r}. "
                          "Give witness, target ('grade', 'credibility:<claim id>' or a claim id) and value.")
    target, value = str(o["target"]), str(o["value"]).strip()
    if target == "grade":
        value = value.upper()
        if value not in grading.GRADES:
            raise ConfigError(f"Grade {value!r} for {o['witness']} is not one of A-F.")
    elif target.startswith("credibility:"):
        if value not in {str(i) for i in range(1, 7)}:
            raise ConfigError(f"Credibility {value!r} for {target} is not one of 1-6.")
    else:
        value = value.lower()
        if value not in UNTRUTHS + CLEARED:
            raise ConfigError(f"Judgment {value!r} on {target} is not one of "
                              f"{', '.join(UNTRUTHS)} or 'none'.")
    return {"witness": str(o["witness"]), "target": target, "value": value,
            "note": str(o.get("note") or "")}


def _apply_statement_overrides(rec: WitnessRecord, mine: list[dict]) -> None:
    by_claim = {s.claim_id: s for s in rec.statements}
    for o in mine:
        t = o["target"]
        if t == "grade" or t.startswith("credibility:"):
            continue
        value = None if o["value"] in CLEARED else o["value"]
        s = by_claim.get(t)
        if s is None:
            s = by_claim[t] = Statement(t, None, None, [], reason="raised by the analyst")
            rec.statements.append(s)
        s.type, s.decided_by, s.note = value, "analyst", o["note"]


# ---------------------------------------------------------------- the register

def witness_register(data: CaseData, resolution: Resolution | None, findings: list[Finding],
                     overrides=(), graph=None, prominence_of: dict | None = None,
                     view: CaseView | None = None) -> list[WitnessRecord]:
    """One record per witness, sorted by name; see docs/judgment.md for every rule.

    ``prominence_of`` (key -> (score, class), from `case_view.prominence`) is the case's one
    grading of its people; without it, it is computed here from ``graph``."""
    view = view if view is not None else CaseView(data, resolution)
    findings = live_findings(data, findings)
    by_id = {f.id: f for f in findings}
    against, pairs = _conflicts(view, findings)
    support = _supporters(view, pairs)
    prom = prominence_of if prominence_of is not None else prominence(view, graph)
    omitted = omissions(view, findings)
    flags: dict[str, list[str]] = defaultdict(list)
    for f in findings:
        if f.type == "interested_witness":
            for i in f.claim_ids:
                flags[i].append(f.id)

    records: dict[str, WitnessRecord] = {}

    def record(key: str) -> WitnessRecord:
        if key not in records:
            score, cls = prom.get(key, (0.0, "peripheral"))
            records[key] = WitnessRecord(view.name(key), key, cls, score)
        return records[key]

    for src in sorted(data.sources.values(), key=lambda s: s.id):
        record(view.key(source_witness(src)))
    for c in sorted(view.claims.values(), key=lambda c: c.id):
        rec = record(view.origin(c))
        rec.claims.append(c.id)
        _classify(view, rec, c, support.get(c.id, set()), against.get(c.id, {}), by_id, prom, flags)
    for key, items in omitted.items():
        rec = record(key)
        rec.statements.extend(omission_statements(view, rec.key, rec.claims, items))
    checked = [check_override(o) for o in overrides]
    for rec in records.values():
        rec.statements.sort(key=lambda s: (s.claim_id, s.type or ""))
        rec.motives = dedupe_motives([m for s in rec.statements for m in s.motives])
        mine = [o for o in checked if view.key(o["witness"]) == rec.key or norm(o["witness"]) == norm(rec.witness)]
        _apply_statement_overrides(rec, mine)
        grading.grade_record(rec, mine)
    grades = {r.key: r.grade for r in records.values()}
    for rec in records.values():             # the contradicting evidence with its grade
        for s in rec.statements:
            for e in s.evidence:
                e.grade = grades.get(e.key, "F")
    credibility = grading.claim_credibility(list(records.values()), view, checked)
    for rec in records.values():
        rec.credibility = {cid: credibility[cid] for cid in rec.claims}
    return sorted(records.values(), key=lambda r: (r.witness.lower(), r.key))


def _classify(view, rec, c, support, against, by_id, prom, flags) -> None:
    if support:
        rec.corroborated.append(c.id)
        rec.support[c.id] = sorted(view.name(k) for k in support)
        if any(prom.get(k, (0, "peripheral"))[1] == "peripheral" for k in support):
            rec.peripheral_support.append(c.id)
        if against:
            rec.disputed.append(c.id)
    elif against:
        rec.contradicted.append(c.id)
    else:
        rec.uncorroborated.append(c.id)
        if rec.key in view.about(c) or c.id in flags:
            rec.self_serving.append(c.id)
    if not against:
        return
    rec.against[c.id] = sorted(against)
    statement = typed_statement(view, rec.key, c, against, support, by_id)
    if statement is not None:
        rec.statements.append(statement)


# ---------------------------------------------------------------- peripheral observers

@dataclass
class Observation:
    claim_id: str
    witness: str
    prominence: str
    polarity: str
    quote: str
    source_id: str


@dataclass
class DisputedEvent:
    event_id: str
    label: str
    finding_ids: list[str]
    observations: list[Observation]      # peripheral observers first


def disputed_events(data: CaseData, resolution: Resolution | None, findings: list[Finding],
                    register: list[WitnessRecord]) -> list[DisputedEvent]:
    """Events with conflicting versions or a finding, with minor players' observations first."""
    view = CaseView(data, resolution)
    cls = {r.key: r.prominence for r in register}
    touching: dict[str, set[str]] = defaultdict(set)
    for f in live_findings(data, findings):
        if f.type in FLAG_ONLY:          # not a conflict between versions
            continue
        for cid in f.claim_ids:
            if cid in view.claims:
                touching[view.event(view.claims[cid])].add(f.id)
    groups: dict[str, list[Claim]] = defaultdict(list)
    for c in view.claims.values():
        groups[view.event(c)].append(c)
    out = []
    for eid in sorted(groups):
        claims = groups[eid]
        if not (touching.get(eid) or eid in view.res.disputed or _versions_conflict(claims)):
            continue
        obs = [Observation(c.id, view.origin_name(c), cls.get(view.origin(c), "peripheral"),
                           c.polarity, c.quote, c.source_id) for c in claims]
        obs.sort(key=lambda o: (PROMINENCE.index(o.prominence), o.witness, o.claim_id))
        ev = view.res.events.get(eid)
        label = _event_label(ev, view.res) if ev is not None else event_label(view, claims[0])
        out.append(DisputedEvent(eid, label,
                                 sorted(touching.get(eid, ())), obs))
    return out


def _versions_conflict(claims: list[Claim]) -> bool:
    if len({c.polarity for c in claims}) > 1:
        return True
    places = {c.place for c in claims if c.place}
    return len(places) > 1
