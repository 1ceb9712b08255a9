"""Numbered units written two ways: 'the 4th Directorate' is 'the Fourth Directorate'.

Encyclopaedia articles on services and armies write a unit's ordinal in figures in one
sentence and in words in the next ('the Fourth Department', 'the 4th Department'). Each
organisation name with an ordinal gets the other spelling as an alias of kind `spelling`,
so that the two mentions are one body. The ordinal words are data
(``data/encyclopaedia.yaml``: ordinals). Pure: no spaCy.
"""

from __future__ import annotations

import functools
import re

from .. import safe_yaml

_FIGURE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b")


@functools.cache
def _words() -> tuple[str, ...]:
    return tuple(safe_yaml.package_data("data/encyclopaedia.yaml")["ordinals"])   # in order: a list


def ordinal_spelling(name: str) -> str | None:
    """The other spelling of the ordinal in a body's name, or None: '4th Directorate' ->
    'Fourth Directorate', 'Second Chief Directorate' -> '2nd Chief Directorate'."""
    words = _words()
    m = _FIGURE.search(name)
    if m:
        n = int(m.group(1))
        if not 1 <= n <= len(words):
            return None
        word = words[n - 1]
        return name[:m.start()] + (word.capitalize() if m.start() == 0 or name[:1].isupper() else word) \
            + name[m.end():]
    for i, word in enumerate(words, 1):
        w = re.search(rf"\b{word}\b", name, re.I)
        if w:
            suffix = "th" if 10 < i % 100 < 14 else {1: "st", 2: "nd", 3: "rd"}.get(i % 10, "th")
            return name[:w.start()] + f"{i}{suffix}" + name[w.end():]
    return None


def ordinal_variants(names: list[str]) -> list[tuple[str, str, str]]:
    """(name, its other spelling, 'spelling') for each organisation name with an ordinal."""
    out = []
    for n in dict.fromkeys(names):
        other = ordinal_spelling(n)
        if other and other != n:
            out.append((n, other, "spelling"))
    return out
