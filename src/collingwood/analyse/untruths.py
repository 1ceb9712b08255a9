"""Untruths: a contradicted claim typed as omission, deception or fabrication, with motives.

Untruths need evidence (docs/judgment.md, 'Typing untruths'). *Deception*: the witness
states X while stronger, independent evidence establishes not-X on a matter of substance
and the witness was in a position to know. *Fabrication*: the witness narrates what
stronger evidence shows could not have happened (an anachronism, an impossible presence).
*Omission*: from the omission findings. An admission against the witness's own interest is
never typed. Each `Statement` carries the contradicting evidence with its grade, the
motives the record shows (testimony after exposure, minimising one's own part, protecting
another) and cautions: time distance lowers confidence, it is never a type or a motive.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..model import Claim, Finding, schema
from ..timespan import TimeSpan
from . import witness_ids
from .case_view import CaseView
from .context import finding_id
from .evidence import ADMISSION, direction, strength
from .grading import settings

UNTRUTHS = ("omission", "deception", "fabrication")
IMPOSSIBLE = ("anachronism", "impossible_presence")
SUBSTANCE = ("affirmed_vs_denied", "two_values", *IMPOSSIBLE)   # a date slip is not deceit
EXPOSURE = ("exposed", "arrested", "confessed", "convicted")
CLEARED = ("none", "dismissed", "honest", "error")      # analyst: not an untruth


@dataclass
class Motive:
    kind: str            # written_after_exposure | minimises_own_role | protects_other | long_after (caution)
    text: str
    claim_ids: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"kind": self.kind, "text": self.text, "claim_ids": self.claim_ids}


@dataclass
class Evidence:
    """One claim that contradicts a statement, with its witness and how much it weighs."""

    claim_id: str
    witness: str
    key: str
    direction: str
    strength: float
    grade: str = "F"                 # the contradicting witness's grade, filled by the register

    def as_json(self) -> dict:
        return {"claim_id": self.claim_id, "witness": self.witness, "direction": self.direction,
                "strength": self.strength, "grade": self.grade}


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
    evidence: list[Evidence] = field(default_factory=list)
    cautions: list[Motive] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"claim_id": self.claim_id, "type": self.type, "proposed": self.proposed,
                "finding_ids": self.finding_ids, "motives": [m.as_json() for m in self.motives],
                "cautions": [m.as_json() for m in self.cautions],
                "evidence": [e.as_json() for e in self.evidence],
                "decided_by": self.decided_by, "reason": self.reason, "note": self.note}

# ---------------------------------------------------------------- typing

def how(view: CaseView, c: Claim) -> str:
    """The claim's direction with respect to its own witness (`evidence.direction`)."""
    src = view.source(c)
    return direction(c, view.origin(c), view.about(c), view.subject(c), src.kind if src else None)


def _weight(view: CaseView, claims) -> float:
    """The weight of a side: per independent origin, its strongest claim."""
    best: dict[str, float] = {}
    for d in claims:
        k = view.origin(d)
        best[k] = max(best.get(k, 0.0), strength(d, how(view, d)))
    return sum(best.values())


def _support_claims(view: CaseView, c: Claim, support: set[str]) -> list[Claim]:
    return [d for d in view.index()[0][(*view.fact(c), c.polarity)]
            if d.id != c.id and view.origin(d) in support]


def _propose_type(view, c, origin, against, support, findings_by_id) -> tuple[str | None, str]:
    """The machine's type for a contradicted claim, and why (docs/judgment.md, 'Typing')."""
    mine_how = how(view, c)
    if mine_how == ADMISSION:
        return None, "an admission against the witness's own interest: not typed"
    opp_claims = [view.claims[b] for b in sorted({b for opp in against.values() for b in opp})]
    opp_claims = [d for d in opp_claims if view.independent(c, d)]
    if not opp_claims:
        return None, "contradicted only from within its own chain of testimony: not typed"
    mine = _weight(view, [c, *_support_claims(view, c, support)])
    theirs = _weight(view, opp_claims)
    if theirs <= mine:
        return None, (f"contradicted by evidence weighing {theirs:g} against {mine:g} in support: "
                      "not typed (the record does not settle it)")
    types = {findings_by_id[f].type for f in against
             if findings_by_id[f].type in SUBSTANCE or findings_by_id[f].severity == "high"}
    if not types:
        return None, ("contradicted on a date by less than a year: a slip of memory, "
                      "not typed")
    if not support and c.affirmed and types & set(IMPOSSIBLE):
        return "fabrication", (f"narrates what stronger, independent evidence ({theirs:g} against "
                               f"{mine:g}) shows could not have happened")
    src = view.source(c)
    first_hand = bool(schema().source_kinds.get(src.kind if src else "", {}).get("first_hand"))
    if origin in view.about(c) or first_hand:
        why = "the witness is a party to it" if origin in view.about(c) else "a first-hand account"
        return "deception", (f"stronger, independent evidence ({theirs:g} against {mine:g}) "
                             f"establishes otherwise on a matter where {why}")
    return None, "contradicted, but the witness was not in a position to know: possibly honest error"


