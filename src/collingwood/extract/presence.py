"""Being at a place, told with the copula: a chronology's 'X is back at the Soviet Embassy'.

A chronology or a surveillance log writes a visit as a state in the present tense: 'Harlan
is back at the Soviet Embassy', 'X is at the Cuban Consulate again'. The copula carries no
act the verb table could list, so it is read here: a person subject, 'be', and 'back'
before a place or a body named for its building (at/in/to), or 'at' before such a building,
is a visit (`visited`) at the clause's time. 'He was at work', 'was in charge', 'was in
the army' name no place and give nothing.
"""

from __future__ import annotations

from ..model import Claim, schema
from .attribution import voice
from .claims import SentenceReader, arg_pairs, make_claim

_BACK = ("back",)
_AT = ("at", "in", "to")


def presence_claims(reader: SentenceReader, verb) -> list[Claim]:
    if verb.lemma_ != "be" or verb.dep_ not in ("ROOT", "conj") or verb.pos_ != "AUX":
        return []
    if any(c.dep_ in ("acomp", "attr", "neg", "expl") for c in verb.children):
        return []                  # 'was happy at', 'was a clerk at', 'was not at', 'there is'
    back = [c for c in verb.children if c.dep_ == "advmod" and c.lower_ in _BACK]
    heads = [verb, *back]
    preps = [c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in (_AT if back else ("at",))]
    objects = [o for p in preps for o in p.children if o.dep_ == "pobj"]
    g = reader.grammatical_subject(verb)
    if not objects or g is None or g[2]:
        return []
    p = schema().predicates.get("visited")
    if p is None:
        return []
    pairs = [(a, b) for a, b in arg_pairs(reader, p, [g[0]], objects)
             if a.kind == "person" and (back or b.kind == "organisation")]
    if not pairs:
        return []
    v = voice(verb, reader.speaker)
    if v.dropped:
        return []
    when = reader.time_of(verb) or reader.sentence_time(verb) or reader.current_time(verb)
    return [make_claim(reader, verb, p, a, b, v, 0.1 + g[1], v.denied, when=when, clause=True) for a, b in pairs]
