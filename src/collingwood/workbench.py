"""The application layer's curation and reading calls for the web workbench (issue 13).

Beside `service.py`: what the web pages and the REST API ask of a case that the commands do
not yet: claims with their versions, an audited edit that refuses a stale version, a claim
made from a passage, the audit log and undo. Every write here runs in one store transaction
that also writes its audit row with `before` and `after`, so `undo` can restore the before.

Every write goes through `Case` and the store's audited write path (the audit log keeps each
change's rows before and after; `Case.undo` puts the before back). Claims carry their version
(`Case.edit_claim`: a compare-and-set that refuses a stale version with `StaleVersion`, HTTP
409). What this module adds: the checks a page needs before a write (does the finding, the
entity, the witness exist), a claim made from a selected passage, and records for the pages.

Reads go through `View`: the case's stored analysis (`service.analysed`: the latest run's
results, one run first when the case changed since), held in this process per state of the
case (the audit log's last row id names the state) and shared by every page until the next
change, after which the next read runs the analysis again (only the judgment layer after a
verdict, a grade or a rating).
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass, field

from . import service
from .case import Case
from .errors import ConfigError, NotFound, SchemaError
from .model import EXTRACTORS_HUMAN, VERDICTS, Claim

# --- reading: one analysis per state of the case --------------------------------


@dataclass
class View:
    state: int
    stored: object                                 # service.analysed: results.Results
    extra: dict = field(default_factory=dict)      # analyses computed on demand (graph, records)

    @property
    def data(self):
        return self.stored.data

    @property
    def res(self):
        return self.stored.res

    @property
    def findings(self):
        return self.stored.findings


_views: dict[str, View] = {}
_view_lock = threading.RLock()


def state(case: Case) -> int:
    """The case's state: the id of its last audit row (every write audits)."""
    last = case.audit(limit=1)
    return last[0]["id"] if last else 0


def view(case: Case) -> View:
    """The stored analysis of the case as it is now, read (or run) once per state."""
    from .service import analysed
    with _view_lock:
        v = _views.get(case.path)
        if v is None or v.state != state(case):
            stored = analysed(case, "web")
            was, v = v, View(state(case), stored)  # the state after the run (it is audited too)
            if was is not None:                    # the next whole chronology is made from it
                whole = was.extra.get("chronology-whole") or was.extra.get("chronology-base")
                if whole is not None:
                    v.extra["chronology-base"] = whole
            _views[case.path] = v
        return v


def memo(v: View, key, make):
    """An analysis of one view computed once (the graph at a date, the witness register ...)."""
    with _view_lock:
        if key not in v.extra:
            v.extra[key] = make()
        return v.extra[key]


# --- claims with versions ---------------------------------------------------------


def claim_record(c: Claim) -> dict:
    """The fields of `collingwood claims --json` (`id` and `version` among them), with the note."""
    return {**c.as_json(), "note": c.note}


def claim_records(case: Case, include_rejected: bool = True) -> list[dict]:
    return [claim_record(c) for c in case.claims(include_rejected=include_rejected)]


def claims_cited(case: Case, ids) -> dict[str, dict]:
    """The records of the live claims ``ids`` (a profile's), by id: only those are made."""
    claims = view(case).res.claims
    return {cid: claim_record(claims[cid]) for cid in dict.fromkeys(ids) if cid in claims}


def get_claim(case: Case, claim_id: str) -> dict:
    return claim_record(case.claim(claim_id))


def edit_claim(case: Case, claim_id: str, changes: dict, expected_version: int) -> dict:
    """Change a claim's reading or status (its passage stays): a new version; StaleVersion
    (409) when the claim is no longer at ``expected_version``. A change of the status alone is
    a review (accept, reject, propose again), audited as one."""
    if set(changes) == {"status"} and isinstance(changes["status"], str):
        from .model import STATUSES
        if changes["status"] not in STATUSES:
            raise ConfigError(f"status {changes['status']!r} is not one of {', '.join(STATUSES)}.")
        case.review(claim_id, changes["status"], "", expected_version)
        return get_claim(case, claim_id)
    return claim_record(case.edit_claim(claim_id, changes, expected_version))


