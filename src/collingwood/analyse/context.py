"""What every finding detector reads: the case, its resolution, and per-claim look-ups.

`Context` caches who a claim's witness is and when they spoke, names a claim's source
in a sentence, and keeps the claims set aside as suspect readings (a misreading is not a
conflict: no detector charges a witness with one). Detectors live in `findings`
(conflicts on one event, triple or person), `accounts` (a witness's account: omission,
interested witness) and `readings` (suspect readings).
"""

from __future__ import annotations

from ..identity import finding_id as finding_id  # noqa: F401  (the recipe lives in identity.py)
from ..model import CaseData, Claim, Finding
from ..resolve import Resolution
from ..timespan import TimeSpan
from . import cite_words, narrated_by_note, predicate_of, statement, when_words, witness_date, witness_ids, wording

LEVELS = ("low", "medium", "high")


class Context:
    """What every detector reads, with the per-claim look-ups cached."""

    def __init__(self, data: CaseData, res: Resolution):
        self.data, self.res = data, res
        self.suspect: set[str] = set()        # claim ids flagged as suspect readings
        self.spies: set[str] | None = None     # entities the record ties to espionage (accounts)
        self._wdate: dict[tuple, TimeSpan | None] = {}
        self._wids: dict[tuple, tuple[str, ...]] = {}

    def claim(self, cid: str) -> Claim:
        return self.res.claims[cid]

    def live(self):
        """The claims the conflict detectors compare: live, and not a suspect reading."""
        return (c for c in self.res.claims.values() if c.id not in self.suspect)

    def pred(self, c: Claim):
        return predicate_of(c.predicate)

    def wdate(self, c: Claim) -> TimeSpan | None:
        key = (c.source_id, c.asserted_by, self._narrated(c))
        if key not in self._wdate:
            self._wdate[key] = witness_date(c, self.data.sources.get(c.source_id))
        return self._wdate[key]

    def witnesses(self, c: Claim) -> tuple[str, ...]:
        key = (c.source_id, c.asserted_by, self._narrated(c))
        if key not in self._wids:
            self._wids[key] = tuple(witness_ids(c, self.data.sources.get(c.source_id), self.res))
        return self._wids[key]

    def _narrated(self, c: Claim) -> bool:
        """Claims of one source and speaker share a witness, except a note's own narration
        of what came after the testimony it reports (`analyse.narrated_by_note`)."""
        return narrated_by_note(c, self.data.sources.get(c.source_id))

    def cite(self, c: Claim) -> str:
        return cite_words(c, self.data)

    def names(self, c: Claim) -> tuple[str, str]:
        return self.res.name(self.res.subject_of.get(c.id)), self.res.name(self.res.object_of.get(c.id))

    def says(self, c: Claim, with_time: bool = True) -> str:
        words = statement(c.predicate, *self.names(c))
        return f"{words} ({when_words(c.time)})" if with_time and c.time else words

    def noun(self, c: Claim) -> str:
        s, o = self.names(c)
        template = wording()["nouns"].get(c.predicate)
        return template.format(s=s, o=o) if template else f"“{self.says(c, False)}”"

    def make(self, kind: str, claim_ids, severity: str, explanation: str, *extra: str) -> Finding:
        ids = sorted(set(claim_ids))
        claims = [self.res.claims[i] for i in ids]
        if kind not in ("omission", "suspect_reading") and claims and all(
                c.modality in ("hedged", "alleged") for c in claims):
            severity = LEVELS[max(0, LEVELS.index(severity) - 1)]
        return Finding(finding_id(kind, ids, *extra), kind, severity, explanation, ids)


def dated(cs, affirmed=True) -> list[Claim]:
    return [c for c in cs if c.time is not None and (c.affirmed or not affirmed)]


def sides(claims: list[Claim]) -> list[tuple[TimeSpan, list[Claim]]]:
    """Group versions into sides that agree (share a possible day), in time order."""
    out: list[tuple[TimeSpan, list[Claim]]] = []
    for c in sorted(claims, key=lambda c: (c.time.lo, c.time.hi, c.id)):
        for i, (common, members) in enumerate(out):
            if common.intersects(c.time):
                out[i] = (common.intersection(c.time), members + [c])
                break
        else:
            out.append((c.time, [c]))
    return out


def side_time(common: TimeSpan, members: list[Claim]) -> str:
    """A side's date in the words of the version that says exactly that, if one does."""
    for c in members:
        if (c.time.lo, c.time.hi) == (common.lo, common.hi):
            return c.time.render()
    return common.render()


def side_words(ctx: Context, members: list[Claim]) -> str:
    first = ctx.cite(members[0])
    return first if len(members) == 1 else f"{first} and {len(members) - 1} other version(s)"
