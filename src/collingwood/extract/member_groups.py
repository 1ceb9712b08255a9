"""A body's members as the actor of a clause: 'GRU Sixth Directorate officers visited North
Korea', 'NKVD agents seized the archive', 'US military intelligence experts estimated'.

Encyclopaedia prose tells what a service's people did without naming one of them: a plural
noun of persons in a body's service (``data/encyclopaedia.yaml``: member_nouns) with the
body, or its state, written before it as a modifier. The group is named by those words
as written. Only a bare plural is the body's people: with an article or a count ('two Cheka
agents sent to kill X', 'the GRU officers') the noun tells of particular persons, whom these
words do not name. Pure over a spaCy token: no second parse.
"""

from __future__ import annotations

import functools

from .. import safe_yaml
from .demonyms import state_names
from .office_lists import encyclopaedia_words

_MODIFIERS = ("compound", "amod", "nmod")


@functools.cache
def member_nouns() -> frozenset[str]:
    return frozenset(safe_yaml.package_data("data/encyclopaedia.yaml")["member_nouns"])


def member_group(tok, named) -> tuple[str, object] | None:
    """(name, token) of the group a plural member noun names, or None. named: token -> the
    entity Arg the token's mention links to (or None); one modifier must be a named body or
    place ('Cheka agents', 'Soviet officers' are read only where the body is named)."""
    force = force_group(tok, named)
    if force is not None:
        return force
    if tok.pos_ != "NOUN" or tok.tag_ != "NNS" or tok.lemma_.lower() not in member_nouns():
        return None
    if any(c.dep_ in ("det", "nummod", "quantmod", "poss") for c in tok.children):
        return None                 # 'two Cheka agents', 'the officers', 'its agents': particular persons
    mods, stack = [], [c for c in tok.children if c.dep_ in _MODIFIERS and c.i < tok.i]
    while stack:
        t = stack.pop()
        mods.append(t)
        stack += [c for c in t.children if c.dep_ in _MODIFIERS and c.i < t.i]
    if not mods:
        return None
    lo = min(t.i for t in mods)
    span = tok.doc[lo:tok.i + 1]
    if any(t.pos_ in ("NUM", "DET", "PRON", "PUNCT") and t.text not in ("-",) for t in span) \
            or len(span) > 6:
        return None
    bodies = [a for a in (named(t) for t in mods if t.pos_ == "PROPN") if a is not None]
    if not any(a.kind in ("organisation", "place", "group") for a in bodies):    # a people: its state
        return None
    return span.text, tok


def force_group(tok, named) -> tuple[str, object] | None:
    """'German forces', 'the Japanese army', "Kim Il-sung's army": an armed force named by
    its state's adjective, a named body or place before it, or its named possessor. The
    group is named as written, without its article."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "NOUN" or lemma not in encyclopaedia_words()["force_nouns"] or (lemma == "force" and tok.tag_ != "NNS"):
        return None
    if any(c.dep_ in ("nummod", "quantmod") or (c.dep_ == "det" and c.lower_ != "the") for c in tok.children):
        return None                 # 'two armies', 'an army', 'these troops'
    poss = [c for c in tok.children if c.dep_ == "poss"]
    mods = [c for c in tok.children if c.dep_ in _MODIFIERS and c.i < tok.i]
    owners = [p for p in poss if p.pos_ == "PROPN" and named(p) is not None]
    states = [m for m in mods if m.text in state_names() or (
        m.pos_ == "PROPN" and (a := named(m)) is not None and a.kind in ("organisation", "place", "group"))]
    if len(poss) != len(owners) or not (owners or states):
        return None                 # 'his army', 'their forces': whose is for the pronoun reader
    lo = min(t.left_edge.i for t in (*owners, *states))    # 'many U.S. troops' is named 'U.S. troops'
    span = tok.doc[lo:tok.i + 1]
    if len(span) > 8 or any(t.pos_ in ("NUM", "PRON", "DET") for t in span):
        return None
    return span.text, tok
