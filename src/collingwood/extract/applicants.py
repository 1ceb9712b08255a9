"""'X was an applicant for CIA employment in early 1953': an application to a body.

Personnel and security memos write an application as a predicative agent noun: 'was an
applicant for CIA employment', 'an applicant for employment with the State Department'. The
body applied to is the name inside the 'for' phrase (a modifier of 'employment', or after
'with', 'at', 'in', 'by' on it); the claim is the open other:apply_to(X, body). The nouns are
data (``data/memos.yaml``: applicant_nouns).
"""

from __future__ import annotations

import functools

from .. import safe_yaml
from ..model import OPEN_PREFIX, Claim, open_predicate
from .attribution import voice
from .claims import SentenceReader, make_claim

_COPULAS = {"be", "become", "remain"}
_ON_BODY = ("with", "at", "in", "by", "of")


@functools.cache
def applicant_nouns() -> frozenset[str]:
    return frozenset(safe_yaml.package_data("data/memos.yaml").get("applicant_nouns") or ())


def _body(reader: SentenceReader, noun):
    """The body named in the noun's 'for' phrase."""
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "for"):
        for p in (p for p in prep.children if p.dep_ == "pobj"):
            heads = [c for c in p.children if c.dep_ == "compound" and c.i < p.i]
            heads += [g for c in p.children if c.dep_ == "prep" and c.lower_ in _ON_BODY
                      for g in c.children if g.dep_ == "pobj"]
            for h in heads:
                a = reader.named(h)
                if a is not None and a.kind == "organisation":
                    return a
    return None


def applicant_claims(reader: SentenceReader, noun) -> list[Claim]:
    if noun.dep_ != "attr" or noun.head.lemma_.lower() not in _COPULAS:
        return []
    clause = noun.head
    g = reader.grammatical_subject(clause)
    subject = reader.arg(g[0]) if g else None
    body = _body(reader, noun)
    if subject is None or subject.kind != "person" or body is None:
        return []
    v = voice(clause, reader.speaker)
    if v.dropped:
        return []
    when = reader.time_of(clause) or reader.sentence_time(clause) or reader.current_time(clause)
    p = open_predicate(OPEN_PREFIX + "apply_to")
    return [make_claim(reader, clause, p, subject, body, v, 0.15 + g[1], v.denied, when=when, clause=True)]
