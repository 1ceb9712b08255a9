"""Post nouns -> claims: 'X was a member of Y', 'X, a GRU officer, ...', 'the first head
of Y was X', 'X took command of Y', 'Y came under the control of X'.

A noun trigger of a predicate (``schema/predicates.yaml``) makes a claim when it holds a
role in its clause that ties it to a named subject: after a copula, in apposition to a
name, as the subject of an inverted copula, as the object of a verb that takes up a post
('took command of'), as a predicative ('was made commander of'), after 'under', after
'as' on a noun of tenure with a possessor ("Cairncross's time as head of X": the
possessor holds the post) or after 'as' before a clause's verb ('As head of the NKVD,
Beria ordered ...': the clause's subject holds it). The
body comes through the noun's prepositions or a name before it ('a former KGB officer').
A title written with a capital ('Chairman of the House Committee', 'THEN KGB STATION
CHIEF') is read like the common noun, unless it is part of a name itself. The head of a
sub-unit named before it ('the KGB station chief') does not head the body that names the
unit: that post gives no `headed` claim.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Claim, schema
from ..timespan import bound
from .attribution import voice, words
from .claims import COPULAS, Arg, SentenceReader, arg_pairs, make_claim, triggers
from .entities import body_heads
from .envoy_posts import envoy_post
from .office_lists import encyclopaedia_words
from .post_lines import deputy_predicate, focus_words
from .unit_posts import then_time, unit_object


def _noun_role(noun):
    """The clause role of a noun trigger: 'attr', 'appos', 'named' (the post's holder in
    apposition: 'the head of X, Y,') or 'subject' (copula inverted: 'the first head of X
    was Y'); a conjunct takes its head's role ('a journalist and
    former member of Y'). Returns (role, the noun that holds it) or (None, None)."""
    named = [c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > noun.i]
    if len(named) == 1 and noun.tag_ in ("NN", "NNP") and not _det_possessive(noun):
        return "named", named[0]             # 'the head of the NKVD, Lavrentiy Beria, ...'
    holder = noun
    while holder.dep_ == "conj" and holder.head.i != holder.i and holder.head.pos_ in ("NOUN", "PROPN"):
        holder = holder.head
    if holder.dep_ == "attr" and holder.head.lemma_ in COPULAS or office_head_as_adjective(holder):
        return "attr", holder
    if holder.dep_ == "pobj" and holder.head.lower_ == "under" and holder.head.head.pos_ in ("VERB", "AUX"):
        return "under", holder               # 'the Committee came under the control of Robespierre'
    if (holder.dep_ == "dobj" and holder.head.lemma_ in words()["post_verbs"]) or holder.dep_ == "oprd":
        return "attr", holder                # 'took command of X', 'was made commander of X'
    if holder.dep_ == "appos" and holder.head.pos_ == "PROPN" and not any(
            c.dep_ == "advmod" and c.lower_ in focus_words() for c in holder.children):   # not 'he, the station chief'
        return "appos", holder               # ('According to X, even the General Secretary ...' is no apposition)
    if holder.dep_ == "pobj" and holder.head.lower_ == "as" and holder.head.dep_ == "prep":
        gov = holder.head.head
        if gov.pos_ == "NOUN" and gov.lemma_.lower() in words()["tenure_nouns"] \
                and any(c.dep_ == "poss" for c in gov.children):
            return "tenure", gov             # "Cairncross's time as head of X", 'his career as a KGB officer'
        if gov.pos_ in ("VERB", "AUX") and holder.head.i < gov.i and gov.lemma_.lower() not in triggers():
            return "as", gov                 # 'As head of the NKVD, Beria ordered ...'
        if gov.pos_ == "VERB" and holder.head.i > gov.i and gov.lemma_.lower() in words()["staying_verbs"]:
            return "staying", gov            # 'Dzerzhinsky remained as chief of the new organization'
        if gov.pos_ == "VERB" and holder.head.i > gov.i and gov.lemma_.lower() in words()["succession_verbs"]:
            return "as", gov                 # 'Beria succeeded Yezhov as head of the NKVD'
    if holder.dep_ == "pobj" and holder.head.lower_ in ("while", "when") and holder.head.dep_ == "prep" \
            and holder.head.head.pos_ in ("VERB", "AUX"):
        return "as", holder.head.head        # 'He supplied documents ... while a wartime agent for MI5'
    if holder is noun and noun.dep_ == "nsubj" and noun.head.lemma_ == "be" and noun.tag_ in ("NN", "NNP") \
            and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return "subject", noun
    return None, None


def office_head_as_adjective(tok) -> bool:
    """'he was chief of X', 'became chief of Y': an office head the parser tags as an adjective
    complement of the copula; it holds the post as the noun would ('was head of X')."""
    return tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "attr") and tok.head.lemma_ in COPULAS \
        and tok.lemma_.lower() in encyclopaedia_words()["office_heads"] \
        and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)


