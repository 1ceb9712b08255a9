"""Witnesses: who says what, on whose word, and how far it holds (steps 7 and 8).

`witness_register` is a pure function of the case snapshot, its resolution and its
findings, plus the analyst's overrides given as plain dicts. It returns one
`WitnessRecord` per witness: claims made, corroborated by an independent origin,
contradicted, uncorroborated; the untruths typed (omission, deception, fabrication)
with the findings that show them and the motives the record supports; prominence;
and the reliability grade. The rules are written down in docs/judgment.md.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import yaml

from ..errors import ConfigError
from ..model import CaseData, Claim, Finding, Source, schema, short_hash
from ..resolve import Resolution, norm, resolve
from ..timespan import TimeSpan
from . import grading, reports_on, witness, witness_date, witness_ids
from .chronology import event_label as _event_label
from .findings import finding_id

UNTRUTHS = ("omission", "deception", "fabrication")
IMPOSSIBLE = ("anachronism", "impossible_presence")
FLAG_ONLY = ("omission", "interested_witness", "narrates_after_written")   # not a contradiction
EXPOSURE = ("exposed", "arrested", "confessed", "convicted")
CLEARED = ("none", "dismissed", "honest", "error")      # analyst: not an untruth
PROMINENCE = ("peripheral", "secondary", "central")


@cache
def settings() -> dict:
    text = resources.files("collingwood.data").joinpath("grading.yaml").read_text("utf-8")
    return yaml.safe_load(text)


# ---------------------------------------------------------------- the case seen by witnesses

class CaseView:
    """Claims with their origins and entity keys; shared by the judgment modules."""

    def __init__(self, data: CaseData, resolution: Resolution | None = None):
        self.data = data
        self.res = resolution if resolution is not None else resolve(data)
        self.claims: dict[str, Claim] = {c.id: c for c in data.claims if c.status != "rejected"}
        self._names: dict[str, str] = {}
        self._origin: dict[str, str] = {}
        self._index: tuple[dict, dict] | None = None
        self._exposed: dict[str, list[Claim]] | None = None

    def index(self) -> tuple[dict[tuple, list[Claim]], dict[str, list[Claim]]]:
        """Claims by (predicate, subject, object, polarity) and by event, built once."""
        if self._index is None:
            by_fact: dict[tuple, list[Claim]] = defaultdict(list)
            by_event: dict[str, list[Claim]] = defaultdict(list)
            for c in self.claims.values():
                by_fact[(*self.fact(c), c.polarity)].append(c)
                by_event[self.event(c)].append(c)
            self._index = (by_fact, by_event)
        return self._index

    # -- names and entities
    def key(self, name: str | None) -> str:
        """An entity id when the resolution knows the name, else the normalised name."""
        if not name:
            return ""
        ids = self.res.find(name)
        if len(ids) == 1:
            key = ids[0]
        else:
            key = "n:" + norm(name)
        self._names.setdefault(key, name.strip())
        return key

    def name(self, key: str) -> str:
        if key in self.res.entities:
            return self.res.name(key)
        return self._names.get(key, key.removeprefix("n:"))

    def subject(self, c: Claim) -> str:
        return self.res.subject_of.get(c.id) or self.key(c.subject)

    def object(self, c: Claim) -> str:
        return self.res.object_of.get(c.id) or self.key(c.object)

    def about(self, c: Claim) -> set[str]:
        return {k for k in (self.subject(c), self.object(c)) if k}

    def fact(self, c: Claim) -> tuple[str, ...]:
        s, o = self.subject(c), self.object(c)
        if schema().predicates[c.predicate].symmetric:
            s, o = sorted((s, o))
        return (c.predicate, s, o)

    # -- testimony
    def source(self, c: Claim) -> Source | None:
        return self.data.sources.get(c.source_id)

    def origin_name(self, c: Claim) -> str:
        """The first speaker of the attribution chain: asserted_by, a note's reported witness, the author."""
        if c.asserted_by:
            return c.asserted_by
        return source_witness(self.source(c)) if self.source(c) else c.source_id

    def origin(self, c: Claim) -> str:
        if c.id not in self._origin:
            self._origin[c.id] = self.key(self.origin_name(c))
        return self._origin[c.id]

    def event(self, c: Claim) -> str:
        return self.res.event_of.get(c.id) or "k-" + short_hash(*self.fact(c))

    def spoke(self, c: Claim) -> TimeSpan | None:
        """When the witness gave this claim (the testimony's date for a note that reports on it)."""
        return witness_date(c, self.source(c))


