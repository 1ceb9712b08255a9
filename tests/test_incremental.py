"""The incremental re-analysis (`analysis_incremental`) gives what a full run gives.

A small synthetic case (people who are also the authors of sources, places, organisations,
espionage, deaths, machine claims an analyst's claim can supersede) is analysed in full with
the memory the workbench keeps; then random sequences of edits, reviews and added claims are
applied, each followed by the incremental run, and every layer (resolution, events, findings
in rank order, graph, prominence, gradings, witness register, questions, and the stored rows
read back by another process) is compared with a full analysis of the same state. On SQLite
and PostgreSQL (`case_url`).
"""

from __future__ import annotations

import dataclasses
import itertools
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from collingwood import analysis_run, workbench
from collingwood.analyse.affinity import affinity_graph
from collingwood.analyse import chronology as chron
from collingwood.analyse.case_view import CaseView, prominence
from collingwood.analyse.findings import findings
from collingwood.analyse.questions import open_questions
from collingwood.analyse.witnesses import witness_record, witness_register
from collingwood.case import Case
from collingwood.model import Claim, Event, Source
from collingwood.resolve import resolve
from collingwood.timespan import TimeSpan

PEOPLE = [f"Agent{i} Person{i}" for i in range(12)]
PLACES = [f"Town {i}" for i in range(5)]
ORGS = ["Bureau One", "Bureau Two"]
_CASES = itertools.count()
TIMES = ["1943", "12 March 1943", "14 March 1943", "1944", "1950", "1939"]


def build(url: str, seed: int) -> Case:
    rng = random.Random(seed)
    case = Case.init(url, title="incremental")
    facts: dict[str, list] = {f"s{i}": [] for i in range(6)}
    for k in range(120):
        sid = f"s{k % 6}"
        a, b = rng.sample(PEOPLE, 2)
        kind = rng.random()
        t = rng.choice([TimeSpan.year(1943), TimeSpan.year(1944), TimeSpan(TimeSpan.year(1943).lo + k % 30,
                                                                             TimeSpan.year(1943).lo + k % 30, "day")])
        if kind < 0.25:
            facts[sid].append((a, "met", b, t, rng.choice(PLACES + [None])))
        elif kind < 0.4:
            facts[sid].append((a, "knew", b, t, None))
        elif kind < 0.55:
            facts[sid].append((a, "visited", rng.choice(PLACES), t, None))
        elif kind < 0.7:
            facts[sid].append((a, "worked_at", rng.choice(ORGS), TimeSpan.year(rng.choice([1943, 1944])), None))
        elif kind < 0.8:
            facts[sid].append((a, "passed_information_to", b, t, None))
        elif kind < 0.87:
            facts[sid].append((a, "recruited", b, t, None))
        elif kind < 0.93:
            facts[sid].append((a, "died", rng.choice(PLACES), TimeSpan.year(rng.choice([1942, 1946])), None))
        else:
            facts[sid].append((a, "denied", b, t, None))
    with case.store.write() as conn:
        for i, (sid, items) in enumerate(facts.items()):
            sentences = [f"{a} {p.replace('_', ' ')} {o} in {t.render()}." for a, p, o, t, _ in items]
            src = Source(id=sid, title=f"Report {sid}", kind="memoir" if i % 2 else "report",
                         text=" ".join(sentences), content_hash=f"h-{sid}",
                         authors=[PEOPLE[i] if i % 2 else f"Clerk {sid}"], date="1950", written=TimeSpan.year(1950))
            case.store.add_source(src, conn)
            at, claims = 0, []
            for (a, p, o, t, place), s in zip(items, sentences):
                claims.append(Claim(source_id=sid, start=at, end=at + len(s), quote=s, subject=a, predicate=p,
                                    object=o, time=t, place=place, extracted_by="test-machine",
                                    polarity="denied" if p == "denied" else "affirmed"))
                at += len(s) + 1
            case.store.add_claims(claims, conn)
    return case


edits = st.lists(st.tuples(st.sampled_from(["time", "place", "object", "subject", "reject", "accept", "polarity",
                                            "add", "modality", "verdict"]),
                           st.integers(0, 10_000), st.integers(0, 10_000)), min_size=1, max_size=4)


