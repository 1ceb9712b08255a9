"""The stored results of an analysis run, as rows and back: what `analysis` writes, every view reads.

One run stores the resolution (entity clusters, each claim's entities and event, name keys),
the events, the ranked findings, one grading per person (prominence, and for a witness the
grade with the whole register record) and the open questions. `Results` reads them back
lazily, so a chronology never loads the witness register and a findings list never rebuilds
the chronology. The rows are plain JSON-able values (tables in `tables.py`); objects are
rebuilt by `load` from their dataclass fields, so a new field is stored without new code.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections import deque
from collections.abc import Callable, Iterator
from functools import cache

from .analyse.questions import Question
from .analyse.witnesses import WitnessRecord
from .model import Alias, CaseData, Entity, Event, Finding
from .resolve import NameUse, Resolution
from .timespan import TimeSpan

# --- objects <-> JSON -----------------------------------------------------------------


_PLAIN = (str, int, float, bool, type(None))


def dump(obj):
    """A dataclass (nested, with TimeSpans) as plain JSON values."""
    if isinstance(obj, _PLAIN):
        return obj
    if isinstance(obj, TimeSpan):
        return obj.to_dict()
    if isinstance(obj, (list, tuple, set, frozenset)):
        return [x if isinstance(x, _PLAIN) else dump(x) for x in obj]
    if isinstance(obj, dict):
        return {str(k): v if isinstance(v, _PLAIN) else dump(v) for k, v in obj.items()}
    if dataclasses.is_dataclass(obj):
        return {k: v if isinstance(v, _PLAIN) else dump(v) for k, v in vars(obj).items()}
    return obj


def _same(value):
    return value


@cache
def _converter(tp):
    """A function that turns `dump`'s JSON of the type ``tp`` back into it, planned once per
    type: lists and dicts of plain values come back as they are, without a walk."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(inner) != 1:
            return _same
        conv = _converter(inner[0])
        return _same if conv is _same else (lambda v: None if v is None else conv(v))
    if tp is TimeSpan:
        return lambda v: None if v is None else TimeSpan.from_dict(v)
    if dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp)
        plan = {f.name: _converter(hints[f.name]) for f in dataclasses.fields(tp)}

        def build(v):
            if v is None:
                return None
            return tp(**{k: plan[k](x) for k, x in v.items() if k in plan})
        return build
    if origin in (list, set, frozenset, tuple):
        args = typing.get_args(tp)
        conv = _converter(args[0]) if args else _same
        if origin is list:
            return _same if conv is _same else (lambda v: [conv(x) for x in v])
        return lambda v: origin(conv(x) for x in v)
    if origin is dict:
        conv = _converter(typing.get_args(tp)[1])
        return _same if conv is _same else (lambda v: {k: conv(x) for k, x in v.items()})
    return _same


def load(tp, value):
    """``value`` (from `dump`) as an instance of the type ``tp``."""
    return _converter(tp)(value)


def _span(t: TimeSpan | None) -> dict | None:
    return t.to_dict() if t is not None else None


def _time(d: dict | None) -> TimeSpan | None:
    return TimeSpan.from_dict(d) if d else None


# --- the resolution -----------------------------------------------------------------------


def resolution_rows(res: Resolution) -> dict[str, Iterator[dict]]:
    """The resolution as the rows of its tables, each table's rows made as they are stored."""
    entities = (dict(id=eid, ord=i, name=e.name, kind=e.kind, notes=e.notes,
                     aliases=[dict(name=a.name, kind=a.kind, valid=_span(a.valid), source_id=a.source_id)
                              for a in e.aliases],
                     grounds=list(res.grounds.get(eid, ())))
                for i, (eid, e) in enumerate(res.entities.items()))
    links = (dict(claim_id=cid, subject_id=sid, object_id=res.object_of.get(cid),
                  place_id=res.place_of.get(cid), event_id=res.event_of.get(cid),
                  superseded_by=res.superseded.get(cid),
                  names_used=[dict(role=u.role, name=u.name, entity_id=u.entity_id, valid=_span(u.valid))
                              for u in res.names_used[cid]] if cid in res.names_used else None)
             for cid, sid in res.subject_of.items())
    keys = (dict(key=k, entity_ids=list(ids)) for k, ids in res._keys.items())
    events = (dict(id=e.id, ord=i, predicate=e.predicate, participants=list(e.participants),
                   time=_span(e.time), place=e.place, track=e.track, claim_ids=list(e.claim_ids),
                   disputed=e.id in res.disputed)
              for i, e in enumerate(res.events.values()))
    return {"resolved_entities": entities, "claim_links": links, "name_keys": keys, "events": events}


