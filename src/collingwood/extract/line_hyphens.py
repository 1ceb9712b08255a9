"""Words broken across a line by a hyphen, read whole.

Typed memos, testimony transcripts and OCR'd pages break long words at the margin:
'clan-' / 'destine', 'Os-' / 'wald', 'Counterin-' / 'telligence'. The parser reads the halves
as two words and a name as two names. `rejoin` writes each broken word whole: the hyphen,
the line break and any indent between the halves are taken out. `Rejoined.start` and
`Rejoined.end` carry an offset of the read text back into the source, so a span read on the
rejoined text quotes the source's own characters ('Os-\nwald').

A hyphen that belongs to a compound ('self-' / 'styled', 'Soviet-' / 'backed') stays; only the
line break goes. The compound parts are data (`data/line_hyphens.yaml`).
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from .. import safe_yaml

# A word's hyphen at a line end, then a lower-case continuation on the next line: a
# capital after the break starts a new word ('Anglo-' / 'American' keeps both halves).
_BROKEN = re.compile(r"\b([^\W\d_]+)-[ \t]*\r?\n[ \t]*([a-z][^\W\d_]*)")
_MAYBE = re.compile(r"-[ \t]*\r?\n")


@functools.cache
def _parts() -> tuple[frozenset[str], frozenset[str]]:
    data = safe_yaml.package_data("data/line_hyphens.yaml")
    return frozenset(data["keep_after"]), frozenset(data["keep_before"])


@dataclass(frozen=True)
class Rejoined:
    text: str
    cuts: tuple[int, ...] = ()       # read offsets where characters were taken out, ascending
    taken: tuple[int, ...] = ()      # how many characters were taken out up to each cut

    def start(self, offset: int) -> int:
        """A start offset of the read text in the source (one at a cut starts after it)."""
        i = bisect.bisect_right(self.cuts, offset)
        return offset + (self.taken[i - 1] if i else 0)

    def end(self, offset: int) -> int:
        """An end offset of the read text in the source (one at a cut ends before it)."""
        i = bisect.bisect_left(self.cuts, offset)
        return offset + (self.taken[i - 1] if i else 0)


def rejoin(text: str) -> Rejoined:
    """The text with each word broken by a hyphen at a line end written whole (see module)."""
    if _MAYBE.search(text) is None:
        return Rejoined(text)
    keep_after, keep_before = _parts()
    out, cuts, taken, last, total = [], [], [], 0, 0
    for m in _BROKEN.finditer(text):
        hyphen = m[1].lower() in keep_after or m[2].lower() in keep_before
        gap_from = m.end(1) + (1 if hyphen else 0)        # what goes: '-\n   ' or '\n   '
        out.append(text[last:gap_from])
        cuts.append(gap_from - total)                       # where the cut falls in the read text
        total += m.start(2) - gap_from
        taken.append(total)
        last = m.start(2)
    if not cuts:
        return Rejoined(text)
    out.append(text[last:])
    return Rejoined("".join(out), tuple(cuts), tuple(taken))
