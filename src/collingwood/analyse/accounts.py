"""Findings on a witness's own account: omissions, and claims only an interested witness makes.

An *omission* is an act of the witness, established by other sources, inside the scope
of the witness's own account (its time and the kinds of thing it speaks of), that the
account leaves out, judged against what the witness did say: a claim that takes in the
act (passing information to the Soviet Union, 1936-1951, takes in passing it to the NKVD
in 1937) means it was not left out. An *interested witness* finding marks a claim only
one party makes and that serves that party (a denial, a claim of credit), never an
admission. Rules: docs/analysis.md.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from ..model import Claim, Finding
from .context import Context, dated, side_words
from .evidence import direction, serves_witness
from .knowledge import covers

FAMILIES_OF_INTEREST = ("espionage", "social", "testimony")


def _how(ctx: Context, c: Claim, w: str) -> str:
    about = set(ctx.res.participants(c))
    src = ctx.data.sources.get(c.source_id)
    return direction(c, w, about, ctx.res.subject_of.get(c.id, ""), src.kind if src else None)


def interested_witnesses(ctx: Context) -> Iterator[Finding]:
    for ev in ctx.res.events.values():
        claims = [ctx.claim(c) for c in ev.claim_ids if c not in ctx.suspect]
        if not claims or ctx.pred(claims[0]).family not in FAMILIES_OF_INTEREST:
            continue
        who = {w for c in claims for w in ctx.witnesses(c)}
        if len(who) != 1 or any(not ctx.witnesses(c) for c in claims):
            continue
        (w,) = who
        if w not in ev.participants:
            continue
        serving = [c for c in claims if serves_witness(_how(ctx, c, w))]
        if not serving:
            continue                  # an admission, or a party's neutral account: no interest shown
        c = serving[0]
        what = "denies" if not c.affirmed else "claims"
        why = ("a denial that clears the witness" if not c.affirmed
               else "a claim that credits the witness")
        text = (f"Only {ctx.res.name(w)}, a party to it, {what} that {ctx.says(c)} "
                f"({ctx.cite(c)}): {why}, and no other witness confirms it.")
        tied = any(x in _in_espionage(ctx) for x in ev.participants if x != w)
        severity = "medium" if not c.affirmed and (tied or ctx.pred(c).family == "espionage") else "low"
        yield ctx.make("interested_witness", [x.id for x in serving], severity, text)


def _in_espionage(ctx: Context) -> set[str]:
    """Entities the record ties to espionage: a denial of a link to one of them exculpates."""
    if ctx.spies is None:
        ctx.spies = {x for c in ctx.res.claims.values() if c.affirmed
                     and ctx.pred(c).family == "espionage" for x in ctx.res.participants(c)}
    return ctx.spies


# ---------------------------------------------------------------- omissions

def _accounts(ctx: Context) -> dict[tuple[str, str], list[Claim]]:
    """(witness entity, source) -> the claims that witness makes in that source."""
    out: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in ctx.res.claims.values():
        for w in ctx.witnesses(c):
            if ctx.res.entities[w].kind == "person":
                out[(w, c.source_id)].append(c)
    return out


def _events_of(ctx: Context) -> dict[str, list]:
    index: dict[str, list] = defaultdict(list)
    for ev in ctx.res.events.values():
        if ev.time is not None:
            for x in ev.participants:
                index[x].append(ev)
    for evs in index.values():
        evs.sort(key=lambda e: (e.time.lo, e.time.hi, e.id))
    return index


def _taken_in(ctx: Context, told: list[Claim], ev, w: str) -> bool:
    """Whether the witness's own account says something that takes in the event: the same
    predicate (or one of its family) about the same people, with an object that covers the
    event's (the Soviet Union covers the NKVD; successive names of one service are one),
    at a time that can include it."""
    other = [x for x in ev.participants if x != w]
    family = ctx.pred(ctx.claim(ev.claim_ids[0])).family
    for c in told:
        if not c.affirmed or ctx.pred(c).family != family:
            continue
        mine = set(ctx.res.participants(c))
        if w not in mine:
            continue
        rest = [x for x in mine if x != w]
        if other and not any(covers(ctx.res, r, o) for r in rest for o in other):
            continue
        if c.time is None or ev.time is None or c.time.intersects(ev.time):
            return True
    return False


def omissions(ctx: Context) -> Iterator[Finding]:
    """An account's scope: the hull of its dated claims (within the case period) and the
    families of predicates it speaks about; the witness's own acts in that scope, reported
    by others, that nothing in the account takes in."""
    events_of, period = _events_of(ctx), ctx.data.period
    for (w, sid), claims in sorted(_accounts(ctx).items()):
        with_date = dated(claims, affirmed=False)
        if len(with_date) < 2:
            continue
        scope = with_date[0].time
        for c in with_date[1:]:
            scope = scope.hull(c.time)
        if period is not None:
            scope = scope.intersection(period)
        if scope is None or scope.open_start or scope.open_end:
            continue
        families = {ctx.pred(c).family for c in claims} - {"open"}
        told = {ctx.res.event_of[c.id] for c in claims}
        for ev in events_of.get(w, []):
            if ev.time.lo > scope.hi:
                break
            if ev.id in told or not scope.contains(ev.time):
                continue
            if ctx.pred(ctx.claim(ev.claim_ids[0])).family not in families:
                continue
            if _taken_in(ctx, claims, ev, w):
                continue
            others = [ctx.claim(x) for x in ev.claim_ids if x not in ctx.suspect]
            # other sources must establish it: an act the same document tells is not left out
            others = [c for c in others if c.affirmed and w not in ctx.witnesses(c)
                      and c.source_id != sid]
            if not others:
                continue
            source = ctx.data.sources.get(sid)
            title = source.title if source else sid
            fam = ctx.pred(others[0]).family
            text = (f"{ctx.res.name(w)}'s account in {title}, which covers {scope.render()} and "
                    f"speaks of {', '.join(sorted(families))}, does not mention that "
                    f"{ctx.says(others[0])}, which {side_words(ctx, others)} reports.")
            severity = "medium" if fam in ("espionage", "testimony") else "low"
            yield ctx.make("omission", [c.id for c in others], severity, text, w, sid)
