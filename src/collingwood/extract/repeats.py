"""One source saying the same thing twice makes one claim, not two.

A report that restates its finding in its summary, a memo filed twice in one scan, a list
entry that repeats the lead: the second statement adds no evidence (it is the same source,
the same reading), and two claims would count one source twice. The first statement is kept,
with its own span; a repeat is dropped when it reads the same act with the same roles, time,
speaker, polarity and modality.
"""

from __future__ import annotations

from ..model import Claim


def _reading(c: Claim) -> tuple:
    t = c.time
    when = (t.earliest, t.latest) if t is not None else None
    return (c.subject, c.predicate, c.object, when, c.asserted_by, c.polarity, c.modality)


def without_repeats(claims: list[Claim]) -> list[Claim]:
    """The claims in order, each reading kept at its first statement."""
    seen: set[tuple] = set()
    out = []
    for c in sorted(claims, key=lambda c: (c.start, c.id)):
        key = _reading(c)
        if key in seen:
            continue
        seen.add(key)
        out.append(c)
    return out
