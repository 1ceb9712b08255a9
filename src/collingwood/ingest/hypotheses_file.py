"""The ``*.hypotheses.yaml`` file: competing hypotheses and the analyst's ratings, as read at ingest.

The matrix that weighs them is `collingwood.analyse.hypotheses`; this module only reads and
checks the file (a CasebookError names the file and the entry at fault).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .. import safe_yaml
from ..errors import CasebookError, YamlError
from ..model import POLARITIES, schema
from ..timespan import TimeSpan, parse_when

RATINGS = {"CC": 2, "C": 1, "N": 0, "I": -1, "II": -2}
PATTERN_KEYS = ("subject", "predicate", "object", "when", "where", "polarity")


# ---------------------------------------------------------------- the hypotheses file

@dataclass(frozen=True)
class Pattern:
    predicate: str
    subject: str | None = None
    object: str | None = None
    when: TimeSpan | None = None
    where: str | None = None
    polarity: str = "affirmed"

    def words(self) -> str:
        bits = [self.subject or "anyone", schema().predicates[self.predicate].label, self.object or ""]
        if self.where:
            bits.append(f"in {self.where}")
        if self.when:
            bits.append(f"({self.when.render()})")
        text = " ".join(b for b in bits if b)
        return text if self.polarity == "affirmed" else f"not: {text}"


@dataclass
class Hypothesis:
    id: str
    label: str
    statement: str
    requires: list[Pattern] = field(default_factory=list)
    excludes: list[Pattern] = field(default_factory=list)


@dataclass(frozen=True)
class Rating:
    hypothesis: str
    evidence: str
    rating: str
    note: str = ""


@dataclass
class HypothesisSet:
    question: str
    hypotheses: list[Hypothesis]
    ratings: list[Rating] = field(default_factory=list)
    path: str | None = None


def load_hypotheses(path: Path | str) -> HypothesisSet:
    """Read a ``*.hypotheses.yaml`` file; CasebookError names the file and the entry at fault."""
    path = Path(path)
    try:
        raw = safe_yaml.load(path.read_text(encoding="utf-8-sig"), name=path)
    except (OSError, UnicodeDecodeError) as e:
        raise CasebookError(path, f"cannot read it as UTF-8 text ({e})") from e
    except YamlError as e:
        raise CasebookError(path, f"invalid YAML: {e}".replace("\n", " ")) from e
    return parse_hypotheses(raw, path)


def parse_hypotheses(raw, path: Path | str = "hypotheses.yaml") -> HypothesisSet:
    def fail(reason: str):
        raise CasebookError(path, reason)

    if not isinstance(raw, dict):
        fail("a hypotheses file is a mapping with `question:`, `hypotheses:` and optional `ratings:`")
    unknown = set(raw) - {"question", "hypotheses", "ratings"}
    if unknown:
        fail(f"unknown top-level key(s) {', '.join(sorted(unknown))}")
    if not isinstance(raw.get("question"), str) or not raw["question"].strip():
        fail("`question:` must be the question the hypotheses answer, in words")
    entries = raw.get("hypotheses")
    if not isinstance(entries, list) or len(entries) < 2:
        fail("`hypotheses:` must list at least two competing hypotheses")
    hyps = [_hypothesis(e, i, fail) for i, e in enumerate(entries, start=1)]
    ids = [h.id for h in hyps]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        fail(f"hypothesis id(s) {', '.join(dupes)} used twice")
    ratings = [_rating(e, i, set(ids), fail) for i, e in enumerate(raw.get("ratings") or [], start=1)]
    return HypothesisSet(raw["question"].strip(), hyps, ratings, str(path))


def _hypothesis(entry, i: int, fail) -> Hypothesis:
    where = f"hypothesis {i}"
    if not isinstance(entry, dict):
        fail(f"{where} must be a mapping with id, label, statement, requires, excludes")
    unknown = set(entry) - {"id", "label", "statement", "requires", "excludes"}
    if unknown:
        fail(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    for key in ("id", "label"):
        if not isinstance(entry.get(key), str | int) or not str(entry[key]).strip():
            fail(f"{where}: missing `{key}`")
    hid = str(entry["id"]).strip()
    pats = {k: [_pattern(p, f"hypothesis {hid}, {k} {j}", fail)
                for j, p in enumerate(entry.get(k) or [], start=1)] for k in ("requires", "excludes")}
    return Hypothesis(hid, str(entry["label"]).strip(), str(entry.get("statement") or "").strip(),
                      pats["requires"], pats["excludes"])


def _pattern(p, where: str, fail) -> Pattern:
    if not isinstance(p, dict):
        fail(f"{where} must be a mapping of {', '.join(PATTERN_KEYS)}")
    unknown = set(p) - set(PATTERN_KEYS)
    if unknown:
        fail(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    if p.get("predicate") not in schema().predicates:
        fail(f"{where}: unknown predicate {p.get('predicate')!r}; see docs/predicates.md")
    polarity = p.get("polarity", "affirmed")
    if polarity not in POLARITIES:
        fail(f"{where}: polarity must be affirmed or denied, not {polarity!r}")
    when = None
    if p.get("when") is not None:
        try:
            when = parse_when(str(p["when"]))
        except ValueError as e:
            fail(f"{where}: cannot read the date: {e}")
    text = {k: str(p[k]).strip() if p.get(k) is not None else None for k in ("subject", "object", "where")}
    return Pattern(p["predicate"], text["subject"], text["object"], when, text["where"], polarity)


def _rating(e, i: int, ids: set[str], fail) -> Rating:
    where = f"rating {i}"
    if not isinstance(e, dict) or not {"hypothesis", "evidence", "rating"} <= set(e):
        fail(f"{where} needs hypothesis, evidence (a claim or finding id) and rating")
    if str(e["hypothesis"]) not in ids:
        fail(f"{where}: no hypothesis {e['hypothesis']!r}; known: {', '.join(sorted(ids))}")
    rating = str(e["rating"]).strip().upper()
    if rating not in RATINGS:
        fail(f"{where}: rating {e['rating']!r} is not one of {' '.join(RATINGS)}")
    return Rating(str(e["hypothesis"]), str(e["evidence"]), rating, str(e.get("note") or ""))
