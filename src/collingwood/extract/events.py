"""Open events: a dated clause with a named participant that no predicate claimed.

The schema's readers (`claims`, `posts`, `nominals`) read the acts the detectors reason
about. Every other clause that tells something a named person or body did, or that was
done to them, at a time (the clause's own, its sentence's, or the narrative's current
time) is kept as an *open* claim ``other:<lemma>`` ('other:sign', 'other:set_up'): shown
in the chronology and the biographies, used by the detectors only through rules written
for open claims. A trigger of a schema predicate whose reader made nothing of the clause
('began to move in left-wing circles') is read the same way: the verb's own lemma, not a
predicate it may not mean.

The verbs that never tell an event (reporting, describing, classifying) and the
prepositions an object may come through are data: ``data/events.yaml``.
"""

from __future__ import annotations

import functools
import re

from ..model import OPEN_PREFIX, Claim, open_predicate, schema
from .act_senses import fits_subject, law_named_before, sense_of, sense_objects, written_name
from .attribution import voice, words
from .claims import Arg, SentenceReader, _passive, clause_tokens, make_claim, triggers, undergone
from .demonyms import state_of_adjective
from .event_words import event_words
from .known_verbs import known_verb
from .office_lists import encyclopaedia_words
from .misparsed import direct_objects
from .posts import noun_claims, office_head_as_adjective
from .recurring_names import NAME_LINKS

PENALTY = 0.25          # an open reading is less sure than a schema reader's
_ACTORS = ("person", "group", "organisation", "college", "place")


def _lemma(verb) -> str:
    lemma = verb.lemma_.lower()
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt" or (
        c.dep_ == "advmod" and c.lower_ in event_words()["particles"] and c.i == verb.i + 1)), None)
    return f"{lemma}_{particle}" if particle else lemma


def _object(reader: SentenceReader, verb, used: set[str]) -> Arg | None:
    """The first named direct object, else the first named object of an object preposition;
    a place only where the preposition gives the act's direction ('deported to Germany'): a
    place the act happens in is the claim's place, not its object."""
    preps = event_words()["object_preps"]
    dated = reader.dates_by_token()
    for c in verb.children:
        if c.dep_ in ("dobj", "dative") and c.i not in dated:
            a = reader.arg(c, "object") or _sojourn_place(reader, c) or _counted_persons(reader, c)
            if a is not None and a.name not in used:
                return a
    places, directions = [], event_words()["direction_preps"]
    for c in verb.children:
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ in preps:
            for p in c.children:
                if p.dep_ == "pobj" and p.i not in dated:
                    a = reader.arg(p, "object")
                    if a is not None and a.name not in used and a.kind != "place":
                        return a
                    if a is not None and a.name not in used and c.lower_ in directions:
                        places.append((c.lower_ == "from", a))
    if places and all(whence for whence, _ in places):
        places = _onward(reader, verb, used) + places
    places.sort(key=lambda fa: fa[0])          # 'retreated from X to Y': where it went, before whence
    return places[0][1] if places else None    # 'was deported to Germany', 'expelled from the Soviet Union'


def _onward(reader: SentenceReader, verb, used: set[str]) -> list:
    """'retreated from Nanjing to Taiwan' parsed with 'to' under 'from' or its object: the
    places of a direction phrase hung on the verb's 'from' phrase."""
    out = []
    for c in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"):
        heads = [c, *(p for p in c.children if p.dep_ == "pobj")]
        for g in (g for h in heads for g in h.children if g.dep_ == "prep" and g.lower_ in ("to", "into")):
            for p in (p for p in g.children if p.dep_ == "pobj"):
                a = reader.arg(p, "object")
                if a is not None and a.name not in used and a.kind == "place":
                    out.append((False, a))
    return out


def _acts_on_persons(verb) -> bool:
    """'the United States has charged 57 defendants': a reporting verb of a legal act
    (``events.yaml``: acts_on_persons) with a direct object and no clause of what was said."""
    return verb.lemma_.lower() in event_words()["acts_on_persons"] and any(
        c.dep_ == "dobj" for c in verb.children) and not any(c.dep_ in ("ccomp", "xcomp") for c in verb.children)


