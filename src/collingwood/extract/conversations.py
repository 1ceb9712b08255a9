"""A conversation the speaker dates: 'he believes the conversation about Novak took place the
first week of July, 1962'.

An interviewee asked about a talk he once had (the one his old memo mentions) dates it
without naming its parties: 'the discussion about X took place in ...', 'the conversation
concerning X occurred ...'. A talk the speaker places in time, with no party named ('with
Y', 'between', a possessor), is his own: other:discuss(speaker, X) at that time, hedged as
his words are ('believes'). The words are data (``data/events.yaml`` conversations); the
speaker is the clause's attributed source, never guessed: an unattributed sentence gives
nothing.
"""

from __future__ import annotations

from ..model import OPEN_PREFIX, Claim, open_predicate
from .attribution import UNRESOLVED, voice
from .claims import Arg, SentenceReader, make_claim
from .event_words import event_words

_PARTIES = ("with", "between", "among", "amongst")


def _happened(verb, words) -> bool:
    if verb.lemma_.lower() == "take":
        return any(c.dep_ == "dobj" and c.lemma_.lower() == "place" for c in verb.children)
    return verb.lemma_.lower() in words["happened"]


def conversation_claims(reader: SentenceReader, noun) -> list[Claim]:
    words = event_words()["conversations"]
    if noun.lemma_.lower() not in words["nouns"] or noun.dep_ not in ("nsubj", "nsubjpass"):
        return []
    verb = noun.head
    if verb.pos_ != "VERB" or not _happened(verb, words):
        return []
    if any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in _PARTIES) for c in noun.children):
        return []                   # 'his talk with Y', 'the discussion between A and B': parties named
    topics = [reader.arg(p, "object") for c in noun.children if c.dep_ == "prep" and c.lower_ in words["about"]
              for p in c.children if p.dep_ == "pobj"]
    topics = [t for t in topics if t is not None]
    when = reader.time_of(verb)
    if len(topics) != 1 or when is None:
        return []
    v = voice(verb, reader.speaker)
    who = v.asserted_by
    if v.dropped or who in (None, UNRESOLVED) or who == topics[0].name \
            or reader.ctx.kinds.get(who) != "person":
        return []
    p = open_predicate(OPEN_PREFIX + "discuss")
    return [make_claim(reader, verb, p, Arg(who, "person", 0.2, None), topics[0], v, 0.2, v.denied,
                       when=when, clause=True)]
