"""Succeeding a post-holder the text has just described: 'Harry Vance succeeded that person
in 1957', after 'the name of the Chief of the Fleet Command in 1955'.

An interview summary reports what the interviewee remembers of a post ('could not recall the
name of the Director of the Far East Section') and then who came next ('X succeeded that
man in 1957'). The predecessor is no name but an anaphor (a demonstrative noun phrase or a
pronoun), and what X took is the post: the body named last, in the same paragraph before
the clause, after a head noun of the schema's `headed` triggers and 'of' ('the Chief of the
Fleet Command'). That is appointed(X, body) at the clause's time. A named predecessor
('succeeded Smith') says nothing of the post here and is left to the open reading.
"""

from __future__ import annotations

import functools
import re

from ..model import Claim, schema
from .attribution import voice
from .claims import Arg, SentenceReader, make_claim

_ANAPHORS = {"him", "her"}
_DEMONSTRATIVES = {"that", "this", "the"}
_REACH = 600                 # characters back to the description of the post


@functools.cache
def _post_of() -> re.Pattern:
    heads = schema().predicates["headed"].triggers
    words = "|".join(sorted(map(re.escape, heads), key=len, reverse=True))
    return re.compile(rf"\b(?i:{words})\s+of\s+(?:the\s+)?")


def _anaphor(tok) -> bool:
    if tok.lower_ in _ANAPHORS:
        return True
    return tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in _DEMONSTRATIVES for c in tok.children) \
        and not any(c.dep_ in ("prep", "compound", "amod", "poss") for c in tok.children)


def _body_before(reader: SentenceReader) -> str | None:
    """The body after the last '<head noun> of (the)' in the paragraph before the sentence."""
    ctx, end = reader.ctx, reader.offset
    lo = max(0, end - _REACH)
    brk = ctx.text.rfind("\n\n", lo, end)
    lo = brk + 2 if brk >= 0 else lo
    last = None
    for m in _post_of().finditer(ctx.text, lo, end):
        hit = ctx.found.mention_at(m.end())
        if hit is not None and hit.kind == "organisation" and hit.entity_id in ctx.names:
            last = ctx.names[hit.entity_id]
    return last


def succession_claims(reader: SentenceReader, verb) -> list[Claim]:
    if verb.lemma_.lower() != "succeed":
        return []
    dobjs = [c for c in verb.children if c.dep_ == "dobj"]
    p = schema().predicates.get("appointed")
    if len(dobjs) != 1 or not _anaphor(dobjs[0]) or p is None:
        return []
    g = reader.grammatical_subject(verb)
    body = _body_before(reader) if g is not None else None
    if body is None:
        return []
    subject = reader.arg(g[0])
    if subject is None or subject.kind != "person":
        return []
    v = voice(verb, reader.speaker)
    if v.dropped or subject.name == body:
        return []
    pairs = [(subject, Arg(body, reader.ctx.kinds.get(body, "organisation"), 0.1, None))]
    when = reader.time_of(verb) or reader.sentence_time(verb)
    return [make_claim(reader, verb, p, a, o, v, 0.15 + g[1], v.denied, when=when, clause=True) for a, o in pairs]
