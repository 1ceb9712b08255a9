"""Source metadata: front matter, sidecar files, folder manifests, and how they combine.

Three routes, merged field by field, later winning (most specific and most
deliberate last):

    embedded (front matter, HTML <title>/<meta>, PDF info, DOCX properties)
      < manifest (``sources.yaml`` in the file's folder)
      < sidecar (``NAME.EXT.meta.yaml`` or ``NAME.meta.yaml`` next to the file)

Dates stay the strings the historian wrote ('1964', 'early 1940'): parsing them
is the time-span module's job. See docs/ingest.md.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from .. import safe_yaml
from ..errors import BadInputFile, MetadataError, YamlError
from ..model import schema
from .byline import byline_authors, title_authors
from .files import read_regular

if TYPE_CHECKING:
    from .readers import Document

SOURCE_FIELDS = ("title", "kind", "authors", "date", "archive_ref", "url", "licence", "citation",
                 "language", "notes")
ALIASES = {"author": "authors", "date_written": "date", "written": "date", "archive": "archive_ref",
           "reference": "archive_ref", "archive_reference": "archive_ref", "license": "licence", "lang": "language", "note": "notes",
           "source_kind": "kind"}
MANIFEST_NAMES = ("sources.yaml", "sources.yml")
SIDECAR_SUFFIXES = (".meta.yaml", ".meta.yml")
DEFAULT_KIND = "note"
_FENCE = re.compile(r"---[ \t]*\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)


def split_front_matter(text: str, path: Path | str = "front matter") -> tuple[dict, str, int]:
    """Split a leading ``---`` YAML block off `text`: (meta, body, body_offset).

    The block must open on the very first line and close with ``---`` or ``...``;
    otherwise there is no front matter and the whole text is the body.
    `body_offset` is where `body` starts in `text` (blank lines after the block
    are not part of the body).
    """
    if not _FENCE.match(text):
        return {}, text, 0
    opened = _FENCE.match(text).end()
    close = _CLOSE.search(text, opened)
    if close is None:
        return {}, text, 0
    meta = _parse_yaml(text[opened:close.start()], path, "the front matter", first_line=2)
    offset = close.end()
    while offset < len(text) and text[offset] == "\n":
        offset += 1
    return meta, text[offset:], offset


def load_sidecar(path: Path) -> dict:
    """The sidecar of `path`: ``memo.pdf.meta.yaml`` or ``memo.meta.yaml`` ({} if none).

    Both at once is ambiguous and refused, so no deliberate metadata is silently ignored.
    """
    path = Path(path)
    found = [c for c in sidecar_candidates(path) if os.path.lexists(c)]
    if not found:
        return {}
    if len(found) > 1:
        raise MetadataError(path, f"it has two sidecars ({', '.join(c.name for c in found)}); "
                                  "merge them into one")
    return _parse_yaml(_read_yaml_text(found[0]), found[0], "the sidecar")


def sidecar_candidates(path: Path) -> list[Path]:
    names = [path.name + s for s in SIDECAR_SUFFIXES] + [path.stem + s for s in SIDECAR_SUFFIXES]
    return [path.with_name(n) for n in names]


def is_sidecar(path: Path) -> bool:
    return path.name.lower().endswith(SIDECAR_SUFFIXES)


def find_manifest(folder: Path) -> Path | None:
    for name in MANIFEST_NAMES:
        if os.path.lexists(Path(folder) / name):
            return Path(folder) / name
    return None


def load_manifest(folder: Path) -> dict[str, dict]:
    """``sources.yaml`` in `folder`: file name -> metadata ({} if there is none).

    Either a mapping ``{memo.pdf: {title: ...}}`` or a list ``[{file: memo.pdf, title: ...}]``.
    Names are plain file names in the same folder.
    """
    path = find_manifest(folder)
    if path is None:
        return {}
    data = yaml_document(_read_yaml_text(path), path, "the manifest")
    if data is None:
        return {}
    if isinstance(data, dict):
        entries = list(data.items())
    elif isinstance(data, list):
        entries = [_list_entry(path, i, item) for i, item in enumerate(data, start=1)]
    else:
        raise MetadataError(path, "the manifest must map file names to metadata, "
                                  "or be a list of entries each with a `file:` key")
    manifest: dict[str, dict] = {}
    for name, meta in entries:
        if not isinstance(meta, dict):
            raise MetadataError(path, f"the entry for {name!r} must be a mapping (title: ..., kind: ...)")
        if str(name) in manifest:
            raise MetadataError(path, f"{name!r} is listed twice; keep one entry")
        manifest[str(name)] = meta
    return manifest


def _list_entry(path: Path, index: int, item: object) -> tuple[str, dict]:
    if not isinstance(item, dict) or not item.get("file"):
        raise MetadataError(path, f"entry {index} of the manifest needs a `file:` key naming the file")
    item = dict(item)
    return str(item.pop("file")), item


def resolve_metadata(doc: Document, manifest: dict[str, dict] | None) -> dict:
    """The source's metadata: embedded < manifest entry < sidecar, normalised.

    The result has every key of SOURCE_FIELDS (None or [] when not given) and
    ``extra``, holding unknown keys.
    """
    layers = [(doc.metadata, "the embedded metadata"),
              ((manifest or {}).get(doc.path.name, {}), "the manifest entry"),
              (load_sidecar(doc.path), "the sidecar")]
    merged: dict = {f: None for f in SOURCE_FIELDS}
    merged["authors"] = []
    extra: dict = {}
    for raw, where in layers:
        layer = normalise_metadata(raw, doc.path, where)
        extra.update(layer.pop("extra"))
        merged.update(layer)
    merged["authors"] = merged["authors"] or byline_authors(doc.text)   # never the file name
    merged["title"] = merged["title"] or pretty_title(doc.path.stem)
    merged["kind"] = merged["kind"] or DEFAULT_KIND
    if not merged["authors"] and _titled_author(merged["kind"]):      # 'The Memoirs of X'
        merged["authors"] = title_authors(merged["title"])
    merged["extra"] = extra
    return merged


def normalise_metadata(raw: dict, path: Path, where: str = "the metadata") -> dict:
    """Canonical keys and values for one layer; absent or empty values are left out."""
    out: dict = {}
    extra: dict = {}
    for key, value in raw.items():
        name = re.sub(r"[\s-]+", "_", str(key).strip().lower())
        canonical = ALIASES.get(name, name)
        if canonical not in SOURCE_FIELDS:
            try:
                if name == "extra" and isinstance(value, dict):
                    extra.update(_plain(value))
                else:
                    extra[str(key)] = _plain(value)
            except ValueError as e:
                raise MetadataError(path, f"in {where}, {key!r}: {e}") from e
            continue
        value = _field_value(canonical, value, path, where)
        if value in (None, "", []):
            continue
        if canonical in out:
            raise MetadataError(path, f"{where} gives {canonical!r} twice (as {key!r} too); keep one")
        out[canonical] = value
    out["extra"] = extra
    return out


def _field_value(name: str, value: object, path: Path, where: str) -> object:
    if value is None:
        return None
    if name == "authors":
        items = value if isinstance(value, list) else str(value).split(";")
        if not all(_is_scalar(a) for a in items):
            raise MetadataError(path, f"in {where}, authors must be names (a list or 'A; B')")
        return [s for s in (_scalar_text(a) for a in items) if s]
    if not _is_scalar(value):
        raise MetadataError(path, f"in {where}, {name!r} must be a single value, not "
                                  f"{type(value).__name__}")
    text = _scalar_text(value)
    if name == "kind":
        return snake_case(text)
    return text


def _titled_author(kind: str) -> bool:
    """Whether the title of a source of this kind commonly names its author (a memoir, a
    diary, a letter, a memorandum: ``schema/source_kinds.yaml``)."""
    name = schema().source_kind(kind)
    return bool(name and schema().source_kinds[name].get("titled_author"))


def _is_scalar(value: object) -> bool:
    return isinstance(value, (str, int, float, bool, dt.date))


def _scalar_text(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def _plain(value: object) -> object:
    """YAML values made JSON-safe (dates become ISO strings, sets sorted lists); a binary
    value (``!!binary``) is not metadata: ValueError."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted((_plain(v) for v in value), key=str)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray)):
        raise ValueError("a binary (!!binary) value is not metadata; write it as text")
    return value


