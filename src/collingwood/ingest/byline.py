"""Who wrote a document, read from the document itself when no metadata names the author.

Without metadata a witness must still be named from the document, never from its file
name: a news report's byline ("By Jane Smith"), a memorandum's "FROM:" line, a letter's
signature block are how the genres write their authors. Only the head of the text is read
(bylines and memo headers come first); what is found is a proposal, and any metadata the
historian gives wins (see `metadata.resolve_metadata`).
"""

from __future__ import annotations

import re

HEAD_LINES = 40          # bylines and memo headers sit in the first lines
_NAME = r"(?:[A-Z][a-zA-Z'’.\-]+\.?\s+){0,3}[A-Z][a-zA-Z'’\-]+"
_BYLINE = re.compile(rf"^\s*(?:written\s+)?by\s+({_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*)\s*$",
                     re.IGNORECASE | re.MULTILINE)
_FROM = re.compile(r"^\s*FROM\s*[:.]\s*(.+?)\s*$", re.MULTILINE)
_STOP = {"the", "staff", "reporter", "correspondent", "our", "a", "an"}
_WRITINGS = r"(?:memoirs?|diary|diaries|journals?|autobiography|recollections|reminiscences|letters?|papers)"
_TITLE_AUTHOR = (          # how a first-person work's title names its author (case of the name kept)
    re.compile(rf"(?i:\b{_WRITINGS}\s+of\s+)({_NAME})"),                     # 'The Memoirs of X'
    re.compile(rf"({_NAME})(?:['’]s?)\s+(?i:{_WRITINGS})\b"),                  # "X's diary"
    re.compile(rf"(?i:\b(?:letter|memorandum|memo|minute|note)\b,?\s+(?:from\s+)?)({_NAME})\s+(?i:to)\b"),
    re.compile(rf"(?i:\bby\s+)({_NAME})\s*(?:[,;:(\[]|$)"),                   # '..., by X (1968)'
)


def _names(text: str) -> list[str]:
    parts = re.split(r"\s*(?:,|\band\b|&)\s*", text.strip())
    out = []
    for p in parts:
        p = p.strip(" .")
        words = p.split()
        if not words or words[0].lower() in _STOP or not all(w[:1].isupper() for w in words):
            continue
        if re.search(r"[/\d]", p):             # an office code ('CIC/CEX'), not a name
            continue
        out.append(p)
    return out


def byline_authors(text: str) -> list[str]:
    """The authors a document names in its head: 'By Tevye Markson' -> ['Tevye Markson'];
    a memo's 'FROM: M. D. Stevens' -> ['M. D. Stevens']; [] when it names none."""
    head = "\n".join(text.splitlines()[:HEAD_LINES])
    m = _BYLINE.search(head)
    if m:
        names = _names(m.group(1))
        if names:
            return names
    m = _FROM.search(head)
    if m:
        value = re.split(r"\s{2,}|\bTO\b|;", m.group(1))[0]
        names = _names(value)
        if names and len(names[0].split()) <= 5:
            return names[:1]
    return []


def title_authors(title: str | None) -> list[str]:
    """The author a first-person work's title names: 'The Memoirs of Cordell Hull' ->
    ['Cordell Hull']; "Ciano's Diary, 1939-1943" -> ['Ciano']; 'Letter from Guy Burgess to
    Kim Philby' -> ['Guy Burgess']; 'Memorandum, M. D. Stevens to Files' -> ['M. D. Stevens'];
    'My Silent War, by Kim Philby (1968)' -> ['Kim Philby']; [] when it names none."""
    for pattern in _TITLE_AUTHOR:
        m = pattern.search(title or "")
        names = _names(m.group(1)) if m else []
        if len(names) == 1 and len(names[0].split()) <= 5:
            return names
    return []
