"""Step 4 (contradictions) and step 8 (testimony) groundwork: findings in the record.

Every detector blocks claims by a key (an event, an entity, a subject-predicate-
object triple, a witness's account) and compares only inside a block, so the
cost grows with the number of claims, not its square. Each finding explains
itself in one sentence that names both sides and their sources. Rules and
severities: docs/analysis.md.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from ..model import CaseData, Claim, Finding, schema, short_hash
from ..resolve import Resolution
from ..timespan import TimeSpan, civil
from . import cite_words, statement, when_words, witness_date, witness_ids, wording

LEVELS = ("low", "medium", "high")
PRESENCE_DAYS = 3          # spans this narrow (in days) can place a person
TYPES = ("date_conflict", "affirmed_vs_denied", "two_values", "anachronism",
         "impossible_presence", "narrates_after_written", "omission", "interested_witness")


def finding_id(kind: str, claim_ids, *extra: str) -> str:
    return "f-" + short_hash(kind, *extra, *sorted(claim_ids))


class Context:
    """What every detector reads, with the per-claim look-ups cached."""

    def __init__(self, data: CaseData, res: Resolution):
        self.data, self.res, self.preds = data, res, schema().predicates
        self._wdate: dict[tuple, TimeSpan | None] = {}
        self._wids: dict[tuple, tuple[str, ...]] = {}

    def claim(self, cid: str) -> Claim:
        return self.res.claims[cid]

    def pred(self, c: Claim):
        return self.preds[c.predicate]

    def wdate(self, c: Claim) -> TimeSpan | None:
        key = (c.source_id, c.asserted_by)
        if key not in self._wdate:
            self._wdate[key] = witness_date(c, self.data.sources.get(c.source_id))
        return self._wdate[key]

    def witnesses(self, c: Claim) -> tuple[str, ...]:
        key = (c.source_id, c.asserted_by)
        if key not in self._wids:
            self._wids[key] = tuple(witness_ids(c, self.data.sources.get(c.source_id), self.res))
        return self._wids[key]

    def cite(self, c: Claim) -> str:
        return cite_words(c, self.data)

    def names(self, c: Claim) -> tuple[str, str]:
        return self.res.name(self.res.subject_of.get(c.id)), self.res.name(self.res.object_of.get(c.id))

    def says(self, c: Claim, with_time: bool = True) -> str:
        words = statement(c.predicate, *self.names(c))
        return f"{words} ({when_words(c.time)})" if with_time and c.time else words

    def noun(self, c: Claim) -> str:
        s, o = self.names(c)
        template = wording()["nouns"].get(c.predicate)
        return template.format(s=s, o=o) if template else f"“{self.says(c, False)}”"

    def make(self, kind: str, claim_ids, severity: str, explanation: str, *extra: str) -> Finding:
        ids = sorted(set(claim_ids))
        claims = [self.res.claims[i] for i in ids]
        if kind != "omission" and claims and all(c.modality in ("hedged", "alleged") for c in claims):
            severity = LEVELS[max(0, LEVELS.index(severity) - 1)]
        return Finding(finding_id(kind, ids, *extra), kind, severity, explanation, ids)


def _dated(cs, affirmed=True) -> list[Claim]:
    return [c for c in cs if c.time is not None and (c.affirmed or not affirmed)]


def _sides(claims: list[Claim]) -> list[tuple[TimeSpan, list[Claim]]]:
    """Group versions into sides that agree (share a possible day), in time order."""
    sides: list[tuple[TimeSpan, list[Claim]]] = []
    for c in sorted(claims, key=lambda c: (c.time.lo, c.time.hi, c.id)):
        for i, (common, members) in enumerate(sides):
            if common.intersects(c.time):
                sides[i] = (common.intersection(c.time), members + [c])
                break
        else:
            sides.append((c.time, [c]))
    return sides


def _side_time(common: TimeSpan, members: list[Claim]) -> str:
    """A side's date in the words of the version that says exactly that, if one does."""
    for c in members:
        if (c.time.lo, c.time.hi) == (common.lo, common.hi):
            return c.time.render()
    return common.render()


def _side_words(ctx: Context, members: list[Claim]) -> str:
    first = ctx.cite(members[0])
    return first if len(members) == 1 else f"{first} and {len(members) - 1} other version(s)"


# ---------------------------------------------------------------- one event

def date_conflicts(ctx: Context) -> Iterator[Finding]:
    for eid in sorted(ctx.res.disputed):
        ev = ctx.res.events[eid]
        dated = _dated(ctx.claim(c) for c in ev.claim_ids)
        sides = _sides(dated)
        if len(sides) < 2:
            continue
        mids = [(t.lo + t.hi) / 2 for t, _ in sides]
        gap = max(mids) - min(mids)
        severity = "high" if gap >= 365 else "medium" if gap >= 31 else "low"
        (t0, m0), rest = sides[0], sides[1:]
        parts = [f"{_side_words(ctx, m0)} dates {ctx.noun(m0[0])} to {_side_time(t0, m0)}"]
        parts += [f"{_side_words(ctx, m)} dates it to {_side_time(t, m)}" for t, m in rest]
        yield ctx.make("date_conflict", [c.id for c in dated], severity, "; ".join(parts) + ".")


