"""The Typer app, its consoles and the helpers every command shares (the one place errors are printed)."""

from __future__ import annotations

import functools
import json
import logging
import sys
from collections.abc import Iterable

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..collector import paused
from ..errors import CollingwoodError

app = typer.Typer(
    add_completion=False, no_args_is_help=True, rich_markup_mode=None, pretty_exceptions_enable=False,
    help="Collingwood: an evidence workbench for reconstructing contested history from conflicting sources.",
)
class _LazyCase:
    """`collingwood.case.Case`, imported when a command first opens a case: a command that
    opens none (`extract FILE --jsonl`, `dates`) never loads the store, SQLAlchemy or Alembic."""

    def __getattr__(self, name: str):
        from ..case import Case as case
        return getattr(case, name)


Case = _LazyCase()
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False)

# pypdf logs damage it works around ("EOF marker not found"); a refused file gets its reason instead.
logging.getLogger("pypdf").setLevel(logging.ERROR)

CASE_HELP = "The case: a file (created by `collingwood init`), or a postgresql://user@host:port/db URL."


def handles_errors(fn):
    """The runner of every command: a CollingwoodError rendered as one plain message and its
    exit code, and the command run with the cyclic collector held off (`collector.paused`:
    an analysis run or a read of a large case makes millions of objects that form almost no
    cycles, and each full collection walked them all). The one place the collector is paused
    for a command; the analysis run pauses it itself for every face (`analysis_run.results`).
    Commands that parse documents or serve pages take `handles_errors_collecting`."""
    return _runner(fn, pause=True)


def handles_errors_collecting(fn):
    """`handles_errors` with the collector left as it is: for the commands that parse
    documents (spaCy's objects do form cycles) or run the web server for hours."""
    return _runner(fn, pause=False)


def _runner(fn, pause: bool):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            if not pause:
                return fn(*args, **kwargs)
            with paused():
                return fn(*args, **kwargs)
        except CollingwoodError as e:
            if kwargs.get("as_json") or kwargs.get("jsonl"):
                print(json.dumps(e.as_json()), file=sys.stderr)
            else:
                err.print(f"[bold red]Error[/] {e.code}: {escape(e.message)}")
            raise typer.Exit(e.exit_code) from e
    wrapper.pauses = pause
    return wrapper


def _jsonl(records) -> None:
    for r in records:
        sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")


def _progress(total: int, label: str):
    return Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    TextColumn("{task.description}"), console=err, transient=True,
                    disable=total < 2 or not err.is_terminal)


def _print_report(report) -> None:
    added = ", ".join(f"{n} {what}" for what, n in report.added.items()) or "nothing new"
    out.print(f"{report.stage}: {added}")
    if report.unchanged_items:
        out.print(f"  unchanged: {len(report.unchanged_items)} (already in the case)")
    # Names and reasons come from the files: escaped, so '[/]' in a file name is not Rich markup.
    for name, reason in report.skipped:
        out.print(f"  skipped {escape(name)}: {escape(reason)}")
    for name, reason in report.rejected:
        err.print(f"  [red]rejected[/] {escape(name)}: {escape(reason)}")


def _write_or_print(text: str | Iterable[str], dest=None) -> None:
    """A text, or its pieces as they come, to ``dest`` or to standard output (ended by a line
    break). A file is written beside its place and moved there whole at the end, so a file
    already there is never left half overwritten."""
    pieces = [text] if isinstance(text, str) else text
    if dest:
        part = dest.with_name(f".{dest.name}.part")
        try:
            with part.open("w", encoding="utf-8") as f:
                for piece in pieces:
                    f.write(piece)
            part.replace(dest)
        finally:
            part.unlink(missing_ok=True)
        out.print(f"Wrote {dest}")
        return
    last = ""
    for piece in pieces:
        if piece:
            sys.stdout.write(piece)
            last = piece
    if not last.endswith("\n"):
        sys.stdout.write("\n")
