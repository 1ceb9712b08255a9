"""The affinity chart as a static, self-contained SVG for the dossier.

The strongest actors and links only (`to_svg(max_nodes=...)`), the largest connected
group on the left and the others packed beside it; labels are placed where they do not
cover another label or another node. The drawing is the same on every run.
"""

from __future__ import annotations

import html

import networkx as nx


PALETTE = {"espionage": "#c0392b", "social": "#2980b9", "family": "#8e44ad", "employment": "#27ae60",
           "membership": "#16a085", "education": "#d35400", "official": "#7f8c8d",
           "same_organisation": "#16a085", "same_college": "#d35400", "shared_contact": "#95a5a6",
           "co_presence": "#f39c12"}
NODE_COLOURS = {"person": "#34495e", "organisation": "#1abc9c", "college": "#e67e22", "place": "#9b59b6"}


def _top(graph: nx.Graph, max_nodes: int) -> nx.Graph:
    weight = {n: sum(d["strength"] for _, _, d in graph.edges(n, data=True)) for n in graph}
    keep = sorted(graph, key=lambda n: (-weight[n], graph.nodes[n]["name"], n))[:max_nodes]
    sub = graph.subgraph(keep)
    # strongest first, ties by the two ids in sorted order: an undirected edge's (u, v) follows
    # the order its nodes were added, which need not be the same from one run to the next
    edges = sorted(sub.edges(data=True), key=lambda e: (-e[2]["strength"], *sorted(e[:2])))
    out = nx.Graph()
    out.add_nodes_from((n, graph.nodes[n]) for n in keep)
    out.add_edges_from(edges[: max_nodes * 3])
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
    for a, b, d in sorted(g.edges(data=True), key=lambda e: (e[2]["strength"], *sorted(e[:2]))):
        (x1, y1), (x2, y2) = xy(a), xy(b)
        dash = (' stroke-dasharray="5 4"' if d["inferred"] else
                ' stroke-dasharray="1.5 4" stroke-linecap="round"' if d.get("alleged") else "")
        w = 1 + min(4.0, d["strength"])
        how = "inferred: " if d["inferred"] else "alleged or hedged: " if d.get("alleged") else ""
        tip = html.escape(f"{g.nodes[a]['name']} – {g.nodes[b]['name']}: {how}{d['grounds']} ({d['time']})")
        out.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                   f'stroke="{PALETTE.get(d["type"], "#555")}" stroke-width="{w:.1f}" '
                   f'stroke-opacity="0.75"{dash}><title>{tip}</title></line>')
    labels = _labels(g, pos, width, height - legend_h)
    for n, d in sorted(g.nodes(data=True)):
        x, y = xy(n)
        out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{_radius(g, n)}" '
                   f'fill="{NODE_COLOURS.get(d["kind"], "#7f8c8d")}"><title>{html.escape(d["name"])}</title></circle>')
    for n, d in sorted(g.nodes(data=True)):
        lx, ly, anchor = labels[n]
        out.append(f'<text x="{lx:.1f}" y="{ly:.1f}" font-size="11" text-anchor="{anchor}" '
                   f'stroke="#fff" stroke-width="3" paint-order="stroke">{html.escape(d["name"])}</text>')
    out.extend(_legend(g, height - legend_h + 10))
    out.append("</svg>")
    return "\n".join(out)


CHAR_W, LINE_H = 6.2, 12.0      # an 11px sans-serif label: width per character, height


def _radius(g: nx.Graph, n) -> int:
    return 4 + min(10, g.degree(n))


def _box(x: float, y: float, anchor: str, text_w: float) -> tuple[float, float, float, float]:
    """The rectangle (x0, y0, x1, y1) a label drawn at baseline (x, y) covers."""
    x0 = x - text_w / 2 if anchor == "middle" else x - text_w if anchor == "end" else x
    return x0, y - LINE_H + 2, x0 + text_w, y + 3


def _overlap(a, b) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def _labels(g: nx.Graph, pos: dict, width: float, height: float) -> dict:
    """(x, y, anchor) of each node's label: above, below, right or left of its node, the
    first that covers no other label or node (the best on offer when none is free);
    busier nodes choose first."""
    nodes = [(x - r, y - r, x + r, y + r) for n, (x, y) in pos.items() for r in [_radius(g, n)]]
    placed: list[tuple] = []
    out = {}
    for n in sorted(g, key=lambda n: (-g.degree(n), g.nodes[n]["name"])):
        (x, y), r = pos[n], _radius(g, n)
        text_w = CHAR_W * len(g.nodes[n]["name"])
        middle = "end" if x + text_w / 2 > width else "start" if x - text_w / 2 < 0 else "middle"
        options = [(x, y - r - 3, middle), (x, y + r + LINE_H, middle),
                   (x + r + 3, y + 4, "start"), (x - r - 3, y + 4, "end")]
        best, best_cost = options[0], None
        for lx, ly, anchor in options:
            box = _box(lx, ly, anchor, text_w)
            outside = max(0.0, -box[0]) + max(0.0, box[2] - width) + max(0.0, -box[1]) + max(0.0, box[3] - height)
            cost = sum(_overlap(box, o) for o in placed) + sum(_overlap(box, o) for o in nodes) / 4 \
                + outside * LINE_H
            if best_cost is None or cost < best_cost:
                best, best_cost = (lx, ly, anchor), cost
            if cost == 0:
                break
        placed.append(_box(best[0], best[1], best[2], text_w))
        out[n] = best
    return out


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
               f'stroke-dasharray="5 4"/><text x="170" y="{y + 26}" font-size="11">inferred</text>'
               f'<line x1="230" y1="{y + 22}" x2="254" y2="{y + 22}" stroke="#555" stroke-width="2" '
               f'stroke-dasharray="1.5 4" stroke-linecap="round"/>'
               f'<text x="260" y="{y + 26}" font-size="11">alleged or hedged</text>')
    kinds = sorted({d["kind"] for _, d in g.nodes(data=True)})
    x = 380
    for k in kinds:
        out.append(f'<circle cx="{x}" cy="{y + 22}" r="6" fill="{NODE_COLOURS.get(k, "#7f8c8d")}"/>'
                   f'<text x="{x + 10}" y="{y + 26}" font-size="11">{html.escape(k)}</text>')
        x += 30 + 7 * len(k)
    return out
