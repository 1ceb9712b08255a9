"""Where the case resolved a name to someone else's entry, and on what grounds.

A code name ("Otto") read as a person (Arnold Deutsch), a birth or married name, an earlier
or later name of a body, an analyst's merge: the dossier marks each one beside the claim,
so the reader sees that "Otto said" became "Arnold Deutsch said", and why. Plain spelling
variants and surnames are not marked.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import CaseData, schema
from ..resolve import Resolution, norm

QUIET = ("canonical", "variant")          # spellings, not identities


@dataclass(frozen=True)
class NameMarker:
    surface: str          # the name as the claim has it
    name: str             # the entity it was resolved to
    grounds: str          # why: the alias kind and where it comes from


def _grounds(res: Resolution, data: CaseData, surface: str, eid: str) -> str | None:
    e = res.entities[eid]
    key = norm(surface)
    if key == norm(e.name):
        return None
    for name, same_as in data.merges:
        if norm(name) == key:
            return f"merged by the analyst with {same_as}"
    kinds = schema().alias_kinds
    for a in e.aliases:
        if norm(a.name) != key:
            continue
        if a.kind in QUIET:
            return None
        label = kinds.get(a.kind, {}).get("label", a.kind.replace("_", " "))
        where = f"found in {a.source_id}" if a.source_id else "in the case's entity list"
        valid = f", {a.valid.render()}" if a.valid is not None else ""
        return f"{label}{valid}, {where}"
    return None


def name_markers(data: CaseData, res: Resolution) -> dict[str, list[NameMarker]]:
    """claim id -> the names in it that were resolved to another entry, with the grounds."""
    out: dict[str, list[NameMarker]] = {}
    cache: dict[tuple[str, str], str | None] = {}
    for cid, c in res.claims.items():
        for surface, table in ((c.subject, res.subject_of), (c.object, res.object_of),
                               (c.asserted_by, None)):
            if not surface:
                continue
            if table is not None:
                eid = table.get(cid)
            else:
                found = res.find(surface)
                eid = found[0] if len(found) == 1 else None
            if eid is None or eid not in res.entities:
                continue
            if (surface, eid) not in cache:
                cache[(surface, eid)] = _grounds(res, data, surface, eid)
            why = cache[(surface, eid)]
            if why:
                out.setdefault(cid, []).append(NameMarker(surface, res.name(eid), why))
    return out
