"""Chronology: reading order, honest 'order unknown', versions side by side, filters, renderers."""

import csv
import io
import json

import pytest

from collingwood.analyse.chronology import chronology, outline, versions
from collingwood.report.chronology_export import CHUNKS, entry_record, to_csv, to_json, to_markdown
from collingwood.errors import NotFound
from collingwood.resolve import resolve


@pytest.fixture
def meetings(build):
    build.source("memoir", "Memoir", authors=["John Cairncross"], written="1995", kind="memoir")
    build.source("note", "Markson's note", authors=["Markson"], written="2025",
                 reports_on={"witness": "John Cairncross", "date": "1964"})
    return build.case([
        build.claim("John Cairncross", "met", "Donald Maclean", "1943 or 1944", "memoir"),
        build.claim("John Cairncross", "met", "Kim Philby", "spring 1943", "memoir"),
        build.claim("John Cairncross", "met", "Guy Burgess", "1940", "memoir"),
        build.claim("James Klugmann", "recruited", "John Cairncross", "1936", "note",
                    asserted_by="John Cairncross"),
        build.claim("John Cairncross", "worked_at", "Treasury", "1938", "memoir"),
    ])


def test_chronology_order_unknown_not_invented(meetings):
    res = resolve(meetings)
    entries = chronology(meetings, res)
    by_label = {e.label: e for e in entries}
    wide = by_label["John Cairncross met Donald Maclean"]
    spring = by_label["John Cairncross met Kim Philby"]
    assert spring.id in wide.order_unknown_with and wide.id in spring.order_unknown_with
    early = by_label["John Cairncross met Guy Burgess"]
    assert early.next_relation == "before" and not early.order_unknown_with


def test_chronology_sorted_by_time(meetings):
    labels = [e.label for e in chronology(meetings, resolve(meetings))]
    assert labels[0] == "James Klugmann recruited John Cairncross"
    assert labels.index("John Cairncross met Guy Burgess") < labels.index("John Cairncross met Kim Philby")


def test_chronology_witness_date_of_reported_testimony(meetings):
    entry = chronology(meetings, resolve(meetings))[0]
    (v,) = entry.versions
    assert v.witness == "John Cairncross"
    assert v.written_after_years == 27.0        # the 1964 confession, not the 2025 note


def test_chronology_filters(meetings):
    res = resolve(meetings)
    assert len(chronology(meetings, res, actor="Burgess")) == 1
    assert len(chronology(meetings, res, track="intelligence")) == 1
    assert len(chronology(meetings, res, start="1939", end="1942")) == 1
    with pytest.raises(NotFound):
        chronology(meetings, res, actor="Nobody Atall")


def test_chronology_renderers(meetings):
    res = resolve(meetings)
    entries = chronology(meetings, res)
    records = json.loads(to_json(entries, res))
    assert set(records[0]) >= {"id", "predicate", "participants", "time", "disputed",
                               "order_unknown_with", "versions"}
    assert set(records[0]["versions"][0]) >= {"claim_id", "source_id", "source_title", "quote",
                                              "witness", "polarity", "time", "written_after_years"}
    rows = list(csv.DictReader(io.StringIO(to_csv(entries, res))))
    assert len(rows) == 5
    assert "Order unknown relative to" in to_markdown(entries, res)


def test_chronology_written_piece_by_piece_is_the_same_text(meetings):
    """A command writes the chronology entry by entry, each entry's versions made as it is
    written: the pieces make exactly the whole text, in every format."""
    res = resolve(meetings)
    whole = chronology(meetings, res)
    bare = outline(meetings, res)
    assert [e.id for e in bare] == [e.id for e in whole] and not any(e.versions for e in bare)
    assert [e.order_unknown_with for e in bare] == [e.order_unknown_with for e in whole]
    lazily = lambda e: versions(e.event, meetings, res)     # noqa: E731
    pieces = {fmt: list(write(bare, res, lazily)) for fmt, write in CHUNKS.items()}
    assert "".join(pieces["md"]) == to_markdown(whole, res)
    assert "".join(pieces["csv"]) == to_csv(whole, res)
    assert "".join(pieces["json"]) == json.dumps([entry_record(e, res) for e in whole], indent=2,
                                                 ensure_ascii=False)
    assert len(pieces["md"]) == len(whole) + 1          # the title, then one piece per entry
    assert not any(e.versions for e in bare)            # made for writing, not kept


def test_chronology_of_nothing(meetings):
    res = resolve(meetings)
    none = chronology(meetings, res, start="1700", end="1701")
    assert to_markdown(none, res) == "# Chronology\n"
    assert to_json(none, res) == "[]"
    assert to_csv(none, res).count("\n") == 1           # the header row alone


def test_chronology_statement_without_an_object_drops_the_dangling_preposition():
    from collingwood.analyse import statement

    assert statement("dissolved_by", "Cheka", None) == "Cheka was dissolved"
    assert statement("died", "John Cairncross", None) == "John Cairncross died"
    assert statement("died", "John Cairncross", "Rome") == "John Cairncross died in Rome"
    assert statement("recruited", "Arnold Deutsch", "John Cairncross") == "Arnold Deutsch recruited John Cairncross"
