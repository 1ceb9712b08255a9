"""Hand-written claims (a casebook) and the case's own entity list.

A casebook is a YAML file with a ``claims:`` list, or a CSV file with one claim a
row, named ``*.casebook.yaml`` / ``*.casebook.csv``. Each claim names its source
(file name, path relative to the casebook, source id or title) and gives the
exact quote; Collingwood finds the quote in the source's text and records the
span, so an analyst's claim carries the same provenance as a machine's.

Columns / keys: id, subject, predicate, object, when, where, source, page, quote,
polarity, modality, asserted_by, reported_by, confidence, note. An ``id`` (optional) is the
claim's for good: reading the entry again with another subject, object or quote revises that
claim (a new version) instead of adding another one.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import safe_yaml
from .errors import CasebookError, SchemaError, YamlError, quote_not_in_source
from . import identity
from .model import EXTRACTORS_HUMAN, MODALITIES, POLARITIES, STATUSES, Alias, Claim, Entity, Source, schema
from .timespan import parse_when

CLAIM_KEYS = ("subject", "predicate", "object", "when", "where", "source", "page", "quote",
              "polarity", "modality", "asserted_by", "reported_by", "confidence", "note", "status", "id")


@dataclass
class CasebookResult:
    claims: list[Claim] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)   # "claim 3 (line 12): reason"
    merged: list[str] = field(default_factory=list)   # entries that repeat an earlier one exactly


class FieldError(ValueError):
    """A bad value in one field of one entry (so the message can name the field's line)."""

    def __init__(self, key: str, message: str):
        super().__init__(message)
        self.key = key


@dataclass
class Entry:
    """One raw entry of a casebook or entity list and where it was written."""

    label: str                                   # 'claim 3 (line 12)', 'row 4'
    data: object
    line: int | None = None
    field_lines: dict[str, int] = field(default_factory=dict)

    def where(self, key: str | None = None) -> str:
        line = self.field_lines.get(key) if key else None
        if line is None or line == self.line:
            return self.label
        return f"{self.label}, line {line}"


def entry_lines(raw: str, key: str) -> list[tuple[int, dict[str, int]]]:
    """For each item of the top-level ``key:`` list: its 1-based line and the line of each of
    its fields. Read from the YAML node tree (no values are built, so no alias is expanded);
    empty when the text has no such list. Only called on text that has already loaded."""
    try:
        root = yaml.compose(raw, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return []
    if not isinstance(root, yaml.MappingNode):
        return []
    for k, v in root.value:
        if isinstance(k, yaml.ScalarNode) and k.value == key and isinstance(v, yaml.SequenceNode):
            out = []
            for item in v.value:
                fields = {}
                if isinstance(item, yaml.MappingNode):
                    fields = {fk.value: fk.start_mark.line + 1 for fk, _ in item.value
                              if isinstance(fk, yaml.ScalarNode)}
                out.append((item.start_mark.line + 1, fields))
            return out
    return []


def read_rows(path: Path) -> list[Entry]:
    """The raw claim entries of a casebook, each with its label and line for error messages."""
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise CasebookError(path, f"cannot read it as UTF-8 text ({e})") from e
    if path.suffix.lower() == ".csv":
        reader = csv.DictReader(raw.splitlines())
        missing = {"subject", "predicate", "source", "quote"} - set(reader.fieldnames or [])
        if missing:
            raise CasebookError(path, f"the CSV header lacks {', '.join(sorted(missing))}")
        rows = []
        for row in reader:      # line_num: the line the row ends on (a quoted cell may span lines)
            rows.append(Entry(f"line {reader.line_num}", {k: v for k, v in row.items() if k and v not in (None, "")},
                              reader.line_num))
        return rows
    try:
        data = safe_yaml.load(raw, name=path)
    except YamlError as e:
        raise CasebookError(path, f"invalid YAML: {e}".replace("\n", " ")) from e
    if not isinstance(data, dict) or not isinstance(data.get("claims"), list):
        raise CasebookError(path, "a casebook needs a top-level `claims:` list")
    defaults = data.get("defaults") or {}
    if not isinstance(defaults, dict):
        raise CasebookError(path, "`defaults:` must be a mapping of fields (source: ..., when: ...)")
    lines = entry_lines(raw, "claims")
    rows = []
    for i, entry in enumerate(data["claims"], start=1):
        line, fields = lines[i - 1] if len(lines) == len(data["claims"]) else (None, {})
        label = f"claim {i} (line {line})" if line else f"claim {i}"
        rows.append(Entry(label, {**defaults, **entry} if isinstance(entry, dict) else entry, line, fields))
    return rows


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


TEXT_KEYS = ("id", "subject", "predicate", "object", "when", "where", "source", "quote", "polarity",
             "modality", "asserted_by", "reported_by", "note", "status")


def _text(entry: dict, key: str) -> str | None:
    value = entry.get(key)
    if isinstance(value, (dict, list, tuple, set)):
        raise FieldError(key, f"{key} must be a single value, not a {'mapping' if isinstance(value, dict) else 'list'}")
    if value is None or str(value).strip() == "":
        return None
    return str(value).strip()


def _choice(entry: dict, key: str, choices: tuple[str, ...], default: str) -> str:
    value = (_text(entry, key) or default).lower()
    if value not in choices:
        raise FieldError(key, f"{key} {entry[key]!r} is not one of {', '.join(choices)}")
    return value


def _page(entry: dict) -> int | None:
    value = entry.get("page")
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool) or not (isinstance(value, int) or str(value).strip().isdigit()):
        raise FieldError("page", f"page must be a whole number (the page as the source numbers it), not {value!r}")
    page = int(str(value).strip())
    if page < 1:
        raise FieldError("page", f"page must be 1 or more, not {page}")
    return page


def _confidence(entry: dict) -> float:
    value = entry.get("confidence")
    if value is None or (isinstance(value, str) and not value.strip()):
        return 1.0
    try:
        number = float(value) if not isinstance(value, bool) else None
    except (TypeError, ValueError):
        number = None
    if number is None or not 0.0 <= number <= 1.0:      # NaN fails the comparison too
        raise FieldError("confidence", f"confidence must be a number from 0 to 1 (e.g. 0.8), not {value!r}")
    return number


def build_claim(entry: dict, source: Source) -> Claim:
    """One casebook entry -> a Claim with its span; raises ValueError (FieldError when one
    field is at fault) with the reason and, for an enumeration, the valid choices."""
    unknown = set(entry) - set(CLAIM_KEYS)
    if unknown:
        raise FieldError(sorted(unknown)[0],
                         f"unknown field(s) {', '.join(sorted(map(str, unknown)))}; known: {', '.join(CLAIM_KEYS)}")
    for key in ("subject", "predicate", "quote"):
        if not _text(entry, key):
            raise ValueError(f"missing {key!r}")
    try:
        predicate = schema().predicate(_text(entry, "predicate"))
    except SchemaError as e:
        raise FieldError("predicate", e.message) from e
    polarity = _choice(entry, "polarity", POLARITIES, "affirmed")
    modality = _choice(entry, "modality", MODALITIES, "asserted")
    status = _choice(entry, "status", STATUSES, "accepted")
    confidence = _confidence(entry)
    quote = _text(entry, "quote")
    page = _page(entry)
    lo, hi = 0, len(source.text)
    if page is not None:
        ranges = [(s, e) for n, s, e in source.pages if n == page]
        if not ranges:
            numbers = [n for n, _, _ in source.pages]
            raise FieldError("page", f"source {source.title!r} has no page {page}"
                             + (f" (its pages are {numbers[0]} to {numbers[-1]})" if numbers else ""))
        lo, hi = ranges[0]
    span = find_quote(source.text, quote, lo, hi)
    if span is None:
        raise FieldError("quote", quote_not_in_source(quote, source.title))
    when = _text(entry, "when")
    time = None
    if when:
        try:
            time = parse_when(when)
        except ValueError as e:
            raise FieldError("when", f"cannot read the date {when!r}: {e}") from e
    start, end = span
    given = _text(entry, "id")
    if given is not None and not _GIVEN_ID.fullmatch(given):
        raise FieldError("id", f"id {given!r} must be 1 to 64 letters, digits, '-', '_', '.' or ':' (no spaces)")
    return Claim(
        id=given or "", source_id=source.id, start=start, end=end, quote=source.text[start:end],
        subject=_text(entry, "subject"), predicate=predicate.name, object=_text(entry, "object"),
        time=time, place=_text(entry, "where"), polarity=polarity, modality=modality,
        asserted_by=_text(entry, "asserted_by"), reported_by=_text(entry, "reported_by"),
        extracted_by=EXTRACTORS_HUMAN, status=status,
        confidence=confidence, page=page or source.page_at(start), note=_text(entry, "note") or "",
    )


_GIVEN_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}")
SAME_ID = "the same source span, subject, predicate, object and polarity"


