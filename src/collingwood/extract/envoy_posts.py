"""An envoy's title as the post he holds: 'X, the American ambassador to the Soviet Union',
'Y was the Cuban consul in Mexico City', 'the deputy chief of mission of the United States
to the Soviet Union'.

A history or a memo names a diplomat by his title, his state and where he serves: an
ambassador 'to' a state (his embassy is in its capital) or 'in' a city, a consul 'in' a city.
The title is a post at his state's mission there, named as `diplomatic_posts` names every
post abroad ('American Embassy, Moscow', with 'US Embassy Moscow' among its other forms), so
that the memo's 'American Embassy in Moscow' and the history's 'US ambassador to the USSR'
are one post. His state must be written (an adjective, a possessive, 'of the United
States'): 'the Ambassador to Russia' alone does not say whose. A post in its own state ('the
Soviet ambassador in Moscow') is none. Titles are data (data/diplomatic_posts.yaml: envoys,
mission_heads).
"""

from __future__ import annotations

from .claims import Arg, SentenceReader
from .demonyms import adjective_of, state_of_adjective
from .diplomatic_posts import envoy_titles, mission_heads, post_abroad


def envoy_post(reader: SentenceReader, noun) -> Arg | None:
    """The post abroad an envoy's title names ('the American ambassador to the Soviet Union'
    -> American Embassy, Moscow), or None."""
    chain = _phrase(noun)
    title = envoy_titles().get(noun.lemma_.lower())
    mission = None
    heads, mission_post = mission_heads()
    if title is None and noun.lemma_.lower() in heads:
        mission = next((o for w, o in chain[:1] if w == "of" and o.lemma_.lower() == "mission"), None)
        title = mission_post if mission is not None else None
    if title is None:
        return None
    host = next((a for w, o in chain if w in title["hosts"]
                 for a in [reader.named(o)] if a is not None and a.kind == "place"), None)
    adj = _sender(reader, noun, chain, mission)
    if host is None or adj is None:
        return None
    post = post_abroad(reader.ctx.found, adj, title["post"], host.name, reader.ctx.source_id)
    if post is None:
        return None
    reader.ctx.names[post.id], reader.ctx.kinds[post.name] = post.name, post.kind
    return Arg(post.name, post.kind, host.penalty + 0.1, noun)


def _phrase(noun) -> list[tuple[str, object]]:
    """(preposition, object) along the title's phrase, nearest first: 'chief of mission of the
    United States to the Soviet Union' -> of mission, of States, to Union."""
    out, level = [], [noun]
    while level:
        found = [(c.lower_, p) for tok in level for c in tok.children if c.dep_ == "prep" and c.i > tok.i
                 for p in c.children if p.dep_ == "pobj"]
        out += found
        level = [p for _, p in found]
    return out


def _sender(reader: SentenceReader, noun, chain, mission) -> str | None:
    """The adjective of the envoy's own state: 'the American ambassador', 'Britain's
    ambassador', 'the ambassador of the United States' (or 'the American mission')."""
    for tok in (noun, mission):
        for c in (tok.children if tok is not None else ()):
            if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i and state_of_adjective(c.text):
                return c.text
            if c.dep_ == "poss" and (a := reader.named(c)) is not None and a.kind == "place":
                return adjective_of(a.name)
    for w, o in chain:
        if w == "of" and (a := reader.named(o)) is not None and a.kind == "place" and (adj := adjective_of(a.name)):
            return adj
    return None
