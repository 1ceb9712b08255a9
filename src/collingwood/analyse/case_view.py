"""The case as the judgment modules see it: claims by origin, entity and event.

`CaseView` keys every claim by the entities it is about, the witness it comes from
(the first speaker of its attribution chain) and the event it describes. Beside it:
which findings are live, which finding types only flag (not a contradiction), each
person's prominence, and words for a claim's happening. The witness register
(`witnesses`), the untruth typing (`untruths`), the open questions and the
hypotheses all read the case through this module.
"""

from __future__ import annotations

from collections import defaultdict

from ..model import CaseData, Claim, Finding, Source, short_hash
from ..resolve import Resolution, norm, resolve
from ..timespan import TimeSpan
from . import narrated_by_note, predicate_of, reports_on, statement, witness, witness_date
from .grading import settings

FLAG_ONLY = ("omission", "interested_witness", "narrates_after_written",   # not a contradiction
             "two_accounts", "suspect_reading")
PROMINENCE = ("peripheral", "secondary", "central")


class CaseView:
    """Claims with their origins and entity keys; shared by the judgment modules."""

    def __init__(self, data: CaseData, resolution: Resolution | None = None):
        self.data = data
        self.res = resolution if resolution is not None else resolve(data)
        self.claims: dict[str, Claim] = dict(self.res.claims)     # live, without machine copies
        self._names: dict[str, str] = {}
        self._keys: dict[str, str] = {}          # name -> key: the names of a case repeat
        self._origin: dict[str, str] = {}
        self._index: tuple[dict, dict] | None = None
        self._exposed: dict[str, list[Claim]] | None = None
        self._chain: dict[str, frozenset] = {}
        self._based_on: dict[str, set[str]] = {}

    def index(self) -> tuple[dict[tuple, list[Claim]], dict[str, list[Claim]]]:
        """Claims by (predicate, subject, object, polarity) and by event, built once."""
        if self._index is None:
            by_fact: dict[tuple, list[Claim]] = defaultdict(list)
            by_event: dict[str, list[Claim]] = defaultdict(list)
            for c in self.claims.values():
                by_fact[(*self.fact(c), c.polarity)].append(c)
                by_event[self.event(c)].append(c)
            self._index = (by_fact, by_event)
        return self._index

    # -- names and entities
    def key(self, name: str | None) -> str:
        """An entity id when the resolution knows the name, else the normalised name."""
        if not name:
            return ""
        known = self._keys.get(name)
        if known is not None:
            return known
        ids = self.res.find(name)
        if len(ids) == 1:
            key = ids[0]
        else:
            key = "n:" + norm(name)
        self._names.setdefault(key, name.strip())
        self._keys[name] = key
        return key

    def name(self, key: str) -> str:
        if key in self.res.entities:
            return self.res.name(key)
        return self._names.get(key, key.removeprefix("n:"))

    def subject(self, c: Claim) -> str:
        return self.res.subject_of.get(c.id) or self.key(c.subject)

    def object(self, c: Claim) -> str:
        return self.res.object_of.get(c.id) or self.key(c.object)

    def about(self, c: Claim) -> set[str]:
        return {k for k in (self.subject(c), self.object(c)) if k}

    def fact(self, c: Claim) -> tuple[str, ...]:
        s, o = self.subject(c), self.object(c)
        if predicate_of(c.predicate).symmetric:
            s, o = sorted((s, o))
        return (c.predicate, s, o)

    # -- testimony
    def source(self, c: Claim) -> Source | None:
        return self.data.sources.get(c.source_id)

    def origin_name(self, c: Claim) -> str:
        """The first speaker of the attribution chain: asserted_by, a note's reported witness, the author."""
        if c.asserted_by:
            return c.asserted_by
        src = self.source(c)
        if src is None:
            return c.source_id
        return witness(c, src) if narrated_by_note(c, src) else source_witness(src)

    def origin(self, c: Claim) -> str:
        if c.id not in self._origin:
            self._origin[c.id] = self.key(self.origin_name(c))
        return self._origin[c.id]

    def chain(self, c: Claim) -> frozenset:
        """The chain of testimony a claim comes down: its origin, whoever wrote the origin's
        words down, its document (and the documents it says it is based on), and the
        interview a note reports on. Two claims corroborate only when their chains share
        nothing: not one document, not one quoting the other, not two notes of one interview."""
        if c.id not in self._chain:
            keys = {"who:" + self.origin(c), "src:" + c.source_id}
            if c.reported_by:
                keys.add("who:" + self.key(c.reported_by))
            src = self.source(c)
            if src is not None:
                keys.update("src:" + b for b in self.based_on(src))
                r = reports_on(src)
                if r.get("witness") and not narrated_by_note(c, src):
                    keys.add(f"tm:{norm(str(r['witness']))}:{r.get('date') or ''}")
            self._chain[c.id] = frozenset(keys)
        return self._chain[c.id]

    def independent(self, a: Claim, b: Claim) -> bool:
        return not (self.chain(a) & self.chain(b))

    def based_on(self, src: Source) -> set[str]:
        """Ids of the case's sources a source says it draws on (``extra.based_on``/``quotes``:
        source ids, file names or titles)."""
        named = []
        for k in ("based_on", "quotes", "derived_from"):
            v = src.extra.get(k) if isinstance(src.extra, dict) else None
            named += v if isinstance(v, list) else [v] if v else []
        if not named:
            return set()
        if src.id not in self._based_on:      # once per source, not once per claim of it
            wanted = {str(n).strip().lower() for n in named}
            self._based_on[src.id] = {
                s.id for s in self.data.sources.values()
                if {s.id.lower(), s.title.lower(), (s.path or "").rsplit("/", 1)[-1].lower()} & wanted}
        return self._based_on[src.id]

    def event(self, c: Claim) -> str:
        return self.res.event_of.get(c.id) or "k-" + short_hash(*self.fact(c))

    def spoke(self, c: Claim) -> TimeSpan | None:
        """When the witness gave this claim (the testimony's date for a note that reports on it)."""
        return witness_date(c, self.source(c))


