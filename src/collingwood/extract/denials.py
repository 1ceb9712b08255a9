"""A denial told as an insistence: 'he insisted he was not spying against America'.

A news story or a cable quoting one writes a denial through a verb of asserting and a
negated activity in the progressive ('insisted he was not spying', 'maintained that she was
not working for the KGB'). The record is the act of denying: `denied`, with the activity as
its object ('spying against America'), asserted by the one who denies. A negated fact ('said
he did not know X') is read as a negative claim elsewhere and gives nothing here. The verbs
are data (data/memos.yaml: denial_verbs).
"""

from __future__ import annotations

import functools

from .. import safe_yaml
from ..model import Claim, schema
from .attribution import voice
from dataclasses import replace

from .claims import Arg, SentenceReader, make_claim


@functools.cache
def denial_verbs() -> frozenset[str]:
    """Verbs of asserting a denial through (data/memos.yaml denial_verbs)."""
    return frozenset(safe_yaml.package_data("data/memos.yaml")["denial_verbs"])


def _activity(verb) -> str:
    """'spying against America' of 'was not spying against America, but ...'."""
    parts = [verb] + [t for c in verb.children if c.i > verb.i and c.dep_ in ("dobj", "prep", "prt", "npadvmod")
                      for t in c.subtree]
    last = max(t.i for t in parts)
    cut = next((t.i for t in verb.doc[verb.i + 1:last + 1] if t.dep_ in ("cc", "punct") and t.text not in "'’‘"),
               last + 1)
    words = [t.text for t in verb.doc[verb.i:cut] if t.is_alpha or t.text[:1].isalnum()]
    return " ".join(words)


def denial_claims(reader: SentenceReader, verb) -> list[Claim]:
    if verb.lemma_.lower() not in denial_verbs():
        return []
    acts = []                    # (the activity, its clause): 'was not spying', or 'was' + 'not spying'
    for c in verb.children:
        if c.dep_ != "ccomp":
            continue
        if c.tag_ == "VBG" and any(g.dep_ == "aux" for g in c.children):
            acts.append((c, c))
        elif c.lemma_ == "be":
            acts += [(x, c) for x in c.children if x.dep_ in ("xcomp", "acomp") and x.tag_ == "VBG"]
    acts = [(x, c) for x, c in acts if any(g.dep_ == "neg" for t in {x, c} for g in t.children)]
    g = reader.grammatical_subject(verb)
    if len(acts) != 1 or g is None:
        return []
    act, clause = acts[0]
    inner = [c for c in clause.children if c.dep_ == "nsubj"]
    a = reader.arg(g[0])
    if a is None or a.kind != "person" or len(inner) != 1:
        return []
    same = inner[0].pos_ == "PRON" or (reader.arg(inner[0]) or a).name == a.name
    what = _activity(act)
    p = schema().predicates.get("denied")
    if not same or p is None or len(what.split()) < 2:
        return []
    v = voice(verb, reader.speaker)
    if v.dropped:
        return []
    v = replace(v, asserted_by=a.name, modality="reported")     # the one who denies says so
    when = reader.time_of(verb) or reader.sentence_time(verb)
    return [make_claim(reader, verb, p, a, Arg(what, "thing", 0.2, act), v, g[1] + 0.1, False, when=when,
                       clause=True)]
