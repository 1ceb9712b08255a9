"""Attempted acts: 'the attempted assassination of Lenin by an SR, Fanni Kaplan', 'Kaplan's
failed attempt ...' tell what someone tried to do, an event in its own right.

An act noun is no fact when it is only attempted (`nominals`: the victim of 'the attempted
assassination of X' did not die). The attempt happened, though: an act noun qualified by
a word of attempt (``data/encyclopaedia.yaml``: attempted_acts) with a named actor ('by
X', or a possessor) is the open claim other:attempt_<verb>(actor, target), the target
being the 'of' object. Where the 'by' object is described in apposition to a person ('by
an SR, Fanni Kaplan'), the person is the actor.
"""

from __future__ import annotations

from ..model import OPEN_PREFIX, Claim, open_predicate
from .attribution import voice
from .claims import Arg, SentenceReader, make_claim
from .office_lists import encyclopaedia_words

PENALTY = 0.2


def attempt_table() -> dict:
    return encyclopaedia_words()["attempted_acts"]


def _actor(reader: SentenceReader, noun) -> Arg | None:
    for c in noun.children:
        if (c.dep_ == "prep" and c.lower_ == "by") or c.dep_ == "agent":
            for p in (g for g in c.children if g.dep_ == "pobj"):
                person = [reader.named(a) for a in p.children if a.dep_ == "appos"]
                person = [a for a in person if a is not None and a.kind == "person"]
                if person:
                    return person[0]              # 'by an SR, Fanni Kaplan'
                return reader.named(p)
        if c.dep_ == "poss" and c.pos_ == "PROPN":
            return reader.named(c)
    return None


def _target(reader: SentenceReader, noun) -> Arg | None:
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in (g for g in c.children if g.dep_ == "pobj"):
                return reader.named(p)
    return None


def attempt_claims(reader: SentenceReader, noun) -> list[Claim]:
    """other:attempt_<verb>(actor, target) for an attempted act noun, or nothing."""
    table = attempt_table()
    verb = table["nouns"].get(noun.lemma_.lower())
    if verb is None or not any(c.dep_ in ("amod", "compound") and c.lower_ in table["words"]
                               for c in noun.children):
        return []
    actor = _actor(reader, noun)
    if actor is None or actor.kind not in ("person", "organisation", "group", "place"):
        return []
    target = _target(reader, noun)
    if target is not None and target.name == actor.name:
        return []
    clause = noun
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    v = voice(clause, reader.speaker)
    if v.speakers and v.dropped:
        return []
    v.modality = v.modality if any(v.speakers) else "asserted"
    when = reader.time_of(noun)
    p = open_predicate(f"{OPEN_PREFIX}attempt_{verb}")
    return [make_claim(reader, noun, p, actor, target, v, PENALTY, False, when=when)]
