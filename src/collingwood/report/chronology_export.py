"""The chronology's exports: Markdown, CSV and JSON (`collingwood chronology --format`)."""

from __future__ import annotations

import csv
import io


from ..analyse.chronology import ChronologyEntry, Version
from ..resolve import Resolution
from ..timespan import TimeSpan
from .json_text import indented


def _time_dict(t: TimeSpan | None) -> dict | None:
    return None if t is None else {"earliest": t.earliest, "latest": t.latest, "text": t.render()}


def entry_record(e: ChronologyEntry, res: Resolution) -> dict:
    return {
        "id": e.id,
        "predicate": e.event.predicate,
        "label": e.label,
        "participants": [{"id": p, "name": res.name(p)} for p in e.event.participants],
        "time": _time_dict(e.event.time),
        "place": e.event.place,
        "track": e.event.track,
        "disputed": e.disputed,
        "order_unknown_with": list(e.order_unknown_with),
        "order_group": e.order_group,
        "order_group_size": e.order_group_size,
        "versions": [{
            "claim_id": v.claim_id, "source_id": v.source_id, "source_title": v.source_title,
            "quote": v.quote, "witness": v.witness, "polarity": v.polarity, "modality": v.modality,
            "time": _time_dict(v.time), "written_after_years": v.written_after_years,
        } for v in e.versions],
    }


def to_json(entries: list[ChronologyEntry], res: Resolution) -> str:
    return indented([entry_record(e, res) for e in entries])


def _gap_words(v: Version) -> str:
    if v.written_after_years is None:
        return "date of account unknown"
    if v.written_after_years == 0:
        return "written at the time"
    if v.written_after_years < 0:
        return f"written {abs(v.written_after_years):g} years before (!)"
    return f"written {v.written_after_years:g} years after"


def to_markdown(entries: list[ChronologyEntry], res: Resolution) -> str:
    lines = ["# Chronology", ""]
    names = {e.id: e.label for e in entries}
    for e in entries:
        when = e.event.time.render() if e.event.time else "undated"
        flag = " — **dates disputed**" if e.disputed else ""
        lines.append(f"## {when}: {e.label}{flag}")
        if e.order_unknown_with:
            others = "; ".join(names[x] for x in e.order_unknown_with[:8])
            more = f" and {len(e.order_unknown_with) - 8} more" if len(e.order_unknown_with) > 8 else ""
            if not e.order_listed_all:
                more = (f" and others of a run of {e.order_group_size:,} events whose spans "
                        "overlap and share actors")
            lines.append(f"*Order unknown relative to: {others}{more}.*")
        lines += ["", "| when | witness | source | says | immediacy |", "|---|---|---|---|---|"]
        for v in e.versions:
            says = ("" if v.polarity == "affirmed" else "DENIES: ") + v.quote.replace("|", "\\|").replace("\n", " ")
            vt = v.time.render() if v.time else "—"
            lines.append(f"| {vt} | {v.witness} | {v.source_title} | {says} | {_gap_words(v)} |")
        lines.append("")
    return "\n".join(lines)


CSV_FIELDS = ("event_id", "event_earliest", "event_latest", "event", "disputed", "claim_id",
              "source_id", "source_title", "witness", "polarity", "time", "written_after_years", "quote")


def to_csv(entries: list[ChronologyEntry], res: Resolution) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(CSV_FIELDS)
    for e in entries:
        t = e.event.time
        for v in e.versions:
            w.writerow([e.id, t.earliest if t else "", t.latest if t else "", e.label, e.disputed,
                        v.claim_id, v.source_id, v.source_title, v.witness, v.polarity,
                        v.time.render() if v.time else "",
                        "" if v.written_after_years is None else v.written_after_years, v.quote])
    return out.getvalue()