def add_claim_from_span(case: Case, source_id: str, start: int, end: int, subject: str, predicate: str,
                        obj: str | None = None, time: str | None = None, place: str | None = None,
                        polarity: str = "affirmed", note: str = "") -> dict:
    """The analyst's claim on a passage they selected: checked against the source, accepted."""
    from .claim_edits import edited
    if not isinstance(subject, str) or not subject.strip() or not isinstance(predicate, str) or not predicate.strip():
        raise ConfigError("A claim needs a subject and a predicate.")
    src = view(case).data.sources.get(source_id)
    if src is None:
        raise NotFound(f"No source {source_id!r} in this case.")
    text = src.text
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        raise ConfigError(f"The passage {start}-{end} lies outside the source ({len(text)} characters).")
    quote = text[start:end]
    if not quote.strip():
        raise ConfigError("The selected passage is blank; select the words that make the claim.")
    page = next((n for n, lo, hi in src.pages if lo <= start < hi), None) if len(src.pages) > 1 else None
    draft = Claim(source_id=source_id, start=start, end=end, quote=quote, subject=subject.strip(),
                  predicate=predicate.strip(), extracted_by=EXTRACTORS_HUMAN, status="accepted", page=page)
    read, _ = edited(draft, {"subject": subject, "predicate": predicate, "object": obj, "time": time,
                             "place": place, "polarity": polarity, "note": note})
    claim = Claim(**{k: v for k, v in read.__dict__.items() if k != "id"})    # the id of what it says
    try:
        added = case.store.add_claim(claim)
    except SchemaError as e:          # the analyst's word, not a broken schema: a bad request
        raise ConfigError(e.message) from e
    if not added:
        raise ConfigError(f"This passage already holds the same claim ({claim.id}).")
    return get_claim(case, claim.id)


# --- other curation (audited by the store) -------------------------------------------


def set_verdict(case: Case, finding_id: str, value: str, note: str = "") -> dict:
    if value not in VERDICTS:
        raise ConfigError(f"Unknown verdict {value!r}; use one of {', '.join(VERDICTS)}.")
    if finding_id not in {f.id for f in view(case).findings}:
        raise NotFound(f"No finding {finding_id!r} in this case; see GET /api/findings.")
    case.set_verdict(finding_id, value, note)
    return {"finding_id": finding_id, "verdict": value, "note": note}


def add_curation(case: Case, kind: str, name: str, other: str) -> dict:
    """Merge (same person) or split (keep apart) two names; both must name entities."""
    res = view(case).res
    ids = []
    for n in (name, other):
        if not isinstance(n, str) or not n.strip():
            raise ConfigError("Name both entities.")
        found = res.find(n.strip())
        if not found:
            raise NotFound(f"No entity called {n!r} in this case; see GET /api/entities.")
        ids.append(found[0])
    if name.strip().lower() == other.strip().lower():
        raise ConfigError("Name two different entities.")
    case.add_curation(kind, name.strip(), other.strip(), ids[0], ids[1])
    return {"kind": kind, "name": name.strip(), "other": other.strip()}


def add_judgment(case: Case, witness: str, target: str, value: str, note: str = "") -> dict:
    """Override the machine's grade of a witness (or a statement's type, a claim's credibility)."""
    from .analyse.witnesses import check_override
    from .judgment import add_override
    checked = check_override({"witness": witness, "target": target, "value": value, "note": note})
    if witness.lower() not in {w.witness.lower() for w in witness_register(case)}:
        raise NotFound(f"No witness called {witness!r} in the register; see GET /api/witnesses.")
    add_override(case, witness, target, value, note)
    return {"witness": witness, "target": target, "value": checked["value"]}


