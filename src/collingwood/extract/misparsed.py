"""Two misreadings the small parser makes of a verb's object, read back as what they are.

* A named body after a verb of calling is parsed as a predicative (``oprd``), as if the
  verb named it: in 'Silvia Duran calls the Soviet Embassy' no object is named *as*
  anything, there is no direct object, and the name is the one called. 'They called him
  Koba' keeps its direct object and stays a naming.
* A name between a verb and a gerund is parsed as the gerund's subject: in 'X calls the
  Military Attache inquiring about a telegram' the attaché is who is called, the gerund
  tells why. Only a name right after the verb, with no direct object of its own.

Chronologies and memos write these short active clauses all the time; prose rarely
misleads the parser so. Used by `claims.verb_claims` and `events` through `direct_objects`.
"""

from __future__ import annotations


def direct_objects(reader, verb) -> list:
    """The verb's direct objects: its ``dobj`` children, else one of the two misreadings."""
    dobjs = [c for c in verb.children if c.dep_ == "dobj"]
    if dobjs or verb.pos_ != "VERB":
        return dobjs
    for c in verb.children:
        if c.dep_ == "oprd" and c.i > verb.i and c.pos_ == "PROPN" and _named(reader, c):
            return [c]
        if c.dep_ in ("ccomp", "xcomp", "advcl") and c.tag_ == "VBG" and c.i > verb.i:
            subj = [s for s in c.children if s.dep_ == "nsubj" and s.i < c.i]
            if len(subj) == 1 and subj[0].pos_ == "PROPN" and _named(reader, subj[0]) \
                    and all(t.pos_ in ("PROPN", "DET", "ADJ", "PUNCT") for t in verb.doc[verb.i + 1:subj[0].i]):
                return subj
    return []


def _named(reader, tok) -> bool:
    m = reader.ctx.found.mention_at(reader.offset + tok.idx)
    return m is not None and m.entity_id in reader.ctx.names
