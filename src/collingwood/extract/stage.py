"""The extract stage: run an extractor over the case's sources, incrementally.

A source is extracted once per extractor and set of rules: re-running skips it unless
forced, or unless the extractor's rules (its `rules` fingerprint: the code and data it
reads with) changed since, as after an upgrade of Collingwood.
Each source's output is stored in one transaction, replacing that extractor's
earlier proposals for it but never a claim the analyst has curated.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from ..errors import CollingwoodError
from ..model import Source
from ..stage import StageReport
from ..store import Store

DEFAULT_EXTRACTOR = "rules-spacy@1"


def _rules(name: str) -> str | None:
    from .registry import get
    return getattr(get(name), "rules", None)


class Plan(NamedTuple):
    todo: list[Source]      # the sources to read
    stale: int              # how many of them are read again because the rules changed


def plan(store: Store, extractor: str | None = None, force: bool = False) -> Plan:
    """Sources this extractor has not read yet, or read with other rules than it has now."""
    name = extractor or DEFAULT_EXTRACTOR
    rules = _rules(name)
    runs = {} if force else store.extraction_rules(name)
    done = {s for s, r in runs.items() if rules is None or r == rules}
    return Plan([s for s in store.sources() if s.id not in done], len(runs) - len(done))


def _iso(source: Source) -> str | None:
    return source.written.earliest if source.written else None


def run(store: Store, extractor: str | None = None, force: bool = False,
        progress: Callable[[str], None] | None = None, planned: Plan | None = None) -> StageReport:
    """planned: the `plan` already made (by the CLI, to size its progress bar)."""
    from .registry import ExtractInput, get
    name = extractor or DEFAULT_EXTRACTOR
    engine = get(name)
    report = StageReport(stage="extract")
    known = store.entities()
    todo, stale = planned or plan(store, name, force)
    rules = _rules(name)
    if stale:                       # 'extract: ..., 3 sources read again with new rules'
        report.add("sources read again with new rules", stale)
    for source in todo:
        try:
            result = engine.extract(ExtractInput(
                source_id=source.id, text=source.text, anchor=None, written=_iso(source),
                known_entities=known, author=", ".join(source.authors) or None, kind=source.kind))
            for c in result.claims:
                c.page = c.page or source.page_at(c.start)
            added = store.replace_extracted(source.id, name, result.mentions, result.claims,
                                            result.entities, rules)
            report.add("claims", added)
            report.add("mentions", len(result.mentions))
            report.add("sources")
        except CollingwoodError as e:
            report.reject(source.title, e.message)
        except (ValueError, RecursionError, MemoryError) as e:   # the extractor broke on this text
            report.reject(source.title, f"the extractor could not read it ({type(e).__name__}: {e}); "
                          "the other sources were extracted")
        if progress:
            progress(source.title)
    if not todo:
        report.unchanged(f"all sources already extracted by {name}")
    return report
