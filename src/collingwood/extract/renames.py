"""A body that became another: 'sometime in 1925 or 1926 the RU became the Fourth
(Intelligence) Directorate of the Red Army Staff', 'it was elevated in status to become the
Second Directorate', 'In 1918 its name was changed, becoming ALL-RUSSIAN EXTRAORDINARY
COMMISSION ...'.

Encyclopaedia articles on an organisation trace its successive names. A renaming verb
(``data/encyclopaedia.yaml``: renaming_verbs) whose subject is a body (named, or 'it' /
'its name' in an article about a body: the article's topic) and whose predicative is a
name in capitals headed by a body's word ('Directorate', 'Commission') gives
renamed_to(body, new name). The new name is taken as written, its parenthetical glosses
kept, even where the entity finder did not mark it. A purpose infinitive ('elevated to
become') takes its governing clause's subject.
"""

from __future__ import annotations

import functools

from ..model import Claim, schema
from .attribution import voice
from .claims import Arg, SentenceReader, make_claim
from .entities import gazetteer
from .office_lists import encyclopaedia_words

PENALTY = 0.1
_CONNECTORS = {"of", "the", "for", "and", "in", "on", "at", "to", "de", "(", ")", "-", "–", ",", "'s", "’s"}


@functools.cache
def _heads() -> frozenset[str]:
    g = gazetteer()
    return frozenset(w.lower() for w in (*g["organisation_heads"], *g["body_heads"]))


def _new_name(attr) -> str | None:
    """The name the predicative spells ('the Fourth (Intelligence) Directorate of the Red Army
    Staff'), or None when it is no body's name."""
    toks = [t for t in attr.subtree if not (t.i == attr.left_edge.i and t.dep_ == "det")]
    keep = []
    for t in toks:
        if t.is_alpha and not t.text[:1].isupper() and t.lower_ not in _CONNECTORS:
            break
        if t.text == "," and not (t.i + 1 < len(t.doc) and t.doc[t.i + 1].is_upper):
            break
        keep.append(t)
    while keep and keep[-1].lower_ in _CONNECTORS - {")"}:
        keep.pop()
    if not keep or not keep[0].text[:1].isupper() or attr.lower_ not in _heads():
        return None                   # 'the President of the Republic': a post, no body
    doc = attr.doc
    return doc[keep[0].i:keep[-1].i + 1].text.replace("( ", "(").replace(" )", ")")


def _body(reader: SentenceReader, tok) -> Arg | None:
    """The body that is renamed: a named organisation, or 'it' / 'its name' for the topic."""
    if tok.lower_ == "name" and any(c.dep_ == "poss" and c.lower_ == "its" for c in tok.children):
        tok = next(c for c in tok.children if c.dep_ == "poss")
    if tok.lower_ in ("it", "its"):
        body = reader.ctx.topic_body
        return Arg(body, "organisation", 0.2, tok) if body else None
    a = reader.named(tok)
    return a if a is not None and a.kind == "organisation" else None


def _subject_token(reader: SentenceReader, verb):
    gov = verb
    if verb.dep_ in ("advcl", "xcomp") and (verb.tag_ == "VBG" or any(c.dep_ == "aux" and c.lower_ == "to"
                                                                      for c in verb.children)):
        gov = verb.head                   # 'was elevated to become', 'was changed, becoming'
    g = reader.grammatical_subject(gov)
    return g[0] if g else None


def rename_claims(reader: SentenceReader, verb) -> list[Claim]:
    if verb.lemma_.lower() not in encyclopaedia_words()["renaming_verbs"]:
        return []
    attr = next((c for c in verb.children if c.dep_ in ("attr", "oprd") and c.pos_ == "PROPN"), None)
    tok = _subject_token(reader, verb) if attr is not None else None
    body = _body(reader, tok) if tok is not None else None
    if body is None:
        return []
    named = reader.named(attr)
    name = named.name if named is not None and named.kind == "organisation" else _new_name(attr)
    if not name or name == body.name:
        return []
    v = voice(verb, reader.speaker)
    if v.dropped:
        return []
    when = reader.time_of(verb) or reader.time_of(verb.head) or reader.sentence_time(verb) or \
        reader.current_time(verb)
    return [make_claim(reader, verb, schema().predicates["renamed_to"], body, Arg(name, "organisation", 0.1, attr),
                       v, PENALTY, v.denied, when=when, clause=True)]
