"""Open questions found in the record (step 9): what the evidence leaves unexplained.

Four kinds, each with the claims or source spans that raise it:

* ``disputed_event``: an event whose versions conflict (a finding, or no consensus);
* ``hedged_claim``: a claim its own witness only believes or suspects;
* ``unexplained_ending``: a passage that says something ended or vanished unexplained,
  found by the patterns in ``data/questions.yaml``;
* ``timeline_gap``: years with no claim for a key actor between their first and last
  dated claims, inside the case's period of interest.

Ids are derived from what raises the question, so they are stable across runs.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache

from .. import safe_yaml
from ..model import CaseData, Finding, short_hash
from ..resolve import Resolution
from ..timespan import civil
from .case_view import FLAG_ONLY, CaseView, live_findings, prominence
from .case_view import event_label as claim_label
from .chronology import event_label

KINDS = ("disputed_event", "hedged_claim", "unexplained_ending", "timeline_gap")


@cache
def settings() -> dict:
    data = safe_yaml.package_data("data/questions.yaml")
    data["_patterns"] = [re.compile(rf"\b{p}\b", re.IGNORECASE) for p in data["unexplained_endings"]]
    # one scan that tells whether a text has any of them: most texts have none
    data["_any_pattern"] = re.compile("|".join(rf"\b(?:{p})\b" for p in data["unexplained_endings"]),
                                      re.IGNORECASE)
    return data


@dataclass
class Span:
    source_id: str
    start: int
    end: int
    quote: str


@dataclass
class Question:
    id: str
    kind: str
    text: str
    claim_ids: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    finding_ids: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"id": self.id, "kind": self.kind, "text": self.text, "claim_ids": self.claim_ids,
                "finding_ids": self.finding_ids,
                "spans": [{"source_id": s.source_id, "span": [s.start, s.end], "quote": s.quote}
                          for s in self.spans]}


def question_id(kind: str, *parts: str) -> str:
    return "q-" + short_hash(kind, *parts)


def open_questions(data: CaseData, resolution: Resolution | None,
                   findings: list[Finding], prominence_of: dict | None = None,
                   view: CaseView | None = None) -> list[Question]:
    """Every open question of the case, grouped by kind, in a stable order.

    ``prominence_of`` is the case's one grading of its people (the witness register's, with
    the affinity graph's centrality); without it, it is computed here without the graph."""
    view = view if view is not None else CaseView(data, resolution)
    prom = prominence_of if prominence_of is not None else prominence(view)
    out = (_disputed(view, live_findings(data, findings)) + _hedged(view)
           + _endings(view) + _gaps(view, prom))
    return sorted(out, key=lambda q: (KINDS.index(q.kind), q.text, q.id))


def _span(view: CaseView, cid: str) -> Span:
    c = view.claims[cid]
    return Span(c.source_id, c.start, c.end, c.quote)


def _disputed(view: CaseView, findings: list[Finding]) -> list[Question]:
    touching: dict[str, set[str]] = defaultdict(set)
    for f in findings:
        if f.type in FLAG_ONLY:
            continue
        for cid in f.claim_ids:
            if cid in view.claims:
                touching[view.event(view.claims[cid])].add(f.id)
    groups: dict[str, list[str]] = defaultdict(list)
    for cid, c in view.claims.items():
        groups[view.event(c)].append(cid)
    out = []
    for eid, cids in sorted(groups.items()):
        polarities = {view.claims[c].polarity for c in cids}
        if not (touching.get(eid) or eid in view.res.disputed or len(polarities) > 1):
            continue
        ev = view.res.events.get(eid)
        label = event_label(ev, view.res) if ev is not None else claim_label(view, view.claims[cids[0]])
        origins = {view.origin(view.claims[c]) for c in cids}
        text = f"Which version is true of “{label}”? {len(cids)} claims from {len(origins)} witnesses disagree."
        cids = sorted(cids)
        out.append(Question(question_id("disputed_event", eid), "disputed_event", text, cids,
                            [_span(view, c) for c in cids], sorted(touching.get(eid, ()))))
    return out


def _hedged(view: CaseView) -> list[Question]:
    modal = set(settings()["hedged_modalities"])
    out = []
    for cid, c in sorted(view.claims.items()):
        if c.modality not in modal:
            continue
        verb = "only suspects" if c.modality == "hedged" else "only alleges"
        text = (f"Is it so that {claim_label(view, c)}"
                f"{f' ({c.time.render()})' if c.time else ''}? {view.origin_name(c)} {verb} it.")
        out.append(Question(question_id("hedged_claim", cid), "hedged_claim", text, [cid],
                            [_span(view, cid)]))
    return out


_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n\s*\n")