def resolution_detail(res: Resolution) -> dict:
    return {"ambiguous": res.ambiguous, "candidates": [list(c) for c in res.candidates]}


def resolution_from(store, data: CaseData, detail: dict) -> Resolution:
    """The stored resolution over the snapshot it was made from. The rows are streamed
    (`Store.stream`): each table's rows become the resolution's values as they are read."""
    res = Resolution()
    for eid, name, kind, notes, aliases, grounds in store.stream(
            "resolved_entities", ("id", "name", "kind", "notes", "aliases", "grounds")):
        res.entities[eid] = Entity(eid, name, kind, [
            Alias(a["name"], a["kind"], _time(a["valid"]), a["source_id"]) for a in aliases], notes)
        if grounds:
            res.grounds[eid] = list(grounds)
    links = {r[0]: r for r in store.stream(
        "claim_links", ("claim_id", "subject_id", "object_id", "place_id", "event_id", "superseded_by", "names_used"))}
    for c in data.claims:
        r = links.get(c.id)
        if r is None:
            continue
        cid, subject_id, object_id, place_id, event_id, superseded_by, names_used = r
        res.subject_of[cid] = subject_id
        if object_id is not None:
            res.object_of[cid] = object_id
        if place_id is not None:
            res.place_of[cid] = place_id
        if names_used:
            res.names_used[cid] = [NameUse(u["role"], u["name"], u["entity_id"], TimeSpan.from_dict(u["valid"]))
                                   for u in names_used]
        if superseded_by is not None:
            res.superseded[cid] = superseded_by
            continue
        res.claims[cid] = c
        if event_id is not None:
            res.event_of[cid] = event_id
    del links
    for eid, predicate, participants, claim_ids, time, place, track, disputed in store.stream(
            "events", ("id", "predicate", "participants", "claim_ids", "time", "place", "track", "disputed")):
        res.events[eid] = Event(eid, predicate, tuple(participants), list(claim_ids), _time(time), place, track)
        if disputed:
            res.disputed.add(eid)
    res._keys = {key: list(ids) for key, ids in store.stream("name_keys", ("key", "entity_ids"))}
    res.ambiguous = dict(detail.get("ambiguous") or {})
    res.candidates = [tuple(c) for c in detail.get("candidates") or ()]
    return res


# --- findings, gradings, questions ---------------------------------------------------------


def finding_rows(found: list[Finding]) -> list[dict]:
    return [dict(id=f.id, ord=i, type=f.type, severity=f.severity, explanation=f.explanation,
                 claim_ids=list(f.claim_ids)) for i, f in enumerate(found)]


def findings_from(store, data: CaseData, res: Resolution) -> list[Finding]:
    """The stored findings, verdicts applied, in rank order (`analyse.findings.rank`: an
    incremental run stores only the findings it changed, so the order is made on reading)."""
    from .analyse.findings import rank
    out = []
    for fid, kind, severity, explanation, claim_ids in store.stream(
            "findings", ("id", "type", "severity", "explanation", "claim_ids")):
        f = Finding(fid, kind, severity, explanation, list(claim_ids))
        if f.id in data.verdicts:
            f.verdict, f.note = data.verdicts[f.id]
        out.append(f)
    return rank(out, res)


def grading_rows(prominence: dict[str, tuple[float, str]], register: list[WitnessRecord],
                 name_of) -> list[dict]:
    """One row per person the case grades: prominence for everyone, the grade for a witness."""
    rows = {key: dict(key=key, name=name_of(key), prominence=cls, prominence_score=float(score),
                      grade=None, grade_by=None, grade_rule=None, witness_ord=None, record=None)
            for key, (score, cls) in prominence.items()}
    for i, w in enumerate(register):
        rows[w.key] = dict(key=w.key, name=w.witness, prominence=w.prominence,
                           prominence_score=float(w.prominence_score), grade=w.grade, grade_by=w.grade_by,
                           grade_rule=w.grade_rule, witness_ord=i, record=dump(w))
    return list(rows.values())


def prominence_from(rows: list[dict]) -> dict[str, tuple[float, str]]:
    return {r["key"]: (r["prominence_score"], r["prominence"]) for r in rows}


def register_from(rows: list[dict]) -> list[WitnessRecord]:
    witnesses = sorted((r for r in rows if r["witness_ord"] is not None), key=lambda r: r["witness_ord"])
    return [load(WitnessRecord, r["record"]) for r in witnesses]


