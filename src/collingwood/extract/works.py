"""Written works named with their author: 'X's novel, _The Spy_, written in 1821', 'the 1931
memoirs of X', "X's dystopia Nineteen Eighty-Four was published in 1949" -> published(X, work).

Encyclopaedias date a book by its author and year rather than by a clause of publishing.
A noun of a written work (``data/encyclopaedia.yaml``: novel, memoirs, autobiography, ...)
makes a claim when it has an author (a person possessor, a person after 'of', or a noun
after 'of' in apposition to a person: 'the memoirs of the first defector, X') and a year: in
its own phrase ('the 1931 memoirs'), or of the verb it is written or published with ('written
in 1821', 'was published in 1949'). The object is the work's title where one follows the noun
(in emphasis or quotes, in brackets, or in capitals: 'novel Nineteen Eighty-Four'), else the
noun as written ('memoirs'). A speech named with its speaker ("Byrnes' speech Restatement of
Policy on Germany") is the open event other:give_speech, dated also by the clause it is the
means of ('abandoned the plan in September 1946 with X's speech').
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import OPEN_PREFIX, Claim, open_predicate, schema
from .attribution import voice
from .claims import Arg, SentenceReader, make_claim
from .office_lists import encyclopaedia_words

_MARKED = re.compile(r"\s*,?\s*\(?\s*(?:_([^_\n]{1,80})_|\*([^*\n]{1,80})\*|\"([^\"\n]{1,80})\"|“([^”\n]{1,80})”)(?:\s*\))?")
PENALTY = 0.15


def work_claims(reader: SentenceReader, noun) -> list[Claim]:
    words = encyclopaedia_words()
    forms = (noun.lower_, noun.lemma_.lower())
    speech = any(f in words["speech_nouns"] for f in forms)
    if not speech and not any(f in words["work_nouns"] for f in forms):
        return []
    author = _author(reader, noun)
    if author is None:
        return []
    title = _title(reader, noun) or _bracketed_after(reader, author)
    verb, when = _time(reader, noun, _marked_tokens(reader, noun))
    if when is None and speech and noun.dep_ == "pobj" and noun.head.head.pos_ in ("VERB", "AUX"):
        verb, when = noun.head.head, reader.time_of(noun.head.head)   # 'abandoned X in 1946 with Y's speech'
    if when is None:
        return []
    p = open_predicate(OPEN_PREFIX + "give_speech") if speech else schema().predicates["published"]
    title = title or Arg(noun.text, "thing", 0.1, noun)
    v = voice(verb, reader.speaker)
    if v.dropped:
        return []
    c = make_claim(reader, noun, p, author, title, v, PENALTY, False, when=when)
    lo, hi = _extent(reader, noun, verb, author)
    start, end = reader.offset + lo, reader.offset + hi
    return [replace(c, start=start, end=end, quote=reader.ctx.text[start:end], id="")]


def _author(reader: SentenceReader, noun) -> Arg | None:
    for c in noun.children:
        if c.dep_ == "poss":
            a = reader.arg(c)
            return a if a is not None and a.kind == "person" else None
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "by")):
        for g in (g for g in prep.children if g.dep_ == "pobj"):
            a = reader.named(g)
            if a is None and g.pos_ == "NOUN":       # 'the memoirs of the first defector, X'
                named = [x for x in (reader.named(c) for c in g.children if c.dep_ == "appos") if x]
                a = named[0] if len(named) == 1 else None
            if a is not None and a.kind == "person":
                return a
    return None


def _marked_tokens(reader: SentenceReader, noun) -> list:
    """The tokens of a marked title right after the noun ('novel, _The Spy_')."""
    m = _MARKED.match(reader.ctx.text, reader.offset + noun.idx + len(noun.text))
    if m is None:
        return []
    lo, hi = m.start() - reader.offset, m.end() - reader.offset
    return [t for t in reader.doc if lo <= t.idx < hi and not t.is_space and not t.is_punct]


def _time(reader: SentenceReader, noun, titled=()):
    """(the clause verb, the work's year) or (verb, None)."""
    dated = reader.dates_by_token()
    gov = noun
    while gov.pos_ not in ("VERB", "AUX") and gov.head.i != gov.i:
        gov = gov.head
    for c in noun.children:
        if c.dep_ in ("nummod", "compound", "amod", "nmod") and c.i < noun.i and c.i in dated:
            return gov, dated[c.i]                       # 'the 1931 memoirs'
    verbs = encyclopaedia_words()["work_verbs"]
    for c in list(noun.children) + [t for a in [*noun.children, *titled] if a.dep_ == "appos" or a in titled
                                    for t in a.children]:
        if c.dep_ == "acl" and c.lemma_.lower() in verbs:
            return c, reader.time_of(c)                  # 'novel, The Spy, written in 1821'
    holder = noun.head if noun.dep_ == "appos" else noun
    if holder.dep_ == "nsubjpass" and holder.head.lemma_.lower() in verbs:
        return holder.head, reader.time_of(holder.head)  # 'X's novel Y was published in 1949'
    for c in noun.children:                              # 'dystopia Nineteen Eighty-Four was published'
        if c.dep_ in ("nsubjpass",) or (c.i > noun.i and c.dep_ in ("appos", "compound")):
            if c.dep_ == "nsubjpass" and c.head.lemma_.lower() in verbs:
                return c.head, reader.time_of(c.head)
    return gov, None


def _title(reader: SentenceReader, noun) -> Arg | None:
    """A title right after the work noun: marked ('_The Spy_', '"X"', in brackets), or a run
    of capitalised words ('dystopia Nineteen Eighty-Four')."""
    text, at = reader.ctx.text, reader.offset + noun.idx + len(noun.text)
    m = _MARKED.match(text, at)
    if m:
        title = next(g for g in m.groups() if g).strip().rstrip(",;:").strip()
        if title:
            return Arg(title, "thing", 0.1, noun)
    for c in noun.children:              # "Byrnes' speech Restatement of Policy on Germany"
        if c.dep_ == "appos" and c.i == noun.i + 1 and c.pos_ == "PROPN":
            a = reader.title(c)
            if a is not None:
                return Arg(a.name, "thing", 0.15, noun)
    run, rest = [], [t for t in reader.doc[noun.i + 1:] if not t.is_space]
    comma = bool(rest) and rest[0].text == ","          # 'His autobiography, The Enigma Spy, was ...'
    for t in rest[1:] if comma else rest:
        if t.text[:1].isupper() or (run and t.text in ("-", "–") and t.whitespace_ == ""):
            run.append(t)
            continue
        if comma and run and t.text not in (",", ".", ";"):
            run = []                                     # set off by commas, or no title
        break
    while run and not run[-1].text[:1].isupper():
        run.pop()
    if run and reader.ctx.found.mention_at(reader.offset + run[0].idx) is None:
        span = reader.doc[run[0].i:run[-1].i + 1]
        return Arg(span.text, "thing", 0.15, noun)
    return None


def _bracketed_after(reader: SentenceReader, author: Arg) -> Arg | None:
    """'the autobiography of X (_Title_)': a marked title in brackets after the author."""
    m = reader.ctx.found.mention_at(reader.offset + author.token.idx)
    if m is None:
        return None
    t = _MARKED.match(reader.ctx.text, m.end)
    if t is None or "(" not in t.group(0):
        return None
    title = next(g for g in t.groups() if g).strip().rstrip(",;:").strip()
    return Arg(title, "thing", 0.1, author.token) if title else None


def _extent(reader: SentenceReader, noun, verb, author: Arg) -> tuple[int, int]:
    """Character offsets (within the sentence) from the first to the last of the author, the
    noun, its title and the date of the verb that dates it ('written in 1821')."""
    dated = reader.dates_by_token()
    toks = [noun, author.token]
    if verb is not None and not any(c.i in dated for c in noun.children if c.i < noun.i):
        toks += [verb] + [t for c in verb.children if c.dep_ == "prep" and any(g.i in dated for g in c.subtree)
                          for t in c.subtree]
    toks += [t for c in noun.children if c.i < noun.i for t in c.subtree]
    lo = min(t.idx for t in toks if t is not None)
    hi = max(t.idx + len(t.text) for t in toks if t is not None)
    for at in (reader.offset + noun.idx + len(noun.text), reader.offset + hi):
        m = _MARKED.match(reader.ctx.text, at)
        if m:
            hi = max(hi, m.end() - reader.offset)
    return lo, hi
