"""A news report's dateline: 'MOSCOW (AP) - Russian authorities on Tuesday arrested ...',
'LONDON, Ont. (Reuters) — ...'.

A wire story opens with the place it was filed from, the agency's credit in brackets and a
dash, on the line of its first sentence. The bracket after the place is no abbreviation of
it: 'MOSCOW (AP)' made 'AP' a name of Moscow. A head is a name in capitals at a line's start
(a province or state may follow after a comma), a credit in brackets, a dash, and a
capitalised word after it. Pure text in, offsets out.
"""

from __future__ import annotations

import re

_HEAD = re.compile(r"(?m)^[ \t]*[A-Z][A-Z.'’ -]{1,30}?(?:,[ \t]*[A-Z][\w.'’ ]{1,20}?)?[ \t]*"
                   r"(\([A-Z][\w .&-]{0,20}\))[ \t]*(?:--|[-—–_])(?=[ \t]+[A-Z\"“])")


def credits(text: str) -> set[int]:
    """Where each dateline's credit bracket starts: an agency's name there glosses no place."""
    if "(" not in text:
        return set()
    return {m.start(1) for m in _HEAD.finditer(text)}