def _differences(a: Claim, b: Claim) -> list[str]:
    names = {"time": "when", "place": "where"}
    out = []
    for f in ("time", "place", "modality", "asserted_by", "reported_by", "confidence", "status", "page",
              "note", "quote"):
        x, y = getattr(a, f), getattr(b, f)
        if f == "time":
            x, y = (x.to_dict() if x else None), (y.to_dict() if y else None)
        if x != y:
            out.append(names.get(f, f))
    return out


def _show(claim: Claim, name: str) -> str:
    value = {"when": claim.time.text if claim.time else None, "where": claim.place}.get(name, getattr(claim, name, None))
    return repr(value) if value not in (None, "") else "none"


def load_casebook(path: Path, sources: list[Source]) -> CasebookResult:
    """Read a casebook; good entries become claims, bad ones become reasons (with the entry's
    number and line); an entry that repeats an earlier one is kept once, and one that says
    something else about the same passage is refused, naming both."""
    result = CasebookResult()
    index = SourceIndex(sources)
    seen: dict[str, tuple[Entry, Claim]] = {}
    for entry in read_rows(path):
        if not isinstance(entry.data, dict):
            result.errors.append(f"{entry.label}: each claim must be a mapping of fields")
            continue
        try:
            source = index.find(_text(entry.data, "source") or "", path.parent)
            claim = build_claim(entry.data, source)
        except FieldError as e:
            result.errors.append(f"{entry.where(e.key)}: {e}")
            continue
        except ValueError as e:
            result.errors.append(f"{entry.label}: {e}")
            continue
        if claim.id in seen:
            first, earlier = seen[claim.id]
            differ = _differences(earlier, claim)
            if not differ:
                result.merged.append(f"{entry.label} repeats {first.label}: kept once")
            else:
                shown = "; ".join(f"{d} {_show(claim, d)} here, {_show(earlier, d)} there" for d in differ)
                same = "the same id" if _text(entry.data, "id") else SAME_ID
                result.errors.append(
                    f"{entry.label}: {same} as {first.label} but a different {', '.join(differ)} "
                    f"({shown}); make them one claim, or quote the words that carry each version")
            continue
        seen[claim.id] = (entry, claim)
        result.claims.append(claim)
    return result


