"""The ingest stage: files and folders -> sources, entity lists, casebook claims.

One transaction per document; re-ingesting the same bytes changes nothing; a
bad file is reported with its name and a reason and the rest of the batch goes on.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .. import safe_yaml
from ..casebook import load_casebook, load_entities
from ..errors import BadInputFile, CaseBusy, CollingwoodError, MetadataError, YamlError, shown
from ..model import Source, schema
from ..stage import StageReport
from ..store import Store
from ..timespan import parse_when
from .discover import CASE_FILE, discover, is_entity_list, is_hypothesis_file
from .guard import read_guarded
from .limits import Limits
from .metadata import resolve_metadata
from .readers import Document

Progress = Callable[[str], None]

def run(store: Store, paths: list[Path], progress: Progress | None = None,
        limits: Limits | None = None) -> StageReport:
    """Ingest `paths`; every document is read in a guarded worker under `limits` (default:
    Limits.from_env(), see docs/ingest.md)."""
    report = StageReport(stage="ingest")
    found = discover([Path(p) for p in paths])
    extras = found.case_inputs
    for path, reason in found.skipped:
        report.skip(shown(path.name), shown(reason))
    for path in sorted(p for p in extras if p.name == CASE_FILE):
        _guard(report, path, lambda p=path: _load_case_file(store, p, report))
    for path in sorted(p for p in extras if is_entity_list(p)):
        _guard(report, path, lambda p=path: _load_entities(store, p, report))
    for path, doc in read_guarded(found.documents, limits):
        if isinstance(doc, BadInputFile):
            report.reject(shown(path.name), shown(doc.coded_reason))
        else:
            manifest = found.manifests.get(path.parent, {})
            _guard(report, path, lambda d=doc, m=manifest: _store_document(store, d, m, report))
        if progress:
            progress(shown(path.name))
    if found.casebooks:
        known = store.sources()
        for path in found.casebooks:
            _guard(report, path, lambda p=path: _load_casebook(store, p, known, report))
            if progress:
                progress(shown(path.name))
    for path in sorted(p for p in extras if is_hypothesis_file(p)):
        _guard(report, path, lambda p=path: _load_hypotheses(store, p, report))
    return report


def _guard(report: StageReport, path: Path, step: Callable[[], None]) -> None:
    try:
        step()
    except CaseBusy:
        raise                       # the case, not this file: the whole run stops, coded
    except BadInputFile as e:
        cause = e.__cause__
        kind = cause.kind if isinstance(cause, YamlError) else e.kind   # a YAML bomb says so
        report.reject(shown(path.name), shown(f"[{kind}] {e.reason}"))
    except CollingwoodError as e:
        report.reject(shown(path.name), shown(e.message))


def reading_note(reading: dict | None) -> str:
    """How a source's text was read, in a few words: 'OCR 3 pages, 91%' or 'cp1252 (0.87)';
    empty for plain UTF-8 or a text layer."""
    if not reading:
        return ""
    notes = []
    ocr = reading.get("ocr")
    if ocr:
        pages = ocr.get("pages") or []
        mean = ocr.get("mean_confidence")
        scored = "" if mean is None else f", {mean:.0f}%"
        per_page = " ".join(f"p{p['page']}:{p['confidence']:.0f}" for p in pages[:6]
                            if p.get("confidence") is not None)
        notes.append(f"OCR {len(pages)} page{'s' * (len(pages) != 1)}{scored}" + (f" ({per_page})" if len(pages) > 1
                                                                                   and per_page else ""))
    encoding = reading.get("encoding")
    if encoding and encoding.get("encoding") != "utf-8":
        notes.append(f"{encoding['encoding']} ({encoding.get('confidence', 1):.2f})")
    return "; ".join(notes)


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
    extra = dict(meta.get("extra") or {})
    if doc.reading:
        extra["reading"] = doc.reading   # how the text was read: encoding and confidence, OCR pages
    return Source(
        id="s-" + doc.content_hash[:12], title=shown(meta.get("title") or doc.path.stem),
        kind=kind, text=doc.text, content_hash=doc.content_hash,
        authors=list(meta.get("authors") or []), date=str(date) if date else None, written=written,
        archive_ref=meta.get("archive_ref"), url=meta.get("url"), licence=meta.get("licence"),
        citation=meta.get("citation"), path=shown(doc.path.resolve()), format=doc.format,
        pages=[(p.number, p.start, p.end) for p in doc.pages], extra=extra,
    )


def _store_document(store: Store, doc: Document, manifest: dict, report: StageReport) -> None:
    path = doc.path
    source = source_from_document(doc, resolve_metadata(doc, manifest))
    # One write transaction: new bytes become a source; the same bytes under another name
    # record that name; a corrected sidecar or manifest updates the metadata; else nothing.
    outcome = store.ingest_source(source)
    if outcome == "unchanged":
        report.unchanged(shown(path.name))
    else:
        report.add(_OUTCOMES[outcome])


_OUTCOMES = {"added": "sources", "named": "other names of sources", "moved": "moved sources",
             "updated": "metadata updates"}


def _load_case_file(store: Store, path: Path, report: StageReport) -> None:
    try:
        data = safe_yaml.load(path.read_text(encoding="utf-8"), name=path)
    except YamlError as e:
        raise BadInputFile(path, f"cannot read the case description: {e.reason}", e.kind) from e
    except (OSError, UnicodeDecodeError) as e:
        raise BadInputFile(path, f"cannot read the case description: {e}") from e
    if not isinstance(data, dict):
        raise BadInputFile(path, "the case description must be a mapping (title, period, description)", "metadata")
    period = data.get("period") or {}
    if period:
        try:
            lo, hi = parse_when(str(period["from"])), parse_when(str(period["to"]))
        except (KeyError, TypeError, ValueError) as e:
            raise BadInputFile(path, f"period needs readable `from` and `to` dates ({e})", "metadata") from e
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
        report.unchanged(shown(path.name))


def _load_entities(store: Store, path: Path, report: StageReport) -> None:
    ents = load_entities(path)                  # an EntityList: good entries, and why the others are not
    with store.transaction() as conn:
        new = sum(store.upsert_entity(ent, conn) for ent in ents)
    if new:
        report.add("entities", new)
    elif not ents.errors:
        report.unchanged(shown(path.name))
    for reason in ents.errors:
        report.reject(shown(path.name), shown(reason))
    for note in ents.merged:
        report.skip(shown(path.name), shown(note))


def _load_hypotheses(store: Store, path: Path, report: StageReport) -> None:
    from .hypotheses_file import load_hypotheses
    hset = load_hypotheses(path)
    raw = safe_yaml.load(path.read_text(encoding="utf-8-sig"), name=path)
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
        report.unchanged(f"{shown(path.name)} ({len(result.claims) - added - revised} claims already present)")
    for reason in result.errors:
        report.reject(shown(path.name), shown(reason))
    for note in result.merged:
        report.skip(shown(path.name), shown(note))
