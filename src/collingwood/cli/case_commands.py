"""The commands over a case's sources and claims: init, ingest, claims, review, edit, history,
entities, sources, search, dates, extract, audit, undo, schema, demo."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import typer
from rich.markup import escape
from rich.table import Table

from .. import service
from ..errors import ConfigError
from .app import (CASE_HELP, Case, _jsonl, _print_report, _progress, app, err, handles_errors,
                  handles_errors_collecting, out)


@app.command()
@handles_errors
def init(case: str = typer.Argument(..., help="Path of the new case file, or a postgresql://user@host:port/db URL."),
         title: str = typer.Option(None, help="A title for the case.")):
    """Create an empty case (one SQLite file, or a PostgreSQL database)."""
    if Case.exists(case):
        c = Case.open(case)
        out.print(f"{escape(c.label)} already exists; it is up to date.")
        return
    c = Case.init(case, title=title)
    out.print(f"Created case {escape(c.label)}.")


@app.command()
@handles_errors_collecting
def ingest(case: str = typer.Argument(..., help=CASE_HELP),
           paths: list[Path] = typer.Argument(..., help="Files and folders: .txt .md .html .pdf .docx .png .jpg .tif, "
                                              "*.casebook.yaml|csv, entities.yaml, case.yaml."),
           as_json: bool = typer.Option(False, "--json", help="Print the report as JSON.")):
    """Add sources, entity lists and hand-written claims to a case."""
    from ..errors import NotFound
    missing = [p for p in paths if not p.exists()]
    paths = [p for p in paths if p.exists()]
    if missing and not paths:
        raise NotFound(f"No such file or folder: {', '.join(str(p) for p in missing)}; nothing was ingested.")
    c = Case.open(case, create=True)
    total = service.count_work(paths)
    with _progress(total, "ingest") as bar:
        task = bar.add_task("", total=total)
        report = c.ingest(paths, progress=lambda name: bar.update(task, advance=1, description=name))
    if as_json:
        print(json.dumps(report.as_json(), ensure_ascii=False))
    else:
        _print_report(report)
    if missing:
        e = NotFound(f"No such file or folder: {', '.join(str(p) for p in missing)}; "
                     "the other paths were ingested.")
        err.print(f"[bold red]Error[/] {e.code}: {e.message}")
        raise typer.Exit(e.exit_code)
    if report.rejected:
        raise typer.Exit(2 if not report.added else 0)


@app.command()
@handles_errors
def claims(case: str = typer.Argument(..., help=CASE_HELP),
           as_json: bool = typer.Option(False, "--json", help="One JSON object per line."),
           all_: bool = typer.Option(False, "--all", help="Include rejected claims.")):
    """List the claims of a case with their sources and quotes."""
    items = Case.open(case).claims(include_rejected=all_)
    if as_json:
        _jsonl(c.as_json() for c in items)
        return
    table = Table("subject", "predicate", "object", "when", "polarity", "source", "quote")
    for c in items:
        table.add_row(c.subject, c.predicate, c.object or "", c.time.render() if c.time else "",
                      c.polarity, c.source_id, c.quote[:80])
    out.print(table)


@app.command()
@handles_errors
def review(case: str = typer.Argument(..., help=CASE_HELP),
           claim_id: str = typer.Argument(..., help="The claim's id (see `collingwood claims --json`)."),
           decision: str = typer.Argument(..., help="accept | reject | propose (undo a decision)"),
           note: str = typer.Option("", help="Why: kept in the audit log.")):
    """Accept or reject a proposed claim; a rejected claim leaves every analysis (audited)."""
    status = {"accept": "accepted", "reject": "rejected", "propose": "proposed"}.get(decision)
    if status is None:
        raise ConfigError(f"Unknown decision {decision!r}; use accept, reject or propose.")
    claim = Case.open(case).review(claim_id, status, note)
    out.print(f"{claim_id}: {status} (version {claim.version})")


@app.command()
@handles_errors
def edit(case: Path = typer.Argument(..., help=CASE_HELP),
         claim_id: str = typer.Argument(..., help="The claim's id (see `collingwood claims --json`)."),
         version: int = typer.Option(..., "--version", help="The version you read (claims --json: version); "
                                     "a claim changed since is not overwritten."),
         sets: list[str] = typer.Option(..., "--set", help="field=value, repeatable: subject, predicate, object, "
                                        "when, where, polarity, modality, asserted_by, reported_by, status, "
                                        "confidence, note; an empty value clears an optional field."),
         as_json: bool = typer.Option(False, "--json", help="Print the claim as stored now, as JSON.")):
    """Edit a claim: a new version of the same id, the old one kept (see `collingwood history`)."""
    changes: dict[str, str] = {}
    for item in sets:
        name, eq, value = item.partition("=")
        if not eq or not name.strip():
            raise ConfigError(f"--set {item!r}: write field=value, e.g. --set when='autumn 1939'.")
        changes[name.strip()] = value
    claim = service.edit_claim(Case.open(case), claim_id, changes, version)
    if as_json:
        print(json.dumps(claim.as_json(), ensure_ascii=False))
    else:
        out.print(f"{claim_id}: version {claim.version}")


@app.command()
@handles_errors
def history(case: Path = typer.Argument(..., help=CASE_HELP),
            claim_id: str = typer.Argument(..., help="The claim's id (see `collingwood claims --json`)."),
            as_json: bool = typer.Option(False, "--json", help="One JSON object per version.")):
    """Every version of a claim: who made it, when and how (extract, ingest, edit, review, revise)."""
    versions = service.claim_history(Case.open(case), claim_id)
    if as_json:
        _jsonl(v.as_json() for v in versions)
        return
    table = Table("version", "made", "by", "at", "subject", "predicate", "object", "when", "polarity", "status")
    for v in versions:
        c = v.claim
        table.add_row(str(v.version), v.change, escape(v.by), v.at, escape(c.subject), c.predicate,
                      escape(c.object or ""), c.time.render() if c.time else "", c.polarity, c.status)
    out.print(table)


@app.command()
@handles_errors
def entities(case: str = typer.Argument(..., help=CASE_HELP),
             as_json: bool = typer.Option(False, "--json", help="One JSON object per entity."),
             kind: str = typer.Option(None, help="Only this kind: person, organisation, place ...")):
    """The people, organisations and places of a case with their aliases."""
    c = Case.open(case)
    items = [e for e in c.entities() if not kind or e.kind == kind]
    if as_json:
        belongs = service.case_entity_of(c)             # the one entity each belongs to across sources
        named: dict[str, dict[str, str | None]] = {}     # entity id -> surface form -> alias kind
        for m in c.mentions():
            if m.entity_id:
                named.setdefault(m.entity_id, {}).setdefault(m.text, m.alias_kind)
        _jsonl({"id": e.id, "name": e.name, "kind": e.kind,
                "aliases": [{"name": a.name, "kind": a.kind, "valid": a.valid.render() if a.valid else None}
                            for a in e.aliases],
                "mentioned_as": [{"text": t, "alias_kind": k} for t, k in named.get(e.id, {}).items()],
                "case_entity": belongs.get(e.id, {"id": e.id, "name": e.name})}
               for e in items)
        return
    table = Table("name", "kind", "aliases")
    for e in items:
        table.add_row(e.name, e.kind, "; ".join(
            f"{a.name} ({a.kind.replace('_', ' ')}{', ' + a.valid.render() if a.valid else ''})" for a in e.aliases))
    out.print(table)


@app.command()
@handles_errors
def sources(case: str = typer.Argument(..., help=CASE_HELP),
            as_json: bool = typer.Option(False, "--json")):
    """The source register: kind, author, date written, archive reference."""
    items = Case.open(case).sources()
    if as_json:
        _jsonl({"id": s.id, "title": s.title, "kind": s.kind, "authors": s.authors, "date": s.date,
                "archive_ref": s.archive_ref, "url": s.url, "licence": s.licence,
                "citation": s.citation, "path": s.path, "characters": len(s.text),
                "pages": len(s.pages), "reading": s.extra.get("reading") or {}} for s in items)
        return
    table = Table("id", "title", "kind", "authors", "written", "reference", "read")
    for s in items:
        table.add_row(*(escape(v) for v in (s.id, s.title, s.kind, ", ".join(s.authors), s.date or "",
                                            s.archive_ref or "", service.reading_note(s.extra.get("reading")))))
    out.print(table)


@app.command()
@handles_errors
def search(case: str = typer.Argument(..., help=CASE_HELP),
           query: str = typer.Argument(..., help="Full-text query (SQLite FTS5 syntax: words, \"phrases\", OR, NEAR)."),
           limit: int = typer.Option(20, help="At most this many sources."),
           as_json: bool = typer.Option(False, "--json")):
    """Full-text search over the sources' text."""
    hits = Case.open(case).search(query, limit=limit)     # a bad query: SearchSyntaxError
    if as_json:
        _jsonl(hits)
        return
    if not hits:
        out.print("No source matches.")
    for h in hits:
        out.print(f"[bold]{h['title']}[/] ({h['source_id']})\n  {h['snippet']}")


