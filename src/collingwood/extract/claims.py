"""Clauses -> claims: who did what to whom, when and where, in whose voice.

A clause becomes a claim when its verb's lemma is a trigger of a predicate in
``schema/predicates.yaml`` and both its subject and its object are named entities of
the kinds the predicate takes, or pronouns resolved without ambiguity. This module
also holds what the other readers share: the sentence reader (arguments, pronouns,
time and place of a clause) and the making of a claim; post nouns are read in
`posts`, act nouns in `nominals`. Active and
passive voice are both read: "he was recruited by Klugmann" is recruited(Klugmann,
he); "he was transferred to the Treasury" is transferred(he, Treasury), the object
coming through one of the predicate's `preps`. Precision first: anything unsure is
left out.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..model import OPEN_PREFIX, Claim, Predicate, open_predicate, schema
from ..timespan import bound
from .act_senses import may_hold_sense
from .attribution import UNRESOLVED, inside_quotation, result_infinitive, voice, words
from .clause_time import bound_date, from_conjunct, last_unit, not_until, present_only, through_bound
from .definites import Definites
from .new_bodies import NewBodies, is_new_body
from .reading_case import in_capitals
from .office_lists import encyclopaedia_words
from .periods import period, the_war, war_word
from .story_person import describes_office, story_person
from .entities import Found, body_heads, person_nouns, titles
from .branches import branch_name
from .demonyms import peoples, state_of
from .event_words import event_words
from .topic import body_nouns, topic_body
from .tenure_lists import tenure_holder
from .misparsed import attributive_participle, coordinated_head, direct_objects
from .member_groups import member_group
from .name_forms import fold, ocr_match
from .reported import gerund, other_sex, reported, said_through
from .person_sex import document_sexes
from .pronoun_agreement import agreeing
from .pronoun_candidates import compared_with, named_before, subject_possessors, subject_referent

_PRONOUNS = {"he", "she", "him", "her"}
_SEX = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
POSSESSIVES = {"his", "her"}
THIRD_PERSON = _PRONOUNS | POSSESSIVES            # a person spoken of without a name
_OBJECT_PRONOUNS = {"him", "her"}
_RELATIVES = {"who", "that", "which", "whom"}
_SUBJ = ("nsubj", "nsubjpass")
_NOT_IN_CLAUSE = {"ccomp", "conj", "relcl", "parataxis", "csubj", "acl"}
_PLACE_PREPS = {"in", "at", "near", "outside", "inside"}
COPULAS = {"be", "become", "remain"}
_MARKED_TITLE = re.compile(r"\s*(?:_([^_\n]{1,200})_|\*([^*\n]{1,200})\*|\"([^\"\n]{1,200})\"|“([^”\n]{1,200})”)")
_FOOTNOTE_MARK = re.compile(r"\[\d{1,3}\]|\[|\]")
_YEAR = re.compile(r"\b\d{3,4}\b|\bBC\b|\bB\.C\.")
MAX_TOKENS = 120      # longer "sentences" are lists or run-ons the small parser gets wrong
LONG_TOKENS = 80      # beyond this, a sentence dense with commas is a list of names, not a clause


@functools.cache
def triggers() -> dict[str, tuple[Predicate, ...]]:
    """Trigger lemma -> the predicates it may express (from the schema, never from code)."""
    out: dict[str, list[Predicate]] = {}
    for p in schema().predicates.values():
        for lemma in p.triggers:
            out.setdefault(lemma, []).append(p)
    return {k: tuple(v) for k, v in out.items()}


def _inflections(lemma: str) -> set[str]:
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing",
             lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    if lemma.endswith("e"):
        forms.add(lemma[:-1] + "ing")
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ied", lemma[:-1] + "ies"}
    return forms


@functools.cache
def trigger_forms(lone: bool = False) -> frozenset[str]:
    """Every written form a trigger may take: a cheap test before parsing a sentence.

    lone: only the triggers of predicates that may stand without an object ('died in 1995').
    """
    irregular = words()["irregular_forms"]
    forms: set[str] = set()
    for lemma, preds in triggers().items():
        if lone and not any(_may_stand_alone(p) for p in preds):
            continue
        forms |= _inflections(lemma)
        forms |= set(irregular.get(lemma, ()))
    if not lone:
        from .denials import denial_verbs            # 'insisted he was not spying' (they import this module)
        from .relation_nouns import role_nouns       # 'an informant of': open ties
        for lemma in denial_verbs():
            forms |= _inflections(lemma)
        forms |= {f for w in role_nouns() for f in (w, w + "s")}
    for p in schema().predicates.values():      # act nouns: 'the death of', 'invasions'
        if p.nominals and (p.lone or not lone):
            forms |= {f for w in p.nominals["words"] for f in (w, w + "s")}
    return frozenset(forms)


def _may_stand_alone(p: Predicate) -> bool:
    return p.lone


def _lone_act(verb) -> bool:
    """The verb tells an act without its object: not a verb of naming ('even naming Callias',
    'now simply named Citizen Capet'), nor one of choosing what to do ('he elected not to return')."""
    return verb.lemma_.lower() not in words()["naming_verbs"] and not any(
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in verb.children)


def worth_parsing(sent, found: Found, dated: bool = False) -> bool:
    """A sentence may hold a claim: a trigger word and two entities (or one and a pronoun);
    dated: the sentence has a time, or the narrative one: then one entity or pronoun is
    enough (an open event, `events`)."""
    if len(sent) > MAX_TOKENS or sent.text.count("|") > 1:
        return False
    if len(sent) > LONG_TOKENS and sum(t.text == "," for t in sent) * 6 > len(sent):
        return False
    if dated and any(t.idx in found.at or t.lower_ in THIRD_PERSON or t.lower_ == "its" for t in sent):
        return True
    forms = trigger_forms()
    if not any(t.lower_ in forms for t in sent):
        lowered = {t.lower_ for t in sent}
        if bool(lowered & THIRD_PERSON) and may_hold_sense(lowered):     # 'he did not show up at the college'
            return True
        from .exits import may_tell_exit           # 'X had come out of the Soviet Union' (it imports this module)
        return may_tell_exit(sent, lowered) and sum(1 for t in sent if t.idx in found.at) >= 2
    n = sum(1 for t in sent if t.idx in found.at and (t.i == sent.start or found.at.get(
        sent.doc[t.i - 1].idx) is not found.at[t.idx]))
    if n >= 2:
        return True
    lone = trigger_forms(lone=True)
    if n == 0:              # 'He was convicted in April 1994': a pronoun and an act that stands alone
        return (any(t.lower_ in THIRD_PERSON for t in sent) and any(t.lower_ in lone for t in sent)) \
            or describes_office(sent.text)     # 'a man who had worked as Surveyor of ...' (`story_person`)
    if n == 1 and any(t.lower_ in POSSESSIVES for t in sent) and any(t.lower_ in act_nouns() for t in sent):
        return True         # 'based on his enlistment in the Marines': the possessor is the one it tells of
    return n == 1 and any(t.lower_ in _PRONOUNS or t.lower_ in _RELATIVES or t.lower_ in lone
                          or t.lower_ == "its" for t in sent)     # 'X was its first head': the topic body


@functools.cache
def act_nouns() -> frozenset[str]:
    """The written forms of the schema's act nouns ('enlistment', 'arrests')."""
    return frozenset(f for p in schema().predicates.values() if p.nominals
                     for w in p.nominals["words"] for f in (w, w + "s"))


# ---------------------------------------------------------------- one sentence

