"""The parties to an occasion of speech named only by the telling it frames: 'In a follow-up
interview on 1 March, he tells Martin he received £100', 'During his interrogation in
London, Brandt told Ann Fell that ...', 'In an interview with Martin, X said ...'.

A news feature or a summary of a file rarely writes 'Martin interviewed him on 1 March';
it sets the scene with the act noun and reports what was said in it. The speaker of the
framed verb is the one interviewed (the noun's possessor or 'of' slot), the one told (or
the person 'with' whom the interview was held) the interviewer (its 'by' slot). Only nouns
of an occasion of speech (``reporting.yaml``: speech_events) heading a phrase in 'in',
'during' or 'at' on a verb of saying, and only where the noun names neither party itself.
"""

from __future__ import annotations

from .attribution import words

_SCENE_PREPS = {"in", "during", "at"}


def _framed_verb(noun):
    """The verb of saying whose scene the noun sets, or None."""
    w = words()
    if noun.lemma_.lower() not in w["speech_events"] or noun.dep_ != "pobj" or noun.head.dep_ != "prep" \
            or noun.head.lower_ not in _SCENE_PREPS:
        return None
    verb = noun.head.head
    return verb if verb.pos_ == "VERB" and verb.lemma_.lower() in w["reporting_verbs"] else None


def scene_roles(noun) -> tuple[list, list]:
    """(the speaker, the one spoken to) of the telling the act noun frames: tokens, each list
    empty when the sentence does not say."""
    verb = _framed_verb(noun)
    if verb is None:
        return [], []
    speaker = [c for c in verb.children if c.dep_ == "nsubj"]
    heard = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "with"
             for g in c.children if g.dep_ == "pobj"]
    if not heard and verb.lemma_.lower() in words()["addressee_verbs"]:
        heard = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.pos_ in ("PROPN", "NOUN")]
        heard += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"
                  for g in c.children if g.dep_ == "pobj"]        # 'confessed to Martin'
    return speaker, heard
