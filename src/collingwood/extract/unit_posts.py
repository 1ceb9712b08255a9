"""The head of a service's unit abroad: 'Mr. X, then KGB station chief in Mexico City'.

A cable or memo writes the unit before the head's title, the service before the unit
('the KGB station chief', 'the CIA station chief in Vilnius'), or the unit after 'of'
('chief of the CIA station in Paris', "the CIA's chief of station in Mexico City"). The
chief heads the unit, not the service (posts.py gives the service nothing), and the archive
names the unit by its service, its kind and its city: 'KGB station, Mexico City'. A post written with 'then'
('then KGB station chief') is held at the time the sentence tells of. Words are data
(data/memos.yaml: unit_words, then_words).
"""

from __future__ import annotations

import functools

from .. import safe_yaml
from .claims import Arg, SentenceReader


@functools.cache
def _words() -> tuple[frozenset[str], frozenset[str]]:
    data = safe_yaml.package_data("data/memos.yaml")
    return frozenset(data["unit_words"]), frozenset(data["then_words"])


def unit_object(reader: SentenceReader, noun) -> Arg | None:
    """The unit a head's title names, before it ('KGB station' chief) or after 'of' ('chief of
    the CIA station in Paris'), or None."""
    return _unit_before(reader, noun) or _unit_of(reader, noun)


def _place(reader: SentenceReader, toks) -> Arg | None:
    return next((a for a in map(reader.named, toks) if a is not None and a.kind == "place"), None)


def _city_in(reader: SentenceReader, tok) -> Arg | None:
    """The place of an 'in' phrase on the token ('station in Mexico City')."""
    return _place(reader, [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "in"
                           for o in p.children if o.dep_ == "pobj"])


def _unit_of(reader: SentenceReader, noun) -> Arg | None:
    """'chief of the CIA station in Paris', "the CIA's chief of station in Mexico City", 'the
    Mexico City chief of station': a unit word after 'of' that names no body of its own. The
    service is a name before the unit or the title's possessor; the city is a name before the
    unit or the title, or after 'in'. Both are needed: an archive names a station by both
    ('CIA station, Paris'), and 'chief of station' alone says neither whose nor where."""
    units, _ = _words()
    for u in (o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
              for o in p.children if o.dep_ == "pobj" and o.lemma_.lower() in units):
        if u.pos_ != "NOUN" or reader.named(u) is not None:
            return None                 # 'chief of the Mexico City Station': a body the text names
        before = [g for g in u.children if g.dep_ in ("compound", "amod", "nmod", "poss") and g.i < u.i]
        titled = [g for g in noun.children if g.dep_ in ("compound", "nmod", "poss") and g.i < noun.i]
        service = next((a for a in map(reader.named, before + titled)
                        if a is not None and a.kind == "organisation"), None)
        city = _place(reader, before + titled) or _city_in(reader, u) or _city_in(reader, noun)
        return _unit(service, u, city) if service is not None and city is not None else None
    return None


def _unit_before(reader: SentenceReader, noun) -> Arg | None:
    units, _ = _words()
    for c in noun.children:
        if c.dep_ != "compound" or c.i > noun.i or c.lemma_.lower() not in units:
            continue
        services = [g for g in c.children if g.dep_ in ("compound", "amod") and g.i < c.i]
        service = reader.named(services[0]) if len(services) == 1 else None
        if service is None or service.kind != "organisation":
            continue
        return _unit(service, c, _city_in(reader, noun))
    return None


def _unit(service: Arg, word, city: Arg | None) -> Arg:
    """The unit as the archive names it: 'KGB station, Mexico City' (the city when written)."""
    name = f"{service.name} {word.lemma_.lower()}" + (f", {city.name}" if city is not None else "")
    return Arg(name, "organisation", service.penalty + 0.05, word)


def then_time(reader: SentenceReader, noun):
    """The time of a post written with 'then': the sentence's one time, else the narrative's."""
    _, then = _words()
    lead = noun.doc[max(0, noun.left_edge.i - 1):noun.i]     # 'then' before the title, however parsed
    if not any(t.lower_ in then for t in lead):
        return None
    spans = {id(s): s for s in reader.dates_by_token().values()}
    if len(spans) == 1:
        return next(iter(spans.values()))
    return reader.narrative if not spans else None
