"""The commands over the analysis: chronology, findings, profiles, graphs, curation, dossier."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path

import typer

from .. import service
from ..errors import ConfigError, NotFound
from . import case_commands  # noqa: F401  (registered first: --help lists the case commands first)
from .app import CASE_HELP, Case, _jsonl, _write_or_print, app, err, handles_errors, out


def _open(case: Path) -> Case:
    """The case, telling stderr when a read has to run a long analysis first."""
    c = Case.open(case)
    c.progress = lambda message: err.print(message)
    return c


class ChronologyFormat(str, Enum):
    md = "md"
    csv = "csv"
    json = "json"


class GraphFormat(str, Enum):
    svg = "svg"
    gexf = "gexf"
    graphml = "graphml"
    csv = "csv"
    json = "json"


@app.command()
@handles_errors
def analyse(case: str = typer.Argument(..., help=CASE_HELP)):
    """Resolve entities and events and detect findings; store the results."""
    stored = service.analysed(_open(case), "analyse")
    counts = stored.run["counts"]
    out.print(f"analyse: {counts['events']} events, {counts['findings']} findings "
              f"(analysis run {stored.run['id']}, {stored.run['mode']})")


@app.command()
@handles_errors
def chronology(case: str = typer.Argument(..., help=CASE_HELP),
               actor: str = typer.Option(None, help="Only events this person or organisation took part in."),
               track: str = typer.Option(None, help="political | military | intelligence | culture_science | personal"),
               start: str = typer.Option(None, "--from", help="Period start (fuzzy date: 1939, 'autumn 1939')."),
               end: str = typer.Option(None, "--to", help="Period end (fuzzy date)."),
               fmt: ChronologyFormat = typer.Option(ChronologyFormat.md, "--format", help="md, csv or json."),
               dest: Path = typer.Option(None, "--out", help="Write to this file instead of printing.")):
    """One chronology: events ordered by their time spans, every version side by side."""
    from ..model import TRACKS
    if track and track not in TRACKS:
        raise ConfigError(f"Unknown track {track!r}; use one of {', '.join(TRACKS)}.")
    c = _open(case)
    lo, hi = service.date_bound(start), service.date_bound(end)
    _write_or_print(service.chronology_chunks(c, fmt.value, actor=actor, track=track, start=lo, end=hi), dest)


@app.command()
@handles_errors
def findings(case: str = typer.Argument(..., help=CASE_HELP),
             as_json: bool = typer.Option(False, "--json", help="One JSON object per finding."),
             kind: str = typer.Option(None, "--type", help="Only findings of this type.")):
    """The register of contradictions and anomalies, each citing both passages."""
    items, data, res = service.findings(_open(case), kind)
    if as_json:
        _jsonl(service.finding_record(f, data, res) for f in items)
        return
    if not items:
        out.print("No findings.")
    for f in items:
        out.print(f"[bold]{f.id}[/] {f.type} ({f.severity}, {f.verdict}): {f.explanation}")


@app.command()
@handles_errors
def verdict(case: str = typer.Argument(..., help=CASE_HELP),
            finding_id: str = typer.Argument(..., help="The finding's id (see `collingwood findings`)."),
            value: str = typer.Argument(..., help="open | explained | confirmed | dismissed"),
            note: str = typer.Option("", help="Why.")):
    """Record the analyst's verdict on a finding; it survives re-runs."""
    from ..model import VERDICTS
    if value not in VERDICTS:
        raise ConfigError(f"Unknown verdict {value!r}; use one of {', '.join(VERDICTS)}.")
    c = _open(case)
    if finding_id not in service.finding_ids(c):
        raise NotFound(f"No finding {finding_id!r} in {case}; list them with "
                       f"`collingwood findings {case}` and copy the id.")
    c.set_verdict(finding_id, value, note)
    out.print(f"{finding_id}: {value}")


@app.command()
@handles_errors
def merge(case: str = typer.Argument(..., help=CASE_HELP),
          name: str = typer.Argument(..., help="A name as it appears in claims."),
          same_as: str = typer.Argument(..., help="The entity it denotes.")):
    """Tell Collingwood two names denote one entity (wins over the machine)."""
    found, names = service.curate(_open(case), "merge", name, same_as)
    if not found:
        close = _close_names(names, same_as)
        raise NotFound(f"No entity called {same_as!r} in {case}" +
                       (f"; did you mean {close}?" if close else "; list them with `collingwood entities`."))
    out.print(f"merged {name!r} into {same_as!r}")


def _close_names(names: list[str], name: str) -> str:
    from difflib import get_close_matches
    return ", ".join(repr(n) for n in get_close_matches(name, names, n=3, cutoff=0.7))


@app.command()
@handles_errors
def split(case: str = typer.Argument(..., help=CASE_HELP),
          name: str = typer.Argument(..., help="A name as it appears in claims."),
          other: str = typer.Argument(..., help="An entity it must not be merged with.")):
    """Tell Collingwood a name does not denote an entity (wins over the machine)."""
    service.curate(_open(case), "split", name, other)
    out.print(f"{name!r} kept apart from {other!r}")


