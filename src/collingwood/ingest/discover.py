"""Find what to ingest under a list of files and folders: sources, casebooks, case files, manifests.

Deterministic (sorted), reads no document, raises nothing: what cannot be used is listed in
`skipped` with a coded reason. Hidden files and folders, sidecars and manifests are not
listed anywhere (they are metadata, not sources).

The walk stays inside the input: it is iterative (any depth), looks at each entry with
`lstat`, lists only regular files (never FIFOs, devices or sockets), follows a link to a
file only when the file is inside one of the folders given, never follows links to
folders (the folder is read in its own place, or it is outside), and never enters a
folder twice (bind mounts, loops).
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import MetadataError, shown
from .files import human_bytes, kind_of
from .metadata import MANIFEST_NAMES, find_manifest, is_sidecar, load_manifest
from .readers import SUPPORTED_SUFFIXES

CASEBOOK_SUFFIXES = (".casebook.yaml", ".casebook.yml", ".casebook.csv")
CASE_FILE = "case.yaml"
MAX_CASE_INPUT_BYTES = 16 * 1024 * 1024   # a casebook, an entity list: YAML written by hand


def is_entity_list(path: Path) -> bool:
    return path.name == "entities.yaml" or path.name.endswith(".entities.yaml")


def is_hypothesis_file(path: Path) -> bool:
    return path.name.endswith((".hypotheses.yaml", ".hypotheses.yml"))


def is_case_input(path: Path) -> bool:
    """YAML files that describe the case rather than being sources of it."""
    return path.name == CASE_FILE or is_entity_list(path) or is_hypothesis_file(path)


@dataclass
class Discovered:
    documents: list[Path] = field(default_factory=list)  # sources to read, sorted
    casebooks: list[Path] = field(default_factory=list)  # hand-written claims, sorted
    case_inputs: list[Path] = field(default_factory=list)  # case.yaml, entity lists, hypotheses
    skipped: list[tuple[Path, str]] = field(default_factory=list)  # (path, coded reason)
    manifests: dict[Path, dict] = field(default_factory=dict)  # folder -> loaded manifest
    roots: list[str] = field(default_factory=list)  # the real paths of the folders given

    def skip(self, path: Path, kind: str, reason: str) -> None:
        self.skipped.append((path, f"[{kind}] {reason}"))


def discover(paths: list[Path]) -> Discovered:
    found = Discovered()
    given_paths = [Path(p) for p in paths]
    found.roots = [os.path.realpath(p) for p in given_paths if _is_dir(p)]
    files: dict[str, tuple[Path, bool]] = {}  # real path -> (path as found, reached by a link)
    explicit: set[str] = set()
    sizes: dict[Path, int] = {}
    for given in given_paths:
        try:
            st = os.stat(given)
        except FileNotFoundError:
            found.skip(given, "missing", "no such file")
            continue
        except OSError as e:
            found.skip(given, "unreadable", f"cannot look at it ({e.strerror or e})")
            continue
        if stat.S_ISDIR(st.st_mode):
            candidates = _walk(given, found)
        elif stat.S_ISREG(st.st_mode):
            candidates = [(given, False, st.st_size)]
            explicit.add(os.path.realpath(given))
        else:
            found.skip(given, "not-a-file", f"it is {kind_of(st.st_mode)}, not a regular file; "
                                            "only regular files are read")
            continue
        for path, via_link, size in candidates:
            real = os.path.realpath(path)
            sizes[path] = size
            if real not in files or (files[real][1] and not via_link):
                files[real] = (path, via_link)   # the file in its own place beats a link to it
    bad_manifests: dict[Path, str] = {}
    for real, (path, _) in sorted(files.items(), key=lambda item: _sort_key(item[1][0])):
        if real not in explicit and is_folder_documentation(path):
            found.skip(path, "not-a-source", "the folder's own README or licence, not a source "
                                             "(name the file itself to ingest it)")
            continue
        _classify(path, sizes.get(path, 0), found, bad_manifests)
    _check_manifests(found)
    return found


FOLDER_DOCS = ("readme", "license", "licence", "copying", "notice")


def is_folder_documentation(path: Path) -> bool:
    """README.md, LICENSE.md and the like describe a folder of sources; they are not sources."""
    return path.stem.lower() in FOLDER_DOCS


def _is_dir(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except OSError:
        return False


def inside(real: str, roots: list[str]) -> bool:
    return any(real == root or real.startswith(root.rstrip(os.sep) + os.sep) for root in roots)


def _walk(folder: Path, found: Discovered) -> list[tuple[Path, bool, int]]:
    """Regular files under `folder`: (path, reached through a link, size). Iterative, so depth
    is no limit; a folder already entered (by its device and inode) is not entered again."""
    out: list[tuple[Path, bool, int]] = []
    seen: set[tuple[int, int]] = set()
    stack = [os.fspath(folder)]   # plain strings: a Path per folder costs O(depth) each
    while stack:
        here = stack.pop()
        try:
            st = os.stat(here)
            if (st.st_dev, st.st_ino) in seen:
                found.skip(Path(here), "loop", "this folder was already read (a loop or a second mount); not read twice")
                continue
            seen.add((st.st_dev, st.st_ino))
            with os.scandir(here) as it:
                entries = sorted(it, key=lambda e: (e.name.lower(), e.name))
        except OSError as e:
            found.skip(Path(here), "unreadable", f"cannot open the folder ({e.strerror or e})")
            continue
        subfolders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                lst = entry.stat(follow_symlinks=False)
            except OSError as e:
                found.skip(Path(entry.path), "unreadable", f"cannot look at it ({e.strerror or e})")
                continue
            if stat.S_ISDIR(lst.st_mode):
                subfolders.append(entry.path)
            elif stat.S_ISLNK(lst.st_mode):
                _link(Path(entry.path), found, out)
            elif stat.S_ISREG(lst.st_mode):
                out.append((Path(entry.path), False, lst.st_size))
            else:
                found.skip(Path(entry.path), "not-a-file", f"it is {kind_of(lst.st_mode)}, not a regular file; "
                                               "only regular files are read")
        stack.extend(reversed(subfolders))
    return out


def _link(path: Path, found: Discovered, out: list) -> None:
    """A link is followed only to a regular file inside the input folders, and only once."""
    real = os.path.realpath(path)
    if not inside(real, found.roots):
        found.skip(path, "link-outside", f"a link to {shown(real)}, outside the input folders; "
                                         "not followed (copy the file in to ingest it)")
        return
    try:
        st = os.stat(path)
    except OSError as e:
        found.skip(path, "broken-link", f"a link to {shown(real)}, which cannot be opened ({e.strerror or e})")
        return
    if stat.S_ISDIR(st.st_mode):
        found.skip(path, "link", "a link to a folder inside the input; not followed (that folder "
                                 "is read in its own place)")
    elif stat.S_ISREG(st.st_mode):
        out.append((path, True, st.st_size))
    else:
        found.skip(path, "not-a-file", f"a link to {kind_of(st.st_mode)}, not a regular file; not read")


def _sort_key(path: Path) -> tuple:
    return tuple(p.lower() for p in path.parts), str(path)


def _classify(path: Path, size: int, found: Discovered, bad_manifests: dict[Path, str]) -> None:
    name = path.name.lower()
    if is_sidecar(path) or name in MANIFEST_NAMES:
        return
    hand_written = name.endswith(CASEBOOK_SUFFIXES) or is_case_input(path)
    if hand_written and size > MAX_CASE_INPUT_BYTES:
        found.skip(path, "too-large", f"it is {human_bytes(size)}, over the limit of "
                                      f"{human_bytes(MAX_CASE_INPUT_BYTES)} for a hand-written file")
    elif name.endswith(CASEBOOK_SUFFIXES):
        found.casebooks.append(path)
    elif is_case_input(path):
        found.case_inputs.append(path)
    elif name.startswith("~$"):
        found.skip(path, "unsupported", "an Office lock file, not a document")
    elif path.suffix.lower() in SUPPORTED_SUFFIXES:
        problem = _load_folder_manifest(path.parent, found, bad_manifests)
        if problem:
            found.skipped.append((path, problem))
        else:
            found.documents.append(path)
    elif path.suffix:
        found.skip(path, "unsupported", f"unsupported file type '{shown(path.suffix.lower())}'")
    else:
        found.skip(path, "unsupported", "no file extension, so its format is unknown")


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
        found.skipped.append((e.path, e.coded_reason))
        bad[folder] = f"[held-back] {shown(e.path.name)} in its folder is invalid ({e.reason})"
        return bad[folder]
    return None


def _check_manifests(found: Discovered) -> None:
    """A manifest entry naming no file is most likely a typo: report it."""
    for folder, manifest in found.manifests.items():
        for name in manifest:
            if not (folder / name).is_file():
                where = find_manifest(folder)
                found.skip(folder / name, "missing", f"listed in {where.name if where else 'the manifest'} "
                                                     "but there is no such file")
