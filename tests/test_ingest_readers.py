"""Reading files into Documents: each format, the page map, and every kind of bad file."""

import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from collingwood.errors import BadInputFile, MetadataError
from collingwood.ingest.readers import PAGE_SEPARATOR, Page, join_pages, normalise, page_of, read_document


def _write(tmp_path, name, content):
    path = tmp_path / name
    if isinstance(content, str):
        path.write_bytes(content.encode("utf-8"))
    else:
        path.write_bytes(content)
    return path


def _reason(path):
    with pytest.raises(BadInputFile) as info:
        read_document(path)
    assert info.value.path == path
    return info.value.reason


# --- good files ---------------------------------------------------------------------


def test_ingest_txt_is_normalised_and_hashed(tmp_path):
    raw = "Cafe\u0301 Royal,\r\nLondon.\rEnd\n".encode("utf-8")
    doc = read_document(_write(tmp_path, "note.txt", raw))
    assert doc.format == "txt"
    assert doc.text == "Caf\u00e9 Royal,\nLondon.\nEnd\n"  # NFC, \n newlines
    assert doc.pages == [Page(1, 0, len(doc.text))]
    assert doc.content_hash == hashlib.sha256(raw).hexdigest()
    assert doc.metadata == {}


def test_ingest_txt_accepts_utf8_bom_and_utf16_bom(tmp_path):
    text = "Jane Sissmore, later Archer.\n"
    a = read_document(_write(tmp_path, "a.txt", b"\xef\xbb\xbf" + text.encode("utf-8")))
    b = read_document(_write(tmp_path, "b.txt", text.encode("utf-16")))  # writes a BOM
    assert a.text == b.text == text
    assert a.content_hash != b.content_hash  # the hash is of the bytes, not the text


def test_ingest_md_front_matter_becomes_metadata_and_is_removed(tmp_path):
    md = "---\ntitle: Chapter 3\nauthor: Chapman Pincher\ndate: 1984\n---\n\n# Heading\n\nBody text.\n"
    doc = read_document(_write(tmp_path, "ch3.md", md))
    assert doc.format == "md"
    assert doc.text == "# Heading\n\nBody text.\n"  # markdown kept as written
    assert doc.metadata == {"title": "Chapter 3", "author": "Chapman Pincher", "date": 1984}


def test_ingest_txt_front_matter_is_read_too(tmp_path):
    doc = read_document(_write(tmp_path, "n.txt", "---\nkind: diary\n...\nDear diary.\n"))
    assert doc.metadata == {"kind": "diary"} and doc.text == "Dear diary.\n"


def test_ingest_md_without_closing_fence_has_no_front_matter(tmp_path):
    doc = read_document(_write(tmp_path, "rule.md", "---\nA line after a rule.\n"))
    assert doc.text == "---\nA line after a rule.\n" and doc.metadata == {}


def test_ingest_html_drops_script_style_and_head_keeps_title(tmp_path):
    html = """<!doctype html><html lang="en"><head><title>Spy memoir row</title>
      <meta name="author" content="A. Reporter"><meta name="date" content="1987-07-12">
      <style>p { color: red }</style><script>var secret = 1;</script></head>
      <body><nav>Home</nav><h1>Memoir  causes   row</h1>
      <p>Peter Wright's book<br>was published.</p><!-- a comment -->
      <noscript>enable js</noscript><template><p>hidden</p></template>
      <script>alert("x")</script>
      <table><tr><td>MI5</td><td>1955</td></tr></table>
      <pre>  keep
    this</pre><ul><li>one</li><li>two</li></ul></body></html>"""
    doc = read_document(_write(tmp_path, "news.html", html))
    assert doc.format == "html"
    assert doc.text == ("Spy memoir row\n\nHome\n\nMemoir causes row\n\nPeter Wright's book\n"
                        "was published.\n\nMI5\t1955\n\n  keep\n    this\n\none\ntwo")
    for junk in ("secret", "alert", "color", "enable js", "hidden", "comment"):
        assert junk not in doc.text
    assert doc.metadata == {"title": "Spy memoir row", "author": "A. Reporter",
                            "date": "1987-07-12", "language": "en"}


def test_ingest_html_honours_declared_charset(tmp_path):
    html = '<html><head><meta charset="windows-1252"></head><body><p>Caf\xe9</p></body></html>'
    doc = read_document(_write(tmp_path, "old.htm", html.encode("cp1252")))
    assert doc.text == "Caf\u00e9"


def test_ingest_html_hostile_input_does_not_break(tmp_path):
    deep = "<div>" * 50_000 + "deep text" + "</div>" * 50_000
    hostile = (f"<html><body><a href='javascript:alert(1)'>click</a>{deep}"
               "<p onclick='evil()'>ok</p><unclosed><b><i>tags<svg><text>svg junk</text></svg>"
               "<iframe src='x'>frame</iframe>\x00\x01</body>")
    doc = read_document(_write(tmp_path, "bad.html", hostile))
    assert "click" in doc.text and "deep text" in doc.text and "tags" in doc.text
    assert "javascript" not in doc.text and "svg junk" not in doc.text
    assert "\x00" not in doc.text and "\x01" not in doc.text


