"""Step 4 (contradictions) and step 8 (testimony) groundwork: findings in the record.

Every detector blocks claims by a key (an event, an entity, a subject-predicate-
object triple, a witness's account) and compares only inside a block, so the
cost grows with the number of claims, not its square. Each finding explains
itself in one sentence that names both sides and their sources. Suspect readings
are found first and set aside: a misreading is flagged for review, never charged
to a witness as a conflict. Places and bodies that nest, and successive names of
one service, are never two values (`knowledge`). Rules and severities:
docs/analysis.md.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from ..model import CaseData, Claim, Finding
from ..resolve import Resolution
from ..timespan import civil
from . import when_words, wording
from .accounts import interested_witnesses, omissions
from .context import LEVELS, Context, dated, finding_id, side_time, side_words, sides
from .knowledge import nested
from .readings import suspect_readings
from .tenures import overlapping_tenures

__all__ = ["LEVELS", "PRESENCE_DAYS", "TYPES", "Context", "finding_id", "finding_record",
           "findings", "headline", "rank"]

PRESENCE_DAYS = 3          # spans this narrow (in days) can place a person
TYPES = ("date_conflict", "affirmed_vs_denied", "two_values", "impossible_presence", "anachronism",
         "narrates_after_written", "two_accounts", "omission", "interested_witness",
         "suspect_reading")
_PRIORITY = {t: i for i, t in enumerate(TYPES)}


def _one_value_only() -> set[str]:
    return set(wording().get("one_value_only", ()))


# ---------------------------------------------------------------- one event

def date_conflicts(ctx: Context) -> Iterator[Finding]:
    for eid in sorted(ctx.res.disputed):
        ev = ctx.res.events[eid]
        versions = dated(ctx.claim(c) for c in ev.claim_ids if c not in ctx.suspect)
        groups = sides(versions)
        if len(groups) < 2 or _successive(ctx, groups):
            continue
        mids = [(t.lo + t.hi) / 2 for t, _ in groups]
        gap = max(mids) - min(mids)
        severity = "high" if gap >= 365 else "medium" if gap >= 31 else "low"
        (t0, m0), rest = groups[0], groups[1:]
        parts = [f"{side_words(ctx, m0)} dates {ctx.noun(m0[0])} to {side_time(t0, m0)}"]
        parts += [f"{side_words(ctx, m)} dates it to {side_time(t, m)}" for t, m in rest]
        yield ctx.make("date_conflict", [c.id for c in versions], severity, "; ".join(parts) + ".")


def _value(ctx: Context, c: Claim) -> str | None:
    """The value a functional claim gives: its object (per subject) or its subject (per object)."""
    p = ctx.pred(c)
    table = ctx.res.subject_of if p.functional == "per_object" else ctx.res.object_of
    return table.get(c.id)


def _successive(ctx: Context, groups) -> bool:
    """Sides that differ in date *and* in value are successive acts, not one act dated twice:
    renamed Razvedupr in 1921 and the Fourth Directorate in 1925; defected to France in 1937,
    to the United States in 1938. Only `one_value_only` predicates (born, died) stay one act."""
    first = groups[0][1][0]
    if first.predicate in _one_value_only() or not (ctx.pred(first).functional or ctx.pred(first).once):
        return False
    for i, (_, a_side) in enumerate(groups):
        for _, b_side in groups[i + 1:]:
            for a in a_side:
                for b in b_side:
                    va, vb = _value(ctx, a), _value(ctx, b)
                    if va is None or vb is None or nested(ctx.res, va, vb, succession=False):
                        return False
    return True


def two_values(ctx: Context) -> Iterator[Finding]:
    """A functional predicate's event with two values. Only `one_value_only` predicates
    (born, died) say that only one can hold; for the others (two recruiters of one
    recruitment, two destinations of one defection) the finding is a question."""
    strict = _one_value_only()
    for ev in ctx.res.events.values():
        p = ctx.pred(ctx.claim(ev.claim_ids[0]))
        if not p.functional:
            continue
        table = ctx.res.object_of if p.functional == "per_subject" else ctx.res.subject_of
        groups: dict[str, list[Claim]] = {}
        for cid in ev.claim_ids:
            c = ctx.claim(cid)
            if c.affirmed and cid in table and cid not in ctx.suspect:
                groups.setdefault(table[cid], []).append(c)
        if len(groups) < 2:
            continue
        values = sorted(groups, key=lambda v: (groups[v][0].time.lo if groups[v][0].time else 0, v))
        kinds = {v: ctx.res.entities[v].kind for v in values}
        clash = [(a, b) for i, a in enumerate(values) for b in values[i + 1:]
                 if kinds[a] == kinds[b] and not nested(ctx.res, a, b)]
        if not clash:
            continue
        a, b = clash[0]
        ca, cb = groups[a][0], groups[b][0]
        involved = [c.id for v in {v for pair in clash for v in pair} for c in groups[v]]
        head = (f"{side_words(ctx, groups[a])} says {ctx.says(ca)}; "
                f"{side_words(ctx, groups[b])} says {ctx.says(cb)}")
        if p.name in strict:
            yield ctx.make("two_values", involved, "high", head + ", but only one can hold.")
            continue
        question = wording()["two_accounts"].get(p.name, wording()["two_accounts"]["default"])
        yield ctx.make("two_accounts", involved, "medium", f"{head}: {question}")


# ---------------------------------------------------------------- one triple

def affirmed_vs_denied(ctx: Context) -> Iterator[Finding]:
    blocks: dict[tuple, list[Claim]] = defaultdict(list)
    for c in ctx.live():
        p = ctx.pred(c)
        s, o = ctx.res.subject_of[c.id], ctx.res.object_of.get(c.id, "")
        pair = tuple(sorted((s, o))) if p.symmetric else (s, o)
        blocks[(c.predicate, *pair)].append(c)
    for key, claims in blocks.items():
        denied = [c for c in claims if not c.affirmed]
        if denied:
            yield from _denials(ctx, claims, denied)
        for other in ctx.pred(claims[0]).exclusive_with:
            yield from _exclusive(ctx, claims, blocks.get((other, *key[1:]), []))


def _compatible(a: Claim, b: Claim) -> bool:
    return a.time is None or b.time is None or a.time.intersects(b.time)


def _denials(ctx: Context, claims: list[Claim], denied: list[Claim]) -> Iterator[Finding]:
    affirmed = [c for c in claims if c.affirmed]
    for d in denied:
        against = [a for a in affirmed if _compatible(a, d)]
        if not against:
            continue
        a = against[0]
        ev = ctx.res.events.get(ctx.res.event_of.get(d.id, ""))
        interested = ev is not None and any(w in ev.participants for w in ctx.witnesses(d))
        text = (f"{side_words(ctx, against)} says {ctx.says(a)}; {ctx.cite(d)} denies it"
                + (f" (“{d.quote.strip()[:120]}”)." if d.quote else "."))
        yield ctx.make("affirmed_vs_denied", [d.id] + [x.id for x in against],
                       "high" if interested else "medium", text)


def _exclusive(ctx: Context, states: list[Claim], acts: list[Claim]) -> Iterator[Finding]:
    """A state said to hold certainly on both sides of an act that ends it (resigned)."""
    for s in dated(states):
        for a in dated(acts):
            if s.time.lo < a.time.lo and a.time.hi < s.time.hi:
                text = (f"{ctx.cite(s)} says {ctx.says(s)}; {ctx.cite(a)} says {ctx.says(a)}, "
                        "inside that period.")
                yield ctx.make("affirmed_vs_denied", [s.id, a.id], "medium", text, "exclusive")


# ---------------------------------------------------------------- anachronism

def _deaths(ctx: Context) -> dict[str, tuple[int, list[str]]]:
    """Person -> (latest possible day of death, the died claims)."""
    out: dict[str, tuple[int, list[str]]] = {}
    for ev in ctx.res.events.values():
        if ev.predicate != "died":
            continue
        versions = dated(ctx.claim(c) for c in ev.claim_ids if c not in ctx.suspect)
        if versions:
            out[ev.participants[0]] = (max(c.time.hi for c in versions), [c.id for c in versions])
    return out


def anachronisms(ctx: Context) -> Iterator[Finding]:
    yield from _after_death(ctx)
    yield from _post_before_appointment(ctx)
    yield from _name_before_use(ctx)


def _living(ctx: Context, c: Claim) -> list[str]:
    p = ctx.pred(c)
    ids = [ctx.res.subject_of[c.id]]
    if p.object == "person" and c.id in ctx.res.object_of:
        ids.append(ctx.res.object_of[c.id])
    return ids


def _after_death(ctx: Context) -> Iterator[Finding]:
    deaths = _deaths(ctx)
    if not deaths:
        return
    for c in ctx.live():
        p = ctx.pred(c)
        if c.time is None or not c.affirmed or not p.has_rule("requires_living"):
            continue
        for who in _living(ctx, c):
            if who in deaths and c.time.lo > deaths[who][0]:
                died = ctx.claim(deaths[who][1][0])
                text = (f"{ctx.cite(c)} says {ctx.says(c)}, after the death of {ctx.res.name(who)} "
                        f"({when_words(died.time)}, per {ctx.cite(died)}).")
                yield ctx.make("anachronism", [c.id, *deaths[who][1]], "high", text, "after_death", who)


def _post_before_appointment(ctx: Context) -> Iterator[Finding]:
    first: dict[tuple, Claim] = {}
    for c in ctx.live():
        if c.predicate == "appointed" and c.affirmed and c.time is not None:
            key = (ctx.res.subject_of[c.id], ctx.res.object_of.get(c.id))
            if key not in first or c.time.lo < first[key].time.lo:
                first[key] = c
    if not first:
        return
    for c in ctx.live():
        if c.predicate not in ("worked_at", "headed") or not c.affirmed or c.time is None:
            continue
        a = first.get((ctx.res.subject_of[c.id], ctx.res.object_of.get(c.id)))
        if a is not None and c.time.hi < a.time.lo:
            text = (f"{ctx.cite(c)} says {ctx.says(c)}, before the appointment "
                    f"({when_words(a.time)}, per {ctx.cite(a)}); check for an earlier post or a wrong date.")
            yield ctx.make("anachronism", [c.id, a.id], "medium", text, "before_appointment")


def _name_before_use(ctx: Context) -> Iterator[Finding]:
    for c in ctx.live():
        if c.time is None:
            continue
        for use in ctx.res.names_used.get(c.id, ()):
            role, name, eid, valid = use.role, use.name, use.entity_id, use.valid
            if valid.open_start or c.time.hi >= valid.lo:
                continue
            written = ctx.wdate(c)
            retro = written is not None and written.lo >= valid.lo
            severity = "low" if retro else "high"
            tail = ("; a later writer's retrospective use" if retro
                    else "; the source itself seems to predate the name")
            text = (f"{ctx.cite(c)} calls {ctx.res.name(eid)} “{name}” for "
                    f"{when_words(c.time)}, before that name was in use "
                    f"(from {civil(valid.lo)[0]}){tail}.")
            yield ctx.make("anachronism", [c.id], severity, text, "name", role)


# ---------------------------------------------------------------- presence and writing date

def _presence(ctx: Context) -> dict[str, list[tuple]]:
    by_person: dict[str, list[tuple]] = defaultdict(list)
    for c in ctx.live():
        p = ctx.pred(c)
        if not p.has_rule("implies_presence") or not c.affirmed or c.time is None:
            continue
        if c.time.days() > PRESENCE_DAYS:
            continue
        if c.place:
            place, pid = c.place, ctx.res.place_of.get(c.id)
        elif p.object == "place" and c.object:
            place, pid = c.object, ctx.res.object_of.get(c.id)
        else:
            continue
        for who in _living(ctx, c):
            by_person[who].append((c.time.lo, c.time.hi, pid, place, c))
    return by_person


def impossible_presence(ctx: Context) -> Iterator[Finding]:
    for who, items in _presence(ctx).items():
        items.sort(key=lambda t: (t[0], t[1], t[4].id))
        for i, (lo, hi, pid, place, c) in enumerate(items):
            for j in range(i + 1, len(items)):
                lo2, hi2, pid2, place2, c2 = items[j]
                if lo2 > lo + PRESENCE_DAYS:
                    break
                if max(hi, hi2) - min(lo, lo2) + 1 > PRESENCE_DAYS:
                    continue
                if pid == pid2 or nested(ctx.res, pid or place, pid2 or place2):
                    continue
                same_day = lo == hi == lo2 == hi2
                span = "on the same day" if same_day else f"within the same {PRESENCE_DAYS} days"
                text = (f"{ctx.cite(c)} puts {ctx.res.name(who)} in {place} ({when_words(c.time)}); "
                        f"{ctx.cite(c2)} puts {ctx.res.name(who)} in {place2} {span} "
                        f"({when_words(c2.time)}).")
                yield ctx.make("impossible_presence", [c.id, c2.id],
                               "high" if same_day else "medium", text)


def narrates_after_written(ctx: Context) -> Iterator[Finding]:
    for c in ctx.live():
        if c.time is None:
            continue
        written = ctx.wdate(c)
        if written is None or c.time.lo <= written.hi:
            continue
        gap = c.time.lo - written.hi
        text = (f"{ctx.cite(c)} says {ctx.says(c)}, which is dated after the account itself "
                f"({when_words(written)}).")
        yield ctx.make("narrates_after_written", [c.id], "high" if gap > 365 else "medium", text)


DETECTORS = (date_conflicts, affirmed_vs_denied, two_values, overlapping_tenures, anachronisms,
             impossible_presence, narrates_after_written, omissions, interested_witnesses)


# ---------------------------------------------------------------- the register

def _actor_weight(res: Resolution) -> Counter:
    """How much of the record each entity is in: the case's key actors weigh most."""
    weight: Counter = Counter()
    for cid in res.claims:
        for table in (res.subject_of, res.object_of):
            if cid in table:
                weight[table[cid]] += 1
    return weight


