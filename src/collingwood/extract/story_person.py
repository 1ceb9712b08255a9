"""'a man who had worked as Surveyor of the King's Pictures': the person a report is about,
named again by a description of a past office.

News and book prose vary the name of their subject with a description: 'The revelations led
to a man who had served as Keeper of the Royal Armouries being stripped of his knighthood.'
A 'man' or 'woman' (with 'a' or 'the') whose relative clause tells, in the past perfect, that
he or she had worked or served as a capitalised office (one post, named with capitals) is no
new person: it is the one the text is about (`Context.topic`: named at least three times and
twice as often as anyone else), when the text has not called that person by the other sex's
pronoun. A new person is introduced otherwise: by name, or by a common post ('a man who had
worked as a cleaner'), and neither is read here.

`story_person` gives the person for the relative 'who' (the clause's own verb reading then
names the post); `former_post_claims` reads 'worked/served as <Office>' from the text when
the parser has not hung the office on 'as' (a long office name is often parsed as the
subject of what follows: '... Pictures being stripped').
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Alias, Claim, schema
from .attribution import voice

PENALTY = 0.2
_NOUN_SEX = {"man": "m", "woman": "f"}
_POST_VERBS = ("work", "serve")
# the office after 'as': capitalised words, joined by 'of', 'the', 'and', 'for', 'to', 'in'
_OFFICE = re.compile(r"\s+as\s+(?:the\s+)?(?P<post>[A-Z][\w'’.&-]*(?:\s+(?:(?:of|the|and|for|to|in)\s+)*[A-Z][\w'’.&-]*)*)")


_DESCRIPTION = re.compile(r"\b(?:a|an|the)\s+(?:man|woman)\s+who\s+had\s+(?:worked|served)\s+as\s+(?:the\s+)?[A-Z]")


def describes_office(text: str) -> bool:
    """The sentence may name its person by a past office (worth parsing with no name in it)."""
    return "who had" in text and _DESCRIPTION.search(text) is not None


def _past_perfect(verb) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)


def _described(noun) -> bool:
    """'a man' / 'the woman' with no name or other modifier of its own."""
    return noun.pos_ == "NOUN" and noun.lower_ in _NOUN_SEX and any(
        c.dep_ == "det" and c.lower_ in ("a", "an", "the") for c in noun.children) and not any(
        c.dep_ in ("amod", "compound", "appos", "poss", "nummod") for c in noun.children)


def _office(reader, verb) -> tuple[int, int] | None:
    """The office written after the verb ('as Surveyor of the Queen's Pictures'), as offsets
    in the document."""
    text = reader.doc.text
    m = _OFFICE.match(text, verb.idx + len(verb.text))
    if m is None:
        return None
    return reader.offset + m.start("post"), reader.offset + m.end("post")


def story_person(reader, noun, verb=None):
    """The text's topic for 'a man / a woman who had worked as <Office>', else None."""
    from .claims import Arg

    verb = verb if verb is not None else next((c for c in noun.children if c.dep_ == "relcl"), None)
    if verb is None or not _described(noun) or verb.lemma_.lower() not in _POST_VERBS \
            or not _past_perfect(verb) or _office(reader, verb) is None:
        return None
    topic = reader.ctx.topic()
    if topic is None or reader.ctx.kinds.get(topic) != "person" \
            or reader.ctx.sexes.get(topic, _NOUN_SEX[noun.lower_]) != _NOUN_SEX[noun.lower_]:
        return None
    _title_alias(reader, topic, _office(reader, verb))
    return Arg(topic, "person", PENALTY, noun)


def _title_alias(reader, person: str, span: tuple[int, int]) -> None:
    """The office is a title the person is named by ('Surveyor of the Queen's Pictures')."""
    found = reader.ctx.found
    office = " ".join(reader.ctx.text[span[0]:span[1]].split())
    ent = found.entities.get(person)
    if ent is None or any(a.name == office for a in ent.aliases):
        return
    alias = Alias(office, "title", None, reader.ctx.source_id)
    ent.aliases.append(alias)
    found.aliases.append((person, alias))


def former_post_claims(reader, verb) -> list[Claim]:
    """worked_at(topic, the body of the office) for 'a man who had worked as <Office of Body>'
    when the parse left the office off 'as'."""
    from .claims import Arg, make_claim

    if verb.dep_ != "relcl" or verb.lemma_.lower() not in _POST_VERBS or not any(
            c.dep_ == "nsubj" and c.lower_ == "who" for c in verb.children):
        return []
    if any(c.dep_ == "prep" and c.lower_ == "as" and any(p.dep_ == "pobj" for p in c.children)
           for c in verb.children):
        return []                       # parsed: the verb's own reading names the office
    a = story_person(reader, verb.head, verb)
    span = _office(reader, verb) if a is not None else None
    if span is None:
        return []
    found = reader.ctx.found
    bodies = [m for m in found.mentions if span[0] <= m.start and m.end <= span[1]]
    names = [reader.ctx.names.get(m.entity_id) for m in bodies]
    names = [n for n in names if n and reader.ctx.kinds.get(n) in ("organisation", "college")]
    if not names:                       # no body found in it: the words after its last 'of'
        body = re.split(r"\s+of\s+(?:the\s+)?", reader.ctx.text[span[0]:span[1]])
        if len(body) < 2:
            return []
        names = [body[-1]]
    p = schema().predicates["worked_at"]
    v = voice(verb, reader.speaker)
    if v.dropped:
        return []
    b = Arg(names[-1], reader.ctx.kinds.get(names[-1], "organisation"), 0.1, None)
    c = make_claim(reader, verb, p, a, b, v, PENALTY, v.denied, clause=True)
    end = max(c.end, span[1])           # the passage runs to the end of the office
    return [replace(c, end=end, quote=reader.ctx.text[c.start:end], id="")]


__all__ = ["describes_office", "story_person", "former_post_claims"]
