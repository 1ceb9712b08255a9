"""The built-in extractor ``rules-spacy@1``: spaCy's small English model plus rules.

Two passes keep it close to the speed of spaCy's NER alone: every sentence goes
through NER and the gazetteer (`nlp.ner`); only sentences that may hold a claim
(a trigger word and two entities, see `claims.worth_parsing`) go through the
tagger and the dependency parser (`nlp.parser`). Time expressions come from
`dates.tag_dates` over the whole text, so a relative one ('the next day') is resolved
against the narrative time the text has established before it, exactly as `collingwood
dates` and the WikiWars benchmark resolve it.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
from collections.abc import Iterable
from dataclasses import replace
from importlib import resources

from . import nlp
from .claims import THIRD_PERSON, Context, SentenceReader, person_subjects, worth_parsing
from .dates import tag_dates
from .entities import find_entities
from .life_dates import life_date_claims
from .registry import ExtractInput, ExtractOutput, register
from .sentence import read_sentence


class RulesSpacy:
    name = "rules-spacy"
    version = 1

    @property
    def rules(self) -> str:
        """A fingerprint of everything this extractor reads with: its code, the schema and
        the word lists. Sources read with other rules are read again."""
        return _fingerprint()

    def extract(self, doc: ExtractInput) -> ExtractOutput:
        return next(iter(self.extract_many([doc])))

    def extract_many(self, docs: Iterable[ExtractInput]) -> Iterable[ExtractOutput]:
        """Many documents through one `nlp.pipe` (lazily, in order)."""
        docs = list(docs)
        for item, parsed in zip(docs, nlp.ner().pipe(nlp.soften_line_breaks(d.text) for d in docs)):
            yield self._one(item, parsed)

    def _one(self, item: ExtractInput, doc) -> ExtractOutput:
        key = f"{self.name}@{self.version}"
        found = find_entities(doc, item.source_id, tuple(item.known_entities), key, item.text)
        ctx = Context(item.source_id, item.text, found, key)
        sents = list(doc.sents)
        chosen = [s for s in sents if worth_parsing(s, found)]
        parses = dict(zip((s.start for s in chosen), nlp.parser().pipe(s.text for s in chosen)))
        times = tag_dates(item.text, anchor=item.anchor, written=item.written) if chosen else []
        starts = [m.start for m in times]
        claims = []
        for s in sents:
            sdoc = parses.get(s.start)
            if sdoc is None:
                ctx.previous = ctx.previous_main = _persons(s, found, ctx)
                continue
            reader = SentenceReader(sdoc, s.start_char, ctx,
                                    lambda s=s: _within(times, starts, s.start_char, s.end_char))
            claims += read_sentence(reader)
            ctx.previous, ctx.previous_main = person_subjects(reader), person_subjects(reader, main=True)
        names = {e.id: e.name for e in found.entities.values()}
        claims += life_date_claims(item.text, found.mentions, names, item.source_id, key, claims)
        claims.sort(key=lambda c: (c.start, c.id))
        return ExtractOutput(mentions=found.mentions, claims=claims, aliases=found.aliases,
                             entities=list(found.entities.values()))


@functools.cache
def _fingerprint() -> str:
    import spacy

    root = resources.files("collingwood")
    parts = [f"spacy {spacy.__version__} {nlp.MODEL}"]
    for folder, suffix in (("extract", ".py"), ("schema", ".yaml"), ("data", ".yaml")):
        for f in sorted(root.joinpath(folder).iterdir(), key=lambda f: f.name):
            if f.name.endswith(suffix):
                parts.append(f.name + "\0" + f.read_text("utf-8"))
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:16]


def _within(times: list, starts: list[int], lo: int, hi: int) -> list:
    """The document's time expressions inside [lo, hi), with offsets from lo: each one
    resolved against the narrative time of the whole text before it."""
    first, last = bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi)
    return [replace(m, start=m.start - lo, end=m.end - lo) for m in times[first:last] if m.end <= hi]


def _persons(sent, found, ctx: Context) -> list[str]:
    """The persons an unparsed sentence offers the next sentence's 'he': every person it
    names ('this situation worsened for Huerta. He fled'), unless it speaks of someone
    through a pronoun already ('his break with Stalin'): then only those named at its
    very start ('Krivitsky and Reiss ...')."""
    if not any(t.lower_ in THIRD_PERSON for t in sent):
        return list(dict.fromkeys(ctx.names[m.entity_id] for m in (found.at.get(t.idx) for t in sent)
                                  if m is not None and m.kind == "person" and m.entity_id in ctx.names))
    names: list[str] = []
    for t in sent:
        m = found.at.get(t.idx)
        if m is not None and m.kind == "person" and m.entity_id in ctx.names:
            if ctx.names[m.entity_id] not in names:   # 'Burgess and Blunt were close': both
                names.append(ctx.names[m.entity_id])
        elif names and t.lower_ in (",", "and", "or"):
            continue
        elif names or t.i - sent.start >= 3 or (t.is_alpha and t.text[:1].isupper() and t.i > sent.start):
            break
    return names


register(RulesSpacy)
