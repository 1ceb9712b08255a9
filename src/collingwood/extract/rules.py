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
import re
from collections.abc import Iterable
from dataclasses import replace
from importlib import resources

from ..model import schema
from . import nlp
from .claims import (THIRD_PERSON, Context, SentenceReader, body_subject, person_subjects, subject_side,
                     worth_parsing)
from .clock_column import without_clock
from .column_blocks import column_dates, column_time
from .dates import tag_dates
from .diplomatic_posts import name_posts
from .document_date import document_dct
from .entities import find_entities
from .first_heads import with_first_terms
from .header_dates import told_after
from .event_words import event_words
from .life_dates import life_date_claims
from .non_dates import as_written, without_title_numbers
from .ocr_months import mended_months
from .office_lists import office_list_claims
from .document_items import document_item_claims
from .document_times import document_times
from .memo_lines import paper_claims, quoted_on_claims
from .post_lines import post_before_name_claims, post_line_claims
from .spouses import spouse_claims
from .line_hyphens import Rejoined, rejoin
from .paragraphs import Paragraphs
from .reading_case import in_capitals, reading_case
from .publishing import publication_claims
from .interviewer import interviewer_acts
from .registry import ExtractInput, ExtractOutput, register
from .repeats import without_repeats
from .sentence import read_sentence
from .speech import SpeechRun


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
        """Many documents through one `nlp.pipe` (lazily, in order). A document longer than
        `CHUNK` characters is read in parts cut at paragraph breaks (spaCy refuses a text
        over its `max_length`), every offset shifted back into the whole text. Words broken by
        a hyphen at a line end are read whole (`line_hyphens`), their spans mapped back."""
        docs = list(docs)
        parts = [(i, lo, hi, whole := rejoin(d.text[lo:hi]), replace(d, text=whole.text))
                 for i, d in enumerate(docs) for lo, hi in chunks(d.text)]
        texts = (nlp.dash_asides(nlp.soften_line_breaks(reading_case(nlp.unspeck(nlp.plain_emphasis(nlp.plain_angles(p.text))))))
                 for *_, p in parts)
        outputs: list[ExtractOutput | None] = [None] * len(docs)
        for (i, lo, hi, whole, part), parsed in zip(parts, nlp.ner().pipe(texts)):
            out = _in_source(self._one(part, parsed), lo, whole, docs[i].text)
            outputs[i] = out if outputs[i] is None else _joined(outputs[i], out)
            if hi >= len(docs[i].text):
                yield _once(outputs[i])
                outputs[i] = None

    def _one(self, item: ExtractInput, doc) -> ExtractOutput:
        key = f"{self.name}@{self.version}"
        found = find_entities(doc, item.source_id, tuple(item.known_entities), key, item.text)
        name_posts(item.text, found, item.source_id)
        ctx = Context(item.source_id, item.text, found, key)
        ctx.narrator = narrator(item.author)
        sents = list(doc.sents)
        dct = _dct(item)
        times = as_written(item.text, tag_dates(without_title_numbers(mended_months(nlp.unspeck(item.text))), anchor=item.anchor,
                                                written=item.written, dct=dct))
        times = sorted(times + document_times(item.text, times, found.mentions), key=lambda m: m.start)
        starts = [m.start for m in times]
        leads = [s.start_char for s in sents if s.text.strip()]
        paras = Paragraphs(item.text)
        told = told_after(item.kind, item.text, times)       # an interview's head date dates the telling only
        tstarts = starts if told is times else [m.start for m in told]
        columns = column_dates(item.text, times, _date_line)     # a date column OCR'd before its entries
        narrative = {s.start: column_time(columns, s.start_char) or _narrative(told, tstarts, item.text,
                                                                             s.start_char, leads, paras)
                     for s in sents}
        chosen = [s for s in sents if worth_parsing(s, found, dated=narrative[s.start] is not None
                                                    or bisect.bisect_left(starts, s.start_char)
                                                    < bisect.bisect_left(starts, s.end_char))
                  and not cites(item.text, s.start_char) and _in_english(s.text)]
        parses = dict(zip((s.start for s in chosen), nlp.parser().pipe(without_clock(_cased(s, found)) for s in chosen)))
        claims = []
        voices = SpeechRun(item.text, item.kind, found)
        ctx.speakers = frozenset(who for _, who in voices.labels if who)   # a hearing is about someone else
        for s in sents:
            sdoc = parses.get(s.start)
            if sdoc is None:
                voices.skip(s)
                if s.text.strip():         # a paragraph break is no sentence
                    persons = _persons(s, found, ctx)
                    if persons or not _speaks_of_someone(s):   # 'He was also aware that ...':
                        ctx.previous = ctx.previous_main = persons   # still the same person
                    ctx.body_subject = False
                    ctx.after(_named_persons(s, found, ctx), [])
                continue
            ctx.first_person = voices.labelled(s.start_char) if voices.labels else \
                None if voices.publication(s.start_char) else ctx.narrator   # a quoted article's 'I' is its writer's
            ctx.first_plural = voices.service(s.start_char)
            reader = SentenceReader(sdoc, s.start_char, ctx,
                                    lambda s=s: _within(times, starts, s.start_char, s.end_char),
                                    narrative[s.start])
            made = read_sentence(reader)
            voices.read(s, reader, made)
            claims += made
            ctx.previous, ctx.previous_main = person_subjects(reader), person_subjects(reader, main=True)
            ctx.body_subject = body_subject(reader)
            ctx.after(_named_persons(s, found, ctx), subject_side(reader))
        claims = [c for c in claims if c.id not in ctx.superseded]   # 'his meetings ...' then 'The X meetings took place ...'
        names = {e.id: e.name for e in found.entities.values()}
        claims += life_date_claims(item.text, found.mentions, names, item.source_id, key, claims)
        claims += publication_claims(item.text, found, item.source_id, key, times)
        claims += office_list_claims(item.text, found.mentions, names, times, item.source_id, key)
        claims += paper_claims(item.text, found.mentions, names, item.source_id, key)
        claims += document_item_claims(item.text, found.mentions, names, times, item.source_id, key)
        claims += quoted_on_claims(item.text, found.mentions, names, times, item.source_id, key)
        claims += [c for c in spouse_claims(item.text, found.mentions, names, item.source_id, key, ctx.narrator)
                   if not any(o.predicate == c.predicate and o.start <= c.start < o.end for o in claims)]
        kinds = {e.id: e.kind for e in found.entities.values()}
        said = {(c.subject, c.predicate, c.object) for c in claims}
        claims += [c for c in post_line_claims(item.text, found.mentions, names, kinds, item.source_id, key)
                   + post_before_name_claims(item.text, found.mentions, names, kinds, item.source_id, key)
                   if (c.subject, c.predicate, c.object) not in said]
        claims = [_quoted(c, voices) for c in with_first_terms(item.text, claims)]   # 'its first head ... served until 1935'
        claims = interviewer_acts(claims, ctx.narrator, item.kind, dct)   # 'I asked him ...'
        claims.sort(key=lambda c: (c.start, c.id))
        return ExtractOutput(mentions=found.mentions, claims=claims, aliases=found.aliases,
                             entities=list(found.entities.values()))


