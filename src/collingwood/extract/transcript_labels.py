"""Speaker labels of a transcript that OCR damaged: 'Mr. -BeLmont.' is Mr. Belmont's turn.

`speech.speaker_labels` finds each turn's label ('Mr. BELMONT. I believe ...') and names its
speaker by the person the entity finder saw inside it. OCR puts stray marks into labels
('Mr. -BeLmont.', 'Mr. Be_mont.'), and then the entity finder may see no name there: the
turn would have no speaker, and what the witness says in it would become the writer's. Such
a label's word is the one speaker of the transcript it is closest to in spelling or sound
(`name_forms.ocr_match`: same first letter, no other speaker as close); none: no speaker.
"""

from __future__ import annotations

import re

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