def question_rows(questions: list[Question]) -> list[dict]:
    return [dict(id=q.id, ord=i, kind=q.kind, text=q.text, record=dump(q)) for i, q in enumerate(questions)]


def questions_from(store) -> list[Question]:
    return [load(Question, r["record"]) for r in store.stored("open_questions")]


# --- the affinity graph ----------------------------------------------------------------


def graph_rows(graph) -> dict[str, Iterator[dict]]:
    """The affinity graph as the rows of ``affinity_nodes`` and ``affinity_edges``, made as
    they are stored. Nodes keep the graph's order; each edge gets an order in which adding
    the edges again gives every node its neighbours in the same order as ``graph`` (a
    topological order of the neighbour lists), so `graph_from` rebuilds the same graph:
    every export and every drawing of it is byte for byte the one of the graph drawn."""
    nodes = (dict(key=n, ord=i, name=d["name"], kind=d["kind"], degree=d["degree"])
             for i, (n, d) in enumerate(graph.nodes(data=True)))
    return {"affinity_nodes": nodes, "affinity_edges": _edge_rows(graph)}


def _edge_rows(graph) -> Iterator[dict]:
    edges = list(graph.edges(data=True))
    index = {}
    for i, (a, b, _) in enumerate(edges):
        index[a, b] = index[b, a] = i
    after: list[list[int]] = [[] for _ in edges]       # edge -> the edges that must follow it
    waits = [0] * len(edges)
    for u, nbrs in graph.adjacency():
        prev = None
        for v in nbrs:
            i = index[u, v]
            if prev is not None:
                after[prev].append(i)
                waits[i] += 1
            prev = i
    del index
    ready = deque(i for i, w in enumerate(waits) if w == 0)
    done = [False] * len(edges)
    ord_ = 0
    while ready:
        i = ready.popleft()
        a, b, d = edges[i]
        yield dict(a=a, b=b, ord=ord_, data=d)
        done[i], ord_ = True, ord_ + 1
        for j in after[i]:
            waits[j] -= 1
            if waits[j] == 0:
                ready.append(j)
    # the neighbour lists of a networkx graph always have such an order (the order in which
    # its edges were last added); should one not, no edge is lost, only its place
    for i in (i for i, ok in enumerate(done) if not ok):
        a, b, d = edges[i]
        yield dict(a=a, b=b, ord=ord_, data=d)
        ord_ += 1


def graph_from(store):
    """The stored affinity graph (`graph_rows`), as the graph that was drawn."""
    import networkx as nx
    g = nx.Graph()
    g.add_nodes_from((key, dict(name=name, kind=kind, degree=degree))
                     for key, name, kind, degree in store.stream("affinity_nodes", ("key", "name", "kind", "degree")))
    g.add_edges_from(store.stream("affinity_edges", ("a", "b", "data")))    # streamed into the graph
    return g


# --- an incremental run's rows ---------------------------------------------------------


def delta_rows(up, old_prominence: dict[str, tuple[float, str]]) -> dict[str, tuple[list, list[dict]]]:
    """What an incremental run (`analysis_incremental.Update`) changes in the stored tables:
    table -> (keys of the rows it replaces, the new rows), for `Store.save_run`."""
    res, d = up.res, up.delta
    links = []
    for cid in d["claims"]:
        if cid not in res.subject_of:
            continue
        links.append(dict(claim_id=cid, subject_id=res.subject_of[cid], object_id=res.object_of.get(cid),
                          place_id=res.place_of.get(cid), event_id=res.event_of.get(cid),
                          superseded_by=res.superseded.get(cid),
                          names_used=[dict(role=u.role, name=u.name, entity_id=u.entity_id, valid=_span(u.valid))
                                      for u in res.names_used[cid]] if cid in res.names_used else None))
    base = len(res.events)
    events = [dict(id=e.id, ord=base + i, predicate=e.predicate, participants=list(e.participants),
                   time=_span(e.time), place=e.place, track=e.track, claim_ids=list(e.claim_ids),
                   disputed=e.id in res.disputed)
              for i, e in enumerate(res.events[eid] for eid in d["events_new"])]
    found = [dict(id=f.id, ord=i, type=f.type, severity=f.severity, explanation=f.explanation,
                  claim_ids=list(f.claim_ids)) for i, f in enumerate(up.findings_by_id[x] for x in d["findings_new"])]
    prom = up.prominence
    keys = sorted(k for k in set(prom) | set(old_prominence) if prom.get(k) != old_prominence.get(k))
    name = _namer(up)
    grades = [dict(key=k, name=name(k), prominence=prom[k][1], prominence_score=float(prom[k][0]),
                   grade=None, grade_by=None, grade_rule=None, witness_ord=None, record=None)
              for k in keys if k in prom]
    return {"claim_links": (list(d["claims"]), links),
            "events": (sorted(set(d["events_gone"]) | set(d["events_new"])), events),
            "findings": (sorted(set(d["findings_gone"]) | set(d["findings_new"])), found),
            "gradings": (keys, grades)}