def test_ingest_pdf_pages_are_mapped(make_pdf):
    path = make_pdf("memo.pdf", ["Page one text.", "Page two text.", "Page three."],
                    title="Memo on Otto", author="Guy Liddell")
    doc = read_document(path)
    assert doc.format == "pdf"
    assert doc.text == "Page one text.\n\nPage two text.\n\nPage three."
    assert [p.number for p in doc.pages] == [1, 2, 3]
    for page, expected in zip(doc.pages, ["Page one text.", "Page two text.", "Page three."]):
        assert doc.text[page.start:page.end] == expected
    assert page_of(doc.pages, doc.text.index("two")) == 2
    assert doc.metadata["title"] == "Memo on Otto" and doc.metadata["author"] == "Guy Liddell"
    assert "date" not in doc.metadata  # the PDF's creation date is not when the text was written
    assert len(doc.metadata["file_created"]) == 10


def test_ingest_pdf_blank_page_keeps_numbering(make_pdf):
    doc = read_document(make_pdf("gap.pdf", ["First.", "", "Third."]))
    assert doc.text == "First.\n\nThird."
    assert [(p.number, p.start, p.end) for p in doc.pages] == [(1, 0, 6), (2, 6, 6), (3, 8, 14)]
    assert page_of(doc.pages, doc.text.index("Third")) == 3
    assert page_of(doc.pages, 6) == 1  # the separator belongs to the page before


def test_ingest_pdf_with_empty_user_password_is_read(make_encrypted_pdf):
    doc = read_document(make_encrypted_pdf("locked.pdf", ["Readable."], user_password=""))
    assert doc.text == "Readable."


def test_ingest_docx_paragraphs_and_tables_in_order(make_docx):
    path = make_docx("letter.docx", ["Dear Sir,", "", [["Name", "Post"], ["Blunt", "MI5"]], "Yours."],
                     title="Letter", author="Anthony Blunt")
    doc = read_document(path)
    assert doc.format == "docx"
    assert doc.text == "Dear Sir,\n\nName\tPost\nBlunt\tMI5\n\nYours."
    assert doc.pages == [Page(1, 0, len(doc.text))]
    assert doc.metadata["title"] == "Letter" and doc.metadata["author"] == "Anthony Blunt"


def test_ingest_page_of_bounds():
    pages = [Page(1, 0, 5), Page(2, 7, 10)]
    assert page_of(pages, 0) == 1 and page_of(pages, 9) == 2 and page_of(pages, 10) == 2
    with pytest.raises(ValueError):
        page_of(pages, 11)
    with pytest.raises(ValueError):
        page_of(pages, -1)


# --- bad files: each with a reason that says how to fix it -----------------------


def test_ingest_zero_byte_file_is_refused(tmp_path):
    assert "empty" in _reason(_write(tmp_path, "z.txt", b""))


def test_ingest_whitespace_only_file_is_refused(tmp_path):
    assert "no readable text" in _reason(_write(tmp_path, "w.md", " \n\t\n"))
    assert "no readable text" in _reason(_write(tmp_path, "w.html", "<script>x()</script>"))


def test_ingest_encrypted_pdf_is_refused(make_encrypted_pdf):
    reason = _reason(make_encrypted_pdf("secret.pdf", ["Hidden."]))
    assert reason == "the PDF is encrypted; decrypt it and ingest again"


def test_ingest_text_named_pdf_is_refused(tmp_path):
    reason = _reason(_write(tmp_path, "fake.pdf", "just some text"))
    assert "is not a PDF" in reason and "just some" in reason


def test_ingest_pdf_without_text_layer_is_refused(make_pdf):
    assert "no text layer" in _reason(make_pdf("scan.pdf", ["", ""]))


def test_ingest_damaged_pdf_is_refused(tmp_path):
    assert "damaged" in _reason(_write(tmp_path, "bad.pdf", b"%PDF-1.4\n garbage \x00\x01"))


def test_ingest_docx_that_is_not_a_zip_is_refused(tmp_path):
    assert "not a Word document" in _reason(_write(tmp_path, "fake.docx", "plain text"))


def test_ingest_zip_without_word_part_is_refused(tmp_path):
    import zipfile

    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "hello")
    assert "no word/document.xml" in _reason(path)


def test_ingest_binary_named_txt_is_refused(tmp_path):
    assert "is a PDF" in _reason(_write(tmp_path, "x.txt", b"%PDF-1.7 ..."))
    assert "NUL" in _reason(_write(tmp_path, "y.txt", b"a\x00b"))


def test_ingest_missing_file_and_folder_are_refused(tmp_path):
    assert "no such file" in _reason(tmp_path / "missing.txt")
    folder = tmp_path / "dir.txt"
    folder.mkdir()
    assert "folder" in _reason(folder)


