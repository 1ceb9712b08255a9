"""The extract stage: run an extractor over the case's sources, incrementally.

A source is extracted once per extractor; re-running skips it unless forced.
Each source's output is stored in one transaction, replacing that extractor's
earlier proposals for it but never a claim the analyst has curated.
"""

from __future__ import annotations

from collections.abc import Callable

from ..errors import CollingwoodError
from ..model import Source
from ..stage import StageReport
from ..store import Store

DEFAULT_EXTRACTOR = "rules-spacy@1"


def pending(store: Store, extractor: str | None = None, force: bool = False) -> list[Source]:
    name = extractor or DEFAULT_EXTRACTOR
    done = set() if force else store.extracted_sources(name)
    return [s for s in store.sources() if s.id not in done]


def _iso(source: Source) -> str | None:
    return source.written.earliest if source.written else None


def run(store: Store, extractor: str | None = None, force: bool = False,
        progress: Callable[[str], None] | None = None) -> StageReport:
    from .registry import ExtractInput, get
    name = extractor or DEFAULT_EXTRACTOR
    engine = get(name)
    report = StageReport(stage="extract")
    known = store.entities()
    todo = pending(store, name, force)
    for source in todo:
        try:
            result = engine.extract(ExtractInput(
                source_id=source.id, text=source.text, anchor=None, written=_iso(source),
                known_entities=known, author=", ".join(source.authors) or None))
            for c in result.claims:
                c.page = c.page or source.page_at(c.start)
            added = store.replace_extracted(source.id, name, result.mentions, result.claims,
                                            result.entities)
            report.add("claims", added)
            report.add("mentions", len(result.mentions))
            report.add("sources")
        except CollingwoodError as e:
            report.reject(source.title, e.message)
        if progress:
            progress(source.title)
    if not todo:
        report.unchanged(f"all sources already extracted by {name}")
    return report
