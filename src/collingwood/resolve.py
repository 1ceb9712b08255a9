"""Resolve: surface names -> entities; claims about one happening -> events.

A pure function of a `CaseData` snapshot. Names are matched case-insensitively
with a leading "the" and titles ("Sir", "Dr" ...) ignored, in this order:

1. the canonical name or an alias of a listed entity (aliases carry validity:
   Jane Sissmore until 1939, Jane Archer after; when one name belongs to several
   entities, the claim's time picks the one whose alias was valid then);
2. a surname on its own links to the one person with that surname, or stays
   its own entity when several share it (recorded in ``ambiguous``);
3. any other name becomes an entity of its own (a code name such as "Otto" that
   no entity carries becomes an unknown person called Otto).

A code name or transliteration that the machine found in a source (an alias
whose kind has ``merge: false`` and a ``source_id``) is only a *candidate*:
it links once the analyst merges it. Analyst merges ``(name, same-as name)`` and
splits ``(name, not-same-as name)`` are applied after the machine's links and
always win; a split wins over a merge of the same pair.

Events are formed by blocking on a key, never by comparing all pairs: see
`event_key` and docs/analysis.md.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .extract.name_forms import compatible, parse_person, title_words
from .extract.name_links import name_variants
from . import identity
from .model import EXTRACTORS_HUMAN, Alias, CaseData, Claim, Entity, Event, Predicate, schema
from .timespan import OPEN_HI, OPEN_LO, TimeSpan

TITLES = {t.lower().rstrip(".") for t in title_words()}     # data: gazetteer.yaml and names.yaml
_PUNCT = re.compile(r"[\"'“”‘’.,;:]+")


def norm(name: str) -> str:
    """The matching key of a surface name: lower case, no accents, no leading 'the', no quotes
    ('Rubén Durán' and 'Ruben Duran' are one key)."""
    name = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
    t = _PUNCT.sub(" ", name.replace("’s ", " ").lower())
    t = " ".join(t.split())
    if t.startswith("the "):
        t = t[4:]
    return t


def _strip_titles(key: str) -> str:
    words = key.split()
    while len(words) > 1 and words[0] in TITLES:
        words = words[1:]
    return " ".join(words)


def entity_id(name: str, kind: str) -> str:
    """Same recipe as the casebook's entity list, so ids agree across stages (identity.py)."""
    return identity.entity_id(name, kind)


@dataclass(frozen=True)
class NameUse:
    """A claim that names an entity by an alias with a validity period."""

    role: str            # subject | object
    name: str
    entity_id: str
    valid: TimeSpan


@dataclass(frozen=True)
class _Link:
    entity_id: str
    valid: TimeSpan | None = None
    name: str = ""
    kind: str = "canonical"       # the alias kind by which the name reaches the entity


@dataclass
class Resolution:
    entities: dict[str, Entity] = field(default_factory=dict)
    subject_of: dict[str, str] = field(default_factory=dict)    # claim id -> entity id
    object_of: dict[str, str] = field(default_factory=dict)
    place_of: dict[str, str] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)       # live (not rejected) claims
    superseded: dict[str, str] = field(default_factory=dict)     # machine claim -> analyst claim
    events: dict[str, Event] = field(default_factory=dict)
    event_of: dict[str, str] = field(default_factory=dict)       # claim id -> event id
    disputed: set[str] = field(default_factory=set)              # event ids without consensus
    names_used: dict[str, list[NameUse]] = field(default_factory=dict)
    ambiguous: dict[str, list[str]] = field(default_factory=dict)  # surface -> candidate ids
    candidates: list[tuple[str, str, str]] = field(default_factory=list)  # (name, entity, why)
    grounds: dict[str, list[str]] = field(default_factory=dict)  # entity id -> why each name joined it
    root_of: dict[str, str] = field(default_factory=dict)        # listed/extracted entity id -> case entity id
    _keys: dict[str, list[str]] = field(default_factory=dict, repr=False)
    _surnames: dict[str, set[str]] | None = field(default=None, repr=False)

    def name(self, entity_id: str | None) -> str:
        if entity_id is None:
            return ""
        e = self.entities.get(entity_id)
        return e.name if e else entity_id

    def find(self, name: str) -> list[str]:
        """Entity ids a name may denote: canonical names and aliases, else a surname."""
        key = norm(name)
        found = self._keys.get(key) or self._keys.get(_strip_titles(key))
        if found:
            return list(found)
        if len(key.split()) != 1:
            return []
        if self._surnames is None:
            self._surnames = defaultdict(set)
            for k, ids in self._keys.items():
                for eid in ids:
                    if self.entities[eid].kind == "person" and len(k.split()) > 1:
                        self._surnames[k.split()[-1]].add(eid)
        return sorted(self._surnames.get(key, ()))

    def participants(self, claim: Claim) -> tuple[str, ...]:
        ids = [self.subject_of[claim.id]]
        if claim.id in self.object_of:
            ids.append(self.object_of[claim.id])
        return tuple(ids)


