"""TimeML (TIMEX3) values of the tagger's mentions, where TIMEX3 writes them otherwise than
TIMEX2 (the tagger's own scheme, that of WikiWars and ACE):

* a set is written as its period: 'daily' XXXX-XX-XX is P1D, 'every week' XXXX-WXX is P1W;
* 'recent years', 'recent months' are durations of an unknown count of the unit (PXY, PXM),
  not the TIMEX2 PAST_REF;
* no TIMEX3 markables: 'former' ('the former president'), ages ('a 6-year-old boy', '52
  years old'), and 'the same time' or 'this time' (TimeML leaves such anaphora to links).
"""

from __future__ import annotations

import re

from .date_values import TimeMention

__all__ = ["timex3_value", "is_timex3"]

_SET_PERIODS = {"XXXX-XX-XX": "P1D", "XXXX-XX-XXTNI": "P1D", "XXXX-WXX": "P1W", "XXXX-XX": "P1M", "XXXX": "P1Y"}
_RECENT = re.compile(r"recent\s+(day|week|month|year|decade)s", re.I)
_UNIT_CODES = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "DE"}
_NOT_MARKABLE = {"former"}
_ANAPHORA = re.compile(r"(?:at\s+)?(?:the\s+same|this)\s+time", re.I)
_AGE_AFTER = re.compile(r"[\s-]*(?:years?[\s-]+)?old\b|\s+of\s+age\b", re.I)


def is_timex3(m: TimeMention, text: str = "") -> bool:
    """Whether TimeML marks the mention at all: 'shortly afterwards' (kind relative), the
    adjective 'former', ages and 'the same time' are TIMEX2-only. text: the text the mention
    is in (ages are told by what follows)."""
    if m.kind == "relative" or (m.kind == "ref" and m.text.lower() in _NOT_MARKABLE):
        return False
    if _ANAPHORA.fullmatch(m.text.strip()):
        return False
    return not (m.kind == "duration" and (m.text.lower().endswith("old") or _AGE_AFTER.match(text, m.end)))


def timex3_value(m: TimeMention) -> str | None:
    """The mention's value as TimeML writes it."""
    if m.kind == "set":
        return _SET_PERIODS.get(m.value, m.value)
    recent = _RECENT.fullmatch(m.text.strip())
    if m.kind == "ref" and recent:
        return f"PX{_UNIT_CODES[recent[1].lower()]}"
    return m.value
