"""Evidence has a direction: what a claim is worth, given who makes it and about whom.

An admission against one's own interest is the strongest testimony there is; a
self-serving denial the weakest; hearsay (a witness repeating what others did, in a
second-hand source) weaker than a party's own words. The predicates that incriminate or
credit a party, and the weights, are data (``data/findings.yaml``, ``evidence``).
Rules: docs/judgment.md, 'Evidence has a direction'.
"""

from __future__ import annotations

from ..model import Claim, schema
from . import wording

ADMISSION, SELF_SERVING, OWN, RECORD, SECONDARY, HEARSAY = (
    "admission", "self_serving", "own_account", "record", "secondary", "hearsay")


def _cfg() -> dict:
    return wording()["evidence"]


def direction(c: Claim, origin: str, about: set[str], subject: str, source_kind: str | None) -> str:
    """How a claim bears on its own witness (`origin`): admission, self_serving, own_account
    (a party, neither for nor against himself), or for a non-party: record (a contemporary,
    first-hand document), secondary, hearsay (a speaker reported on others' doings)."""
    cfg = _cfg()
    party = origin in about
    if party:
        if c.affirmed and (c.modality == "admitted" or c.predicate in cfg["against_interest"]):
            return ADMISSION
        if not c.affirmed:
            return SELF_SERVING
        if c.predicate in cfg["credit"] and origin == subject:
            return SELF_SERVING
        return OWN
    kind = schema().source_kinds.get(source_kind or "", {})
    if c.asserted_by and not kind.get("first_hand"):
        return HEARSAY
    if kind.get("contemporary") and kind.get("first_hand"):
        return RECORD
    return SECONDARY


def strength(c: Claim, how: str) -> float:
    """The weight of one claim as evidence: by its direction, halved when hedged or alleged."""
    value = float(_cfg()["strength"][how])
    return value / 2 if c.modality in ("hedged", "alleged") else value


def serves_witness(how: str) -> bool:
    """An interested witness is one whose claim serves himself (exculpation or credit)."""
    return how == SELF_SERVING
