"""Numbered papers: 'JCS 1779', 'NSC 68', 'NSC 5412/2'.

An upper-case acronym written right before a number names a numbered paper of that body (a
directive, a policy paper, a report), not the body itself, and never a person (the NER
reads 'JCS' before a number as a name, and the object of 'enacted JCS 1779' came out as
the stub 'Jcs'). The mention takes the number into its span and becomes a thing named as
written. A modern year after an acronym ('the KGB 1991 archive') is no paper number.
"""

from __future__ import annotations

import re

from .candidates import Cand

_ACRONYM = re.compile(r"[A-Z]{2,6}")
_NUMBER = re.compile(r"[ \t\u00a0]+(\d{1,5}(?:/\d{1,3})?)(?![\w/])")
_MODERN_YEAR = re.compile(r"(?:19|20)\d\d")


def numbered_papers(text: str, chosen: list[Cand]) -> list[Cand]:
    """The candidates, an acronym before a paper number made the paper (in place)."""
    for c in chosen:
        word = text[c.start:c.end]
        if c.entity is not None or c.kind not in ("person", "organisation") or not _ACRONYM.fullmatch(word):
            continue
        m = _NUMBER.match(text, c.end)
        if m is None or _MODERN_YEAR.fullmatch(m.group(1)):
            continue
        c.end, c.kind, c.name = m.end(), "thing", f"{word} {m.group(1)}"
        c.alias_kind = c.alias_of = None
    return chosen
