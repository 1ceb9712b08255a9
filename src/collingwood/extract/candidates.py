"""A candidate mention of the entity layer, before the non-overlapping ones are chosen."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Entity


@dataclass
class Cand:
    start: int
    end: int
    kind: str
    name: str
    rank: int                 # 3 case list, 2 pattern or gazetteer, 1 surname, 0 NER
    alias_kind: str | None = None
    alias_of: str | None = None
    entity: Entity | None = None