@dataclass
class Context:
    """What runs from sentence to sentence in one document."""

    source_id: str
    text: str
    found: Found
    extracted_by: str
    names: dict[str, str] = field(default_factory=dict)       # entity id -> name
    kinds: dict[str, str] = field(default_factory=dict)       # entity name -> kind
    previous: list[str] = field(default_factory=list)         # person subjects of the last sentence
    previous_main: list[str] = field(default_factory=list)    # ... of its main clause only
    mentioned: list[str] = field(default_factory=list)        # persons the last sentence names
    named_last: list[str] = field(default_factory=list)       # ... anywhere in it (`person_sex`)
    body_subject: bool = False                                # its main clause's subject a body, no person
    sexes: dict[str, str] = field(init=False)                 # person -> 'f' / 'm' (`person_sex`; then the pronoun first used)
    counts: dict[str, int] = field(default_factory=dict)      # person -> mentions so far
    definites: Definites = field(init=False)                  # 'the party' -> the party named before
    new_bodies: NewBodies = field(init=False)                 # 'the new organization' -> the body just named
    topic_body: str | None = None                              # the organisation the text is about
    lead_end: int = 0                                          # where the text's first paragraph ends
    first_person: str | None = None                           # who 'I' is: a transcript turn's speaker
    narrator: str | None = None                               # ... outside a transcript: the source's one author
    first_plural: str | None = None                           # who 'we' is: that speaker's service
    speakers: frozenset[str] = frozenset()                    # a transcript's labelled speakers
    spoken_of: str | None = None                              # ... and the last person named who is none
    acts: dict = field(default_factory=dict)                  # (act noun, predicate, object) -> (subject, claim) (`act_anaphora`)
    superseded: set = field(default_factory=set)              # ids of claims a later, dated telling stands for

    def topic(self) -> str | None:
        """The person the text is about so far: named at least three times and at least twice
        as often as anyone else (a biography's subject, a debriefing's witness)."""
        ranked = sorted(((k, n) for k, n in self.counts.items() if k not in self.speakers), key=lambda kv: -kv[1])
        if not ranked or ranked[0][1] < 3 or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
            return None
        return ranked[0][0]

    def after(self, persons: list[str], subject_side: list[str]) -> None:
        """Remember the persons one sentence names, and those named inside its subject
        ('The memoirs of former spy Anthony Blunt reveal ...': Blunt)."""
        self.mentioned = list(dict.fromkeys(subject_side))
        self.named_last = list(dict.fromkeys(persons))
        for name in persons:
            self.counts[name] = self.counts.get(name, 0) + 1
            if name not in self.speakers:
                self.spoken_of = name

    def fallback(self, exclude: set[str]) -> str | None:
        """Who a pronoun with no person subject before it is: the one person named inside
        the last sentence's subject, else the one person it names at all when its subject is
        no person ('The FBI opened a file on X. He had applied ...') and the text's topic is
        none or that person, else the text's topic."""
        pool = set(self.mentioned) - exclude
        if len(pool) == 1:
            return next(iter(pool))
        topic = self.topic()
        alone = set(self.named_last) - exclude
        if self.body_subject and not pool and not self.previous and len(alone) == 1 and topic in (None, *alone):
            return next(iter(alone))
        return topic if topic is not None and topic not in exclude and (not pool or topic in pool) else None

    def spoken_of_by(self, pronoun, exclude: set[str]) -> str | None:
        """In a hearing, the subject 'he' or 'she' of an act (or 'his' before it), with no one
        else to be, is the person last named who does not speak there (the one the questions
        are about), unless the text has called that person by the other sex's pronoun."""
        if not self.speakers or self.spoken_of in exclude or pronoun.lower_ not in ("he", "she", "his") \
                or pronoun.dep_ not in _SUBJ + ("poss",):
            return None
        if self.sexes.setdefault(self.spoken_of, _SEX[pronoun.lower_]) != _SEX[pronoun.lower_]:
            return None
        return self.spoken_of

    def __post_init__(self):
        self.definites = Definites(self.found)
        self.new_bodies = NewBodies(self.found)
        for e in self.found.entities.values():
            self.names[e.id] = e.name
            self.kinds[e.name] = e.kind
        self.topic_body = topic_body(self.found.mentions, self.names)
        self.sexes = document_sexes(self.text, self.found.mentions,
                                    {i: n for i, n in self.names.items() if self.kinds.get(n) == "person"})
        body = self.text.lstrip()
        first = body.find("\n\n")
        self.lead_end = len(self.text) - len(body) + (first if first >= 0 else len(body))


@dataclass
class Arg:
    name: str
    kind: str
    penalty: float = 0.0
    token: object = None


