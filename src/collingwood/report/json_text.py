"""Large exports as JSON indented by two, written in C.

The standard module's indenting encoder is pure Python and keeps every piece it writes in a
list until the end: for the JSON of a 1M-claim chronology or affinity graph it took a third
of the read and most of its memory. orjson writes the same text, byte for byte (the same
separators, the same escapes with ``ensure_ascii=False``, the same float reprs) into one
buffer. Where the two differ, the standard module writes: a float below 1e-4 ('1e-07'
against orjson's '1e-7', found in orjson's text as a digit, 'e-', a digit) and any value
orjson refuses (a lone surrogate, a dict key that is not a string, an integer past 64 bits).
NaN, which orjson writes as null, is never in an export (strengths, years and counts).
"""

from __future__ import annotations

import json
import re

import orjson

_SMALL_FLOAT = re.compile(rb"\de-\d")


def indented(obj) -> str:
    """``json.dumps(obj, indent=2, ensure_ascii=False)``, faster."""
    try:
        out = orjson.dumps(obj, option=orjson.OPT_INDENT_2)
    except (TypeError, orjson.JSONEncodeError):
        return json.dumps(obj, indent=2, ensure_ascii=False)
    if _SMALL_FLOAT.search(out):
        return json.dumps(obj, indent=2, ensure_ascii=False)
    return out.decode("utf-8")
