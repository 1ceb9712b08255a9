"""document_date: the date a dated document heads itself with."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from collingwood.extract.document_date import document_date, document_dct
from collingwood.timespan import MONTHS
from shared_data import DATA, SEEDS, need


@pytest.mark.parametrize("text, iso, words", [
    ("MEMORANDUM FOR THE RECORD\nSUBJECT: Meeting with AELADLE\nDATE: 29 January 1964\n\n1. On 6 December 1963 ...",
     "1964-01-29", "29 January 1964"),
    ("SECRET\n29 Jan 64\nMEMORANDUM FOR: Chief, SR Division\nSUBJECT: Debriefing\n", "1964-01-29", "29 Jan 64"),
    ("MEMORANDUM FOR: Deputy Director (Plans)          DATE: 3 Feb 64\nSUBJECT: x", "1964-02-03", "3 Feb 64"),
    ("Dated: March 4, 1952\nTo the Director", "1952-03-04", "March 4, 1952"),
    ("Date: 8/23/78\nInterview of the witness", "1978-08-23", "8/23/78"),
    ("MOSCOW, April 3, 1998 (AP) -- Officials said yesterday that the talks had failed.", "1998-04-03", "April 3, 1998"),
    ("Spies in the archive\n\n23 July 2009\n\nThe memoirs of a former spy were opened.", "2009-07-23", "23 July 2009"),
    ("Headline over the story\nBy A. Writer\nPublished 16 January 2025\n\nThe archive released files.",
     "2025-01-16", "16 January 2025"),
    ("Page last updated at 01:45 GMT, Thursday, 23 July 2009 02:45 UK\n\nThe memoirs", "2009-07-23",
     "Thursday, 23 July 2009"),
    ("TOT: 041754Z APR 92\nSTAFF\nTO: STATION", "1992-04-04", "041754Z APR 92"),
    ("PRIORITY DIRECTOR\n121530Z NOV 63\nREF: A", "1963-11-12", "121530Z NOV 63"),
    ("Washington, D.C., March 3, 1964\n\nDear Sir,\nI write to you", "1964-03-03", "March 3, 1964"),
    ("INTERVIEW OF A WITNESS\nAUGUST 17, 1978\nAMERICAN EMBASSY, PARIS", "1978-08-17", "AUGUST 17, 1978"),
    ("---\ntitle: a note\n---\nDATE: 1 May 1945\nThe war is over.", "1945-05-01", "1 May 1945"),
])
def test_document_date_reads_header_lines(text, iso, words):
    found = document_date(text)
    assert found is not None, text
    date, (a, b) = found
    assert date == iso and text[a:b] == words


@pytest.mark.parametrize("text", [
    "MOSCOW, April 3 (AP) -- Officials said yesterday that the talks had failed.",   # no year: never guessed
    "In 1937 he defected to the West. He was found dead in 1941.",                     # narrative, no header
    "Render date: 2025-01-13T20:43:54.652Z Has data issue: false\nIn 1937 he defected.",  # a page's render time
    "CHRONOLOGY\nSeptember 26, 1963 A man claiming to be Oswald visits.\nSeptember 27, 1963\nHe returns.",
    "DATE: 00/00/0000\nCHRONOLOGY OF VISITS",
    "",
])
def test_document_date_never_guesses(text):
    assert document_date(text) is None


def test_document_date_reads_only_the_header_area():
    body = "Nothing dated here. " * 120
    assert document_date(body + "\nDATE: 29 January 1964\n") is None
    assert document_date("DATE: 29 January 1964\n" + body) == ("1964-01-29", (6, 21))


def test_document_date_kind_orders_the_header_lines():
    text = "Published 2 May 2001\nDATE: 29 January 1964\n"
    assert document_dct(text, kind="memo") == "1964-01-29"
    assert document_dct(text, kind="news") == "2001-05-02"


# --- golden: real headers read by path

@pytest.mark.parametrize("path, iso, words", [
    (SEEDS / "002_62c0d5c2d3ffd543.txt", "2009-07-23", "Thursday, 23 July 2009"),
    (SEEDS / "003_3c096ae617f1ea3a.txt", "2025-01-16", "16 Jan 2025"),
    (SEEDS / "001_76b3210b0296f2a3.txt", "2023-02-24", "24 February 2023"),
    (DATA / "claims-dev" / "texts" / "jfk-kgb-veterans-cable-874.md", "1992-04-04", "041754Z APR 92"),
    (DATA / "claims-dev" / "texts" / "jfk-casasin-interview-1108.md", "1978-08-17", "AUGUST 17, 1978"),
])
def test_document_date_golden_headers(path, iso, words):
    text = need(path).read_text(encoding="utf-8")
    date, (a, b) = document_date(text)
    assert date == iso and text[a:b] == words


def test_document_date_golden_undated_chronology_gives_nothing():
    text = need(DATA / "claims-dev" / "texts" / "jfk-oswald-mexico-chronology-1105.md").read_text(encoding="utf-8")
    assert document_date(text) is None


@given(st.integers(min_value=1900, max_value=2099), st.integers(min_value=1, max_value=12),
       st.integers(min_value=1, max_value=28),
       st.sampled_from(["DATE: {d} {M} {y}", "Dated {M} {d}, {y}", "{d} {M} {y}", "Published {d} {M} {y}",
                        "LONDON, {M} {d}, {y} (Reuters) - Ministers met."]))
def test_property_document_date_round_trips(y, m, d, form):
    month = MONTHS[m - 1].capitalize()
    text = "A headline\n" + form.format(d=d, M=month, y=y) + "\n\nThe story goes on."
    assert document_dct(text) == f"{y:04d}-{m:02d}-{d:02d}"


@given(st.text(max_size=300))
def test_property_document_date_never_fails_and_stays_in_the_text(text):
    found = document_date(text)
    if found is not None:
        iso, (a, b) = found
        assert 0 <= a < b <= len(text) and len(iso) in (7, 10)