def apply(case: Case, op: str, i: int, j: int) -> None:
    claims = case.claims(include_rejected=True)
    c = claims[i % len(claims)]
    if op == "verdict":                  # a verdict between edits: the findings carry it
        stored = case.store.stored("findings")
        if stored:
            case.set_verdict(stored[i % len(stored)]["id"], ["confirmed", "dismissed"][j % 2], "checked")
        return
    if op == "add":
        try:
            workbench.add_claim_from_span(case, c.source_id, c.start, c.end, c.subject, c.predicate,
                                          c.object, TIMES[j % len(TIMES)], None)
        except Exception as e:      # the same claim added twice is refused: no edit
            if type(e).__name__ != "ConfigError" or "already holds the same claim" not in str(e):
                raise
        return
    change = {"time": {"time": TIMES[j % len(TIMES)]},
              "place": {"place": PLACES[j % len(PLACES)]},
              "object": {"object": PEOPLE[j % len(PEOPLE)] if c.object in PEOPLE else c.object},
              "subject": {"subject": PEOPLE[j % len(PEOPLE)]},
              "reject": {"status": "rejected"}, "accept": {"status": "accepted"},
              "polarity": {"polarity": "denied" if c.polarity == "affirmed" else "affirmed"},
              "modality": {"modality": "alleged" if c.modality != "alleged" else "asserted"}}[op]
    try:
        workbench.edit_claim(case, c.id, change, c.version)
    except Exception as e:          # an edit the rules refuse (same value, a bad field) is no edit
        if type(e).__name__ not in ("ConfigError", "SchemaError"):
            raise


def full(case: Case):
    data = case.data()
    res = resolve(data)
    found = findings(data, res)
    graph = affinity_graph(data, res)
    view = CaseView(data, res)
    prom = prominence(view, graph)
    register = witness_register(data, res, found, overrides=case.store.judgments(), prominence_of=prom, view=view)
    questions = open_questions(data, res, found, prominence_of=prom, view=view)
    return data, res, found, graph, prom, register, questions


def events(res) -> dict:
    return {k: (e.predicate, e.participants, e.claim_ids, e.time, e.place, e.track, k in res.disputed)
            for k, e in res.events.items()}


def links(res) -> tuple:
    return tuple({k: v for k, v in getattr(res, t).items()} for t in
                 ("subject_of", "object_of", "place_of", "event_of", "superseded", "names_used"))


def finding_list(found) -> list:
    return [(f.id, f.type, f.severity, f.explanation, list(f.claim_ids), f.verdict) for f in found]


def edges(g) -> dict:
    return {tuple(sorted((a, b))): d for a, b, d in g.edges(data=True)}


def entry_list(entries) -> list:
    """Everything a chronology entry shows, its order marks among it."""
    return [(e.id, e.event, e.label, e.disputed, e.versions, e.order_unknown_with, e.next_relation,
             e.order_group, e.order_group_size, e.order_listed_all) for e in entries]


def assert_same(got, case: Case) -> None:
    data, res, found, graph, prom, register, questions = full(case)
    assert set(got.res.claims) == set(res.claims)
    assert links(got.res) == links(res)
    assert events(got.res) == events(res)
    assert finding_list(got.findings) == finding_list(found)
    assert edges(got.graph) == edges(graph)
    assert dict(got.graph.nodes(data=True)) == dict(graph.nodes(data=True))
    assert got.prominence == prom
    for key in prom:                      # a profile's grading, witness or not
        row = got.grading(key)
        mine = next((w for w in register if w.key == key), None)
        assert (row["prominence_score"], row["prominence"]) == prom[key]
        assert row["grade"] == (mine.grade if mine else None)
    assert [witness_record(w) for w in got.register] == [witness_record(w) for w in register]
    assert [q.id for q in got.questions] == [q.id for q in questions]
    _, shown = workbench.chronology_entries(case)      # the whole chronology, made from the last one
    assert entry_list(shown) == entry_list(chron.chronology(data, res))
    again = Case.open(case.path)           # another process reads the stored rows
    stored = analysis_run.results(again)
    assert stored.run["id"] == got.run["id"]
    assert links(stored.res) == links(res) and events(stored.res) == events(res)
    assert finding_list(stored.findings) == finding_list(found)
    assert [witness_record(w) for w in stored.register] == [witness_record(w) for w in register]
    again.store.dispose()


def check_sequence(case: Case, steps) -> list[str]:
    case.incremental = True
    analysis_run.results(case)
    workbench.chronology_entries(case)       # the whole chronology held, so the next is made from it
    modes = []
    for op, i, j in steps:
        apply(case, op, i, j)
        got = analysis_run.results(case, "test")
        modes.append(got.run["mode"])
        assert_same(got, case)
    return modes


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=edits, seed=st.integers(0, 3))
def test_incremental_equals_full_run(make_case_url, steps, seed):
    case = build(make_case_url(f"inc{next(_CASES)}"), seed)
    try:
        check_sequence(case, steps)
    finally:
        case.store.dispose()


