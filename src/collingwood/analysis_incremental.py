"""Incremental re-analysis: after a change to a few claims, re-compute only what they can affect.

A full run (`analysis_run`) that ends in this process keeps a `Memory` beside its results: the
resolution's name table, the votes that chose each name's entity and kind, and indexes of the
claims by entity, witness, source and event key. After an edit, a review (accept, reject), a
re-read or an added claim, `update` brings those results up to the case's new state:

1. **Resolution.** The name table stands when no name's vote changes its winner (the spelling
   and kind an entity takes) and no name appears or disappears; the changed claims are
   resolved against it. Otherwise (and for a merge, a split, an ingest, an extract ...)
   resolution can change anywhere: `update` returns None and a full run follows.
2. **Events**: only the blocks (`resolve.event_key`) the old and new versions fall in are
   grouped again; the same for the machine copies an analyst's claim supersedes in its source.
3. **Findings and the affinity graph** by difference: the detectors and the graph run twice
   over the *region* of the change (every claim about an entity the change touches, every
   claim of those entities as witnesses and of the changed claims' sources), once as it was
   and once as it is; what differs between the two is applied to the case's findings and
   edges. What the region cuts short is the same on both sides and cancels. A difference
   whose item the region did not reproduce as the full run had it (an edge with grounds
   outside the region, a finding with context outside it), or a change to the documented
   links a shared contact is inferred from, falls back to that layer's full computation.
4. **Prominence** is summed again from counts kept per claim, with the new graph's centrality.
5. **The judgment layer** (witness register, open questions, witness grades) is left
   *pending*: it is computed from the new state the first time a view asks for it
   (`Results.register`), not at the edit. A person who is nobody's witness has only a
   prominence, which is current at once.

`tests/test_incremental.py` compares every layer with a full run after random sequences of
edits, on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from . import resolve as rs
from .model import CaseData, Claim, Finding, schema

# the audited changes after which `update` can bring the results up to date
CLAIM_ACTIONS = frozenset({"edit_claim", "set_claim_status", "add_claims", "revise_claim"})
JUDGMENT_ACTIONS = frozenset({"set_verdict", "judge", "rate", "set_hypotheses"})


class Fallback(Exception):
    """The change can alter the analysis beyond its region: run in full."""


@dataclass
class Memory:
    """What a full run leaves for `update`, kept current by it."""

    names: object                                       # resolve._Names
    kinds: dict[str, Counter]
    forms: dict[str, Counter]
    live: dict[str, Claim]                              # every non-rejected claim (machine copies too)
    by_entity: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    by_witness: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    by_source: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    blocks: dict[tuple, set[str]] = field(default_factory=lambda: defaultdict(set))
    block_of: dict[str, tuple] = field(default_factory=dict)
    events_of: dict[tuple, list[str]] = field(default_factory=lambda: defaultdict(list))
    about: Counter = field(default_factory=Counter)     # prominence: claims about each key
    origins: Counter = field(default_factory=Counter)   # claims each origin (witness key) gave
    mention_score: Counter = field(default_factory=Counter)
    spies: Counter = field(default_factory=Counter)     # entities tied to espionage, by claims
    key_names: dict[str, str] = field(default_factory=dict)     # grading key -> the name shown
    weight: Counter = field(default_factory=Counter)    # claims each entity is subject or object of
    findings: dict[str, Finding] = field(default_factory=dict)  # the current findings by id
    rank_key: dict[str, tuple] = field(default_factory=dict)    # finding -> its sort key (`findings.rank`)
    findings_of: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # claim -> findings
    order: list[tuple] = field(default_factory=list)    # the findings' sort keys, in rank order
    verdicts: dict = field(default_factory=dict)        # the verdicts the kept findings carry
    source_witnesses: set[str] = field(default_factory=set)
    claim_keys: dict[str, tuple] = field(default_factory=dict)   # claim -> (about, origin, spies)


# --- building the memory after a full run ------------------------------------------


def _votes(c: Claim):
    """The (matching key, kind, spelling) votes a claim gives (`resolve._kind_votes`)."""
    p = schema().predicates[c.predicate]
    for surface, kind in ((c.subject, p.subject), (c.object, p.object), (c.place, "place")):
        if surface and kind != "none":
            yield rs.norm(surface), kind, surface.strip()


def _entities(res, cid: str) -> set[str]:
    return {t[cid] for t in (res.subject_of, res.object_of, res.place_of) if cid in t}


def _witnesses(c: Claim, data: CaseData, res) -> list[str]:
    from .analyse import witness_ids
    return witness_ids(c, data.sources.get(c.source_id), res)


def _spy_votes(c: Claim, res) -> list[str]:
    """The entities this claim ties to espionage (`accounts._in_espionage`)."""
    from .analyse import predicate_of
    if c.id not in res.claims or not c.affirmed or predicate_of(c.predicate).family != "espionage":
        return []
    return list(res.participants(c))


def _index(mem: Memory, c: Claim, data: CaseData, res, view) -> None:
    cid = c.id
    for e in _entities(res, cid):
        mem.by_entity[e].add(cid)
    for w in _witnesses(c, data, res):
        mem.by_witness[w].add(cid)
    mem.by_source[c.source_id].add(cid)
    if cid in res.claims:
        key = rs.event_key(schema().predicates[c.predicate], res.subject_of[cid], res.object_of.get(cid))
        mem.blocks[key].add(cid)
        mem.block_of[cid] = key
        roles = tuple(t[cid] for t in (res.subject_of, res.object_of) if cid in t)
        keys = (tuple(sorted(view.about(c))), view.origin(c), tuple(_spy_votes(c, res)), roles)
        mem.claim_keys[cid] = keys
        for k, surface in zip((view.subject(c), view.object(c), keys[1]),
                              (c.subject, c.object, view.origin_name(c))):
            if k and k not in mem.key_names:
                mem.key_names[k] = view.name(k) if k in res.entities else (surface or "").strip()
        mem.about.update(keys[0])
        mem.origins[keys[1]] += 1
        mem.spies.update(keys[2])
        mem.weight.update(keys[3])


def _unindex(mem: Memory, c: Claim, data: CaseData, res) -> None:
    cid = c.id
    for e in _entities(res, cid):
        mem.by_entity[e].discard(cid)
    for w in _witnesses(c, data, res):
        mem.by_witness[w].discard(cid)
    mem.by_source[c.source_id].discard(cid)
    key = mem.block_of.pop(cid, None)
    if key is not None:
        mem.blocks[key].discard(cid)
    keys = mem.claim_keys.pop(cid, None)
    if keys is not None:
        mem.about.subtract(keys[0])
        mem.origins[keys[1]] -= 1
        mem.spies.subtract(keys[2])
        mem.weight.subtract(keys[3])


def remember(data: CaseData, res, names, gradings: list[dict], found: list[Finding]) -> Memory:
    """The memory of a full run over ``data`` (resolved as ``res`` with the name table ``names``,
    its people graded as ``gradings``, its findings ``found``)."""
    from .analyse.case_view import CaseView, source_witness
    kinds, forms = rs._kind_votes([c for c in data.claims if c.status != "rejected"])
    mem = Memory(names=names, kinds=kinds, forms=forms,
                 live={c.id: c for c in data.claims if c.status != "rejected"},
                 key_names={r["key"]: r["name"] for r in gradings})
    view = CaseView(data, res)
    for c in mem.live.values():
        _index(mem, c, data, res, view)
    for ev in res.events.values():
        mem.events_of[mem.block_of[ev.claim_ids[0]]].append(ev.id)
    for m in data.mentions:
        if m.kind == "person":
            known = m.entity_id if m.entity_id in res.entities else None
            mem.mention_score[known or view.key(m.text)] += 1
    mem.source_witnesses = {view.key(source_witness(s)) for s in data.sources.values()}
    _keep_findings(mem, found, res)
    mem.verdicts = dict(data.verdicts)
    return mem


def _rank_key(f: Finding, weight: Counter, res) -> tuple:
    """`analyse.findings.rank`'s order of one finding, with the entities' weights kept."""
    from .analyse.findings import rank_key
    return rank_key(f, weight, res)


def _keep_findings(mem: Memory, found: list[Finding], res) -> list[Finding]:
    """Make ``found`` the memory's findings, every sort key made anew; ``found`` ranked."""
    mem.findings = {f.id: f for f in found}
    mem.findings_of = defaultdict(set)
    for f in found:
        for cid in f.claim_ids:
            mem.findings_of[cid].add(f.id)
    mem.rank_key = {f.id: _rank_key(f, mem.weight, res) for f in found}
    mem.order = sorted(mem.rank_key.values())
    return [mem.findings[k[-1]] for k in mem.order]