def _counted_persons(reader: SentenceReader, noun) -> Arg | None:
    """'charged at least 57 defendants': persons counted by a figure (``events.yaml``:
    counted_persons), the phrase as written from its first modifier ('at least') to the noun."""
    if noun.pos_ != "NOUN" or noun.tag_ != "NNS" or noun.lemma_.lower() not in event_words()["counted_persons"]:
        return None
    counts = [c for c in noun.children if c.dep_ == "nummod" and c.like_num and c.i < noun.i]
    if len(counts) != 1 or any(c.dep_ in ("prep", "relcl", "acl", "conj", "poss") for c in noun.children):
        return None
    lo = min(t.i for t in noun.subtree)
    span = noun.doc[lo:noun.i + 1]
    if any(t.pos_ in ("PUNCT", "PROPN", "PRON") for t in span) or len(span) > 6:
        return None
    return Arg(span.text, "thing", 0.2, noun)


def _sojourn_place(reader: SentenceReader, noun) -> Arg | None:
    """'had not enjoyed his stay in Russia': a time spent in a place (``events.yaml``:
    sojourn_nouns) stands for the place."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in event_words()["sojourn_nouns"]:
        return None
    for p in (g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("in", "at") for g in c.children
              if g.dep_ == "pobj"):
        a = reader.named(p)
        if a is not None and a.kind == "place":
            return Arg(a.name, a.kind, a.penalty + 0.1, p)
    return None


def _becoming(reader: SentenceReader, verb) -> str | None:
    """'became a citizen of X' -> 'become_citizen'; None where a post reader claims the noun
    ('became head of the NKVD' is headed)."""
    for c in verb.children:
        if c.dep_ in ("attr", "oprd") and c.pos_ == "NOUN":
            preds = triggers().get(c.lemma_.lower())
            if preds and noun_claims(reader, c, preds):
                return None
            return f"become_{c.lemma_.lower()}"
        if c.dep_ in ("acomp", "attr") and c.pos_ in ("ADJ", "VERB") and c.is_alpha:
            preds = triggers().get(c.lemma_.lower())
            if preds and office_head_as_adjective(c) and noun_claims(reader, c, preds):
                return None                             # 'became chief of X' (parsed as an adjective)
            return f"become_{c.lemma_.lower()}"       # 'became disillusioned with Moscow'
    return None


def _state_object(reader: SentenceReader, verb, used: set[str]) -> Arg | None:
    """The named object of the state a person came into: 'became disillusioned with Moscow',
    'grew suspicious of Philby' (a place may stand for its government here)."""
    for c in verb.children:
        if c.dep_ == "acomp":
            for prep in (g for g in c.children if g.dep_ == "prep" and g.lower_ in ("with", "of", "about")):
                for p in (g for g in prep.children if g.dep_ == "pobj"):
                    a = reader.arg(p, "object")
                    if a is not None and a.name not in used:
                        return a
    return None


def _bases(verb, lemma: str) -> set[str]:
    """The lemma, and the base forms its written inflection allows: the model's lemmatizer
    reads 'he hopes' as 'hop'; a verb that says nothing happened is refused under any of
    them ('hops', whose bases are no such verb, is still an act)."""
    w = verb.lower_
    if verb.tag_ == "VBZ" and w.endswith("s"):
        return {lemma, w[:-1], w[:-2]}
    if verb.tag_ in ("VBD", "VBN") and w.endswith("ed"):
        return {lemma, w[:-1], w[:-2]}
    if verb.tag_ == "VBG" and w.endswith("ing"):
        return {lemma, w[:-3], w[:-3] + "e"}
    return {lemma}


def open_claims(reader: SentenceReader, verb, trigger: bool = False) -> list[Claim]:
    """The open claim of one clause ('other:<lemma>'), or nothing. trigger: the verb is a
    schema trigger whose reader made no claim; where it refused a people or faction as the
    actor ('The Russians recruited Guy Burgess': a people is no recruiter), the open reading
    stays silent too; a body or a country acting ('The United States passed the Espionage
    Act') is read as an open event."""
    lemma = verb.lemma_.lower()
    t = event_words()
    sense = sense_of(verb, _lemma(verb))
    if sense is not None:
        name = sense.act                 # 'assumed control over X': the act the words name
    elif lemma in t["becoming_verbs"]:
        name = _becoming(reader, verb)
        if name is None:
            return []
    elif not lemma.isalpha() or any(x in t["not_events"] or x in t["mental_verbs"] for x in _bases(verb, lemma)) or (
            lemma in words()["reporting_verbs"] and not _acts_on_persons(verb)):
        return []
    elif not trigger and not known_verb(lemma):
        return []                        # 'so he exercsied caution': an OCR-broken word, no act
    else:
        name = _lemma(verb)
    if sense is None and _post_taken(verb):
        return []                   # 'was made chief of X', 'took command of Y': the post noun's reading
    doc = verb.doc
    if verb.whitespace_ == "" and verb.i + 1 < len(doc) and doc[verb.i + 1].text in ("-", "‐"):
        return []                   # 're-written': a prefix the tokenizer cut off, no verb
    g = reader.grammatical_subject(verb)
    if g is None:
        return []
    gtok, inherited, participle = g
    if gtok.pos_ == "PROPN" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in gtok.children):
        return []                   # 'a Stalin edited book': a name as a modifier, no actor
    if verb.head.i != verb.i and gtok in direct_objects(reader, verb.head):
        return []                   # 'calls X inquiring ...': X is called, the gerund is the caller's
    agent = _agent(reader, verb) if participle or _passive(verb) else None
    patient = reader.arg(gtok, "object" if agent is not None else "subject")   # "The _Red Terror_, implemented by"
    subject, obj = (agent, patient) if agent is not None else (patient, None)
    if agent is not None and patient is not None and _listed(agent.token) and _listed(gtok):
        return []                   # 'A, B and C were replaced by D, E, F and G': who did it to whom is not said
    if sense is not None and sense.swap and patient is None and (law := written_name(gtok)):
        patient = Arg(law, "thing", 0.1, gtok)
    if sense is not None and sense.swap and patient is None and (law := _law_again(reader, gtok)):
        patient = Arg(law, "thing", 0.15, gtok)                     # 'the act was used to prosecute X'
    others: list[Arg] = []
    if sense is not None and sense.swap and patient is not None:   # 'the Act was used against X':
        target = _sense_object(reader, verb, sense, {patient.name})  # X was prosecuted under it
        subject, obj = (target, patient) if target is not None else (None, None)
        if target is not None and sense.xcomp:                       # '... such as A, B, and C': each
            others = _sense_targets(reader, verb, sense, {patient.name, target.name})
    if subject is None or subject.kind not in _ACTORS:
        return []
    if not fits_subject(sense, subject.kind):      # 'he came to Moscow': no body's move of its seat
        if lemma in t["becoming_verbs"] or lemma in t["not_events"] or lemma in words()["reporting_verbs"] \
                or _post_taken(verb):
            return []
        sense, name = None, _lemma(verb)
    if agent is not None and patient is None and gtok.pos_ in ("PRON", "DET", "NUM"):
        return []                   # 'all were arrested by the FBI': who was acted on is not named here
    if sense is not None and sense.alone:
        obj = None                  # 'sent a letter of defection to Stalin': the act has no object
    if obj is None and sense is not None and not sense.alone and not sense.swap:
        obj = _sense_object(reader, verb, sense, {subject.name})
    if obj is None and (sense is None or (sense.prep is None and not sense.alone and not sense.swap)):
        obj = _object(reader, verb, {subject.name}) or (
            _state_object(reader, verb, {subject.name}) if lemma in t["becoming_verbs"] else None)
    if obj is None and sense is not None and sense.body:
        obj = _last_body(reader, verb)          # 'He did not enter on duty': at the body just named
    if obj is not None and obj.kind == "person" and lemma in t["perceiving_verbs"]:
        return []                   # 'he recognized Oswald when he heard the news': seeing, not doing
    if trigger and obj is not None and "group" in (subject.kind, obj.kind):
        return []                   # 'married a Russian': a people is no spouse, no recruit
    if trigger and obj is None and reader.time_of(verb) is None and \
            all(p.state and p.family == "career" for p in triggers().get(lemma, ())):
        return []                   # 'where he was working as a lecturer': a post held, dated by nothing of its own
    if sense is not None and sense.count and (obj is None or obj.kind != "person"):
        return []                   # 'saw the city twice': no meeting
    when = reader.time_of(verb) if sense is not None and sense.count else (
        reader.time_of(verb) or reader.sentence_time(verb) or reader.current_time(verb))
    # (a repeated act, 'saw him three times after he left Cuba', is no point of the story's time)
    if when is None and obj is None:
        return []                   # an undated event needs its two named participants
    if obj is None and _unnamed_person_object(verb):
        return []                   # 'we talked to her': the one it was done to is not known here
    v = voice(verb, reader.speaker)
    if v.dropped:
        return []
    p = _done_to(verb, subject, agent is None and (participle or _passive(verb))) if trigger else None
    if trigger and p is None and agent is None and obj is not None and obj.kind == "person" and obj.token is not None \
            and obj.token.dep_ == "dobj" and (q := _done_to(verb, obj, True)) is not None \
            and any(c.dep_ == "prep" and c.lower_ in q.preps for c in verb.children):
        p, subject, obj = q, obj, _titled_post(verb)   # 'Truman appointed Marshall as Secretary of
                                          # State': Marshall was appointed to that post (the appointer is no party)
    if p is not None and obj is None and p.object == "organisation":
        obj = _bare_post_body(reader, verb)     # 'Kedrov was appointed as head': of the body just named
    if p is not None and obj is None and p.name in t["posts_need_body"] and _post_of_unnamed(reader, verb):
        return []                   # 'was assigned head of that base': a post of no body named tells nothing to check
    idiom = _idiom(verb)
    if idiom is not None:
        p, obj = idiom, None
    if sense is not None and sense.act in schema().predicates:
        p = schema().predicates[sense.act]      # 'appeared before the committee': testified
        if obj is not None and obj.kind == "place" and not schema().kind_accepts(p.object, "place"):
            p, name = None, _lemma(verb)        # 'enlisted in Moscow': no body to be a member of
            obj = _object(reader, verb, {subject.name})
    if p is None and obj is None and sense is None and _unnamed_thing_object(reader, verb):
        return []                   # 'transferred its functions to the department': what was done, to what, untold
    if p is None and participle and agent is None and reader.time_of(verb) is None:
        return []                   # 'the Legion, equipped with biplanes, arrived': a modifier, no act of its own
    if p is None and sense is None and agent is None and verb.tag_ == "VBN" and (participle or _passive(verb)):
        name = undergone(verb, name)    # 'Burnside was defeated at Fredericksburg': what befell him
    p = p or open_predicate(OPEN_PREFIX + _sense(name, obj))
    no_object = any(c.dep_ == "dobj" and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
                    for c in verb.children)       # 'passed on no documents': nothing was passed
    return [make_claim(reader, verb, p, a, obj, v, inherited + PENALTY, v.denied or no_object, when=when,
                       clause=True) for a in [subject, *others]]