def _evidence(view: CaseView, c: Claim, against: dict[str, list[str]]) -> list[Evidence]:
    out, seen = [], set()
    for fid in sorted(against):
        for b in against[fid]:
            d = view.claims[b]
            if b in seen or not view.independent(c, d):
                continue
            seen.add(b)
            h = how(view, d)
            out.append(Evidence(b, view.origin_name(d), view.origin(d), h, strength(d, h)))
    return out


def typed_statement(view: CaseView, key: str, c: Claim, against: dict[str, list[str]],
                    support: set[str], findings_by_id: dict[str, Finding]) -> Statement | None:
    """The machine's statement on a contradicted claim of witness `key`, or None if not typed."""
    kind, why = _propose_type(view, c, key, against, support, findings_by_id)
    if kind is None:
        return None
    src = view.source(c)
    where = src.title if src else c.source_id
    motives = _exposure_motives(view, key, view.spoke(c), where) + _role_motives(view, key, c)
    return Statement(c.id, kind, kind, sorted(against), motives, reason=why,
                     evidence=_evidence(view, c, against),
                     cautions=_time_cautions(view.spoke(c), c.time, where))


# ---------------------------------------------------------------- omissions

def omissions(view: CaseView, findings: list[Finding]) -> dict[str, list[tuple[str, Finding]]]:
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


def omission_statements(view: CaseView, key: str, claim_ids: list[str], items) -> list[Statement]:
    """Statements for the claims witness `key` leaves out; `claim_ids` are the witness's own."""
    own = [view.claims[i] for i in claim_ids]
    grouped: dict[str, list[str]] = defaultdict(list)
    for cid, f in items:
        grouped[cid].append(f.id)
    out = []
    for cid, fids in sorted(grouped.items()):
        c = view.claims[cid]
        motives, cautions = [], []
        for mine in own:           # the witness's own account, dated as the witness spoke
            src = view.source(mine)
            where = src.title if src else mine.source_id
            motives = motives or _exposure_motives(view, key, view.spoke(mine), where)
            cautions = cautions or _time_cautions(view.spoke(mine), c.time, where)
        h = how(view, c)
        out.append(Statement(cid, "omission", "omission", sorted(set(fids)), motives,
                             reason="leaves out an act of the witness that independent sources "
                                    "report, inside the scope of the witness's own account",
                             evidence=[Evidence(cid, view.origin_name(c), view.origin(c), h,
                                                strength(c, h))],
                             cautions=cautions))
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


def _exposure_motives(view: CaseView, key: str, spoke: TimeSpan | None, where: str) -> list[Motive]:
    """A motive the record shows: the testimony was given after the witness's exposure."""
    if spoke is None:
        return []
    for e in _exposures(view, key):
        if e.time.hi < spoke.lo:
            return [Motive("written_after_exposure",
                           f"{where} dates from {spoke.render()}, after {view.name(key)} "
                           f"was {e.predicate} ({e.time.render()}).", [e.id])]
    return []


def _time_cautions(spoke: TimeSpan | None, told: TimeSpan | None, where: str) -> list[Motive]:
    """Distance in time lowers confidence in a memory: a caution, never a type or a motive."""
    years = settings()["weights"]["long_after_years"]
    if spoke is None or told is None or spoke.lo - told.hi <= years * 365.25:
        return []
    gap = int((spoke.lo - told.hi) / 365.25)
    return [Motive("long_after", f"{where} dates from about {gap} years after the events "
                   f"({told.render()} -> {spoke.render()}): memory may have failed.", [])]


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


def dedupe_motives(motives: list[Motive]) -> list[Motive]:
    seen, out = set(), []
    for m in motives:
        if (m.kind, m.text) not in seen:
            seen.add((m.kind, m.text))
            out.append(m)
    return out
