"""Turns a case's stored analysis into dossier sections.

Each analysis is a pure function of the case's snapshot (CaseData) and its Resolution;
`analysis_run` runs them once after a change and stores what they found; this module reads
that run and hands the report plain objects to render.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from markupsafe import Markup

from .analysis_run import results
from .case import Case
from .model import CaseData, Finding
from .report import Dossier, Section, partial
from .resolve import Resolution
from .results import Results

KEY_ACTORS = 8          # biographies in the dossier: the most-claimed people
CHART_ACTORS = 50       # nodes in the dossier's affinity chart
FOCUS_ACTORS = 12       # the chronology opens on events of these most-claimed actors


@dataclass
class Analysis:
    data: CaseData
    resolution: Resolution | None = None
    findings: list[Finding] = field(default_factory=list)
    figures: dict[str, int] = field(default_factory=dict)
    sections: list[Section] = field(default_factory=list)
    credibility: dict = field(default_factory=dict)       # claim id -> Credibility (1-6)
    markers: dict = field(default_factory=dict)           # claim id -> resolved names (analyse.names)
    results: Results | None = None                        # the stored run it reads

    def summary(self) -> str:
        return ", ".join(f"{v} {k}" for k, v in self.figures.items()) or "no analysis"


def run_analysis(case: Case, sections: bool = True, trigger: str = "analyse") -> Analysis:
    """The case's stored analysis (run first when stale), with the dossier's sections."""
    stored = results(case, trigger)
    result = Analysis(data=stored.data, resolution=stored.res, findings=stored.findings, results=stored)
    result.figures = {"events": len(stored.res.events), "findings": len(stored.findings)}
    if sections:
        result.sections = _sections(case, result)
    return result


def key_people(data: CaseData, res: Resolution, limit: int = KEY_ACTORS) -> list[str]:
    """The people most claims are about: the dossier's biographies."""
    counts: Counter = Counter()
    for cid in res.claims:
        for eid in (res.subject_of.get(cid), res.object_of.get(cid)):
            if eid and res.entities[eid].kind == "person":
                counts[eid] += 1
    return [eid for eid, _ in counts.most_common(limit)]


def _in_focus(entry, period, actors: set[str]) -> bool:
    """A dated event of the case's period with one of its key actors, or an undated one
    between two of them."""
    t, people = entry.event.time, actors.intersection(entry.event.participants)
    if t is None:
        return len(people) >= 2
    return (period is None or t.intersects(period)) and bool(people)


def _sections(case: Case, result: Analysis) -> list[Section]:
    from .analyse import affinity, biography, chronology, wording
    from .analyse.findings import headline
    from .analyse.names import name_markers
    from .judgment import credibility, judge, judgment_sections
    stored = result.results
    data, res, found, figures = result.data, result.resolution, result.findings, result.figures
    markers = name_markers(data, res)
    result.markers = markers
    out = []
    entries = chronology.chronology(data, res)
    ranked = key_people(data, res, max(KEY_ACTORS, FOCUS_ACTORS))     # most_common: each shorter list a prefix
    actors = set(ranked[:FOCUS_ACTORS])
    focus = [e for e in entries if _in_focus(e, data.period, actors)]
    rest = [e for e in entries if not _in_focus(e, data.period, actors)]
    out.append(Section("chronology", "Chronology", partial(
        "chronology", focus=focus, rest=rest, data=data, res=res, markers=markers),
        f"The {len(focus)} events of the case's period that involve its key actors, ordered by "
        "their time spans; every other event is one click away below. Each version shows its "
        "witness and how long after the event it was given."))
    main = [f for f in found if headline(f)]
    out.append(Section("findings", "Findings", partial(
        "findings", findings=found, main=main, rest=[f for f in found if not headline(f)],
        data=data, res=res, kinds=wording()["kinds"], markers=markers),
        "Contradictions and anomalies in the record, most consequential first, each citing the "
        "passages involved."))
    graph = stored.graph if stored.graph is not None else affinity.affinity_graph(data, res)
    judged = judge(case, stored)
    result.credibility = credibility(judged)
    out.extend(judgment_sections(judged, data, figures))
    grades = {r["key"]: r for r in stored.gradings}
    index = biography.profile_index(data, res)
    profiles = [biography.profile(data, res, res.entities[eid].name, index) for eid in ranked[:KEY_ACTORS]]
    for p in profiles:
        biography.set_grading(p, grades.get(p.id))
    out.append(Section("biographies", "Biographies", partial(
        "biographies", profiles=profiles, data=data, res=res),
        f"The {len(profiles)} people the record says most about."))
    figures["links"] = graph.number_of_edges()
    out.append(_affinity_section(data, res, graph, actors))
    return out


def focus_graph(graph, actors: set[str]):
    """The connected groups of the graph that hold one of the case's key actors (all of it when
    none does): always a graph of its own, never the caller's."""
    import networkx as nx
    keep = set()
    for group in nx.connected_components(graph):
        if actors & group:
            keep |= group
    if not keep or len(keep) == len(graph):    # every group, or none: a plain copy, no filtered view
        return graph.copy()
    return graph.subgraph(keep).copy()


def _affinity_section(data: CaseData, res: Resolution, graph, actors: set[str]) -> Section:
    from .analyse import affinity
    from .report import affinity_svg
    period = data.period
    shown = affinity.affinity_graph(data, res, period=period) if period is not None else graph
    shown = focus_graph(shown, actors)
    svg = affinity_svg.to_svg(shown, max_nodes=CHART_ACTORS)
    full = affinity_svg.to_svg(graph, max_nodes=CHART_ACTORS) if len(shown) < len(graph) else ""
    return Section("affinity", "Affinity chart", partial(
        "affinity", svg=Markup(svg), full_svg=Markup(full), graph=graph, data=data, res=res,
        period=period.render() if period is not None else "",
        focus_nodes=min(CHART_ACTORS, shown.number_of_nodes()), focus_edges=shown.number_of_edges()),
        "The strongest links of the best-connected actors in the case's period, in the groups "
        "that hold its key actors; documented links solid, alleged or hedged ones dotted, "
        "inferred ones dashed. The whole record is one click away below.")


def build_dossier(case: Case, analysis: Analysis) -> Dossier:
    return Dossier(
        title=case.title,
        description=case.description(),
        data=analysis.data,
        sections=analysis.sections,
        figures=dict(analysis.figures),
        credibility=analysis.credibility,
        markers=analysis.markers,
        superseded=dict(analysis.resolution.superseded) if analysis.resolution else {},
    )
