"""Step 6: the affinity chart, documented links and links inferred with their grounds.

Documented edges come from affirmed claims whose predicate has an ``edge`` entry
in the schema; their strength is the number of independent witnesses. Inferred
edges (``inferred=True``) come from the same organisation at overlapping times,
a shared documented contact, or presence at the same place within a few days;
their strength is a weighted sum capped at `MAX_INFERRED`, always below a single
documented witness. Formula and grounds: docs/analysis.md.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from operator import itemgetter

import networkx as nx

from ..model import CaseData, Claim, schema
from ..resolve import Resolution
from ..timespan import TimeSpan
from . import as_span, predicate_of, witness

WEIGHTS = {"same_organisation": 0.5, "same_college": 0.6, "shared_contact": 0.3, "co_presence": 0.4}
MAX_INFERRED = 0.9
MAX_GROUP = 200          # more people at one place on one day imply nothing
MAX_CONTACTS = 25        # a hub with more documented contacts implies nothing about them
MAX_MEMBERS = 25         # a body with more members known at once is an institution: it implies nothing
PRESENCE_DAYS = 3
CO_MEMBER = frozenset(p.name for p in schema().predicates.values()   # posts and memberships held
                      if p.family == "career" and p.state)
PERSONAL = {"espionage", "social", "family"}   # link types that make a contact shared


@dataclass
class _Edge:
    types: dict[str, int] = field(default_factory=dict)     # link type -> count (a dict: cheaper than a Counter)
    relations: list[str] = field(default_factory=list)
    claims: list[str] = field(default_factory=list)
    sources: set = field(default_factory=set)
    witnesses: set = field(default_factory=set)
    time: TimeSpan | None = None
    grounds: list[str] = field(default_factory=list)
    weight: float = 0.0
    firm: int = 0                  # documented claims neither hedged nor alleged

    def add_time(self, t: TimeSpan | None) -> None:
        if t is not None:
            self.time = t if self.time is None else self.time.hull(t)


def _keep(c: Claim, windows: list[TimeSpan]) -> bool:
    return c.affirmed and (c.time is None or all(c.time.intersects(w) for w in windows))


def _documented(data: CaseData, res: Resolution, windows) -> dict[tuple, _Edge]:
    edges: dict[tuple, _Edge] = defaultdict(_Edge)
    for c in res.claims.values():
        p = predicate_of(c.predicate)
        if p.edge is None or c.id not in res.object_of or not _keep(c, windows):
            continue
        a, b = res.subject_of[c.id], res.object_of[c.id]
        if a == b:
            continue
        e = edges[(a, b) if a <= b else (b, a)]
        kind = p.edge.get("type", p.family)
        e.types[kind] = e.types.get(kind, 0) + 1
        if p.label not in e.relations:
            e.relations.append(p.label)
        e.claims.append(c.id)
        e.firm += c.modality not in ("hedged", "alleged")
        e.sources.add(c.source_id)
        e.witnesses.add(witness(c, data.sources.get(c.source_id)).lower())
        e.add_time(c.time)
    return edges


def _infer(edges: dict, pair: tuple, kind: str, grounds, claims, time=None) -> None:
    """``grounds``: the words, or a function that makes them (called only for an edge's first
    five grounds, the ones kept: a large group infers millions of links)."""
    a, b = pair
    e = edges[pair if a <= b else (b, a)]
    e.types[kind] = e.types.get(kind, 0) + 1
    e.weight += WEIGHTS[kind]
    if len(e.grounds) < 5:
        e.grounds.append(grounds if isinstance(grounds, str) else grounds())
    e.claims.extend(claims)
    e.add_time(time)


def _stays(claims: list[Claim]) -> list[tuple[TimeSpan, list[Claim]]]:
    """One person's claims of one body, as unbroken stays: claims whose spans overlap (the
    same membership told by several sources, or a post and a promotion in it) are one stay."""
    claims.sort(key=lambda c: (c.time.lo, c.time.hi, c.id))
    out: list[tuple[TimeSpan, list[Claim]]] = []
    for c in claims:
        if out and c.time.lo <= out[-1][0].hi:
            out[-1] = (out[-1][0].hull(c.time), out[-1][1] + [c])
        else:
            out.append((c.time, [c]))
    return out


def _co_members(res: Resolution, windows, edges: dict) -> None:
    """Two people at one body at overlapping times: one link per pair and shared stay, however
    many sources tell of each membership (a membership told by four sources is one membership,
    not four acquaintances). A body with more than `MAX_MEMBERS` members known at once (an
    agency, an army, a ministry) is an institution, not a circle: being two of its staff
    implies nothing about two people, as a hub with more than `MAX_CONTACTS` contacts implies
    nothing about them (and the links would grow with the square of its size)."""
    by_org: dict[str, dict[tuple, list]] = defaultdict(lambda: defaultdict(list))
    for c in res.claims.values():
        if c.predicate in CO_MEMBER and c.time is not None and _keep(c, windows) \
                and not (c.time.open_start or c.time.open_end) and c.id in res.object_of:
            person = res.subject_of[c.id]
            if res.entities[person].kind == "person":
                by_org[res.object_of[c.id]][(person, c.predicate == "studied_at")].append(c)
    for org, members in by_org.items():
        stays = sorted(((t.lo, t.hi, person, college, t, cs)
                        for (person, college), claims in members.items() for t, cs in _stays(claims)),
                       key=lambda s: (s[0], s[1], s[2], s[3]))
        org_name = res.name(org)
        starts, ends = [s[0] for s in stays], sorted(s[1] for s in stays)
        active: list = []
        for lo, hi, person, college, t, cs in stays:
            if bisect_right(starts, hi) - bisect_left(ends, lo) > MAX_MEMBERS:
                continue                 # the stays overlapping this one (itself too): a crowd
            active = [a for a in active if a[1] >= lo]
            for _, _, other, college2, t2, cs2 in active:
                if other == person:
                    continue
                both = college and college2
                common = t.intersection(t2)
                place = "studied at" if both else "at"
                _infer(edges, (person, other), "same_college" if both else "same_organisation",
                       lambda place=place, common=common: f"both {place} {org_name} in {common.render()}",
                       [c.id for c in cs] + [c.id for c in cs2], common)
            active.append((lo, hi, person, college, t, cs))


def _shared_contacts(res: Resolution, documented: dict, edges: dict) -> None:
    neighbours: dict[str, set] = defaultdict(set)
    for (a, b), e in documented.items():
        if res.entities[a].kind == res.entities[b].kind == "person" and set(e.types) & PERSONAL:
            neighbours[a].add(b)
            neighbours[b].add(a)
    for hub in sorted(neighbours):
        contacts = sorted(neighbours[hub])
        if len(contacts) > MAX_CONTACTS:
            continue
        for i, x in enumerate(contacts):
            for y in contacts[i + 1:]:
                if (x, y) not in documented:
                    _infer(edges, (x, y), "shared_contact", f"both linked to {res.name(hub)}", [])


def _co_presence(res: Resolution, windows, edges: dict) -> None:
    seen: dict[tuple, list] = defaultdict(list)
    for c in res.claims.values():
        p = predicate_of(c.predicate)
        if not p.has_rule("implies_presence") or c.time is None or c.time.days() > PRESENCE_DAYS \
                or not _keep(c, windows):
            continue
        place = res.place_of.get(c.id) or (res.object_of.get(c.id) if p.object == "place" else None)
        if place is None:
            continue
        people = [res.subject_of[c.id]] + ([res.object_of[c.id]] if p.object == "person" else [])
        seen[(place, c.time.lo)].extend((x, c) for x in people)
    for (place, _), present in seen.items():
        if len(present) > MAX_GROUP:
            continue
        for i, (x, c) in enumerate(present):
            for y, c2 in present[i + 1:]:
                if x != y and c.id != c2.id:
                    _infer(edges, (x, y), "co_presence",
                           lambda place=place, c=c: f"both in {res.name(place)} on {c.time.render()}",
                           [c.id, c2.id], c.time)


def affinity_graph(data: CaseData, resolution: Resolution, at=None, min_strength: float = 0.0,
                   period=None) -> nx.Graph:
    """People, organisations and their links; edges below ``min_strength`` are dropped.

    ``at`` and ``period`` (TimeSpans or date strings) keep only claims whose time
    reaches them; undated claims are kept.
    """
    res = resolution
    windows = [w for w in (as_span(at), as_span(period)) if w is not None]
    documented = _documented(data, res, windows)
    inferred: dict[tuple, _Edge] = defaultdict(_Edge)
    _co_members(res, windows, inferred)
    _shared_contacts(res, documented, inferred)
    _co_presence(res, windows, inferred)
    g = nx.Graph()
    for pair, e in documented.items():
        strength = float(len(e.witnesses))
        if strength >= min_strength:
            _add(g, res, pair, e, False, strength, "; ".join(e.relations))
    for pair, e in inferred.items():
        strength = round(min(MAX_INFERRED, e.weight), 3)
        if pair not in documented and strength >= min_strength and strength > 0:
            _add(g, res, pair, e, True, strength, "; ".join(e.grounds))
    for n, d in g.degree():
        g.nodes[n]["degree"] = d
    return g


def _add(g: nx.Graph, res: Resolution, pair: tuple, e: _Edge, inferred: bool, strength: float,
         grounds: str) -> None:
    for n in pair:
        if n not in g:
            g.add_node(n, name=res.name(n), kind=res.entities[n].kind)
    t = e.time
    g.add_edge(*pair, type=max(e.types.items(), key=itemgetter(1))[0], inferred=inferred, grounds=grounds,
               alleged=not inferred and e.firm == 0,
               strength=strength, claims=";".join(sorted(set(e.claims))),
               sources=";".join(sorted(e.sources)), earliest=t.earliest if t else "",
               latest=t.latest if t else "", time=t.render() if t else "")


# ---------------------------------------------------------------- order

def ranked_edges(graph: nx.Graph):
    """Edges strongest first (then by ids): the order of every export."""
    return sorted(graph.edges(data=True), key=lambda e: (-e[2]["strength"], e[0], e[1]))
