"""Papers cited by their sender and addressee: 'a memo dated 25 November 1963 from X to Y';
publications quoted on a person: 'HUMAN EVENTS reported as follows with reference to CHAYES:'.

Interview summaries, memos and file notes cite the paper they discuss by its heading: the
kind of paper (data: ``events.yaml`` ``sent_papers``), often its date, then *from* (or *by*)
the sender and *to* the addressee. That records an act: the sender reported to the
addressee, on that date. Both must be named (entity mentions starting right after *from* /
*to*); the claim is open (``other:report``) and its passage runs from the paper's noun to
the addressee's name. One compiled pattern over the text; no parse.

A memo quotes a publication on the person it is about: the publication's name (a run of
capitalised words), a verb of writing and 'as follows' (``reporting.yaml``: ``quoted_blocks.
follows_verbs``), then *with reference to* (or *concerning*, *regarding*) and the person.
That records that the publication reported on the person (``other:report``), dated by the
time written just before it on its line ('on 10 February 1962, HUMAN EVENTS reported ...').
OCR may spoil the word before 'reference' ('vith, ‘reference to'): any short word and a
few marks are let through.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable

from ..model import OPEN_PREFIX, Claim, Mention
from .attribution import words
from .event_words import event_words
from .life_dates import _DATE, _span

_GAP = r"[ \t]*\n?[ \t]*"


@functools.cache
def _head() -> re.Pattern:
    nouns = "|".join(sorted(map(re.escape, event_words()["sent_papers"]), key=len, reverse=True))
    return re.compile(rf"(?i:\b(?:{nouns})s?\b){_GAP}(?:(?:dated|of){_GAP}(?P<date>{_DATE}){_GAP})?"
                      rf"(?:from|by){_GAP}(?:(?:Mr|Mrs|Ms|Dr)\.?{_GAP})?")
_TO = re.compile(rf"{_GAP},?{_GAP}to{_GAP}(?:(?:the|Mr|Mrs|Ms|Dr)\.?{_GAP})?")


def paper_claims(text: str, mentions: Iterable[Mention], names: dict[str, str], source_id: str,
                 extracted_by: str) -> list[Claim]:
    named = sorted((m for m in mentions if m.entity_id in names and m.kind in ("person", "organisation")),
                   key=lambda m: m.start)
    starts = [m.start for m in named]

    def at(pos: int) -> Mention | None:
        i = bisect.bisect_left(starts, pos)
        return named[i] if i < len(named) and named[i].start == pos else None

    out = []
    for h in _head().finditer(text):
        sender = at(h.end())
        if sender is None:
            continue
        t = _TO.match(text, sender.end)
        to = at(t.end()) if t else None
        if to is None or names[to.entity_id] == names[sender.entity_id]:
            continue
        when = _span(" ".join(h.group("date").split())) if h.group("date") else None
        out.append(Claim(source_id=source_id, start=h.start(), end=to.end, quote=text[h.start():to.end],
                         subject=names[sender.entity_id], predicate=OPEN_PREFIX + "report",
                         object=names[to.entity_id], time=when, extracted_by=extracted_by,
                         status="proposed", confidence=0.7, subject_id=sender.entity_id,
                         object_id=to.entity_id))
    return out


@functools.cache
def _follows() -> re.Pattern:
    verbs = "|".join(words()["quoted_blocks"]["follows_verbs"])
    return re.compile(rf"(?P<pub>(?:[A-Z][\w'’&.-]*[ \t]+){{0,4}}[A-Z][\w'’&.-]*)[ \t]+(?:{verbs})[ \t]+as"
                      rf"[ \t]+follows[ \t,]*(?:\w{{2,5}}\W{{1,5}})?"
                      rf"(?:reference{_GAP}to|concerning|regarding){_GAP}(?:the{_GAP})?")


def quoted_on_claims(text: str, mentions: Iterable[Mention], names: dict[str, str], times: list,
                     source_id: str, extracted_by: str) -> list[Claim]:
    """'X reported as follows with reference to Y:' -> other:report(X, Y), dated by the time
    just before on its line (times: the document's time expressions, in order)."""
    named = {m.start: m for m in mentions if m.entity_id in names and m.kind in ("person", "organisation")}
    out = []
    for h in _follows().finditer(text):
        about = named.get(h.end())
        pub = " ".join(h.group("pub").split())
        if about is None or not any(len(w) > 2 for w in pub.split()):
            continue
        line = text.rfind("\n", 0, h.start()) + 1
        when = next((m.span for m in reversed(times) if line <= m.start and m.end <= h.start() and m.span), None)
        out.append(Claim(source_id=source_id, start=h.start("pub"), end=about.end,
                         quote=text[h.start("pub"):about.end], subject=pub,
                         predicate=OPEN_PREFIX + "report", object=names[about.entity_id], time=when,
                         extracted_by=extracted_by, status="proposed", confidence=0.65,
                         object_id=about.entity_id))
    return out
