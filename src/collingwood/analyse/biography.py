"""Step 5: a profile of one actor, and where their own testimony sits in their life."""

from __future__ import annotations

import difflib
import json
from dataclasses import asdict, dataclass, field

from ..errors import NotFound
from ..model import CaseData, Entity, Event, schema
from ..resolve import Resolution
from ..timespan import TimeSpan
from . import gap_years, predicate_of, witness_date, witness_ids, year_text

CAREER = frozenset(p.name for p in schema().predicates.values() if p.family == "career")
# predicate -> (role of the actor, the word for the milestone)
MILESTONES = {"recruited": ("object", "recruitment"), "defected_to": ("subject", "defection"),
              "exposed": ("object", "exposure"), "arrested": ("object", "arrest"),
              "convicted": ("object", "conviction"), "confessed": ("subject", "confession"),
              "died": ("subject", "death")}
_VERB = {"memoir": "written", "letter": "written", "diary": "written", "memorandum": "written",
         "confession": "made", "interview": "given"}


@dataclass
class Profile:
    id: str
    name: str
    kind: str
    names: list[dict] = field(default_factory=list)          # {name, kind, valid}
    born: dict | None = None                                  # {time, place, disputed, claims}
    died: dict | None = None
    posts: list[dict] = field(default_factory=list)          # {relation, organisation, time, claims}
    associations: list[dict] = field(default_factory=list)   # {id, name, relations, claims}
    events: list[dict] = field(default_factory=list)         # {id, label, time, disputed}
    milestones: list[dict] = field(default_factory=list)     # {what, time, event}
    testimony: list[dict] = field(default_factory=list)      # {source_id, title, kind, date, position}
    claims_about: list[str] = field(default_factory=list)
    claims_by: list[str] = field(default_factory=list)
    grading: dict | None = None      # the case's one grading of the person: {prominence, grade ...}


def set_grading(p: Profile, row: dict | None) -> Profile:
    """Attach the analysis run's grading of the person (the witness register's, the same in
    every view): prominence, and as a witness the grade with its rule."""
    if row is not None:
        p.grading = {"prominence": row["prominence"], "prominence_score": round(row["prominence_score"], 3),
                     "grade": row["grade"], "grade_by": row["grade_by"], "grade_rule": row["grade_rule"]}
    return p


def _find(res: Resolution, name: str) -> Entity:
    ids = res.find(name) or ([name] if name in res.entities else [])
    people = [i for i in ids if res.entities[i].kind == "person"]
    ids = people or ids
    if len(ids) == 1:
        return res.entities[ids[0]]
    known = sorted({e.name for e in res.entities.values()}
                   | {a.name for e in res.entities.values() for a in e.aliases})
    if ids:
        choices = ", ".join(res.entities[i].name for i in ids)
        raise NotFound(f"{name!r} may be any of: {choices}. Ask for one by its full name.")
    close = difflib.get_close_matches(name, known, n=5, cutoff=0.5)
    hint = f" Close names: {', '.join(close)}." if close else " List the case's entities to see who is in it."
    raise NotFound(f"No one called {name!r} in the case.{hint}")


def _time(t: TimeSpan | None) -> dict | None:
    return None if t is None else {"earliest": t.earliest, "latest": t.latest, "text": t.render()}


def _event_row(ev: Event, res: Resolution) -> dict:
    from .chronology import event_label
    return {"id": ev.id, "predicate": ev.predicate, "label": event_label(ev, res),
            "time": _time(ev.time), "place": ev.place, "disputed": ev.id in res.disputed,
            "claims": list(ev.claim_ids)}


def _life(p: Profile, events: list[Event], res: Resolution) -> None:
    for ev in events:
        if ev.participants[0] != p.id:
            continue
        if ev.predicate in ("born", "died"):
            setattr(p, ev.predicate, {"time": _time(ev.time), "place": ev.place,
                                      "disputed": ev.id in res.disputed, "claims": list(ev.claim_ids)})
        if ev.predicate in CAREER:
            org = [x for x in ev.participants if x != p.id]
            p.posts.append({"relation": predicate_of(ev.predicate).label,
                            "organisation": res.name(org[0]) if org else "", "time": _time(ev.time),
                            "claims": list(ev.claim_ids)})


def _milestones(p: Profile, events: list[Event], res: Resolution) -> list[tuple[str, TimeSpan]]:
    out = []
    for ev in events:
        role_word = MILESTONES.get(ev.predicate)
        if role_word is None or ev.time is None:
            continue
        role, word = role_word
        ids = [res.subject_of[c] for c in ev.claim_ids] if role == "subject" else \
              [res.object_of.get(c) for c in ev.claim_ids]
        if p.id in ids:
            out.append((word, ev.time))
            p.milestones.append({"what": word, "time": _time(ev.time), "event": ev.id})
    return sorted(out, key=lambda m: (m[1].lo, m[1].hi))


def position(kind: str, date: TimeSpan, milestones: list[tuple[str, TimeSpan]]) -> str:
    """'confession made in 1964, 13 years after exposure (1951)'."""
    verb = _VERB.get(kind, "dated")
    label = schema().source_kinds.get(kind, {}).get("label", kind.replace("_", " "))
    words = f"{label} {verb} in {year_text(date)}"
    before = [m for m in milestones if m[1].hi < date.lo]
    after = [m for m in milestones if m[1].lo > date.hi]
    if before:
        what, t = before[-1]
        words += f", {gap_years(date, t):g} years after {what} ({year_text(t)})"
    if after:
        what, t = after[0]
        words += f"{',' if not before else ' and'} before {what} ({year_text(t)})"
    return words