def rank_key(f: Finding, weight: Counter, res: Resolution) -> tuple:
    """One finding's place in the register (see `rank`), given the entities' weights
    (`_actor_weight`); the incremental analysis keeps the weights and calls this too."""
    ids = {t[c] for c in f.claim_ids for t in (res.subject_of, res.object_of) if c in t}
    return (-LEVELS.index(f.severity), _PRIORITY.get(f.type, 99),
            -max((weight[i] for i in ids), default=0), f.id)


def rank(found: list[Finding], res: Resolution) -> list[Finding]:
    """Most severe first; then conflicts on dates, places and identities before flags; then
    the findings about the case's key actors (the entities most claims are about)."""
    weight = _actor_weight(res)
    return sorted(found, key=lambda f: rank_key(f, weight, res))


def headline(f: Finding) -> bool:
    """Whether a finding opens the register; the rest (low severity, suspect readings to
    check) is collapsed beneath it, not mixed in."""
    return f.severity != "low" and f.type != "suspect_reading"


def findings(data: CaseData, resolution: Resolution) -> list[Finding]:
    """Every finding of the case, analyst verdicts applied, ranked (see `rank`)."""
    ctx = Context(data, resolution)
    out: dict[str, Finding] = {}
    for f in suspect_readings(ctx):           # sets ctx.suspect: set aside from every conflict
        out.setdefault(f.id, f)
    for detect in DETECTORS:
        for f in detect(ctx):
            out.setdefault(f.id, f)
    for f in out.values():
        if f.id in data.verdicts:
            f.verdict, f.note = data.verdicts[f.id]
    return rank(list(out.values()), resolution)


def finding_record(f: Finding, data: CaseData, resolution: Resolution | None = None) -> dict:
    """The JSON shape of `collingwood findings CASE --json`."""
    wanted = set(f.claim_ids)
    claims = resolution.claims if resolution is not None else {
        c.id: c for c in data.claims if c.id in wanted}
    rows = []
    for cid in f.claim_ids:
        c = claims.get(cid)
        if c is None:
            continue
        src = data.sources.get(c.source_id)
        rows.append({"claim_id": cid, "source_id": c.source_id,
                     "source_title": src.title if src else c.source_id,
                     "quote": c.quote, "span": [c.start, c.end]})
    return {"id": f.id, "type": f.type, "severity": f.severity, "explanation": f.explanation,
            "verdict": f.verdict, "note": f.note, "claims": rows}
