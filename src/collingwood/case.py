"""A case: one store plus the stages that read and write it.

    >>> import collingwood
    >>> case = collingwood.open_case("cambridge.case")
    >>> case.ingest(["sources/"])
    >>> [c.quote for c in case.claims()]
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .errors import CaseError, case_not_found
from .model import CaseData
from .stage import StageReport
from .store import Store, case_url
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
        path = str(path)
        if "://" not in path:
            p = Path(path)
            if p.exists() and p.is_dir():
                raise CaseError(f"{path} is a folder; a case is a file, e.g. {p / 'my.case'}.")
            p.parent.mkdir(parents=True, exist_ok=True)
        store = Store(case_url(path))
        store.migrate()
        case = cls(store, path)
        if title and not store.get_meta("title"):
            store.set_meta("title", title)
        return case

    @classmethod
    def open(cls, path: Path | str, create: bool = False) -> Case:
        path = str(path)
        if "://" not in path and not Path(path).exists():
            if create:
                return cls.init(path)
            raise case_not_found(path)
        store = Store(case_url(path))
        store.check_version()
        return cls(store, path)

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
    def review(self, claim_id: str, status: str, note: str = "") -> None:
        self.store.set_claim_status(claim_id, status, note)

    def set_verdict(self, finding_id: str, value: str, note: str = "") -> None:
        self.store.set_verdict(finding_id, value, note)

    def add_curation(self, kind: str, name: str, other: str) -> None:
        self.store.add_curation(kind, name, other)

    # --- reading --------------------------------------------------------------
    @property
    def title(self) -> str:
        return self.store.get_meta("title") or Path(self.path).stem

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