class _Names:
    """The name table: matching key -> links, with union-find over entity ids."""

    def __init__(self, data: CaseData):
        alias_kinds = schema().alias_kinds
        self.entities: dict[str, Entity] = {}
        self.links: dict[str, list[_Link]] = defaultdict(list)
        self.parent: dict[str, str] = {}
        self.candidates: list[tuple[str, str, str]] = []
        self.curated: set[str] = set()          # name keys the analyst's merges and splits re-pointed
        self.grounds: dict[str, list[str]] = defaultdict(list)
        for ent in data.entities:
            self.add_entity(Entity(ent.id, ent.name, ent.kind, list(ent.aliases), ent.notes))
            for al in ent.aliases:
                where = f" in {al.source_id}" if al.source_id else " in the case's entity list"
                if al.source_id and not alias_kinds.get(al.kind, {}).get("merge", True):
                    self.candidates.append((al.name, ent.id, f"{al.kind} found{where}"))
                    continue
                if norm(al.name) != norm(ent.name):
                    self.ground(ent.id, f"{al.name!r}: {al.kind.replace('_', ' ')} of {ent.name}{where}")
                self.link(norm(al.name), _Link(ent.id, al.valid, al.name, al.kind))

    def ground(self, eid: str, why: str) -> None:
        if why not in self.grounds[eid]:
            self.grounds[eid].append(why)

    def add_entity(self, ent: Entity) -> None:
        self.entities[ent.id] = ent
        self.parent.setdefault(ent.id, ent.id)
        key = norm(ent.name)
        if not any(lk.entity_id == ent.id for lk in self.links.get(key, ())):
            self.links[key].append(_Link(ent.id, None, ent.name))

    def link(self, key: str, new: _Link) -> None:
        links = self.links[key]
        for i, lk in enumerate(links):
            if lk.entity_id == new.entity_id:
                if new.valid is not None and lk.valid is None:
                    links[i] = new          # the alias entry carries the name's validity
                return
        links.append(new)

    def root(self, eid: str) -> str:
        while self.parent[eid] != eid:
            self.parent[eid] = self.parent[self.parent[eid]]
            eid = self.parent[eid]
        return eid

    def lookup(self, key: str) -> list[_Link]:
        links = self.links.get(key) or self.links.get(_strip_titles(key)) or []
        seen, out = set(), []
        for lk in links:
            r = self.root(lk.entity_id)
            if r not in seen:
                seen.add(r)
                out.append(_Link(r, lk.valid, lk.name, lk.kind))
        return out

    def own(self, surface: str, kind: str) -> str:
        eid = entity_id(surface, kind)
        if eid not in self.entities:
            self.add_entity(Entity(eid, surface, kind))
        return eid


