"""`collingwood demo`: the bundled example case, end to end, to a dossier."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .case import Case
from .errors import ConfigError
from .stage import StageReport

CASE_NAME = "demo.case"


def bundled_case_folder() -> Path:
    """The example case shipped in the repository (``examples/demo``)."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent / "examples" / "demo"
        if (candidate / "case.yaml").exists():
            return candidate
    raise ConfigError(
        "The bundled example case (examples/demo) was not found next to this installation. "
        "Run the demo from a clone of the repository, or pass --source FOLDER.")


def run_demo(out_dir: Path, source: Path | None = None, say: Callable[[str], None] = print) -> str:
    folder = source or bundled_case_folder()
    if not folder.is_dir():
        raise ConfigError(f"{folder} is not a folder of sources.")
    out_dir.mkdir(parents=True, exist_ok=True)
    case_path = out_dir / CASE_NAME
    for stale in (case_path, Path(f"{case_path}-wal"), Path(f"{case_path}-shm")):
        stale.unlink(missing_ok=True)
    case = Case.init(case_path)
    say(f"Case: {case_path}")
    ingest = case.ingest([folder])
    _say_report(say, ingest)
    extract = case.extract()
    _say_report(say, extract)
    from .analysis import build_dossier, run_analysis
    analysis = run_analysis(case)
    say(f"analyse: {analysis.summary()}")
    from . import report
    path = report.write(build_dossier(case, analysis), out_dir / "dossier.html")
    say(f"Dossier: {path}")
    data = analysis.data
    return (f"{len(data.sources)} sources, {len(data.entities)} entities, {len(data.claims)} claims "
            f"({sum(c.extracted_by == 'analyst' for c in data.claims)} by hand), {analysis.summary()}")


def _say_report(say: Callable[[str], None], rep: StageReport) -> None:
    added = ", ".join(f"{n} {what}" for what, n in rep.added.items()) or "nothing new"
    say(f"{rep.stage}: {added}")
    for name, reason in rep.rejected:
        say(f"  rejected {name}: {reason}")