@app.command()
@handles_errors_collecting
def dates(file: Path = typer.Argument(..., help="A plain-text file."),
          anchor: str = typer.Option(None, help="YYYY-MM-DD: the narrative time before the text sets one."),
          written: str = typer.Option(None, help="The text's date written, for 'last week', 'today'."),
          jsonl: bool = typer.Option(False, "--jsonl", help="One JSON object per time expression.")):
    """Find and normalise the time expressions in a text."""
    found = service.date_records(_read_text(file), anchor=anchor, written=written)
    if jsonl:
        _jsonl(found)
        return
    table = Table("text", "value", "mod", "earliest", "latest", "granularity")
    for r in found:
        table.add_row(r["text"], r["value"] or "", r["mod"] or "", r["earliest"] or "",
                      r["latest"] or "", r["granularity"])
    out.print(table)


def _read_text(file: Path) -> str:
    from ..errors import BadInputFile
    try:
        return file.read_text(encoding="utf-8-sig")
    except FileNotFoundError as e:
        raise BadInputFile(file, "no such file") from e
    except UnicodeDecodeError as e:
        raise BadInputFile(file, "not valid UTF-8 text; save it as UTF-8") from e
    except OSError as e:
        raise BadInputFile(file, str(e)) from e


def _is_case_file(path: Path) -> bool:
    if "://" in str(path):
        return True
    try:
        with open(path, "rb") as fh:
            return fh.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