def _quoted(c, voices: SpeechRun):
    """A claim read without a parse (a post line, a spouse, a paper) inside a block the
    document quotes from a publication is the publication's, as the parsed ones are."""
    if c.asserted_by is not None:
        return c
    quoted = voices.publication(c.start)
    return replace(c, asserted_by=quoted, modality="reported", id="") if quoted else c


CHUNK = 200_000          # characters: well under spaCy's max_length, and memory stays small


def chunks(text: str, size: int = CHUNK) -> list[tuple[int, int]]:
    """(start, end) parts of at most `size` characters, cut at a paragraph break where there is
    one (else a line break, else a space), so no sentence is split."""
    out, lo = [], 0
    while len(text) - lo > size:
        cut = lo + size
        for sep in ("\n\n", "\n", " "):
            at = text.rfind(sep, lo + size // 2, lo + size - len(sep) + 1)
            if at >= 0:
                cut = at + len(sep)
                break
        out.append((lo, cut))
        lo = cut
    out.append((lo, len(text)))
    return out


def _once(out: ExtractOutput) -> ExtractOutput:
    """The whole source's claims, a statement it repeats kept once (`repeats`)."""
    return replace(out, claims=without_repeats(out.claims))


def _in_source(out: ExtractOutput, lo: int, whole: Rejoined, text: str) -> ExtractOutput:
    """Spans read on one part of the source (the part from `lo`, its broken words rejoined by
    `line_hyphens`) as spans of the whole source `text`; every quote and mention text is the
    source's own characters."""
    if lo == 0 and not whole.cuts:
        return out
    mentions = [replace(m, start=(a := lo + whole.start(m.start)), end=(b := lo + whole.end(m.end)), text=text[a:b])
                for m in out.mentions]
    claims = [replace(c, start=(a := lo + whole.start(c.start)), end=(b := lo + whole.end(c.end)), quote=text[a:b],
                      id="" if (a, b) != (c.start, c.end) else c.id) for c in out.claims]
    return replace(out, mentions=mentions, claims=claims)


def _joined(a: ExtractOutput, b: ExtractOutput) -> ExtractOutput:
    entities = {e.id: e for e in a.entities}
    for e in b.entities:
        entities.setdefault(e.id, e)
    return ExtractOutput(mentions=a.mentions + b.mentions, claims=a.claims + b.claims,
                         aliases=a.aliases + b.aliases, entities=list(entities.values()))


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


def narrator(author: str | None) -> str | None:
    """Who 'I' is in a source's own sentences: its one author (a memoir's, a letter's, a memo's
    writer); none when it has several ('A, B') or none is known."""
    if not author or ", " in author:
        return None
    return author.strip() or None


def _dct(item: ExtractInput) -> str | None:
    """The document's own date: its date written where its kind is dated by it, else the
    date its header states (a memo's DATE line, a dateline), else None."""
    if item.written and (schema().source_kinds.get(item.kind or "") or {}).get("dated"):
        return item.written
    return document_dct(item.text, item.kind)


_FOOTNOTE = re.compile(r"\s*\[\d{1,3}\]")
_BIB_ENTRY = re.compile(r"\s*(?:[-*•]\s+)+[A-Z][\w'’-]+,\s+[A-Z][\w.' -]{0,40}?\.?\s*\(\d{4}[a-z]?\)")


def cites(text: str, at: int) -> bool:
    """The sentence at `at` stands on a line that cites rather than tells: a footnote, or a
    bibliography entry (a list item 'Surname, Given (1958) ...', or one with a year and the
    words of a publication record)."""
    lo = text.rfind("\n", 0, at) + 1
    hi = text.find("\n", at)
    line = text[lo:len(text) if hi < 0 else hi]
    if _FOOTNOTE.match(line) or _BIB_ENTRY.match(line):
        return True
    listed = line.lstrip()[:1] in "-*•"
    return listed and re.search(r"\(\d{4}\)|\b\d{4}\.", line) is not None and any(
        f" {c}" in line for c in event_words()["reference_lines"]["cues"])


def _in_english(text: str) -> bool:
    """Mostly Latin letters: a line in Russian or Greek is a gloss or a citation, not prose
    the English model can read."""
    letters = [c for c in text if c.isalpha()]
    return not letters or sum(c < "\u0250" for c in letters) >= 0.6 * len(letters)


def _cased(sent, found) -> str:
    """The sentence as the parser should see it: a sentence in capitals (cables, OCR'd
    headers) is parsed in ordinary case, same length so every offset holds: the names the
    entity finder found keep a capital, every other word is lower-cased, the first capitalised.
    The parser of a small model reads 'PHILBY DIED IN MOSCOW' as a string of names."""
    text = sent.text
    if not in_capitals(text):
        return text
    out = list(text.lower())
    for t in sent:
        if t.idx in found.at and t.text[:1].isalpha():
            out[t.idx - sent.start_char] = t.text[0].upper()
    first = next((i for i, c in enumerate(out) if c.isalpha()), None)
    if first is not None:
        out[first] = out[first].upper()
    return "".join(out)


def _narrative(times: list, starts: list[int], text: str, at: int, leads: list[int], paras: Paragraphs):
    """The narrative's current time at offset `at`: the last point in time the text set
    before it in the same paragraph (a blank line ends a paragraph), or None. A time sets
    the narrative when it leads its sentence ('In 1938, ...', 'On 5 May he ...') or stands
    as a date heading; a date in a background phrase ('the FBI, founded in 1907, ...') does not."""
    i = bisect.bisect_left(starts, at)
    day_lines = _CHRONOLOGY_LOOKBACK          # times passed over while looking for a chronology's date line
    while i > 0:
        i -= 1
        m = times[i]
        span = m.joined or m.span
        if m.end > at or span is None:
            continue
        same = paras.same(m.end, at)
        line = _date_line(text, m)
        if line and span.granularity == "day" and m.kind in ("date", "time") and not (
                span.open_start or span.open_end):
            return span                       # a chronology's day or clock line dates what follows
        if not (_leads(text, m, leads) or line) or span.open_start or span.open_end \
                or m.kind != "date" or span.granularity in ("century", "unknown"):
            if not same:
                day_lines -= 1                # OCR columns: the text may come a few times after its date
                if day_lines <= 0 or not _chronology(text, times, i):
                    return None
            continue
        if not same or _heading_between(text, m.end, at):
            return span if line else None
        return span
    return None


_CHRONOLOGY_LOOKBACK = 8


def _chronology(text: str, times: list, i: int) -> bool:
    """The times just before `i` include a day standing alone on its line: the text is a
    chronology, whose entries are dated by the last such line, across paragraphs."""
    return any(_date_line(text, m) and (m.joined or m.span) is not None
               and (m.joined or m.span).granularity == "day" for m in times[max(0, i - _CHRONOLOGY_LOOKBACK):i])


def _leads(text: str, m, leads: list[int]) -> bool:
    """The time expression opens its sentence, after at most a preposition or two words."""
    k = bisect.bisect_right(leads, m.start) - 1
    if k < 0:
        return False
    return len(text[leads[k]:m.start].split()) <= 2


def _date_line(text: str, m) -> bool:
    """The time expression stands alone on its line, as the date heading of a chronology or
    a diary ('September 27, 1963' / 'Friday'): it dates what follows until the next one."""
    lo = text.rfind("\n", 0, m.start) + 1
    hi = text.find("\n", m.end)
    hi = len(text) if hi < 0 else hi
    rest = (text[lo:m.start] + " " + text[m.end:hi]).split()
    return len(rest) <= 1 and all(not w[:1].islower() for w in rest)


def _heading_between(text: str, lo: int, hi: int) -> bool:
    """A heading or list line ('## Career', '* 1937') starts between lo and hi."""
    return any(line.lstrip()[:1] in "#*|" for line in text[lo:hi].split("\n")[1:])


def _named_persons(sent, found, ctx: Context) -> list[str]:
    """Every person the sentence names, in order (one entry per mention)."""
    out, last = [], None
    for t in sent:
        m = found.at.get(t.idx)
        if m is not None and m is not last and m.kind == "person" and m.entity_id in ctx.names:
            out.append(ctx.names[m.entity_id])
        last = m
    return out


def _speaks_of_someone(sent) -> bool:
    """An unparsed sentence whose subject is a third-person pronoun."""
    return any(t.lower_ in ("he", "she") for t in sent[:3])


def _persons(sent, found, ctx: Context) -> list[str]:
    """The persons an unparsed sentence offers the next sentence's 'he': every person it
    names ('this situation worsened for Huerta. He fled'), unless it speaks of someone
    through a pronoun already ('his break with Stalin'): then only those named at its
    very start ('Brandt and Reiss ...')."""
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