def _namer(up):
    def name(key: str) -> str:
        if key in up.res.entities:
            return up.res.name(key)
        return up.key_names.get(key) or key.removeprefix("n:")
    return name


# --- what a view reads ---------------------------------------------------------------------


class Results:
    """The latest analysis run's results over the case's snapshot, each part read when first asked.

    Built by `analysis.results` (which runs the analysis first when the case changed since);
    a run made in this process hands over what it computed, so nothing is read back.
    """

    def __init__(self, store, run: dict, data: CaseData | Callable[[], CaseData] | None = None, judge=None,
                 **computed):
        self.store = store
        self.run = run
        self._data = data                          # the snapshot, or what reads it when first asked
        self._judge = judge                        # computes a pending judgment layer (analysis_run)
        self._prominence: dict | None = computed.get("prominence")
        self.memory = None                         # analysis_incremental.Memory, in the workbench
        self.witness_keys: set[str] | None = None  # who has a witness record, when known
        self._res: Resolution | None = computed.get("res")
        self._findings: list[Finding] | None = computed.get("findings")
        self._gradings: list[dict] | None = computed.get("gradings")
        self._register: list[WitnessRecord] | None = computed.get("register")
        self._questions: list[Question] | None = computed.get("questions")
        self._graph = computed.get("graph")        # the affinity graph, when this process drew it

    @property
    def revision(self) -> int:
        return self.run["revision"]

    @property
    def data(self) -> CaseData:
        if self._data is None:
            raise RuntimeError("Results without a snapshot")    # always given by analysis.results
        if callable(self._data):
            self._data = self._data()
        return self._data

    @property
    def res(self) -> Resolution:
        if self._res is None:
            self._res = resolution_from(self.store, self.data, self.run["detail"])
        return self._res

    @property
    def graph(self):
        """The run's affinity graph (networkx), read from the store when first asked."""
        if self._graph is None:
            self._graph = graph_from(self.store)
        return self._graph

    @property
    def findings(self) -> list[Finding]:
        if self._findings is None:
            self._findings = findings_from(self.store, self.data, self.res)
        return self._findings

    @property
    def pending(self) -> bool:
        """Whether the judgment layer of this run is still to be computed (after an
        incremental run, by the first view that asks for it)."""
        return (self.run.get("detail") or {}).get("judgment") == "pending" and self._register is None

    def judged(self) -> None:
        if self.pending:
            if self._judge is None:
                raise RuntimeError("pending judgment without a judge")   # analysis_run always gives one
            self._judge(self)

    def set_judgment(self, run: dict, gradings: list[dict], register, questions) -> None:
        self.run, self._gradings, self._register, self._questions = run, gradings, register, questions

    @property
    def gradings(self) -> list[dict]:
        self.judged()
        if self._gradings is None:
            self._gradings = self.store.stored("gradings")
        return self._gradings

    @property
    def prominence(self) -> dict[str, tuple[float, str]]:
        if self._prominence is None:
            rows = self._gradings if self._gradings is not None else self.store.stored("gradings")
            self._prominence = prominence_from(rows)
        return self._prominence

    def grading(self, key: str) -> dict | None:
        """The one grading of a person (entity id or 'n:' name): prominence, grade, rule. While
        the judgment layer is pending, a person who is nobody's witness is read at once."""
        if self.pending and self.witness_keys is not None and key not in self.witness_keys:
            rows = self.store.stored("gradings", where=lambda t: t.c.key == key)
            if not rows:
                return None
            row = {k: v for k, v in rows[0].items() if k != "run_id"}
            return dict(row, grade=None, grade_by=None, grade_rule=None, witness_ord=None, record=None)
        return next((r for r in self.gradings if r["key"] == key), None)

    @property
    def register(self) -> list[WitnessRecord]:
        self.judged()
        if self._register is None:
            self._register = register_from(self.gradings)
        return self._register

    @property
    def questions(self) -> list[Question]:
        self.judged()
        if self._questions is None:
            self._questions = questions_from(self.store)
        return self._questions
