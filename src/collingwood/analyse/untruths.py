"""Untruths: a contradicted claim typed as omission, deception or fabrication, with motives.

The machine proposes a type only when the independent record outweighs the witness
(docs/judgment.md, 'Typing'); the analyst's decision is applied by the register.
A `Statement` is one typed claim with the findings that show it; a `Motive` is
what the record suggests about why: testimony given after exposure or long after
the events, a witness minimising their own part or protecting another.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..model import Claim, Finding
from ..timespan import TimeSpan
from . import witness_ids
from .case_view import CaseView
from .findings import finding_id
from .grading import settings

UNTRUTHS = ("omission", "deception", "fabrication")
IMPOSSIBLE = ("anachronism", "impossible_presence")
EXPOSURE = ("exposed", "arrested", "confessed", "convicted")
CLEARED = ("none", "dismissed", "honest", "error")      # analyst: not an untruth


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

# ---------------------------------------------------------------- typing

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


def typed_statement(view: CaseView, key: str, c: Claim, against: dict[str, list[str]],
                    support: set[str], findings_by_id: dict[str, Finding]) -> Statement | None:
    """The machine's statement on a contradicted claim of witness `key`, or None if not typed."""
    kind, why = _propose_type(view, c, key, against, support, findings_by_id)
    if kind is None:
        return None
    src = view.source(c)
    motives = (_source_motives(view, key, c, view.spoke(c), src.title if src else c.source_id)
               + _role_motives(view, key, c))
    return Statement(c.id, kind, kind, sorted(against), motives, reason=why)


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
        motives = []
        for mine in own:           # the witness's own account, dated as the witness spoke
            src = view.source(mine)
            motives = _source_motives(view, key, c, view.spoke(mine),
                                      src.title if src else mine.source_id)
            if motives:
                break
        out.append(Statement(cid, "omission", "omission", sorted(set(fids)), motives,
                             reason="leaves out what independent sources report in the same scope"))
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


def dedupe_motives(motives: list[Motive]) -> list[Motive]:
    seen, out = set(), []
    for m in motives:
        if (m.kind, m.text) not in seen:
            seen.add((m.kind, m.text))
            out.append(m)
    return out