def _kind_votes(claims: list[Claim]) -> tuple[dict[str, Counter], dict[str, Counter]]:
    """For each matching key: the kinds its roles require, and its surface spellings."""
    preds = schema().predicates
    kinds: dict[str, Counter] = defaultdict(Counter)
    forms: dict[str, Counter] = defaultdict(Counter)
    cache: dict[str, str] = {}
    for c in claims:
        p = preds[c.predicate]
        for surface, kind in ((c.subject, p.subject), (c.object, p.object), (c.place, "place")):
            if not surface or kind == "none":
                continue
            kind = "person" if kind == "agent" else kind    # a recruiter the NER did not type: a person, as before
            key = cache.get(surface)
            if key is None:
                key = cache[surface] = norm(surface)
            kinds[key][kind] += 1
            forms[key][surface.strip()] += 1
    return kinds, forms


def _best(counter: Counter, skip: str | None = None) -> str | None:
    ranked = sorted(((-n, k) for k, n in counter.items() if k != skip))
    return ranked[0][1] if ranked else None


def _surname_index(names: _Names) -> dict[str, set[str]]:
    index: dict[str, set[str]] = defaultdict(set)
    for key, links in names.links.items():
        words = _strip_titles(key).split()
        if len(words) < 2:
            continue
        for lk in links:
            if names.entities[names.root(lk.entity_id)].kind == "person":
                index[words[-1]].add(names.root(lk.entity_id))
    return index


def _build_names(data: CaseData, claims: list[Claim], res: Resolution) -> _Names:
    names = _Names(data)
    kinds, forms = _kind_votes(claims)
    single = []
    for key in sorted(kinds):
        if names.lookup(key):
            continue
        if len(_strip_titles(key).split()) == 1:
            single.append(key)
            continue
        names.own(_best(forms[key]), _best(kinds[key], "any") or "any")
    surnames = _surname_index(names)
    for key in single:
        people = surnames.get(_strip_titles(key), set())
        if len(people) == 1:
            eid = next(iter(people))
            names.link(key, _Link(eid, None, _best(forms[key])))
            names.ground(eid, f"{_best(forms[key])!r}: the surname of the one person of the case so called, "
                              f"{names.entities[eid].name}")
            continue
        if len(people) > 1:
            res.ambiguous[_best(forms[key])] = sorted(people)
        names.own(_best(forms[key]), _best(kinds[key], "any") or "any")
    _merge_name_forms(names)
    _apply_curation(names, data, kinds, forms)
    return names


def _merge_name_forms(names: _Names) -> None:
    """One person across sources: an entity whose name is a shorter form of exactly one other
    person's name ('Lee Oswald', 'Samuel G. Wise' beside 'Lee Harvey Oswald', 'Samuel
    Griffin Wise Jr.') joins it, with the grounds; a form that fits two people stays apart
    and is a candidate for each, as is a spelling or transliteration variant (Dzerzhinsky /
    Dzerzhynsky): proposed, never merged. Blocked by surname."""
    by_key: dict[str, list] = defaultdict(list)
    for eid, ent in sorted(names.entities.items()):
        if ent.kind == "person" and names.root(eid) == eid:
            p = parse_person(ent.name)
            if p is not None:
                by_key[p.key].append((eid, p))
    for people in by_key.values():
        for eid, p in people:
            fuller = [(oid, q) for oid, q in people if oid != eid and compatible(p, q)
                      and (len(q.given), len(q.display)) > (len(p.given), len(p.display))]
            if len(fuller) == 1:
                oid = names.root(fuller[0][0])
                if oid != names.root(eid):
                    names.parent[names.root(eid)] = oid
                    names.ground(oid, f"{names.entities[eid].name!r}: a shorter form of {names.entities[oid].name} "
                                      "(same surname, given names and initials in order), the only person it fits")
            elif len(fuller) > 1:
                for oid, _ in fuller:
                    names.candidates.append((names.entities[eid].name, oid, "shorter form that fits more than one person"))
    _join_bare_surnames(names, by_key)
    people = {eid: e for eid, e in sorted(names.entities.items()) if e.kind in ("person", "any")
              and names.root(eid) == eid}
    persons = [e.name for e in people.values()]
    ids = {e.name: eid for eid, e in people.items()}
    for first, variant, kind in name_variants(persons):
        if variant in ids:                   # whole names only; a surname alone is the extractor's alias
            names.candidates.append((variant, ids[first], f"{kind} variant of {first}: proposed, not merged"))


