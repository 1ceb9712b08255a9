"""A verb and a predicative adjective that together tell an event: 'X, a defector, found
dead in 1941' is died(X, 1941); 'Police found him dead' is died(him).

The pairs (verb lemma, adjective, predicate) are data (``data/encyclopaedia.yaml``). The one
the event befalls is the passive clause's subject ('was found dead'), the direct object of
the active one ('found him dead'), or, with neither, the subject of a list item written
without its auxiliary ('X, a GRU defector who ..., found dead in 1937').
"""

from __future__ import annotations

import functools

from ..model import Claim, schema
from .attribution import voice
from .claims import SentenceReader, make_claim
from .office_lists import encyclopaedia_words

_PREDICATIVE = ("oprd", "acomp", "ccomp", "xcomp")


@functools.cache
def predicative_table() -> dict[tuple[str, str], str]:
    """(verb lemma, adjective) -> predicate name."""
    return {(e["verb"], e["adjective"]): e["predicate"] for e in encyclopaedia_words()["predicative_events"]}


def predicative_verbs() -> frozenset[str]:
    return frozenset(v for v, _ in predicative_table())


def predicative_claims(reader: SentenceReader, verb) -> list[Claim]:
    table = predicative_table()
    adjs = [c for c in verb.children if c.dep_ in _PREDICATIVE and c.pos_ == "ADJ"
            and (verb.lemma_.lower(), c.lower_) in table and not any(g.dep_ != "punct" for g in c.children)
            and not (c.i + 1 < len(c.doc) and c.doc[c.i + 1].pos_ == "ADJ")]     # 'found dead drunk'
    if len(adjs) != 1:
        return []
    p = schema().predicates.get(table[(verb.lemma_.lower(), adjs[0].lower_)])
    dobjs = [c for c in verb.children if c.dep_ == "dobj"]
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if p is None or len(dobjs) > 1 or len(subjects) > 1:
        return []
    patient = dobjs[0] if dobjs else subjects[0] if subjects else None
    if patient is None:
        g = reader.grammatical_subject(verb)
        patient = g[0] if g else None
    a = reader.arg(patient) if patient is not None else None
    if a is None or not schema().kind_accepts(p.subject, a.kind):
        return []
    v = voice(verb, reader.speaker)
    if v.dropped:
        return []
    when = reader.time_of(verb) or reader.sentence_time(verb)
    return [make_claim(reader, verb, p, a, None, v, 0.1, v.denied, when=when, clause=True)]
