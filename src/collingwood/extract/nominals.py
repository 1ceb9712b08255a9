"""Nouns that name an act: 'the death of Stalin in 1953', 'Germany's invasion of Poland',
'the creation of the Cheka by Sovnarkom'.

Which predicate a noun names, and which slot its 'of' object, its 'by' object and its
possessor fill, come from the `nominals` entry of each predicate in
``schema/predicates.yaml``. The act is presupposed by the sentence ('after the death of
Stalin' states that Stalin died), so the clause's modal or negation does not touch it;
its speaker does ('Martin says that after the arrest of ...'). A planned, attempted or
feared act is no act: 'the planned invasion of Britain' gives nothing. A claim without
its second argument ('the death of X') is proposed only for predicates that may stand
alone, and only when dated (by its own noun phrase, else by its clause), or when the act
is the time anchor of its clause ('until after his death', 'signed in July 1953 after the death of
Stalin'): a clause dated by an act states that the act took place, and the clause's time
bounds it on one side (the death was on or before July 1953); undated, the anchor of a
person's own act or lot may stand undated.
"""

from __future__ import annotations

import functools

from ..model import Claim, Predicate, schema
from ..timespan import bound, shifted
from .act_anaphora import given_in_record, taken_up
from .attribution import negated, voice, words
from .office_lists import encyclopaedia_words
from .speech_scenes import scene_roles
from .claims import POSSESSIVES, Arg, SentenceReader, arg_pairs, make_claim, unqualified

# A preposition whose object act took place whatever the clause around it says: 'offered
# comments during his visit', 'resigned after his arrest'.
PRESUPPOSING_PREPS = {"during", "after", "following", "since", "upon", "throughout"}
PENALTY = 0.1          # a noun phrase is read with less certainty than a clause
# A preposition that makes an act noun the time anchor of its clause, and on which side of
# the clause's time the act lies: 'after his death' -> the death is on or before it.
ANCHOR_PREPS = {"after": "ON_OR_BEFORE", "following": "ON_OR_BEFORE", "since": "ON_OR_BEFORE",
                "before": "ON_OR_AFTER", "until": "ON_OR_AFTER", "till": "ON_OR_AFTER"}


@functools.cache
def nominal_table() -> dict[str, tuple[Predicate, ...]]:
    """Noun lemma -> the predicates it names (from the schema, never from code)."""
    out: dict[str, list[Predicate]] = {}
    for p in schema().predicates.values():
        for word in (p.nominals or {}).get("words", ()):
            out.setdefault(word, []).append(p)
    return {k: tuple(v) for k, v in out.items()}


def _not_a_fact(noun) -> bool:
    """'the planned invasion', 'plans for the invasion of', 'an attempt at the arrest of',
    'talks about the invasion', 'arrested for the murder of X'."""
    unreal = words()["nonfactual_words"]
    if any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in unreal for c in noun.children):
        return True
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        if head.lower_ in words()["topic_preps"] and head.i > head.head.i \
                and head.head.lemma_.lower() not in words()["grounding_verbs"]:
            return True                 # 'approved the draft on the establishment of X' ('based on his
        if head.lower_ in PRESUPPOSING_PREPS:
            return False                # 'offered comments during his visit to Prague': the visit took place
        head = head.head                # enlistment in the Marines' is a ground: a fact)
    if head.i != noun.i and head.pos_ == "NOUN" and head.lemma_.lower() in unreal:
        return True
    if head.i != noun.i and head.pos_ in ("VERB", "AUX"):     # 'prevented his arrest', 'never took place'
        return head.lemma_.lower() in words()["nonfactual_governors"] or negated(head)
    return False


def _clause(noun):
    tok = noun
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _slots(reader: SentenceReader, noun, p: Predicate) -> dict[str, list]:
    roles = p.nominals or {}
    slots: dict[str, list] = {"subject": [], "object": []}
    of = any(c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" for g in c.children)
             for c in noun.children)
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "by") and c.lower_ in roles:
            slots[roles[c.lower_]] += [g for g in c.children if g.dep_ == "pobj"]
        elif c.dep_ == "agent" and "by" in roles:
            slots[roles["by"]] += [g for g in c.children if g.dep_ == "pobj"]
        elif c.dep_ == "poss" and "poss" in roles and (c.pos_ != "PRON" or c.lower_ in POSSESSIVES | {"my"}):
            role = roles["poss"]
            if of and roles.get("of") == role:      # 'her interrogation of Brandt': the 'of'
                role = "subject" if role == "object" else "object"   # phrase has the patient, she acts
            slots[role].append(c)
    if "by" in roles and not slots[roles["by"]]:
        slots[roles["by"]] = _by_hung_on_verb(noun)
    if not slots["subject"] and not slots["object"] and "by" in roles and ("poss" in roles or "of" in roles):
        speaker, heard = scene_roles(noun)        # 'in an interview on 1 March, he tells Martin'
        if speaker and heard:
            slots[roles.get("poss") or roles["of"]], slots[roles["by"]] = speaker, heard
    if not slots["object"] and p.object not in ("none",):
        slots["object"] = [o for o in reader.prep_objects(noun, p.preps) + _hung_on_verb(noun, p.preps)
                           if o.i not in reader.dates_by_token()]
    if "by" in roles and not slots[roles["by"]]:
        slots[roles["by"]] = _enactor(noun)
    return {k: [t for t in v if unqualified(reader, t)] for k, v in slots.items()}


