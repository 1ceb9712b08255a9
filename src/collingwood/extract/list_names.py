"""People set out one to an item of a list: the list itself says each item opens with a name.

Encyclopaedia articles list a post's holders, a body's members or a case's defendants one to a
line, each line a name and then what the list tells of it:

    -   Roman Belik, March 1921 – May 1924
    -   Osip Tarnovsky Kravets, May 1924 – 1926
    -   Lidia Sorin, 1926 – June 1930

The statistical NER tags most of these names and misses or cuts some (a patronymic dropped,
a rare name not tagged at all). When most items of one list open with a person the NER found,
the list is a list of people, and the name-shaped words that open its other items are people
too: the document's own layout wins over the model. A name-shaped opening is two to four
capitalised words (initials and hyphens allowed) followed by a comma, a bracket or a dash;
words that head organisations' names ("Committee", "Directorate") are never part of one.
"""

from __future__ import annotations

import re

from .candidates import Cand

_ITEM = re.compile(
    r"^[ \t]*[-*•][ \t]+(?P<name>[^\W\d_][\w.'’-]*(?:[ \t]+[^\W\d_][\w.'’-]*){1,3})"
    r"(?=[ \t]*(?:,|\(|[–—-][ \t]))", re.M)
_MIN_ITEMS = 3


def _name_shaped(name: str, body_heads) -> bool:
    words = name.split()
    return all(w[:1].isupper() and not w.isupper() or re.fullmatch(r"[A-Z]\.", w) for w in words) \
        and not any(w.strip(".") in body_heads for w in words) and not words[-1].endswith(".")


def _lists(text: str) -> list[list[re.Match]]:
    """Runs of items on consecutive lines."""
    runs: list[list[re.Match]] = []
    last_line_end = -2
    for m in _ITEM.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if runs and line_start == last_line_end + 1:
            runs[-1].append(m)
        else:
            runs.append([m])
        nl = text.find("\n", m.end())
        last_line_end = nl if nl >= 0 else len(text)
    return [r for r in runs if len(r) >= _MIN_ITEMS]


def listed_persons(text: str, chosen: list[Cand], body_heads) -> list[Cand]:
    """Person candidates for the names opening the items of lists of people in `text` (the
    text as written, line breaks kept), given the mentions chosen so far; body_heads: the
    words that head bodies' names (the gazetteer's)."""
    if "\n" not in text:
        return []
    persons = {(c.start, c.end) for c in chosen if c.kind == "person"}
    starts = {s for s, _ in persons}
    out = []
    for items in _lists(text):
        opened = sum(m.start("name") in starts for m in items)
        if 2 * opened < len(items):
            continue
        for m in items:
            name = " ".join(m["name"].split())
            if (m.start("name"), m.end("name")) not in persons and _name_shaped(name, body_heads):
                out.append(Cand(m.start("name"), m.end("name"), "person", name, 1))
    return out
