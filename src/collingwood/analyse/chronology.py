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


def _key(ev: Event) -> tuple:
    """An event's place in reading order: (earliest, latest) day, then id; undated last."""
    return (ev.time is None, ev.time.sort_key() if ev.time else (0, 0), ev.id)


def _sweep(order: list[str], spans: dict[str, TimeSpan]) -> tuple[list[list[str]], list[tuple[str, str]], list[str]]:
    """One actor's dated events (ids in reading order) swept once (see `Order`): its runs of two
    or more events, the pairs of events it finds in no order, the events of runs longer than
    the window."""
    runs: list[list[str]] = []
    pairs: list[tuple[str, str]] = []
    partial: list[str] = []
    run: list[str] = []
    end, reach = 0, ""
    for i in order:
        t = spans[i]
        if run and t.lo <= end:
            for j in run[-ORDER_WINDOW:]:
                if spans[j].hi >= t.lo:
                    pairs.append((i, j))
            if spans[reach].hi >= t.lo:
                pairs.append((i, reach))
        else:
            if len(run) > 1:
                runs.append(run)
            if len(run) > ORDER_WINDOW + 1:
                partial.extend(run)
            run, end, reach = [], t.hi, i
        run.append(i)
        if t.hi > end:
            end, reach = t.hi, i
    if len(run) > 1:
        runs.append(run)
    if len(run) > ORDER_WINDOW + 1:
        partial.extend(run)
    return runs, pairs, partial


class _Union:
    """Union-find over hashable items (an item never joined is its own root)."""

    def __init__(self):
        self.parent: dict = {}

    def root(self, i):
        parent = self.parent
        r = i
        while parent.get(r, r) != r:
            r = parent[r]
        while i != r:
            parent[i], i = r, parent.get(i, i)
        return r

    def join(self, items) -> None:
        items = iter(items)
        a = self.root(next(items))
        for j in items:
            b = self.root(j)
            if b != a:
                self.parent[b] = a


def _components(members: set[str], runs) -> list[set[str]]:
    """The groups of two or more of the events ``members`` that ``runs`` join (each run lies
    wholly inside or outside them)."""
    u = _Union()
    for run in runs:
        if run[0] in members:
            u.join(run)
    groups: dict[str, set[str]] = defaultdict(set)
    for i in list(u.parent):
        groups[u.root(i)].add(i)
    for r, g in groups.items():
        g.add(r)
    return list(groups.values())


