"""Posts with one holder at a time: two tenures of the same post that surely overlap.

A body has one head at a time. When the record gives two people's tenures of one such post
as spans ("A, June 1945 – November 1947"; "B, September 1947 – January 1949"), and the later
tenure surely began before the earlier surely ended, the two cannot both be right as
written: one date is wrong, or one of the two was acting, deputy or joint head, which the
record does not say. Which predicates name such a post is data (``one_holder_at_a_time`` in
``data/findings.yaml``).

"Surely" is read at each end's precision: a tenure written to the month began at some day of
its first month and ended at some day of its last, so "1945 – 1947" and "1947 – 1949" share a
year but may not overlap at all, and are no finding. A span of one unit ("in 1946") dates a
moment of the tenure, not the tenure, and is never compared.

Cost: per post, the tenures are sorted by their latest possible start and swept once, each
compared with the one that ends latest among those before it: n log n in the claims of the
post, not its square.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from ..model import Claim, Finding
from ..timespan import TimeSpan, end_unit, iso
from . import wording
from .context import Context, side_words


def _one_holder() -> frozenset[str]:
    return frozenset(wording().get("one_holder_at_a_time", ()))


def _bounds(t: TimeSpan | None) -> tuple[int, int] | None:
    """(latest possible first day, earliest possible last day) of a tenure written as the span
    t; None when t is no span of two units or more, or is open at either end."""
    if t is None or t.open_start or t.open_end or t.mod:
        return None
    first, last = end_unit(t, True), end_unit(t, False)
    if first is None or last is None or first.hi >= last.lo:
        return None
    return first.hi, last.lo


def overlapping_tenures(ctx: Context) -> Iterator[Finding]:
    """Two people holding one post that has one holder at a time, at surely the same time."""
    posts = _one_holder()
    if not posts:
        return
    by_post: dict[tuple[str, str], list[tuple[int, int, Claim]]] = defaultdict(list)
    for c in ctx.live():
        if c.predicate not in posts or not c.affirmed or c.modality in ("hedged", "alleged"):
            continue
        body = ctx.res.object_of.get(c.id)
        b = _bounds(c.time)
        if body is None or b is None or c.id not in ctx.res.subject_of:
            continue
        by_post[(c.predicate, body)].append((*b, c))
    for key in sorted(by_post):
        tenures = sorted(by_post[key], key=lambda x: (x[0], x[1], x[2].id))
        longest: tuple[int, int, Claim] | None = None
        for tenure in tenures:
            if longest is not None:
                yield from _overlap(ctx, longest, tenure)
            if longest is None or tenure[1] > longest[1]:
                longest = tenure


def _overlap(ctx: Context, earlier: tuple[int, int, Claim], later: tuple[int, int, Claim]) -> Iterator[Finding]:
    (_, end_a, a), (start_b, _, b) = earlier, later
    if ctx.res.subject_of[a.id] == ctx.res.subject_of[b.id] or start_b >= end_a:
        return
    days = end_a - start_b
    severity = "medium" if days >= 31 else "low"
    yield ctx.make(
        "two_values", [a.id, b.id], severity,
        f"{side_words(ctx, [a])} says {ctx.says(a)}; {side_words(ctx, [b])} says {ctx.says(b)}: "
        f"the post has one holder at a time, yet the second tenure began by {iso(start_b)} and the "
        f"first ended no earlier than {iso(end_a)}. One date is wrong, or one of them held the post "
        f"as acting or joint head.")
