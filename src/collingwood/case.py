"""A case: one store plus the stages that read and write it.

    >>> import collingwood
    >>> case = collingwood.open_case("cambridge.case")
    >>> case.ingest(["sources/"])
    >>> [c.quote for c in case.claims()]
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .claim_edits import READING, edited
from .engine import create_database, database_exists, dialect_of, is_url, shown_url
from .errors import CaseError, CaseUnreachable, NotFound, StaleVersion, case_not_found
from .model import CaseData
from .stage import StageReport
from .store import Store, case_url, claim_values
from .timespan import TimeSpan

DEFAULT_SUFFIX = ".case"


class Case:
    def __init__(self, store: Store, path: str):
        self.store = store
        self.path = path
        self.analysed = None        # the stored analysis results read last (`analysis.results`)
        self.progress: Callable[[str], None] | None = None   # told when a long analysis runs

    # --- creation -------------------------------------------------------------
    @classmethod
    def init(cls, path: Path | str, title: str | None = None) -> Case:
        """Create a case: a SQLite file, or (a postgresql:// URL) the tables in a database,
        creating the database on the server when it is missing."""
        path = str(path)
        url = case_url(path)
        if not is_url(path):
            p = Path(path)
            if p.exists() and p.is_dir():
                raise CaseError(f"{path} is a folder; a case is a file, e.g. {p / 'my.case'}.")
            p.parent.mkdir(parents=True, exist_ok=True)
        elif dialect_of(url) != "sqlite" and not database_exists(url):
            create_database(url)
        store = Store(url)
        store.migrate()
        case = cls(store, path)
        if title and not store.get_meta("title"):
            store.set_meta("title", title)
        return case

    @classmethod
    def open(cls, path: Path | str, create: bool = False) -> Case:
        """Open a case (a file or a database URL); ``create``: make it when it is not there."""
        path = str(path)
        if not is_url(path):
            if not Path(path).exists():
                if create:
                    return cls.init(path)
                raise case_not_found(path)
            store = Store(case_url(path))
            store.check_version()
            return cls(store, path)
        store = Store(case_url(path))
        try:
            empty = store.version() == 0
        except CaseUnreachable as e:
            if e.reason == "no-database" and create:
                return cls.init(path)
            raise
        if empty and create:
            return cls.init(path)
        store.check_version()
        return cls(store, path)

    @staticmethod
    def exists(path: Path | str) -> bool:
        """Whether a case is there: the file exists, or the database has a case's tables."""
        path = str(path)
        if not is_url(path):
            return Path(path).exists()
        url = case_url(path)
        if dialect_of(url) != "sqlite" and not database_exists(url):
            return False
        store = Store(url)
        try:
            return store.version() > 0
        finally:
            store.dispose()

    @property
    def label(self) -> str:
        """The case's location as printed (a URL without its password)."""
        return shown_url(self.path)

    # --- stages ---------------------------------------------------------------
    def ingest(self, paths: list[Path | str], progress: Callable[[str], None] | None = None) -> StageReport:
        from .ingest.stage import run
        return run(self.store, [Path(p) for p in paths], progress)

    def extract(self, extractor: str | None = None, force: bool = False,
                progress: Callable[[str], None] | None = None, planned=None) -> StageReport:
        from .extract.stage import run
        return run(self.store, extractor=extractor, force=force, progress=progress, planned=planned)

    def plan_extract(self, extractor: str | None = None, force: bool = False):
        """The sources an extract run would read (read once: for a progress bar and the run)."""
        from .extract.stage import plan
        return plan(self.store, extractor, force)

    # --- curation (audited in the store) ----------------------------------------
    def review(self, claim_id: str, status: str, note: str = "", expected_version: int | None = None):
        """Accept, reject or re-propose a claim: a new version of it (the claim as it is now)."""
        return self.store.set_claim_status(claim_id, status, note, expected_version)

    def edit_claim(self, claim_id: str, changes: dict, expected_version: int):
        """Change a claim's fields (``claim_edits.EDITABLE``): a new version of the same id, the
        old one kept (`claim_history`). Refused with StaleVersion, naming the current version,
        when the claim is no longer at ``expected_version``: one compare-and-set, so two
        analysts editing at once never overwrite each other. A hand edit of the reading is
        never overwritten by re-extraction. Returns the claim as stored now."""
        current = self.store.claim(claim_id)
        if current is None:
            raise NotFound(f"No claim {claim_id!r} in this case; see `collingwood claims --json` for ids.")
        if current.version != expected_version:      # checked again, atomically, by the store
            raise StaleVersion(claim_id, current.version, expected_version)
        new, _ = edited(current, changes)
        before, after = claim_values(current), claim_values(new)
        diff = {k: v for k, v in after.items() if before[k] != v}
        reading = any(k in READING for k in diff)
        return self.store.update_claim(claim_id, diff, expected_version, change="edit", edited=reading)

    def claim(self, claim_id: str):
        """The claim with this id as it is now (NotFound if none)."""
        found = self.store.claim(claim_id)
        if found is None:
            raise NotFound(f"No claim {claim_id!r} in this case; see `collingwood claims --json` for ids.")
        return found

    def claim_history(self, claim_id: str):
        """Every version of a claim (model.ClaimVersion), the first first, the current last."""
        return self.store.claim_history(claim_id)

    def set_verdict(self, finding_id: str, value: str, note: str = "") -> None:
        self.store.set_verdict(finding_id, value, note)

    def add_curation(self, kind: str, name: str, other: str, name_id: str | None = None,
                     other_id: str | None = None) -> None:
        """A merge or split of two names; the ids: the entities they denote now (a fallback when
        a name no longer occurs)."""
        self.store.add_curation(kind, name, other, name_id, other_id)

    # --- the audit log ----------------------------------------------------------
    def audit(self, limit: int | None = None, target: str | None = None) -> list[dict]:
        """The audit log, newest first: each change's id, at, actor, action, target, and the
        rows before and after it (``{table: [row, ...]}``); ``note``: what else it recorded."""
        return self.store.audit_entries(limit=limit, target=target)

    def undo(self, audit_id: int) -> dict:
        """Put back the state before audit entry ``audit_id`` (audited itself); the new entry.
        Refused with a coded UndoRefused when later changes depend on it."""
        return self.store.undo(audit_id)

    # --- reading --------------------------------------------------------------
    @property
    def title(self) -> str:
        return self.store.get_meta("title") or Path(self.path.rsplit("/", 1)[-1]).stem

    def period(self) -> TimeSpan | None:
        period = self.store.get_meta("period")
        return TimeSpan.from_dict(period["span"]) if period else None

    def sources(self):
        return self.store.sources()

    def claims(self, include_rejected: bool = False):
        return self.store.claims(include_rejected=include_rejected)

    def entities(self):
        return self.store.entities()

    def mentions(self):
        return self.store.mentions()

    def search(self, query: str, limit: int = 20) -> list[dict]:
        """Full-text search over the sources (a bad query: SearchSyntaxError)."""
        return self.store.search(query, limit=limit)

    def description(self) -> str:
        return self.store.get_meta("description") or ""

    def resolved(self):
        """The snapshot and its resolution: (CaseData, Resolution)."""
        from .resolve import resolve
        data = self.data()
        return data, resolve(data)

    @staticmethod
    def findings(data: CaseData, res) -> list:
        """Every detector's findings over a resolved snapshot."""
        from .analyse.findings import findings
        return findings(data, res)

    def data(self) -> CaseData:
        """A plain snapshot of the case, what every analysis reads."""
        return CaseData(
            sources={s.id: s for s in self.store.sources()},
            entities=self.store.entities(),
            claims=self.store.claims(),
            mentions=self.store.mentions(),
            period=self.period(),
            merges=self.store.curation("merge"),
            splits=self.store.curation("split"),
            verdicts=self.store.verdicts(),
        )


def open_case(path: Path | str, create: bool = False) -> Case:
    """Open the case at ``path`` (a file, or a database URL); ``create`` makes it if missing."""
    return Case.open(path, create=create)


def init_case(path: Path | str, title: str | None = None) -> Case:
    return Case.init(path, title=title)