class SentenceReader:
    """Claims of one parsed sentence (a spaCy Doc of the sentence alone)."""

    def __init__(self, doc, offset: int, ctx: Context, dates: Callable[[], list], narrative=None):
        self.doc, self.offset, self.ctx = doc, offset, ctx
        self.narrative = narrative          # the narrative's current time before this sentence
        self._dates_fn, self._by_token, self._explicit, self._unvalued = dates, None, set(), set()
        self.subjects: list[tuple[int, str]] = []        # (token index, person name)
        for t in _expand(t for t in doc if t.dep_ in _SUBJ and t.lower_ not in _PRONOUNS):
            a = self.named(t) or self.titled(t)
            if a and a.kind == "person":
                self.subjects.append((t.i, a.name))

    # -- arguments
    def named(self, tok, fallback: bool = False) -> Arg | None:
        m = self.ctx.found.mention_at(self.offset + tok.idx)
        if m is not None and m.entity_id in self.ctx.names:
            name = self.ctx.names[m.entity_id]
            branch = branch_name(self.ctx.text, self.offset, self.ctx.found, self.ctx.kinds, tok, m) \
                if m.kind == "organisation" else None
            if branch:
                return Arg(branch, "organisation", 0.05, tok)
            if self.ctx.kinds[name] == "group" and m.text in peoples():     # 'the Soviets' acting: the state
                return Arg(peoples()[m.text], "group", 0.1, tok)            # (still a people: no recruiter)
            return Arg(name, self.ctx.kinds[name], 0.0, tok)
        if self.ctx.topic_body is not None and m is None and tok.pos_ == "NOUN" and tok.lower_ in body_nouns() \
                and [c.lower_ for c in tok.children] == ["the"]:     # 'joined the organization'
            return Arg(self.ctx.topic_body, "organisation", 0.15, tok)
        if m is None and is_new_body(tok, body_nouns()) and (new := self.ctx.new_bodies.before(self.ctx.text, self.offset)):
            return Arg(new, self.ctx.kinds.get(new, "organisation"), 0.2, tok)   # 'chief of the new organization'
        if fallback and tok.pos_ in ("PROPN", "NOUN"):  # 'to the Western Department of the Foreign
            for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):  # Office'
                for p in (p for p in prep.children if p.dep_ == "pobj"):
                    a = self.named(p) or (self.named(p, fallback=True) if tok.pos_ == "NOUN" else None)
                    if a and a.kind in ("organisation", "college"):   # 'the counter-Soviet section of
                        return Arg(a.name, a.kind, 0.1, tok)           # the Secret Intelligence Service'
        return None

    def titled(self, noun) -> Arg | None:
        """'the Austrian emperor Leopold II': a common noun subject with one name beside it."""
        if noun.pos_ != "NOUN":
            return None
        named = [a for a in (self.named(c) for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN")
                 if a is not None]
        return named[0] if len(named) == 1 else None

    def described_person(self, noun) -> Arg | None:
        """'the American defector to Czechoslovakia, Fields,': a noun of a person (``gazetteer
        .yaml``: person_nouns) with one name in apposition is that person, whatever kind the
        entity finder gave the name alone."""
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in person_nouns():
            return None
        a = self.titled(noun)
        if a is None:                 # the parser hangs the name on the place: 'defector to X, Y,'
            places = [p for c in noun.children if c.dep_ == "prep" for p in c.children
                      if p.dep_ == "pobj" and (b := self.named(p)) is not None and b.kind == "place"]
            names = [b for p in places for c in p.children if c.dep_ == "appos" and c.pos_ == "PROPN"
                     and (b := self.named(c)) is not None] if len(places) == 1 else []
            a = names[0] if len(names) == 1 else None
        return Arg(a.name, "person", a.penalty + 0.15, a.token) if a is not None else None

    def possessor(self, tok, besides: set[str] = frozenset()) -> str | None:
        """'his arrest', 'her defection': the one person subject of the sentence (before or
        after: 'After his arrest in 1951, Burgess fled'), else of the sentence before.
        besides: persons it cannot be (the subject of the verb whose object it qualifies:
        in 'Thatcher exposed his treachery' he is not Thatcher). Among several person
        subjects, the text's topic if it is one of them."""
        here = {n for _, n in self.subjects} - set(besides)
        if len(here) == 1:
            return agreeing(self, tok, next(iter(here)))
        if len(here) > 1 and self.ctx.topic() in here:    # 'Robert was displeased by his move ...,
            return self.ctx.topic()                        # Cairncross says': the one the text is about
        pool = set(self.ctx.previous)
        if not here and len(pool) == 1:
            return agreeing(self, tok, next(iter(pool)))
        return agreeing(self, tok, (self.ctx.fallback(set()) or self.ctx.spoken_of_by(tok, set())
                                    if not here and not pool else None) or UNRESOLVED)

    def arg(self, tok, role: str = "subject") -> Arg | None:
        if tok.dep_ == "poss" and tok.lower_ in POSSESSIVES:
            name = self.possessor(tok)
            return Arg(name, "person", 0.2, tok) if name and name != UNRESOLVED else None
        if tok.lower_ in _RELATIVES and tok.dep_ in _SUBJ and tok.head.dep_ == "relcl":
            head = tok.head.head                  # 'Gouzenko, a clerk who defected'
            held = head
            while held.dep_ in ("appos", "conj") and held.head.i != held.i and held.head.pos_ == "NOUN":
                held = held.head                  # 'an analyst, turned KGB mole, who ...'
            if held.dep_ == "attr" and held.head.lemma_ in COPULAS:   # 'Ames was an analyst who'
                subject = [c for c in held.head.children if c.dep_ == "nsubj"]
                if len(subject) == 1 and subject[0].pos_ == "PROPN":
                    return self.arg(subject[0])
                return self.described(head) if tok.lower_ == "who" and head.pos_ == "NOUN" else None
            return self.named(head) or (self.named(head.head) if head.dep_ == "appos" else None) or (
                (self.described(head) or story_person(self, head, tok.head))
                if tok.lower_ == "who" and head.pos_ == "NOUN" else None)
        if tok.lower_ in ("which", "whom") and tok.dep_ == "pobj" and tok.head.dep_ == "prep" \
                and tok.head.head.dep_ == "relcl" and tok.head.i < tok.head.head.i:
            before = tok.head.i - 1                  # 'the United States, to which he had emigrated':
            while before > 0 and self.doc[before].text == ",":    # the relative's head, else the name
                before -= 1                                     # right before it (a parse may hang
            return self.named(tok.head.head.head) or self.named(self.doc[before])   # the clause higher)
        if tok.lower_ in ("i", "me", "my") and tok.tag_ in ("PRP", "PRP$") and (me := self.first_person(tok)):
            return Arg(me, "person", 0.15, tok)      # 'I interviewed him' in a hearing, a memoir's author
        if tok.lower_ == "we" and tok.dep_ in _SUBJ and self.ctx.first_plural:
            return Arg(self.ctx.first_plural, "organisation", 0.25, tok)   # 'we opened a file on him': the FBI
        if tok.lower_ == "it" and tok.dep_ in _SUBJ and self.ctx.topic_body is not None \
                and self.offset < self.ctx.lead_end:      # the lead of an article on a body: 'it' is the body
            return Arg(self.ctx.topic_body, "organisation", 0.15, tok)
        if tok.lower_ in _PRONOUNS and tok.tag_ == "PRP":
            name = self.pronoun(tok)
            if name and name != UNRESOLVED:
                return Arg(name, "person", 0.15, tok)
            return None
        if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.dep_ == "agent" and not self.named(tok):
            return self.named_last(tok) or self.definite(tok)   # 'interviewed by the first secretary
                                                                 # ..., X', 'debriefed by the agency'
        return self.named(tok, fallback=role == "object") or (
            (self.title(tok) or self.conduct_of(tok) or self.entitled(tok) or self.definite(tok)
             or self.described_person(tok))
            if role == "object" else self.titled(tok) if tok.dep_ in _SUBJ and not any(
                c.dep_ == "prep" for c in tok.children) else None) or (   # 'his handler, Yuri Modin,' (not
            self.members(tok) if role == "subject" and tok.dep_ in _SUBJ else None)   # 'the existence of X, Y')

    def members(self, tok) -> Arg | None:
        """'GRU officers visited X': the named body's people, acting for it (`member_groups`)."""
        g = member_group(tok, self.named)
        return Arg(g[0], "organisation", 0.25, g[1]) if g is not None else None


    def definite(self, noun) -> Arg | None:
        """'persuaded him not to join the party': a definite common noun for the body the text
        last named with that head word (`definites`)."""
        if noun.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children) \
                or any(c.dep_ in ("poss", "prep", "relcl", "acl", "appos") for c in noun.children):
            return None
        words = [c for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i] + [noun]
        if len(words) > 3 or words[0].i + len(words) - 1 != noun.i:
            return None
        phrase = " ".join(w.lower_ for w in words)
        name = self.ctx.definites.before(self.offset + noun.idx, phrase)
        return Arg(name, self.ctx.kinds.get(name, "organisation"), 0.2, noun) if name else None

    def named_last(self, noun) -> Arg | None:
        """A description whose person is named at the end of its chain of appositions: 'by the
        first secretary at the Consulate, in reality the station chief and a mole, Kim Philby.'
        Only when no verb stands between and the name ends the sentence."""
        doc, last = self.doc, None
        end = len(doc)
        while end > 0 and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].like_num
                           or _FOOTNOTE_MARK.fullmatch(doc[end - 1].text)):
            end -= 1                                    # the full stop, a footnote mark '[8]'
        for t in doc[noun.i + 1:end]:
            if t.pos_ in ("VERB", "AUX") or t.lower_ in _RELATIVES or t.text in (";", ":"):
                return None
            if t.text == ",":
                last = t.i
        if last is None:
            return None
        a = self.named(doc[end - 1]) if end - 1 > last else None
        m = self.ctx.found.mention_at(self.offset + doc[last + 1].idx) if last + 1 < end else None
        if a is None or a.kind != "person" or m is None or self.ctx.found.mention_at(
                self.offset + doc[end - 1].idx) is not m:
            return None
        return Arg(a.name, "person", 0.2, doc[end - 1])

    def entitled(self, noun) -> Arg | None:
        """'a collection of documents titled _X: Subtitle_', 'a report entitled "X"': the work is
        its title as marked after the verb (its main title, before a colon)."""
        if noun.pos_ != "NOUN":
            return None
        for t in [noun] + [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                           for p in c.children if p.dep_ == "pobj"]:
            for c in t.children:
                if c.dep_ == "acl" and c.lemma_.lower() in words()["naming_verbs"] | {"title", "entitle"}:
                    m = _MARKED_TITLE.match(self.ctx.text, self.offset + c.idx + len(c.text))
                    if m is not None:
                        title = next(g for g in m.groups() if g).split(":")[0].strip(" ,;")
                        return Arg(title, "thing", 0.15, noun) if title else None
        return None

    def described(self, noun) -> Arg | None:
        """The person a description stands beside, by its punctuation: '"Viktor Suvorov"
        (Vladimir Rezun), a GRU officer who ...', 'Ames is an American CIA analyst, turned KGB
        mole, who ...': back over commas, brackets and quotes (and a 'turned') to a name, or
        to a description after a copula whose subject is named. For 'who' only."""
        doc, at = self.doc, min(t.i for t in noun.subtree if t.i <= noun.i)
        for _ in range(3):
            j = _back(doc, at - 1)
            if j >= 0 and doc[j].lower_ in ("turned", "later", "formerly", "once"):
                at = j
                continue
            if j < 0 or doc[j].text != ",":
                return None
            j = _back(doc, j - 1)
            if j < 0:
                return None
            a = self.named(doc[j])
            if a is not None:
                return Arg(a.name, a.kind, 0.15, doc[j]) if a.kind == "person" else None
            t = doc[j]
            while t.pos_ != "NOUN" and t.head.i != t.i and t.head.i > t.i:
                t = t.head
            if t.pos_ != "NOUN":
                return None
            if t.dep_ == "attr" and t.head.lemma_ in COPULAS:
                subject = [c for c in t.head.children if c.dep_ == "nsubj"]
                a = self.named(subject[0]) if len(subject) == 1 else None
                return Arg(a.name, a.kind, 0.15, subject[0]) if a is not None and a.kind == "person" else None
            at = min(x.i for x in t.subtree if x.i <= t.i)
        return None

    def conduct_of(self, noun) -> Arg | None:
        """'exposed his treachery', 'denounced Blunt's activities': what is done to a person's
        conduct is done to the person (nouns of conduct are data: events.yaml)."""
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in event_words()["conduct_nouns"]:
            return None
        actor = {a.name for a in (self.named(c) for c in noun.head.children if c.dep_ == "nsubj") if a}
        for c in noun.children:
            if c.dep_ == "poss":
                if c.lower_ in POSSESSIVES:
                    name = self.possessor(c, besides=actor)
                    a = Arg(name, "person", 0.2, c) if name and name != UNRESOLVED else None
                else:
                    a = self.arg(c)
                if a is not None and a.kind == "person" and a.name not in actor:
                    return Arg(a.name, "person", a.penalty + 0.1, noun)
        return None

    def title(self, tok) -> Arg | None:
        """A work named by its title ('published _Falsifiers of History_', 'the "Long
        Telegram"'): a thing, for predicates whose object may be one. The phrase is the
        token's own words, its determiners and clauses left out, and must be written as a
        title: in quotes or underscores, or every content word capitalised."""
        if tok.pos_ not in ("PROPN", "NOUN") or self.in_time_expression(tok):
            return None
        marked = self._marked_title(tok)
        if marked is not None:
            return Arg(marked, "thing", 0.15, tok)
        words, stack, unit = [], [tok], _headed_unit(tok)
        while stack:
            t = stack.pop()
            words.append(t)
            stack += [c for c in t.children if c.dep_ not in ("det", "relcl", "acl", "appos", "punct", "poss",
                                                               "cc", "conj") and not (unit and self._place_phrase(c))]
        lo, hi = min(t.i for t in words), max(t.i for t in words)
        if lo == hi and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children):
            return None                 # 'married a Russian', 'met an American': a person, no title
        span = self.doc[lo:hi + 1]
        if len(span) != len(words) or len(span) > 12:
            return None
        text, lo_char = self.ctx.text, self.offset + span.start_char     # the original, marks and all
        before = text[max(0, lo_char - 1):lo_char]
        after = text[self.offset + span.end_char:self.offset + span.end_char + 1]
        quoted = bool(before) and _TITLE_MARKS.get(before) == after
        content = [t for t in span if t.is_alpha and not t.is_stop]
        capitalised = bool(content) and all(t.text[:1].isupper() for t in content) and span[0].i > 0 \
            and span[0].text[:1].isupper()
        if not (quoted or capitalised) or self.ctx.found.mention_at(self.offset + span[0].idx) is not None:
            return None
        if not quoted and in_capitals(text[self.offset:self.offset + len(self.doc.text)]) \
                and span[-1].text not in body_heads():
            return None          # 'NOT FOR PUBLICATION' in a cable: its capitals say no title
        acronym = len(span) == 1 and sum(c.isupper() for c in span.text) >= 2 and not quoted
        body = not quoted and (span[-1].text in body_heads()      # 'joined the Commission'
                               or len(span) > 1 and unit)        # 'Chief of Cuban Operations', not 'Staff'
        return Arg(span.text, "organisation" if acronym or body else "thing", 0.15, tok)

    def _marked_title(self, tok) -> str | None:
        """'published _My Silent War_ in London', 'the "Long Telegram" of 1946': a title
        written between marks is the words between them, whatever the parse hangs on it (a
        possessive, an article, the place after it)."""
        first = min(t.i for t in tok.subtree)
        text, lo = self.ctx.text, self.offset + self.doc[first].idx
        close = _TITLE_MARKS.get(text[lo - 1:lo]) if lo > 0 else None
        if close is None:
            return None
        hi = text.find(close, lo, self.offset + len(self.doc.text))
        if hi <= self.offset + tok.idx or "\n\n" in text[lo:hi]:
            return None
        title = " ".join(text[lo:hi].split())
        return title if title[:1].isupper() and len(title.split()) <= 12 else None

    def _place_phrase(self, prep) -> bool:
        """'in Mexico' after the name of a unit ('Chief of Covert Action in Mexico'): where the
        unit is, not part of its name."""
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "at"):
            return False
        objs = [c for c in prep.children if c.dep_ == "pobj"]
        a = self.named(objs[0]) if len(objs) == 1 else None
        return a is not None and a.kind == "place"

    def pronoun(self, tok) -> str | None:
        """`_pronoun`, never the speaker of a hearing's turn: he says 'I' of himself."""
        name = self._pronoun(tok)
        fp = self.ctx.first_person
        if fp and name and name != UNRESOLVED and (name == fp or fp != self.ctx.narrator and (ocr_match(
                fp.split()[-1], [name.split()[-1]]) is not None or fold(fp.split()[-1]) == fold(name.split()[-1]))):
            return UNRESOLVED     # a turn's speaker under an OCR'd label; a memoir's author's kin share his name
        name = agreeing(self, tok, name)
        sex = _SEX.get(tok.lower_)
        if name and name != UNRESOLVED and sex:          # 'he ... he ... we went to her': not him
            if self.ctx.sexes.setdefault(name, sex) != sex:
                return UNRESOLVED
        return name

    def _pronoun(self, tok) -> str | None:
        """The one person subject before the pronoun (this sentence, else the last one).

        A subject pronoun in what someone says is the speaker: 'Blunt says he met ...'.
        """
        bracketed = self._bracketed(tok)
        if bracketed:
            return bracketed
        if tok.lower_ not in _OBJECT_PRONOUNS and tok.dep_ in _SUBJ:
            speaker = self._reporting_speaker(tok.head, tok.lower_)
            if speaker:
                return speaker
        verb = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ in ("prep", "agent") else tok.head
        own = {self.named(c).name for c in verb.children      # 'X hangs up on him': not X
               if c.dep_ in _SUBJ and self.named(c)} if tok.lower_ in _OBJECT_PRONOUNS else \
            self._objects_named(verb) if tok.dep_ in _SUBJ else set()     # 'he met Harlan': not Harlan
        if self.ctx.first_person:
            own.add(self.ctx.first_person)    # in a hearing the speaker says 'I', never 'he'
        own |= {n for i, n in self.subjects if other_sex(self.doc[i], tok.lower_)}   # 'her husband ... she'

        if tok.dep_ in _SUBJ and tok.lower_ not in _OBJECT_PRONOUNS:
            own |= compared_with(tok, self.named)            # 'he, like Halloran, lived': not Halloran
        here = {n for i, n in self.subjects if i < tok.i and not _enclosed(self.doc[i], tok)} - own
        if not here and tok.dep_ in _SUBJ and tok.lower_ not in _OBJECT_PRONOUNS:
            here = subject_possessors(tok, self.named) - own   # "Brandt's case is ...; he ..."
        if tok.lower_ in _OBJECT_PRONOUNS and (own_subject := subject_referent(
                tok, lambda c: self.first_person(c) if c.lower_ == "i" else self.pronoun(c))):
            own.add(own_subject)                             # 'he reported to him': not he
            here -= own
            others = named_before(tok, self.named) - own     # '... with Win Scott and that he
            if not here and len(others) == 1:                # reported directly to him'
                return next(iter(others))
        if not here and tok.lower_ in _OBJECT_PRONOUNS:     # 'Obyedkov hangs up on him': the last
            last = set(self.ctx.previous) - own              # sentence's one person subject
            if not self.ctx.previous:                        # none: the one named in its subject,
                return self.ctx.fallback(own) or UNRESOLVED  # else the text's topic
            return next(iter(last)) if len(last) == 1 and not own & set(self.ctx.previous) else UNRESOLVED
        pool = here or set(self.ctx.previous) - own
        if not here and pool and tok.lower_ not in _OBJECT_PRONOUNS:
            near = named_before(tok, self.named, heads_only=True) & (set(self.ctx.named_last) - own)
            if len(near) == 1:         # 'X's tip helped MI5 convict Y. MI5 wanted to question X, and
                return next(iter(near))    # he arrived': of the people the last sentence named, the
                # one this sentence names again before the pronoun
        if not here and pool and not self.ctx.previous_main and len(set(self.ctx.named_last) - own) > 1:
            return UNRESOLVED     # 'The memo that X sent to Y arrived. He ...': its main clause is about no one
        if len(pool) > 1 and not here and tok.lower_ not in _OBJECT_PRONOUNS:
            main = set(self.ctx.previous_main) & pool      # 'Thatcher told the House that Blunt
            pool = main if len(main) == 1 else pool       # had admitted ... She said that ...'
        if not pool and tok.lower_ not in _OBJECT_PRONOUNS:
            before = named_before(tok, self.named, heads_only=True) - own   # 'the mob accused X of
            if len(before) == 1:                             # treachery and he was shot': the one person
                return next(iter(before))                    # named before it
            return self.ctx.fallback(own) or self.ctx.spoken_of_by(tok, own) or UNRESOLVED
        return next(iter(pool)) if len(pool) == 1 else UNRESOLVED

    def _objects_named(self, verb) -> set[str]:
        """The persons a clause names as its objects (direct, or through a preposition): its
        subject pronoun is none of them, or the text would say 'himself'."""
        out = set()
        for c in verb.children:
            objs = [c] if c.dep_ in ("dobj", "dative") else \
                [p for p in c.children if p.dep_ == "pobj"] if c.dep_ == "prep" else []
            for o in objs:
                a = self.named(o)
                if a is not None and a.kind == "person":
                    out.add(a.name)
        return out

    def _bracketed(self, tok) -> str | None:
        """'Lamprell (whose real name was ... he died of cancer)': a pronoun inside a bracket
        opened right after a person's name is that person."""
        depth = 0
        for t in reversed(self.doc[:tok.i]):
            if t.text == ")":                  # round brackets only: OCR makes '{' an 'f'
                depth += 1
            elif t.text == "(":
                if depth == 0:
                    if t.i == 0:
                        return None
                    before = self.doc[t.i - 1]
                    a = self.named(before)
                    if a is not None:
                        return a.name if a.kind == "person" else None
                    return UNRESOLVED if before.pos_ == "PROPN" else None   # a name the NER missed
                depth -= 1
        return None

    def _reporting_speaker(self, verb, pronoun: str = "") -> str | None:
        reporting = words()["reporting_verbs"]
        while verb.dep_ in ("ccomp", "conj") and verb.head.i != verb.i:
            verb = verb.head
            if verb.lemma_ in reporting:
                for c in verb.children:
                    a = (self.named(c) or self.titled(c)) if c.dep_ == "nsubj" else None
                    if a and a.kind == "person" and not other_sex(c, pronoun):
                        return a.name
                return None
        return None

    def first_person(self, tok) -> str | None:
        """Who 'I' is: a transcript turn's speaker, else the source's one author (a memoir's,
        a letter's, a memo's writer), but not inside a quotation: that 'I' is someone else's."""
        fp = self.ctx.first_person
        if fp and fp == self.ctx.narrator and inside_quotation(self.doc.text, tok.idx):
            return None
        return fp

    def speaker(self, tok) -> str | None:
        if tok.lower_ in _PRONOUNS | {"i"}:
            return self.pronoun(tok) if tok.lower_ != "i" else self.first_person(tok) or UNRESOLVED
        a = self.named(tok) or (self.titled(tok) if tok.dep_ in _SUBJ else None)   # 'The historian Anne Ward said'
        return a.name if a else None

    # -- clause structure
    def grammatical_subject(self, verb) -> tuple[object, float, bool] | None:
        """(token, penalty, passive participle) of the clause's subject, inherited if need be."""
        subjects = [c for c in verb.children if c.dep_ in _SUBJ]
        if len(subjects) > 1 and any(c.dep_ == "mark" and c.i < subjects[0].i for c in verb.children):
            # 'After the Marshall Plan, ..., the Soviet Union cut off': the parser took the
            # introductory phrase's noun for a subject; the nearest name is the verb's
            named = [c for c in subjects if c.i < verb.i and self.named(c) is not None]
            subjects = [max(named, key=lambda c: c.i)] if named else subjects
        if subjects:
            return subjects[0], 0.0, False
        if verb.dep_ == "ROOT" and verb.pos_ == "VERB" and verb.tag_ in ("VBD", "VBZ", "VBP"):
            lead = next((c for c in verb.children if c.i < verb.i), None)   # 'WISE from 1951 to 1954
            if lead is not None and lead.i == verb.doc[0].i and lead.dep_ in ("advmod", "npadvmod", "dep") \
                    and (a := self.named(lead)) is not None and a.kind == "person":   # attended ...'
                return lead, 0.1, False     # a memo's surname in capitals, read by the parser as an adverb
            if (opened := self._dated_name_opening(verb)) is not None:
                return opened, 0.1, False   # 'In 1963 Ruben Contreras met X': one phrase to the parser
        dep, head = verb.dep_, verb.head
        if (holder := tenure_holder(verb)) is not None:   # "covering X's time as ..., working at Y"
            return holder, 0.15, False
        if dep == "conj" and head.i != verb.i:
            if attributive_participle(verb):    # 'put X and accused doctor killer Y on the list'
                return None
            found = self.grammatical_subject(coordinated_head(verb))
            return (found[0], found[1] + 0.05, found[2]) if found else None
        if dep == "acl" and head.pos_ in ("PROPN", "NOUN"):
            return head, 0.05, verb.tag_ == "VBN"
        if (obj := _object_participle(verb)) is not None:     # 'formed X, led by Y': the parser hangs
            return obj, 0.1, True                              # the participle on the verb, not on X
        if dep == "advcl" and verb.tag_ == "VBN" and verb.i < head.i and head.pos_ in ("VERB", "AUX") and not any(
                c.dep_ == "mark" for c in verb.children) and not any(
                t.is_alpha for t in self.doc[:verb.i]):  # the participle opens the sentence: 'Established in 1917 by X, it ...'
            found = self.grammatical_subject(head)
            return (found[0], found[1] + 0.1, True) if found and not found[2] else None
        if result_infinitive(verb):             # 'X joined Y in 1949 to form NATO': X formed it
            found = self.grammatical_subject(head)
            return (found[0], found[1] + 0.1, False) if found else None
        if dep == "xcomp" or (dep in ("advcl", "pcomp") and gerund(verb)):
            gov = head.head if dep == "pcomp" else head
            controller = [c for c in gov.children if c.dep_ == "dobj"] if dep == "xcomp" else []
            if len(controller) == 1:         # 'petitioned Sovnarkom to delineate': Sovnarkom acts
                return controller[0], 0.1, False
            if gov.pos_ in ("VERB", "AUX"):
                found = self.grammatical_subject(gov)
                return (found[0], found[1] + 0.1, False) if found else None
        return None

    def _dated_name_opening(self, verb):
        """The person named right before a subjectless verb, inside the sentence's opening
        phrase after its date ('In 1963 Ruben Contreras met X', 'On 3 May 1950 Ivan Petrenko
        defected'): the parser hangs the name on the date's preposition; it is the subject."""
        lead = next((c for c in verb.children if c.i < verb.i), None)
        if lead is None or lead.dep_ != "prep" or any(t.is_alpha for t in self.doc[:lead.i]):
            return None
        dated = self.dates_by_token()
        for p in (c for c in lead.children if c.dep_ == "pobj" and 0 < verb.i - c.i <= 2):
            a = self.named(p)
            if a is not None and a.kind == "person" and any(
                    t.i in dated or t.like_num for t in p.subtree if t.i < p.i and not self.named(t)):
                return p
        return None

    def prep_objects(self, head, preps) -> list:
        """Objects through the given prepositions; 'as' (or a predicative noun) reaches the
        organisation of a post: 'appointed (as) head of the NKVD' -> NKVD."""
        out, where = [], []
        for c in head.children:
            if c.dep_ in ("prep", "dative") and c.lower_ in preps:
                objects = [p for p in c.children if p.dep_ == "pobj"]
                objects = [_post_of(p) for p in objects] if c.lower_ == "as" else objects
                (where if c.lower_ == "in" else out).extend(objects)
            elif c.dep_ in ("oprd", "attr") and "as" in preps and head.pos_ == "VERB":
                out.append(c if self.named(c) else _post_of(c))   # 'renamed the NKVD'
        if any(self.named(o) for o in out if o is not None):      # 'defected to the SIS ... in Geneva':
            where = []                                             # 'in' gives the object only alone
        return [o for o in out + where if o is not None]

    def time_of(self, verb):
        """The nearest time expression in the verb's own clause (breadth first)."""
        by_token = self.dates_by_token()
        if not by_token:
            return self.period_of(verb)
        level, seen = [verb], []
        while level:                    # nearest first; a date with its year beats 'two days later'
            seen += [t.i for t in level if t.i in by_token]
            level = [c for t in level for c in t.children if c.dep_ not in _NOT_IN_CLAUSE
                     and not said_through(t, c) and not _intended(t, c)]
        if seen:
            i = next((i for i in seen if i in self._explicit), seen[0])
            span = through_bound(verb, self.doc[i], by_token[i])
            side = _ordering_clause(verb, self.doc[i])
            if side is not None and not span.open_start and not span.open_end:
                span = bound(span, side)         # 'After he left Moscow in 1974, he ...': after 1974
            if span.open_start and verb.dep_ == "conj":          # 'left on D1 and travelled until D2'
                span = from_conjunct(span, verb, self.time_of(verb.head))
            return span
        named = self.period_of(verb)
        if named is not None:
            return named
        if verb.dep_ == "relcl" and verb.head.i in by_token and verb.head.pos_ == "NOUN":
            return by_token[verb.head.i]        # 'the following year he was appointed', 'the day he left'
        if verb.dep_ == "advcl" and any(c.lower_ == "when" and c.dep_ in ("advmod", "mark")
                                        for c in verb.children):
            return bound_date(self.time_of(verb.head))   # 'expanded in November 1940 when Hungary
                                                         # joined'; 'By 1918, when it came to Moscow'
        if verb.dep_ == "relcl" and any(c.lower_ == "where" and c.dep_ == "advmod" for c in verb.children) \
                and verb.tag_ != "VBG":                  # 'where she was working as': a background
            place_verb = _governing_verb(verb.head)   # 'In 1936 she moved to X, where she met Y'
            if place_verb is not None:
                return bound_date(self.time_of(place_verb))
        if verb.dep_ == "pcomp" and verb.head.lower_ in words()["means_prepositions"]:
            return self.time_of(verb.head.head)   # 'In 1955 it responded by forming the Pact'
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in words()["raising_verbs"]:
            return self.time_of(verb.head)      # '[in 1926] ... seems to have been placed under'
        if _object_participle(verb) is not None:   # 'On July 16 the Council formed X, led by Y':
            return self.time_of(verb.head)         # led by Y from the day X was formed
        if result_infinitive(verb):             # 'joined A, B and C in 1949 to form NATO'
            return self.time_of(verb.head) or self.sentence_time(verb.head)
        if verb.dep_ == "conj" and not _moves_on(verb):
            head_time = self.time_of(verb.head)
            first = min((i for i, s in by_token.items() if s is head_time), default=None)
            if head_time is not None and first is not None and first < verb.head.i:
                return head_time
        return None

    def period_of(self, verb):
        """A named period in the verb's own clause ('during World War II'), or 'wartime' in a
        text that names one war (`periods`)."""
        level = [verb]
        while level:
            for t in level:
                if war_word(t.text):
                    war = the_war(self.ctx.found)
                    return war.with_text(t.text) if war is not None else None
                m = self.ctx.found.mention_at(self.offset + t.idx) if t.pos_ == "PROPN" else None
                if m is not None and m.kind == "event_name" and m.entity_id in self.ctx.names \
                        and _during(t, self.offset, m):
                    span = period(self.ctx.names[m.entity_id])
                    if span is not None:
                        return span
            level = [c for t in level for c in t.children if c.dep_ not in _NOT_IN_CLAUSE]
        return None

    def sentence_time(self, verb):
        """The sentence's one time, when the clause has none of its own: a date-first line
        ('September 27, 1963 ... Harlan calls the Soviet Military Attache') or 'In 1936, X
        joined Y and met Z'. None when the sentence holds several different times."""
        by_token = self.dates_by_token()
        spans = {id(s): s for s in by_token.values()}
        if len(spans) != 1 or _moves_on(verb) or not main_clause(verb):
            return None
        if not all(main_clause(_clause_verb(self.doc[i])) for i in by_token):
            return None               # 'notes ..., which the Archives released in 2025'
        if any(c.dep_ in ("ccomp", "xcomp") and c.i > verb.i and c.left_edge.i <= i <= c.right_edge.i
               for c in verb.children for i in by_token):
            return None               # 'decided the boy should go home by Jan. 14': the date is what was decided
        if reported(verb) and all(self._of_speech(self.doc[i]) for i in by_token):
            return None               # 'in an interview on 1 March, he tells Martin he received £100'
        span = next(iter(spans.values()))
        return None if present_only(span, verb) else span     # 'he retired and is presently working'

    def _of_speech(self, tok) -> bool:
        """The token stands in the phrase of an occasion of speech ('in a follow-up interview
        on 1 March'): ``reporting.yaml``, speech_events."""
        nouns = words()["speech_events"]
        while tok.head.i != tok.i and not (tok.pos_ in ("VERB", "AUX") and tok.dep_ != "amod"):
            tok = tok.head
            if tok.pos_ == "NOUN" and tok.lemma_.lower() in nouns:
                return True
        return False

    def current_time(self, verb):
        """The narrative's current time, for a main clause that does not move the story on; a
        past perfect ('he had applied to renounce his citizenship') tells of what was done by
        then, so its span is open before."""
        now = self.narrative if main_clause(verb) and not _moves_on(verb) else None
        return bound(now, "ON_OR_BEFORE") if now is not None and _past_perfect(verb) else now

    def dates_by_token(self) -> dict:
        """Token index -> the time span of the date expression it belongs to (computed once)."""
        if self._by_token is None:
            self._by_token, self._explicit, self._unvalued = {}, set(), set()
            starts = [t.idx for t in self.doc]
            for m in self._dates_fn():
                span = m.joined or m.span
                year = span is not None and bool(_YEAR.search(m.text))
                i = bisect.bisect_left(starts, m.start)
                if m.kind == "ref" and all(t.dep_ == "amod" for t in self.doc if m.start <= t.idx < m.end):
                    span = None                    # 'two former agents': the word tells of the agents
                while i < len(starts) and starts[i] < m.end:
                    if span is None:               # 'On July 19' with no year to give it
                        self._unvalued.add(i)
                    else:
                        self._by_token[i] = span
                        if year:
                            self._explicit.add(i)
                    i += 1
        return self._by_token

    def in_time_expression(self, tok) -> bool:
        """Whether the token is part of a time expression, valued or not: never a name or title."""
        return tok.i in self.dates_by_token() or tok.i in self._unvalued

    def place_of(self, verb, used: set[str]) -> str | None:
        for p in self.prep_objects(verb, _PLACE_PREPS):
            a = self.named(p)
            if a and a.kind == "place" and a.name not in used:
                return a.name
        return None