def _compound_names(reader: SentenceReader, noun, deep: bool = True) -> list:
    """Named modifiers of a post: 'a former KGB officer', 'a CIA counterintelligence officer',
    'an ex-GRU agent' (compounds, and adjective-tagged names, one level down unless not
    `deep`: the chief of a 'KGB station' heads the station, not the KGB)."""
    out = []
    for c in noun.children:
        if c.dep_ in ("compound", "amod") and c.i < noun.i:
            if reader.named(c):
                out.append(c)
            elif c.dep_ == "compound" and deep:
                out += [g for g in c.children if g.dep_ in ("compound", "amod") and reader.named(g)]
    return out


def _a_holder(named: Arg) -> bool:
    """The name compounded with a post made or named ('made Ulysses Grant commander of X') is
    its holder: a person, or a name the NER took for a body though no body word heads it."""
    return named.kind == "person" or (named.kind == "organisation" and named.name.split()[-1] not in body_heads())


def _possessor_bodies(reader: SentenceReader, noun) -> list:
    """'the CIA's deputy director of operations', "MI6's chief": a body named as the post's
    possessor is the body of the post (a person so named is an employer: `_employer`)."""
    out = []
    for c in noun.children:
        if c.dep_ == "poss" and c.pos_ == "PROPN" and (a := reader.named(c)) is not None and a.kind == "organisation":
            out.append(c)
    return out


def noun_claims(reader: SentenceReader, noun, preds) -> list[Claim]:
    """'X was a member of Y', 'X, a friend of Y, ...', 'the head of Y was X'."""
    if noun.pos_ == "PROPN" and reader.named(noun) is not None:
        return []                       # 'Director of Central Intelligence' named as a body
    role, holder = _noun_role(noun)
    if noun.lemma_.lower() in words()["copular_posts"] and (role != "attr" or holder.dep_ != "attr"):
        return []                       # 'as part of a re-organisation of the Red Army'
    if role == "subject":           # 'The first head of the 4th Directorate was Janis Berzin'
        clause = noun.head
        attrs = [c for c in clause.children if c.dep_ == "attr" and c.pos_ == "PROPN"]
        if len(attrs) != 1 or (_det_possessive(noun) and reader.ctx.topic_body is None):
            return []
        subject, penalty = attrs[0], 0.05
    elif role == "attr":
        clause = holder.head
        g = reader.grammatical_subject(clause)
        dobjs = [c for c in clause.children if c.dep_ == "dobj"] if holder.dep_ == "oprd" else []
        if g is None or len(dobjs) > 1:
            return []
        subject, penalty = (dobjs[0], 0.1) if dobjs else (g[0], g[1] + 0.05)   # 'made him commander
        names = [c for c in holder.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if not dobjs and holder.dep_ in ("oprd", "dobj") and names and \
                (named := reader.arg(names[-1], "object")) is not None and _a_holder(named):
            subject, penalty = names[-1], 0.15   # 'named Heinrich Himmler chief of X': the name a compound
    elif role in ("appos", "named"):
        subject, clause = (holder.head, holder.head) if role == "appos" else (holder, noun)
        penalty = 0.05
        while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head
    elif role == "tenure":
        (poss,) = [c for c in holder.children if c.dep_ == "poss"][:1]
        subject, clause, penalty = poss, _clause_of(holder), 0.1
    elif role in ("as", "staying"):
        g = reader.grammatical_subject(holder)
        if g is None:
            return []
        subject, clause, penalty = g[0], holder, g[1] + 0.1
    elif role == "under":
        return _under_claims(reader, holder, preds)
    else:
        return []
    out = []
    for p in preds:                     # 'a member of the CPGB', 'a former KGB officer'
        abroad = _envoy_pairs(reader, p, subject, noun)   # 'X, the American ambassador to Y'
        pairs = abroad or _unit_pairs(reader, p, subject, noun) or \
            arg_pairs(reader, p, [subject], reader.prep_objects(noun, (*p.preps, "of"))) or \
            arg_pairs(reader, p, [subject], _compound_names(reader, noun, deep=p.name != "headed")) or \
            arg_pairs(reader, p, [subject], _possessor_bodies(reader, noun)) or \
            _topic_pairs(reader, p, subject, noun, role)
        own = _employer(reader, noun, subject) if not pairs else None
        if own:                             # "Cairncross's time as Hankey's private secretary (1940-1942)"
            pairs = [own]
        if not pairs:
            continue
        v = voice(clause, reader.speaker)
        if v.dropped:
            return []
        denied = v.denied if role in ("attr", "subject") else False
        if role in ("appos", "named") and v.modality == "hedged" and not any(v.speakers):
            v = replace(v, modality="asserted")     # 'X, brother of Y, may have wished': a given
        for a, b in pairs:
            title = [t.text for t in noun.children if t.dep_ in ("compound", "amod") and t.i < noun.i]
            held = deputy_predicate(p.name, title, b.name if b else None)   # 'vice chairman of X'
            c = make_claim(reader, clause, schema().predicates[held] if held != p.name else p, a, b, v, penalty,
                           denied)
            if role == "staying" and c.time is None and (now := reader.current_time(clause)) is not None:
                c.time = bound(now, "ON_OR_AFTER")    # 'remained as chief': held on from the story's time
            if role in ("appos", "named", "tenure"):   # 'X, a GRU officer who ... in 1959': the role is undated
                c.time, c.place = (reader.time_of(noun) if own else
                                   role == "tenure" and tenure_time(reader, holder) or then_time(reader, noun)
                                   or (phrase_time(reader, noun) if abroad else None)), None
                # unless the post's own, the tenure's ('his job as X from 1961 to 1963') or 'then' (the time
                # the sentence tells of)
            out.append(c)
        break
    return out


_SPAN_PREPS = ("from", "between")
_CLAUSES = ("relcl", "acl", "advcl", "ccomp", "xcomp", "appos")


def phrase_time(reader: SentenceReader, noun):
    """The one time written in a post's own phrase ('the American ambassador to the Soviet Union
    from 1943 to 1946'), not in a clause hung on it ('... who met Churchill in 1941'), or None."""
    spans = reader.dates_by_token()
    level, found = [noun], []
    while level:
        found += [spans[t.i] for t in level if t.i in spans and all(f is not spans[t.i] for f in found)]
        level = [c for t in level for c in t.children if c.dep_ not in _CLAUSES and c.i > noun.i]
    return found[0] if len(found) == 1 else None


def tenure_time(reader: SentenceReader, tenure):
    """The time of a tenure noun ('his job as Chief of X from 1961 to 1963'): a date in its
    phrase after it, or a span ('from ... to', 'between ... and') that the parser hung on the verb above
    but that follows the phrase at once: nothing else stands between them to take it."""
    spans = reader.dates_by_token()
    inside = [i for i in range(tenure.i + 1, tenure.right_edge.i + 1) if i in spans]   # ('In 1940 his time
    # as a member ... ended': a date before the noun tells when the tenure ended, not its span)
    if inside:
        return spans[inside[0]]
    after = tenure.right_edge.i + 1
    if after >= len(tenure.doc):
        return None
    prep = tenure.doc[after]
    if prep.lower_ in _SPAN_PREPS and prep.dep_ == "prep" and prep.head in tenure.ancestors:
        return reader.time_of(prep)
    return None


def _employer(reader: SentenceReader, noun, subject):
    """'Hankey's private secretary': a post that a person's possessive names the employer of
    (`personal_posts` in ``reporting.yaml``): (holder, employer), or None."""
    if noun.lemma_.lower() not in words()["personal_posts"]:
        return None
    holder = reader.arg(subject)
    for c in noun.children:
        if c.dep_ == "poss" and c.pos_ == "PROPN":
            boss = reader.named(c)
            if holder is not None and boss is not None and boss.kind == "person" and boss.name != holder.name \
                    and holder.kind == "person":
                return holder, boss
    return None


def _under_claims(reader: SentenceReader, noun, preds) -> list[Claim]:
    """'X came under the leadership of Y': the post's holder is the 'of' object, the body
    is the clause's subject (the roles of 'Y was the leader of X', read the other way)."""
    clause = noun.head.head
    g = reader.grammatical_subject(clause)
    if g is None:
        return []
    holders = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
               for p in c.children if p.dep_ == "pobj"]
    for p in preds:
        pairs = arg_pairs(reader, p, holders, [g[0]])
        if not pairs:
            continue
        v = voice(clause, reader.speaker)
        if v.dropped:
            return []
        return [make_claim(reader, clause, p, a, b, v, g[1] + 0.1, v.denied) for a, b in pairs]
    return []


