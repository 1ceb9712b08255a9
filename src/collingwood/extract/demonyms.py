"""States, their peoples and their adjectives (``data/demonyms.yaml``), with the names
``data/places.yaml`` gives each state. Read by `branches` (a state before a body's name
is no branch: 'the U.S. State Department') and by the claim readers ('the Soviets' acting
is the Soviet Union)."""

from __future__ import annotations

import functools

from .. import safe_yaml


@functools.cache
def _places() -> dict[str, str]:
    """Every written name of a place in places.yaml -> its name."""
    out: dict[str, str] = {}
    for p in safe_yaml.package_data("data/places.yaml")["places"]:
        out[p["name"]] = p["name"]
        for a in p.get("aliases") or ():
            out[a] = p["name"]
    return out


@functools.cache
def state_names() -> frozenset[str]:
    """Every written name of a state: its name, its aliases in places.yaml, its adjectives."""
    states = safe_yaml.package_data("data/demonyms.yaml")["states"]
    canon = {s["state"] for s in states}
    out = {n for n, c in _places().items() if c in canon} | canon
    for s in states:
        out |= set(s.get("adjective") or ())
    return frozenset(out)


@functools.cache
def peoples() -> dict[str, str]:
    """The plural for a state's people ('Soviets') -> the state ('Soviet Union')."""
    return {w: s["state"] for s in safe_yaml.package_data("data/demonyms.yaml")["states"]
            for w in s.get("people") or ()}


def known_place(name: str) -> bool:
    return name in _places()