def _post_taken(verb) -> bool:
    """A verb of taking or conferring a post whose object or predicative is a post noun ('made
    chief of X', 'took command of Y', 'held the post of director'): the post's own reader tells it."""
    if verb.lemma_.lower() not in words()["post_verbs"]:
        return False
    table = triggers()
    return any(c.dep_ in ("dobj", "oprd", "attr") and c.pos_ in ("NOUN", "PROPN") and
               any(p.family == "career" for p in table.get(c.lemma_.lower(), ())) for c in verb.children)


def _unnamed_thing_object(reader: SentenceReader, verb) -> bool:
    """The verb's direct object is a common noun with a possessive or an 'of' phrase that names
    no one ('transferred its functions', 'invited the participation of the following'): an act
    on something of someone's, told without what or whose ('reviewed WISE's file' names him)."""
    for c in (c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"):
        owners = [g for g in c.children if g.dep_ == "poss"] + [
            p for g in c.children if g.dep_ == "prep" and g.lower_ == "of" for p in g.children if p.dep_ == "pobj"]
        if owners and not any(reader.named(t) or t.lower_ in ("his", "her") for o in owners for t in o.subtree):
            return True             # 'details of the Vladimir Cheka's tortures', 'his confession': someone's
    return False


def _unnamed_person_object(verb) -> bool:
    """The verb's object, direct or through an object preposition, is a person pronoun the
    reader could not name ('went to her', 'talked to him'): the act is half told."""
    preps = event_words()["object_preps"]
    objs = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    objs += [p for c in verb.children if c.dep_ == "prep" and c.lower_ in preps for p in c.children
             if p.dep_ == "pobj"]
    return any(o.lower_ in ("him", "her", "them") for o in objs)


BARE_POST_REACH = 250      # characters back: the body named in this sentence or the one before


def _post_of_unnamed(reader: SentenceReader, verb) -> bool:
    """'was assigned head of that base', '... as Branch 6 Chief': the verb's post noun (its
    object, or after 'as') is of a body (after 'of', or written before it) the sentence does
    not name; a bare 'as head' is read by `_bare_post_body`."""
    posts = [c for c in verb.children if c.dep_ in ("dobj", "oprd", "attr")]
    posts += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children if p.dep_ == "pobj"]
    heads = encyclopaedia_words()["office_heads"]
    bodies = [(p, o) for p in posts if p.lemma_.lower() in heads
              for o in [o for g in p.children if g.dep_ == "prep" and g.lower_ == "of"
                        for o in g.children if o.dep_ == "pobj"]
              + [c for c in p.children if c.dep_ in ("compound", "nmod") and c.i < p.i and c.pos_ in ("NOUN", "PROPN")]]
    return bool(bodies) and all(reader.named(o) is None for _, o in bodies)   # also 'as Branch 6 Chief'