def source_witness(src: Source) -> str:
    """The witness a source speaks for: a note's reported witness, else its authors.

    Differs from `analyse.witness` only for a note with ``reports_on``: the words a
    note summarises are the reported witness's, so they share that witness's origin.
    """
    return str(reports_on(src).get("witness") or "") or witness(_BARE, src)


_BARE = Claim(source_id="", start=0, end=0, quote="", subject="", predicate="knew")


def live_findings(data: CaseData, findings: list[Finding]) -> list[Finding]:
    """Findings the analyst has not dismissed (verdicts in the case override the finding's own)."""
    out = []
    for f in findings:
        verdict = data.verdicts.get(f.id, (f.verdict, ""))[0]
        if verdict != "dismissed":
            out.append(f)
    return out


# ---------------------------------------------------------------- records

@dataclass
class Motive:
    kind: str            # written_after_exposure | long_after | minimises_own_role | protects_other
    text: str
    claim_ids: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"kind": self.kind, "text": self.text, "claim_ids": self.claim_ids}


@dataclass
class Statement:
    claim_id: str
    type: str | None                 # the decision: omission | deception | fabrication | None (cleared)
    proposed: str | None             # the machine's proposal
    finding_ids: list[str]
    motives: list[Motive] = field(default_factory=list)
    decided_by: str = "machine"
    reason: str = ""
    note: str = ""

    def as_json(self) -> dict:
        return {"claim_id": self.claim_id, "type": self.type, "proposed": self.proposed,
                "finding_ids": self.finding_ids, "motives": [m.as_json() for m in self.motives],
                "decided_by": self.decided_by, "reason": self.reason, "note": self.note}


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


# ---------------------------------------------------------------- prominence

def prominence(view: CaseView, graph=None) -> dict[str, tuple[float, str]]:
    """Score and class of every person named in the case: mentions + claims about + centrality."""
    cfg = settings()["prominence"]
    score: dict[str, float] = defaultdict(float)
    for m in view.data.mentions:
        if m.kind == "person":
            known = m.entity_id if m.entity_id in view.res.entities else None
            score[known or view.key(m.text)] += 1
    for c in view.claims.values():
        for k in view.about(c):
            score[k] += 1
        score.setdefault(view.origin(c), 0.0)
    if graph is not None and len(graph) > 1:
        import networkx as nx

        centrality = nx.degree_centrality(graph)
        for node, value in centrality.items():
            key = node if node in score or node in view.res.entities else view.key(str(node))
            score[key] += cfg["centrality_scale"] * value
    top = max(score.values(), default=0.0) or 1.0
    out = {}
    for k, s in score.items():
        share = s / top
        cls = ("central" if share >= cfg["central"] else
               "secondary" if share >= cfg["secondary"] else "peripheral")
        out[k] = (s, cls)
    return out


# ---------------------------------------------------------------- independence

def _supporters(view: CaseView, conflicting: set[frozenset]) -> dict[str, set[str]]:
    """claim id -> origins (other than its own) of claims that corroborate it."""
    by_fact, by_event = view.index()
    out: dict[str, set[str]] = defaultdict(set)
    for c in view.claims.values():
        mine = view.origin(c)
        same_event = {d.id for d in by_event[view.event(c)]}
        for d in by_fact[(*view.fact(c), c.polarity)]:
            if d.id == c.id or view.origin(d) == mine or frozenset((c.id, d.id)) in conflicting:
                continue
            if d.id in same_event or c.time is None or d.time is None or c.time.intersects(d.time):
                out[c.id].add(view.origin(d))
    return out


def _conflicts(view: CaseView, findings: list[Finding]):
    """claim id -> {finding id: opposing claim ids of other origins}; and conflicting pairs."""
    against: dict[str, dict[str, list[str]]] = defaultdict(dict)
    pairs: set[frozenset] = set()
    for f in findings:
        if f.type in FLAG_ONLY:
            continue
        ids = [i for i in f.claim_ids if i in view.claims]
        for a in ids:
            ca = view.claims[a]
            sides = [b for b in ids if b != a and not agree(view, ca, view.claims[b])]
            pairs.update(frozenset((a, b)) for b in sides)
            opp = [b for b in sides if view.origin(view.claims[b]) != view.origin(ca)]
            if opp:
                against[a][f.id] = opp
    return against, pairs


