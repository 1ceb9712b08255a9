"""'the party', 'the ring', 'the agency': a definite common noun that names again a body
the text has just named in full.

News and summaries name a body once ('joined the Communist Party', 'the Cambridge spy ring')
and then refer to it by its head word ('persuaded him not to join the party', 'denied being
part of the spy ring'). Such a noun, with 'the' and no name of its own, stands for the
nearest body named before it in the text whose name (or one of its names, or the part of
it before 'of') ends with that
word, or words ('the spy ring' is the 'Cambridge spy ring', 'the civil service' is not the
'Secret Intelligence Service'); none within reach: nothing. Only organisations and groups are looked for: a person is
not 'the man', a place not 'the city' here.
"""

from __future__ import annotations

import bisect

REACH = 40            # mentions looked back over: a reference is to something named nearby
_KINDS = ("organisation", "group", "college")


class Definites:
    """The named bodies of one document, in text order, by their head words."""

    def __init__(self, found):
        ents = {e.id: e for e in found.entities.values()}
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._heads: list[tuple[str, frozenset[str]]] = []
        for m in sorted(found.mentions, key=lambda m: m.start):
            e = ents.get(m.entity_id)
            if e is None or e.kind not in _KINDS:
                continue
            names = [e.name, m.text, *(a.name for a in e.aliases if a.kind not in ("successor_name",
                                                                                    "predecessor_name"))]
            names += [n.split(" of ")[0] for n in names if " of " in n]   # 'Communist Party of Great Britain'
            heads = frozenset(" ".join(n.lower().split()[-k:]) for n in names for k in (1, 2, 3)
                              if len(n.split()) >= k)
            self._starts.append(m.start)
            self._ends.append(m.end)
            self._heads.append((e.name, heads))

    def before(self, offset: int, head: str) -> str | None:
        """The name of the nearest body named before `offset` whose name ends with `head`
        (one to three words: 'party', 'spy ring', 'security service')."""
        i = bisect.bisect_left(self._starts, offset)
        for k in range(i - 1, max(-1, i - 1 - REACH), -1):
            name, heads = self._heads[k]
            if head in heads:
                return name
        return None

    def nearest(self, offset: int, reach: int) -> tuple[str, int] | None:
        """(name, end) of the body named last before `offset`, no more than `reach` characters back."""
        i = bisect.bisect_left(self._starts, offset)
        return (self._heads[i - 1][0], self._ends[i - 1]) if i > 0 and offset - self._starts[i - 1] <= reach \
            else None