def _headed_unit(tok) -> bool:
    """A capitalised name after the title of one who heads it ('Chief of Cuban Operations',
    'head of Western Hemisphere Division') names a unit of a body, not a thing."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and \
        tok.head.head.lemma_.lower() in encyclopaedia_words()["office_heads"]


def _governing_verb(token):
    """The verb a noun phrase hangs from ('moved to [the Netherlands]', 'a post in [Paris]'),
    through prepositions, objects and appositions; None when the phrase is a subject or
    heads the sentence."""
    for _ in range(6):
        if token.dep_ not in ("pobj", "prep", "dobj", "appos", "attr", "compound", "conj", "npadvmod"):
            return None
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token
    return None


def _object_participle(verb):
    """'the Council formed the Extraordinary Commission ..., led by M. I. Latsis': a past
    participle with a 'by' agent after a comma, hung by the parser on the verb whose direct
    object stands right before it, tells of that object (None if not so)."""
    head = verb.head
    if verb.dep_ != "advcl" or verb.tag_ != "VBN" or head.i > verb.i or head.pos_ != "VERB" \
            or not any(c.dep_ == "agent" for c in verb.children) or verb.doc[verb.i - 1].text != ",":
        return None
    objs = [c for c in head.children if c.dep_ == "dobj" and c.i < verb.i and c.pos_ in ("PROPN", "NOUN")]
    if not objs or any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in verb.doc[objs[-1].i + 1:verb.i]):
        return None                 # 'formed X and sent Y, led by Z': Z leads what was sent
    return objs[-1]


def _intended(verb, child) -> bool:
    """'promised to hold a referendum next year', 'plans to visit Moscow in May': the time in
    the infinitive after a verb of intent (``reporting.yaml``: intent_verbs) is the time of
    the act intended, not of the promise; a time before the verb ('Last April he planned to')
    is the promise's own."""
    return child.dep_ == "xcomp" and child.i > verb.i and verb.lemma_.lower() in words()["intent_verbs"] \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)


