"""Glossary items that describe a document: who made it, and when.

Encyclopaedia articles end with lists of the period's key documents, each item a caption
rather than a sentence:

    -   NSC 68: April 14, 1950. A classified report written and issued by the United
        States National Security Council. The report outlined ...
    -   Speech by James F. Byrnes, United States Secretary of State "_Restatement of
        Policy on Germany_" Stuttgart September 6, 1946. Also known as ...

The first says that the body named after 'written/issued by' published the work named
before the colon, at the date after it; the second that the person after 'Speech by' gave
the speech whose title is quoted, at the date that closes the caption. The nouns of works
and speeches and the participles of publishing are data (``data/encyclopaedia.yaml``).
Pure: no spaCy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import OPEN_PREFIX, Claim, Mention
from .office_lists import _Index, encyclopaedia_words, line_spans

_ITEM = re.compile(r"[ \t]*[-*•][ \t]+")
_TITLE_COLON = re.compile(r"(?P<title>[^:.\n]{2,80}?):[ \t]+")
_QUOTED = re.compile(r"[\"“]_?(?P<title>[^\"”_\n]{2,120}?)_?[,.]?[\"”]")
CONFIDENCE = 0.7


def _described_by(text: str, lo: int, hi: int) -> re.Match | None:
    """'. A classified report written and issued by ': the work noun, its participles, 'by'."""
    w = encyclopaedia_words()
    nouns = "|".join(sorted(w["work_nouns"], key=len, reverse=True))
    parts = "|".join(sorted(w["work_participles"], key=len, reverse=True))
    rx = re.compile(rf"\.\s+(?:An?|The)\s+(?:[\w-]+\s+){{0,3}}?(?:{nouns})\s+(?:{parts})"
                    rf"(?:\s+and\s+(?:{parts}))?\s+by\s+(?:the\s+)?", re.I)
    return rx.match(text, lo, hi)


def document_item_claims(text: str, mentions: Iterable[Mention], names: dict[str, str], times: list,
                         source_id: str, extracted_by: str) -> list[Claim]:
    """published / other:give_speech claims from the document captions of `text`'s lists.
    names: entity id -> name; times: the document's time expressions (`dates.tag_dates`)."""
    ments = _Index([m for m in mentions if m.entity_id in names], lambda m: m.start)
    dates = _Index([t for t in times if (t.joined or t.span) is not None], lambda t: t.start)
    out: list[Claim] = []
    for lo, hi in line_spans(text):
        item = _ITEM.match(text, lo, hi)
        if item is None:
            continue
        at = item.end()
        c = _captioned(text, at, hi, ments, dates, names, source_id, extracted_by) or \
            _speech(text, at, hi, ments, dates, names, source_id, extracted_by)
        if c is not None:
            out.append(c)
    return out


def _captioned(text, at, hi, ments, dates, names, source_id, extracted_by) -> Claim | None:
    """'NSC 68: April 14, 1950. A classified report written and issued by X.'"""
    head = _TITLE_COLON.match(text, at, hi)
    if head is None:
        return None
    stamp = [t for t in dates.within(head.end(), hi) if t.start == head.end()]
    if not stamp:
        return None
    when = stamp[0].joined or stamp[0].span
    by = _described_by(text, stamp[0].end, hi)
    if by is None:
        return None
    author = next((m for m in ments.within(by.end(), hi) if m.start == by.end()), None)
    if author is None or author.kind not in ("organisation", "person", "college"):
        return None
    return Claim(source_id=source_id, start=at, end=author.end, quote=text[at:author.end],
                 subject=names[author.entity_id], predicate="published", object=head["title"].strip(),
                 time=when, extracted_by=extracted_by, status="proposed", confidence=CONFIDENCE,
                 subject_id=author.entity_id)


def _speech(text, at, hi, ments, dates, names, source_id, extracted_by) -> Claim | None:
    """'Speech by X, Secretary of State "Title" Stuttgart September 6, 1946.'"""
    lead = re.match(r"(?:(?:\w+\s+){0,2}?)(?P<noun>\w+)\s+by\s+", text[at:hi])
    if lead is None or lead["noun"].lower() not in encyclopaedia_words()["speech_nouns"]:
        return None
    speaker = next((m for m in ments.within(at + lead.end(), hi) if m.start == at + lead.end()), None)
    if speaker is None or speaker.kind != "person":
        return None
    stop = text.find(". ", speaker.end, hi)
    stop = hi if stop < 0 else stop
    title = _QUOTED.search(text, speaker.end, stop)
    if title is None:
        return None
    stamp = dates.within(title.end(), stop + 1)
    if not stamp:
        return None
    when = stamp[-1].joined or stamp[-1].span
    end = stamp[-1].end
    return Claim(source_id=source_id, start=at, end=end, quote=text[at:end], subject=names[speaker.entity_id],
                 predicate=OPEN_PREFIX + "give_speech", object=title["title"].strip(" ,."), time=when,
                 extracted_by=extracted_by, status="proposed", confidence=CONFIDENCE,
                 subject_id=speaker.entity_id)