class Order:
    """The order marks of a list of chronology entries (`_mark_order`), with what making them
    found kept: each actor's dated events in reading order, what the sweep of that actor found,
    the groups. `changed` marks a new list after a few events went or came by sweeping only
    those events' actors again and making again only the groups a changed run of theirs
    touches. The entries must be in reading order (`_key`)."""

    def __init__(self, entries: list[ChronologyEntry]):
        self.entries = entries
        self.keys = [_key(e.event) for e in entries]
        self.at = {e.id: e for e in entries}
        self.key_of = {e.id: k for e, k in zip(entries, self.keys)}
        self.spans: dict[str, TimeSpan] = {}
        self.of_person: dict[str, list[str]] = defaultdict(list)
        self.found: dict[str, dict[str, set[str]]] = {}
        self.runs: dict[str, list[list[str]]] = {}
        self.partial: dict[str, set[str]] = {}
        self.group_of: dict[str, str] = {}
        self.groups: dict[str, set[str]] = {}
        dated = [e for e in entries if e.event.time is not None]
        for e in dated:
            self.spans[e.id] = e.event.time
            for p in set(e.event.participants):
                self.of_person[p].append(e.id)
        self.of_person = dict(self.of_person)
        for p in self.of_person:
            self._sweep(p)
        for e in dated:
            self._mark(e, self.at.__getitem__)
        self._group(set(self.spans), set(self.of_person), self.at.__getitem__)
        for i in range(len(dated)):
            self._relate(i, len(dated), dated[i])

    def _sweep(self, p: str) -> None:
        runs, pairs, partial = _sweep(self.of_person[p], self.spans)
        found: dict[str, set[str]] = defaultdict(set)
        for i, j in pairs:
            found[i].add(j)
            found[j].add(i)
        self.found[p], self.runs[p], self.partial[p] = found, runs, set(partial)

    def _mark(self, e: ChronologyEntry, own) -> None:
        """Set ``e``'s order_unknown_with and order_listed_all (on ``own(e.id)``: e or its copy)."""
        people = set(e.event.participants)
        partners = set().union(*(self.found[p].get(e.id, ()) for p in people))
        if partners:
            listed = sorted(partners, key=self.key_of.__getitem__)
            whole = not any(e.id in self.partial[p] for p in people)
        else:
            listed, whole = [], True
        if listed != e.order_unknown_with or whole != e.order_listed_all:
            target = own(e.id)
            target.order_unknown_with, target.order_listed_all = listed, whole

    def _group(self, members: set[str], people: set[str], own) -> None:
        """Group ``members`` (every member of the groups they fall in) by the runs of ``people``."""
        grouped: set[str] = set()
        for members_of in _components(members, (run for p in people for run in self.runs.get(p, ()))):
            self._set_group(members_of, own)
            grouped |= members_of
        for i in members - grouped:
            self._set_group({i}, own)

    def _set_group(self, members: set[str], own) -> None:
        """Make ``members`` one group (of one: no group) and mark their entries so."""
        first = min(members, key=self.key_of.__getitem__) if len(members) > 1 else None
        if first is not None:
            self.groups[first] = members
        for i in members:
            if first is None:
                self.group_of.pop(i, None)
            else:
                self.group_of[i] = first
            e = self.at[i]
            if e.order_group != first or e.order_group_size != len(members):
                t = own(i)
                t.order_group, t.order_group_size = first, len(members)

    def _regroup(self, removed: list[list[str]], added: list[list[str]], new: set[str], own) -> None:
        """The groups after the runs ``removed`` ended and ``added`` began (``new``: the events
        that came). A group loses no connection when the events its removed runs leave behind
        are still joined by the added runs: then groups only merge, and only the groups the
        changed runs touch are made again. Otherwise those groups are grouped anew from every
        run of their members."""
        def left(run):            # what a removed run leaves of its events: the ones still there
            return [x for x in run if x in self.spans and x not in new]
        joined = _Union()
        for run in added:
            joined.join(run)
        roots: dict[str, set] = defaultdict(set)
        for run in removed:
            for x in left(run):
                roots[self.group_of[x]].add(joined.root(x))
        labels = set(roots) | {self.group_of[x] for run in added for x in run if x not in new and x in self.group_of}
        if any(len(r) > 1 for r in roots.values()):        # a group may fall apart
            members = {x for g in labels for x in self.groups.pop(g) if x in self.spans and x not in new}
            members.update(x for run in added for x in run)
            self._group(members, {p for i in members for p in self.at[i].event.participants}, own)
            return
        merged = _Union()
        for run in added:
            merged.join(run)
            for x in run:
                if x not in new and x in self.group_of:
                    merged.join((x, ("group", self.group_of[x])))
        for run in removed:
            for x in left(run):
                merged.join((x, ("group", self.group_of[x])))
        parts: dict = defaultdict(set)
        for run in added:
            parts[merged.root(run[0])].update(run)
        for g in labels:
            parts[merged.root(("group", g))].update(x for x in self.groups.pop(g) if x in self.spans and x not in new)
        for members in parts.values():
            self._set_group(members, own)

    def _relate(self, i: int, n_dated: int, e: ChronologyEntry, own=None) -> None:
        """``e`` (at ``i`` of the ``n_dated`` dated entries): how it stands to the next."""
        if i + 1 >= n_dated:
            rel = None
        else:
            nxt = self.entries[i + 1].event
            t, u = e.event.time, nxt.time
            rel = ("before" if t.before(u)
                   else "order unknown" if t.intersects(u) and not set(e.event.participants).isdisjoint(nxt.participants)
                   else None)
        if rel != e.next_relation:
            (own(e.id) if own else e).next_relation = rel

    def changed(self, gone: set[str], new: list[ChronologyEntry]) -> Order:
        """The marks after the events ``gone`` left and ``new`` (unmarked entries) came: a new
        Order; this one and its entries stay as they were."""
        import copy
        from bisect import bisect_left, insort
        out = copy.copy(self)
        out.entries, out.keys = list(self.entries), list(self.keys)
        for name in ("at", "key_of", "spans", "of_person", "found", "runs", "partial", "group_of", "groups"):
            setattr(out, name, dict(getattr(self, name)))
        mine = {e.id for e in new}          # entries made for this change: marked in place

        def own(i: str) -> ChronologyEntry:
            if i not in mine:
                e = out.at[i] = copy.copy(out.at[i])
                out.entries[bisect_left(out.keys, out.key_of[i])] = e
                mine.add(i)
            return out.at[i]

        people: set[str] = set()
        moved: list[tuple] = []
        for i in gone:
            e, k = out.at.pop(i), out.key_of.pop(i)
            at = bisect_left(out.keys, k)
            del out.keys[at], out.entries[at]
            moved.append(k)
            if i in out.spans:
                del out.spans[i]
                for p in set(e.event.participants):
                    people.add(p)
                    out.of_person[p] = [x for x in out.of_person[p] if x != i]
            out.group_of.pop(i, None)
        for e in new:
            k = out.key_of[e.id] = _key(e.event)
            at = bisect_left(out.keys, k)
            out.keys.insert(at, k)
            out.entries.insert(at, e)
            out.at[e.id] = e
            moved.append(k)
            if e.event.time is not None:
                out.spans[e.id] = e.event.time
                for p in set(e.event.participants):
                    people.add(p)
                    lst = out.of_person[p] = list(out.of_person.get(p, ()))
                    insort(lst, e.id, key=out.key_of.__getitem__)
        touched: set[str] = set()
        for p in people:
            if not out.of_person.get(p):
                for name in ("of_person", "found", "runs", "partial"):
                    getattr(out, name).pop(p, None)
                continue
            out._sweep(p)
            touched.update(out.of_person[p])
        for i in touched:
            out._mark(out.at[i], own)
        removed: list[list[str]] = []
        added: list[list[str]] = []
        again = gone & set(out.at)           # ids that went and came back (a new event, the old id)
        for p in people:
            was, now = self.runs.get(p, []), out.runs.get(p, [])
            kept, made = set(map(tuple, was)), set(map(tuple, now))
            removed += [r for r in was if tuple(r) not in made or not again.isdisjoint(r)]
            added += [r for r in now if tuple(r) not in kept or not again.isdisjoint(r)]
        if removed or added:
            out._regroup(removed, added, {e.id for e in new}, own)
        n_dated = bisect_left(out.keys, (True,))
        for k in moved:
            at = bisect_left(out.keys, k)
            for i in (at - 1, at):
                if 0 <= i < n_dated:
                    out._relate(i, n_dated, out.entries[i], own)
        return out