def _clause_of(tok):
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _topic_pairs(reader: SentenceReader, p, subject, noun, role) -> list:
    """'Simon Aralov was its first head', in an article about a body: 'its' is the article's
    topic body (`topic`), read only after a copula ('X was its head', 'its head was X')."""
    body = reader.ctx.topic_body
    if body is None or role not in ("attr", "subject") or not any(
            c.dep_ == "poss" and c.lower_ == "its" for c in noun.children):
        return []
    a = reader.arg(subject)
    if a is None or not schema().kind_accepts(p.subject, a.kind) or not schema().kind_accepts(p.object, "organisation"):
        return []
    return [(a, Arg(body, "organisation", 0.2, noun))]


def _envoy_pairs(reader: SentenceReader, p, subject, noun) -> list:
    """'X, the American ambassador to the Soviet Union': an envoy serves at his state's post
    there (`envoy_posts`); 'the deputy chief of mission in Moscow' too."""
    if p.name not in ("worked_at", "headed"):
        return []
    a = reader.arg(subject)
    post = envoy_post(reader, noun) if a is not None and a.kind == "person" else None
    return [(a, post)] if post is not None else []


def _unit_pairs(reader: SentenceReader, p, subject, noun) -> list:
    """'X, then KGB station chief in Mexico City': the head of a service's unit heads the unit
    (`unit_posts`)."""
    if p.name != "headed":
        return []
    a, unit = reader.arg(subject), unit_object(reader, noun)
    return [(a, unit)] if a is not None and unit is not None and a.kind == "person" else []


def _det_possessive(noun) -> bool:
    """'its first head', 'his deputy': the post's body is a pronoun, not named here."""
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children)