def load_entities(path: Path) -> list[Entity]:
    """The case's own entity list: ``entities: [{name, kind, aliases: [...]}]``."""
    try:
        data = safe_yaml.load(path.read_text(encoding="utf-8-sig"), name=path)
    except (OSError, UnicodeDecodeError, YamlError) as e:
        raise CasebookError(path, f"cannot read the entity list: {e}") from e
    if not isinstance(data, dict) or not isinstance(data.get("entities"), list):
        raise CasebookError(path, "an entity list needs a top-level `entities:` list")
    return _entity_list(path, data["entities"])


class EntityList(list):
    """The entities of an entity list, with the reasons its bad entries were left out."""

    def __init__(self, items=(), errors=(), merged=()):
        super().__init__(items)
        self.errors: list[str] = list(errors)
        self.merged: list[str] = list(merged)


ENTITY_KEYS = ("name", "kind", "notes", "aliases")
ALIAS_KEYS = ("name", "kind", "from", "until")


def _entity_list(path: Path, items: list) -> EntityList:
    """Each entry on its own: a bad one is reported with its number, line and the valid
    choices, the others load; an entry repeating an earlier one is kept once; one giving the
    same name and kind other aliases or notes is refused, naming both."""
    try:
        lines = entry_lines(path.read_text(encoding="utf-8-sig"), "entities")
    except (OSError, UnicodeDecodeError):
        lines = []
    out = EntityList()
    seen: dict[str, tuple[str, Entity]] = {}
    for i, data in enumerate(items, start=1):
        line, fields = lines[i - 1] if len(lines) == len(items) else (None, {})
        entry = Entry(f"entity {i} (line {line})" if line else f"entity {i}", data, line, fields)
        try:
            ent = _entity(data)
        except FieldError as e:
            out.errors.append(f"{entry.where(e.key)}: {e}")
            continue
        if ent.id in seen:
            first, earlier = seen[ent.id]
            if _same_entity(earlier, ent):
                out.merged.append(f"{entry.label} repeats {first}: kept once")
            else:
                out.errors.append(f"{entry.label}: {ent.name!r} ({ent.kind}) is already {first}, with other "
                                  "aliases or notes; write each entity once, with all its aliases")
            continue
        seen[ent.id] = (entry.label, ent)
        out.append(ent)
    return out


