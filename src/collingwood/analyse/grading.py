"""The grading rule: a witness's reliability A-F and each claim's credibility 1-6.

Admiralty (NATO) scheme. Reliability of a source: A completely reliable, B usually
reliable, C fairly reliable, D not usually reliable, E unreliable, F cannot be judged.
Credibility of an item: 1 confirmed by other sources, 2 probably true, 3 possibly
true, 4 doubtful, 5 improbable, 6 cannot be judged.

The rule is computed from the witness register and written beside every grade as a
sentence; the thresholds are data (``data/grading.yaml``) and the rule is stated in
docs/judgment.md. Analyst overrides win and the machine's proposal is kept beside them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .. import safe_yaml

GRADES = ("A", "B", "C", "D", "E", "F")
LABELS = {"A": "completely reliable", "B": "usually reliable", "C": "fairly reliable",
          "D": "not usually reliable", "E": "unreliable", "F": "cannot be judged"}
CREDIBILITY = {1: "confirmed by other sources", 2: "probably true", 3: "possibly true",
               4: "doubtful", 5: "improbable", 6: "cannot be judged"}
_FROM_GRADE = {"A": 2, "B": 2, "C": 3, "D": 4, "E": 4, "F": 6}
_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}


@cache
def settings() -> dict:
    return safe_yaml.package_data("data/grading.yaml")


@dataclass(frozen=True)
class Tally:
    """What the rule reads from a witness's record."""

    corroborated: int = 0
    peripheral: int = 0          # of the corroborated, those with a peripheral observer's support
    contradicted: int = 0
    omissions: int = 0
    deceptions: int = 0
    fabrications: int = 0

    @property
    def checkable(self) -> int:
        return self.corroborated + self.contradicted

    @property
    def weighted(self) -> float:
        bonus = settings()["weights"]["peripheral_corroboration"]
        return self.corroborated - self.peripheral + bonus * self.peripheral

    @property
    def share(self) -> float:
        denominator = self.weighted + self.contradicted
        return self.weighted / denominator if denominator else 0.0


@dataclass(frozen=True)
class Credibility:
    value: int
    reason: str
    by: str = "machine"

    @property
    def label(self) -> str:
        return CREDIBILITY[self.value]


def _count(n: int, thing: str) -> str:
    word = _WORDS.get(n, str(n))
    return f"{word} {thing}" + ("" if n == 1 else "s")


def reliability(t: Tally) -> tuple[str, str]:
    """The grade and the sentence that justifies it (docs/judgment.md, 'The grading rule')."""
    r = settings()["reliability"]
    share = t.share
    if t.fabrications:
        letter, why = "E", "a fabrication makes the witness unreliable"
    elif t.deceptions:
        letter, why = "D", "a deception: no better than D"
    elif t.checkable < r["min_checkable"]:
        letter, why = "F", f"fewer than {r['min_checkable']} checkable claims: cannot be judged"
    elif share < r["e_below"]:
        letter, why = "E", f"under {r['e_below']:.0%} corroborated"
    elif share < r["d_below"]:
        letter, why = "D", f"under {r['d_below']:.0%} corroborated"
    elif share < r["c_below"] or t.omissions >= r["c_omissions"]:
        letter, why = "C", (f"under {r['c_below']:.0%} corroborated" if share < r["c_below"]
                            else f"{r['c_omissions']} or more omissions")
    elif share < r["b_below"]:
        letter, why = "B", f"A needs {r['b_below']:.0%} corroborated"
    elif t.checkable < r["a_min_checkable"]:
        letter, why = "B", f"A needs at least {r['a_min_checkable']} checkable claims"
    elif t.omissions:
        letter, why = "B", "A needs no omission"
    else:
        letter, why = "A", f"{r['b_below']:.0%} or more corroborated, no untruth"
    return letter, f"{letter}: {_sentence(t)}; {why}."


def _sentence(t: Tally) -> str:
    if t.checkable == 0:
        body = "no checkable claims"
    else:
        body = f"{t.corroborated} of {t.checkable} checkable claims corroborated by independent sources"
    if t.peripheral:
        body += (f", {t.peripheral} of them by a peripheral observer "
                 f"(weighted share {t.share:.0%})")
    parts = [body]
    for n, thing in ((t.omissions, "omission"), (t.deceptions, "deception"),
                     (t.fabrications, "fabrication")):
        if n:
            parts.append(_count(n, thing))
    return "; ".join(parts)


def tally(rec) -> Tally:
    """The counts of a `WitnessRecord` after the analyst's decisions on its statements."""
    return Tally(corroborated=len(rec.corroborated), peripheral=len(rec.peripheral_support),
                 contradicted=len(rec.contradicted), omissions=rec.count("omission"),
                 deceptions=rec.count("deception"), fabrications=rec.count("fabrication"))


def grade_record(rec, overrides: list[dict]) -> None:
    """Set the record's grade: the machine's rule, then an analyst's grade if any (last wins)."""
    letter, rule = reliability(tally(rec))
    rec.proposed_grade, rec.proposed_rule = letter, rule
    rec.grade, rec.grade_rule, rec.grade_by = letter, rule, "machine"
    for o in overrides:
        if o["target"] == "grade":
            rec.grade, rec.grade_by, rec.grade_note = o["value"], "analyst", o["note"]
            note = f" {o['note']}" if o["note"] else ""
            rec.grade_rule = f"{o['value']}: set by the analyst (machine proposed {rule}){note}"


def claim_credibility(register, view, overrides: list[dict]) -> dict[str, Credibility]:
    """Credibility 1-6 of every claim in the register (docs/judgment.md, 'Credibility')."""
    out: dict[str, Credibility] = {}
    for rec in register:
        typed = {s.claim_id: s.type for s in rec.statements if s.type in ("deception", "fabrication")}
        for cid in rec.claims:
            out[cid] = _credibility(rec, cid, typed.get(cid), view.claims[cid].modality)
    for o in overrides:
        if o["target"].startswith("credibility:"):
            cid = o["target"].split(":", 1)[1]
            if cid in out:
                note = f": {o['note']}" if o["note"] else ""
                out[cid] = Credibility(int(o["value"]), f"set by the analyst (machine proposed "
                                       f"{out[cid].value}){note}", "analyst")
    return out


def _credibility(rec, cid: str, typed: str | None, modality: str) -> Credibility:
    support = rec.support.get(cid, [])
    if cid in rec.disputed:
        return Credibility(3, f"supported by {', '.join(support)} but contradicted "
                              f"({', '.join(rec.against[cid])})")
    if support:
        return Credibility(1, f"confirmed by {', '.join(support)}")
    if cid in rec.contradicted:
        if typed:
            return Credibility(5, f"contradicted and typed {typed} ({', '.join(rec.against[cid])})")
        return Credibility(4, f"contradicted by {', '.join(rec.against[cid])}, not corroborated")
    value = _FROM_GRADE[rec.grade]
    reason = f"uncorroborated; the witness is graded {rec.grade}"
    if cid in rec.self_serving and value < 3:
        value, reason = 3, reason + "; self-serving (about the witness), so no better than 3"
    if modality in ("hedged", "alleged") and value < 5:
        value, reason = value + 1, reason + f"; {modality}, one step down"
    return Credibility(value, reason)


def credibility_values(register) -> dict[str, int]:
    """claim id -> credibility 1-6, the input `ach_matrix` weighs evidence by."""
    return {cid: c.value for rec in register for cid, c in rec.credibility.items()}
