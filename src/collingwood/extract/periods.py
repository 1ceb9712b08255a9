"""Named periods as times: 'during World War II' dates its clause to 1939-1945, and
'wartime' ('a wartime agent for MI5') to the one war the document names. The periods
and their usual dates are data (``data/periods.yaml``); a text that names no war, or
several, gets no time from 'wartime'."""

from __future__ import annotations

import functools

from .. import safe_yaml
from ..timespan import TimeSpan


@functools.cache
def _table() -> tuple[dict[str, TimeSpan], frozenset[str]]:
    data = safe_yaml.package_data("data/periods.yaml")
    spans: dict[str, TimeSpan] = {}
    for p in data["periods"]:
        span = TimeSpan.from_iso(str(p["from"]), str(p["to"]), "day", p["names"][0])
        for n in p["names"]:
            spans[n.lower()] = span
    return spans, frozenset(data["war_words"])


def period(name: str) -> TimeSpan | None:
    """The span of a named period ('World War II'), or None."""
    spans = _table()[0]
    return spans.get(name.lower()) or spans.get(name.lower().removeprefix("the "))


def war_word(word: str) -> bool:
    return word.lower() in _table()[1]


def the_war(found) -> TimeSpan | None:
    """The span of the one war the document names (its event mentions), else None."""
    spans = {period(e.name) for e in found.entities.values() if e.kind == "event_name"} - {None}
    return next(iter(spans)) if len(spans) == 1 else None