def _enclosed(subject, pronoun) -> bool:
    """The subject speaks inside a complement clause the pronoun stands outside of: in
    'Kessler said at the time he assumed [Harlan had been sent out by the KGB], so he did
    not attempt to debrief Harlan' the second 'he' cannot be Harlan. The subject of a
    reporting verb (the speaker) is never enclosed."""
    if subject.head.lemma_.lower() in words()["reporting_verbs"]:
        return False
    t = subject.head
    while t.dep_ != "ccomp" and t.head.i != t.i:
        t = t.head
    return t.dep_ == "ccomp" and not (t.left_edge.i <= pronoun.i <= t.right_edge.i)


def _during(tok, offset: int, mention) -> bool:
    """The named period is what the clause happened in ('during World War II', 'in the
    Second World War'), not a bound of it ('after World War II')."""
    while tok.head.i != tok.i and mention.start <= offset + tok.head.idx < mention.end:
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ in ("during", "in", "throughout", "amid")


def _back(doc, j: int) -> int:
    """The index of the last token at or before j that is not a quote mark or inside a
    bracket group ('"Suvorov" (Rezun)' -> 'Suvorov'); -1 if none."""
    while j >= 0:
        if doc[j].text in ("\"", "”", "“", "'", "’") or doc[j].is_space:
            j -= 1
        elif doc[j].text == ")":
            depth = 0
            while j >= 0:
                depth += doc[j].text == ")"
                depth -= doc[j].text == "("
                j -= 1
                if depth == 0:
                    break
        else:
            return j
    return -1


