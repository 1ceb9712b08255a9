"""The ingest stage: files and folders -> sources, entity lists, casebook claims.

One transaction per document; re-ingesting the same bytes changes nothing; a
bad file is reported with its name and a reason and the rest of the batch goes on.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import yaml

from ..casebook import load_casebook, load_entities
from ..errors import BadInputFile, CaseBusy, CollingwoodError, MetadataError
from ..model import Source, schema
from ..stage import StageReport
from ..store import Store
from ..timespan import parse_when
from .discover import discover
from .metadata import resolve_metadata
from .readers import Document, read_document

Progress = Callable[[str], None]

CASE_FILE = "case.yaml"


def is_entity_list(path: Path) -> bool:
    return path.name == "entities.yaml" or path.name.endswith(".entities.yaml")


def is_hypothesis_file(path: Path) -> bool:
    return path.name.endswith((".hypotheses.yaml", ".hypotheses.yml"))


def is_case_input(path: Path) -> bool:
    """YAML files that describe the case rather than being sources of it."""
    return path.name == CASE_FILE or is_entity_list(path) or is_hypothesis_file(path)


def run(store: Store, paths: list[Path], progress: Progress | None = None) -> StageReport:
    report = StageReport(stage="ingest")
    found = discover([Path(p) for p in paths])
    extras = [p for p, _ in found.skipped if is_case_input(p)]
    for path, reason in found.skipped:
        if path not in extras:
            report.skip(path.name, reason)
    for path in sorted(p for p in extras if p.name == CASE_FILE):
        _guard(report, path, lambda p=path: _load_case_file(store, p, report))
    for path in sorted(p for p in extras if is_entity_list(p)):
        _guard(report, path, lambda p=path: _load_entities(store, p, report))
    for path in found.documents:
        manifest = found.manifests.get(path.parent, {})
        _guard(report, path, lambda p=path, m=manifest: _ingest_document(store, p, m, report))
        if progress:
            progress(path.name)
    if found.casebooks:
        known = store.sources()
        for path in found.casebooks:
            _guard(report, path, lambda p=path: _load_casebook(store, p, known, report))
            if progress:
                progress(path.name)
    for path in sorted(p for p in extras if is_hypothesis_file(p)):
        _guard(report, path, lambda p=path: _load_hypotheses(store, p, report))
    return report


def _guard(report: StageReport, path: Path, step: Callable[[], None]) -> None:
    try:
        step()
    except CaseBusy:
        raise                       # the case, not this file: the whole run stops, coded
    except CollingwoodError as e:
        report.reject(path.name, getattr(e, "reason", e.message))


def count_work(paths: list[Path]) -> int:
    found = discover([Path(p) for p in paths])
    return len(found.documents) + len(found.casebooks)


def source_from_document(doc: Document, meta: dict) -> Source:
    given = meta.get("kind") or "note"
    kinds = schema().source_kinds
    kind = schema().source_kind(given)
    if kind is None:
        raise MetadataError(doc.path, f"unknown source kind {given!r}; use one of {', '.join(kinds)}")
    date = meta.get("date")
    written = None
    if date:
        try:
            written = parse_when(str(date))
        except ValueError as e:
            raise MetadataError(doc.path, f"cannot read its date written {date!r}: {e}") from e
    return Source(
        id="s-" + doc.content_hash[:12], title=meta.get("title") or doc.path.stem,
        kind=kind, text=doc.text, content_hash=doc.content_hash,
        authors=list(meta.get("authors") or []), date=str(date) if date else None, written=written,
        archive_ref=meta.get("archive_ref"), url=meta.get("url"), licence=meta.get("licence"),
        citation=meta.get("citation"), path=str(doc.path.resolve()), format=doc.format,
        pages=[(p.number, p.start, p.end) for p in doc.pages], extra=meta.get("extra") or {},
    )


def _ingest_document(store: Store, path: Path, manifest: dict, report: StageReport) -> None:
    doc = read_document(path)
    source = source_from_document(doc, resolve_metadata(doc, manifest))
    # One write transaction: new bytes become a source; the same bytes under another name
    # record that name; a corrected sidecar or manifest updates the metadata; else nothing.
    outcome = store.ingest_source(source)
    if outcome == "unchanged":
        report.unchanged(path.name)
    else:
        report.add(_OUTCOMES[outcome])


_OUTCOMES = {"added": "sources", "named": "other names of sources", "moved": "moved sources",
             "updated": "metadata updates"}


def _load_case_file(store: Store, path: Path, report: StageReport) -> None:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
        raise BadInputFile(path, f"cannot read the case description: {e}") from e
    if not isinstance(data, dict):
        raise BadInputFile(path, "the case description must be a mapping (title, period, description)")
    period = data.get("period") or {}
    if period:
        try:
            lo, hi = parse_when(str(period["from"])), parse_when(str(period["to"]))
        except (KeyError, ValueError) as e:
            raise BadInputFile(path, f"period needs readable `from` and `to` dates ({e})") from e
        data["period"] = {"from": str(period["from"]), "to": str(period["to"]),
                          "span": lo.hull(hi).to_dict()}
    changed = [key for key in ("title", "description", "period")
               if key in data and store.get_meta(key) != data[key]]
    with store.transaction() as conn:
        for key in changed:
            store.set_meta(key, data[key], conn)
    if changed:
        report.add("case settings", len(changed))
    else:
        report.unchanged(path.name)


def _load_entities(store: Store, path: Path, report: StageReport) -> None:
    ents = load_entities(path)                  # an EntityList: good entries, and why the others are not
    with store.transaction() as conn:
        new = sum(store.upsert_entity(ent, conn) for ent in ents)
    if new:
        report.add("entities", new)
    elif not ents.errors:
        report.unchanged(path.name)
    for reason in ents.errors:
        report.reject(path.name, reason)
    for note in ents.merged:
        report.skip(path.name, note)


def _load_hypotheses(store: Store, path: Path, report: StageReport) -> None:
    from ..analyse.hypotheses import load_hypotheses   # the file format is defined beside the matrix
    hset = load_hypotheses(path)
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    entries = [dict(e, id=h.id) for e, h in zip(raw["hypotheses"], hset.hypotheses)]
    if store.replace_hypotheses(hset.question, path.name, entries, raw.get("ratings") or []):
        report.add("hypotheses", len(entries))
    else:
        report.unchanged(path.name)


def _load_casebook(store: Store, path: Path, known: list[Source], report: StageReport) -> None:
    result = load_casebook(path, known)
    with store.transaction() as conn:
        revised = store.revise_claims(result.claims, conn)   # entries edited since the last ingest
        added = store.add_claims(result.claims, conn)
    if added:
        report.add("claims", added)
    if revised:
        report.add("revised claims", revised)
    if added + revised < len(result.claims):
        report.unchanged(f"{path.name} ({len(result.claims) - added - revised} claims already present)")
    for reason in result.errors:
        report.reject(path.name, reason)
    for note in result.merged:
        report.skip(path.name, note)