def test_a_profile_reads_its_entity_alone(case_url):
    """The workbench's profile, cut to the entity's claims with the kept memory, is the profile
    the whole case gives, after edits too."""
    from collingwood.analyse import biography
    case = build(case_url, 0)
    try:
        check_sequence(case, [("subject", 4, 2), ("time", 9, 3)])
        v = workbench.view(case)
        assert v.stored.memory is not None
        data, res = case.data(), resolve(case.data())
        for name in PEOPLE + PLACES:
            if not res.find(name):
                continue
            whole = biography.profile_json(biography.profile(data, res, name))
            cut = biography.profile_json(biography.profile(v.data, workbench._profile_scope(v, name), name))
            assert cut == whole, name
    finally:
        case.store.dispose()


def test_an_edit_is_analysed_incrementally(case_url):
    """Not a fallback in disguise: an edit of a date or a place takes the incremental path."""
    case = build(case_url, 1)
    try:
        modes = check_sequence(case, [("time", 3, 1), ("place", 7, 2), ("reject", 11, 0), ("add", 5, 3)])
        assert modes.count("incremental") >= 3, modes
    finally:
        case.store.dispose()


def test_a_new_name_runs_in_full(case_url):
    """A name no claim used before makes a new entity: resolution can change anywhere."""
    case = build(case_url, 2)
    try:
        case.incremental = True
        analysis_run.results(case)
        c = next(c for c in case.claims() if c.predicate == "met")
        workbench.edit_claim(case, c.id, {"object": "Someone Quite New"}, c.version)
        got = analysis_run.results(case, "test")
        assert got.run["mode"] == "full"
        assert_same(got, case)
    finally:
        case.store.dispose()


@pytest.mark.parametrize("op", ["merge"])
def test_a_merge_runs_in_full(case_url, op):
    case = build(case_url, 3)
    try:
        case.incremental = True
        analysis_run.results(case)
        workbench.add_curation(case, op, PEOPLE[0], PEOPLE[1])
        got = analysis_run.results(case, "test")
        assert got.run["mode"] == "full"
        assert_same(got, case)
    finally:
        case.store.dispose()


# --- the chronology's order marks, kept and changed (`analyse.chronology.Order`) ------------

DAY0 = TimeSpan.year(1943).lo
spans = st.tuples(st.integers(0, 40), st.integers(0, 12)).map(lambda t: TimeSpan(DAY0 + t[0], DAY0 + t[0] + t[1], "day"))
an_event = st.tuples(st.lists(st.sampled_from("ABCDE"), min_size=1, max_size=2), st.none() | spans)
changes = st.lists(st.tuples(st.booleans(), st.integers(0, 1000), an_event), min_size=1, max_size=6)


def order_entries(events: list[Event]) -> list:
    out = [chron.ChronologyEntry(ev, ev.id, False, []) for ev in sorted(events, key=chron._key)]
    chron.Order(out)
    return out


@settings(max_examples=300, deadline=None)
@given(start=st.lists(an_event, max_size=40), steps=st.lists(changes, min_size=1, max_size=4),
       window=st.sampled_from([1, 2, 24]))
def test_order_marks_kept_equal_marks_made_anew(start, steps, window):
    """Events go and come (a few at a time, as after an edit); the order marks `Order.changed`
    makes equal the marks of the new list made from the start, and the entries of the list it
    was changed from stay as they were. A small window makes long runs (listed in part)."""
    ids = itertools.count()

    def make(people, span):
        return Event(f"e{next(ids):03d}", "met", tuple(people), [], span)
    saved, chron.ORDER_WINDOW = chron.ORDER_WINDOW, window
    try:
        events = {ev.id: ev for ev in (make(*x) for x in start)}
        order = chron.Order([chron.ChronologyEntry(ev, ev.id, False, []) for ev in sorted(events.values(),
                                                                                      key=chron._key)])
        for step in steps:
            before = entry_list(order.entries)
            gone: set[str] = set()
            new = []
            for drop, k, x in step:
                alive = sorted(set(events) - gone)
                back = sorted(gone - {ev.id for ev in new})
                if drop and alive:
                    gone.add(alive[k % len(alive)])
                elif back and k % 2:   # a new event with a gone one's id: elsewhere, or as it was
                    was = events[back[k % len(back)]]
                    new.append(dataclasses.replace(was if k % 4 == 1 else make(*x), id=was.id))
                else:
                    new.append(make(*x))
            for i in gone:
                del events[i]
            for ev in new:
                events[ev.id] = ev
            changed = order.changed(gone, [chron.ChronologyEntry(ev, ev.id, False, []) for ev in new])
            assert entry_list(order.entries) == before
            assert entry_list(changed.entries) == entry_list(order_entries(list(events.values())))
            order = changed
    finally:
        chron.ORDER_WINDOW = saved
