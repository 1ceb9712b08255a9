"""Runs the analysis stages over a case and turns them into dossier sections.

Each analysis is a pure function of the case's snapshot (CaseData) and its
Resolution; this module only sequences them, persists their results (events,
findings) in the store, and hands the report plain objects to render.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from markupsafe import Markup

from .case import Case
from .model import CaseData, Finding
from .report import Dossier, Section, partial
from .resolve import Resolution

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

    def summary(self) -> str:
        return ", ".join(f"{v} {k}" for k, v in self.figures.items()) or "no analysis"


def resolved(case: Case) -> tuple[CaseData, Resolution]:
    return case.resolved()


def current_findings(data: CaseData, res: Resolution) -> list[Finding]:
    return Case.findings(data, res)


def run_analysis(case: Case, sections: bool = True) -> Analysis:
    data, res = resolved(case)
    found = current_findings(data, res)
    _persist(case, res, found)
    result = Analysis(data=data, resolution=res, findings=found)
    result.figures = {"events": len(res.events), "findings": len(found)}
    if sections:
        result.sections = _sections(case, result)
    return result


def _persist(case: Case, res: Resolution, found: list[Finding]) -> None:
    events = [dict(id=e.id, predicate=e.predicate, participants=list(e.participants),
                   time=e.time.to_dict() if e.time else None, place=e.place, track=e.track,
                   claim_ids=list(e.claim_ids)) for e in res.events.values()]
    rows = [dict(id=f.id, type=f.type, severity=f.severity, explanation=f.explanation,
                 claim_ids=list(f.claim_ids)) for f in found]
    case.store.save_analysis(events, rows)


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
    data, res, found, figures = result.data, result.resolution, result.findings, result.figures
    markers = name_markers(data, res)
    result.markers = markers
    out = []
    entries = chronology.chronology(data, res)
    actors = set(key_people(data, res, FOCUS_ACTORS))
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
    graph = affinity.affinity_graph(data, res)
    judged = judge(case, data, res, found, graph)
    result.credibility = credibility(judged)
    out.extend(judgment_sections(judged, data, figures))
    profiles = [biography.profile(data, res, res.entities[eid].name) for eid in key_people(data, res)]
    out.append(Section("biographies", "Biographies", partial(
        "biographies", profiles=profiles, data=data, res=res),
        f"The {len(profiles)} people the record says most about."))
    figures["links"] = graph.number_of_edges()
    out.append(_affinity_section(data, res, graph))
    return out


def focus_graph(graph, actors: set[str]):
    """The connected groups of the graph that hold one of the case's key actors."""
    import networkx as nx
    keep = set()
    for group in nx.connected_components(graph):
        if actors & group:
            keep |= group
    return graph.subgraph(keep).copy() if keep else graph


def _affinity_section(data: CaseData, res: Resolution, graph) -> Section:
    from .analyse import affinity
    from .report import affinity_svg
    period = data.period
    shown = affinity.affinity_graph(data, res, period=period) if period is not None else graph
    shown = focus_graph(shown, set(key_people(data, res, FOCUS_ACTORS)))
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
