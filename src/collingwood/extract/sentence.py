"""One parsed sentence -> its claims: verb clauses, post nouns and act nouns.

`claims` reads clauses ('Klugmann recruited him in 1937'), `posts` post nouns ('X, a
member of Y'), `nominals` nouns that name an act ('the death of Stalin in 1953'), `events`
every other dated clause with a named participant (an open claim 'other:<lemma>'). A
claim found twice (the same id) is kept once.
"""

from __future__ import annotations

from ..model import OPEN_PREFIX, Claim, open_predicate
from .applicants import applicant_claims, applicant_nouns
from .attempts import attempt_claims
from .claims import SentenceReader, to_a_relation, triggers, verb_claims
from .conversations import conversation_claims
from .denials import denial_claims
from .marital_state import married_state_claims
from .events import open_claims
from .exits import exit_claims
from .legal_status import legal_status_claims
from .nominals import nominal_claims, nominal_table
from .postings import posting_claims
from .posts import noun_claims, office_head_as_adjective
from .predicatives import predicative_claims, predicative_verbs
from .presence import presence_claims
from .relation_nouns import relation_claims, relation_nouns, role_nouns
from .renames import rename_claims
from .story_person import former_post_claims
from .successions import succession_claims
from .turned_agents import turned_claims
from .works import work_claims


def read_sentence(reader: SentenceReader) -> list[Claim]:
    table, acts, predicative = triggers(), nominal_table(), predicative_verbs()
    out: dict[str, Claim] = {}
    for tok in reader.doc:
        lemma = tok.lemma_.lower()
        made: list[Claim] = []
        if tok.pos_ == "VERB" and _modifier_misparse(tok):
            pass
        elif tok.pos_ == "VERB" and lemma in predicative and (made := predicative_claims(reader, tok)):
            pass
        elif tok.pos_ == "VERB" and lemma in table:
            made = (verb_claims(reader, tok, table[lemma]) + exit_claims(reader, tok)) or former_post_claims(reader, tok) or (
                [] if to_a_relation(tok, table[lemma]) else open_claims(reader, tok, trigger=True))   # 'assigned to his controller'
        elif tok.pos_ == "VERB":
            made = denial_claims(reader, tok) or rename_claims(reader, tok) or turned_claims(reader, tok) or \
                exit_claims(reader, tok) or succession_claims(reader, tok) or open_claims(reader, tok)
        elif tok.pos_ == "AUX" and lemma == "be":
            made = presence_claims(reader, tok) or married_state_claims(reader, tok) or \
                legal_status_claims(reader, tok)   # 'is back at', 'is married to', 'is illegal in X under the Y Act'
        elif tok.pos_ == "NOUN":
            if lemma in table:
                made = noun_claims(reader, tok, table[lemma])
            if lemma in acts:
                made = made + nominal_claims(reader, tok, acts[lemma])
            if lemma in role_nouns():        # 'was never an informant of the FBI': an open tie
                made = made + noun_claims(reader, tok, (open_predicate(OPEN_PREFIX + role_nouns()[lemma]),))
            if lemma in relation_nouns():
                made = made + relation_claims(reader, tok)
            if lemma in applicant_nouns():   # 'was an applicant for CIA employment'
                made = made + applicant_claims(reader, tok)
            made = made + work_claims(reader, tok) + attempt_claims(reader, tok) + conversation_claims(reader, tok)
        elif tok.pos_ == "PROPN" and lemma in table and reader.ctx.found.mention_at(reader.offset + tok.idx) is None:
            made = noun_claims(reader, tok, table[lemma])     # a title with a capital: 'Chairman of X'
        elif lemma in table and office_head_as_adjective(tok):
            made = noun_claims(reader, tok, table[lemma])     # 'he was chief of X': the parser's adjective
        if tok.pos_ == "VERB" and (posted := posting_claims(reader, tok)):
            made = posted + [c for c in made if c.object is not None]   # 'was sent to London': not a bare 'be_sent'
        for c in made:
            out.setdefault(c.id, c)
    return list(out.values())


def _modifier_misparse(verb) -> bool:
    """'Treason and espionage have graduated punishment levels': the parser hangs the word on
    the noun after it as a modifier yet gives it an auxiliary and a subject. A modifier has
    neither; such a word is an adjective the parse misread, and no act is read from it."""
    return verb.dep_ == "amod" and verb.head.i > verb.i and any(c.dep_ in ("aux", "auxpass") for c in verb.children)