def _hung_on_verb(noun, preps) -> list:
    """'documents that showed his membership in the Party': the small parser hangs the
    preposition right after an act noun that is a verb's direct object on the verb; it is the
    noun's ('showed ... in the Party' says nothing). Only the preposition next to the noun."""
    doc = noun.doc
    nxt = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    if noun.dep_ != "dobj" or nxt is None or nxt.dep_ != "prep" or nxt.head.i != noun.head.i \
            or nxt.lower_ not in preps or any(c.dep_ == "prep" for c in noun.children):
        return []
    return [c for c in nxt.children if c.dep_ == "pobj"]


def _by_hung_on_verb(noun) -> list:
    """'describes his recruitment by Moscow': the small parser hangs the 'by' right after an
    act noun that is a verb's direct object on the active verb; with a name after it, it is
    the act's agent (the verb is active: its own agent would need a passive)."""
    doc = noun.doc
    nxt = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    if noun.dep_ != "dobj" or nxt is None or nxt.lower_ != "by" or nxt.dep_ not in ("prep", "agent") \
            or nxt.head.i != noun.head.i or any(c.dep_ == "auxpass" for c in noun.head.children):
        return []
    return [g for g in nxt.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]


def _told(noun) -> bool:
    """'he describes his recruitment by Moscow', 'she recalls her arrest', 'he denied his
    recruitment by X': an act noun that is the object of a verb of telling is the teller's
    account, affirmed or denied as the verb says."""
    w = words()
    return noun.dep_ == "dobj" and noun.head.lemma_ in w["reporting_verbs"] \
        and w["reporting_verbs"][noun.head.lemma_] in ("reported", "admitted") \
        and noun.head.lemma_.lower() not in encyclopaedia_words()["enacting_verbs"]   # 'confirmed the creation'


def _enactor(noun) -> list:
    """'Sovnarkom officially confirmed the creation of the Cheka', 'the council decreed the
    dissolution of X': the subject of a verb that enacts the act (``data/encyclopaedia.yaml``:
    enacting_verbs) is its actor, the act's 'by' slot."""
    if noun.dep_ != "dobj" or noun.head.lemma_.lower() not in encyclopaedia_words()["enacting_verbs"]:
        return []
    return [c for c in noun.head.children if c.dep_ == "nsubj"]


def _anchor(noun):
    """(the clause, the side) when the act noun dates its clause: 'X was lost on the FBI until
    after his death', 'signed in July 1953 after the death of Stalin'; not 'the year after his
    death' (the preposition hangs on a noun) nor 'the period before the invasion'."""
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep" or noun.head.lower_ not in ANCHOR_PREPS:
        return None
    side, gov = ANCHOR_PREPS[noun.head.lower_], noun.head.head
    while gov.dep_ == "prep" and gov.lower_ in ANCHOR_PREPS and gov.head.i != gov.i:
        gov = gov.head                      # 'until after his death'
    return (gov, side) if gov.pos_ in ("VERB", "AUX") else None


def _act_time(reader: SentenceReader, noun, anchor):
    """The time in the act noun's own phrase; else, for an anchor, the side of its clause's
    time the act lies on; else the time of its clause ('his move to MI6 was, in 1943, a
    relief'); else None."""
    own = reader.time_of(noun)
    if own is not None:
        return own
    conducting = encyclopaedia_words()["conducting_participles"]
    ofs = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    for c in (c for t in [noun, *ofs] for c in t.children):   # 'his debriefing, conducted over four
        if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in conducting \
                and (own := reader.time_of(c)) is not None:   # weeks in January 1940'
            return own
    apart = _units_apart(reader, noun) if noun.dep_ == "pobj" else None
    if apart is not None:
        return apart
    if noun.dep_ == "pobj" and noun.head.lower_ in ANCHOR_PREPS and anchor is None:
        return None                     # 'in 1984, the year after his death': not 1984 (1983: above)
    clause_time = reader.time_of(anchor[0] if anchor else _clause(noun))
    if clause_time is None or clause_time.open_start or clause_time.open_end:
        return None                     # 'a former officer': a vague past dates nothing
    return bound(clause_time, anchor[1]) if anchor else clause_time