def _mark_order(entries: list[ChronologyEntry]) -> Order:
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
    return Order(entries)


def entry(ev: Event, data: CaseData, resolution: Resolution) -> ChronologyEntry:
    """An event's entry, its order not yet marked."""
    return ChronologyEntry(ev, event_label(ev, resolution), ev.id in resolution.disputed,
                           versions(ev, data, resolution))


def versions(ev: Event, data: CaseData, resolution: Resolution) -> list[Version]:
    """Every version of one event, in the order of its claims."""
    return [_version(cid, data, resolution, ev.time) for cid in ev.claim_ids]


def outline(data: CaseData, resolution: Resolution, actor: str | None = None,
            track: str | None = None, start=None, end=None) -> list[ChronologyEntry]:
    """The chronology's entries in reading order with their order marked, but no versions
    yet: an export that writes entry by entry makes each one's versions as it writes it
    (`versions`) and lets them go, so a 1M-claim chronology never holds them all."""
    events = select_events(resolution, actor, track, start, end)
    events.sort(key=_key)
    entries = [ChronologyEntry(ev, event_label(ev, resolution), ev.id in resolution.disputed, [])
               for ev in events]
    _mark_order(entries)
    return entries


def chronology(data: CaseData, resolution: Resolution, actor: str | None = None,
               track: str | None = None, start=None, end=None) -> list[ChronologyEntry]:
    """Events in reading order with their versions; filters by actor, track and period.

    ``start``/``end`` are TimeSpans or date strings; an event is kept when its
    span reaches into the period. Sorted by (earliest, latest) day, undated last.
    """
    entries = outline(data, resolution, actor, track, start, end)
    for e in entries:
        e.versions = versions(e.event, data, resolution)
    return entries


@dataclass
class Whole:
    """The whole chronology (no filter) of one state of the case, with its order kept, so the
    next state's is made from it (`updated`) instead of from the start."""

    data: CaseData
    resolution: Resolution
    order: Order

    @property
    def entries(self) -> list[ChronologyEntry]:
        return self.order.entries

    @classmethod
    def of(cls, data: CaseData, resolution: Resolution) -> Whole:
        entries = [entry(ev, data, resolution) for ev in sorted(resolution.events.values(), key=_key)]
        return cls(data, resolution, Order(entries))

    def updated(self, data: CaseData, resolution: Resolution) -> Whole:
        """The whole chronology of a later state whose resolution was changed from this one's
        event by event (`analysis_incremental`: same entities and sources, a changed event is a
        new object): only the events that went or came are entered and marked again; a later
        state of any other kind is made from the start."""
        if resolution.entities is not self.resolution.entities or (
                data.sources is not self.data.sources and data.sources != self.data.sources):
            return Whole.of(data, resolution)
        was, now = self.resolution.events, resolution.events
        gone = {i for i, ev in was.items() if now.get(i) is not ev}
        new = [entry(ev, data, resolution) for i, ev in now.items() if was.get(i) is not ev]
        return Whole(data, resolution, self.order.changed(gone, new))
