"""Step 6: the affinity chart, documented links and links inferred with their grounds.

Documented edges come from affirmed claims whose predicate has an ``edge`` entry
in the schema; their strength is the number of independent witnesses. Inferred
edges (``inferred=True``) come from the same organisation at overlapping times,
a shared documented contact, or presence at the same place within a few days;
their strength is a weighted sum capped at `MAX_INFERRED`, always below a single
documented witness. Formula and grounds: docs/analysis.md.
"""

from __future__ import annotations

import csv
import html
import io
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import networkx as nx

from ..model import CaseData, Claim, schema
from ..resolve import Resolution
from ..timespan import TimeSpan
from . import as_span, witness

WEIGHTS = {"same_organisation": 0.5, "same_college": 0.6, "shared_contact": 0.3, "co_presence": 0.4}
MAX_INFERRED = 0.9
MAX_GROUP = 200          # more members at once, or people on one day, imply nothing
MAX_CONTACTS = 25        # a hub with more documented contacts implies nothing about them
PRESENCE_DAYS = 3
CO_MEMBER = ("member_of", "worked_at", "headed", "studied_at")
PERSONAL = {"espionage", "social", "family"}   # link types that make a contact shared


@dataclass
class _Edge:
    types: Counter = field(default_factory=Counter)
    relations: list[str] = field(default_factory=list)
    claims: list[str] = field(default_factory=list)
    sources: set = field(default_factory=set)
    witnesses: set = field(default_factory=set)
    time: TimeSpan | None = None
    grounds: list[str] = field(default_factory=list)
    weight: float = 0.0

    def add_time(self, t: TimeSpan | None) -> None:
        if t is not None:
            self.time = t if self.time is None else self.time.hull(t)


def _keep(c: Claim, windows: list[TimeSpan]) -> bool:
    return c.affirmed and (c.time is None or all(c.time.intersects(w) for w in windows))


def _documented(data: CaseData, res: Resolution, windows) -> dict[tuple, _Edge]:
    preds = schema().predicates
    edges: dict[tuple, _Edge] = defaultdict(_Edge)
    for c in res.claims.values():
        p = preds[c.predicate]
        if p.edge is None or c.id not in res.object_of or not _keep(c, windows):
            continue
        a, b = res.subject_of[c.id], res.object_of[c.id]
        if a == b:
            continue
        e = edges[tuple(sorted((a, b)))]
        e.types[p.edge.get("type", p.family)] += 1
        if p.label not in e.relations:
            e.relations.append(p.label)
        e.claims.append(c.id)
        e.sources.add(c.source_id)
        e.witnesses.add(witness(c, data.sources.get(c.source_id)).lower())
        e.add_time(c.time)
    return edges


def _infer(edges: dict, pair: tuple, kind: str, grounds: str, claims, time=None) -> None:
    e = edges[tuple(sorted(pair))]
    e.types[kind] += 1
    e.weight += WEIGHTS[kind]
    if len(e.grounds) < 5:
        e.grounds.append(grounds)
    e.claims.extend(claims)
    e.add_time(time)


def _co_members(res: Resolution, windows, edges: dict) -> None:
    by_org: dict[str, list] = defaultdict(list)
    for c in res.claims.values():
        if c.predicate in CO_MEMBER and c.time is not None and _keep(c, windows) \
                and not (c.time.open_start or c.time.open_end) and c.id in res.object_of:
            person = res.subject_of[c.id]
            if res.entities[person].kind == "person":
                by_org[res.object_of[c.id]].append((c.time.lo, c.time.hi, person, c))
    for org, spans in by_org.items():
        spans.sort(key=lambda s: (s[0], s[1], s[3].id))
        active: list = []
        for lo, hi, person, c in spans:
            active = [a for a in active if a[1] >= lo]
            if len(active) <= MAX_GROUP:
                for _, _, other, c2 in active:
                    if other == person:
                        continue
                    college = c.predicate == c2.predicate == "studied_at"
                    common = c.time.intersection(c2.time)
                    place = "studied at" if college else "at"
                    _infer(edges, (person, other), "same_college" if college else "same_organisation",
                           f"both {place} {res.name(org)} in {common.render()}", [c.id, c2.id], common)
            active.append((lo, hi, person, c))


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
    preds = schema().predicates
    seen: dict[tuple, list] = defaultdict(list)
    for c in res.claims.values():
        p = preds[c.predicate]
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
                           f"both in {res.name(place)} on {c.time.render()}", [c.id, c2.id], c.time)


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
    g.add_edge(*pair, type=e.types.most_common(1)[0][0], inferred=inferred, grounds=grounds,
               strength=strength, claims=";".join(sorted(set(e.claims))),
               sources=";".join(sorted(e.sources)), earliest=t.earliest if t else "",
               latest=t.latest if t else "", time=t.render() if t else "")


