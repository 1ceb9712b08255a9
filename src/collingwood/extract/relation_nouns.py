"""Relation nouns: 'his contact was Archibald ROOSEVELT', "Philby's handler, Yuri Modin, ...".

Memoranda and file notes state who dealt with whom through a possessive and a noun of the
relation rather than a verb: the possessor is one party, the person the noun names (after
a copula, or in apposition) the other. Which noun states which predicate, and which slot the
possessor fills, is data (``data/memos.yaml``: ``relation_nouns``). The claim takes the time
of its clause, else the narrative's ('In March 1962, X was cleared again. This time his
contact was Y.').
"""

from __future__ import annotations

import functools

from .. import safe_yaml
from ..model import Claim, schema
from .attribution import voice
from .claims import SentenceReader, make_claim


@functools.cache
def relation_nouns() -> dict[str, dict]:
    return safe_yaml.package_data("data/memos.yaml")["relation_nouns"]


@functools.cache
def role_nouns() -> dict[str, str]:
    """Noun lemma -> the open label of the tie it names ('informant' -> informant_of)."""
    return safe_yaml.package_data("data/memos.yaml")["role_nouns"]


def _named_other(noun):
    """The token that names the noun's other party: the attribute of 'his contact was X', or
    the one name in apposition ('his handler, Yuri Modin,')."""
    if noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
        attrs = [c for c in noun.head.children if c.dep_ == "attr" and c.pos_ == "PROPN"]
        return attrs[0] if len(attrs) == 1 else None
    appos = [c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    return appos[0] if len(appos) == 1 else None


def relation_claims(reader: SentenceReader, noun) -> list[Claim]:
    entry = relation_nouns().get(noun.lemma_.lower())
    poss = [c for c in noun.children if c.dep_ == "poss"]
    other = _named_other(noun)
    if entry is None or len(poss) != 1 or other is None:
        return []
    p = schema().predicates[entry["predicate"]]
    owner, named = reader.arg(poss[0]), reader.named(other)
    if owner is None or named is None or named.kind != "person" or owner.name == named.name \
            or not schema().kind_accepts(p.subject, owner.kind if entry["owner"] == "subject" else named.kind):
        return []
    a, b = (owner, named) if entry["owner"] == "subject" else (named, owner)
    verb = noun.head if noun.dep_ == "nsubj" else noun
    v = voice(verb, reader.speaker)
    if v.dropped:
        return []
    when = reader.time_of(verb) or reader.sentence_time(verb) or reader.current_time(verb)
    return [make_claim(reader, verb, p, a, b, v, 0.15, v.denied, when=when, clause=True)]