def _join_bare_surnames(names: _Names, by_key: dict[str, list]) -> None:
    """A person a source only ever names by a surname ('Oswald' in a chronology that never
    writes his given names) is rule 2 applied to an entity: it joins the one person of the
    case with that surname; when several share it, it stays apart, a candidate of each."""
    for eid, ent in sorted(names.entities.items()):
        words = _strip_titles(norm(ent.name)).split()
        if ent.kind != "person" or names.root(eid) != eid or len(words) != 1:
            continue
        people = {names.root(oid) for oid, _ in by_key.get(words[0], ())} - {eid}
        if len(people) == 1:
            oid = next(iter(people))
            names.parent[eid] = oid
            names.ground(oid, f"{ent.name!r}: the surname of the one person of the case so called, "
                              f"{names.entities[oid].name}")
        else:
            names.candidates.extend((ent.name, oid, "surname of more than one person") for oid in sorted(people))


def _apply_curation(names: _Names, data: CaseData, kinds, forms) -> None:
    def target(name: str, known: str | None = None) -> str:
        links = names.lookup(norm(name))
        if links:
            return links[0].entity_id
        if known and known in names.entities:     # the name is gone, the entity it denoted is not
            return names.root(known)
        return names.own(name.strip(), _best(kinds.get(norm(name), Counter()), "any") or "person")

    for pair in data.merges:
        name, same_as = pair
        to = target(same_as, getattr(pair, "other_id", None))
        key = norm(name)
        names.curated.add(key)
        own = [lk for lk in names.lookup(key) if norm(names.entities[lk.entity_id].name) == key]
        for lk in own:                       # an entity of its own: absorb it
            if lk.entity_id != to:
                names.parent[lk.entity_id] = to
        names.links[key] = [_Link(to, None, name)]   # a machine link: re-point the name
        names.ground(to, f"{name!r}: merged by the analyst with {same_as}")
    for name, other in data.splits:
        a, b = names.lookup(norm(name)), names.lookup(norm(other))
        if not a or not b or a[0].entity_id != b[0].entity_id:
            continue
        shared = names.entities[a[0].entity_id]
        loser = other if norm(shared.name) == norm(name) else name
        kind = shared.kind
        fresh = entity_id(loser.strip(), kind)
        if fresh == shared.id:
            fresh = entity_id(loser.strip() + " (split)", kind)
        names.entities[fresh] = Entity(fresh, loser.strip(), kind, notes=f"split from {shared.name}")
        names.parent[fresh] = fresh
        names.links[norm(loser)] = [_Link(fresh, None, loser)]
        names.curated.add(norm(loser))


def _merged_entities(names: _Names) -> dict[str, Entity]:
    out: dict[str, Entity] = {}
    for eid in sorted(names.entities):
        r = names.root(eid)
        if r == eid:
            e = names.entities[eid]
            out[eid] = Entity(e.id, e.name, e.kind, list(e.aliases), e.notes)
    for eid in sorted(names.entities):
        r = names.root(eid)
        if r != eid:
            e, into = names.entities[eid], out[r]
            into.aliases.extend(e.aliases)
            into.aliases.append(Alias(name=e.name, kind="variant"))
    return out


def _choose(links: list[_Link], time: TimeSpan | None) -> _Link | None:
    if len(links) == 1:
        return links[0]
    # A name that is some entity's own name beats the same name as another's earlier or
    # later name: "NKVD" is the NKVD, not the MGB that was once called so.
    if any(lk.kind == "canonical" for lk in links):
        links = [lk for lk in links if lk.kind not in ("successor_name", "predecessor_name")]
        if len(links) == 1:
            return links[0]
    if time is not None:
        fits = [lk for lk in links if lk.valid is None or lk.valid.intersects(time)]
        dated = [lk for lk in fits if lk.valid is not None]
        if len(fits) == 1:
            return fits[0]
        if len(dated) == 1 and len(fits) > 1:
            return dated[0]
    return None