def _same_entity(a: Entity, b: Entity) -> bool:
    def key(e: Entity):
        return (e.name, e.kind, e.notes, [(x.name, x.kind, x.valid.to_dict() if x.valid else None)
                                          for x in e.aliases])
    return key(a) == key(b)


def _entity(entry) -> Entity:
    if not isinstance(entry, dict):
        raise FieldError("name", "each entity must be a mapping (name: ..., kind: ..., aliases: [...])")
    unknown = sorted(map(str, set(entry) - set(ENTITY_KEYS)))
    if unknown:
        raise FieldError(unknown[0], f"unknown field(s) {', '.join(unknown)}; known: {', '.join(ENTITY_KEYS)}")
    name = _text(entry, "name")
    if not name:
        raise FieldError("name", "an entity needs a name")
    kinds = schema().entity_kinds
    kind = _text(entry, "kind") or "person"
    if kind not in kinds:
        raise FieldError("kind", f"{name!r}: kind {kind!r} is not one of {', '.join(kinds)}")
    aliases = entry.get("aliases") or []
    if not isinstance(aliases, list):
        raise FieldError("aliases", f"{name!r}: aliases must be a list of names or of {{name: ..., kind: ...}}")
    ent = Entity(id=entity_id(name, kind), name=name, kind=kind, notes=_text(entry, "notes") or "")
    for al in aliases:
        ent.aliases.append(_alias(name, al))
    return ent


def _alias(owner: str, al) -> Alias:
    if isinstance(al, (str, int, float)) and not isinstance(al, bool):
        return Alias(name=str(al))
    if not isinstance(al, dict):
        raise FieldError("aliases", f"{owner!r}: an alias is a name or a mapping {{name: ..., kind: ...}}")
    unknown = sorted(map(str, set(al) - set(ALIAS_KEYS)))
    if unknown:
        raise FieldError("aliases", f"{owner!r}: unknown alias field(s) {', '.join(unknown)}; "
                                    f"known: {', '.join(ALIAS_KEYS)}")
    name = _text(al, "name")
    if not name:
        raise FieldError("aliases", f"{owner!r}: an alias needs a name")
    kinds = schema().alias_kinds
    kind = _text(al, "kind") or "variant"
    if kind not in kinds:
        raise FieldError("aliases", f"{owner!r}, alias {name!r}: kind {kind!r} is not one of {', '.join(kinds)}")
    valid = None
    start, until = _text(al, "from"), _text(al, "until")
    try:
        if start or until:
            lo = parse_when(start) if start else None
            hi = parse_when(until) if until else None
            valid = _between(lo, hi)
    except ValueError as e:
        raise FieldError("aliases", f"{owner!r}, alias {name!r}: cannot read its dates: {e}") from e
    return Alias(name=name, kind=kind, valid=valid)


def _between(lo, hi):
    from .timespan import OPEN_HI, OPEN_LO, TimeSpan
    return TimeSpan(lo=lo.lo if lo else OPEN_LO, hi=hi.hi if hi else OPEN_HI, granularity="year",
                    text=f"{lo.text if lo else ''}–{hi.text if hi else ''}")


def entity_id(name: str, kind: str) -> str:
    return identity.entity_id(name, kind)
