"""A body named with the place it serves: 'the Petrograd Cheka', 'the U.S. State Department'.

Encyclopaedias name a branch by putting the place before the body's name. Such a name is
the branch, named as written ('Petrograd Cheka'), not the body itself: 'the Petrograd Cheka
was created' founds the branch, not the Cheka. The place is a place the document names
elsewhere, or one of the known places (``data/places.yaml``, names and aliases); a state
('the U.S. State Department', ``data/demonyms.yaml``) names the body itself, no branch.
"""

from __future__ import annotations

from .demonyms import known_place, state_names


def branch_name(text: str, offset: int, found, kinds: dict[str, str], tok, own) -> str | None:
    """The branch's name when `tok` (of the organisation mention `own`) has, right before the
    mention, one compound that is a place; else None."""
    before = [c for c in tok.children if c.i < tok.i and c.dep_ in ("compound", "nmod")
              and found.mention_at(offset + c.idx) is not own]
    if len(before) != 1:
        return None
    c = before[0]
    m = found.mention_at(offset + c.idx)
    if m is not None:
        place, lo, hi = m.kind == "place", m.start, m.end
    else:
        place, lo, hi = (kinds.get(c.text) == "place" or known_place(c.text)), offset + c.idx, \
            offset + c.idx + len(c.text)
    if not place or not 0 < own.start - hi <= 1 or c.pos_ != "PROPN" or text[lo:hi] in state_names():
        return None                   # 'the U.S. State Department' is the state's own body
    return text[lo:own.end]
