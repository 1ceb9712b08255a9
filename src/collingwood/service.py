"""The application layer beside `Case`: what the commands (and later the web pages) ask of a case.

Every face calls these functions or `Case` methods; they are the only place that reaches into
ingest, extract, analyse and report, so the faces stay thin and data flows one way
(docs/architecture.md).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:   # the faces open cases; `extract FILE --jsonl` never loads the store
    from .case import Case

# --- ingest and extract -------------------------------------------------------


def count_work(paths: list[Path]) -> int:
    """How many files an ingest of ``paths`` reads (for a progress bar)."""
    from .ingest.stage import count_work as count
    return count(paths)


def reading_note(reading: dict | None) -> str:
    """How a source's text was read (OCR, encoding ...), in a few words."""
    from .ingest.stage import reading_note as note
    return note(reading)


def extract_text(text: str, source_id: str, anchor: str | None = None, extractor: str | None = None):
    """Mentions and claims proposed from one text, outside any case."""
    from .extract import extract_text as run
    return run(text, source_id=source_id, anchor=anchor, **({"extractor": extractor} if extractor else {}))


def text_records(result) -> list[dict]:
    """The JSON lines of `extract_text`: mentions first, then claims."""
    from .extract import claim_record, mention_record
    return [mention_record(m) for m in result.mentions] + [claim_record(c) for c in result.claims]


def date_records(text: str, anchor: str | None = None, written: str | None = None) -> list[dict]:
    """The time expressions of a text, normalised, one record each."""
    from .extract.dates import tag_dates, timex_record
    return [timex_record(m) for m in tag_dates(text, anchor=anchor, written=written)]


# --- editing -------------------------------------------------------------------


def edit_claim(case: Case, claim_id: str, changes: dict, expected_version: int):
    """Change a claim's fields as a new version (see `Case.edit_claim`); StaleVersion when the
    claim is no longer at ``expected_version``."""
    return case.edit_claim(claim_id, changes, expected_version)


def claim_history(case: Case, claim_id: str):
    return case.claim_history(claim_id)


def curate(case: Case, kind: str, name: str, other: str) -> tuple[bool, list[str]]:
    """Record a merge (``name`` denotes ``other``) or a split (it does not), with the entity ids
    both names denote now. A merge into a name no entity carries is not recorded: (False, every
    entity's name, for 'did you mean')."""
    _, res = case.resolved()
    others, names = res.find(other), res.find(name)
    if kind == "merge" and not others:
        return False, sorted({e.name for e in res.entities.values()})
    case.add_curation(kind, name, other, names[0] if len(names) == 1 else None,
                      others[0] if len(others) == 1 else None)
    return True, []


def date_bound(text: str | None):
    """A period bound as the user typed it ('1939', 'autumn 1943'), or None; a coded error
    when it is not a date."""
    if not text:
        return None
    from .errors import ConfigError
    from .timespan import parse_when
    try:
        return parse_when(text)
    except ValueError as e:
        raise ConfigError(f"Can't read the date {text!r}: {e}") from e


def case_entity_of(case: Case) -> dict[str, dict[str, str]]:
    """Entity id -> the one case entity it belongs to across sources (id and name), from the
    stored analysis."""
    res = analysed(case, "entities").res
    return {eid: {"id": root, "name": res.name(root)} for eid, root in res.root_of.items()}


# --- reading the analysis -----------------------------------------------------
# Every read goes through `analysis_run.results`: the latest stored run, analysed once first
# when the case changed since. Nothing here runs a detector or resolves a name itself.


def analysed(case: Case, trigger: str = "read"):
    """The case's stored analysis results (`results.Results`), run first when stale."""
    from .analysis_run import results
    return results(case, trigger)


def analysis_runs(case: Case) -> list[dict]:
    """Every analysis run of the case, oldest first: when, what asked for it, counts."""
    return case.store.analysis_runs()


