"""How news reports on declassified files name services and tell a confession (seeds round 3):
golden passages written here in the style of the genre, invented names."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _of(out, predicate):
    return [c for c in out.claims if c.predicate == predicate]


def test_the_russian_intelligence_service_of_british_files_is_soviet_intelligence(extract):
    text = ("The files released this week include the confession of Peter Hallam, a former Treasury official. "
            "Hallam admits that he was recruited by the Russian Intelligence Service in 1947, soon after he "
            "had joined the Admiralty.")
    out = extract(text)
    (c,) = _of(out, "recruited")
    assert (c.subject, c.object, c.asserted_by) == ("Soviet intelligence", "Peter Hallam", "Peter Hallam")
    assert c.time.earliest == "1947-01-01"
    assert "recruited by the Russian Intelligence Service" in text[c.start:c.end]
    # 'Russian intelligence' in prose is no name of the service
    out = extract("Peter Hallam said Russian intelligence had recruited him in 1947.")
    assert all(c.subject != "Soviet intelligence" for c in out.claims)