_UNITS = {"year": "year", "month": "month", "day": "day", "week": "day"}
_NUMBERS = {"a": 1, "an": 1, "the": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def _units_apart(reader: SentenceReader, noun):
    """'in 1984, the year after his death', 'on 5 May, two days before his arrest': a time
    stated beside a count of units before or after the act dates the act itself (1983; 7 May).
    None unless the stated time is of the unit's own granularity."""
    prep, unit = noun.head, noun.head.head
    if prep.dep_ != "prep" or prep.lower_ not in ("after", "before"):
        return None
    if unit.pos_ != "NOUN" or unit.lemma_.lower() not in _UNITS:      # 'seen on 5 May, two days before
        unit = next((c for c in prep.children if c.dep_ == "npadvmod" and c.pos_ == "NOUN"    # her arrest'
                     and c.lemma_.lower() in _UNITS), None)
        if unit is None:
            return None
    by_token = reader.dates_by_token()
    left = unit.i - 1
    while left >= 0 and (reader.doc[left].is_punct or reader.doc[left].dep_ in ("det", "nummod")):
        left -= 1
    base = by_token.get(left) if left >= 0 else None
    grain = _UNITS[unit.lemma_.lower()]
    if base is None or base.granularity != grain:
        return None
    count = [c for c in unit.children if c.dep_ in ("nummod", "det")]
    n = _NUMBERS.get(count[0].lower_) if count else 1
    if n is None and count and count[0].like_num and count[0].text.isdigit():
        n = int(count[0].text)
    if n is None:
        return None
    n *= 7 if unit.lemma_.lower() == "week" else 1
    n = -n if prep.lower_ == "after" else n
    first = min([c.i for c in count] + [unit.i])
    return shifted(base, n, reader.doc[first:noun.i + 1].text)


def _named_actor(reader: SentenceReader, noun, p: Predicate) -> bool:
    """'the arrest of X by the FBI': the actor is named, so the act is another predicate's
    claim (arrested), not one that stands alone (detained)."""
    roles = p.nominals or {}
    if "by" in roles:
        return False
    return any(reader.named(g) for c in noun.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"
               for g in c.children if g.dep_ == "pobj")


def nominal_claims(reader: SentenceReader, noun, preds) -> list[Claim]:
    if _not_a_fact(noun):
        return []
    anchor = _anchor(noun)
    when = _act_time(reader, noun, anchor)
    out = []
    for p in preds:
        slots = _slots(reader, noun, p)
        if not slots["subject"]:
            pairs = _taken_up(reader, noun, p)        # 'the Harlan meetings': the act just told
            if not pairs:
                continue
        else:
            pairs = list(arg_pairs(reader, p, slots["subject"], slots["object"]))
        if not pairs and not slots["object"] and p.lone and (when is not None or anchor is not None) \
                and not _named_actor(reader, noun, p):
            accepts = schema().kind_accepts
            pairs = [(a, None) for a in map(reader.arg, slots["subject"]) if a and accepts(p.subject, a.kind)
                     and (when is not None or a.kind == "person")]
        if not pairs:
            continue
        v = voice(noun if _told(noun) else _clause(noun), reader.speaker)
        if v.speakers and v.dropped and not (v.dropped.startswith("modal") and given_in_record(noun)):
            return []                         # an unresolved or negated speaker
        v.modality = v.modality if any(v.speakers) else "asserted"
        denied = v.denied if _told(noun) else False    # an act presupposed, unless it is what is told
        made = [make_claim(reader, noun, p, a, b, v, PENALTY, denied, when=when) for a, b in pairs]
        for c in made:
            key = (noun.lemma_.lower(), p.name, c.object)
            earlier = reader.ctx.acts.get(key)
            if earlier is not None and not slots["subject"] and earlier[0] == c.subject \
                    and earlier[1].time is None and c.time is not None:
                reader.ctx.superseded.add(earlier[1].id)     # the act told again, now dated
            if c.object is not None:
                reader.ctx.acts[key] = (c.subject, c)
        out += made
    return out


def _taken_up(reader: SentenceReader, noun, p: Predicate) -> list[tuple[Arg, Arg | None]]:
    up = taken_up(noun, reader.named, reader.ctx.acts, p.name)
    if up is None:
        return []
    subject, (tok, other) = up
    return [(Arg(subject, "person", 0.2, noun), Arg(other, "person", 0.2, tok))] if subject != other else []
