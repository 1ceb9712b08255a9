"""A state's law named by the status it gives an act: 'Espionage is illegal in the UK under the
Official Secrets Acts of 1911 and 1920' tells that the United Kingdom enacted those Acts, in
1911 and 1920.

Encyclopaedia articles on a practice state its legal status country by country, the law
named with its year(s). The claim is other:enact(state, law), dated by the year(s) the law's
name gives; nothing is read without a named state, a law's head word and a year. The words
of status and the head words of a law are data (``data/encyclopaedia.yaml``: legal_status).
Pure over a spaCy token: no second parse.
"""

from __future__ import annotations

import functools

from .. import safe_yaml
from ..model import OPEN_PREFIX, Claim, open_predicate
from ..timespan import TimeSpan
from .attribution import voice
from .claims import Arg, SentenceReader, make_claim


@functools.cache
def _words() -> dict:
    return safe_yaml.package_data("data/encyclopaedia.yaml")["legal_status"]


def _law(tok) -> tuple[str, list[int]] | None:
    """(name, years) of 'the Official Secrets Acts of 1911 and 1920': capitalised words ending
    in a law's head word, and the years after 'of'."""
    head = tok.lemma_.lower()
    if head not in _words()["law_heads"] and head[:-1] not in _words()["law_heads"] or not tok.text[:1].isupper():
        return None
    mods = [t for t in tok.subtree if t.i < tok.i and t.dep_ != "det"]
    if not mods or mods[0].i + len(mods) != tok.i or not all(t.text[:1].isupper() for t in mods):
        return None
    years = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
             if p.dep_ == "pobj" for g in [p, *(x for x in p.children if x.dep_ == "conj")]]
    years = [int(y.text) for y in years if y.like_num and len(y.text) == 4 and y.text.isdigit()]
    if not years:
        return None
    return tok.doc[mods[0].i:tok.i + 1].text, years


def legal_status_claims(reader: SentenceReader, verb) -> list[Claim]:
    if verb.lemma_ != "be":
        return []
    status = [c for c in verb.children if c.dep_ == "acomp" and c.lemma_.lower() in _words()["status"]]
    if not status:
        return []
    holders = [verb, *status]
    state = law = None
    for c in (c for h in holders for c in h.children if c.dep_ == "prep"):
        for p in (p for p in c.children if p.dep_ == "pobj"):
            if c.lower_ == "in" and state is None:
                a = reader.named(p)
                state = a if a is not None and a.kind == "place" else None
            elif c.lower_ == "under" and law is None:
                found = _law(p)
                law = (found, p) if found else None
    if state is None or law is None:
        return []
    (name, years), tok = law
    v = voice(verb, reader.speaker)
    if v.dropped or v.denied:
        return []
    when = TimeSpan(TimeSpan.year(min(years)).lo, TimeSpan.year(max(years)).hi, "year",
                    " and ".join(str(y) for y in sorted(set(years))))
    return [make_claim(reader, verb, open_predicate(OPEN_PREFIX + "enact"), state, Arg(name, "thing", 0.2, tok),
                       v, 0.25, False, when=when, clause=True)]
