"""The word lists of open events (``data/events.yaml``), loaded once.

Read by `events` (which verbs tell no event, particles, object prepositions), `claims`
(conduct nouns, bodies named for their building) and `rules` (lines that cite), so none of
them reaches into another reader for data.
"""

from __future__ import annotations

import functools

from .. import safe_yaml


@functools.cache
def event_words() -> dict:
    data = safe_yaml.package_data("data/events.yaml")
    return {k: frozenset(v) if isinstance(v, list) else v for k, v in data.items()}