def _listed(token) -> bool:
    """The token is one of a list of names ('A, B and C'): it heads conjuncts, is one, or
    follows the list's 'and'."""
    if token is None:
        return False
    before = token.left_edge.i - 1
    return token.dep_ == "conj" or any(c.dep_ == "conj" for c in token.children) or (
        before > 0 and token.doc[before].lower_ in ("and", "or") and token.doc[before - 1].text == ",")


def _titled_post(verb) -> Arg | None:
    """The post of 'as <Title>' when the title is written as a name, every word of it
    capitalised but its small linking words ('as Secretary of State', 'as Minister of the
    Interior'); 'as head', 'as a lecturer' name no post to check."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "as":
            for head in (g for g in c.children if g.dep_ == "pobj"):
                words = list(head.subtree)
                if words and words[0].is_title and all(w.is_title or w.lower_ in NAME_LINKS
                                                         for w in words) and not head.ent_type_ == "PERSON":
                    return Arg(verb.doc[words[0].i:words[-1].i + 1].text, "thing", 0.1, head)
    return None


def _bare_post_body(reader: SentenceReader, verb) -> Arg | None:
    """'... merged into one body, the Special Section of the Republic. Kedrov was appointed as
    head.': a head's post named bare ('as head', no 'of', no possessor) is the post of the body
    named last, within the sentence before."""
    heads = encyclopaedia_words()["office_heads"]
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "as":
            for p in (g for g in c.children if g.dep_ == "pobj"):
                if p.lemma_.lower() in heads and not any(g.dep_ in ("prep", "poss", "compound") for g in p.children):
                    at = reader.offset + verb.idx
                    last = reader.ctx.definites.nearest(at, BARE_POST_REACH)
                    if last is None or _body_word().search(reader.ctx.text, last[1], at):
                        return _unnamed_body(reader.ctx.text, last[1] if last else max(0, at - BARE_POST_REACH),
                                             at, p)     # 'a special commission was needed. X was
                    return Arg(last[0], "organisation", 0.2, p)    # appointed as Director': that body
    return None


def _last_body(reader: SentenceReader, verb) -> Arg | None:
    """The body named last, within the sentence before (`BARE_POST_REACH`)."""
    last = reader.ctx.definites.nearest(reader.offset + verb.idx, BARE_POST_REACH)
    return Arg(last[0], "organisation", 0.2, verb) if last is not None else None


@functools.cache
def _body_word() -> re.Pattern:
    return re.compile(rf"\b(?:{'|'.join(sorted(encyclopaedia_words()['body_words']))})s?\b")


@functools.cache
def _new_body_phrase() -> re.Pattern:
    """'a special commission', 'an investigative committee': a body brought in by an
    indefinite article, with at most two lower-case modifiers, not yet named."""
    heads = "|".join(sorted(encyclopaedia_words()["body_words"]))
    return re.compile(rf"\b(?:a|an)\s+((?:[a-z][a-z-]+\s+){{0,2}}?(?:{heads}))\b(?!\s+(?:of|for)\b)")


def _unnamed_body(text: str, lo: int, hi: int, tok) -> Arg | None:
    """The one unnamed body the text brought in between the body it named last and a bare
    post ('They decided that a special commission was needed. X was appointed as Director':
    X heads that commission): the phrase without its article, else None (two such bodies,
    or a body word that is no new body)."""
    found = [m for m in _new_body_phrase().finditer(text, lo, hi)]
    if len(found) != 1 or len(_body_word().findall(text, lo, hi)) != 1:
        return None
    words = found[0].group(1).split()
    if words[0] == "new":
        words = words[1:]
    return Arg(" ".join(words), "organisation", 0.3, tok)


def _sense_object(reader: SentenceReader, verb, sense, used: set[str]) -> Arg | None:
    """The named object an act sense points to: 'before Congress', 'over the government of
    X', 'access to Berlin'; an adjective of a state stands for it ('a Chinese prison')."""
    for tok in sense_objects(verb, sense):
        a = reader.arg(tok, "object")
        if a is None and tok.pos_ == "ADJ" and (state := state_of_adjective(tok.text)):
            force = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
            a = Arg(f"{tok.text} {force.text}", "organisation", 0.15, tok) if force is not None and \
                force.lemma_.lower() in encyclopaedia_words()["state_forces"] and force.i <= tok.head.i \
                else Arg(state, "place", 0.1, tok)     # 'under Indian police control': the police
        if a is not None and a.name not in used:
            return a
    return None