def rate(case: Case, question: str | None, hypothesis: str, evidence: str, rating: str, note: str = "") -> dict:
    from .judgment import rate as rate_cell
    rate_cell(case, question, hypothesis, evidence, rating, note)
    return {"question": question, "hypothesis": hypothesis, "evidence": evidence, "rating": rating.upper()}


# --- the audit log and undo ---------------------------------------------------------


def audit_log(case: Case, limit: int | None = 500, target: str | None = None) -> list[dict]:
    """The newest changes first (`Case.audit`), each marked `undone` when a later undo put its
    before back, and `undoable` when it can be undone from here."""
    rows = case.audit(limit=limit, target=target)
    undone = {r["note"].get("undoes") for r in rows if r["action"] == "undo"}
    for r in rows:
        r["undone"] = r["id"] in undone
        r["undoable"] = (r["after"] is not None and r["note"].get("undoable") is not False
                         and not r["undone"])
    return rows


def derived(entry: dict) -> bool:
    """An entry the case wrote itself (an analysis run), not a change anyone made."""
    return entry["note"].get("undoable") is False


def undo(case: Case, audit_id: int) -> dict:
    """Put back the state before one change (itself audited); UndoRefused (409) when later
    changes depend on it."""
    return case.undo(audit_id)


# --- analyses the pages read ---------------------------------------------------------


def witness_register(case: Case):
    """The stored witness register: the same grades as every other view."""
    return view(case).stored.register


def graph_of(case: Case, at=None, period=None, min_strength: float = 0.0):
    from .analyse.affinity import affinity_graph
    v = view(case)
    if at is None and period is None and not min_strength and v.stored.graph is not None:
        return v.stored.graph
    key = ("graph", str(at), str(period), min_strength)
    return memo(v, key, lambda: affinity_graph(v.data, v.res, at=at, period=period, min_strength=min_strength))


def source_records(case: Case) -> list[dict]:
    from .service import reading_note
    return [{"id": s.id, "title": s.title, "kind": s.kind, "authors": s.authors, "date": s.date,
             "archive_ref": s.archive_ref, "url": s.url, "licence": s.licence, "citation": s.citation,
             "path": s.path, "characters": len(s.text), "pages": len(s.pages),
             "read": reading_note(s.extra.get("reading"))} for s in view(case).data.sources.values()]


def source_view(case: Case, source_id: str) -> dict:
    """One source: its metadata, its text cut into pieces, each piece with the claims and the
    mentions that cover it (so a page highlights them without parsing any markup), and its pages."""
    v = view(case)
    src = v.data.sources.get(source_id)
    if src is None:
        raise NotFound(f"No source {source_id!r} in this case; see GET /api/sources.")
    mine = [c for c in case.claims(include_rejected=True) if c.source_id == source_id]
    mentions = [m for m in v.data.mentions if m.source_id == source_id]
    text = src.text
    cuts = {0, len(text)}
    for x in [*mine, *mentions]:
        cuts.update((max(0, min(len(text), x.start)), max(0, min(len(text), x.end))))
    for _number, lo, _hi in src.pages:
        cuts.add(max(0, min(len(text), lo)))
    points = sorted(cuts)
    page_at = {lo: number for number, lo, _hi in src.pages} if len(src.pages) > 1 else {}
    pieces = []
    for lo, hi in zip(points, points[1:]):
        pieces.append({"start": lo, "end": hi, "text": text[lo:hi], "page": page_at.get(lo),
                       "claims": [c.id for c in mine if c.start <= lo and hi <= c.end],
                       "mentions": [m.entity_id or m.text for m in mentions if m.start <= lo and hi <= m.end]})
    return {"source": next(r for r in source_records(case) if r["id"] == source_id),
            "pieces": pieces,
            "claims": [claim_record(c) for c in mine],
            "superseded": {k: s for k, s in v.res.superseded.items() if k in {c.id for c in mine}}}


