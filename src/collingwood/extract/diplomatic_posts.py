"""A state's post abroad named as the archive names it: by its state, its kind and its city.

Memos, cables and chronologies write a foreign post by its state and kind only ('Silvia
Vela calls the Soviet Embassy', 'calls the Soviet Military Attache (SMA)'); the record, the
index and the historian name it with its city: 'Soviet Embassy, Mexico City' (a cable writes
'EMBASSY MOSCOW'). Two texts' 'Soviet Embassy' are two posts unless they sit in one city.

The city is the one the text gives the post ('the American Embassy in Moscow'), else the one
city the text sets its posts in, when it does so at least twice ('the Mexico City Station',
'the Embassy in Mexico': an embassy said to be in a state is in its capital), and never the
post's own state. The post keeps its written name as an alias, with the cable form and the
other adjectives of its state ('US Embassy Moscow'). Kinds and capitals are data
(data/diplomatic_posts.yaml).
"""

from __future__ import annotations

import functools
import re
from collections import Counter

from .. import safe_yaml
from ..identity import entity_id
from ..model import Alias, Entity
from .demonyms import demonym_data, place_rows, state_of_adjective


@functools.cache
def _data() -> dict:
    return safe_yaml.package_data("data/diplomatic_posts.yaml")


@functools.cache
def _kinds() -> dict[str, bool]:
    """Post word -> whether such a post sits in the capital."""
    return {k["kind"]: bool(k["at_capital"]) for k in _data()["kinds"]}


@functools.cache
def _places() -> dict[str, tuple[str, str | None]]:
    """Written name of a city or state -> (its name, the state it is a city of, or None for a state)."""
    capitals = _data()["capitals"]
    out: dict[str, tuple[str, str | None]] = {}
    for p in place_rows():
        within = p.get("within") or []
        state = None if p["name"] in capitals else next((w for w in within if w in capitals), None)
        if p["name"] in capitals or state:
            for n in [p["name"], *(p.get("aliases") or ())]:
                out[re.sub(r"^the\s+", "", n)] = (p["name"], state)
    for state, city in capitals.items():
        out.setdefault(state, (state, None))
        out.setdefault(city, (city, state))
    return out


@functools.cache
def _within() -> dict[str, frozenset[str]]:
    """Place -> every place it lies in (transitively), from data/places.yaml."""
    direct = {p["name"]: list(p.get("within") or []) for p in place_rows()}
    out: dict[str, frozenset[str]] = {}
    for name in direct:
        seen, todo = set(), list(direct[name])
        while todo:
            w = todo.pop()
            if w not in seen:
                seen.add(w)
                todo += direct.get(w, [])
        out[name] = frozenset(seen)
    return out


def _home(city: str, state: str | None) -> frozenset[str]:
    """The states a post's city lies in: Moscow is in Russia and in the Soviet Union."""
    return frozenset({state} if state else set()) | _within().get(city, frozenset())


def _alternation(words) -> str:
    forms = {f for w in words for f in (w, w.upper())}
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


@functools.cache
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    kinds, places = _alternation(_kinds()), _alternation(_places())
    named = re.compile(rf"^(?P<adj>[A-Z][\w.]*(?: [A-Z][\w.]*)?) (?P<kind>{kinds})$")
    after = re.compile(rf"\s+(?:in|IN)\s+(?:the\s+|THE\s+)?(?P<place>{places})(?![\w'’-])")
    seats = re.compile(rf"(?<![\w'’-])(?:(?P<kind>{kinds})\s+(?:in|IN)\s+(?:the\s+|THE\s+)?(?P<place>{places})"
                       rf"|(?P<place2>{places})\s+(?P<kind2>{kinds}))(?![\w'’-])")
    return named, after, seats


def _canon(written: str) -> tuple[str, str | None] | None:
    places = _places()
    return places.get(written) or next((v for k, v in places.items() if k.upper() == written), None)


def _city(written: str, kind: str) -> tuple[str, str] | None:
    """(city, its state) of a post of `kind` said to be in `written`, or None."""
    got = _canon(written)
    if got is None:
        return None
    name, state = got
    if state is not None:
        return name, state
    capital = _data()["capitals"].get(name)
    return (capital, name) if capital and _kinds().get(_kind_of(kind), False) else None


def _kind_of(written: str) -> str:
    return next((k for k in _kinds() if k.upper() == written.upper()), written)


def _seat(text: str) -> tuple[str, str] | None:
    """The one city the text sets its posts in at least twice, or None."""
    counts: Counter = Counter()
    for m in _patterns()[2].finditer(text):
        city = _city(m["place"] or m["place2"], m["kind"] or m["kind2"])
        if city:
            counts[city] += 1
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def _synonyms(adjective: str) -> list[str]:
    state = state_of_adjective(adjective)
    for s in demonym_data()["states"]:
        if s["state"] == state:
            return [a for a in s.get("adjective") or () if a != adjective]
    return []


