"""Suspect readings: claims more likely misread than misreported, flagged for review.

A misreading is not a conflict. A claim that contradicts the person's documented life
(born after acts the record dates before the birth) or the rest of its own source (one
machine reading of an event against two or more of the same source, or against the
analyst's own reading of it) is flagged `suspect_reading` and set aside: no conflict
detector compares it, so it is never charged to a witness. Rules: docs/analysis.md.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator

from ..model import EXTRACTORS_HUMAN, Claim, Finding
from .context import Context, dated, sides


def suspect_readings(ctx: Context) -> Iterator[Finding]:
    """Yield the flags and record the suspect claims in ``ctx.suspect``."""
    for f, suspect in [*_born_after_acts(ctx), *_against_own_source(ctx)]:
        if suspect in ctx.suspect:
            continue
        ctx.suspect.add(suspect)
        yield f


def _born_after_acts(ctx: Context) -> Iterator[tuple[Finding, str]]:
    acts: dict[str, list[Claim]] = defaultdict(list)
    births: list[Claim] = []
    for c in ctx.res.claims.values():
        if c.time is None or not c.affirmed or c.time.open_start:
            continue
        if c.predicate == "born":
            births.append(c)
        elif c.predicate != "died":
            for who in ctx.res.participants(c):
                if ctx.res.entities[who].kind == "person":
                    acts[who].append(c)
    first_end: dict[str, float] = {}        # person -> the earliest day any of their acts ends
    for b in births:
        who = ctx.res.subject_of[b.id]
        if who not in first_end:
            first_end[who] = min((a.time.hi for a in acts.get(who, ())), default=math.inf)
        if first_end[who] >= b.time.lo:     # no act of theirs ends before this birth
            continue
        a = min((a for a in acts.get(who, ()) if a.time.hi < b.time.lo),
                key=lambda a: (a.time.lo, a.id), default=None)     # the earliest act before it
        if a is None:
            continue
        text = (f"{ctx.cite(b)} is read as saying {ctx.says(b)}, but {ctx.cite(a)} says "
                f"{ctx.says(a)}, before that birth: check the reading of “{b.quote.strip()[:100]}”.")
        yield ctx.make("suspect_reading", [b.id, a.id], "medium", text, "born_after_acts"), b.id


def _against_own_source(ctx: Context) -> Iterator[tuple[Finding, str]]:
    for eid in sorted(ctx.res.disputed):
        ev = ctx.res.events[eid]
        by_source: dict[str, list[Claim]] = defaultdict(list)
        for cid in ev.claim_ids:
            by_source[ctx.claim(cid).source_id].append(ctx.claim(cid))
        for sid, claims in sorted(by_source.items()):
            groups = sides(dated(claims))
            if len(groups) < 2:
                continue
            for _, members in groups:
                rest = [c for _, m in groups if m is not members for c in m]
                lone = members[0]
                if len(members) != 1 or lone.extracted_by == EXTRACTORS_HUMAN:
                    continue
                if len(rest) < 2 and not any(c.extracted_by == EXTRACTORS_HUMAN for c in rest):
                    continue
                other = rest[0]
                text = (f"{ctx.cite(lone)} is read as dating {ctx.noun(lone)} to "
                        f"{lone.time.render()}, against {len(rest)} other reading(s) of the same "
                        f"source ({other.time.render()}): check the reading of "
                        f"“{lone.quote.strip()[:100]}”.")
                yield ctx.make("suspect_reading", [lone.id, *(c.id for c in rest)], "low", text,
                               "own_source"), lone.id
