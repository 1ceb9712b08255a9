"""Act nouns told of as given, and the definite act noun that takes one up again.

News and cables quoting news write a past act as a noun and come back to it by name:

    'Gorin said his forthcoming book will give details of his two meetings with Harlan.'
    'The Harlan meetings took place Oct. 4-5, 1961, said Mr. Gorin.'

* The possessed act noun inside a record noun's 'of' phrase ('details of his meetings',
  'an account of her arrest') is given: the record is still to come ('will give'), the act
  is past. The clause's modal does not touch it.
* 'The Harlan meetings' names no one who met Harlan; it is the act just told ('his two
  meetings with Harlan'), and its subject is that act's subject. The definite noun with a
  person's name as its modifier takes up the last act of the same noun with that person;
  dated where the first telling was not, it stands for it (one act, one claim).
"""

from __future__ import annotations

_RECORD_OF = "of"


def given_in_record(noun) -> bool:
    """The act noun is possessed and stands in an 'of' phrase on a noun ('details of his
    two meetings with X'): referred to as past, whatever the record's clause says of itself."""
    if not any(c.dep_ == "poss" for c in noun.children):
        return False
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ == _RECORD_OF and prep.head.pos_ == "NOUN"


def taken_up(noun, named, acts: dict, predicate: str) -> tuple[str, object] | None:
    """(subject, object token) of 'the Harlan meetings': a definite act noun with no possessor
    whose modifier names the other party of the last act of that noun told ('his two meetings
    with Walter Harlan'): by its mention, else by that party's surname (a capitals cable the
    entity finder read no name in)."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children) \
            or any(c.dep_ == "poss" for c in noun.children):
        return None
    lemma = noun.lemma_.lower()
    for c in noun.children:
        if c.dep_ not in ("compound", "amod", "nmod") or c.i > noun.i or not c.is_alpha:
            continue
        a = named(c)
        for (act, pred, other), (subject, _) in reversed(acts.items()):
            if act != lemma or pred != predicate:
                continue
            if (a is not None and a.name == other) or (a is None and other.split()[-1].lower() == c.lower_):
                return subject, (c, other)
    return None
