"""Hand-written claims (a casebook) and the case's own entity list.

A casebook is a YAML file with a ``claims:`` list, or a CSV file with one claim a
row, named ``*.casebook.yaml`` / ``*.casebook.csv``. Each claim names its source
(file name, path relative to the casebook, source id or title) and gives the
exact quote; Collingwood finds the quote in the source's text and records the
span, so an analyst's claim carries the same provenance as a machine's.

Columns / keys: subject, predicate, object, when, where, source, page, quote,
polarity, modality, asserted_by, reported_by, confidence, note.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import safe_yaml
from .errors import CasebookError, SchemaError, YamlError, quote_not_in_source
from .model import EXTRACTORS_HUMAN, MODALITIES, POLARITIES, Alias, Claim, Entity, Source, schema, short_hash
from .timespan import parse_when

CLAIM_KEYS = ("subject", "predicate", "object", "when", "where", "source", "page", "quote",
              "polarity", "modality", "asserted_by", "reported_by", "confidence", "note", "status")


@dataclass
class CasebookResult:
    claims: list[Claim] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)   # "line 12: reason"


def read_rows(path: Path) -> list[tuple[str, dict]]:
    """The raw claim entries of a casebook, each with a label for error messages."""
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise CasebookError(path, f"cannot read it as UTF-8 text ({e})") from e
    if path.suffix.lower() == ".csv":
        reader = csv.DictReader(raw.splitlines())
        missing = {"subject", "predicate", "source", "quote"} - set(reader.fieldnames or [])
        if missing:
            raise CasebookError(path, f"the CSV header lacks {', '.join(sorted(missing))}")
        return [(f"row {i}", {k: v for k, v in row.items() if k and v not in (None, "")})
                for i, row in enumerate(reader, start=2)]
    try:
        data = safe_yaml.load(raw, name=path)
    except YamlError as e:
        raise CasebookError(path, f"invalid YAML: {e}".replace("\n", " ")) from e
    if not isinstance(data, dict) or not isinstance(data.get("claims"), list):
        raise CasebookError(path, "a casebook needs a top-level `claims:` list")
    defaults = data.get("defaults") or {}
    return [(f"claim {i}", {**defaults, **entry} if isinstance(entry, dict) else entry)
            for i, entry in enumerate(data["claims"], start=1)]


class SourceIndex:
    """Finds the source a casebook entry names."""

    def __init__(self, sources: list[Source]):
        self.by_id = {s.id: s for s in sources}
        self.by_path = {str(Path(s.path).resolve()): s for s in sources if s.path}
        self.by_name: dict[str, list[Source]] = {}
        self.by_title: dict[str, list[Source]] = {}
        for s in sources:
            if s.path:
                self.by_name.setdefault(Path(s.path).name.lower(), []).append(s)
            self.by_title.setdefault(s.title.strip().lower(), []).append(s)

    def find(self, ref: str, base: Path) -> Source:
        ref = str(ref).strip()
        if ref in self.by_id:
            return self.by_id[ref]
        candidate = str((base / ref).resolve())
        if candidate in self.by_path:
            return self.by_path[candidate]
        for table in (self.by_name, self.by_title):
            found = table.get(Path(ref).name.lower() if table is self.by_name else ref.lower(), [])
            if len(found) == 1:
                return found[0]
            if len(found) > 1:
                raise ValueError(f"source {ref!r} is ambiguous ({len(found)} sources match); "
                                 "use its path or id")
        raise ValueError(f"no source {ref!r} in the case; ingest it first or fix the name")


def find_quote(text: str, quote: str, lo: int = 0, hi: int | None = None) -> tuple[int, int] | None:
    """Offsets of ``quote`` in ``text[lo:hi]``; tolerant of line breaks and repeated spaces."""
    hi = len(text) if hi is None else hi
    at = text.find(quote, lo, hi)
    if at >= 0:
        return at, at + len(quote)
    words = quote.split()
    if not words:
        return None
    pattern = r"\s+".join(re.escape(w) for w in words)
    m = re.compile(pattern).search(text, lo, hi)
    return (m.start(), m.end()) if m else None


def _text(entry: dict, key: str) -> str | None:
    value = entry.get(key)
    if value is None or str(value).strip() == "":
        return None
    return str(value).strip()


def build_claim(entry: dict, source: Source) -> Claim:
    """One casebook entry -> a Claim with its span; raises ValueError with the reason."""
    for key in ("subject", "predicate", "quote"):
        if not _text(entry, key):
            raise ValueError(f"missing {key!r}")
    unknown = set(entry) - set(CLAIM_KEYS)
    if unknown:
        raise ValueError(f"unknown field(s) {', '.join(sorted(unknown))}; known: {', '.join(CLAIM_KEYS)}")
    try:
        predicate = schema().predicate(_text(entry, "predicate"))
    except SchemaError as e:
        raise ValueError(e.message) from e
    polarity = (_text(entry, "polarity") or "affirmed").lower()
    if polarity not in POLARITIES:
        raise ValueError(f"polarity must be one of {', '.join(POLARITIES)}")
    modality = (_text(entry, "modality") or "asserted").lower()
    if modality not in MODALITIES:
        raise ValueError(f"modality must be one of {', '.join(MODALITIES)}")
    quote = _text(entry, "quote")
    page = int(entry["page"]) if _text(entry, "page") else None
    lo, hi = 0, len(source.text)
    if page is not None:
        ranges = [(s, e) for n, s, e in source.pages if n == page]
        if not ranges:
            raise ValueError(f"source {source.title!r} has no page {page}")
        lo, hi = ranges[0]
    span = find_quote(source.text, quote, lo, hi)
    if span is None:
        raise ValueError(quote_not_in_source(quote, source.title))
    when = _text(entry, "when")
    time = None
    if when:
        try:
            time = parse_when(when)
        except ValueError as e:
            raise ValueError(f"cannot read the date {when!r}: {e}") from e
    start, end = span
    confidence = float(entry["confidence"]) if _text(entry, "confidence") else 1.0
    if not 0.0 <= confidence <= 1.0:
        raise ValueError("confidence must be between 0 and 1")
    return Claim(
        source_id=source.id, start=start, end=end, quote=source.text[start:end],
        subject=_text(entry, "subject"), predicate=predicate.name, object=_text(entry, "object"),
        time=time, place=_text(entry, "where"), polarity=polarity, modality=modality,
        asserted_by=_text(entry, "asserted_by"), reported_by=_text(entry, "reported_by"),
        extracted_by=EXTRACTORS_HUMAN, status=_text(entry, "status") or "accepted",
        confidence=confidence, page=page or source.page_at(start), note=_text(entry, "note") or "",
    )


def load_casebook(path: Path, sources: list[Source]) -> CasebookResult:
    """Read a casebook; good entries become claims, bad ones become reasons."""
    result = CasebookResult()
    index = SourceIndex(sources)
    for label, entry in read_rows(path):
        if not isinstance(entry, dict):
            result.errors.append(f"{label}: each claim must be a mapping of fields")
            continue
        try:
            source = index.find(_text(entry, "source") or "", path.parent)
            result.claims.append(build_claim(entry, source))
        except ValueError as e:
            result.errors.append(f"{label}: {e}")
    return result


def load_entities(path: Path) -> list[Entity]:
    """The case's own entity list: ``entities: [{name, kind, aliases: [...]}]``."""
    try:
        data = safe_yaml.load(path.read_text(encoding="utf-8-sig"), name=path)
    except (OSError, UnicodeDecodeError, YamlError) as e:
        raise CasebookError(path, f"cannot read the entity list: {e}") from e
    if not isinstance(data, dict) or not isinstance(data.get("entities"), list):
        raise CasebookError(path, "an entity list needs a top-level `entities:` list")
    sch = schema()
    out = []
    for i, entry in enumerate(data["entities"], start=1):
        if not isinstance(entry, dict) or not entry.get("name"):
            raise CasebookError(path, f"entity {i} needs a name")
        kind = entry.get("kind", "person")
        if kind not in sch.entity_kinds:
            raise CasebookError(path, f"entity {entry['name']!r}: unknown kind {kind!r}")
        ent = Entity(id=entity_id(entry["name"], kind), name=str(entry["name"]), kind=kind,
                     notes=str(entry.get("notes") or ""))
        for al in entry.get("aliases") or []:
            ent.aliases.append(_alias(path, ent.name, al))
        out.append(ent)
    return out


def _alias(path: Path, owner: str, al) -> Alias:
    if isinstance(al, str):
        return Alias(name=al)
    kind = al.get("kind", "variant")
    if kind not in schema().alias_kinds:
        raise CasebookError(path, f"entity {owner!r}: unknown alias kind {kind!r}")
    valid = None
    start, until = al.get("from"), al.get("until")
    try:
        if start or until:
            lo = parse_when(str(start)) if start else None
            hi = parse_when(str(until)) if until else None
            valid = _between(lo, hi)
    except ValueError as e:
        raise CasebookError(path, f"entity {owner!r}, alias {al.get('name')!r}: {e}") from e
    return Alias(name=str(al["name"]), kind=kind, valid=valid)


def _between(lo, hi):
    from .timespan import OPEN_HI, OPEN_LO, TimeSpan
    return TimeSpan(lo=lo.lo if lo else OPEN_LO, hi=hi.hi if hi else OPEN_HI, granularity="year",
                    text=f"{lo.text if lo else ''}–{hi.text if hi else ''}")


def entity_id(name: str, kind: str) -> str:
    return "e-" + short_hash(kind, name.strip().lower(), length=10)
