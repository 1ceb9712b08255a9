"""The affinity graph's exports: GEXF and GraphML for Gephi, CSV and JSON (`collingwood graph --format`)."""

from __future__ import annotations

import csv
import io

import networkx as nx

from ..analyse.affinity import ranked_edges
from .json_text import indented


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


def to_csv(graph: nx.Graph) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["source", "source_name", "target", "target_name", *EDGE_FIELDS[2:]])
    for a, b, d in ranked_edges(graph):
        w.writerow([a, graph.nodes[a]["name"], b, graph.nodes[b]["name"],
                    *(d[k] for k in EDGE_FIELDS[2:])])
    return out.getvalue()


def to_json(graph: nx.Graph) -> str:
    return indented(to_records(graph))


def to_records(graph: nx.Graph) -> dict:
    """The graph as `collingwood graph --format json` gives it, as plain dicts and lists."""
    nodes = [{"id": n, "name": d["name"], "kind": d["kind"], "degree": d["degree"]}
             for n, d in sorted(graph.nodes(data=True))]
    edges = [{"source": a, "target": b, "type": d["type"], "inferred": d["inferred"],
              "alleged": d.get("alleged", False),
              "grounds": d["grounds"], "strength": d["strength"],
              "claims": d["claims"].split(";") if d["claims"] else [],
              "sources": d["sources"].split(";") if d["sources"] else [],
              "time": {"earliest": d["earliest"], "latest": d["latest"], "text": d["time"]}
              if d["earliest"] else None} for a, b, d in ranked_edges(graph)]
    return {"nodes": nodes, "edges": edges}
