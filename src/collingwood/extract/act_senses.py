"""The act a verb names with the words beside it: 'assumed control over X' (a seizure of
power), 'appeared before Congress' (an address), 'recognized X as unlawful' (a ruling).

Encyclopaedia prose tells many events with light verbs whose sense lies in their object,
their preposition or their complement. The table is data (``data/act_senses.yaml``); this
module only matches a parsed verb against it and finds the named object an entry points
to. Pure over a spaCy token: no second parse.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .. import safe_yaml


@dataclass(frozen=True)
class Sense:
    act: str                  # the open label's verb part, or a schema predicate's name
    prep: str | None          # the preposition whose object is the claim's object
    alone: bool = False       # the act has no object ('sent a letter of defection')
    swap: bool = False        # the preposition's object is the act's subject ('used against X')
    xcomp: frozenset = frozenset()   # infinitives whose object is ('used to prosecute X'): with swap
    body: bool = False        # the object is the body named last ('did not enter on duty': at the CIA just named)
    subject: frozenset = frozenset()  # entity kinds the act's subject must be (none: any)
    count: bool = False       # a repeated act, told with how often ('saw him three times')


def _words(value) -> frozenset[str]:
    if value is None:
        return frozenset()
    return frozenset([value] if isinstance(value, str) else value)


@functools.cache
def _data() -> dict:
    return safe_yaml.package_data("data/act_senses.yaml")


@functools.cache
def _table() -> tuple[dict, ...]:
    rows = _data()["senses"]
    return tuple({k: (_words(v) if k not in ("act", "prep", "alone", "swap", "bare", "body", "count", "passive") else v)
                  for k, v in r.items()} for r in rows)


@functools.cache
def _frequency() -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(_data()["frequency_words"]), frozenset(_data()["frequency_nouns"])


def counted(verb) -> bool:
    """The verb tells how often: 'saw him twice', 'saw her regularly', 'saw X three times'."""
    adverbs, nouns = _frequency()
    for c in verb.children:
        if c.dep_ == "advmod" and c.lower_ in adverbs:
            return True
        if c.dep_ in ("npadvmod", "dobj", "advmod") and c.lemma_.lower() in nouns and c.i > verb.i \
                and any(g.dep_ in ("nummod", "amod", "det") for g in c.children):
            return True
    return False


def fits_subject(sense: Sense | None, kind: str) -> bool:
    """The act's subject may be of this kind: 'the organization came to Moscow' is a body's
    move of its seat, 'he came to Moscow' a journey (the entry's `subject` kinds)."""
    return sense is None or not sense.subject or kind in sense.subject


@functools.cache
def _sense_forms() -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    """(written forms of the verbs, head words) of each entry whose preposition's object has
    heads: the cheap test of `may_hold_sense` before parsing."""
    out = []
    for row in _table():
        if not row.get("heads"):
            continue
        forms = set()
        for v in row["verb"]:
            b = v.split("_")[0]
            forms |= {b, b + "s", b + "es", b + "ed", b + "d", b + "ing", b[:-1] + "ing", b + b[-1] + "ed"}
        out.append((frozenset(forms), frozenset(row["heads"])))
    return tuple(out)


def may_hold_sense(words: set[str]) -> bool:
    """The sentence's lower-cased words hold a verb of an entry and one of its head words ('did
    not show up at the college'): it may be read for that act though it names no one."""
    return any(forms & words and heads & words for forms, heads in _sense_forms())


_NAMING = {"call", "name", "dub", "title", "style", "term"}


def _complements(verb) -> set[str]:
    """Adjectives completing the verb: 'as unlawful', 'declared it unconstitutional'."""
    out = set()
    for c in verb.children:
        if c.pos_ == "ADJ" and c.dep_ in ("acomp", "oprd", "ccomp", "xcomp", "advcl", "dobj"):
            out.add(c.lemma_.lower())
        if c.dep_ == "prep" and c.lower_ == "as":
            out |= {g.lemma_.lower() for g in c.children if g.pos_ == "ADJ"}
    return out


def sense_of(verb, name: str) -> Sense | None:
    """The entry the verb (lemma with particle: `name`) matches, or None."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    dobjs = {c.lemma_.lower() for c in objects}
    of = {p.lemma_.lower() for c in objects for g in c.children if g.dep_ == "prep" and g.lower_ == "of"
          for p in g.children if p.dep_ == "pobj"}
    preps = {c.lower_: {p.lemma_.lower() for p in c.children if p.dep_ == "pobj"}
             for c in verb.children if c.dep_ in ("prep", "dative")}
    done = None
    for row in _table():
        if name not in row["verb"]:
            continue
        if row.get("object") and not row["object"] & (dobjs | of):    # 'a stack of dossiers'
            continue
        if row.get("prep") and (row["prep"] not in preps or (row.get("heads") and not row["heads"] & preps[row["prep"]])):
            continue
        if row.get("of") and not row["of"] & of:
            continue
        if row.get("complement") and not row["complement"] & (done := done or _complements(verb)):
            continue
        if row.get("xcomp") and not row["xcomp"] & {c.lemma_.lower() for c in verb.children if c.dep_ == "xcomp"}:
            continue
        if row.get("bare") and any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in verb.children):
            continue                     # 'reported to him that ...' tells what was said
        if row.get("count") and not counted(verb):
            continue
        if row.get("passive") and not any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
            continue
        return Sense(row["act"], row.get("prep"), bool(row.get("alone")), bool(row.get("swap")),
                     row.get("xcomp") or frozenset(), bool(row.get("body")), row.get("subject") or frozenset(),
                     bool(row.get("count")))
    return None


def sense_objects(verb, sense: Sense) -> list:
    """The tokens where the claim's object may be named, nearest first: the entry's
    preposition's object, a name inside it ('the government of X'), its modifiers ('a
    Chinese prison'); else a preposition on the direct object ('access to Berlin')."""
    out = []
    for c in verb.children:
        if sense.xcomp and c.dep_ == "xcomp" and c.lemma_.lower() in sense.xcomp:
            out += [m for d in c.children if d.dep_ == "dobj" for m in _members(d)]   # 'used to prosecute X'
        if sense.prep and c.dep_ in ("prep", "dative") and c.lower_ == sense.prep:
            for p in (g for g in c.children if g.dep_ == "pobj"):
                out.append(p)
                out += [g for g in p.children if g.dep_ == "appos"]     # 'the politician X'
                mods = [g for g in p.children if g.dep_ in ("compound", "amod", "nmod") and g.i < p.i]
                out += mods + [h for g in mods for h in g.children   # 'his KGB-officer handler'
                               if h.dep_ in ("compound", "amod", "nmod") and h.i < g.i]
                out += [h for g in p.children if g.dep_ == "prep" and g.lower_ == "of"
                        for h in g.children if h.dep_ == "pobj"]
        if c.dep_ in ("dobj", "prep") and not sense.prep:
            heads = [c] if c.dep_ == "dobj" else [g for g in c.children if g.dep_ == "pobj"]
            for h in heads:                  # 'a program ..., called the Marshall Plan'
                out += [n for a in h.children if a.dep_ == "acl" and a.lemma_.lower() in _NAMING
                        for n in a.children if n.dep_ in ("oprd", "attr")]
                out += [p for g in h.children if g.dep_ == "prep" and g.lower_ in ("to", "of", "over")
                        for p in g.children if p.dep_ == "pobj"]
    return out


def written_name(tok) -> str | None:
    """The name a capitalised noun phrase spells where no entity was found for it ('the
    Espionage Act of 1917'): its compounds, its head and a year after 'of'; None unless
    every word of it is capitalised."""
    if tok.pos_ != "PROPN":
        return None
    words = [c for c in tok.children if c.dep_ == "compound" and c.i < tok.i] + [tok]
    if words[0].i + len(words) - 1 != tok.i or not all(w.text[:1].isupper() for w in words):
        return None
    name = tok.doc[words[0].i:tok.i + 1].text
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of" and c.i == tok.i + 1:
            year = [g for g in c.children if g.dep_ == "pobj" and g.like_num and len(g.text) == 4]
            if year:
                name += f" of {year[0].text}"
    return name


def _members(noun) -> list:
    """A noun and the names that make it up: itself, its conjuncts, and the members of a
    'such as' list on it ('whistleblowers such as A, B, and C')."""
    out = [noun]
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "as" and any(g.lower_ == "such" for g in c.children):
            out += [m for p in c.children if p.dep_ == "pobj" for m in _conjuncts(p)]
    return out + [m for c in noun.children if c.dep_ == "conj" for m in _conjuncts(c)]


def _conjuncts(tok) -> list:
    out, stack = [], [tok]
    while stack:
        t = stack.pop()
        out.append(t)
        stack += [c for c in t.children if c.dep_ == "conj"]
    return sorted(out, key=lambda t: t.i)


_LAW = re.compile(r"\b((?:[A-Z][\w'’-]*\s+){1,5}(Act|Law|Code|Statute|Decree|Ordinance)s?(?:\s+of\s+\d{4})?)")
LAW_REACH = 1500          # characters back in which 'the act' finds the law it names again


def law_named_before(text: str, end: int, head: str) -> str | None:
    """'the act', 'the law': the last law named with that head word in the text before `end`
    ('the Espionage Act of 1917 was used against X ... In 2010, the act was used to ...')."""
    last = None
    for m in _LAW.finditer(text, max(0, end - LAW_REACH), end):
        if m.group(2).lower() == head:
            last = m.group(1)
    return last