def source_witness(src: Source) -> str:
    """The witness a source speaks for: a note's reported witness, else its authors.

    Differs from `analyse.witness` only for a note with ``reports_on``: the words a
    note summarises are the reported witness's, so they share that witness's origin.
    """
    return str(reports_on(src).get("witness") or "") or witness(_BARE, src)


_BARE = Claim(source_id="", start=0, end=0, quote="", subject="", predicate="knew")


def live_findings(data: CaseData, findings: list[Finding]) -> list[Finding]:
    """Findings the analyst has not dismissed (verdicts in the case override the finding's own)."""
    out = []
    for f in findings:
        verdict = data.verdicts.get(f.id, (f.verdict, ""))[0]
        if verdict != "dismissed":
            out.append(f)
    return out


# ---------------------------------------------------------------- prominence

def prominence(view: CaseView, graph=None) -> dict[str, tuple[float, str]]:
    """Score and class of every person named in the case: mentions + claims about + centrality."""
    cfg = settings()["prominence"]
    score: dict[str, float] = defaultdict(float)
    for m in view.data.mentions:
        if m.kind == "person":
            known = m.entity_id if m.entity_id in view.res.entities else None
            score[known or view.key(m.text)] += 1
    for c in view.claims.values():
        for k in view.about(c):
            score[k] += 1
        score.setdefault(view.origin(c), 0.0)
    if graph is not None and len(graph) > 1:
        import networkx as nx

        centrality = nx.degree_centrality(graph)
        for node, value in centrality.items():
            key = node if node in score or node in view.res.entities else view.key(str(node))
            score[key] += cfg["centrality_scale"] * value
    top = max(score.values(), default=0.0) or 1.0
    out = {}
    for k, s in score.items():
        share = s / top
        cls = ("central" if share >= cfg["central"] else
               "secondary" if share >= cfg["secondary"] else "peripheral")
        out[k] = (s, cls)
    return out


# ---------------------------------------------------------------- words

def event_label(view: CaseView, c: Claim) -> str:
    """Words for a claim's happening when the resolution has no event for it."""
    return statement(c.predicate, view.name(view.subject(c)),
                     view.name(view.object(c)) if c.object else None)
