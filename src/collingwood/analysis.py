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
from .resolve import Resolution, resolve

KEY_ACTORS = 8          # biographies in the dossier: the most-claimed people
CHART_ACTORS = 50       # nodes in the dossier's affinity chart


@dataclass
class Analysis:
    data: CaseData
    resolution: Resolution | None = None
    findings: list[Finding] = field(default_factory=list)
    figures: dict[str, int] = field(default_factory=dict)
    sections: list[Section] = field(default_factory=list)
    credibility: dict = field(default_factory=dict)       # claim id -> Credibility (1-6)

    def summary(self) -> str:
        return ", ".join(f"{v} {k}" for k, v in self.figures.items()) or "no analysis"


def resolved(case: Case) -> tuple[CaseData, Resolution]:
    data = case.data()
    return data, resolve(data)


def current_findings(data: CaseData, res: Resolution) -> list[Finding]:
    from .analyse.findings import findings
    return findings(data, res)


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


def _sections(case: Case, result: Analysis) -> list[Section]:
    from .analyse import affinity, affinity_svg, biography, chronology
    from .judgment import credibility, judge, judgment_sections
    data, res, found, figures = result.data, result.resolution, result.findings, result.figures
    out = []
    entries = chronology.chronology(data, res)
    out.append(Section("chronology", "Chronology", partial(
        "chronology", entries=entries, data=data, res=res),
        "Events ordered by their time spans; where two spans overlap the order is unknown and "
        "is marked so. Each version shows its witness and how long after the event it was given."))
    out.append(Section("findings", "Findings", partial("findings", findings=found, data=data, res=res),
                       "Contradictions and anomalies in the record, each citing the passages involved."))
    graph = affinity.affinity_graph(data, res)
    judged = judge(case, data, res, found, graph)
    result.credibility = credibility(judged)
    out.extend(judgment_sections(judged, data, figures))
    profiles = [biography.profile(data, res, res.entities[eid].name) for eid in key_people(data, res)]
    out.append(Section("biographies", "Biographies", partial(
        "biographies", profiles=profiles, data=data, res=res),
        f"The {len(profiles)} people the record says most about."))
    svg = affinity_svg.to_svg(graph, max_nodes=CHART_ACTORS)
    figures["links"] = graph.number_of_edges()
    out.append(Section("affinity", "Affinity chart", partial(
        "affinity", svg=Markup(svg), graph=graph, data=data, res=res),
        "Documented links are solid, inferred links dashed; the strongest links of the "
        f"{min(CHART_ACTORS, graph.number_of_nodes())} best-connected actors are drawn."))
    return out


def build_dossier(case: Case, analysis: Analysis) -> Dossier:
    return Dossier(
        title=case.title,
        description=case.store.get_meta("description") or "",
        data=analysis.data,
        sections=analysis.sections,
        figures=dict(analysis.figures),
        credibility=analysis.credibility,
        superseded=dict(analysis.resolution.superseded) if analysis.resolution else {},
    )