def main_clause(verb) -> bool:
    """The verb heads the sentence's main line: the root, a clause joined to it, or what it
    reports ('he says he met X'); not a relative, adverbial or participial clause, which
    tell the background at another time ('Klugmann, who later recruited him')."""
    tok = verb
    while tok.head.i != tok.i:
        if tok.dep_ not in ("conj", "ccomp", "xcomp", "parataxis"):
            return False
        tok = tok.head
    return True


def _clause_verb(tok):
    """The verb of the clause a token stands in."""
    while tok.head.i != tok.i and not (tok.pos_ in ("VERB", "AUX") and tok.dep_ in _CLAUSE_EDGE | {"ROOT"}):
        tok = tok.head
    return tok


def _ordering_clause(verb, date_tok) -> str | None:
    """ON_OR_AFTER or ON_OR_BEFORE when the date reaches the verb through an adverbial clause
    that orders the two acts ('once/after he switched sides in 1974, he ...', 'before he left
    in 1974, he ...'); None when it is the verb's own or a 'when' clause's."""
    marks = words()["ordering_marks"]
    t = date_tok
    while t.i != verb.i and t.head.i != t.i:
        if t.dep_ == "advcl" and t.head.i == verb.i:
            for c in t.children:
                if c.dep_ in ("mark", "advmod") and c.lower_ in marks["after"]:
                    return "ON_OR_AFTER"
                if c.dep_ in ("mark", "advmod") and c.lower_ in marks["before"]:
                    return "ON_OR_BEFORE"
            return None
        t = t.head
    return None


def _past_perfect(verb) -> bool:
    """'had applied', 'had been sent': the verb a past participle under 'had'."""
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children)


def _moves_on(verb) -> bool:
    """'... formed an alliance and shortly after invaded Iran': the second act is later."""
    return any(c.dep_ in ("advmod", "prep") and c.lower_ in words()["moving_on"] for c in verb.children)


def _post_of(noun):
    """'head of the NKVD' -> the token 'NKVD'; None when the post names no body."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "at", "in", "for"):
            for p in prep.children:
                if p.dep_ == "pobj":
                    return p
    return None


def _expand(tokens) -> list:
    out = []
    for t in tokens:
        out.append(t)
        out += [c for c in t.conjuncts if c.i > t.i]
    return out


# ---------------------------------------------------------------- clause -> claims

def subject_side(reader: SentenceReader) -> list[str]:
    """Persons named anywhere inside the main clause's subject phrase."""
    out = []
    for t in reader.doc:
        if t.dep_ in _SUBJ and t.head.dep_ == "ROOT":
            for w in t.subtree:
                a = reader.named(w)
                if a is not None and a.kind == "person" and a.name not in out:
                    out.append(a.name)
    return out


def person_subjects(reader: SentenceReader, main: bool = False) -> list[str]:
    """Person subjects of the sentence (pronouns resolved), for the next sentence's pronouns;
    main: only the subjects of the main clause."""
    names = []
    for t in _expand(t for t in reader.doc if t.dep_ in _SUBJ and (not main or t.head.dep_ == "ROOT")):
        a = reader.arg(t) or _inverted_copula(reader, t)
        if a and a.kind == "person" and a.name not in names:
            names.append(a.name)
    return names


def body_subject(reader: SentenceReader) -> bool:
    """Whether the main clause's subjects are all bodies, places or peoples ('The FBI opened a
    file on X', 'we' of a service in a hearing): the next sentence's 'he' is then none of them."""
    args = [reader.arg(t) for t in reader.doc if t.dep_ in _SUBJ and t.head.dep_ == "ROOT"]
    return bool(args) and all(a is not None and a.kind in ("organisation", "place", "group") for a in args)


def _inverted_copula(reader: SentenceReader, subj) -> Arg | None:
    """'The first head of X was Janis Berzin, ...': the person named after the copula is who
    the sentence is about (the next sentence's 'he'), not the common noun before it."""
    if subj.pos_ != "NOUN" or subj.dep_ != "nsubj" or subj.head.lemma_ != "be":
        return None
    named = [a for a in (reader.named(c) for c in subj.head.children if c.dep_ == "attr" and c.pos_ == "PROPN")
             if a is not None]
    return named[0] if len(named) == 1 else None


