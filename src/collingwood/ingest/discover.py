"""Find what to ingest under a list of files and folders: sources, casebooks, manifests.

Deterministic (sorted), reads no document, raises nothing: what cannot be used
is listed in `skipped` with a reason. Hidden files and folders, sidecars and
manifests are not listed anywhere (they are metadata, not sources).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import MetadataError
from .metadata import MANIFEST_NAMES, find_manifest, is_sidecar, load_manifest
from .readers import SUPPORTED_SUFFIXES

CASEBOOK_SUFFIXES = (".casebook.yaml", ".casebook.yml", ".casebook.csv")


@dataclass
class Discovered:
    documents: list[Path] = field(default_factory=list)  # sources to read, sorted
    casebooks: list[Path] = field(default_factory=list)  # hand-written claims, sorted
    skipped: list[tuple[Path, str]] = field(default_factory=list)  # (path, reason)
    manifests: dict[Path, dict] = field(default_factory=dict)  # folder -> loaded manifest


def discover(paths: list[Path]) -> Discovered:
    found = Discovered()
    files: dict[Path, Path] = {}  # resolved -> as given, so a file named twice is read once
    explicit = {Path(p).resolve() for p in paths if Path(p).is_file()}
    for given in paths:
        given = Path(given)
        if given.is_dir():
            candidates = _walk(given)
        elif given.is_file():
            candidates = [given]
        else:
            found.skipped.append((given, "no such file"))
            continue
        for path in candidates:
            files.setdefault(path.resolve(), path)
    bad_manifests: dict[Path, str] = {}
    for path in sorted(files.values(), key=_sort_key):
        if path.resolve() not in explicit and is_folder_documentation(path):
            found.skipped.append((path, "the folder's own README or licence, not a source "
                                        "(name the file itself to ingest it)"))
            continue
        _classify(path, found, bad_manifests)
    _check_manifests(found)
    return found


FOLDER_DOCS = ("readme", "license", "licence", "copying", "notice")


def is_folder_documentation(path: Path) -> bool:
    """README.md, LICENSE.md and the like describe a folder of sources; they are not sources."""
    return path.stem.lower() in FOLDER_DOCS


def _walk(folder: Path) -> list[Path]:
    out = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        out.extend(Path(root) / n for n in names if not n.startswith("."))
    return out


def _sort_key(path: Path) -> tuple:
    return tuple(p.lower() for p in path.parts), str(path)


def _classify(path: Path, found: Discovered, bad_manifests: dict[Path, str]) -> None:
    name = path.name.lower()
    if is_sidecar(path) or name in MANIFEST_NAMES:
        return
    if name.endswith(CASEBOOK_SUFFIXES):
        found.casebooks.append(path)
    elif name.startswith("~$"):
        found.skipped.append((path, "an Office lock file, not a document"))
    elif path.suffix.lower() in SUPPORTED_SUFFIXES:
        problem = _load_folder_manifest(path.parent, found, bad_manifests)
        if problem:
            found.skipped.append((path, problem))
        else:
            found.documents.append(path)
    elif path.suffix:
        found.skipped.append((path, f"unsupported file type '{path.suffix.lower()}'"))
    else:
        found.skipped.append((path, "no file extension, so its format is unknown"))


def _load_folder_manifest(folder: Path, found: Discovered, bad: dict[Path, str]) -> str | None:
    """Load the folder's manifest once; a broken manifest holds back the folder's documents,
    since ingesting them without their metadata could not be corrected by a re-ingest."""
    if folder in found.manifests:
        return None
    if folder in bad:
        return bad[folder]
    try:
        found.manifests[folder] = load_manifest(folder)
    except MetadataError as e:
        found.skipped.append((e.path, e.reason))
        bad[folder] = f"held back: {e.path.name} in its folder is invalid ({e.reason})"
        return bad[folder]
    return None


def _check_manifests(found: Discovered) -> None:
    """A manifest entry naming no file is most likely a typo: report it."""
    for folder, manifest in found.manifests.items():
        for name in manifest:
            if not (folder / name).is_file():
                where = find_manifest(folder)
                found.skipped.append((folder / name, f"listed in {where.name if where else 'the manifest'} "
                                                     "but there is no such file"))
