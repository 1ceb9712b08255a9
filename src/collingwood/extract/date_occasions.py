"""The year of a sitting named without one: 'confessed ... in an interview conducted in 1964
...; in a follow-up interview on 1 March, he tells Martin ...' is 1 March 1964, not a March
of the years he tells of.

A report of an interrogation, a debriefing or a hearing runs two time lines: the sittings
(when the words were said) and the past they tell of. A date written inside the phrase of
a sitting (``reporting.yaml``: sitting_nouns; 'an interview on', 'the hearing of') belongs
to the first: without a year of its own it takes the year of the last such
occasion the text dated, not the narrative time the told story has moved to.
"""

from __future__ import annotations

import functools
import re

from .. import safe_yaml

_REACH = 60          # characters before a date in which its occasion noun is looked for


@functools.cache
def _occasion_before() -> re.Pattern:
    nouns = safe_yaml.package_data("data/reporting.yaml")["sitting_nouns"]
    alt = "|".join(sorted(map(re.escape, nouns), key=len, reverse=True))
    return re.compile(rf"\b(?:{alt})s?(?:\s+(?:conducted|held|given|recorded|taken|made))?"
                      r"\s+(?:on|in|of|dated)\s+(?:the\s+)?$", re.I)


class Occasions:
    """Walks the date candidates in text order, remembering the year of the last dated sitting."""

    def __init__(self, text: str):
        self.text, self.year = text, None

    def hint(self, a: int, m: re.Match) -> int | None:
        """The year for the candidate at offset a, when it dates an occasion of speech and
        writes no year; a written year of such an occasion is remembered."""
        if not _occasion_before().search(self.text, max(0, a - _REACH), a):
            return None
        g = m.groupdict()
        if g.get("year"):
            if not g.get("era") and len(g["year"]) == 4:
                self.year = int(g["year"])
            return None
        return self.year
