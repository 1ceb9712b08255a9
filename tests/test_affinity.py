"""Affinity: documented and inferred edges, strength, filters and exports that parse."""

import csv
import io
import json
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from collingwood.analyse.affinity import MAX_INFERRED, MAX_MEMBERS, affinity_graph
from collingwood.report.affinity_export import to_csv, to_gexf, to_graphml, to_json
from collingwood.report.affinity_svg import to_svg
from collingwood.resolve import resolve


@pytest.fixture
def ring(build):
    build.source("a", "A", authors=["Author A"])
    build.source("b", "B", authors=["Author B"])
    return build.case([
        build.claim("James Klugmann", "recruited", "John Cairncross", "1936", "a"),
        build.claim("James Klugmann", "recruited", "John Cairncross", "1936", "b"),
        build.claim("John Cairncross", "knew", "Guy Burgess", "1940", "a"),
        build.claim("John Cairncross", "knew", "Anthony Blunt", "1935", "a", polarity="denied"),
        build.claim("John Cairncross", "studied_at", "Trinity College", "1934 to 1936", "a"),
        build.claim("Anthony Blunt", "studied_at", "Trinity College", "1926 to 1935", "a"),
        build.claim("Kim Philby", "studied_at", "Trinity College", "1929 to 1933", "a"),
        build.claim("Kim Philby", "visited", "Beirut", "23 January 1963", "a"),
        build.claim("Nicholas Elliott", "visited", "Beirut", "23 January 1963", "b"),
    ])


def _edge(g, res, a, b):
    return g.edges[res.find(a)[0], res.find(b)[0]]


def test_affinity_documented_strength_counts_witnesses(ring):
    res = resolve(ring)
    g = affinity_graph(ring, res)
    e = _edge(g, res, "James Klugmann", "John Cairncross")
    assert (e["inferred"], e["strength"], e["type"]) == (False, 2.0, "espionage")


def test_affinity_denied_claim_is_no_edge_but_inferred_grounds_are(ring):
    res = resolve(ring)
    g = affinity_graph(ring, res)
    e = _edge(g, res, "John Cairncross", "Anthony Blunt")
    assert e["inferred"] and e["type"] == "same_college" and "Trinity College" in e["grounds"]
    assert not g.has_edge(res.find("John Cairncross")[0], res.find("Kim Philby")[0])  # no overlap


def test_affinity_inferred_weaker_than_documented(ring):
    res = resolve(ring)
    g = affinity_graph(ring, res)
    for _, _, d in g.edges(data=True):
        assert d["strength"] <= MAX_INFERRED if d["inferred"] else d["strength"] >= 1
    shared = _edge(g, res, "James Klugmann", "Guy Burgess")
    assert shared["type"] == "shared_contact" and "John Cairncross" in shared["grounds"]
    presence = _edge(g, res, "Kim Philby", "Nicholas Elliott")
    assert presence["type"] == "co_presence"


def test_affinity_filters(ring):
    res = resolve(ring)
    strong = affinity_graph(ring, res, min_strength=1.0)
    assert all(not d["inferred"] for _, _, d in strong.edges(data=True))
    early = affinity_graph(ring, res, at="1936")
    assert not early.has_edge(res.find("John Cairncross")[0], res.find("Guy Burgess")[0])


def test_affinity_exports_parse(ring):
    g = affinity_graph(ring, resolve(ring))
    back = nx.read_gexf(io.BytesIO(to_gexf(g).encode()))
    assert back.number_of_edges() == g.number_of_edges()
    back = nx.read_graphml(io.BytesIO(to_graphml(g).encode()))
    assert back.number_of_nodes() == g.number_of_nodes()
    data = json.loads(to_json(g))
    assert set(data["edges"][0]) == {"source", "target", "type", "inferred", "alleged", "grounds",
                                     "strength", "claims", "sources", "time"}
    assert len(list(csv.DictReader(io.StringIO(to_csv(g))))) == g.number_of_edges()


def test_affinity_svg_is_self_contained(ring):
    g = affinity_graph(ring, resolve(ring))
    svg = to_svg(g, max_nodes=5)
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg")
    assert "href" not in svg and "stroke-dasharray" in svg and "documented" in svg
    assert svg.count("<circle") <= 5 + 4        # nodes plus legend swatches


def test_affinity_layout_does_not_depend_on_insertion_order():
    from collingwood.report.affinity_svg import _layout

    edges = [("a", "b"), ("b", "c"), ("c", "d"), ("d", "a"), ("a", "c"), ("x", "y")]
    one, two = nx.Graph(), nx.Graph()
    one.add_edges_from(edges)
    two.add_edges_from(reversed([(b, a) for a, b in edges]))
    assert _layout(one, 800, 600) == _layout(two, 800, 600)


