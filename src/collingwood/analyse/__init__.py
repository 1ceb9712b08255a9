"""Analysis: pure functions of a case snapshot (`CaseData`) and its `Resolution`.

    res = resolve(data)
    chronology(data, res)      -> list[ChronologyEntry]   (analyse.chronology)
    findings(data, res)        -> list[Finding]           (analyse.findings)
    profile(data, res, name)   -> Profile                 (analyse.biography)
    affinity_graph(data, res)  -> networkx.Graph          (analyse.affinity)

This module holds what they share: who a claim's witness is, when that witness
spoke, and how to name a claim's source in a sentence.
"""

from __future__ import annotations

import re
from functools import cache

from .. import safe_yaml
from ..model import CaseData, Claim, Predicate, Source, schema
from ..resolve import Resolution
from ..timespan import TimeSpan, civil, parse_when

DAYS_PER_YEAR = 365.2425
OPEN_PREFIX = "other:"


@cache
def predicate_of(name: str) -> Predicate:
    """The schema's predicate, or for an open claim (``other:<lemma>``, a verb the schema does
    not list) a predicate with no rules: it is never functional, symmetric, an edge or a
    presence, so no detector draws a conclusion from it that only a rule could justify."""
    if name.startswith(OPEN_PREFIX):
        lemma = name[len(OPEN_PREFIX):].replace("_", " ").strip() or "did"
        return Predicate(name=name, label=lemma, family="open", track="personal",
                         subject="any", object="any", temporal=True,
                         reverse={"name": name + "_of", "label": lemma + " by"})
    return schema().predicate(name)


def _parse(text) -> TimeSpan | None:
    if isinstance(text, TimeSpan):
        return text
    if not text:
        return None
    try:
        return parse_when(str(text))
    except ValueError:
        return None


def as_span(value) -> TimeSpan | None:
    """A TimeSpan from a TimeSpan, a date string ('1936', 'early 1940') or None."""
    return _parse(value)


def source_date(source: Source | None) -> TimeSpan | None:
    """When the source was written."""
    if source is None:
        return None
    return source.written or _parse(source.date)


def reports_on(source: Source | None) -> dict:
    """The testimony a note reports on: {'witness': ..., 'date': ...} or {}."""
    if source is None:
        return {}
    value = source.extra.get("reports_on") if isinstance(source.extra, dict) else None
    return value if isinstance(value, dict) else {}


def _reported_witness(source: Source | None) -> str | None:
    r = reports_on(source)
    return r.get("witness") or r.get("name") or r.get("who")


def narrated_by_note(claim: Claim, source: Source | None) -> bool:
    """A note's own words about what came after the testimony it reports: "he died in 1995"
    in a 2025 article on a 1964 confession is the journalist's sentence, not the confessor's."""
    if claim.asserted_by or claim.time is None:
        return False
    r = reports_on(source)
    told = _parse(r.get("date")) if r else None
    return told is not None and claim.time.lo > told.hi


def _reported_for(claim: Claim, source: Source | None) -> str | None:
    return None if narrated_by_note(claim, source) else _reported_witness(source)


def witness(claim: Claim, source: Source | None) -> str:
    """Whose testimony the claim is: the speaker, else the reported witness, else the authors."""
    if claim.asserted_by:
        return claim.asserted_by
    if source is None:
        return claim.source_id
    reported = _reported_for(claim, source)
    if reported:
        return reported
    if source.authors:
        return " & ".join(source.authors)
    return source.title


def witness_date(claim: Claim, source: Source | None) -> TimeSpan | None:
    """When the witness gave this claim.

    A note that reports on testimony (``extra.reports_on``) is dated by the
    testimony for the words of the reported witness (the speaker, or everyone
    but the note's own authors; the note's own narration is the reported
    witness's account), and by its own date for its authors' words.
    """
    r = reports_on(source)
    if r.get("date") and not narrated_by_note(claim, source):
        authors = {a.strip().lower() for a in (source.authors if source else [])}
        reported = _reported_witness(source)
        speaker = claim.asserted_by or reported
        who = speaker.strip().lower() if speaker else ""
        if who and (who not in authors or who == (reported or "").strip().lower()):
            got = _parse(r["date"])
            if got is not None:
                return got
    return source_date(source)


def witness_ids(claim: Claim, source: Source | None, res: Resolution, find=None) -> list[str]:
    """Entity ids of the claim's witness, when the witness is an entity of the case. ``find``
    (a name -> entity ids, default ``res.find``) lets a caller that asks for many claims
    remember each name's answer."""
    find = find or res.find
    reported = _reported_for(claim, source)
    names = ([claim.asserted_by] if claim.asserted_by else [reported] if reported else
             list(source.authors) if source and source.authors else [])
    out = []
    for n in names:
        found = find(n) if n else []
        if len(found) == 1:
            out.append(found[0])
    return out


def year_text(span: TimeSpan | None) -> str:
    if span is None:
        return "undated"
    y0, y1 = civil(span.lo)[0], civil(span.hi)[0]
    return str(y0) if y0 == y1 else f"{y0}–{y1}"


def cite_words(claim: Claim, data: CaseData) -> str:
    """How a sentence names a claim's source: "Markson's note (Cairncross, 1964)"."""
    source = data.sources.get(claim.source_id)
    title = source.short_title if source else claim.source_id
    who = witness(claim, source)
    when = witness_date(claim, source)
    bits = []
    if source and who not in (" & ".join(source.authors), source.title, source.short_title):
        bits.append(who)
    if when is not None:
        bits.append(year_text(when))
    return f"{title} ({', '.join(bits)})" if bits else title


def when_words(span: TimeSpan | None) -> str:
    return span.render() if span is not None else "an unstated date"


def gap_years(later: TimeSpan | None, earlier: TimeSpan | None) -> float | None:
    """The smallest certain gap in years from ``earlier`` to ``later`` (negative: later is before)."""
    if later is None or earlier is None:
        return None
    if later.intersects(earlier):
        return 0.0
    if later.lo > earlier.hi:
        return round((later.lo - earlier.hi) / DAYS_PER_YEAR, 1)
    return -round((earlier.lo - later.hi) / DAYS_PER_YEAR, 1)


@cache
def wording() -> dict:
    """Sentence templates and base severities: data/findings.yaml."""
    return safe_yaml.package_data("data/findings.yaml")


_DANGLING = re.compile(r"(?:\s+(?:in|at|to|from|of|by|with|for|as|into))?\s*\{o\}")


def statement(predicate: str, subject: str, obj: str | None) -> str:
    """'James Klugmann recruited John Cairncross'; without an object, 'the Cheka was
    dissolved' (the preposition that would have led to it goes too)."""
    label = predicate_of(predicate).label
    template = wording()["says"].get(predicate, "{s} " + label + " {o}")
    if not obj:
        template = _DANGLING.sub("", template)
    return template.format(s=subject, o=obj or "").strip()
