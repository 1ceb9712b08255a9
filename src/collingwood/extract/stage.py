"""The extract stage: run an extractor over the case's sources, incrementally.

A source is extracted once per extractor and set of rules: re-running skips it unless
forced, or unless the extractor's rules (its `rules` fingerprint: the code and data it
reads with) changed since, as after an upgrade of Collingwood.
Each source's output is stored in one transaction, replacing that extractor's
earlier proposals for it but never a claim the analyst has curated.

A run is a fixed point: what a source yields depends only on its text, its metadata, the
rules and the analyst's own entities (never on entities an extractor found in other sources,
so neither the order of sources, nor an earlier run, nor a crash half-way changes it);
sources are read in id order; a run after a crash (kill -9 included) reads the sources the
crashed one did not finish and ends where a clean run ends; `--force` on an extracted case
changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from ..errors import CaseBusy, CollingwoodError
from ..model import EXTRACTORS_HUMAN, Source
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
    todo = sorted((s for s in store.sources() if s.id not in done), key=lambda s: s.id)
    return Plan(todo, len(runs) - len(done))


def _iso(source: Source) -> str | None:
    return source.written.earliest if source.written else None


def run(store: Store, extractor: str | None = None, force: bool = False,
        progress: Callable[[str], None] | None = None, planned: Plan | None = None) -> StageReport:
    """planned: the `plan` already made (by the CLI, to size its progress bar)."""
    from .registry import get
    name = extractor or DEFAULT_EXTRACTOR
    engine = get(name)
    report = StageReport(stage="extract")
    known = store.entities(origin=EXTRACTORS_HUMAN)     # the analyst's entity lists only
    todo, stale = planned or plan(store, name, force)
    rules = _rules(name)
    if stale:                       # 'extract: ..., 3 sources read again with new rules'
        report.add("sources read again with new rules", stale)
    for source in todo:
        try:
            _one(store, engine, name, rules, source, known, force, report)
        except CaseBusy:
            raise
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


def _one(store: Store, engine, name: str, rules: str | None, source: Source, known, force: bool,
         report: StageReport) -> None:
    from .registry import ExtractInput
    if not force and store.was_extracted(source.id, name, rules):
        report.unchanged(source.title)      # another process extracting this case read it first
        return
    result = engine.extract(ExtractInput(
        source_id=source.id, text=source.text, anchor=None, written=_iso(source),
        known_entities=known, author=", ".join(source.authors) or None, kind=source.kind))
    for c in result.claims:
        c.page = c.page or source.page_at(c.start)
    added = store.replace_extracted(source.id, name, result.mentions, result.claims,
                                    result.entities, rules, only_if_new=not force)
    if added is None:                       # ... or stored it while this one was reading
        report.unchanged(source.title)
        return
    report.add("claims", added)
    report.add("mentions", len(result.mentions))
    report.add("sources")
