"""A name the document has established is the same name wherever it is written again.

The statistical NER reads each sentence on its own: it finds *the Soviet Military Attache*
where an abbreviation follows ('(SMA)') and misses it three lines on, in a sentence it
reads worse (OCR'd memos and chronologies above all). A name of two words or more that
the entity layer chose once is looked for again, in one pass of one compiled pattern
over the text; an occurrence no other mention covers becomes a mention of the same
entity, ranked as the NER's own (any better-trusted candidate still wins).
"""

from __future__ import annotations

import re

from .candidates import Cand

_KINDS = ("person", "organisation")
NAME_LINKS = {"of", "the", "for", "and", "de", "del", "la", "von", "van", "on"}   # small words inside a name
_MAX_NAMES = 400


def every_occurrence(text: str, chosen: list[Cand]) -> list[Cand]:
    """Candidates for the later (and earlier) occurrences of names already chosen."""
    by_surface: dict[str, Cand] = {}
    for c in chosen:
        surface = " ".join(text[c.start:c.end].split())
        words = surface.split()
        if c.kind not in _KINDS or c.alias_kind is not None or not 2 <= len(words) <= 6:
            continue
        if not words[0][:1].isupper() or not all(w[:1].isupper() or w in NAME_LINKS for w in words):
            continue
        if surface.isupper():
            continue                    # headings and cable capitals: too often not a name
        by_surface.setdefault(surface, c)
    if not by_surface or len(by_surface) > _MAX_NAMES:
        return []
    alts = sorted(by_surface, key=len, reverse=True)
    rx = re.compile(r"(?<![\w'’-])(?:" + "|".join(r"\s+".join(map(re.escape, a.split())) for a in alts)
                    + r")(?![\w'’-])")
    out = []
    for m in rx.finditer(text):
        c = by_surface.get(" ".join(m.group().split()))
        if c is not None and not (c.start == m.start() and c.end == m.end()):
            out.append(Cand(m.start(), m.end(), c.kind, c.name, 0, entity=c.entity))
    return out
