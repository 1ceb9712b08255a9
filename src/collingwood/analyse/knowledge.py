"""World knowledge the findings need: places within places, bodies within bodies, successions.

Read from ``data/places.yaml`` and ``data/institutions.yaml``. Two values that nest
("the West" and "the United States"; "Paris" and "France"; "the Soviet Union" and "the
NKVD", which serves it) or that are one body under successive names (OGPU, NKVD, MGB, KGB)
are never two values where only one can hold, and a witness who says he passed information
to the Soviet Union has not left out passing it to the NKVD. Rules: docs/analysis.md,
'Knowledge'.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from .. import safe_yaml
from ..errors import SchemaError
from ..resolve import Resolution, norm
from ..timespan import OPEN_HI, OPEN_LO, TimeSpan, parse_when


@dataclass
class Body:
    """A place or an organisation under one name."""

    name: str
    within: tuple[str, ...] = ()
    successor: str | None = None
    valid: TimeSpan | None = None
    kind: str = "place"


@dataclass
class Knowledge:
    bodies: dict[str, Body] = field(default_factory=dict)       # key -> body
    keys: dict[str, str] = field(default_factory=dict)          # written form (normalised) -> key
    _up: dict[str, frozenset] = field(default_factory=dict)
    _line: dict[str, str] = field(default_factory=dict)

    def key(self, name: str | None) -> str | None:
        return self.keys.get(norm(name)) if name else None

    def ancestors(self, key: str) -> frozenset:
        """Everything the body lies within, transitively (not itself)."""
        if key not in self._up:
            self._up[key] = frozenset()          # guard against cycles in hand-written data
            out: set[str] = set()
            for parent in self.bodies[key].within:
                p = self.key(parent)
                if p is not None:
                    out.add(p)
                    out |= self.ancestors(p)
            self._up[key] = frozenset(out)
        return self._up[key]

    def lineage(self, key: str) -> str:
        """The first name of a line of succession (Cheka for the KGB)."""
        return self._line.get(key, key)

    def valid(self, key: str) -> TimeSpan | None:
        return self.bodies[key].valid


def _span(value, where: str) -> TimeSpan | None:
    if not value:
        return None
    if not isinstance(value, list) or len(value) != 2:
        raise SchemaError(f"{where}: valid must be [from, until].")
    lo, hi = (parse_when(str(v)) if v else None for v in value)
    if lo is None and hi is None:
        return None
    text = f"{value[0] or ''}–{value[1] or ''}"
    return TimeSpan(lo.lo if lo else OPEN_LO, hi.hi if hi else OPEN_HI, "unknown", text)


def _read(name: str) -> list[dict]:
    data = safe_yaml.package_data(f"data/{name}") or {}
    key = "places" if name == "places.yaml" else "organisations"
    entries = data.get(key) or []
    if not isinstance(entries, list):
        raise SchemaError(f"data/{name}: {key} must be a list of entries.")
    return entries


@cache
def knowledge() -> Knowledge:
    k = Knowledge()
    for file, kind in (("places.yaml", "place"), ("institutions.yaml", "organisation")):
        for entry in _read(file):
            where = f"data/{file}, {entry.get('name')!r}"
            if not isinstance(entry, dict) or not entry.get("name"):
                raise SchemaError(f"data/{file}: every entry needs a name.")
            key = norm(entry["name"])
            k.bodies[key] = Body(entry["name"], tuple(entry.get("within") or ()),
                                 entry.get("successor"), _span(entry.get("valid"), where), kind)
            for written in [entry["name"], *(entry.get("aliases") or [])]:
                k.keys.setdefault(norm(str(written)), key)
    for key, body in k.bodies.items():
        for parent in body.within:
            if k.key(parent) is None:
                raise SchemaError(f"{body.name!r} lies within {parent!r}, which no entry names.")
    _successions(k)
    return k


def _successions(k: Knowledge) -> None:
    parent: dict[str, str] = {key: key for key in k.bodies}

    def root(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    for key, body in k.bodies.items():
        nxt = k.key(body.successor) if body.successor else None
        if nxt is not None and root(nxt) != root(key):
            parent[root(nxt)] = root(key)
    for key in k.bodies:
        k._line[key] = root(key)


# ---------------------------------------------------------------- entities of a case

def keys_of(res: Resolution, entity_id: str | None, surface: str | None = None) -> set[str]:
    """The knowledge keys an entity answers to: its name, its aliases, the surface form."""
    k = knowledge()
    names = [surface] if surface else []
    e = res.entities.get(entity_id) if entity_id else None
    if e is not None:
        names += [e.name, *(a.name for a in e.aliases)]
    elif entity_id and not entity_id.startswith("e-"):
        names.append(entity_id.removeprefix("n:"))
    out = set()
    for n in names:
        key = k.key(n)
        # a person read off a role ('the NKVD recruited him') may be a body; never a place
        if key is not None and not (e is not None and e.kind == "person"
                                    and k.bodies[key].kind == "place"):
            out.add(key)
    return out


def _comma_parts(name: str) -> set[str]:
    return {p.strip().lower() for p in name.split(",") if p.strip()}


def covers(res: Resolution, broad: str | None, narrow: str | None, succession: bool = True) -> bool:
    """Whether `broad` takes in `narrow`: the same entity, a place or body it lies within
    ('the West' covers 'the United States'; 'the Soviet Union' covers 'the NKVD'), or one
    line of succession (the OGPU and the NKVD)."""
    if not broad or not narrow:
        return False
    if broad == narrow:
        return True
    a, b = res.name(broad), res.name(narrow)
    if a and b and _comma_parts(a) <= _comma_parts(b):      # 'Glasgow' and 'Glasgow, Scotland'
        return True
    k = knowledge()
    wide, small = keys_of(res, broad), keys_of(res, narrow)
    if not wide or not small:
        return False
    if wide & small:
        return True
    if succession and {k.lineage(x) for x in wide} & {k.lineage(x) for x in small}:
        return True
    return any(wide & k.ancestors(x) for x in small)


def nested(res: Resolution, a: str | None, b: str | None, succession: bool = True) -> bool:
    """One value takes in the other (either way round): never a conflict. Without
    `succession`, successive names of one body count as different values (a renaming)."""
    return covers(res, a, b, succession) or covers(res, b, a, succession)