def _change_findings(mem: Memory, gone: set[str], new: dict[str, Finding], rekey: set[str], res,
                     verdicts: dict) -> list[Finding]:
    """Apply a difference to the kept findings (``gone`` ids out, ``new`` in; the sort keys of
    ``rekey`` made again, ``verdicts`` applied where they changed); the findings ranked."""
    import bisect
    for i in gone | set(new):
        f = mem.findings.pop(i, None)
        if f is not None:
            for cid in f.claim_ids:
                mem.findings_of[cid].discard(i)
            key = mem.rank_key.pop(i)
            del mem.order[bisect.bisect_left(mem.order, key)]
    for i, f in new.items():
        mem.findings[i] = f
        for cid in f.claim_ids:
            mem.findings_of[cid].add(i)
        mem.rank_key[i] = key = _rank_key(f, mem.weight, res)
        bisect.insort(mem.order, key)
    for i in rekey - set(new):
        f = mem.findings.get(i)
        if f is None:
            continue
        key = _rank_key(f, mem.weight, res)
        if key != mem.rank_key[i]:
            del mem.order[bisect.bisect_left(mem.order, mem.rank_key[i])]
            mem.rank_key[i] = key
            bisect.insort(mem.order, key)
    for i in {k for k in set(verdicts) | set(mem.verdicts) if verdicts.get(k) != mem.verdicts.get(k)} | set(new):
        if i in mem.findings:
            mem.findings[i].verdict, mem.findings[i].note = verdicts.get(i, ("open", ""))
    mem.verdicts = dict(verdicts)
    return [mem.findings[k[-1]] for k in mem.order]


