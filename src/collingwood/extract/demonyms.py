"""States, their peoples and their adjectives (``data/demonyms.yaml``), with the names
``data/places.yaml`` gives each state. Read by `branches` (a state before a body's name
is no branch: 'the U.S. State Department') and by the claim readers: a people acting is
its state, still of kind group ('the Soviets' -> Soviet Union; 'the Russians recruited him'
keeps nothing, a people is no recruiter), and a people at the receiving end of the
predicates listed there stands for its state as a place ('supplied documents to the
Soviets' -> Soviet Union)."""

from __future__ import annotations

import functools

from .. import safe_yaml


@functools.cache
def place_rows() -> tuple[dict, ...]:
    """The entries of data/places.yaml (name, aliases, within ...), read once for every reader."""
    return tuple(safe_yaml.package_data("data/places.yaml")["places"])


@functools.cache
def demonym_data() -> dict:
    """data/demonyms.yaml, read once."""
    return safe_yaml.package_data("data/demonyms.yaml")


@functools.cache
def _places() -> dict[str, str]:
    """Every written name of a place in places.yaml -> its name."""
    out: dict[str, str] = {}
    for p in place_rows():
        out[p["name"]] = p["name"]
        for a in p.get("aliases") or ():
            out[a] = p["name"]
    return out


@functools.cache
def state_names() -> frozenset[str]:
    """Every written name of a state: its name, its aliases in places.yaml, its adjectives."""
    states = demonym_data()["states"]
    canon = {s["state"] for s in states}
    out = {n for n, c in _places().items() if c in canon} | canon
    for s in states:
        out |= set(s.get("adjective") or ())
    return frozenset(out)


@functools.cache
def peoples() -> dict[str, str]:
    """The plural for a state's people ('Soviets') -> the state ('Soviet Union')."""
    return {w: s["state"] for s in demonym_data()["states"] for w in s.get("people") or ()}


@functools.cache
def _receiving() -> tuple[frozenset[str], frozenset[str]]:
    """The predicates whose object a people may stand in for; the states' names."""
    return frozenset(demonym_data()["receiving"]), frozenset(s["state"] for s in demonym_data()["states"])


def state_of(group: str, predicate: str) -> str | None:
    """The state a people (a group argument: its plural, 'the Soviets', or already the state
    it acts for) stands for as the object of `predicate`, or None."""
    receiving, states = _receiving()
    if predicate not in receiving:
        return None
    name = group[4:] if group.lower().startswith("the ") else group
    return peoples().get(name) or (name if name in states else None)


def canonical_place(written: str) -> str | None:
    """The name places.yaml gives a place written another way ('U.S.', 'America' -> United
    States; 'Britain' -> United Kingdom), or None (unknown, or already its own name)."""
    name = _places().get(written) or _places().get(written + ".")     # the NER drops a final dot: 'U.S'
    return name if name is not None and name != written else None


def known_place(name: str) -> bool:
    return name in _places()


def adjective_of(state: str) -> str | None:
    """The first adjective of a state ('United States' -> American), or None."""
    for st in demonym_data()["states"]:
        if st["state"] == state and st.get("adjective"):
            return st["adjective"][0]
    return None


def state_of_adjective(word: str) -> str | None:
    """The state an adjective names ('Chinese' -> China, 'Soviet' -> Soviet Union), or None."""
    for st in demonym_data()["states"]:
        if word in (st.get("adjective") or ()):
            return st["state"]
    return None