def entity_records(case: Case) -> list[dict]:
    """The resolved entities (merges applied), with their names and how many claims name them."""
    res = view(case).res
    counts: dict[str, int] = {}
    for cid in res.claims:
        for eid in {res.subject_of.get(cid), res.object_of.get(cid)} - {None}:
            counts[eid] = counts.get(eid, 0) + 1
    return sorted(({"id": e.id, "name": e.name, "kind": e.kind, "claims": counts.get(e.id, 0),
                    "aliases": [{"name": a.name, "kind": a.kind, "valid": a.valid.render() if a.valid else None}
                                for a in e.aliases]} for e in res.entities.values()),
                  key=lambda r: (-r["claims"], r["name"]))


def profile_record(case: Case, entity: str) -> dict:
    """The biography of an entity named by its id or one of its names."""
    import json
    from .analyse import biography
    v = view(case)
    ent = v.res.entities.get(entity)
    name = ent.name if ent else entity
    if not v.res.find(name):
        raise NotFound(f"No entity {entity!r} in this case; see GET /api/entities.")
    def make():
        p = biography.profile(v.data, _profile_scope(v, name), name)
        biography.set_grading(p, v.stored.grading(p.id))
        return json.loads(biography.profile_json(p))
    return memo(v, ("profile", name), make)


def _profile_scope(v: View, name: str):
    """The resolution a profile reads: with the incremental analysis's memory, cut to the
    claims about the entity, given by it as a witness, and their events (a profile reads
    nothing else: `biography.profile`), so a profile after an edit does not walk the case."""
    from .resolve import Resolution
    mem = getattr(v.stored, "memory", None)
    res = v.res
    if mem is None:
        return res
    ids: set[str] = set()
    for eid in res.find(name):
        ids |= mem.by_entity.get(eid, set()) | mem.by_witness.get(eid, set())
    mine = sorted((res.claims[cid] for cid in ids if cid in res.claims), key=lambda c: (c.source_id, c.start, c.id))
    cut = Resolution(entities=res.entities, subject_of=res.subject_of, object_of=res.object_of,
                     place_of=res.place_of, claims={c.id: c for c in mine}, superseded=res.superseded,
                     event_of=res.event_of, disputed=res.disputed, names_used=res.names_used,
                     ambiguous=res.ambiguous, candidates=res.candidates, grounds=res.grounds, root_of=res.root_of)
    cut._keys = res._keys
    cut.events = {e: res.events[e] for e in sorted({res.event_of[c.id] for c in mine if c.id in res.event_of})}
    return cut


def chronology_entries(case: Case, actor=None, track=None, start=None, end=None) -> tuple[View, list]:
    """The chronology's entries (`analyse.chronology`), computed once per state and filter."""
    from .analyse.chronology import chronology
    from .model import TRACKS
    if track and track not in TRACKS:
        raise ConfigError(f"Unknown track {track!r}; use one of {', '.join(TRACKS)}.")
    lo, hi = service.date_bound(start), service.date_bound(end)
    v = view(case)
    if actor and not v.res.find(actor):
        raise NotFound(f"No actor {actor!r} in this case; see GET /api/entities.")
    if not (actor or track or lo or hi):
        return v, _whole_chronology(v).entries
    return v, memo(v, ("chronology-entries", actor, track, start, end),
                   lambda: chronology(v.data, v.res, actor=actor, track=track, start=lo, end=hi))


def _whole_chronology(v: View):
    """The whole chronology of the view's state (`analyse.chronology.Whole`): made from the
    previous state's when there is one (after an incremental re-analysis only the events the
    change made or ended are entered and their actors' order marks made again)."""
    from .analyse.chronology import Whole

    def make():
        base = v.extra.pop("chronology-base", None)
        return base.updated(v.data, v.res) if base is not None else Whole.of(v.data, v.res)
    return memo(v, "chronology-whole", make)


def chronology_records(case: Case, actor=None, track=None, start=None, end=None) -> list[dict]:
    from .report.chronology_export import entry_record
    v, entries = chronology_entries(case, actor, track, start, end)
    return memo(v, ("chronology", actor, track, start, end), lambda: [entry_record(e, v.res) for e in entries])


