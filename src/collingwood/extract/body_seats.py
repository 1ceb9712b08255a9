"""A body that sits in a place is named with its seat: 'the American Embassy in Moscow'.

An embassy, consulate, legation, mission or station is one body per city: the Soviet
Embassy in Mexico City is not the one in Washington. Where a document writes such a body
with its seat ('X Embassy in <place>', 'X Station at <place>') and gives that body name
one seat only, every mention of the body name is that seated body: the entity is named
'<body> in <place>', the name as written kept as its ``variant``. Two seats for one name
leave the name alone (the document then speaks of two bodies). The mentions keep their
spans: the place stays a mention of its own. Seat nouns are data (``data/names.yaml``).
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict

from ..model import Alias
from .candidates import Cand
from .name_forms import names_data

_LINK = re.compile(r"[ \t]*\n?[ \t]*(?:in|at)[ \t]*\n?[ \t]*(?:the[ \t]*\n?[ \t]*)?")


@functools.cache
def _seat_nouns() -> tuple[str, ...]:
    return tuple(sorted(names_data().get("seat_nouns") or (), key=len, reverse=True))


def seated_bodies(text: str, chosen: list[Cand], source_id: str) -> list[tuple[str, Alias]]:
    """Rename the bodies written with their seat (in place); the aliases that keeps."""
    nouns = _seat_nouns()
    starts = {c.start: c for c in chosen}
    seats: dict[str, set[str]] = defaultdict(set)
    for c in chosen:
        if c.kind != "organisation" or c.entity is not None or not c.name.endswith(nouns) or " " not in c.name:
            continue
        m = _LINK.match(text, c.end)
        place = starts.get(m.end()) if m and m.end() > c.end else None
        if place is not None and place.kind == "place":
            seats[c.name].add(place.name)
    out: list[tuple[str, Alias]] = []
    for name, where in seats.items():
        if len(where) != 1:
            continue
        full = f"{name} in {next(iter(where))}"
        for c in chosen:
            if c.kind == "organisation" and c.name == name:
                c.name = full
        out.append((full, Alias(name, "variant", None, source_id)))
    return out
