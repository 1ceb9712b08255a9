"""Runs the analysis stages over a case and turns them into dossier sections.

Each analysis is a pure function of the case's snapshot (CaseData); this module
only sequences them and persists their results (events, findings) in the store.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .case import Case
from .model import CaseData
from .report import Dossier, Section


@dataclass
class Analysis:
    data: CaseData
    figures: dict[str, int] = field(default_factory=dict)
    sections: list[Section] = field(default_factory=list)

    def summary(self) -> str:
        return ", ".join(f"{v} {k}" for k, v in self.figures.items()) or "no analysis"


def run_analysis(case: Case) -> Analysis:
    return Analysis(data=case.data())


def build_dossier(case: Case, analysis: Analysis) -> Dossier:
    return Dossier(
        title=case.title,
        description=case.store.get_meta("description") or "",
        data=analysis.data,
        sections=analysis.sections,
        figures=dict(analysis.figures),
    )