def _nested(a: str, b: str) -> bool:
    pa = {p.strip().lower() for p in a.split(",") if p.strip()}
    pb = {p.strip().lower() for p in b.split(",") if p.strip()}
    return pa <= pb or pb <= pa


def two_values(ctx: Context) -> Iterator[Finding]:
    for ev in ctx.res.events.values():
        p = ctx.preds[ev.predicate]
        if not p.functional:
            continue
        table = ctx.res.object_of if p.functional == "per_subject" else ctx.res.subject_of
        groups: dict[str, list[Claim]] = {}
        for cid in ev.claim_ids:
            c = ctx.claim(cid)
            if c.affirmed and cid in table:
                groups.setdefault(table[cid], []).append(c)
        if len(groups) < 2:
            continue
        values = sorted(groups, key=lambda v: (groups[v][0].time.lo if groups[v][0].time else 0, v))
        kinds = {v: ctx.res.entities[v].kind for v in values}
        clash = [(a, b) for i, a in enumerate(values) for b in values[i + 1:]
                 if kinds[a] == kinds[b] and not (kinds[a] == "place" and _nested(
                     ctx.res.name(a), ctx.res.name(b)))]
        if not clash:
            continue
        a, b = clash[0]
        ca, cb = groups[a][0], groups[b][0]
        text = (f"{_side_words(ctx, groups[a])} says {ctx.says(ca)}; "
                f"{_side_words(ctx, groups[b])} says {ctx.says(cb)}, but only one can hold.")
        involved = {v for pair in clash for v in pair}
        yield ctx.make("two_values", [c.id for v in involved for c in groups[v]], "high", text)


def interested_witnesses(ctx: Context) -> Iterator[Finding]:
    for ev in ctx.res.events.values():
        if ctx.preds[ev.predicate].family not in ("espionage", "social", "testimony"):
            continue
        claims = [ctx.claim(c) for c in ev.claim_ids]
        who = {w for c in claims for w in ctx.witnesses(c)}
        if len(who) != 1 or any(not ctx.witnesses(c) for c in claims):
            continue
        (w,) = who
        if w not in ev.participants:
            continue
        c = claims[0]
        severity = "medium" if any(not x.affirmed for x in claims) else "low"
        verb = "says" if c.affirmed else "denies"
        text = (f"Only {ctx.res.name(w)}, a participant, {verb} that {ctx.says(c)} "
                f"({ctx.cite(c)}); no other witness reports it.")
        yield ctx.make("interested_witness", [x.id for x in claims], severity, text)


# ---------------------------------------------------------------- one triple

def affirmed_vs_denied(ctx: Context) -> Iterator[Finding]:
    blocks: dict[tuple, list[Claim]] = defaultdict(list)
    for c in ctx.res.claims.values():
        p = ctx.pred(c)
        s, o = ctx.res.subject_of[c.id], ctx.res.object_of.get(c.id, "")
        pair = tuple(sorted((s, o))) if p.symmetric else (s, o)
        blocks[(c.predicate, *pair)].append(c)
    for key, claims in blocks.items():
        denied = [c for c in claims if not c.affirmed]
        if denied:
            yield from _denials(ctx, claims, denied)
        for other in ctx.preds[key[0]].exclusive_with:
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
        text = (f"{_side_words(ctx, against)} says {ctx.says(a)}; {ctx.cite(d)} denies it"
                + (f" (“{d.quote.strip()[:120]}”)." if d.quote else "."))
        yield ctx.make("affirmed_vs_denied", [d.id] + [x.id for x in against],
                       "high" if interested else "medium", text)


def _exclusive(ctx: Context, states: list[Claim], acts: list[Claim]) -> Iterator[Finding]:
    """A state said to hold certainly on both sides of an act that ends it (resigned)."""
    for s in _dated(states):
        for a in _dated(acts):
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
        dated = _dated(ctx.claim(c) for c in ev.claim_ids)
        if dated:
            out[ev.participants[0]] = (max(c.time.hi for c in dated), [c.id for c in dated])
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
    for c in ctx.res.claims.values():
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
    for c in ctx.res.claims.values():
        if c.predicate == "appointed" and c.affirmed and c.time is not None:
            key = (ctx.res.subject_of[c.id], ctx.res.object_of.get(c.id))
            if key not in first or c.time.lo < first[key].time.lo:
                first[key] = c
    if not first:
        return
    for c in ctx.res.claims.values():
        if c.predicate not in ("worked_at", "headed") or not c.affirmed or c.time is None:
            continue
        a = first.get((ctx.res.subject_of[c.id], ctx.res.object_of.get(c.id)))
        if a is not None and c.time.hi < a.time.lo:
            text = (f"{ctx.cite(c)} says {ctx.says(c)}, before the appointment "
                    f"({when_words(a.time)}, per {ctx.cite(a)}); check for an earlier post or a wrong date.")
            yield ctx.make("anachronism", [c.id, a.id], "medium", text, "before_appointment")