def _fitting(names: _Names, links: list[_Link], expected: str) -> list[_Link]:
    """The links whose entity is of the kind the claim's role takes, when that narrows them:
    'Lenin headed the Politburo' means the person, not a place the NER once called Lenin."""
    if len(links) < 2:
        return links
    accepts = schema().kind_accepts
    fit = [lk for lk in links if lk.entity_id in names.entities
           and accepts(expected, names.entities[lk.entity_id].kind)]
    return fit or links


def _resolve_claims(names: _Names, claims: list[Claim], res: Resolution) -> None:
    preds = schema().predicates
    cache: dict[str, list[_Link]] = {}

    def links_of(surface: str) -> list[_Link]:
        got = cache.get(surface)
        if got is None:
            got = cache[surface] = names.lookup(norm(surface))
        return got

    def linked(surface: str, eid: str | None, links: list[_Link]) -> _Link | None:
        """The extractor's own link of this name (the entity it read there), unless the
        analyst re-pointed the name since (a merge or split wins)."""
        if not eid or eid not in names.entities:
            return None
        key = norm(surface)
        if key in names.curated or _strip_titles(key) in names.curated:
            return None
        root = names.root(eid)
        return next((lk for lk in links if lk.entity_id == root), None) or _Link(root)

    for c in claims:
        p = preds[c.predicate]
        res.claims[c.id] = c
        for role, surface, table, eid in (("subject", c.subject, res.subject_of, c.subject_id),
                                          ("object", c.object if p.object != "none" else None, res.object_of,
                                           c.object_id),
                                          ("place", c.place, res.place_of, None)):
            if not surface:
                continue
            chosen = linked(surface, eid, links_of(surface))
            if chosen is not None:
                table[c.id] = chosen.entity_id
                if chosen.valid is not None and role != "place":
                    res.names_used.setdefault(c.id, []).append(
                        NameUse(role, surface, chosen.entity_id, chosen.valid))
                continue
            links = _fitting(names, links_of(surface), p.subject if role == "subject"
                             else p.object if role == "object" else "place")
            chosen = _choose(links, c.time)
            if chosen is None:
                res.ambiguous.setdefault(surface, sorted(lk.entity_id for lk in links))
                chosen = _Link(names.own(surface.strip() + " (?)", "any"))
            table[c.id] = chosen.entity_id
            if chosen.valid is not None and role != "place":
                res.names_used.setdefault(c.id, []).append(
                    NameUse(role, surface, chosen.entity_id, chosen.valid))


# ---------------------------------------------------------------- events

def event_key(p: Predicate, subj: str, obj: str | None) -> tuple[str, ...]:
    """The blocking key of a claim's happening (see docs/analysis.md)."""
    if p.functional == "per_object" and obj is not None:
        return (p.name, "of", obj)
    if p.functional == "per_subject" or p.once:
        return (p.name, "by", subj)
    pair = tuple(sorted((subj, obj or ""))) if p.symmetric else (subj, obj or "")
    return (p.name, "pair", *pair)


def _span(c: Claim) -> TimeSpan:
    return c.time if c.time is not None else TimeSpan(OPEN_LO, OPEN_HI, "unknown")


def _clusters(p: Predicate, claims: list[Claim]) -> list[list[Claim]]:
    """Split one key's claims into happenings by time (keyed predicates: one happening)."""
    if p.once or p.functional or not p.temporal:
        return [claims]
    ordered = sorted(claims, key=lambda c: (_span(c).lo, _span(c).hi, c.id))
    clusters: list[list] = []        # [lo, hi, members]
    active: list[list] = []
    for c in ordered:
        s = _span(c)
        active = [k for k in active if k[1] >= s.lo]
        for k in active:
            if k[1] >= s.lo:
                if p.state:            # a lasting state: overlapping spans are the same state
                    k[1] = max(k[1], s.hi)
                else:                  # an act: versions must share a possible day
                    k[0], k[1] = max(k[0], s.lo), min(k[1], s.hi)
                k[2].append(c)
                break
        else:
            k = [s.lo, s.hi, [c]]
            clusters.append(k)
            active.append(k)
    return [k[2] for k in clusters]