@app.command()
@handles_errors_collecting
def extract(target: str = typer.Argument(..., help="A case file or URL, or a plain-text file with --jsonl."),
            jsonl: bool = typer.Option(False, "--jsonl", help="For a text file: mentions and claims as JSON lines."),
            extractor: str = typer.Option(None, help="A registered extractor (default: the best built-in)."),
            force: bool = typer.Option(False, help="Re-run on sources already extracted."),
            anchor: str = typer.Option(None, help="For a text file: YYYY-MM-DD narrative anchor.")):
    """Propose claims from the text of sources (incremental), or from one text file."""
    if not _is_case_file(Path(target)) and "://" not in target:
        text = _read_text(Path(target))
        result = service.extract_text(text, source_id=Path(target).name, anchor=anchor, extractor=extractor)
        if jsonl:
            _jsonl(service.text_records(result))
        else:
            for c in result.claims:
                out.print(f"{c.subject} [bold]{c.predicate}[/] {c.object or ''}  «{c.quote[:90]}»")
        return
    c = Case.open(target)
    planned = c.plan_extract(extractor, force)       # read the sources once, for the bar and the run
    total = len(planned.todo)
    with _progress(total, "extract") as bar:
        task = bar.add_task("", total=total)
        report = c.extract(extractor=extractor, force=force, planned=planned,
                           progress=lambda name: bar.update(task, advance=1, description=name))
    _print_report(report)


