"""A city's body named by its acronym with and without the city: the text writes 'the
Petrograd Military Revolutionary Committee (or PVRK)', then 'the VRK' and 'the Petrograd VRK'.

Russian and Soviet bodies of a city are abbreviated with the city's initial before the
body's own acronym (PVRK: the Petrograd VRK). Where a text gives a body such an
abbreviation, the acronym without the initial ('VRK') and the city's name written before it
('the Petrograd VRK') are that body, provided the text writes no other place before that
acronym (then 'the VRK' could be either). Pure: no spaCy.
"""

from __future__ import annotations

import re

from ..model import Alias
from .candidates import Cand

_ACRONYM = re.compile(r"[A-Z]{2,6}")
_DETERMINERS = {"The", "This", "That", "These", "Those", "Its", "Their", "His", "Her", "A", "An", "Our", "Each",
                "Every", "No", "Any", "Both", "In", "On", "By", "For", "From", "To", "With", "And", "But"}


def place_acronyms(text: str, chosen: list[Cand], aliases: list, source_id: str) -> tuple[list[Cand], list]:
    """(the mentions, bare and city-prefixed acronyms made the body's; the aliases that says)."""
    bodies: dict[str, tuple[str, str]] = {}          # 'VRK' -> ('Petrograd ...', 'Petrograd')
    for name, alias in aliases:
        first = name.split()[0] if name.split() else ""
        a = alias.name
        if alias.kind == "abbreviation" and first[:1].isupper() and len(first) > 2 and a[:1] == first[:1] \
                and _ACRONYM.fullmatch(a[1:] or "") and len(a) >= 3:
            bodies.setdefault(a[1:], (name, first))
    if not bodies:
        return chosen, []
    out_aliases: list = []
    keep = {}
    for short, (name, city) in bodies.items():
        cities = {m.group(1) for m in re.finditer(rf"\b([A-Z][a-z]+)[ \t]+{short}\b", text)} - _DETERMINERS
        if cities - {city}:
            continue                 # 'the Moscow VRK' too: a bare 'VRK' is no one body
        keep[short] = (name, city)
        out_aliases.append((name, Alias(short, "abbreviation", None, source_id)))
    if not keep:
        return chosen, []
    out = []
    for c in chosen:
        if c.name in keep and c.kind == "organisation" and c.alias_kind is None:
            name = keep[c.name][0]
            c = Cand(c.start, c.end, c.kind, name, c.rank, "abbreviation", name)
        out.append(c)
    taken = sorted((c.start, c.end) for c in out)
    for short, (name, city) in keep.items():
        for m in re.finditer(rf"\b{re.escape(city)}[ \t]+{short}\b", text):
            if not any(a < m.end() and m.start() < b for a, b in taken):
                out.append(Cand(m.start(), m.end(), "organisation", name, 2, "variant", name))
                out_aliases.append((name, Alias(f"{city} {short}", "variant", None, source_id)))
    seen = {(n, a.name) for n, a in out_aliases}
    return sorted(out, key=lambda c: c.start), [next(x for x in out_aliases if (x[0], x[1].name) == k) for k in seen]
