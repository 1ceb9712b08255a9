"""Turning a spy: 'X was turned into a double agent by the FBI', 'the FBI turned X into an
informant', and the list entry 'X, a GRU officer turned double agent by the FBI in 1959' (the
parser may make the participle a main verb with X its subject). The one who turned X recruited
X: recruited(Y, X). The verbs and the role nouns are data (data/events.yaml: turned_agents)."""

from __future__ import annotations

from ..model import Claim, schema
from .attribution import voice
from .claims import SentenceReader, make_claim
from .event_words import event_words

PENALTY = 0.2


def _role(verb, roles) -> bool:
    """The verb names what its patient became: 'turned double agent', 'into an informant'."""
    for c in verb.children:
        if c.dep_ in ("dobj", "oprd", "attr") and c.lemma_.lower() in roles:
            return True
        if c.dep_ == "prep" and c.lower_ == "into" and any(
                p.dep_ == "pobj" and p.lemma_.lower() in roles for p in c.children):
            return True
    return False


def _by(verb):
    for c in verb.children:
        if c.dep_ in ("agent", "prep") and c.lower_ == "by":
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    return None


def turned_claims(reader: SentenceReader, verb) -> list[Claim]:
    data = event_words().get("turned_agents") or {}
    if verb.lemma_.lower() not in set(data.get("verbs", ())) or not _role(verb, set(data.get("roles", ()))):
        return []
    g = reader.grammatical_subject(verb)
    if g is None:
        return []
    gtok, inherited, _ = g
    by = _by(verb)
    if by is not None:                               # 'X was turned ... by Y'
        recruiter, turned = reader.arg(by, "object"), reader.arg(gtok, "object")
    else:                                            # 'Y turned X into an informant'
        dobj = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() not in data["roles"]), None)
        if dobj is None:
            return []
        recruiter, turned = reader.arg(gtok, "subject"), reader.arg(dobj, "object")
    p = schema().predicates["recruited"]
    accepts = schema().kind_accepts
    if recruiter is None or turned is None or turned.kind != "person" or recruiter.name == turned.name \
            or not accepts(p.subject, recruiter.kind):
        return []
    v = voice(verb, reader.speaker)
    if v.dropped:
        return []
    when = reader.time_of(verb) or reader.sentence_time(verb) or reader.current_time(verb)
    return [make_claim(reader, verb, p, recruiter, turned, v, inherited + PENALTY, v.denied, when=when,
                       clause=True)]


__all__ = ["turned_claims"]
