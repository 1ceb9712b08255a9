"""'I asked Casasin whether ...': the writer of an interview summary acts at the interview.

A summary written after the events it records ('INTERVIEW OF JOHN DOE / AUGUST 17, 1978')
tells the interviewee's past in the third person and the interview itself in the first: 'I
asked him to explain the cover memo', 'I showed him the document'. Those acts of the writer
(the source's one author, see `rules.narrator`) happened when the interview was held, not in
the year the last sentence spoke of. In a source whose kind tells the past afterwards and is
dated by its writing (``schema/source_kinds.yaml``: not `contemporary`, `dated`: an
interview, a testimony, a news report), a claim whose subject is the writer and whose verb
is a verb of questioning or showing (``reporting.yaml``: interviewer_verbs) takes the
document's own date.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Claim, schema
from ..timespan import TimeSpan
from .attribution import words


def interviewer_acts(claims: list[Claim], narrator: str | None, kind: str | None,
                     dated: str | None) -> list[Claim]:
    """The claims, the writer's acts of interviewing dated by the document (`dated`: ISO)."""
    entry = schema().source_kinds.get(kind or "") or {}
    if not narrator or not dated or entry.get("contemporary", True) or not entry.get("dated"):
        return claims
    day = TimeSpan.from_iso(dated[:10], dated[:10], "day", "the document's date")
    return [replace(c, time=day, id="") if c.subject == narrator and c.predicate.startswith("other:")
            and c.predicate[6:].split("_")[0] in words()["interviewer_verbs"] else c for c in claims]