@app.command()
@handles_errors
def audit(case: str = typer.Argument(..., help=CASE_HELP),
          as_json: bool = typer.Option(False, "--json", help="One JSON object per change: id, at, actor, "
                                       "action, target, before, after."),
          limit: int = typer.Option(50, help="At most this many changes, newest first (0: all)."),
          target: str = typer.Option(None, help="Only the changes of this target (a claim, source, finding id ...).")):
    """The audit log: every change with who, when, and the rows before and after it."""
    entries = Case.open(case).audit(limit=limit or None, target=target)
    if as_json:
        _jsonl({k: e[k] for k in ("id", "at", "actor", "action", "target", "before", "after")} for e in entries)
        return
    table = Table()
    for name in ("id", "at", "actor", "action", "target", "change"):
        table.add_column(name, overflow="fold")         # ids and actions are never cut short
    for e in entries:
        table.add_row(str(e["id"]), e["at"], escape(e["actor"]), e["action"], escape(e["target"]),
                      escape(_change_summary(e)))
    out.print(table)


def _change_summary(entry: dict) -> str:
    """A line per audit entry: what rows were added, changed, removed (a table's count)."""
    if entry["after"] is None:
        return "(kept before the audit recorded rows) " + json.dumps(entry["note"], ensure_ascii=False)[:80]
    parts = []
    for name in sorted(set(entry["before"]) | set(entry["after"])):
        b, a = len(entry["before"].get(name, [])), len(entry["after"].get(name, []))
        changed = min(a, b)
        if a > b:
            parts.append(f"+{a - b} {name}")
        if b > a:
            parts.append(f"-{b - a} {name}")
        if changed:
            parts.append(f"~{changed} {name}")
    return ", ".join(parts) or ", ".join(f"{k}={v}" for k, v in entry["note"].items())


@app.command()
@handles_errors
def undo(case: str = typer.Argument(..., help=CASE_HELP),
         audit_id: int = typer.Argument(..., help="The id of the change (see `collingwood audit CASE`)."),
         as_json: bool = typer.Option(False, "--json", help="Print the undo's own audit entry as JSON.")):
    """Undo one change from the audit log: its rows go back to how they were (audited)."""
    entry = Case.open(case).undo(audit_id)
    if as_json:
        print(json.dumps({k: entry[k] for k in ("id", "at", "actor", "action", "target", "before", "after")},
                         ensure_ascii=False))
        return
    out.print(f"Undid change {audit_id} ({escape(entry['note'].get('action_undone', ''))}): "
              f"{escape(_change_summary(entry))}; this undo is change {entry['id']}.")


@app.command()
@handles_errors
def schema(markdown: bool = typer.Option(False, "--markdown", help="Print the docs page for the schema.")):
    """The predicates, entity kinds, alias kinds and source kinds this Collingwood knows."""
    from ..schema_doc import schema_markdown
    text = schema_markdown()
    if markdown:
        sys.stdout.write(text)
    else:
        out.print(text)


@app.command()
@handles_errors_collecting
def demo(out_dir: Path = typer.Option(Path("demo-out"), "--out", help="Folder for the case and dossier."),
         source: Path = typer.Option(None, help="The example case folder (default: the bundled one).")):
    """Build the bundled example case end to end and write dossier.html."""
    from ..demo import run_demo
    started = time.perf_counter()
    summary = run_demo(out_dir, source, say=out.print)
    seconds = time.perf_counter() - started
    out.print(f"\nDemo done in {seconds:.1f} s: {summary}")
    out.print(f"Open {out_dir / 'dossier.html'} in a browser.")