def _sentence(text: str, start: int, end: int, ends: list[int] | None = None) -> tuple[int, int]:
    """The sentence around text[start:end]. ``ends`` (the ends of the sentence breaks of the
    whole text, in order) lets the scan for the break before ``start`` begin at the last
    break whose scan could not have reached ``start`` (a non-space character lies between):
    the breaks found are those a scan from the text's start finds, without rescanning it
    for every passage of a long source."""
    lo = q = 0
    if ends:
        i = bisect.bisect_left(ends, start) - 1
        while i >= 0:
            if text[ends[i]:start].strip():     # the scan of that break stopped before start
                lo = q = ends[i]
                break
            i -= 1
    for m in _SENTENCE_END.finditer(text, q, start):
        lo = m.end()
    m = _SENTENCE_END.search(text, end)
    hi = m.start() + 1 if m and text[m.start()] in ".!?" else (m.start() if m else len(text))
    while lo < hi and text[lo].isspace():
        lo += 1
    return lo, hi


def _endings(view: CaseView) -> list[Question]:
    out, seen = [], set()
    by_source: dict[str, list] = defaultdict(list)       # a passage's claims: its source's only
    for c in view.claims.values():
        by_source[c.source_id].append(c)
    for sid in sorted(view.data.sources):
        text = view.data.sources[sid].text or ""
        if not settings()["_any_pattern"].search(text):
            continue
        ends = [m.end() for m in _SENTENCE_END.finditer(text)]
        for pattern in settings()["_patterns"]:
            for m in pattern.finditer(text):
                lo, hi = _sentence(text, m.start(), m.end(), ends)
                if (sid, lo) in seen:
                    continue
                seen.add((sid, lo))
                quote = " ".join(text[lo:hi].split())
                cids = sorted(c.id for c in by_source.get(sid, ())
                              if c.start < hi and lo < c.end)
                out.append(Question(question_id("unexplained_ending", sid, str(lo)),
                                    "unexplained_ending", f"What explains this: “{quote}”?",
                                    cids, [Span(sid, lo, hi, text[lo:hi])]))
    return out


def _years(view: CaseView) -> dict[str, dict[int, list[str]]]:
    """person entity -> year -> claim ids that place them in that year."""
    cfg = settings()["timeline_gaps"]
    out: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    for cid, c in view.claims.items():
        if c.time is None or c.time.days() > cfg["max_span_days"] or not c.affirmed:
            continue
        for k in view.about(c):
            ent = view.res.entities.get(k)
            if ent is None or ent.kind != "person":
                continue
            for y in range(civil(c.time.lo)[0], civil(c.time.hi)[0] + 1):
                out[k][y].append(cid)
    return out


def _gaps(view: CaseView, prom: dict) -> list[Question]:
    cfg = settings()["timeline_gaps"]
    period = view.data.period
    out = []
    for who, years in sorted(_years(view).items()):
        ids = {c for cs in years.values() for c in cs}
        if len(ids) < cfg["min_dated_claims"] or prom.get(who, (0, "peripheral"))[1] not in cfg["prominence"]:
            continue
        first, last = min(years), max(years)
        lo, hi = first, last
        if period is not None:
            lo, hi = max(lo, civil(period.lo)[0]), min(hi, civil(period.hi)[0])
        missing = [y for y in range(lo, hi + 1) if y not in years]
        for run in _runs(missing):
            before = max(y for y in years if y < run[0])
            after = min(y for y in years if y > run[-1])
            when = str(run[0]) if len(run) == 1 else f"{run[0]}–{run[-1]}"
            name = view.name(who)
            text = (f"Where was {name} in {when}? No claim places {name} between "
                    f"{before} and {after}.")
            cids = sorted(years[before]) + sorted(years[after])
            out.append(Question(question_id("timeline_gap", who, str(run[0]), str(run[-1])),
                                "timeline_gap", text, cids, [_span(view, c) for c in cids]))
    return out


def _runs(years: list[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for y in years:
        if runs and runs[-1][-1] == y - 1:
            runs[-1].append(y)
        else:
            runs.append([y])
    return runs


def questions_markdown(questions: list[Question]) -> str:
    titles = {"disputed_event": "Disputed events", "hedged_claim": "Hedged claims",
              "unexplained_ending": "Unexplained endings", "timeline_gap": "Gaps in the record"}
    lines = ["# Open questions", ""]
    for kind in KINDS:
        mine = [q for q in questions if q.kind == kind]
        if not mine:
            continue
        lines += [f"## {titles[kind]}", ""]
        lines += [f"- {q.text} *({q.id}; {', '.join(q.claim_ids) or 'no claim'})*" for q in mine]
        lines.append("")
    return "\n".join(lines)