def _named_holder(dobjs) -> list:
    """'appointed Lavrentiy Beria head of the NKVD', parsed with the name a compound of the post
    noun: the name is the one appointed, the post (its body) the object."""
    post = dobjs[0]
    names = [c for c in post.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    return [(names[-1:], [post])] if post.pos_ == "NOUN" and names else []


_TITLE_MARKS = {"_": "_", "*": "*", '"': '"', "“": "”", "‘": "’"}


def verb_claims(reader: SentenceReader, verb, preds) -> list[Claim]:
    g = reader.grammatical_subject(verb)
    if g is None:
        return []
    gtok, inherited, participle = g
    passive = participle or _passive(verb)
    agents = [_included(p) for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    agents = agents or (_stray_agents(verb) if passive else [])
    dobjs = direct_objects(reader, verb)     # 'calls the Soviet Embassy': a misparse read back
    if len(dobjs) > 1:                       # two direct objects: the parse is not to be trusted
        return []
    if any(c.dep_ == "oprd" and c.pos_ == "ADJ" for c in verb.children):
        return []                            # 'leaving Georgia open', 'found him dead': another sense
    if verb.lemma_ in words()["naming_verbs"] and (passive or any(
            c.dep_ in ("oprd", "xcomp", "ccomp", "attr") and not any(c.i in (d.i, d.head.i) for d in dobjs)
            for c in verb.children)):
        return []                            # 'called him a traitor', 'was called the Iron Felix'
    if verb.lemma_ in words()["designating_verbs"] and (any(c.dep_ == "oprd" for c in verb.children) or any(
            t.dep_ == "appos" and t.pos_ == "NOUN" and any(g.dep_ == "det" and g.lower_ == "the" for g in t.children)
            for d in dobjs for t in d.subtree)):
        return []                            # 'proclaimed Taipei the temporary capital': a designation
    v = None
    out = []
    for p in preds:
        via_prep = _without_containers(reader, reader.prep_objects(verb, p.preps))
        patient = [gtok] if passive else dobjs
        if p.patient_subject:       # 'Sovnarkom formed the Cheka', 'the Cheka was dissolved by VTsIK'
            patient = [t for t in patient if unqualified(reader, t)]
            options = [(patient, agents if passive else [gtok]), (patient, via_prep)] if patient else []
        elif passive:
            options = ([([gtok], via_prep)] if via_prep else []) + ([(agents, [gtok])] if agents else []) or (
                [([gtok], [])] if p.lone and not _own_passive(verb) else [])   # 'was denounced and confessed'
        else:                       # 'Hankey transferred Cairncross to the Treasury'
            options = ([(dobjs, via_prep)] + _named_holder(dobjs) if p.dobj_is_subject else [([gtok], via_prep)] + (
                [] if p.prep_object_only else [([gtok], dobjs)])) if dobjs else [([gtok], via_prep)]
            # ('Stalin appointed X head of Y': the one who appoints is neither appointee nor post)
        for subjects, objects in options:
            pairs = arg_pairs(reader, p, subjects, objects) or (
                _mutual(reader, p, subjects) if p.symmetric and not passive and not dobjs else [])
            if verb.lemma_ in event_words()["employers"]["moves"] and p.object == "organisation":
                pairs = [(a, b) for a, b in pairs if not _building(b)]     # a visit, not a move
            if not pairs and _may_stand_alone(p) and _lone_act(verb) and not _blocking(reader, p, via_prep) \
                    and not (_killer(verb, passive) and not patient) and not (
                    p.patient_subject and any(reader.named(t) for t in (agents if passive else [gtok]))):
                pairs = _lone(reader, verb, p, patient or ([] if p.patient_subject else [gtok]))
            if not pairs:
                continue
            v = v or voice(verb, reader.speaker)
            if v.dropped:
                return []
            when = reader.time_of(verb) or (None if p.state else reader.sentence_time(verb))
            late = when is None and not p.state and reader.current_time(verb) is not None
            when = reader.current_time(verb) if late else when
            for a, b in pairs:
                penalty = (inherited if a.token.i == gtok.i else 0.0) + (0.1 if late else 0.0)
                out.append(make_claim(reader, verb, _killing(verb, _for_employer(p, b)), a, b, v, penalty, v.denied,
                                      when=when, clause=True))
            break
    return out


def _mutual(reader: SentenceReader, p: Predicate, subjects) -> list[tuple[Arg, Arg]]:
    """'Truman and MacArthur met at Wake Island', 'X and Y married in 1950': a symmetric act
    told of two joined subjects is their act with each other (the first with each of the rest)."""
    accepts = schema().kind_accepts
    args = [a for a in map(reader.arg, _expand(subjects)) if a is not None and accepts(p.subject, a.kind)]
    names = list(dict.fromkeys(a.name for a in args))
    if len(names) < 2:
        return []
    first = next(a for a in args if a.name == names[0])
    return [(first, b) for b in args[1:] if b.name != first.name and accepts(p.object, b.kind)]


def _killing(verb, p: Predicate) -> Predicate:
    """'he was shot by a German sniper': an execution whose agent is a killer, not an authority
    (``data/events.yaml``: killers), is a death; 'President Lincoln was shot', with no agent,
    is only a shooting ('other:be_shot'); 'shot by a firing squad' stays an execution."""
    if p.name != "executed":
        return p
    by = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if any(g.lemma_.lower() in event_words()["killers"] for g in by):
        return schema().predicates["died"]
    if not by and verb.lemma_.lower() in event_words()["killing_verbs"] and verb.tag_ == "VBN":
        return open_predicate(OPEN_PREFIX + undergone(verb, verb.lemma_.lower()))
    return p


def undergone(verb, name: str) -> str:
    """The open label of an act told in the passive with no agent, its subject the one acted
    on: 'be_defeated' (read 'was defeated'), never 'defeat', which would say he defeated;
    `name` is the verb's label, whose particle it keeps ('cut_off': 'be_cut_off')."""
    rest = name.partition("_")[2]
    return "_".join(w for w in ("be", verb.lower_, rest) if w)


def _killer(verb, passive: bool) -> bool:
    """The active subject of a verb of killing ('he had killed or captured 5,000 Americans'):
    the killer, who did not die; no act of his stands alone."""
    return not passive and verb.lemma_.lower() in event_words()["killing_verbs"]


def _stray_agents(verb) -> list:
    """'was headed at the time of his memo by Alexander Sokaloff': the parser hangs the agent's
    'by' on the noun of a phrase between; a name there, after the common noun of the verb's
    own phrase, is the passive verb's agent."""
    return [q for c in verb.children if c.dep_ == "prep" and c.lower_ != "by"
            for p in c.children if p.dep_ == "pobj" and p.pos_ == "NOUN"
            for g in p.children if g.dep_ == "prep" and g.lower_ == "by" and g.i > p.i
            for q in g.children if q.dep_ == "pobj" and q.pos_ == "PROPN"]


def _without_containers(reader: SentenceReader, objects: list) -> list:
    """'lived in Minsk in the Soviet Union', 'died in Dallas, Texas': a place named right
    after another place, through the same preposition, is where the first one lies, not a
    second place of the act."""
    out = []
    for o in objects:
        prev = out[-1] if out else None
        if prev is not None and o.head.dep_ == "prep" and o.head.i == prev.right_edge.i + 1 \
                and o.head.lower_ == prev.head.lower_ and _is_place(reader, prev) and _is_place(reader, o):
            continue
        out.append(o)
    return out


def _is_place(reader: SentenceReader, tok) -> bool:
    a = reader.named(tok)
    return a is not None and a.kind == "place"


_ANYONE = {"anybody", "anyone", "nobody", "everybody", "everyone", "someone", "somebody"}


def _included(tok):
    """'contacted by anybody, including the Warren Commission': the one named among
    'anybody' is the agent the clause speaks of (its polarity holds for it too)."""
    if tok.lower_ not in _ANYONE:
        return tok
    named = [g for c in tok.children if c.lower_ in ("including", "like") for g in c.children if g.dep_ == "pobj"]
    return named[0] if len(named) == 1 else tok


def _for_employer(p: Predicate, b: Arg | None) -> Predicate:
    """'joined the Foreign Office' is a post there, 'joined the Party' a membership: the
    predicate a claim takes when its object is an employer (``data/events.yaml``)."""
    table = event_words()["employers"]
    if b is None or p.name not in table["recast"] or b.kind != "organisation":
        return p
    head = _head_word(b.name)
    return schema().predicates[table["recast"][p.name]] if head in table["heads"] else p


def _head_word(name: str) -> str:
    """A body's head word: 'Embassy' of 'Soviet Embassy, Mexico City' (a post named with its city)."""
    words = name.split(",")[0].split()
    return words[-1].lower() if words else ""


def _passive(verb) -> bool:
    """A passive clause; 'was arrested and executed': the second participle shares the voice."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    return (verb.dep_ == "conj" and (verb.tag_ == "VBN" or _done_to_only(verb)) and verb.head.i != verb.i
            and not any(c.dep_ in _SUBJ or c.dep_ in ("aux", "dobj") for c in verb.children)
            and _passive(verb.head))


def _done_to_only(verb) -> bool:
    """A past form the tagger read as a preterite ('was arrested in 1941 and hanged in 1944')
    of a verb that only acts on someone (a trigger of a predicate whose subject is the one
    acted on: hang, execute, arrest): with no subject or object of its own after a passive,
    it is a participle too. 'was denounced and confessed' keeps 'confessed' active."""
    return verb.tag_ == "VBD" and verb.lower_.endswith("ed") and any(
        p.patient_subject for p in triggers().get(verb.lemma_.lower(), ()))


def _own_passive(verb) -> bool:
    """The verb is passive by its own words, not only as a participle joined to a passive
    one: in 'was denounced in 1964 and confessed', 'confessed' may be active."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or verb.dep_ != "conj"


def unqualified(reader: SentenceReader, tok) -> bool:
    """The name stands for itself: no other name or adjective narrows it ('the Petrograd
    Cheka', 'a local Cheka' are branches, not the Cheka)."""
    own = reader.ctx.found.mention_at(reader.offset + tok.idx)
    for c in tok.children:
        if c.i > tok.i or c.dep_ not in ("compound", "amod", "nmod"):
            continue
        if c.text.rstrip(".") in titles() or c.text in titles():     # 'General Braxton Bragg'
            continue
        if c.dep_ == "amod" or reader.ctx.found.mention_at(reader.offset + c.idx) is not own:
            return own is not None and branch_name(reader.ctx.text, reader.offset, reader.ctx.found,
                                                   reader.ctx.kinds, tok, own) is not None   # the branch
    return True


def _blocking(reader: SentenceReader, p: Predicate, objects) -> list:
    """The prepositional objects that keep an act from standing alone: any that is not a date;
    for an act whose object is a place, only a named one ('was killed in the fighting', 'died
    in a car crash': the phrase names no place, the death stands)."""
    return [o for o in _undated(reader, objects) if reader.named(o) is not None
            or (p.object != "place" and not _rank_or_title(p, o))]


def _rank_or_title(p: Predicate, tok) -> bool:
    """'was promoted to brigadier general', 'appointed as military attache': a post told by a
    common noun names no body; the act of a career stands without it."""
    from .relation_nouns import relation_nouns      # (it imports this module)
    return p.family == "career" and tok.pos_ == "NOUN" and tok.text[:1].islower() and tok.head.lower_ in ("to", "as") \
        and tok.lemma_.lower() not in relation_nouns()   # 'assigned to a new handler': no post


def _undated(reader: SentenceReader, objects) -> list:
    """The prepositional objects that are not part of a time expression ('in 1938' is a date)."""
    dated = reader.dates_by_token()
    return [o for o in objects if o.i not in dated]


def arg_pairs(reader: SentenceReader, p: Predicate, subjects, objects) -> list[tuple[Arg, Arg]]:
    accepts = schema().kind_accepts
    pairs = []
    for s in _expand(subjects):
        a = reader.arg(s)
        if a is None or not accepts(p.subject, a.kind):
            continue
        for o in _expand(objects):
            b = reader.arg(o, "object")
            state = state_of(b.name, p.name) if b is not None and b.kind == "group" else None
            b = Arg(state, "place", b.penalty + 0.05, b.token) if state else b     # 'to the Soviets'
            if b is not None and b.name != a.name and (accepts(p.object, b.kind) or _a_place(p, b)):
                pairs.append((a, b))
    return pairs


def _a_place(p: Predicate, b: Arg) -> bool:
    """A body named for its building is a place one goes to ('went to the Soviet Embassy',
    'arrived at the Consulate'): its head word is listed in ``data/events.yaml``."""
    if p.object != "place" or b.kind != "organisation":
        return False
    return _building(b)


def _building(b: Arg) -> bool:
    head = _head_word(b.name)
    return head in event_words()["place_like_heads"]


def _lone(reader: SentenceReader, verb, p: Predicate, subjects) -> list[tuple[Arg, None]]:
    """'Cairncross died on 8 October 1995': an act that may stand without its object, when
    dated; or, undated, when what befell a named person ('Josef Jakobs ... was executed for
    espionage'): a person's death or arrest is a fact without its date, a body's dissolution
    without one says too little to keep."""
    if verb.lemma_ in words()["reporting_verbs"] and any(c.dep_ in ("ccomp", "xcomp") or said_through(verb, c)
                                                         for c in verb.children):
        return []               # 'admits that he was recruited', 'confessed to having been': what is said
    dated = reader.time_of(verb) is not None or reader.sentence_time(verb) is not None
    accepts = schema().kind_accepts
    return [(a, None) for a in map(reader.arg, _expand(subjects))
            if a and accepts(p.subject, a.kind) and (dated or a.kind == "person")]


def to_a_relation(verb, preds) -> bool:
    """A verb of a post (its predicates all of the career family) sends its subject to a person
    of a working relation ('assigned to another controller', 'transferred to a new handler':
    memos.yaml relation_nouns), not to a post. ('handed the files to his handler' is no post.)"""
    from .relation_nouns import relation_nouns
    return all(p.family == "career" for p in preds) and any(c.dep_ == "prep" and c.lower_ == "to" and any(
        p.dep_ == "pobj" and p.lemma_.lower() in relation_nouns() for p in c.children) for c in verb.children)


_CLAUSE_EDGE = {"conj", "relcl", "parataxis", "ccomp", "advcl", "csubj", "acl", "cc", "punct", "mark",
                "preconj"}


def clause_tokens(verb, *args) -> tuple[int, int]:
    """(first, last) token index of the verb's own clause and its arguments: the passage that
    makes the claim, not the whole sentence ('In 1936 he joined the Party and met Klugmann'
    gives two passages)."""
    keep = [verb]
    stack = [c for c in verb.children if c.dep_ not in _CLAUSE_EDGE]
    while stack:
        t = stack.pop()
        keep.append(t)
        stack.extend(t.children)
    for a in args:
        tok = getattr(a, "token", None)
        if tok is not None and tok.doc is verb.doc:
            keep.append(tok)
            keep += [t for c in tok.children if c.dep_ in _NAME_PARTS and c.i < tok.i for t in c.subtree]
    keep += _frame(verb)
    lo, hi = min(t.i for t in keep), max(t.i for t in keep)
    while hi > lo and verb.doc[hi].is_punct and verb.doc[hi].text not in ")]\"”'’":
        hi -= 1
    return lo, hi


_FRAMING = ("ccomp", "parataxis", "xcomp")
_NAME_PARTS = ("compound", "flat", "det", "amod", "nmod", "poss", "nummod")


def _frame(verb) -> list:
    """The words that frame a clause as someone's statement: the reporting verbs above it and
    their subjects ('Cairncross says [he did not know Burgess]'), so the passage shows who
    says so."""
    out, tok = [], verb
    while tok.dep_ in _FRAMING and tok.head.i != tok.i:
        tok = tok.head
        out.append(tok)
        out += [t for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree]
    return out


def clause_claims(reader: SentenceReader, verb, p: Predicate, pairs, penalty: float) -> list[Claim]:
    """One clause's claims of predicate p, one per (subject, object) pair, in the clause's voice
    (none when the voice drops it: a wish, a plan, a question) and dated by the clause or its
    sentence."""
    v = voice(verb, reader.speaker)
    if not pairs or v.dropped:
        return []
    when = reader.time_of(verb) or reader.sentence_time(verb)
    return [make_claim(reader, verb, p, a, b, v, penalty, v.denied, when=when, clause=True) for a, b in pairs]


def make_claim(reader: SentenceReader, verb, p: Predicate, a: Arg, b: Arg | None, v, penalty: float,
               denied: bool, when=None, clause: bool = False) -> Claim:
    """clause: the claim's passage is the verb's clause, not the whole sentence."""
    ctx = reader.ctx
    text = reader.doc.text
    lead = len(text) - len(text.lstrip())
    start, end = reader.offset + lead, reader.offset + len(text.rstrip())
    if clause or when is not None:
        lo, hi = clause_tokens(verb, a, b)
        first, last = reader.doc[lo], reader.doc[hi]
        start, end = reader.offset + first.idx, reader.offset + last.idx + len(last.text)
    ents = ctx.found.entities
    confidence = max(0.3, 0.85 - a.penalty - (b.penalty if b else 0.1) - penalty)
    used = {a.name, b.name} if b else {a.name}
    when = when if when is not None else reader.time_of(verb)
    if denied and when is not None and not_until(verb):      # 'was not recruited until 1947':
        denied, when = False, last_unit(when)                 # recruited in 1947, not before
    return Claim(
        source_id=ctx.source_id, start=start, end=end, quote=ctx.text[start:end],
        subject=a.name, predicate=p.name, object=b.name if b else None,
        time=when, place=reader.place_of(verb, used),
        polarity="denied" if denied else "affirmed", modality=v.modality,
        asserted_by=v.asserted_by, reported_by=v.reported_by, extracted_by=ctx.extracted_by,
        status="proposed", confidence=round(confidence, 2),
        subject_id=ents[a.name].id if a.name in ents else None,
        object_id=ents[b.name].id if b and b.name in ents else None)
