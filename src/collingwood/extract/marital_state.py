"""Being married, told with the copula: 'Y, who is married to X', 'she was married to X'.

Interview summaries and memos identify a person through the spouse in a relative clause or
a plain statement of state ('also, Jane Roe, who is married to John Roe'). The parser reads
'married' there as an adjective after 'be' (acomp), not as the verb 'marry' the schema's
triggers list, so the verb table never sees it. The state is the marriage: `married(Y, X)`,
the clause's time if it has one. The subject comes through the parser ('who' is its
antecedent, as for every clause), the spouse is the named person after 'to'. A marriage is
written husband first, as historians write it ('X married Y'): where the document shows the
one spoken of a woman and the spouse a man (`person_sex`), the two change places.
"""

from __future__ import annotations

from ..model import Claim, schema
from .claims import SentenceReader, arg_pairs, clause_claims

_STATE_WORDS = ("married", "wed", "wedded")


def married_state_claims(reader: SentenceReader, verb) -> list[Claim]:
    if verb.lemma_ != "be" or verb.pos_ != "AUX":
        return []
    states = [c for c in verb.children if c.dep_ == "acomp" and c.lower_ in _STATE_WORDS]
    if len(states) != 1:
        return []
    spouses = [o for c in states[0].children if c.dep_ == "prep" and c.lower_ == "to"
               for o in c.children if o.dep_ == "pobj"]
    g = reader.grammatical_subject(verb)
    p = schema().predicates.get("married")
    if not spouses or g is None or p is None:
        return []
    pairs = [(a, b) for a, b in arg_pairs(reader, p, [g[0]], spouses) if a.kind == "person" and b.kind == "person"]
    sexes = reader.ctx.sexes
    pairs = [(b, a) if sexes.get(a.name) == "f" and sexes.get(b.name) == "m" else (a, b) for a, b in pairs]
    return clause_claims(reader, verb, p, pairs, 0.1 + g[1])
