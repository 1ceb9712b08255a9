"""A person sent somewhere on duty: 'was sent to London in 1953', 'the CIA posted him to
Vienna', 'was stationed in Paris from 1956 to 1958', 'worked in Japan from 1955 to 1960'.

Memos, interview summaries and biographies tell a career as a string of postings. The verbs
say nothing of a post by themselves (most are no trigger, and `transferred` wants a body:
'transferred to the Treasury'), so with a place after them the place was lost: 'was sent
to London' gave an open 'be_sent' with no object. Here the posting is where the person went
and stayed: sent, posted or transferred *to* a place is arriving there (arrived_in); being
stationed *in* or *at* a place, or working or serving *in* one, is living there (lived_in).
The verbs are data (``data/events.yaml``: ``posting_verbs``, ``stationing_verbs``,
``working_verbs``). The one sent is the passive's subject ('he was sent') or the active
verb's direct object ('the CIA sent him'); the one working is the verb's subject. He must be
a named person and the place an entity of kind place. Pure over the parse.
"""

from __future__ import annotations

from ..model import Claim, schema
from .claims import SentenceReader, _passive, arg_pairs, clause_claims
from .event_words import event_words

_MOVES = (("posting_verbs", ("to",), "arrived_in"), ("stationing_verbs", ("in", "at"), "lived_in"),
          ("working_verbs", ("in",), "lived_in"))


def _sent(reader: SentenceReader, verb, table: str) -> tuple[list, float]:
    """The tokens of the ones sent (or working), and the reading's penalty."""
    if _passive(verb) or table == "working_verbs":
        g = reader.grammatical_subject(verb)
        return ([g[0]], g[1]) if g is not None else ([], 0.0)
    return [c for c in verb.children if c.dep_ == "dobj"], 0.05


def posting_claims(reader: SentenceReader, verb) -> list[Claim]:
    lemma = verb.lemma_.lower()
    for table, preps, label in _MOVES:
        if lemma not in event_words()[table]:
            continue
        places = [p for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ in preps
                  for p in c.children if p.dep_ == "pobj"]
        p = schema().predicates.get(label)
        if not places or p is None:
            continue
        sent, penalty = _sent(reader, verb, table)
        pairs = [(a, b) for a, b in arg_pairs(reader, p, sent, places) if a.kind == "person" and b.kind == "place"]
        if pairs:
            return clause_claims(reader, verb, p, pairs, 0.1 + penalty)
    return []
