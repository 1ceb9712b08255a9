"""The head of a service's unit abroad: 'Mr. X, then KGB station chief in Mexico City'.

A cable or memo writes the unit before the head's title, the service before the unit
('the KGB station chief', 'the CIA station chief in Vilnius'). The chief heads the unit, not
the service (posts.py gives the service nothing), and the archive names the unit by its
service, its kind and its city: 'KGB station, Mexico City'. A post written with 'then'
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
    """The unit a head's title names before it ('KGB station' chief, with 'in <city>'), or None."""
    units, _ = _words()
    for c in noun.children:
        if c.dep_ != "compound" or c.i > noun.i or c.lemma_.lower() not in units:
            continue
        services = [g for g in c.children if g.dep_ in ("compound", "amod") and g.i < c.i]
        service = reader.named(services[0]) if len(services) == 1 else None
        if service is None or service.kind != "organisation":
            continue
        name = f"{service.name} {c.lower_}"
        for p in noun.children:
            if p.dep_ == "prep" and p.lower_ == "in":
                city = next((reader.named(o) for o in p.children if o.dep_ == "pobj"), None)
                if city is not None and city.kind == "place":
                    name = f"{name}, {city.name}"
        return Arg(name, "organisation", service.penalty + 0.05, c)
    return None


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