# --- the update ---------------------------------------------------------------------


@dataclass
class Update:
    data: CaseData
    res: object
    findings: list[Finding]
    graph: object
    prominence: dict
    delta: dict                 # what the store writes (results.delta_rows)
    note: dict                  # what the run row says about the update
    key_names: dict             # grading key -> the name shown
    findings_by_id: dict        # the findings by id


def changed_claims(store, rows: list[dict], live: dict[str, Claim]) -> dict[str, Claim | None]:
    """The claims the audited changes ``rows`` touched, as they are now (None: rejected or gone)."""
    now: dict[str, Claim | None] = {}
    sources = dict.fromkeys(r["target"] for r in rows if r["action"] == "add_claims")
    claims = dict.fromkeys(r["target"] for r in rows if r["action"] in CLAIM_ACTIONS)
    for source in sources:                      # each read once: every read gives the state now
        for c in store.claims_of(source):
            if c.id not in live:
                now[c.id] = c
    for cid in claims:
        now[cid] = store.claim(cid)
    return {cid: (c if c is not None and c.status != "rejected" else None) for cid, c in now.items()}


def update(held, mem: Memory, changed: dict[str, Claim | None], verdicts: dict) -> Update:
    """Bring ``held`` (a `results.Results` with everything computed in this process) up to the
    state where the claims ``changed`` are as given; raises Fallback (before it has changed
    anything but ``mem``, which the caller then drops) when it cannot."""
    from collections import ChainMap

    from .analyse.case_view import CaseView
    data, res = held.data, _copy(held.res)
    old = {cid: mem.live.get(cid) for cid in changed}
    changed = {cid: c for cid, c in changed.items() if old[cid] != c}
    if not changed:
        raise Fallback("nothing changed")
    _check_names(mem, old, changed)
    one = {cid: _resolve_one(mem, c) for cid, c in changed.items() if c is not None}
    for c in old.values():
        if c is not None:
            _resolve_one(mem, c)            # an ambiguous name before the change: run in full

    # what the change reaches, worked out before anything changes: the machine copies it
    # supersedes or frees in its sources, the event blocks, the entities, the region
    sources = {c.source_id for c in (*old.values(), *changed.values()) if c is not None}
    overlay = rs.Resolution(subject_of=ChainMap({}, res.subject_of), object_of=ChainMap({}, res.object_of))
    for cid in changed:
        for t in (overlay.subject_of, overlay.object_of):
            t.maps[0][cid] = None
        if cid in one:
            overlay.subject_of.maps[0].update(one[cid].subject_of)
            overlay.object_of.maps[0].update(one[cid].object_of)
    supersedes = {}
    flipped: set[str] = set()
    for sid in sources:
        mine = [changed[cid] if cid in changed else mem.live[cid] for cid in mem.by_source.get(sid, ())
                if (changed[cid] if cid in changed else mem.live.get(cid)) is not None]
        mine += [c for cid, c in changed.items() if c is not None and c.source_id == sid
                 and cid not in mem.by_source.get(sid, ())]
        now = rs._superseded(overlay, mine)
        was = {cid: res.superseded[cid] for cid in mem.by_source.get(sid, ()) if cid in res.superseded}
        supersedes[sid] = (was, now)
        flipped |= {cid for cid in set(now) | set(was) if now.get(cid) != was.get(cid)} - set(changed)
    preds = schema().predicates
    keys = {mem.block_of[cid] for cid in (*changed, *flipped) if cid in mem.block_of}
    for cid, c in changed.items():
        if c is not None:
            keys.add(rs.event_key(preds[c.predicate], one[cid].subject_of[cid], one[cid].object_of.get(cid)))
    ents: set[str] = set()
    for cid in (*changed, *flipped):
        ents |= _entities(res, cid)
        if cid in one:
            ents |= set(one[cid].subject_of.values()) | set(one[cid].object_of.values()) | set(one[cid].place_of.values())
    for key in keys:
        for eid in mem.events_of.get(key, ()):
            ents |= set(res.events[eid].participants)
    for c in (*old.values(), *changed.values()):
        if c is not None:
            ents |= set(_witnesses(c, data, res))
    region = set(changed) | flipped
    for e in ents:
        region |= mem.by_entity.get(e, set()) | mem.by_witness.get(e, set())
    for sid in sources:
        region |= mem.by_source.get(sid, set())
    for cid in list(region):                 # every detector reads a claim with its whole event
        eid = res.event_of.get(cid)
        if eid is not None:
            region.update(res.events[eid].claim_ids)
    spies_before = {e for e, n in mem.spies.items() if n > 0}
    links_before = {cid: _link_facts(c, data, res) for cid, c in old.items()}
    before = _sub_state(data, res, region, mem.live)

    # 1. the resolution: the changed claims' links, the machine copies superseded again
    for cid in (*changed, *flipped):
        c = mem.live.get(cid)
        if c is not None:
            _unindex(mem, c, data, res)
    for cid in changed:
        for t in (res.subject_of, res.object_of, res.place_of, res.names_used, res.superseded):
            t.pop(cid, None)
    import bisect
    claims = list(data.claims)
    added = []
    for cid, c in changed.items():
        was = old[cid]
        i = bisect.bisect_left(claims, _order(was), key=_order) if was is not None else len(claims)
        if i < len(claims) and claims[i].id == cid:
            claims[i] = c
        elif c is not None:
            added.append(c)
        if c is None:
            mem.live.pop(cid, None)
            continue
        mem.live[cid] = c
        for name in ("subject_of", "object_of", "place_of", "names_used"):
            got = getattr(one[cid], name)
            if cid in got:
                getattr(res, name)[cid] = got[cid]
    import dataclasses
    claims = [c for c in claims if c is not None]
    for c in sorted(added, key=_order):      # where the store's order puts it (`Store.claims`)
        claims.insert(bisect.bisect(claims, _order(c), key=_order), c)
    data = dataclasses.replace(data, claims=claims, verdicts=verdicts)
    for sid, (was, now) in supersedes.items():
        for cid in was:
            res.superseded.pop(cid, None)
        res.superseded.update(now)
    stays = all(cid in res.claims and mem.live.get(cid) is not None and cid not in res.superseded
                for cid in changed) and not flipped
    if stays:                            # each keeps its place in the snapshot's order
        for cid in changed:
            res.claims[cid] = mem.live[cid]
    else:
        res.claims = {c.id: c for c in data.claims if c.id not in res.superseded}
    view = CaseView(data, res)
    for cid in (*changed, *flipped):
        c = mem.live.get(cid)
        if c is not None:
            _index(mem, c, data, res, view)

    # 2. events: the blocks the old and new versions fall in
    gone_events, new_events = _regroup(mem, res, keys)
    after = _sub_state(data, res, region, mem.live)

    # 3. findings and graph by difference over the region
    spies_after = {e for e, n in mem.spies.items() if n > 0}
    rekey = set().union(*(mem.findings_of.get(cid, ()) for e in ents for cid in mem.by_entity.get(e, ())),
                        *(mem.findings_of.get(cid, ()) for cid in (*changed, *flipped)))
    found, *f_delta = _findings(mem, before, after, data, res, spies_before != spies_after, rekey)
    versions = [c for c in (*old.values(), *changed.values(), *(mem.live.get(x) for x in flipped)) if c is not None]
    if not flipped and held.graph is not None and not any(_infers(c) for c in versions) and all(
            links_before[cid] == _link_facts(c, data, res) for cid, c in changed.items()):
        graph, g_note = held.graph, "unchanged (no change to what a link is drawn from)"
    else:
        graph, g_note = _graph(held.graph, before, after, data, res, any(_infers(c) for c in versions))

    # 4. prominence from the kept counts and the new graph
    prom = _prominence(mem, graph)
    linked = set(changed) | flipped | {cid for ev in (*gone_events, *new_events) for cid in ev.claim_ids}
    delta = {"claims": sorted(linked), "events_gone": sorted({ev.id for ev in gone_events}),
             "events_new": [ev.id for ev in new_events],
             "findings_gone": sorted(f_delta[0]), "findings_new": sorted(f_delta[1])}
    note = {"claims": len(changed), "region": len(region), "events": len(new_events),
            "findings": f_delta[2], "graph": g_note}
    return Update(data, res, found, graph, prom, delta, note, mem.key_names, mem.findings)


