"""Leaving a country told with 'out of': 'X had come out of the Soviet Union as a child'.

Interview summaries and memoirs tell an emigration or an escape with a verb of going (or of
being taken) and the compound preposition 'out of': 'came out of Russia with his parents',
'was smuggled out of Hungary', 'got out of Poland in 1939'. None of these verbs is a trigger
of `left` (they say nothing of leaving on their own), and the time is often a phase of life
('as a child'), not a date, so the open reading never sees them. The verbs are data
(``data/events.yaml`` ``exit_verbs``); the one who leaves is the clause's person subject
(the passive's too), the place is the object of 'of'. A return tells the leaving of where it
comes from as well as the arrival ('returned to Moscow from Spain in 1937', 'came back from
Paris'; ``return_verbs``): the place is the object of 'from'. Setting out for a place ('left
for Washington in 1949'; ``departure_verbs``) is going there (visited). Pure over the parse.
"""

from __future__ import annotations

import functools

from ..model import Claim, schema
from .attribution import words
from .claims import SentenceReader, _inflections, arg_pairs, clause_claims
from .event_words import event_words


@functools.cache
def _exit_forms() -> frozenset[str]:
    irregular = words()["irregular_forms"]
    forms: set[str] = set()
    for lemma in event_words()["exit_verbs"]:
        forms |= _inflections(lemma) | set(irregular.get(lemma, ()))
    return frozenset(forms)


def may_tell_exit(sent, lowered: set[str]) -> bool:
    """The cheap test before parsing: a form of an exit verb, and 'out' right before 'of'."""
    if "out" not in lowered or "of" not in lowered or not lowered & _exit_forms():
        return False
    return any(t.lower_ == "out" and t.i + 1 < sent.end and sent.doc[t.i + 1].lower_ == "of" for t in sent)


def _return_places(verb) -> list:
    """'returned to Moscow from Spain', 'came back from Paris': the places of 'from'."""
    lemma = verb.lemma_.lower()
    back = [c for c in verb.children if c.dep_ in ("prt", "advmod") and c.lower_ == "back"]
    if lemma not in event_words()["return_verbs"] and not (back and lemma in event_words()["exit_verbs"]):
        return []
    return [p for head in (verb, *back) for c in head.children if c.dep_ == "prep" and c.lower_ == "from"
            for p in c.children if p.dep_ == "pobj"]


def _destinations(verb) -> list:
    """'left for Washington', 'sailed for New York': the places of 'for' after a verb of setting out."""
    if verb.lemma_.lower() not in event_words()["departure_verbs"]:
        return []
    return [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"
            for p in c.children if p.dep_ == "pobj"]


def departure_claims(reader: SentenceReader, verb) -> list[Claim]:
    places = _destinations(verb)
    p = schema().predicates.get("visited")
    g = reader.grammatical_subject(verb) if places else None
    if p is None or g is None:
        return []
    pairs = [(a, b) for a, b in arg_pairs(reader, p, [g[0]], places) if a.kind == "person" and b.kind == "place"]
    return clause_claims(reader, verb, p, pairs, 0.1 + g[1])


def exit_claims(reader: SentenceReader, verb) -> list[Claim]:
    return departure_claims(reader, verb) + _exit_claims(reader, verb)   # visited, then left


def _exit_claims(reader: SentenceReader, verb) -> list[Claim]:
    places = _return_places(verb)
    if not places and verb.lemma_.lower() not in event_words()["exit_verbs"]:
        return []
    places = places or [p for c in verb.children if c.dep_ in ("prep", "prt", "advmod") and c.lower_ == "out"
                        for g in c.children if g.dep_ == "prep" and g.lower_ == "of"
                        for p in g.children if p.dep_ == "pobj"]
    p = schema().predicates.get("left")
    g = reader.grammatical_subject(verb)
    if not places or p is None or g is None:
        return []
    pairs = [(a, b) for a, b in arg_pairs(reader, p, [g[0]], places) if a.kind == "person" and b.kind == "place"]
    return clause_claims(reader, verb, p, pairs, 0.1 + g[1])
