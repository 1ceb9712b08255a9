"""Every exception Collingwood raises, and every message a user sees.

Library code raises these; only the CLI (and later the web app) renders them.
Each class carries a stable code, an exit code and an HTTP status, so one
boundary can print or serialise any error in one shape:
``{"ok": false, "error": ..., "status": ...}``.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path


class CollingwoodError(Exception):
    """Base class: a message that says what went wrong, where, and how to fix it."""

    code = "E000"
    exit_code = 1
    http_status = 500

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def as_json(self) -> dict:
        return {"ok": False, "error": self.message, "code": self.code, "status": self.http_status}


class BadInputFile(CollingwoodError):
    """A file that cannot become a source: unreadable, encrypted, empty, mislabelled.

    `kind` is a short, stable reason code a report shows beside the reason (``too-large``,
    ``timeout``, ``memory``, ``zip-bomb``, ``not-text``, ``encrypted``, ``damaged`` ...);
    docs/ingest.md lists them all.
    """

    code = "E101"
    exit_code = 2
    http_status = 422
    default_kind = "unreadable"

    def __init__(self, path: Path | str, reason: str, kind: str | None = None):
        self.path = Path(path)
        self.reason = reason
        self.kind = kind or self.default_kind
        super().__init__(f"Can't read {shown(self.path.name)}: {reason}")

    @property
    def coded_reason(self) -> str:
        """The reason with its code in front: ``[zip-bomb] word/document.xml would ...``."""
        return f"[{self.kind}] {self.reason}"


class MetadataError(BadInputFile):
    """Front matter, a sidecar or a manifest that is not valid."""

    code = "E102"
    default_kind = "metadata"


class CasebookError(BadInputFile):
    """A hand-written claim that cannot be loaded (unknown predicate, quote not found ...)."""

    code = "E103"
    default_kind = "casebook"


class YamlError(BadInputFile):
    """A YAML file or block that is not valid, or that Collingwood refuses to expand (aliases,
    anchors, too deep, too large). `line` is the 1-based line at fault when known."""

    code = "E104"
    default_kind = "yaml"

    def __init__(self, path: Path | str, reason: str, kind: str | None = None, line: int | None = None,
                 problem: str | None = None):
        self.line = line
        self.problem = problem or reason
        super().__init__(path, reason, kind)


class SchemaError(CollingwoodError):
    """The schema data files (predicates, kinds) are inconsistent."""

    code = "E201"
    exit_code = 3


class SpanError(CollingwoodError):
    """A claim without a source span, or whose span does not match its quote."""

    code = "E301"
    exit_code = 2
    http_status = 422


class NotFound(CollingwoodError):
    """A case, a source, an entity or a finding that does not exist."""

    code = "E404"
    exit_code = 4
    http_status = 404


class CaseError(CollingwoodError):
    """A case file that cannot be opened or migrated."""

    code = "E401"
    exit_code = 4
    http_status = 409


class CaseBusy(CaseError):
    """Another process held the case's write lock longer than this one would wait."""

    code = "case-busy"
    exit_code = 5
    http_status = 503

    def __init__(self, case: str, waited: float):
        self.case = case
        super().__init__(
            f"{case} is being written by another Collingwood process and stayed "
            f"busy for {waited:g} s. Try again when it has finished, or wait longer with "
            "COLLINGWOOD_BUSY_TIMEOUT=600.")


class StaleVersion(CollingwoodError):
    """An edit made on a version of a claim that is no longer the current one: refused, so no
    one's change is silently overwritten. Read the claim again and edit the current version."""

    code = "E409"
    exit_code = 6
    http_status = 409

    def __init__(self, claim_id: str, current: int, expected: int, by: str | None = None,
                 at: str | None = None):
        self.claim_id, self.current, self.expected = claim_id, current, expected
        who = f" (made by {by}{' at ' + at if at else ''})" if by else ""
        super().__init__(
            f"Claim {claim_id} is at version {current}{who}, not version {expected}: it changed "
            f"since you read it, and your edit was not applied. Read it again "
            f"(`collingwood history CASE {claim_id}`) and edit version {current}.")

    def as_json(self) -> dict:
        return {**super().as_json(), "claim_id": self.claim_id, "current_version": self.current,
                "expected_version": self.expected}


class ConfigError(CollingwoodError):
    """A bad option or setting."""

    code = "E501"
    exit_code = 2
    http_status = 400


class SearchSyntaxError(ConfigError):
    """A full-text query the search engine cannot parse."""

    code = "search-syntax"

    def __init__(self, query: str, problem: str):
        self.query = query
        shown = query if len(query) <= 60 else query[:57] + "..."
        super().__init__(
            f"can't search for {shown!r}: {problem}. "
            'Try: "exact phrase", word*, a OR b, a NOT b, NEAR(a b, 5).')


def case_not_found(path: Path | str) -> NotFound:
    return NotFound(
        f"No case at {path}. Create one with `collingwood init {path}` first."
    )


def quote_not_in_source(quote: str, source: str) -> str:
    short = quote if len(quote) <= 60 else quote[:57] + "..."
    return f"the quote {short!r} does not occur in source {source!r}; copy it exactly from the text"


def shown(name: str | Path) -> str:
    """A file name made safe to print or store: bytes that are not UTF-8 (kept by Python as
    lone surrogates) become ``\\xNN``; control and format characters (ANSI escape sequences
    start with one, bidi overrides are one) become ``\\xNN`` or ``\\uNNNN``. Printable text,
    accents and all, is kept as it is."""
    out = []
    for ch in str(name):
        o = ord(ch)
        if 0xDC80 <= o <= 0xDCFF:
            out.append(f"\\x{o - 0xDC00:02x}")
        elif unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"):
            out.append(f"\\x{o:02x}" if o < 0x100 else f"\\u{o:04x}" if o < 0x10000 else f"\\U{o:08x}")
        else:
            out.append(ch)
    return "".join(out)


class CaseUnreachable(CaseError):
    """A case on a database server that cannot be reached: the server is down, refuses the
    login, or has no such database. `reason` is a short stable word: ``server-down``,
    ``auth``, ``no-database``, ``server``."""

    code = "case-unreachable"
    exit_code = 4
    http_status = 503

    def __init__(self, case: str, reason: str, message: str):
        self.case = case
        self.reason = reason
        super().__init__(message)


class CaseConflict(CaseError):
    """A write that collided with another writer's (a unique key taken, a serialization
    failure that did not clear on retry): nothing of it was stored."""

    code = "case-conflict"
    exit_code = 5
    http_status = 409


class UndoRefused(CaseError):
    """An audited change that cannot be undone: later changes depend on it, it was undone
    already, or it is derived data (an analysis run) that is recomputed instead."""

    code = "undo-refused"
    exit_code = 4
    http_status = 409