def _copy(res):
    """A resolution to change: the held one stays as it was for a page that still reads it."""
    import copy
    out = copy.copy(res)
    for name in ("claims", "subject_of", "object_of", "place_of", "names_used", "superseded", "events",
                 "event_of", "disputed"):
        setattr(out, name, copy.copy(getattr(res, name)))
    return out


def _check_names(mem: Memory, old: dict, new: dict) -> None:
    """Raise Fallback unless every name's winning spelling and kind stay, and no name comes or goes."""
    kinds: dict[str, Counter] = {}
    forms: dict[str, Counter] = {}
    for sign, claims in ((-1, old.values()), (1, new.values())):
        for c in claims:
            if c is None:
                continue
            for key, kind, surface in _votes(c):
                k = kinds.setdefault(key, Counter(mem.kinds.get(key, Counter())))
                f = forms.setdefault(key, Counter(mem.forms.get(key, Counter())))
                k[kind] += sign
                f[surface] += sign
    for key in kinds:
        k, f = +kinds[key], +forms[key]
        was_k, was_f = mem.kinds.get(key, Counter()), mem.forms.get(key, Counter())
        if bool(k) != bool(was_k):
            raise Fallback(f"the name {key!r} comes or goes")
        if rs._best(k, "any") != rs._best(was_k, "any") or rs._best(f) != rs._best(was_f):
            raise Fallback(f"the name {key!r} changes its spelling or kind")
    for key in kinds:
        mem.kinds[key], mem.forms[key] = +kinds[key], +forms[key]


