"""Who a subject pronoun can and cannot be, read from the sentence it stands in.

Two shapes of report and memo prose:

* A comparison set off beside the pronoun names someone else: in 'he, like Halloran, lived
  in Hungary' or 'she, unlike her brother, stayed' the pronoun is not the person compared with.
* A clause about a person's case, file or record, then the pronoun: in 'Brandt's case is very
  similar to that of Halloran; and he, like Halloran, lived ...' the pronoun is Brandt, the
  possessor of the earlier clause's subject, though no person is that clause's subject. A
  memo's surname in capitals ('DAVIS' case') is often taken by the entity finder for an
  organisation; as the owner of a case that 'he' continues, it is read as the person.
"""

from __future__ import annotations

_COMPARING = {"like", "unlike"}
_SUBJ = ("nsubj", "nsubjpass")


def compared_with(pronoun, named) -> set[str]:
    """Persons named in a 'like X' / 'unlike X' phrase on the pronoun or on its verb."""
    out = set()
    for head in (pronoun, pronoun.head):
        for c in head.children:
            if c.lower_ in _COMPARING and c.dep_ == "prep":
                for p in c.children:
                    if p.dep_ == "pobj" and (a := named(p)) is not None and a.kind == "person":
                        out.add(a.name)
    return out


def subject_possessors(pronoun, named) -> set[str]:
    """Persons who own an earlier subject of the sentence ('Brandt's case is ...; he ...')."""
    out = set()
    for t in pronoun.doc[:pronoun.i]:
        if t.dep_ == "poss" and t.head.dep_ in _SUBJ and t.head.i < pronoun.i \
                and (a := named(t)) is not None and (a.kind == "person" or _capitals_surname(t, a)):
            out.add(a.name)
    return out


def _capitals_surname(tok, arg) -> bool:
    return arg.kind == "organisation" and " " not in arg.name and tok.text.isupper() and len(tok.text) > 2


def subject_referent(pronoun, resolve) -> str | None:
    """The person the clause's own subject pronoun stands for: in 'he reported directly to
    him' the object pronoun is not he (it would be 'himself'), nor in 'I met him' the writer."""
    verb = pronoun.head.head if pronoun.dep_ == "pobj" and pronoun.head.dep_ in ("prep", "agent") else pronoun.head
    for c in verb.children:
        if c.dep_ in _SUBJ and c.lower_ in ("he", "she", "i") and c.i != pronoun.i:
            return resolve(c)
    return None


def named_before(pronoun, named, heads_only: bool = False) -> set[str]:
    """Every person the sentence names before the pronoun, in any role ('relations with Win
    Scott and that he reported directly to him'); heads_only: only names that stand as nouns,
    not a word modifying one ('according to Roman tradition' names no one)."""
    return {a.name for t in pronoun.doc[:pronoun.i] if (not heads_only or t.dep_ not in _MODIFIERS)
            and (a := named(t)) is not None and a.kind == "person"}


_MODIFIERS = ("amod", "compound", "nmod", "npadvmod")