# ---------------------------------------------------------------- exports

def to_gexf(graph: nx.Graph) -> str:
    out = io.BytesIO()
    nx.write_gexf(graph, out)
    return out.getvalue().decode("utf-8")


def to_graphml(graph: nx.Graph) -> str:
    out = io.BytesIO()
    nx.write_graphml(graph, out)
    return out.getvalue().decode("utf-8")


EDGE_FIELDS = ("source", "target", "type", "inferred", "grounds", "strength", "claims", "sources",
               "earliest", "latest")


def _edges(graph: nx.Graph):
    return sorted(graph.edges(data=True), key=lambda e: (-e[2]["strength"], e[0], e[1]))


def to_csv(graph: nx.Graph) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["source", "source_name", "target", "target_name", *EDGE_FIELDS[2:]])
    for a, b, d in _edges(graph):
        w.writerow([a, graph.nodes[a]["name"], b, graph.nodes[b]["name"],
                    *(d[k] for k in EDGE_FIELDS[2:])])
    return out.getvalue()


def to_json(graph: nx.Graph) -> str:
    nodes = [{"id": n, "name": d["name"], "kind": d["kind"], "degree": d["degree"]}
             for n, d in sorted(graph.nodes(data=True))]
    edges = [{"source": a, "target": b, "type": d["type"], "inferred": d["inferred"],
              "grounds": d["grounds"], "strength": d["strength"],
              "claims": d["claims"].split(";") if d["claims"] else [],
              "sources": d["sources"].split(";") if d["sources"] else [],
              "time": {"earliest": d["earliest"], "latest": d["latest"], "text": d["time"]}
              if d["earliest"] else None} for a, b, d in _edges(graph)]
    return json.dumps({"nodes": nodes, "edges": edges}, indent=2, ensure_ascii=False)


PALETTE = {"espionage": "#c0392b", "social": "#2980b9", "family": "#8e44ad", "employment": "#27ae60",
           "membership": "#16a085", "education": "#d35400", "official": "#7f8c8d",
           "same_organisation": "#16a085", "same_college": "#d35400", "shared_contact": "#95a5a6",
           "co_presence": "#f39c12"}
NODE_COLOURS = {"person": "#34495e", "organisation": "#1abc9c", "college": "#e67e22", "place": "#9b59b6"}


def _top(graph: nx.Graph, max_nodes: int) -> nx.Graph:
    weight = {n: sum(d["strength"] for _, _, d in graph.edges(n, data=True)) for n in graph}
    keep = sorted(graph, key=lambda n: (-weight[n], graph.nodes[n]["name"]))[:max_nodes]
    sub = graph.subgraph(keep)
    edges = _edges(sub)[: max_nodes * 3]
    out = nx.Graph()
    out.add_nodes_from(sub.nodes(data=True))
    out.add_edges_from(edges)
    return out


def to_svg(graph: nx.Graph, max_nodes: int = 50, width: int = 960, height: int = 720) -> str:
    """A static, self-contained SVG: the strongest actors and links, legend included."""
    g = _top(graph, max_nodes)
    legend_h = 60
    pos = _layout(g, width, height - legend_h)

    def xy(n):
        return pos[n]

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
           f'width="{width}" height="{height}" font-family="sans-serif" role="img">',
           f'<title>Affinity chart: {len(g)} actors, {g.number_of_edges()} links</title>',
           f'<rect width="{width}" height="{height}" fill="#fff"/>']
    for a, b, d in sorted(g.edges(data=True), key=lambda e: e[2]["strength"]):
        (x1, y1), (x2, y2) = xy(a), xy(b)
        dash = ' stroke-dasharray="5 4"' if d["inferred"] else ""
        w = 1 + min(4.0, d["strength"])
        tip = html.escape(f"{g.nodes[a]['name']} – {g.nodes[b]['name']}: {d['grounds']} ({d['time']})")
        out.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                   f'stroke="{PALETTE.get(d["type"], "#555")}" stroke-width="{w:.1f}" '
                   f'stroke-opacity="0.75"{dash}><title>{tip}</title></line>')
    for n, d in sorted(g.nodes(data=True)):
        x, y = xy(n)
        r = 4 + min(10, g.degree(n))
        out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r}" fill="{NODE_COLOURS.get(d["kind"], "#7f8c8d")}">'
                   f'<title>{html.escape(d["name"])}</title></circle>')
        anchor = "end" if x > width - 70 else "start" if x < 70 else "middle"
        out.append(f'<text x="{x:.1f}" y="{y - r - 3:.1f}" font-size="11" text-anchor="{anchor}" '
                   f'stroke="#fff" stroke-width="3" paint-order="stroke">{html.escape(d["name"])}</text>')
    out.extend(_legend(g, height - legend_h + 10))
    out.append("</svg>")
    return "\n".join(out)