def _sense_targets(reader: SentenceReader, verb, sense, used: set[str]) -> list[Arg]:
    """Every further named person an act sense points to ('such as A, B, and C')."""
    out: list[Arg] = []
    for tok in sense_objects(verb, sense):
        a = reader.arg(tok, "object")
        if a is not None and a.kind == "person" and a.name not in used:
            used.add(a.name)
            out.append(a)
    return out


def _law_again(reader: SentenceReader, tok) -> str | None:
    """'the act', 'the law' as the subject: the law of that head word the text named last."""
    if tok.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) \
            or any(c.dep_ in ("compound", "amod", "prep") for c in tok.children):
        return None
    return law_named_before(reader.ctx.text, reader.offset + tok.idx, tok.lemma_.lower())


def _sense(name: str, obj: Arg | None) -> str:
    """The open label of a verb whose sense its object decides: 'passed the Espionage Act' is
    other:enact (``data/encyclopaedia.yaml``: object_senses, by the object's head word)."""
    if obj is None or not obj.name.split():
        return name
    words = obj.name.lower().split()
    while len(words) > 1 and (words[-1].isdigit() or words[-1] in ("of", "the")):
        words.pop()                    # 'Espionage Act of 1917' -> act
    head = words[-1]
    for sense in encyclopaedia_words()["object_senses"]:
        if sense["verb"] == name and head in sense["objects"]:
            return sense["lemma"]
    return name


def _done_to(verb, subject: Arg, passive: bool):
    """A trigger in the passive whose predicate's subject is the one acted on ('Kedrov was
    appointed as head', 'he was transferred'): that predicate, its object unnamed. Bodies
    acted on ('was created') are left to `claims.verb_claims`, which knows a branch from the body."""
    if not passive:
        return None
    accepts = schema().kind_accepts
    for p in triggers().get(verb.lemma_.lower(), ()):
        if p.dobj_is_subject and accepts(p.subject, subject.kind):   # (patient subjects: verb_claims)
            return p
    return None


def _idiom(verb):
    """'committed suicide', 'took his own life': the schema act the verb and its object name."""
    table = event_words()["idioms"]
    for c in verb.children:
        if c.dep_ == "dobj":
            name = table.get(f"{verb.lemma_.lower()} {c.lemma_.lower()}")
            if name:
                return schema().predicates[name]
    return None


def _agent(reader: SentenceReader, verb) -> Arg | None:
    """The named agent of a passive verb ('was sent back by the Soviets')."""
    for c in verb.children:
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    return reader.arg(p, "object")
    return None


__all__ = ["clause_tokens", "open_claims"]