def snake_case(text: str) -> str:
    """'News report' -> 'news_report'."""
    return re.sub(r"[^0-9a-z]+", "_", text.strip().lower()).strip("_")


def pretty_title(stem: str) -> str:
    """'cairncross_confession-1964' -> 'Cairncross confession 1964'."""
    title = re.sub(r"[\s_-]+", " ", stem).strip() or stem
    return title[:1].upper() + title[1:] if title.islower() else title


MAX_METADATA_BYTES = 4 * 1024 * 1024


def _read_yaml_text(path: Path) -> str:
    """A sidecar or manifest: a real, regular file (not a link), of a bounded size, UTF-8."""
    try:
        data = read_regular(path, MAX_METADATA_BYTES, follow_links=False)
    except BadInputFile as e:
        raise MetadataError(path, e.reason, e.kind) from e
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise MetadataError(path, "not valid UTF-8 text; save it as UTF-8", "not-text") from e


def yaml_document(text: str, path: Path | str, what: str, first_line: int = 1) -> object:
    """Parse YAML safely (no aliases or anchors, bounded; see safe_yaml); an error names the file
    and the line."""
    try:
        return safe_yaml.load(text, name=path, first_line=first_line)
    except YamlError as e:
        if e.kind == "yaml":
            line = f"line {e.line}: " if e.line else ""
            reason = f"{what} is not valid YAML ({line}{e.problem}); fix it"
        else:
            reason = f"{what}: {e.reason}"
        raise MetadataError(path, reason, e.kind) from e


def _parse_yaml(text: str, path: Path | str, what: str, first_line: int = 1) -> dict:
    data = yaml_document(text, path, what, first_line)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise MetadataError(path, f"{what} must be a mapping of fields (title: ..., kind: ...), "
                                  f"not a {type(data).__name__}")
    return data
