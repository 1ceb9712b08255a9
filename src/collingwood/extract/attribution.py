"""Who asserts a clause, how surely, and whether it is affirmed or denied.

Walks up the dependency tree from a claim's verb. A reporting verb above it
("Cairncross says that ...", "..., Martin writes") names a speaker; the innermost
speaker asserts the claim and the next one out reported it ("Martin writes that
Cairncross admitted ..."). "According to X" counts as a speaker at the level it
attaches; "according to notes made by Martin" names only a reporter. Words come
from ``data/reporting.yaml``. Anything that makes the clause not a statement of
fact (a negated reporting verb, "if", "would", "tried to") drops the claim:
precision first.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field

from .. import safe_yaml

RANK = {"asserted": 0, "reported": 1, "admitted": 2, "alleged": 3, "hedged": 4}
UNRESOLVED = "\0unresolved"      # a pronoun speaker we could not resolve


@functools.cache
def words() -> dict:
    data = safe_yaml.package_data("data/reporting.yaml")
    for key, value in data.items():
        if isinstance(value, list):
            data[key] = frozenset(value)
    return data


_QUOTES = '"\u201c\u201d'


def inside_quotation(text: str, at: int) -> bool:
    """Whether offset `at` of a sentence (or line) stands inside a quotation: the last
    quotation mark before it opens one, or, with none before it, the first after it closes
    one (the opening mark may end the sentence before: '"I went," he said'). A curly mark says
    which it is; a straight one opens where a space, a bracket or nothing precedes it."""
    marks = [(i, ch == "\u201c" if ch != '"' else i == 0 or text[i - 1].isspace() or text[i - 1] in "([")
             for i, ch in enumerate(text) if ch in _QUOTES]
    before = [o for i, o in marks if i < at]
    after = [o for i, o in marks if i >= at]
    return before[-1] if before else bool(after) and not after[0]


def result_infinitive(tok) -> bool:
    """'joined Britain and France in 1949 to form NATO': an infinitive of founding after a
    verb of joining forces tells the result, not an aim (``reporting.yaml``: joining_verbs)."""
    w = words()
    return tok.dep_ == "advcl" and tok.head.lemma_.lower() in w["joining_verbs"] \
        and tok.lemma_.lower() in w["result_infinitives"] and any(c.dep_ == "aux" and c.tag_ == "TO"
                                                                  for c in tok.children)


@dataclass
class Voice:
    asserted_by: str | None = None
    reported_by: str | None = None
    modality: str = "asserted"
    denied: bool = False
    dropped: str = ""                     # why the clause is not a claim ("" = keep)
    speakers: list[str | None] = field(default_factory=list)

    def hedge(self, modality: str) -> None:
        if RANK[modality] > RANK[self.modality]:
            self.modality = modality


def negated(verb) -> bool:
    neg = words()["negators"]
    return any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in neg) for c in verb.children)


def _local(verb, voice: Voice) -> None:
    """Modal auxiliaries, hedging adverbs and subordinators on one verb."""
    w = words()
    later = any(c.lower_ in w["later_adverbs"] or (c.dep_ == "npadvmod" and any(
        t.lower_ in w["later_adverbs"] for t in c.subtree)) for c in verb.children)   # 'Ten years later, X would'
    for c in verb.children:
        if c.dep_ == "aux" and c.lower_ in w["hedge_modals"]:
            voice.hedge("hedged")
        elif c.dep_ == "aux" and c.lower_ in w["irrealis_modals"] and (not later or _counterfactual(verb)):
            voice.dropped = voice.dropped or f"modal '{c.text}'"
        elif c.dep_ == "advmod" and c.lower_ in w["hedge_adverbs"]:
            voice.hedge(w["hedge_adverbs"][c.lower_])
        elif c.dep_ == "mark" and c.lower_ in w["irrealis_marks"]:
            voice.dropped = voice.dropped or f"condition '{c.text}'"
    if (verb.doc[-1].text == "?" or verb.doc[-2:-1].text == "?") and tag_question(verb.doc) is None:
        voice.dropped = voice.dropped or "question"


def _counterfactual(verb) -> bool:
    """'would have been arrested', 'would be arrested if he stayed': no future in the past
    ('ten years later he would be poisoned'), whatever 'later' says."""
    marks = words()["irrealis_marks"]
    return any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children) or any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children) for c in verb.children)


def tag_question(doc) -> int | None:
    """The auxiliary of a tag question closing a statement ('Fain interviewed him in June, was it
    not?', '..., didn't he?'): the sentence asserts; its tag neither asks nor negates it."""
    toks = [t for t in doc if not t.is_space]
    while toks and toks[-1].text in ("?", '"', "”", ")"):
        toks = toks[:-1]
    tail = toks[-4:]
    for n in (3, 4):                # ', was it', ', was it not', ', wasn't it', ', did he not'
        if len(tail) < n or len(toks) < n + 3:
            continue
        part = toks[-n:]
        if part[0].text != ",":
            continue
        words_ = [t for t in part[1:] if t.lower_ not in ("not", "n't")]
        if len(words_) == 2 and words_[0].pos_ == "AUX" and words_[1].pos_ == "PRON" and len(part) - 1 - len(words_) <= 1:
            return words_[0].i
    return None


def _speaker(verb, name_of: Callable) -> str | None:
    for c in verb.children:
        if c.dep_ == "nsubj":
            return name_of(c)
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    return name_of(p)
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep" \
            and verb.head.head.pos_ in ("VERB", "AUX") and verb.head.head.i != verb.i:
        return _speaker(verb.head.head, name_of)     # 'X illustrated this by saying that ...': X says it
    return None


def _addressee(verb, name_of: Callable) -> str | None:
    if verb.lemma_ not in words()["addressee_verbs"]:
        return None
    for c in verb.children:
        if c.dep_ in ("dobj", "dative"):
            return name_of(c)
        if c.dep_ == "prep" and c.lower_ == "to":
            for p in c.children:
                if p.dep_ == "pobj":
                    return name_of(p)
    return None


def _according(verb, name_of: Callable) -> tuple[str | None, str | None] | None:
    """'according to X' -> (X, None); 'according to notes made by X' -> (None, X)."""
    for c in verb.children:
        if c.lower_ != "according":
            continue
        for to in c.children:
            for obj in map(_before_comma, (p for p in to.children if p.dep_ == "pobj")):
                who = name_of(obj)
                if who and who != UNRESOLVED:
                    return who, None
                for acl in obj.children:
                    for agent in (a for a in acl.children if a.dep_ == "agent"):
                        for p in (p for p in agent.children if p.dep_ == "pobj"):
                            if name_of(p) not in (None, UNRESOLVED):
                                return None, name_of(p)
                    for poss in (p for p in obj.children if p.dep_ == "poss"):
                        if name_of(poss) not in (None, UNRESOLVED):
                            return None, name_of(poss)
                who = _writers(obj, name_of)
                if who:
                    return who, None
        return None, None
    return None


def _writers(obj, name_of: Callable) -> str | None:
    """'according to a newspaper column of "Allen and Scott"', 'according to the testimony
    of X': the writers of the record (no person noun: 'a friend of X' is not X) are the
    source; a pair named together is one source, 'Allen and Scott'."""
    if obj.pos_ != "NOUN" or obj.lemma_.lower() in words()["person_nouns"]:
        return None
    for prep in (c for c in obj.children if c.dep_ == "prep" and c.lower_ in ("of", "by")):
        for p in (p for p in prep.children if p.dep_ == "pobj"):
            names = [name_of(t) for t in (p, *(c for c in p.children if c.dep_ == "conj"))]
            if names and all(n not in (None, UNRESOLVED) for n in names):
                return " and ".join(dict.fromkeys(names))
    return None


def _before_comma(obj):
    """'According to Blunt, Burgess ...' parsed as one phrase: the speaker is the name
    before the comma, not the subject after it."""
    for g in obj.children:
        if g.i < obj.i and g.dep_ in ("nmod", "compound", "appos") and any(
                t.text == "," for t in obj.doc[g.i:obj.i]):
            return g
    return obj


def _parentheticals(verb):
    """Reporting verbs hanging off the clause: 'Cairncross, he claimed, was ...'."""
    rep = words()["reporting_verbs"]
    return [c for c in verb.children if c.dep_ in ("parataxis", "advcl") and c.lemma_ in rep
            and any(g.dep_ == "nsubj" for g in c.children)
            and not any(g.dep_ in ("ccomp", "dobj", "xcomp", "mark") for g in c.children)]
    # ('..., although Cairncross has always denied being part of it': a clause of its own)


def voice(verb, name_of: Callable[[object], str | None]) -> Voice:
    """Attribution, modality and polarity of the clause headed by `verb`."""
    w = words()
    rep = w["reporting_verbs"]
    v = Voice(denied=negated(verb))
    reporters: list[str | None] = []
    tok = verb
    _local(tok, v)
    if verb.lemma_ in rep and any(c.dep_ == "auxpass" for c in verb.children):
        who = _speaker(verb, name_of)       # "X's membership was confirmed in 1990 by Y": Y says so
        if who and who != UNRESOLVED:
            v.speakers.append(who)
            v.hedge(rep[verb.lemma_])
    background = False              # inside 'after X defected': out of reach of 'according to'
    while True:
        for p in _parentheticals(tok):
            _report(p, name_of, v, reporters)
        acc = None if background else _according(tok, name_of)
        if acc:
            if acc[0]:
                v.speakers.append(acc[0])
            v.hedge("reported")
            if acc[1]:
                reporters.append(acc[1])
        if tok.dep_ == "ROOT" or tok.head.i == tok.i:
            break
        dep, head = tok.dep_, tok.head
        if dep in ("ccomp", "parataxis") and tok.i < head.i and any(
                t.text == ";" for t in tok.doc[tok.i:head.i]):
            break                   # 'he moved to Section V; Cairncross denied that ...': two sentences
        background = background or (dep == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in w["temporal_marks"] for c in tok.children))
        if dep in ("ccomp", "parataxis") and head.lemma_ in rep and _frames_speech(head):
            _report(head, name_of, v, reporters)
        elif tok is verb and dep == "dobj" and tok.pos_ == "NOUN" and rep.get(head.lemma_) in ("reported", "admitted"):
            _report(head, name_of, v, reporters)    # an act noun told: 'he describes his recruitment by X'
        elif tok is not verb and (dep == "dobj" or (dep == "prep" and tok.lower_ in ("on", "about"))) \
                and rep.get(head.lemma_) == "reported" and tok.pos_ != "VERB":
            _report(head, name_of, v, reporters)    # 'X reported on the case of Y, who was held ...'
        elif dep == "xcomp" and head.lemma_ in rep and tok.tag_ == "VBG":
            _report(head, name_of, v, reporters)    # 'denied being part of it', 'recalled meeting X'
        elif dep == "xcomp" and head.lemma_ in rep:
            v.hedge(rep[head.lemma_])               # 'is said to have', 'is believed to be'
            if not any(c.dep_ == "auxpass" for c in head.children):
                v.dropped = v.dropped or f"complement of '{head.text}'"
        elif dep == "xcomp" and head.lemma_ in w["attempt_verbs"] and negated(head):
            v.denied = not v.denied                 # 'did not attempt to debrief him': he did not
        elif dep == "xcomp" and head.lemma_ in w["permission_xcomp_heads"] and not negated(head) \
                and any(c.dep_ in ("auxpass", "nsubjpass") for c in head.children):
            pass                                    # 'was permitted to return': he returned
        elif dep == "xcomp" and head.lemma_ in w["hedged_xcomp_heads"]:
            v.hedge("hedged")
        elif dep == "xcomp" and head.lemma_ not in w["factual_xcomp_heads"]:
            v.dropped = v.dropped or f"complement of '{head.text}'"
        elif dep == "ccomp" and head.lemma_ in w["unreal_governors"]:
            v.dropped = v.dropped or f"what '{head.text}' governs"    # 'fearing that X could ...'
        elif dep == "ccomp" and head.lemma_ in w["hedge_verbs"]:
            v.hedge("hedged")
        elif dep == "ccomp" and negated(head) and head.i != tag_question(head.doc):
            v.dropped = v.dropped or f"under negated '{head.text}'"
        elif dep in ("acl", "ccomp") and head.pos_ == "NOUN" and head.lemma_ in w["reporting_nouns"]:
            v.hedge(w["reporting_nouns"][head.lemma_])   # 'the claim that ...'
            poss = [c for c in head.children if c.dep_ == "poss"]
            v.speakers.append(name_of(poss[0]) if poss else None)
        elif dep == "pcomp" and head.lower_ == "to" and head.head.lemma_ in rep and (tok.tag_ == "VBG" or any(
                c.dep_ == "aux" and c.tag_ == "VBG" for c in tok.children)):
            _report(head.head, name_of, v, reporters)    # 'confessed to having been a spy', 'admits to meeting X'
        elif dep == "pcomp" and head.lower_ in w["negating_preps"]:
            v.dropped = v.dropped or f"under '{head.text}'"
        elif dep == "pcomp" and tok.tag_ == "VBG" and head.lower_ not in w["factual_preps"] \
                and not (head.lower_ == "on" and (head.i == 0 or head.nbor(-1).is_punct)):
            # 'focused on capturing' is an aim; 'On arriving in London, he ...' is a fact
            v.dropped = v.dropped or f"aim after '{head.text}'"
        if dep == "ccomp" and head.lemma_ in rep and told_plan(tok):
            v.dropped = v.dropped or "a plan told ('says he is returning')"
        if dep != "xcomp" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children) \
                and not result_infinitive(tok):
            v.dropped = v.dropped or "infinitive of purpose or plan"  # 'to secure', 'for X to invade'
        shared = dep == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
        if dep in ("ccomp", "xcomp", "advcl") or shared:   # 'may have met X and recruited Y'
            _local(head, v)
        tok = head
    _finish(v, reporters)
    return v


def told_plan(verb) -> bool:
    """'He tells them that he is returning to the embassy', 'said he was leaving for Cuba': a
    verb of going in the progressive, told by its speaker, is a plan, not a move made
    (``reporting.yaml``, plan_motion_verbs)."""
    return verb.tag_ == "VBG" and verb.lemma_.lower() in words().get("plan_motion_verbs", ()) and any(
        c.dep_ == "aux" and c.lemma_ == "be" for c in verb.children)


def _frames_speech(verb) -> bool:
    """'X said that', 'it was reported that' -- but not 'his contact was declared ...'."""
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    return not subjects or subjects[0].lower_ == "it"


def _report(head, name_of: Callable, v: Voice, reporters: list) -> None:
    w = words()
    if negated(head):
        v.dropped = v.dropped or f"under negated '{head.text}'"
    v.hedge(w["reporting_verbs"][head.lemma_])
    if head.lemma_ in w["denial_verbs"]:
        v.denied = not v.denied
    who = _speaker(head, name_of)
    if who == UNRESOLVED:
        v.dropped = v.dropped or f"speaker of '{head.text}' unresolved"
    v.speakers.append(who)
    addressee = _addressee(head, name_of)
    if addressee and addressee != UNRESOLVED and len(v.speakers) == 1:
        reporters.insert(0, addressee)


def _finish(v: Voice, reporters: list) -> None:
    named = [s for s in v.speakers if s]
    v.asserted_by = named[0] if named else None
    outer = named[1:] + reporters
    v.reported_by = next((r for r in outer if r != v.asserted_by), None)
