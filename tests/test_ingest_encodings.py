"""Text encodings: what is text is read (and how is recorded), only binary is refused."""

from __future__ import annotations

import codecs
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from collingwood.errors import BadInputFile
from collingwood.ingest.encoding import decode_bytes, utf16_without_bom
from collingwood.ingest.readers import normalise, read_document

FRENCH = "Le caf\u00e9 de la Gare, \u00e0 Z\u00fcrich: l'\u00e9migr\u00e9 d\u00e9clara qu'il \u00e9tait l\u00e0 en 1951."
QUOTES = "The officer said \u201cI never met him\u201d \u2014 but the file, dated 12 May 1951, shows otherwise."
RUSSIAN = "\u0414\u043e\u043a\u043b\u0430\u0434 \u043e \u0432\u0441\u0442\u0440\u0435\u0447\u0435 \u0432 " \
          "\u0412\u0435\u043d\u0435, \u043c\u0430\u0440\u0442 1934 \u0433\u043e\u0434\u0430."


def _read(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return read_document(path)


@pytest.mark.parametrize("text, codec", [(FRENCH, "latin-1"), (QUOTES, "cp1252"), (RUSSIAN, "cp1251"),
                                         (FRENCH, "utf-16-le"), (QUOTES, "utf-16-be")])
def test_encodings_single_byte_and_bomless_utf16_are_read(tmp_path, text, codec):
    doc = _read(tmp_path, "t.txt", (text + "\n").encode(codec))
    assert doc.text == text + "\n"
    how = doc.reading["encoding"]
    assert how["method"] in ("detected", "utf-16-pattern") and 0 < how["confidence"] <= 1


def test_encodings_detected_name_and_confidence_are_recorded(tmp_path):
    how = _read(tmp_path, "q.txt", (QUOTES * 3).encode("cp1252")).reading["encoding"]
    assert how["encoding"] == "cp1252" and how["method"] == "detected"
    assert _read(tmp_path, "u.txt", b"plain").reading["encoding"] == {
        "encoding": "utf-8", "method": "utf-8", "confidence": 1.0}


@pytest.mark.parametrize("bom, codec", [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                                        (codecs.BOM_UTF16_BE, "utf-16-be"), (codecs.BOM_UTF32_LE, "utf-32-le")])
def test_encodings_a_bom_decides(tmp_path, bom, codec):
    doc = _read(tmp_path, "b.txt", bom + FRENCH.encode(codec))
    assert doc.text == FRENCH and doc.reading["encoding"]["method"] == "bom"


@pytest.mark.parametrize("data, reason", [
    (os.urandom(20000), "binary"),
    (b"Text with a\x00NUL byte", "NUL"),
    (b"\x01\x02\x03\x04 mostly controls \x05\x06\x07\x08\x0e\x0f\x10\x11\x12", "control"),
])
def test_encodings_only_binary_is_refused(tmp_path, data, reason):
    with pytest.raises(BadInputFile) as e:
        _read(tmp_path, "bin.txt", data)
    assert e.value.kind == "not-text" and reason in e.value.reason


def test_encodings_html_declared_latin1_is_read_as_windows_1252(tmp_path):
    html = f"<html><head><meta charset=iso-8859-1></head><body><p>{QUOTES}</p></body></html>"
    doc = _read(tmp_path, "p.html", html.encode("cp1252"))
    assert QUOTES in doc.text and doc.reading["encoding"]["encoding"] == "cp1252"


def test_encodings_html_without_charset_is_detected(tmp_path):
    doc = _read(tmp_path, "p.html", f"<p>{FRENCH}</p>".encode("latin-1"))
    assert FRENCH in doc.text and doc.reading["encoding"]["method"] == "detected"


def test_encodings_html_with_a_wrong_declaration_falls_back(tmp_path):
    doc = _read(tmp_path, "p.html", f"<meta charset=utf-8><p>{FRENCH}</p>".encode("latin-1"))
    assert FRENCH in doc.text and doc.reading["encoding"]["declared"] == "utf-8"


def test_encodings_utf16_pattern():
    assert utf16_without_bom("Some ASCII text".encode("utf-16-le")) == "utf-16-le"
    assert utf16_without_bom("Some ASCII text".encode("utf-16-be")) == "utf-16-be"
    assert utf16_without_bom(b"plain bytes") is None


@settings(max_examples=150, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=200))
def test_encodings_any_utf8_text_reads_back_normalised(text):
    decoded, how = decode_bytes("t.txt", text.encode("utf-8"))
    assert normalise(decoded) == normalise(text) and how["method"] in ("utf-8", "bom", "utf-16-pattern")


@settings(max_examples=100, deadline=None)
@given(st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7e), min_size=8, max_size=200))
def test_encodings_any_ascii_text_in_bomless_utf16_reads_back(text):
    for codec in ("utf-16-le", "utf-16-be"):
        decoded, how = decode_bytes("t.txt", text.encode(codec))
        assert decoded == text and how["encoding"] == codec
