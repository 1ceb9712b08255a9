"""A resolved pronoun must agree in sex with its person (`person_sex`).

The sentence reader resolves 'he', 'she', 'his', 'her' by the grammar (the subject before,
the last sentence's subject, the text's topic). When that person is of the other sex as
the document shows it ('The situation is explained to Silvia. She realizes ...' is not the
chronology's topic, Harlan), the pronoun is the one person of its own sex the passage
names: earlier in this sentence, else in the sentence before, in any role. Two such, or
none: unresolved, and the reader makes no claim of it.
"""

from __future__ import annotations

from .attribution import UNRESOLVED
from .person_sex import agrees, pronoun_sex


def agreeing(reader, tok, name: str | None) -> str | None:
    """`name` when it may be what the pronoun `tok` refers to; else the one person of the
    pronoun's sex named just before, or UNRESOLVED."""
    word = tok.lower_
    if name is None or name == UNRESOLVED or pronoun_sex(word) is None:
        return name
    sexes = reader.ctx.sexes
    if agrees(sexes, name, word):
        return name
    own = set(reader._objects_named(tok.head)) if tok.dep_ in ("nsubj", "nsubjpass") else set()
    if reader.ctx.first_person:
        own.add(reader.ctx.first_person)
    for pool in (_named_before(reader, tok), reader.ctx.named_last):
        fits = [n for n in dict.fromkeys(pool) if n != name and n not in own and agrees(sexes, n, word)]
        if fits:
            return fits[0] if len(fits) == 1 else UNRESOLVED
    return UNRESOLVED


def _named_before(reader, tok) -> list[str]:
    """Persons the sentence names before the token."""
    found, names, out = reader.ctx.found, reader.ctx.names, []
    for t in reader.doc[:tok.i]:
        m = found.mention_at(reader.offset + t.idx)
        if m is not None and m.kind == "person" and m.entity_id in names:
            out.append(names[m.entity_id])
    return out