def agree(view: CaseView, a: Claim, b: Claim) -> bool:
    """Same fact, same polarity, times and places that can coincide: the same side of a finding."""
    return (a.polarity == b.polarity and view.fact(a) == view.fact(b)
            and (a.time is None or b.time is None or a.time.intersects(b.time))
            and (not a.place or not b.place or norm(a.place) == norm(b.place)))


# ---------------------------------------------------------------- typing untruths

def _interested(view: CaseView, c: Claim, origin: str) -> bool:
    return origin in view.about(c)


def _propose_type(view, c, origin, against, support, findings_by_id) -> tuple[str | None, str]:
    """The machine's type for a contradicted claim, and why (docs/judgment.md, 'Typing')."""
    opp_claims = {b for opp in against.values() for b in opp}
    opp_origins = {view.origin(view.claims[b]) for b in opp_claims}
    mine = 1 + len(support)
    interested = _interested(view, c, origin)
    denial_vs_record = (not c.affirmed) and any(view.claims[b].affirmed for b in opp_claims)
    others_interested = any(_interested(view, view.claims[b], view.origin(view.claims[b]))
                            for b in opp_claims)
    loses = len(opp_origins) > mine or (
        len(opp_origins) == mine and (denial_vs_record or (interested and not others_interested)))
    if not loses:
        return None, (f"contradicted by {len(opp_origins)} independent origin(s) against "
                      f"{mine} in support: not typed (the record does not settle it)")
    types = {findings_by_id[f].type for f in against}
    alone = all(view.origin(d) == origin for d in view.index()[1][view.event(c)])
    if not support and c.affirmed and (types & set(IMPOSSIBLE) or alone):
        why = ("an impossibility" if types & set(IMPOSSIBLE) else "an event only this witness reports")
        return "fabrication", f"uncorroborated, and contradicted by independent evidence of {why}"
    if interested or not c.affirmed:
        why = ("the witness is a party to it" if interested else "a denial the record affirms")
        return "deception", f"contradicts independent evidence on a matter where {why}"
    return None, "contradicted, with no interest in the record: possibly honest error"


def _omissions(view: CaseView, findings: list[Finding]) -> dict[str, list[tuple[str, Finding]]]:
    """witness key -> [(omitted claim id, finding)] from omission findings.

    An omission finding lists the claims the account leaves out; its id is derived
    from (witness entity, source), so the omitting witness is the one whose id matches.
    """
    out: dict[str, list] = defaultdict(list)
    accounts: dict[str, set[tuple[str, str]]] = defaultdict(set)   # entity -> {(witness key, source)}
    findings = [f for f in findings if f.type == "omission"]
    for c in view.claims.values() if findings else ():
        for w in witness_ids(c, view.source(c), view.res):
            accounts[w].add((view.origin(c), c.source_id))
    for f in findings:
        if f.type != "omission":
            continue
        ids = [i for i in f.claim_ids if i in view.claims]
        who = {view.key(f.witness)} if getattr(f, "witness", None) else set()
        people = {p for i in ids for p in view.res.participants(view.claims[i])}
        for w in sorted(people):
            for key, sid in sorted(accounts.get(w, ())):
                if finding_id("omission", f.claim_ids, w, sid) == f.id:
                    who.add(key)
        for k in sorted(who):
            out[k].extend((i, f) for i in ids)
    return out


# ---------------------------------------------------------------- motives

def _exposures(view: CaseView, key: str) -> list[Claim]:
    """Dated claims that the witness was exposed, arrested, convicted or confessed, earliest first."""
    if view._exposed is None:
        index: dict[str, list[Claim]] = defaultdict(list)
        for c in view.claims.values():
            if c.predicate in EXPOSURE and c.affirmed and c.time is not None:
                who = view.subject(c) if c.predicate == "confessed" else view.object(c)
                index[who].append(c)
        view._exposed = {k: sorted(v, key=lambda c: (c.time.lo, c.id)) for k, v in index.items()}
    return view._exposed.get(key, [])