def _resolve_one(mem: Memory, c: Claim):
    """The claim's entities against the kept name table; Fallback when a name is ambiguous."""
    out = rs.Resolution()
    n = len(mem.names.entities)
    rs._resolve_claims(mem.names, [c], out)
    if len(mem.names.entities) != n or out.ambiguous:
        raise Fallback("a name is ambiguous")    # the full run rebuilds the table
    return out


def _regroup(mem: Memory, res, keys: set[tuple]):
    """Group the claims of the event blocks ``keys`` again; (events gone, events new)."""
    gone, new = [], []
    for key in sorted(keys):                 # all old events first: a new one may take an old id
        for eid in mem.events_of.pop(key, []):
            ev = res.events.pop(eid, None)
            if ev is None:
                continue
            gone.append(ev)
            res.disputed.discard(eid)
            for cid in ev.claim_ids:
                if res.event_of.get(cid) == eid:
                    del res.event_of[cid]
    for key in sorted(keys):
        members = sorted(mem.blocks.get(key, ()))
        if not members:
            mem.blocks.pop(key, None)
            continue
        scratch = rs.Resolution(subject_of=res.subject_of, object_of=res.object_of)
        rs._build_events(scratch, [res.claims[cid] for cid in members])
        for eid, ev in scratch.events.items():
            res.events[eid] = ev
            new.append(ev)
            mem.events_of[key].append(eid)
        res.disputed |= scratch.disputed
        res.event_of.update(scratch.event_of)
    return gone, new


