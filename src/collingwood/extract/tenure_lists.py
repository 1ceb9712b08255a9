"""Whose stage of a career a participle in a list tells: 'covering Cairncross's time as
Hankey's private secretary, working at the Government Code & Cypher School as a translator,
and part of his time in MI6'.

A summary of a career lists its stages as noun phrases of tenure ('X's time as ...', 'his
years at ...') and participles ('working at ...', 'serving in ...') side by side. The small
parser hangs such a participle on the verb of the list rather than on the noun before it,
and the participle then seems to share that verb's subject ('They met monthly until 1943,
covering ...'). Its subject is the holder of the tenure before it: the person whose
possessive opens the list. Only participles without a subject of their own, after a tenure
noun (``reporting.yaml``: tenure_nouns) that is the same verb's direct object.
"""

from __future__ import annotations

from .attribution import words


def tenure_holder(verb):
    """The possessor token of the tenure noun the participle stands in a list with, or None."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "conj") or verb.head.i == verb.i \
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    tenure = words()["tenure_nouns"]
    for d in verb.head.children:
        if d.dep_ == "dobj" and d.i < verb.i and d.pos_ == "NOUN" and d.lemma_.lower() in tenure:
            owners = [c for c in d.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
            if len(owners) == 1:
                return owners[0]
    return None