def _source_motives(view: CaseView, key: str, c: Claim, spoke: TimeSpan | None,
                    where: str) -> list[Motive]:
    """Motives from timing: testimony given after exposure, or long after the events."""
    out = []
    if spoke is None:
        return out
    for e in _exposures(view, key):
        if e.time.hi < spoke.lo:
            out.append(Motive("written_after_exposure",
                              f"{where} dates from {spoke.render()}, after {view.name(key)} "
                              f"was {e.predicate} ({e.time.render()}).", [e.id]))
            break
    years = settings()["weights"]["long_after_years"]
    if c.time is not None and spoke.lo - c.time.hi > years * 365.25:
        gap = int((spoke.lo - c.time.hi) / 365.25)
        out.append(Motive("long_after", f"{where} dates from about {gap} years after the events "
                          f"({c.time.render()} -> {spoke.render()}).", [c.id]))
    return out


def _affirmed_elsewhere(view: CaseView, c: Claim, origin: str) -> list[str]:
    return sorted(d.id for d in view.index()[0][(*view.fact(c), "affirmed")]
                  if d.affirmed and d.modality != "hedged" and view.fact(d) == view.fact(c)
                  and view.origin(d) != origin
                  and (c.time is None or d.time is None or c.time.intersects(d.time)))


def _role_motives(view: CaseView, key: str, c: Claim) -> list[Motive]:
    if c.affirmed and c.modality != "hedged":
        return []
    others = _affirmed_elsewhere(view, c, key)
    if not others:
        return []
    if key in view.about(c):
        how = "denies" if not c.affirmed else "hedges"
        return [Motive("minimises_own_role", f"{view.name(key)} {how} their own part in "
                       f"'{c.quote}', which {len(others)} independent claim(s) affirm.", [c.id, *others])]
    if not c.affirmed:
        party = " and ".join(view.name(k) for k in sorted(view.about(c)))
        return [Motive("protects_other", f"{view.name(key)} denies a link of {party} that "
                       f"{len(others)} independent claim(s) affirm.", [c.id, *others])]
    return []


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
                     overrides=(), graph=None) -> list[WitnessRecord]:
    """One record per witness, sorted by name; see docs/judgment.md for every rule."""
    view = CaseView(data, resolution)
    findings = live_findings(data, findings)
    by_id = {f.id: f for f in findings}
    against, pairs = _conflicts(view, findings)
    support = _supporters(view, pairs)
    prom = prominence(view, graph)
    omitted = _omissions(view, findings)
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
        _add_omissions(view, record(key), items)
    checked = [check_override(o) for o in overrides]
    for rec in records.values():
        rec.statements.sort(key=lambda s: (s.claim_id, s.type or ""))
        rec.motives = _dedupe([m for s in rec.statements for m in s.motives])
        mine = [o for o in checked if view.key(o["witness"]) == rec.key or norm(o["witness"]) == norm(rec.witness)]
        _apply_statement_overrides(rec, mine)
        grading.grade_record(rec, mine)
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
    kind, why = _propose_type(view, c, rec.key, against, support, by_id)
    if kind is None:
        return
    src = view.source(c)
    motives = (_source_motives(view, rec.key, c, view.spoke(c), src.title if src else c.source_id)
               + _role_motives(view, rec.key, c))
    rec.statements.append(Statement(c.id, kind, kind, sorted(against), motives, reason=why))


def _add_omissions(view: CaseView, rec: WitnessRecord, items) -> None:
    own = [view.claims[i] for i in rec.claims]
    grouped: dict[str, list[str]] = defaultdict(list)
    for cid, f in items:
        grouped[cid].append(f.id)
    for cid, fids in sorted(grouped.items()):
        c = view.claims[cid]
        motives = []
        for mine in own:           # the witness's own account, dated as the witness spoke
            src = view.source(mine)
            motives = _source_motives(view, rec.key, c, view.spoke(mine),
                                      src.title if src else mine.source_id)
            if motives:
                break
        rec.statements.append(Statement(cid, "omission", "omission", sorted(set(fids)), motives,
                                        reason="leaves out what independent sources report in the same scope"))


def _dedupe(motives: list[Motive]) -> list[Motive]:
    seen, out = set(), []
    for m in motives:
        if (m.kind, m.text) not in seen:
            seen.add((m.kind, m.text))
            out.append(m)
    return out


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


def event_label(view: CaseView, c: Claim) -> str:
    """Words for a claim's happening when the resolution has no event for it."""
    p = schema().predicates[c.predicate]
    obj = f" {view.name(view.object(c))}" if c.object else ""
    return f"{view.name(view.subject(c))} {p.label}{obj}"
