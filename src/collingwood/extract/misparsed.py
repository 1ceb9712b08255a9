"""Two misreadings the small parser makes of a verb's object, read back as what they are.

* A named body after a verb of calling is parsed as a predicative (``oprd``), as if the
  verb named it: in 'Irma Vela calls the Soviet Embassy' no object is named *as*
  anything, there is no direct object, and the name is the one called. 'They called him
  Koba' keeps its direct object and stays a naming.
* A name set beside a described object is the object: *meeting the Chief of that section,
  Hal SWENSON, on a trip* met Swenson.
* A name between a verb and a gerund is parsed as the gerund's subject: in 'X calls the
  Military Attache inquiring about a telegram' the attaché is who is called, the gerund
  tells why. Only a name right after the verb, with no direct object of its own.

Chronologies and memos write these short active clauses all the time; prose rarely
misleads the parser so. Used by `claims.verb_claims` and `events` through `direct_objects`.

A fourth is of a verb's subject: a relative clause's second verb ('a civil servant who
worked in the Treasury – and spied for the Soviet Union') is parsed as joined to the main
verb ('The Archives has released ...'). When the main verb's form cannot take it (a perfect
or present, 'has released', against a simple past 'spied') and a relative verb of the
second verb's own form stands between them, the second verb is the relative's
(`coordinated_head`, used by `claims.grammatical_subject`).

A fifth is a participle before a noun, parsed as a verb joined to the main one: in 'The FBI
put X and accused doctor killer Y on its list', 'accused' describes Y and the FBI accused
no one (`attributive_participle`). Only a bare past participle (no auxiliary of its own)
joined to a simple past or present, with a noun modifier and no determiner right after it.

A sixth is a named object's description after a comma, parsed as a second direct object:
in 'published Falsifiers of History, a Stalin edited and re-written book' the book is the
work, described (`direct_objects` keeps the named one).
"""

from __future__ import annotations


def direct_objects(reader, verb) -> list:
    """The verb's direct objects: its ``dobj`` children, else one of the two misreadings."""
    dobjs = [c for c in verb.children if c.dep_ == "dobj"]
    if len(dobjs) == 1 and not _named(reader, dobjs[0]):
        named = _named_apposition(reader, verb, dobjs[0])
        return [named] if named is not None else dobjs
    if len(dobjs) == 2 and _described_after(reader, *dobjs):
        return dobjs[:1]
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


def _described_after(reader, first, second) -> bool:
    """'published Falsifiers of History, a Stalin edited and re-written book': a common noun
    after a comma that closes a named object is that object's description, which the parser
    hung on the verb as a second object."""
    end = first.right_edge.i
    return second.pos_ == "NOUN" and end + 1 < second.i and reader.arg(first, "object") is not None \
        and first.doc[end + 1].text == "," and second.left_edge.i > end


def _named_apposition(reader, verb, dobj):
    """'meeting the Chief of that section, Hal SWENSON, on a trip': the name set beside a
    described object (its apposition, or a name the parser hung on the verb right after it)."""
    for c in dobj.children:
        if c.dep_ == "appos" and c.pos_ == "PROPN" and _named(reader, c):
            return c
    end = max(t.i for t in dobj.subtree)
    doc = verb.doc
    if end + 1 < len(doc) and doc[end + 1].text == ",":
        for c in verb.children:
            if c.dep_ in ("npadvmod", "appos", "dep") and c.pos_ == "PROPN" and end + 1 < c.i <= end + 5 \
                    and _named(reader, c) and reader.ctx.found.mention_at(reader.offset + c.idx).kind == "person":
                return c
    return None


def _named(reader, tok) -> bool:
    m = reader.ctx.found.mention_at(reader.offset + tok.idx)
    return m is not None and m.entity_id in reader.ctx.names


def coordinated_head(verb):
    """The verb a coordinated verb is joined to: its parsed head, or the relative verb between
    them whose form it shares when the head's form differs ('has released ... who worked
    ... – and spied': 'worked')."""
    head = verb.head
    if verb.dep_ != "conj" or verb.tag_ != "VBD" or head.tag_ == "VBD" or head.i >= verb.i:
        return head
    between = [t for t in verb.doc[head.i + 1:verb.i] if t.dep_ == "relcl" and t.tag_ == "VBD"]
    return between[-1] if between else head


def attributive_participle(verb) -> bool:
    """'put X and accused doctor killer Y on the list': the participle is an adjective of Y."""
    head = verb.head
    if verb.dep_ != "conj" or verb.tag_ != "VBN" or head.i >= verb.i or head.tag_ not in ("VBD", "VBZ", "VBP"):
        return False
    if any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children) \
            or any(c.dep_ in ("aux", "auxpass") for c in head.children):
        return False
    nxt = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
    return nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "ADJ") and nxt.dep_ in ("compound", "amod") \
        and nxt.head.i > nxt.i
