"""Steps 7-9 wired to a case: witness register, open questions, hypotheses.

The judging itself is pure (``analyse.witnesses``, ``analyse.questions``,
``analyse.hypotheses``); this module reads the analyst's overrides and
hypothesis sets from the store, and builds the dossier sections.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from .analyse import grading
from .analyse import hypotheses as ach
from .analyse.affinity import affinity_graph
from .analyse.witnesses import check_override, disputed_events, witness_register
from .case import Case
from .errors import ConfigError, NotFound
from .model import CaseData, Finding
from .report import Section, partial
from .report.hypotheses_html import matrix_html
from .resolve import Resolution
from .results import Results


@dataclass
class Judgment:
    register: list
    disputed: list
    questions: list
    matrices: list


def register_for(case: Case, data: CaseData, res: Resolution, found: list[Finding], graph=None):
    """The witness register computed afresh (the analysis run's own step; views read
    `analysis.results(case).register` instead)."""
    graph = graph if graph is not None else affinity_graph(data, res)
    return witness_register(data, res, found, overrides=case.store.judgments(), graph=graph)


def judge(case: Case, stored: Results) -> Judgment:
    """The dossier's judgment sections from the stored run: its register and open questions,
    the disputed events and the hypotheses matrices weighed by that register."""
    data, res, found, register = stored.data, stored.res, stored.findings, stored.register
    return Judgment(
        register=register,
        disputed=disputed_events(data, res, found, register),
        questions=stored.questions,
        matrices=[ach.ach_matrix(s, data, res, found, register) for s in hypothesis_sets(case)],
    )


# --- hypotheses in the store ---------------------------------------------------

def hypothesis_sets(case: Case) -> list[ach.HypothesisSet]:
    out = []
    for entry in case.store.hypothesis_sets():
        ratings = [{k: v for k, v in r.items() if k != "by"} for r in entry["ratings"]]
        raw = {"question": entry["question"], "hypotheses": entry["hypotheses"], "ratings": ratings}
        out.append(ach.parse_hypotheses(raw, entry["file"]))
    return out


def rate(case: Case, question: str | None, hypothesis: str, evidence: str, rating: str,
         note: str = "") -> None:
    """Record the analyst's rating of one cell of a matrix (wins over the machine's)."""
    rating = rating.upper()
    if rating not in ach.RATINGS:
        raise ConfigError(f"Rating must be one of {', '.join(ach.RATINGS)}, not {rating!r}.")
    case.store.set_rating(_question(case, question), hypothesis, evidence, rating, note)


def _question(case: Case, question: str | None) -> str:
    known = [e["question"] for e in case.store.hypothesis_sets()]
    if not known:
        raise NotFound("This case has no hypotheses yet; ingest a *.hypotheses.yaml file first.")
    if question is None:
        if len(known) > 1:
            raise ConfigError("This case has several questions; name one with --question.")
        return known[0]
    matches = [q for q in known if question.lower() in q.lower()]
    if len(matches) != 1:
        raise NotFound(f"{len(matches) or 'No'} questions contain {question!r}; known: {'; '.join(known)}")
    return matches[0]


def add_override(case: Case, witness: str, target: str, value: str, note: str = "",
                 check: bool = False) -> None:
    """Record the analyst's judgment; with `check`, the witness and the claim must exist."""
    check_override({"witness": witness, "target": target, "value": value, "note": note})
    if check:
        _check_target(case, witness, target)
    case.store.add_judgment(witness, target, value, note)


def _check_target(case: Case, witness: str, target: str) -> None:
    from .analysis_run import results
    from .resolve import norm
    stored = results(case, "judge")
    res, register = stored.res, stored.register
    names = {norm(w.witness) for w in register}
    if norm(witness) not in names:
        known = "; ".join(w.witness for w in register)
        raise NotFound(f"No witness called {witness!r} in the register; known: {known}.")
    cid = target.split(":", 1)[1] if target.startswith("credibility:") else target
    if target != "grade" and cid not in res.claims:
        raise NotFound(f"No claim {cid!r} in the case; see `collingwood claims --json` for ids.")


# --- dossier ----------------------------------------------------------------

def credibility(j: Judgment) -> dict:
    """Each claim's credibility (1-6, with its reason) from the witness register."""
    return {cid: cred for w in j.register for cid, cred in w.credibility.items()}


def judgment_sections(j: Judgment, data: CaseData, figures: dict) -> list[Section]:
    figures["witnesses"] = len(j.register)
    figures["open questions"] = len(j.questions)
    sections = [
        Section("witnesses", "Witness register", partial(
            "witnesses", register=j.register, disputed=j.disputed, data=data,
            grade_labels=grading.LABELS, credibility_labels=grading.CREDIBILITY),
            "Each witness graded A–F by the rule in docs/judgment.md, with the rule's reasons; "
            "untrue statements typed as omission, deception or fabrication, with their findings. "
            "On disputed events, peripheral observers are listed first."),
        Section("questions", "Open questions", partial("questions", questions=j.questions, data=data),
                "Questions the record leaves open: disputed events, hedged claims, unexplained endings, "
                "gaps in an actor's timeline."),
    ]
    if j.matrices:
        body = "".join(str(partial("matrix", html=matrix_html(m), m=m)) for m in j.matrices)
        sections.append(Section("hypotheses", "Competing hypotheses", Markup(body), ach.CAVEAT))
    return sections