def _order(c: Claim) -> tuple:
    return (c.source_id, c.start, c.id)


@dataclass
class _Sub:
    data: CaseData
    res: object


def _sub_state(data: CaseData, res, region: set[str], live: dict[str, Claim]) -> _Sub:
    """The case cut to the claims of ``region``: every source and entity, those claims, their
    links, and the events whose claims all lie in it."""
    import dataclasses
    r = rs.Resolution(entities=res.entities, ambiguous=res.ambiguous, candidates=res.candidates,
                      grounds=res.grounds, root_of=res.root_of)
    r._keys = res._keys
    claims = sorted((live[cid] for cid in region if cid in live), key=_order)
    for c in claims:
        cid = c.id
        for name in ("subject_of", "object_of", "place_of", "names_used", "superseded"):
            t = getattr(res, name)
            if cid in t:
                getattr(r, name)[cid] = t[cid]
        if cid in res.claims:
            r.claims[cid] = c
    for cid in list(r.claims):
        eid = res.event_of.get(cid)
        ev = res.events.get(eid) if eid is not None else None
        if ev is None or not all(x in r.claims for x in ev.claim_ids):
            del r.claims[cid]                # (never, with the region closed over events)
            continue
        r.event_of[cid] = eid
        r.events[eid] = ev
        if eid in res.disputed:
            r.disputed.add(eid)
    claims = [c for c in claims if c.id in r.claims or c.id in r.superseded]
    return _Sub(dataclasses.replace(data, claims=claims, mentions=[]), r)


def _content(f: Finding) -> tuple:
    return (f.type, f.severity, f.explanation, tuple(f.claim_ids))


def _findings(mem: Memory, before: _Sub, after: _Sub, data: CaseData, res, spies_changed: bool,
              rekey: set[str]):
    """The case's findings after the change: the difference of the detectors over the region
    before and after it, applied to the kept findings; (findings, ids gone, ids new, how)."""
    from .analyse.findings import findings as detect
    full = mem.findings

    def everything(why: str):
        out = detect(data, res)
        now = {f.id: f for f in out}
        differ = {i for i in set(full) & set(now) if _content(full[i]) != _content(now[i])}
        gone, new = set(full) - set(now), (set(now) - set(full)) | differ
        mem.verdicts = dict(data.verdicts)
        return _keep_findings(mem, out, res), gone, new, f"full ({why})"

    if spies_changed:         # who the record ties to espionage weighs every interested witness
        return everything("the entities tied to espionage changed")
    was = {f.id: f for f in detect(before.data, before.res)}
    now = {f.id: f for f in detect(after.data, after.res)}
    gone = {i for i, f in was.items() if i not in now or _content(now[i]) != _content(f)}
    new = {i for i, f in now.items() if i not in was or _content(was[i]) != _content(f)}
    for i in gone | new:           # the region must have reproduced the full run's finding
        if (i in full) != (i in was) or (i in full and _content(full[i]) != _content(was[i])):
            return everything("a finding reaches beyond the region")
    ranked = _change_findings(mem, gone, {i: now[i] for i in new}, rekey, res, data.verdicts)
    return ranked, gone - new, new, f"{len(gone)} gone, {len(new)} new"