def test_ingest_unsupported_suffix_is_refused(tmp_path):
    assert "unsupported file type '.xlsx'" in _reason(_write(tmp_path, "a.xlsx", "x"))


def test_ingest_malformed_front_matter_names_the_line(tmp_path):
    path = _write(tmp_path, "bad.md", "---\ntitle: ok\nauthors: [unclosed\n---\nBody\n")
    with pytest.raises(MetadataError) as info:
        read_document(path)
    assert "front matter is not valid YAML" in info.value.reason
    assert "(line 4:" in info.value.reason  # the file's line, where the YAML broke off
    assert info.value.message.startswith("Can't read bad.md:")


def test_ingest_front_matter_must_be_a_mapping(tmp_path):
    with pytest.raises(MetadataError, match="must be a mapping"):
        read_document(_write(tmp_path, "list.md", "---\n- a\n- b\n---\nBody\n"))


def test_ingest_html_xhtml_and_url_like_text_raise_no_warning(tmp_path):
    xhtml = ('<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml">'
             "<head><title>X</title></head><body><p>Body</p></body></html>")
    assert read_document(_write(tmp_path, "x.html", xhtml)).text == "X\n\nBody"
    assert read_document(_write(tmp_path, "u.html", "index.html")).text == "index.html"


@given(st.lists(st.text(alphabet="ab \n\u00e9", max_size=12), min_size=1, max_size=8))
def test_ingest_join_pages_maps_every_offset_to_its_page(texts):
    text, pages = join_pages(texts)
    assert [p.number for p in pages] == list(range(1, len(texts) + 1))
    for page in pages:
        assert text[page.start:page.end] == normalise(texts[page.number - 1]).strip()
        for offset in range(page.start, page.end):
            assert page_of(pages, offset) == page.number
    covered = sum(p.end - p.start for p in pages)
    assert len(text) - covered == len(PAGE_SEPARATOR) * max(0, sum(p.end > p.start for p in pages) - 1)


# --- hostile .docx: caps checked from the zip directory, XML without entities ---------------


def _docx_reason(path, limits=None):
    from collingwood.ingest.limits import Limits

    with pytest.raises(BadInputFile) as e:
        read_document(path, limits or Limits())
    return e.value


def test_ingest_docx_part_over_the_cap_is_a_zip_bomb_before_inflating(tmp_path):
    from hostile_corpus import docx_bomb

    from collingwood.ingest.limits import Limits

    docx_bomb(tmp_path / "big.docx", 32 * 1024 * 1024)
    e = _docx_reason(tmp_path / "big.docx", Limits(zip_member_mb=16))
    assert e.kind == "zip-bomb" and "word/document.xml would inflate to 32.0 MiB" in e.reason
    e = _docx_reason(tmp_path / "big.docx", Limits(zip_ratio=50))
    assert e.kind == "zip-bomb" and "times" in e.reason


def test_ingest_docx_undefined_entity_is_refused_not_truncated(tmp_path):
    from hostile_corpus import docx_with_xml

    path = tmp_path / "e.docx"
    path.write_bytes(docx_with_xml(["Before.", "Second paragraph, then more."],
                                   lambda x: x.replace("Second paragraph,", "Second &nbsp; paragraph,")))
    e = _docx_reason(path)
    assert e.kind == "damaged" and "undefined entity" in e.reason and "line" in e.reason


def test_ingest_docx_with_a_dtd_is_refused(tmp_path):
    from hostile_corpus import docx_with_xml

    path = tmp_path / "x.docx"
    path.write_bytes(docx_with_xml(["Text."], lambda x: x.replace(
        "?>", '?><!DOCTYPE w:document [<!ENTITY e SYSTEM "file:///etc/passwd">]>', 1)))
    e = _docx_reason(path)
    assert e.kind == "damaged" and "DTD" in e.reason


_PREFIXES = {".txt": [b""], ".html": [b"", b"<meta charset=koi8-r>"], ".pdf": [b"%PDF-1.4\n"],
             ".docx": [b"PK\x03\x04"], ".png": [b"\x89PNG\r\n\x1a\n"], ".jpg": [b"\xff\xd8\xff"],
             ".tif": [b"II*\x00"]}


@settings(max_examples=120, deadline=None)
@given(st.sampled_from(sorted(_PREFIXES)), st.data(), st.binary(max_size=400))
def test_ingest_any_bytes_read_or_refused_with_a_code(tmp_path_factory, suffix, data, body):
    """Whatever the bytes, a reader returns a Document or raises BadInputFile with a code."""
    prefix = data.draw(st.sampled_from(_PREFIXES[suffix]))
    path = tmp_path_factory.mktemp("any") / f"f{suffix}"
    path.write_bytes(prefix + body)
    try:
        doc = read_document(path)
    except BadInputFile as e:
        assert e.kind and e.reason
    else:
        assert doc.text.strip() and doc.pages
