"""Clauses of reported speech, as the claim readers need them: what a reporting verb governs
('he tells Martin he received ...', 'confessed to having been a spy'), gerunds that take the
reporter's subject, and the nouns that tell a person's sex ('her husband ... she'). The words
are data (``data/reporting.yaml``). Read by `claims`.
"""

from __future__ import annotations

from .attribution import words


def other_sex(subject, pronoun: str) -> bool:
    """The subject noun tells a sex the pronoun does not have ('her husband' and 'she'):
    ``reporting.yaml``, gendered_nouns."""
    table = words()["gendered_nouns"]
    other = {"he": "she", "him": "she", "she": "he", "her": "he"}.get(pronoun)
    return other is not None and subject.lemma_.lower() in table[other]


def said_through(verb, child) -> bool:
    """'confessed to having been a spy from 1936 to 1951': what a reporting verb governs
    through a preposition is what is said; its dates are not the saying's."""
    return child.dep_ == "prep" and verb.lemma_ in words()["reporting_verbs"] and \
        any(g.dep_ == "pcomp" for g in child.children)


def gerund(verb) -> bool:
    """'admitted meeting him', and the perfect gerund 'confessed to having been a spy'."""
    return verb.tag_ == "VBG" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBG" and c.i < verb.i
                                     for c in verb.children)


def reported(verb) -> bool:
    """The clause is what a reporting verb governs ('he tells Martin he received £100')."""
    rep = words()["reporting_verbs"]
    tok = verb
    while tok.head.i != tok.i and tok.dep_ in ("conj", "ccomp", "xcomp", "parataxis"):
        if tok.dep_ == "ccomp" and tok.head.lemma_ in rep:
            return True
        tok = tok.head
    return False