def _edges(g) -> dict[tuple, dict]:
    return {tuple(sorted((a, b))): {k: v for k, v in d.items()} for a, b, d in g.edges(data=True)}


def _link_facts(c: Claim | None, data: CaseData, res) -> tuple | None:
    """What a documented link takes from a claim (`affinity._documented`): a claim whose facts
    stay and that feeds no inferred link leaves the graph as it was."""
    from .analyse import predicate_of, witness
    if c is None or c.id not in res.claims:
        return None
    p = predicate_of(c.predicate)
    if p.edge is None:
        return ("no link",)
    return (c.predicate, c.affirmed, c.modality, c.time, c.source_id, res.subject_of.get(c.id),
            res.object_of.get(c.id), witness(c, data.sources.get(c.source_id)))


def _infers(c: Claim) -> bool:
    """Whether a claim feeds an inferred link (a post or membership held, a presence): such a
    link sums grounds from anywhere in the case, so the region cannot vouch for it."""
    from .analyse import predicate_of
    from .analyse.affinity import CO_MEMBER
    return c.predicate in CO_MEMBER or predicate_of(c.predicate).has_rule("implies_presence")


def _graph(held, before: _Sub, after: _Sub, data: CaseData, res, infers: bool):
    """The affinity graph after the change, by difference over the region (see the module);
    ``held`` is changed in place."""
    from .analyse.affinity import affinity_graph
    if held is None:
        return affinity_graph(data, res), "full (no graph held)"
    if infers:
        return affinity_graph(data, res), "full (a claim that inferred links are drawn from)"
    was, now = _edges(affinity_graph(before.data, before.res)), _edges(affinity_graph(after.data, after.res))
    changed = sorted(p for p in set(was) | set(now) if was.get(p) != now.get(p))
    for p in changed:
        a, b = was.get(p), now.get(p)
        documented = [d for d in (a, b) if d is not None and not d["inferred"]]
        if documented and (a is None or b is None or a["inferred"] != b["inferred"]
                           or a["grounds"] != b["grounds"] or a["type"] != b["type"]):
            return affinity_graph(data, res), "full (a documented link changed)"
        mine = dict(held.edges[p]) if held.has_edge(*p) else None
        if mine != a:
            return affinity_graph(data, res), "full (an edge has grounds outside the region)"
    nodes = set()
    if changed:
        held = held.copy()            # the held graph stays as it was for a page that still reads it
    for p in changed:
        d = now.get(p)
        nodes.update(p)
        if d is None:
            held.remove_edge(*p)
            continue
        for n in p:
            if n not in held:
                held.add_node(n, name=res.name(n), kind=res.entities[n].kind)
        if held.has_edge(*p):
            held.edges[p].clear()
        held.add_edge(*p, **d)
    for n in nodes:
        if n in held:
            if held.degree(n) == 0:
                held.remove_node(n)
            else:
                held.nodes[n]["degree"] = held.degree(n)
    return held, f"{len(changed)} edges"


def _prominence(mem: Memory, graph) -> dict[str, tuple[float, str]]:
    """`case_view.prominence` from the kept counts: mentions + claims about + centrality."""
    from .analyse.grading import settings
    cfg = settings()["prominence"]
    score: dict[str, float] = defaultdict(float)
    for k, n in mem.mention_score.items():
        score[k] += n
    for k, n in mem.about.items():
        if n > 0:
            score[k] += n
    for k, n in mem.origins.items():
        if n > 0:
            score.setdefault(k, 0.0)
    if graph is not None and len(graph) > 1:
        import networkx as nx
        for node, value in nx.degree_centrality(graph).items():
            score[node] += cfg["centrality_scale"] * value
    top = max(score.values(), default=0.0) or 1.0
    out = {}
    for k, s in score.items():
        share = s / top
        out[k] = (s, "central" if share >= cfg["central"] else
                  "secondary" if share >= cfg["secondary"] else "peripheral")
    return out


def witness_keys(mem: Memory) -> set[str]:
    """The keys the witness register has a record for."""
    return mem.source_witnesses | {k for k, n in mem.origins.items() if n > 0}
