"""The chronology's exports: Markdown, CSV and JSON (`collingwood chronology --format`).

Each format is written entry by entry (`CHUNKS`): the caller passes how an entry's versions
are made, so a command can write a 1M-claim chronology without holding every version, or
every line, at once. `to_markdown`, `to_csv` and `to_json` are the same texts whole.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator

from ..analyse.chronology import ChronologyEntry, Version
from ..resolve import Resolution
from ..timespan import TimeSpan
from .json_text import indented


def _time_dict(t: TimeSpan | None) -> dict | None:
    return None if t is None else {"earliest": t.earliest, "latest": t.latest, "text": t.render()}


def entry_record(e: ChronologyEntry, res: Resolution, versions: list[Version] | None = None) -> dict:
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
        } for v in (e.versions if versions is None else versions)],
    }


Versions = Callable[[ChronologyEntry], list[Version]]


def _own(e: ChronologyEntry) -> list[Version]:
    return e.versions


def to_json(entries: list[ChronologyEntry], res: Resolution) -> str:
    return "".join(json_chunks(entries, res))


def json_chunks(entries: Iterable[ChronologyEntry], res: Resolution, versions_of: Versions = _own) -> Iterator[str]:
    """`indented` of the list of entry records, one record at a time: a record indented by two
    at the top is the same record one level down with two more spaces before each line
    (JSON strings hold no raw line break)."""
    first = True
    for e in entries:
        record = entry_record(e, res, versions_of(e))
        yield ("[\n" if first else ",\n") + "\n".join("  " + line for line in indented(record).split("\n"))
        first = False
    yield "[]" if first else "\n]"


def _gap_words(v: Version) -> str:
    if v.written_after_years is None:
        return "date of account unknown"
    if v.written_after_years == 0:
        return "written at the time"
    if v.written_after_years < 0:
        return f"written {abs(v.written_after_years):g} years before (!)"
    return f"written {v.written_after_years:g} years after"


def to_markdown(entries: list[ChronologyEntry], res: Resolution) -> str:
    return "".join(markdown_chunks(entries, res))


def markdown_chunks(entries: list[ChronologyEntry], res: Resolution, versions_of: Versions = _own) -> Iterator[str]:
    """The Markdown chronology, one entry's section at a time."""
    yield "# Chronology\n"
    names = {e.id: e.label for e in entries}
    for e in entries:
        when = e.event.time.render() if e.event.time else "undated"
        flag = " — **dates disputed**" if e.disputed else ""
        lines = [f"## {when}: {e.label}{flag}"]
        if e.order_unknown_with:
            others = "; ".join(names[x] for x in e.order_unknown_with[:8])
            more = f" and {len(e.order_unknown_with) - 8} more" if len(e.order_unknown_with) > 8 else ""
            if not e.order_listed_all:
                more = (f" and others of a run of {e.order_group_size:,} events whose spans "
                        "overlap and share actors")
            lines.append(f"*Order unknown relative to: {others}{more}.*")
        lines += ["", "| when | witness | source | says | immediacy |", "|---|---|---|---|---|"]
        for v in versions_of(e):
            says = ("" if v.polarity == "affirmed" else "DENIES: ") + v.quote.replace("|", "\\|").replace("\n", " ")
            vt = v.time.render() if v.time else "—"
            lines.append(f"| {vt} | {v.witness} | {v.source_title} | {says} | {_gap_words(v)} |")
        lines.append("")
        yield "".join("\n" + line for line in lines)


CSV_FIELDS = ("event_id", "event_earliest", "event_latest", "event", "disputed", "claim_id",
              "source_id", "source_title", "witness", "polarity", "time", "written_after_years", "quote")


def to_csv(entries: list[ChronologyEntry], res: Resolution) -> str:
    return "".join(csv_chunks(entries, res))


def csv_chunks(entries: Iterable[ChronologyEntry], res: Resolution, versions_of: Versions = _own) -> Iterator[str]:
    """The CSV chronology (one row per version), one entry's rows at a time."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(CSV_FIELDS)
    for e in entries:
        t = e.event.time
        for v in versions_of(e):
            w.writerow([e.id, t.earliest if t else "", t.latest if t else "", e.label, e.disputed,
                        v.claim_id, v.source_id, v.source_title, v.witness, v.polarity,
                        v.time.render() if v.time else "",
                        "" if v.written_after_years is None else v.written_after_years, v.quote])
        yield out.getvalue()
        out.seek(0)
        out.truncate()
    yield out.getvalue()


CHUNKS = {"md": markdown_chunks, "csv": csv_chunks, "json": json_chunks}
