"""Step 4: the detailed chronology, every version side by side, with honest order.

Events are sorted by their time span's (earliest, latest) days; undated events
come last. Sorting is only a reading order: each entry also says which other
events it cannot be ordered against (their spans overlap, so `TimeSpan.before`
is None). "1943 or 1944" is neither before nor after "spring 1943".
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..errors import NotFound
from ..model import CaseData, Event
from ..resolve import Resolution
from ..timespan import TimeSpan
from . import as_span, gap_years, predicate_of, statement, witness, witness_date


@dataclass
class Version:
    claim_id: str
    source_id: str
    source_title: str
    quote: str
    witness: str
    polarity: str
    modality: str
    time: TimeSpan | None
    witness_date: TimeSpan | None
    written_after_years: float | None    # smallest certain gap from the event to the witness's date


@dataclass
class ChronologyEntry:
    event: Event
    label: str
    disputed: bool
    versions: list[Version]
    order_unknown_with: list[str] = field(default_factory=list)
    next_relation: str | None = None     # "before" | "order unknown" (overlap, shared actor) | None
    order_group: str | None = None       # the first event of its run of order-unknown events
    order_group_size: int = 1
    order_listed_all: bool = True        # order_unknown_with is complete (the run fits the window)

    @property
    def id(self) -> str:
        return self.event.id


def event_label(event: Event, res: Resolution) -> str:
    """Words for an event: "James Klugmann recruited John Cairncross"."""
    p = predicate_of(event.predicate)
    subjects, objects = [], []
    for cid in event.claim_ids:
        for table, out in ((res.subject_of, subjects), (res.object_of, objects)):
            name = res.name(table.get(cid))
            if name and name not in out:
                out.append(name)
    if p.symmetric and len(event.participants) == 2:
        subjects, objects = [res.name(event.participants[0])], [res.name(event.participants[1])]
    return statement(p.name, " or ".join(subjects), " or ".join(objects))


def _version(cid: str, data: CaseData, res: Resolution, event_time: TimeSpan | None) -> Version:
    c = res.claims[cid]
    src = data.sources.get(c.source_id)
    wdate = witness_date(c, src)
    return Version(cid, c.source_id, src.title if src else c.source_id, c.quote, witness(c, src),
                   c.polarity, c.modality, c.time, wdate, gap_years(wdate, c.time or event_time))


def _actor_ids(res: Resolution, actor: str) -> set[str]:
    found = set(res.find(actor))
    if not found and actor in res.entities:
        found = {actor}
    if not found:
        raise NotFound(f"No one called {actor!r} in the case; check the spelling or list entities.")
    return found


def select_events(res: Resolution, actor: str | None = None, track: str | None = None,
                  start=None, end=None) -> list[Event]:
    ids = _actor_ids(res, actor) if actor else None
    lo, hi = as_span(start), as_span(end)
    out = []
    for ev in res.events.values():
        if ids is not None and not ids.intersection(ev.participants):
            continue
        if track is not None and ev.track != track:
            continue
        if (lo is not None or hi is not None) and ev.time is None:
            continue
        if lo is not None and ev.time.hi < lo.lo:
            continue
        if hi is not None and ev.time.lo > hi.hi:
            continue
        out.append(ev)
    return out


ORDER_WINDOW = 24     # earlier events of the same actor each event is compared with (see _mark_order)


class _Runs:
    """Union-find over entry positions: the runs of events whose order is unknown."""

    def __init__(self, n: int):
        self.parent = list(range(n))

    def root(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        a, b = self.root(i), self.root(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def _mark_order(entries: list[ChronologyEntry]) -> None:
    """Order unknown only where it matters: two events whose spans overlap and that share a
    participant (Cairncross's recruitment and his first meeting with his handler); two
    unrelated happenings of the same year are simply listed in reading order.

    Never pair by pair over the record. Each actor's events are swept once in reading order:
    they fall into runs (an event joins the run while it starts before the run's latest end;
    events of different runs never overlap), and each event is compared with the
    ORDER_WINDOW events of its run just before it and with the run's longest-reaching one (so
    an event with any such neighbour lists one). An event whose runs are no longer than the
    window lists every event it cannot be ordered against; in a longer run (20,000 meetings
    of one year) it lists the nearest and carries the run's size (`order_group_size`).
    Runs that share an event are one group (`order_group`, its first event)."""
    dated = [e for e in entries if e.event.time is not None]
    spans = [e.event.time for e in dated]
    runs = _Runs(len(dated))
    found: dict[int, set[int]] = defaultdict(set)
    partial: set[int] = set()
    by_person: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(dated):
        for p in set(e.event.participants):
            by_person[p].append(i)

    def close(members: list[int]) -> None:
        if len(members) > ORDER_WINDOW + 1:
            partial.update(members)

    for idxs in by_person.values():
        run: list[int] = []
        end, reach = 0, -1
        for i in idxs:
            t = spans[i]
            if run and t.lo <= end:
                runs.join(run[0], i)
                for j in run[-ORDER_WINDOW:]:
                    if spans[j].hi >= t.lo:
                        found[i].add(j)
                        found[j].add(i)
                if spans[reach].hi >= t.lo:
                    found[i].add(reach)
                    found[reach].add(i)
            else:
                close(run)
                run, end, reach = [], t.hi, i
            run.append(i)
            if t.hi > end:
                end, reach = t.hi, i
        close(run)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(dated)):
        groups[runs.root(i)].append(i)
    for members in groups.values():
        if len(members) > 1:
            first = dated[members[0]].id
            for i in members:
                dated[i].order_group, dated[i].order_group_size = first, len(members)
    ids = [e.event.id for e in dated]
    for i, partners in found.items():
        dated[i].order_unknown_with = [ids[j] for j in sorted(partners)]
        dated[i].order_listed_all = i not in partial
    people = [set(e.event.participants) for e in dated]
    for i in range(len(dated) - 1):
        t, nxt = spans[i], spans[i + 1]
        e = dated[i]
        e.next_relation = ("before" if t.before(nxt)
                           else "order unknown" if t.intersects(nxt) and not people[i].isdisjoint(people[i + 1])
                           else None)


def chronology(data: CaseData, resolution: Resolution, actor: str | None = None,
               track: str | None = None, start=None, end=None) -> list[ChronologyEntry]:
    """Events in reading order with their versions; filters by actor, track and period.

    ``start``/``end`` are TimeSpans or date strings; an event is kept when its
    span reaches into the period. Sorted by (earliest, latest) day, undated last.
    """
    events = select_events(resolution, actor, track, start, end)
    events.sort(key=lambda ev: (ev.time is None, ev.time.sort_key() if ev.time else (0, 0), ev.id))
    entries = [ChronologyEntry(ev, event_label(ev, resolution), ev.id in resolution.disputed,
                               [_version(cid, data, resolution, ev.time) for cid in ev.claim_ids])
               for ev in events]
    _mark_order(entries)
    return entries