def consensus(p: Predicate, versions: list[Claim]) -> tuple[TimeSpan | None, bool]:
    """The event's time and whether its versions disagree (no common day)."""
    dated = [c.time for c in versions if c.time is not None and c.affirmed]
    dated = dated or [c.time for c in versions if c.time is not None]
    if not dated:
        return None, False
    hull = dated[0]
    for t in dated[1:]:
        hull = hull.hull(t)
    if p.state and not (p.once or p.functional):
        return hull, False
    common: TimeSpan | None = dated[0]
    for t in dated[1:]:
        common = common.intersection(t) if common is not None else None
    return (common, False) if common is not None else (hull, True)


def _place(versions: list[Claim], p: Predicate) -> str | None:
    places = Counter(c.place for c in versions if c.place and c.affirmed)
    if not places and p.object == "place":
        places = Counter(c.object for c in versions if c.object and c.affirmed)
    return _best(places)


def _build_events(res: Resolution, claims: list[Claim]) -> None:
    preds = schema().predicates
    blocks: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        p = preds[c.predicate]
        blocks[event_key(p, res.subject_of[c.id], res.object_of.get(c.id))].append(c)
    for key in sorted(blocks):
        p = preds[key[0]]
        for versions in _clusters(p, blocks[key]):
            eid = identity.event_id(p.name, [c.id for c in versions])
            versions.sort(key=lambda c: (_span(c).lo, _span(c).hi, c.id))
            time, disputed = consensus(p, versions)
            people = []
            for c in versions:
                for x in res.participants(c):
                    if x not in people:
                        people.append(x)
            if key[1] == "of":
                people.remove(key[2])
                people = [key[2], *sorted(people)]
            elif p.symmetric:
                people.sort()
            res.events[eid] = Event(eid, p.name, tuple(people), [c.id for c in versions],
                                    time, _place(versions, p), p.track)
            if disputed:
                res.disputed.add(eid)
            for c in versions:
                res.event_of[c.id] = eid


def _superseded(res: Resolution, claims: list[Claim]) -> dict[str, str]:
    """Machine claims that repeat an analyst's claim on an overlapping passage of the same
    source (same predicate, entities and polarity; or the same without the object the
    analyst read): the analyst's stands, the machine's copy takes no part in the
    analysis, so one passage is never counted twice."""
    def key(c: Claim) -> tuple:
        return (c.source_id, c.predicate, res.subject_of.get(c.id), c.polarity)

    by_key: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.extracted_by == EXTRACTORS_HUMAN:
            by_key[key(c)].append(c)
    out = {}
    for c in claims:
        if c.extracted_by != EXTRACTORS_HUMAN:
            obj = res.object_of.get(c.id)        # no object: the analyst's fuller reading stands
            same = next((a for a in by_key.get(key(c), ()) if c.start < a.end and a.start < c.end
                         and (obj is None or res.object_of.get(a.id) == obj)), None)
            if same is not None:
                out[c.id] = same.id
    return out


def resolve(data: CaseData) -> Resolution:
    """Map every live claim's names to entities and group the claims into events."""
    return resolve_with_names(data)[0]


def resolve_with_names(data: CaseData) -> tuple[Resolution, _Names]:
    """`resolve`, with the name table it built: an incremental re-analysis
    (`analysis_incremental`) resolves a changed claim against it."""
    claims = [c for c in data.claims if c.status != "rejected"]
    res = Resolution()
    names = _build_names(data, claims, res)
    _resolve_claims(names, claims, res)
    res.superseded = _superseded(res, claims)
    claims = [c for c in claims if c.id not in res.superseded]
    for cid in res.superseded:
        del res.claims[cid]
    res.entities = _merged_entities(names)
    res.root_of = {eid: names.root(eid) for eid in names.entities}
    res.candidates = names.candidates
    for eid, why in names.grounds.items():
        res.grounds.setdefault(names.root(eid), []).extend(w for w in why if w not in res.grounds.get(names.root(eid), []))
    for key, links in names.links.items():
        res._keys[key] = sorted({names.root(lk.entity_id) for lk in links})
    _build_events(res, claims)
    return res, names