def _place(g: nx.Graph, box: tuple[float, float, float, float], seed: int) -> dict:
    """Spring layout of one connected group, scaled into box (x, y, w, h) with a margin for labels."""
    x0, y0, w, h = box
    if len(g) == 1:
        return {next(iter(g)): (x0 + w / 2, y0 + h / 2)}
    if len(g) == 2:                          # a pair stacked, so its labels never collide
        a, b = sorted(g)
        return {a: (x0 + w / 2, y0 + min(h * 0.3, 40)), b: (x0 + w / 2, y0 + h - min(h * 0.2, 20))}
    ordered = nx.Graph()                     # the same drawing on every run, whatever the set order
    ordered.add_nodes_from(sorted(g))
    ordered.add_edges_from(sorted(tuple(sorted((a, b))) for a, b in g.edges()))
    raw = nx.spring_layout(ordered, seed=seed, k=2.2 / len(g) ** 0.5, iterations=300)
    xs = [float(p[0]) for p in raw.values()]
    ys = [float(p[1]) for p in raw.values()]
    mx, my = min(60.0, w * 0.15), min(30.0, h * 0.15)
    sx, sy = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    return {n: (x0 + mx + (float(p[0]) - min(xs)) / sx * (w - 2 * mx),
                y0 + my + 8 + (float(p[1]) - min(ys)) / sy * (h - 2 * my - 8)) for n, p in raw.items()}


def _shelves(sizes: list[int], width: float, height: float, unit: float) -> list[tuple] | None:
    """Boxes (x, y, w, h) for groups of the given sizes, area proportional to size, packed in
    rows left to right; None when they do not fit."""
    boxes, x, y, row_h = [], 0.0, 0.0, 0.0
    for n in sizes:
        h = unit * (n ** 0.65)
        w = min(width, h * (1.5 if n > 2 else 1.0))
        if x + w > width + 1e-6:
            x, y, row_h = 0.0, y + row_h, 0.0
        if y + h > height + 1e-6:
            return None
        boxes.append((x, y, w, h))
        x, row_h = x + w, max(row_h, h)
    return boxes


def _layout(g: nx.Graph, width: float, height: float) -> dict:
    """Pixel positions: the largest connected group on the left, the others packed beside it
    with room in proportion to their size, so separate circles don't squeeze each other."""
    groups = sorted((sorted(c) for c in nx.connected_components(g)), key=lambda c: (-len(c), c[0]))
    if not groups:
        return {}
    main, rest = groups[0], groups[1:]
    share = 1.0 if not rest else max(0.5, min(0.75, len(main) / len(g) + 0.15))
    pos = _place(g.subgraph(main), (0, 0, width * share, height), seed=7)
    if rest:
        x0, w = width * share, width * (1 - share)
        sizes = [len(c) for c in rest]
        lo, hi = 1.0, max(w, height)
        for _ in range(30):                  # the largest unit at which every group still fits
            mid = (lo + hi) / 2
            lo, hi = (mid, hi) if _shelves(sizes, w, height, mid) else (lo, mid)
        boxes = _shelves(sizes, w, height, lo) or [(0, 0, w, height)] * len(rest)
        for i, (group, (bx, by, bw, bh)) in enumerate(zip(rest, boxes)):
            pos.update(_place(g.subgraph(group), (x0 + bx, by, bw, bh), seed=8 + i))
    return pos


def _legend(g: nx.Graph, y: int) -> list[str]:
    types = sorted({d["type"] for _, _, d in g.edges(data=True)})
    out, x = [], 20
    for t in types:
        out.append(f'<line x1="{x}" y1="{y}" x2="{x + 24}" y2="{y}" stroke="{PALETTE.get(t, "#555")}" '
                   f'stroke-width="3"/><text x="{x + 30}" y="{y + 4}" font-size="11">'
                   f'{html.escape(t.replace("_", " "))}</text>')
        x += 40 + 7 * len(t)
    out.append(f'<line x1="20" y1="{y + 22}" x2="44" y2="{y + 22}" stroke="#555" stroke-width="2"/>'
               f'<text x="50" y="{y + 26}" font-size="11">documented</text>'
               f'<line x1="140" y1="{y + 22}" x2="164" y2="{y + 22}" stroke="#555" stroke-width="2" '
               f'stroke-dasharray="5 4"/><text x="170" y="{y + 26}" font-size="11">inferred</text>')
    kinds = sorted({d["kind"] for _, d in g.nodes(data=True)})
    x = 260
    for k in kinds:
        out.append(f'<circle cx="{x}" cy="{y + 22}" r="6" fill="{NODE_COLOURS.get(k, "#7f8c8d")}"/>'
                   f'<text x="{x + 10}" y="{y + 26}" font-size="11">{html.escape(k)}</text>')
        x += 30 + 7 * len(k)
    return out