def chronology_page(case: Case, offset: int, limit: int, actor=None, track=None, start=None,
                    end=None) -> tuple[int, list[dict]]:
    """One page of the chronology (what the page shows): how many entries in all, and the
    records of ``limit`` entries from ``offset``; only those are made into records."""
    from .report.chronology_export import entry_record
    v, entries = chronology_entries(case, actor, track, start, end)
    key = ("chronology-page", actor, track, start, end, offset, limit)
    return len(entries), memo(v, key, lambda: [entry_record(e, v.res) for e in entries[offset:offset + limit]])


def graph_record(case: Case, at=None, start=None, end=None, min_strength: float = 0.0) -> dict:
    """The affinity graph as `collingwood graph --format json`, each edge with its sources' titles."""
    from .report.affinity_export import to_records
    at_span = service.date_bound(at)
    lo, hi = service.date_bound(start), service.date_bound(end)
    period = (lo or hi).hull(hi or lo) if (lo or hi) else None
    v = view(case)
    g = graph_of(case, at=at_span, period=period, min_strength=min_strength)
    return memo(v, ("graph-json", at, start, end, min_strength), lambda: _graph_json(v, to_records(g)))


_graph_bodies: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()   # graph -> its nodes and edges, encoded


def graph_json_bytes(case: Case, at=None, start=None, end=None, min_strength: float = 0.0) -> bytes:
    """`graph_record` as the JSON the API sends. The nodes and edges are encoded once per
    graph: an edit that leaves the graph as it was (the incremental analysis keeps the same
    graph then) encodes only the years again."""
    from .report.affinity_export import to_records
    at_span = service.date_bound(at)
    lo, hi = service.date_bound(start), service.date_bound(end)
    period = (lo or hi).hull(hi or lo) if (lo or hi) else None
    v = view(case)
    g = graph_of(case, at=at_span, period=period, min_strength=min_strength)

    def make() -> bytes:
        with _view_lock:
            body = _graph_bodies.get(g)
            if body is None:
                out = to_records(g)
                _edge_titles(v, out)
                body = _graph_bodies[g] = _encode(out)[:-1]
        return body + b',"years":' + _encode(_years(v)) + b"}"
    return memo(v, ("graph-bytes", at, start, end, min_strength), make)


def _encode(value) -> bytes:
    import json
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode()


def _graph_json(v: View, out: dict) -> dict:
    _edge_titles(v, out)
    out["years"] = _years(v)
    return out


def _edge_titles(v: View, out: dict) -> None:
    titles = {s.id: s.title for s in v.data.sources.values()}
    for e in out["edges"]:
        e["source_titles"] = [titles.get(s, s) for s in e["sources"]]


def _years(v: View) -> list[int]:
    """The first and last year any live claim reaches (the chart's time slider)."""
    from .timespan import iso
    days = {d for c in v.res.claims.values() if c.time for d in (c.time.lo, c.time.hi)}
    years = {int(t[:4]) for t in map(iso, days) if t and t[:4].isdigit()}   # each day once
    return [min(years), max(years)] if years else []


def finding_records(case: Case) -> list[dict]:
    from .analyse.findings import finding_record
    v = view(case)
    return memo(v, "findings", lambda: [finding_record(f, v.data, v.res) for f in v.findings])


def witness_records(case: Case) -> list[dict]:
    from .analyse.witnesses import witness_record
    return [witness_record(w) for w in witness_register(case)]


def question_records(case: Case) -> list[dict]:
    v = view(case)
    return memo(v, "questions", lambda: [q.as_json() for q in v.stored.questions])


def matrix_records(case: Case) -> list[dict]:
    from .analyse import hypotheses as ach
    from .judgment import hypothesis_sets
    v = view(case)
    register = witness_register(case)
    return memo(v, "matrices", lambda: [ach.matrix_json(ach.ach_matrix(s, v.data, v.res, v.findings, register))
                                         for s in hypothesis_sets(case)])
