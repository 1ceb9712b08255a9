"""The body an article is about, and the definite descriptions that stand for it.

An encyclopaedia article on an organisation names it in its first sentence and then calls
it 'the organization', 'the commission', 'the agency' ('in January 1918, Left SRs also
joined the organization'). The topic is the organisation named within the text's first
`LEAD` characters that is mentioned at least `DOMINANCE` times as often as any other
organisation (an article on a subject, such as espionage, has none). A bare definite
noun of a body ('the organization', no adjective, no 'of') then names the topic. The
nouns are data (``data/encyclopaedia.yaml``: body_nouns). Pure: no spaCy.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable

from .. import safe_yaml
from ..model import Mention

LEAD = 300
DOMINANCE = 3
MIN_MENTIONS = 5


def topic_body(mentions: Iterable[Mention], names: dict[str, str]) -> str | None:
    """The name of the organisation the text is about, or None."""
    orgs = [m for m in mentions if m.kind == "organisation" and m.entity_id in names]
    counts = Counter(names[m.entity_id] for m in orgs)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < MIN_MENTIONS or (len(ranked) > 1 and ranked[0][1] < DOMINANCE * ranked[1][1]):
        return None
    top = ranked[0][0]
    return top if any(m.start < LEAD and names[m.entity_id] == top for m in orgs) else None


@functools.cache
def body_nouns() -> frozenset[str]:
    return frozenset(safe_yaml.package_data("data/encyclopaedia.yaml")["body_nouns"])
