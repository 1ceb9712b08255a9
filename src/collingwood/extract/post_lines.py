"""Posts written beside a name in memos and cables, read from the text without a parse.

File notes, cables and the articles they quote name a person with the post after a comma:
*Representative Francis E. Walter (R.-Pa.), Chairman of the House Committee on Un-American
Activities*; *SAID ANATOLY PRIVALOV, VICE CHAIRMAN OF THE ASSOCIATION OF KGB VETERANS*. OCR
noise and capitals defeat the small parser on such lines, but the writing is plain: a
person's name, perhaps a bracket (a party, a number), a comma, perhaps 'the', 'then' or
'former', at most three words of the title, the post's head noun, *of* / *to* / *at* / *in* /
*for*, and a body the entity finder named. The head noun gives the predicate (data:
``memos.yaml`` ``post_heads``); a deputy's post (``deputy_words``: 'vice chairman') heads
nothing and is a membership, or a post where the body is an employer (``events.yaml``
``employers``). Undated: a post stated beside a name is a state the text does not date.

News and book prose write the post before the name, the body first: *MI5 officer Anthony
Gale*, *Soviet intelligence officer Ivan Petrov*, *KGB deputy chairman X*: a body the entity
finder named, perhaps a deputy word, the post's head noun and the person's name right after
(`post_before_name_claims`).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable

from .. import safe_yaml
from ..model import Claim, Mention
from .event_words import event_words

_SP = r"[ \t]*\n?[ \t]*"


@functools.cache
def _words() -> dict:
    return safe_yaml.package_data("data/memos.yaml")


def focus_words() -> list[str]:
    """Words that open a new noun phrase after a name's comma (``memos.yaml``: focus_words)."""
    return _words()["focus_words"]


@functools.cache
def _head_predicate() -> dict[str, str]:
    return {w: p for p, heads in _words()["post_heads"].items() for w in heads}


@functools.cache
def _after_name() -> re.Pattern:
    heads = "|".join(sorted(_head_predicate(), key=len, reverse=True))
    focus = "|".join(focus_words())
    return re.compile(
        rf"[ \t]*(?:[»«*•|]+[ \t]*)?(?:\([^()\n]{{1,25}}\)[ \t]*)?,{_SP}(?!(?i:{focus})\b)(?i:the{_SP})?"
        rf"(?i:(?:then|former|later|now){_SP})?(?P<title>(?:[A-Za-z][\w.'’-]*{_SP}){{0,3}}?)"
        rf"(?P<head>(?i:{heads}))(?i:s)?{_SP}(?i:of|to|at|in|for){_SP}")


def _predicate(head: str, title: str, body: str) -> str:
    return deputy_predicate(_head_predicate()[head.lower()], title.split(), body)


def deputy_predicate(predicate: str, title: list[str], body: str | None) -> str:
    """A head's post held as a deputy ('vice chairman of X', 'deputy director of X') heads
    nothing: a membership of the body, or a post in it where it is an employer."""
    if predicate != "headed" or not any(w.lower() in _words()["deputy_words"] for w in title):
        return predicate
    employers = event_words()["employers"]
    head = body.split(",")[0] if body else ""       # 'American Embassy, Moscow': a post abroad, by its city
    last = head.split()[-1].lower() if head.split() else ""
    return employers["recast"].get("member_of", "member_of") if last in employers["heads"] else "member_of"


@functools.cache
def _before_name() -> re.Pattern:
    heads = "|".join(sorted(_head_predicate(), key=len, reverse=True))
    deputies = "|".join(_words()["deputy_words"])
    return re.compile(rf"[ \t]+(?P<title>(?i:(?:{deputies})[ \t]+)?)(?P<head>(?i:{heads}))[ \t]+$")


def post_before_name_claims(text: str, mentions: Iterable[Mention], names: dict[str, str],
                            kinds: dict[str, str], source_id: str, extracted_by: str) -> list[Claim]:
    """'MI5 officer Anthony Gale': worked_at(Gale, MI5); the head noun gives the predicate."""
    ordered = sorted((m for m in mentions if m.entity_id in names), key=lambda m: m.start)
    out = []
    for body, m in zip(ordered, ordered[1:]):
        if kinds.get(m.entity_id) != "person" or kinds.get(body.entity_id) not in ("organisation", "college") \
                or not 0 < m.start - body.end <= 30:
            continue
        h = _before_name().match(text[body.end:m.start])
        if h is None:
            continue
        out.append(_post_claim(text, body.start, m.end, m, body, h, names, source_id, extracted_by))
    return out


def _post_claim(text: str, lo: int, hi: int, person: Mention, body: Mention, post, names: dict[str, str],
                source_id: str, extracted_by: str) -> Claim:
    """The claim a post line makes: the person holds the post (`post`: the matched head and
    title) in the body, quoting text[lo:hi]."""
    name = names[body.entity_id]
    return Claim(source_id=source_id, start=lo, end=hi, quote=text[lo:hi], subject=names[person.entity_id],
                 predicate=_predicate(post["head"], post["title"], name), object=name,
                 extracted_by=extracted_by, status="proposed", confidence=0.6,
                 subject_id=person.entity_id, object_id=body.entity_id)


def post_line_claims(text: str, mentions: Iterable[Mention], names: dict[str, str], kinds: dict[str, str],
                     source_id: str, extracted_by: str) -> list[Claim]:
    """names, kinds: entity id -> name, entity id -> kind."""
    ordered = sorted((m for m in mentions if m.entity_id in names), key=lambda m: m.start)
    starts = [m.start for m in ordered]
    out = []
    for m in ordered:
        if kinds.get(m.entity_id) != "person":
            continue
        h = _after_name().match(text, m.end)
        if h is None:
            continue
        the = re.match(rf"(?i:the){_SP}", text[h.end():h.end() + 8])
        i = bisect.bisect_left(starts, h.end())
        body = ordered[i] if i < len(ordered) and ordered[i].start in (h.end(), h.end() + (the.end() if the else 0)) \
            else None
        if body is None or kinds.get(body.entity_id) not in ("organisation", "college") \
                or any(m.end < s < h.end() for s in starts):
            continue                         # another name inside the post: a list, not a post
        out.append(_post_claim(text, m.start, body.end, m, body, h, names, source_id, extracted_by))
    return out