def _name_before_use(ctx: Context) -> Iterator[Finding]:
    for cid, uses in ctx.res.names_used.items():
        c = ctx.claim(cid)
        if c.time is None:
            continue
        for use in uses:
            if use.valid.open_start or c.time.hi >= use.valid.lo:
                continue
            written = ctx.wdate(c)
            retro = written is not None and written.lo >= use.valid.lo
            severity = "low" if retro else "high"
            tail = ("; a later writer's retrospective use" if retro
                    else "; the source itself seems to predate the name")
            text = (f"{ctx.cite(c)} calls {ctx.res.name(use.entity_id)} “{use.name}” for "
                    f"{when_words(c.time)}, before that name was in use "
                    f"(from {civil_year(use.valid.lo)}){tail}.")
            yield ctx.make("anachronism", [cid], severity, text, "name", use.role)


def civil_year(day: int) -> int:
    return civil(day)[0]


# ---------------------------------------------------------------- presence and writing date

def _presence(ctx: Context) -> dict[str, list[tuple]]:
    by_person: dict[str, list[tuple]] = defaultdict(list)
    for c in ctx.res.claims.values():
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
                if pid == pid2 or _nested(place, place2):
                    continue
                same_day = lo == hi == lo2 == hi2
                span = "on the same day" if same_day else f"within the same {PRESENCE_DAYS} days"
                text = (f"{ctx.cite(c)} puts {ctx.res.name(who)} in {place} ({when_words(c.time)}); "
                        f"{ctx.cite(c2)} puts {ctx.res.name(who)} in {place2} {span} "
                        f"({when_words(c2.time)}).")
                yield ctx.make("impossible_presence", [c.id, c2.id],
                               "high" if same_day else "medium", text)


def narrates_after_written(ctx: Context) -> Iterator[Finding]:
    for c in ctx.res.claims.values():
        if c.time is None:
            continue
        written = ctx.wdate(c)
        if written is None or c.time.lo <= written.hi:
            continue
        gap = c.time.lo - written.hi
        text = (f"{ctx.cite(c)} says {ctx.says(c)}, which is dated after the account itself "
                f"({when_words(written)}).")
        yield ctx.make("narrates_after_written", [c.id], "high" if gap > 365 else "medium", text)


# ---------------------------------------------------------------- a witness's account

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


def omissions(ctx: Context) -> Iterator[Finding]:
    """An account's scope: the hull of its dated claims (within the case period) and the
    families of predicates it speaks about; events involving the witness in that scope,
    reported by others, that the account does not mention."""
    events_of, period = _events_of(ctx), ctx.data.period
    for (w, sid), claims in sorted(_accounts(ctx).items()):
        dated = _dated(claims, affirmed=False)
        if len(dated) < 2:
            continue
        scope = dated[0].time
        for c in dated[1:]:
            scope = scope.hull(c.time)
        if period is not None:
            scope = scope.intersection(period)
        if scope is None or scope.open_start or scope.open_end:
            continue
        families = {ctx.pred(c).family for c in claims}
        told = {ctx.res.event_of[c.id] for c in claims}
        for ev in events_of.get(w, []):
            if ev.time.lo > scope.hi:
                break
            if ev.id in told or not scope.contains(ev.time) or ctx.preds[ev.predicate].family not in families:
                continue
            others = [ctx.claim(x) for x in ev.claim_ids]
            others = [c for c in others if c.affirmed and w not in ctx.witnesses(c)]
            if not others:
                continue
            source = ctx.data.sources.get(sid)
            title = source.title if source else sid
            text = (f"{ctx.res.name(w)}'s account in {title}, which covers {scope.render()} and "
                    f"speaks of {', '.join(sorted(families))}, does not mention that "
                    f"{ctx.says(others[0])}, which {_side_words(ctx, others)} reports.")
            severity = "medium" if ctx.preds[ev.predicate].family in ("espionage", "testimony") else "low"
            yield ctx.make("omission", [c.id for c in others], severity, text, w, sid)


DETECTORS = (date_conflicts, affirmed_vs_denied, two_values, anachronisms, impossible_presence,
             narrates_after_written, omissions, interested_witnesses)


def findings(data: CaseData, resolution: Resolution) -> list[Finding]:
    """Every finding of the case, analyst verdicts applied, most severe first."""
    ctx = Context(data, resolution)
    out: dict[str, Finding] = {}
    for detect in DETECTORS:
        for f in detect(ctx):
            out.setdefault(f.id, f)
    for f in out.values():
        if f.id in data.verdicts:
            f.verdict, f.note = data.verdicts[f.id]
    return sorted(out.values(), key=lambda f: (-LEVELS.index(f.severity), TYPES.index(f.type), f.id))


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