@app.command()
@handles_errors
def profile(case: str = typer.Argument(..., help=CASE_HELP),
            name: str = typer.Argument(..., help="A person or organisation (any of its names)."),
            as_json: bool = typer.Option(False, "--json")):
    """A biography: names over time, life dates, posts, associations, claims, testimony."""
    _write_or_print(service.profile(_open(case), name, as_json=as_json), None)


@app.command()
@handles_errors
def graph(case: str = typer.Argument(..., help=CASE_HELP),
          at: str = typer.Option(None, help="Only links that held at this (fuzzy) date."),
          start: str = typer.Option(None, "--from", help="Period start."),
          end: str = typer.Option(None, "--to", help="Period end."),
          min_strength: float = typer.Option(0.0, help="Drop links weaker than this."),
          fmt: GraphFormat = typer.Option(GraphFormat.svg, "--format", help="svg, gexf, graphml, csv or json."),
          dest: Path = typer.Option(None, "--out", help="Write to this file instead of printing.")):
    """The affinity chart: documented and inferred relationships, with their grounds."""
    c = _open(case)
    period = None
    if start or end:
        lo, hi = service.date_bound(start or "1"), service.date_bound(end or "9999")
        period = lo.hull(hi)
    text = service.graph(c, fmt.value, at=service.date_bound(at), period=period, min_strength=min_strength)
    _write_or_print(text, dest)


@app.command()
@handles_errors
def dossier(case: str = typer.Argument(..., help=CASE_HELP),
            dest: Path = typer.Option(Path("dossier.html"), "--out", help="The HTML file to write.")):
    """Write the self-contained HTML dossier of a case."""
    summary = service.write_dossier(_open(case), dest)
    out.print(f"Wrote {dest} ({summary})")

@app.command()
@handles_errors
def witnesses(case: str = typer.Argument(..., help=CASE_HELP),
              as_json: bool = typer.Option(False, "--json", help="One JSON object per witness.")):
    """The witness register: corroborated, contradicted, typed untruths and a graded reliability."""
    register = service.witnesses(_open(case))
    if as_json:
        _jsonl(service.witness_record(w) for w in register)
        return
    for w in register:
        out.print(f"[bold]{w.grade}[/] {w.witness} ({w.prominence}): {w.grade_rule}")


@app.command()
@handles_errors
def judge(case: str = typer.Argument(..., help=CASE_HELP),
          witness: str = typer.Argument(..., help="The witness, as `collingwood witnesses` names them."),
          target: str = typer.Argument(..., help="'grade', a claim id (untruth type) or 'credibility:<claim id>'."),
          value: str = typer.Argument(..., help="A grade A-F, omission|deception|fabrication|none, or 1-6."),
          note: str = typer.Option("", help="Why: kept in the audit log and shown beside the grade.")):
    """Override the machine's judgment of a witness (audited; survives re-runs)."""
    from ..judgment import add_override
    add_override(_open(case), witness, target, value, note, check=True)
    out.print(f"{witness}: {target} = {value}")


@app.command()
@handles_errors
def questions(case: str = typer.Argument(..., help=CASE_HELP),
              as_json: bool = typer.Option(False, "--json", help="One JSON object per question.")):
    """Open questions in the record: disputed events, hedged claims, unexplained endings, gaps."""
    qs = service.questions(_open(case))
    if as_json:
        _jsonl(q.as_json() for q in qs)
    else:
        _write_or_print(service.questions_markdown(qs), None)


@app.command()
@handles_errors
def hypotheses(case: str = typer.Argument(..., help=CASE_HELP),
               question: str = typer.Option(None, help="Words of the question (when the case has several)."),
               as_json: bool = typer.Option(False, "--json", help="The matrix and ranking as JSON.")):
    """The competing-hypotheses matrix for a question, ranked by weighted inconsistency."""
    c = _open(case)
    sets = service.hypothesis_sets(c, question)
    if not sets:
        raise ConfigError("No hypotheses to weigh: ingest a *.hypotheses.yaml file "
                          "(see docs/judgment.md), or check --question.")
    for m in service.matrices(c, sets):
        if as_json:
            print(json.dumps(service.matrix_json(m), ensure_ascii=False))
        else:
            _write_or_print(service.matrix_markdown(m), None)


@app.command()
@handles_errors
def rate(case: str = typer.Argument(..., help=CASE_HELP),
         hypothesis: str = typer.Argument(..., help="The hypothesis id as written in its file."),
         evidence: str = typer.Argument(..., help="A claim or finding id."),
         rating: str = typer.Argument(..., help="CC, C, N, I or II."),
         question: str = typer.Option(None, help="Words of the question (when the case has several)."),
         note: str = typer.Option("", help="Why.")):
    """Rate one cell of a hypotheses matrix (the analyst's rating wins over the machine's)."""
    from ..judgment import rate as rate_cell
    rate_cell(_open(case), question, hypothesis, evidence, rating, note)
    out.print(f"{hypothesis} × {evidence}: {rating.upper()}")
