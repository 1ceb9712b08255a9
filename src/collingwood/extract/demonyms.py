"""Peoples for their states: 'the Soviets' as the receiving end of a claim is the Soviet
Union (``data/demonyms.yaml``). Only objects of the predicates listed there are read so:
'the Russians recruited him' keeps its people (a people is no recruiter), and a people
that acts stays a group."""

from __future__ import annotations

import functools

from .. import safe_yaml


@functools.cache
def _table() -> tuple[dict[str, str], frozenset[str]]:
    data = safe_yaml.package_data("data/demonyms.yaml")
    return dict(data["demonyms"]), frozenset(data["receiving"])


def state_of(group: str, predicate: str) -> str | None:
    """The state a people stands for as the object of `predicate`, or None."""
    table, receiving = _table()
    if predicate not in receiving:
        return None
    name = group[4:] if group.lower().startswith("the ") else group
    return table.get(name)