@dataclass
class ProfileIndex:
    """Each entity's events, the claims about it and the claims it witnessed, in the
    resolution's order: built once by `profile_index` when many profiles are drawn from one
    resolution (the dossier's biographies), so each profile reads its own claims instead of
    walking every claim and event of the case."""
    events: dict[str, list[Event]] = field(default_factory=dict)
    about: dict[str, list] = field(default_factory=dict)
    by: dict[str, list] = field(default_factory=dict)


def profile_index(data: CaseData, res: Resolution, only: set[str] | None = None) -> ProfileIndex:
    """The index of every entity, or of the entities in ``only`` (one profile's own)."""
    index = ProfileIndex()
    wanted = (lambda eid: True) if only is None else only.__contains__
    for ev in res.events.values():
        for eid in dict.fromkeys(ev.participants):
            if wanted(eid):
                index.events.setdefault(eid, []).append(ev)
    found: dict[str, list[str]] = {}            # witness name -> entity ids: the names repeat

    def find(n: str) -> list[str]:
        if n not in found:
            found[n] = res.find(n)
        return found[n]

    for c in res.claims.values():
        s, o = res.subject_of[c.id], res.object_of.get(c.id)
        for eid in (s,) if o is None or o == s else (s, o):
            if wanted(eid):
                index.about.setdefault(eid, []).append(c)
        for eid in dict.fromkeys(witness_ids(c, data.sources.get(c.source_id), res, find)):
            if wanted(eid):
                index.by.setdefault(eid, []).append(c)
    return index


def profile(data: CaseData, resolution: Resolution, name: str, index: ProfileIndex | None = None) -> Profile:
    """Everything the case says about one actor; raises NotFound with close names. ``index``
    (`profile_index` of the same resolution, for many profiles) spares a walk per profile."""
    res = resolution
    ent = _find(res, name)
    p = Profile(ent.id, ent.name, ent.kind)
    p.names = [{"name": ent.name, "kind": "canonical", "valid": None}] + [
        {"name": a.name, "kind": a.kind, "valid": _time(a.valid)} for a in ent.aliases]
    index = index or profile_index(data, res, {ent.id})
    events = sorted(index.events.get(ent.id, []),
                    key=lambda ev: (ev.time is None, ev.time.sort_key() if ev.time else (0, 0), ev.id))
    p.events = [_event_row(ev, res) for ev in events]
    _life(p, events, res)
    milestones = _milestones(p, events, res)
    links: dict[str, dict] = {}
    by_source: dict[str, list] = {}
    for c in index.about.get(ent.id, []):
        s, o = res.subject_of[c.id], res.object_of.get(c.id)
        p.claims_about.append(c.id)
        other = o if s == ent.id else s
        if other and other != ent.id and res.entities[other].kind == "person":
            row = links.setdefault(other, {"id": other, "name": res.name(other), "relations": [], "claims": []})
            pred = predicate_of(c.predicate)
            label = pred.label if s == ent.id or pred.symmetric else pred.reverse["label"]
            label = label if c.affirmed else f"denied: {label}"
            if label not in row["relations"]:
                row["relations"].append(label)
            row["claims"].append(c.id)
    for c in index.by.get(ent.id, []):
        p.claims_by.append(c.id)
        by_source.setdefault(c.source_id, []).append(c)
    p.associations = sorted(links.values(), key=lambda r: (-len(r["claims"]), r["name"]))
    for sid, claims in sorted(by_source.items()):
        src = data.sources.get(sid)
        date = witness_date(claims[0], src)
        kind = src.kind if src else "source"
        p.testimony.append({"source_id": sid, "title": src.title if src else sid, "kind": kind,
                            "date": _time(date), "claims": len(claims),
                            "position": position(kind, date, milestones) if date else "undated"})
    p.testimony.sort(key=lambda t: (t["date"] or {}).get("earliest", "9999"))
    return p


def profile_json(p: Profile) -> str:
    return json.dumps(asdict(p), indent=2, ensure_ascii=False)


def _when(t: dict | None) -> str:
    return t["text"] if t else "undated"


def profile_markdown(p: Profile) -> str:
    lines = [f"# {p.name}", ""]
    if p.grading:
        g = p.grading
        lines.append(f"**Standing:** {g['prominence']}" +
                     (f"; as a witness graded {g['grade_rule']}" if g["grade"] else ""))
    if len(p.names) > 1:
        lines.append("**Names:** " + "; ".join(
            n["name"] + (f" ({n['kind'].replace('_', ' ')}, {_when(n['valid'])})" if n["valid"] else
                         f" ({n['kind'].replace('_', ' ')})") for n in p.names[1:]))
    for key in ("born", "died"):
        life = getattr(p, key)
        if life:
            flag = " — disputed" if life["disputed"] else ""
            lines.append(f"**{key.title()}:** {_when(life['time'])}" +
                         (f", {life['place']}" if life["place"] else "") + flag)
    if p.posts:
        lines += ["", "## Posts", ""] + [f"- {_when(x['time'])}: {x['relation']} {x['organisation']}"
                                         for x in p.posts]
    if p.associations:
        lines += ["", "## Associations", ""] + [
            f"- {a['name']}: {', '.join(a['relations'])} ({len(a['claims'])} claims)" for a in p.associations]
    if p.testimony:
        lines += ["", "## Own testimony", ""] + [f"- {t['title']}: {t['position']} ({t['claims']} claims)"
                                                 for t in p.testimony]
    if p.events:
        lines += ["", "## Events", ""] + [
            f"- {_when(e['time'])}: {e['label']}" + (" (dates disputed)" if e["disputed"] else "")
            for e in p.events]
    lines += ["", f"{len(p.claims_about)} claims about {p.name}; {len(p.claims_by)} made by {p.name}.", ""]
    return "\n".join(lines)