def _one_post(adjective: str) -> list[str]:
    """The adjectives that name one post with `adjective`, the naming one first (or [])."""
    return next((list(g) for g in _data().get("one_post") or () if adjective in g), [])


def name_posts(text: str, found, source_id: str) -> None:
    """Give each post abroad the found entities name by state and kind its city (in place)."""
    named, after, _ = _patterns()
    posts = {}
    for key, ent in found.entities.items():
        m = named.match(ent.name) if ent.kind == "organisation" else None
        if m and state_of_adjective(m["adj"]) is not None:
            posts[ent.id] = (key, m["adj"], _kind_of(m["kind"]))
    if not posts:
        return
    seat = None
    seat_read = False
    cities: dict[str, set[tuple[str, str]]] = {}
    for mention in found.mentions:
        if mention.entity_id in posts:
            m = after.match(text, mention.end)
            city = _city(m["place"], posts[mention.entity_id][2]) if m else None
            if city:
                cities.setdefault(mention.entity_id, set()).add(city)
    renamed: dict[str, str] = {}
    for eid, (key, adj, kind) in sorted(posts.items(), key=lambda kv: _one_post(kv[1][1])[:1] != [kv[1][1]]):
        given = cities.get(eid, set())
        if len(given) > 1:
            continue                  # posts of one state in two cities: which one a bare mention is, is unknown
        city = next(iter(given), None)
        if city is None:
            if not seat_read:
                seat, seat_read = _seat(text), True
            city = seat
        if city is None or {state_of_adjective(a) for a in _one_post(adj) or [adj]} & _home(*city):
            continue                  # no city, or the post's own country: the Soviet Embassy is not in Moscow
        renamed[eid] = _rename(found, key, adj, kind, city[0], source_id)
    for mention in found.mentions:
        if mention.entity_id in renamed:
            mention.entity_id = renamed[mention.entity_id]


def _forms(adj: str, kind: str, city: str) -> tuple[str, list[str], set[str]]:
    """The name of a state's post of `kind` in `city` ('Soviet Embassy, Mexico City'), its other
    forms (the cable's, the other adjectives of its state) and the names that are the same post."""
    new = f"{adj} {kind}, {city}"
    forms = [f"{adj} {kind} {city}"] + [f for syn in _synonyms(adj)
                                        for f in (f"{syn} {kind}, {city}", f"{syn} {kind} {city}")]
    return new, forms, {new, *forms} | {f"{a} {kind}, {city}" for a in _one_post(adj)}


def _keep_forms(target, forms: list[str], source_id: str) -> None:
    for form in forms:
        if form != target.name and all(a.name != form for a in target.aliases):
            target.aliases.append(Alias(form, "variant", None, source_id))


def _rename(found, key: str, adj: str, kind: str, city: str, source_id: str) -> str:
    ent = found.entities.pop(key)
    written = ent.name
    new, forms, same = _forms(adj, kind, city)
    target = next((e for e in found.entities.values() if e.name in same), None)
    if target is None:
        ent.id, ent.name = entity_id(new, ent.kind), new
        target = found.entities[new] = ent
    else:
        target.aliases += [a for a in ent.aliases if a not in target.aliases]
    _keep_forms(target, [new, written, *forms], source_id)
    return target.id


def post_abroad(found, adj: str, kind: str, host: str, source_id: str) -> Entity | None:
    """The entity of the post of `kind` that the state of `adj` keeps in `host` (a city, or a
    state: its capital, for a post kept there), found among the document's entities or made
    with the names `name_posts` gives; None when `host` is no known place or lies in the
    post's own state ('the Soviet ambassador in Moscow' names no post abroad)."""
    city = _city(host, kind)
    own = {state_of_adjective(a) for a in _one_post(adj) or [adj]}
    if city is None or None in own or own & _home(*city):
        return None
    new, forms, same = _forms(adj, kind, city[0])
    target = next((e for e in found.entities.values() if e.name in same), None)
    if target is None:
        target = found.entities[new] = Entity(entity_id(new, "organisation"), new, "organisation")
    _keep_forms(target, [new, *forms], source_id)
    return target


def envoy_titles() -> dict[str, dict]:
    """Envoy title -> {post: the kind of post it serves at, hosts: the prepositions naming where}."""
    return _data()["envoys"]


@functools.cache
def mission_heads() -> tuple[frozenset[str], dict]:
    """The nouns that with 'of mission' name an embassy's head or deputy, and the post they serve at."""
    data = _data()["mission_heads"]
    return frozenset(data["heads"]), {"post": data["post"], "hosts": data["hosts"]}