def chronology(case: Case, fmt: str, actor=None, track=None, start=None, end=None) -> str:
    return "".join(chronology_chunks(case, fmt, actor=actor, track=track, start=start, end=end))


def chronology_chunks(case: Case, fmt: str, actor=None, track=None, start=None, end=None) -> Iterator[str]:
    """The chronology's text in pieces, entry by entry, each entry's versions made as it is
    written and let go after (`chronology_export.CHUNKS`). The analysis (and any error of
    the filters) comes before the first piece."""
    from .analyse.chronology import outline, versions
    from .report.chronology_export import CHUNKS
    stored = analysed(case, "chronology")
    data, res = stored.data, stored.res
    entries = outline(data, res, actor=actor, track=track, start=start, end=end)
    return CHUNKS[fmt](entries, res, lambda e: versions(e.event, data, res))


def findings(case: Case, kind: str | None = None):
    """The current findings (of one type), with what `finding_record` needs: (items, data, res)."""
    stored = analysed(case, "findings")
    items = [f for f in stored.findings if not kind or f.type == kind]
    return items, stored.data, stored.res


def finding_record(finding, data, res) -> dict:
    from .analyse.findings import finding_record as record
    return record(finding, data, res)


def finding_ids(case: Case) -> set[str]:
    return {f.id for f in analysed(case, "verdict").findings}


def known_entity(case: Case, name: str) -> tuple[bool, list[str]]:
    """Whether ``name`` names a resolved entity, and every entity's name (for 'did you mean')."""
    res = analysed(case, "merge").res
    return bool(res.find(name)), sorted({e.name for e in res.entities.values()})


def profile(case: Case, name: str, as_json: bool = False) -> str:
    from .analyse import biography
    stored = analysed(case, "profile")
    p = biography.profile(stored.data, stored.res, name)
    biography.set_grading(p, stored.grading(p.id))
    return biography.profile_json(p) if as_json else biography.profile_markdown(p)


def graph(case: Case, fmt: str, at=None, period=None, min_strength: float = 0.0) -> str:
    from .analyse import affinity
    from .report import affinity_export as export
    from .report import affinity_svg
    stored = analysed(case, "graph")
    if stored.graph is not None and at is None and period is None and not min_strength:
        g = stored.graph
    else:
        g = affinity.affinity_graph(stored.data, stored.res, at=at, min_strength=min_strength, period=period)
    render = {"svg": affinity_svg.to_svg, "gexf": export.to_gexf, "graphml": export.to_graphml,
              "csv": export.to_csv, "json": export.to_json}[fmt]
    return render(g)


def write_dossier(case: Case, dest: Path) -> str:
    """Write the dossier of the case's stored analysis to ``dest``; the analysis summary."""
    from . import report
    from .analysis import build_dossier, run_analysis
    result = run_analysis(case, trigger="dossier")
    report.write(build_dossier(case, result), dest)
    return result.summary()


def witnesses(case: Case):
    return analysed(case, "witnesses").register


def witness_record(w) -> dict:
    from .analyse.witnesses import witness_record as record
    return record(w)


def questions(case: Case):
    return analysed(case, "questions").questions


def questions_markdown(qs) -> str:
    from .analyse.questions import questions_markdown as md
    return md(qs)


def hypothesis_sets(case: Case, question: str | None = None):
    from .judgment import hypothesis_sets as sets_of
    sets = sets_of(case)
    if question:
        sets = [s for s in sets if question.lower() in s.question.lower()]
    return sets


def matrices(case: Case, sets) -> list:
    """The competing-hypotheses matrix of each set, weighed by the stored witness register."""
    from .analyse import hypotheses as ach
    stored = analysed(case, "hypotheses")
    return [ach.ach_matrix(hset, stored.data, stored.res, stored.findings, stored.register) for hset in sets]


def matrix_json(m) -> dict:
    from .analyse.hypotheses import matrix_json as as_json
    return as_json(m)


def matrix_markdown(m) -> str:
    from .analyse.hypotheses import matrix_markdown as md
    return md(m)
