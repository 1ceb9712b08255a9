"""Speaker labels of a transcript that OCR damaged: 'Mr. -BeLmont.' is Mr. Belmont's turn.

`speech.speaker_labels` finds each turn's label ('Mr. BELMONT. I believe ...') and names its
speaker by the person the entity finder saw inside it. OCR puts stray marks into labels
('Mr. -BeLmont.', 'Mr. Be_mont.'), and then the entity finder may see no name there: the
turn would have no speaker, and what the witness says in it would become the writer's. Such
a label's word is the one speaker of the transcript it is closest to in spelling or sound
(`name_forms.ocr_match`: same first letter, no other speaker as close); none: no speaker.

A witness also tells what an exhibit says, in a turn that opens with a verb of saying and no
subject ('What is the subject?' -- 'Stating flatly that X was never an informant of the FBI.'):
that is the exhibit's author speaking (the person or body after the 'by' or 'from' of the
document named last), reported by the witness.
"""

from __future__ import annotations

import re

from .attribution import words
from .name_forms import fold, ocr_match

_WORD = re.compile(r"[A-Za-z][A-Za-z'’]+")


def mended_labels(text: str, labels: list[tuple[int, str | None]]) -> list[tuple[int, str | None]]:
    """The labels, each unnamed one named by the speaker whose surname its word matches."""
    speakers = sorted({who for _, who in labels if who})
    by_surname = {who.split()[-1]: who for who in speakers}
    out = []
    for at, who in labels:
        if who is None:
            line = text[at:text.find(".", text.find(" ", at) + 1)]    # 'Mr. -BeLmont'
            words = _WORD.findall(line[line.find(" ") + 1:]) if " " in line else []
            word = "".join(words)
            same = [s for s in by_surname if fold(s) == fold(word)]
            guess = same[0] if same else ocr_match(word, sorted(by_surname)) if words else None
            who = by_surname.get(guess) if guess else None
        out.append((at, who))
    return out


_BY_AUTHOR = re.compile(r"\b(?:by|from)\s+(?:the\s+)?(?:[A-Z][a-z]+\.?\s+)?$")
EXHIBIT_REACH = 800      # characters back: the turn or two before, where the exhibit was named


def participle_report(doc) -> bool:
    """The sentence opens with a verb of saying in -ing and no subject ('Stating flatly that
    ...'): a witness telling what a document says, not saying it himself."""
    first = next((t for t in doc if t.is_alpha), None)
    return first is not None and first.tag_ == "VBG" and first.lemma_.lower() in words()["reporting_verbs"] \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in first.children)


def exhibit_author(text: str, at: int, found) -> str | None:
    """The author of the document named last before `at` ('a letter ... from the FBI to which
    is attached an affidavit by Director J. Edgar Hoover'): the person or body after its 'by'
    or 'from', within `EXHIBIT_REACH` characters."""
    names = {e.id: e.name for e in found.entities.values()}
    last = None
    for m in found.mentions:
        if at - EXHIBIT_REACH <= m.start < at and m.kind in ("person", "organisation") \
                and m.entity_id in names and _BY_AUTHOR.search(text, max(0, m.start - 30), m.start):
            if last is None or m.start > last.start:
                last = m
    return names[last.entity_id] if last is not None else None