def test_affinity_svg_does_not_depend_on_insertion_order():
    """Ties in strength at the cut of the strongest links, and in the drawing order, are
    broken by the ids, not by the order the graph was built in."""
    people = [f"p{i}" for i in range(8)]
    pairs = [(a, b) for i, a in enumerate(people) for b in people[i + 1:]]

    def build(order):
        g = nx.Graph()
        for n in (people if order > 0 else reversed(people)):
            g.add_node(n, name=f"Person {n}", kind="person")
        for a, b in (pairs if order > 0 else reversed(pairs)):
            u, v = (a, b) if order > 0 else (b, a)
            g.add_edge(u, v, type="social", inferred=False, strength=1.0, grounds="met", time="1940")
        return g

    one, two = to_svg(build(1), max_nodes=4), to_svg(build(-1), max_nodes=4)
    assert one == two
    assert one.count("stroke-opacity=\"0.75\"") == 6     # the four strongest actors' links, each once


def test_affinity_labels_do_not_cover_each_other():
    from collingwood.report.affinity_svg import _box, _labels, _overlap

    g = nx.Graph()
    names = {"a": "Hungarian Communist Party", "b": "Kim Philby", "c": "Stanislav Lunev", "d": "Viktor Suvorov"}
    for n, name in names.items():
        g.add_node(n, name=name)
    g.add_edges_from([("a", "b"), ("c", "d")])
    pos = {"a": (300.0, 200.0), "b": (240.0, 200.0), "c": (300.0, 260.0), "d": (250.0, 262.0)}
    labels = _labels(g, pos, 800, 600)
    boxes = [_box(x, y, anchor, 6.2 * len(names[n])) for n, (x, y, anchor) in labels.items()]
    assert all(_overlap(p, q) == 0 for i, p in enumerate(boxes) for q in boxes[i + 1:])


def test_affinity_alleged_links_drawn_unlike_documented(build):
    from collingwood.report.affinity_svg import to_svg

    data = build.case([build.claim("Guy Burgess", "recruited", "Anthony Blunt", "1937", "a"),
                       build.claim("Arnold Deutsch", "handled", "Kim Philby", "1934", "b",
                                   modality="alleged")])
    g = affinity_graph(data, resolve(data))
    alleged = {frozenset((g.nodes[a]["name"], g.nodes[b]["name"])): d["alleged"]
               for a, b, d in g.edges(data=True)}
    assert alleged == {frozenset(("Guy Burgess", "Anthony Blunt")): False,
                       frozenset(("Arnold Deutsch", "Kim Philby")): True}
    svg = to_svg(g)
    assert svg.count('stroke-dasharray="1.5 4"') == 2          # the alleged link and its legend
    assert "alleged or hedged" in svg


def test_focus_graph_keeps_the_key_actors_groups_and_is_always_its_own_graph():
    from collingwood.analysis import focus_graph

    g = nx.Graph()
    g.add_edges_from([("a", "b"), ("b", "c"), ("x", "y")])
    assert set(focus_graph(g, {"a"})) == {"a", "b", "c"}
    for actors in ({"a"}, {"a", "x"}, {"nobody"}):          # some groups, every group, none
        shown = focus_graph(g, actors)
        shown.add_edge("new", "node")
        assert "new" not in g


def test_a_membership_told_by_several_sources_is_one_co_membership(build):
    build.source("a", "A", authors=["Author A"])
    build.source("b", "B", authors=["Author B"])
    build.source("c", "C", authors=["Author C"])
    data = build.case([
        build.claim("Alice Arden", "worked_at", "Foreign Office", "1936 to 1938", "a"),
        build.claim("Alice Arden", "worked_at", "Foreign Office", "1936 to 1938", "b"),
        build.claim("Alice Arden", "worked_at", "Foreign Office", "1937", "c"),
        build.claim("Brian Bell", "worked_at", "Foreign Office", "1937 to 1939", "a"),
        build.claim("Carl Croft", "worked_at", "Foreign Office", "1930 to 1931", "a"),
        build.claim("Carl Croft", "worked_at", "Foreign Office", "1937", "b"),
    ])
    res = resolve(data)
    g = affinity_graph(data, res)
    e = _edge(g, res, "Alice Arden", "Brian Bell")
    assert e["type"] == "same_organisation" and e["strength"] == 0.5   # one stay each: one link
    assert len(e["claims"].split(";")) == 4                          # every source's claim kept
    croft = _edge(g, res, "Carl Croft", "Brian Bell")
    assert croft["strength"] == 0.5 and "1937" in croft["grounds"]     # only the stay that overlaps


_GIVEN = ["Anna", "Boris", "Clara", "David", "Elena", "Felix", "Greta", "Hugo", "Irina", "Jonas", "Karl", "Lena", "Mikhail"]
_FAMILY = ["Arden", "Bell"]


@pytest.mark.parametrize("members, linked", [(MAX_MEMBERS, True), (MAX_MEMBERS + 1, False)])
def test_a_body_with_more_members_at_once_than_a_circle_infers_no_co_membership(build, members, linked):
    build.source("a", "A", authors=["Author A"])
    names = [f"{g} {f}" for f in _FAMILY for g in _GIVEN][:members]
    data = build.case([build.claim(n, "worked_at", "Ministry of Supply", "1950", "a") for n in names])
    res = resolve(data)
    g = affinity_graph(data, res)
    co = [d for _, _, d in g.edges(data=True) if d.get("type") == "same_organisation"]
    assert len(co) == (members * (members - 1) // 2 if linked else 0)
