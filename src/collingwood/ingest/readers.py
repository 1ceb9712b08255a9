"""Read one file into a `Document`: normalised text, a page map, a content hash, embedded metadata.

Pure: reads the file, writes nothing. Every failure is a `BadInputFile` whose
reason says what is wrong and how to fix it. The format comes from the file's
extension and is then checked against the content (magic bytes), so a
mislabelled file is refused rather than read as garbage. See docs/ingest.md.
"""

from __future__ import annotations

import hashlib
import io
import re
import unicodedata
import zipfile
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import BadInputFile
from .metadata import split_front_matter

SUPPORTED_SUFFIXES: frozenset[str] = frozenset({".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx"})
FORMATS = {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
           ".pdf": "pdf", ".docx": "docx"}
PAGE_SEPARATOR = "\n\n"

# Signatures of formats a text file must not be; a match names the real format.
_MAGIC = [(b"%PDF-", "a PDF"), (b"PK\x03\x04", "a zip archive (a .docx?)"),
          (b"\xd0\xcf\x11\xe0", "an old Word .doc or a password-protected Office file"),
          (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image")]
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Page:
    number: int  # 1-based page number in the document (PDF page index + 1; other formats: 1)
    start: int  # char offset in Document.text
    end: int  # exclusive


@dataclass
class Document:
    path: Path
    format: str  # 'txt' | 'md' | 'html' | 'pdf' | 'docx'
    text: str  # normalised plain text
    pages: list[Page]  # ordered; covers text (PDF pages are separated by PAGE_SEPARATOR)
    content_hash: str  # sha256 hex of the file's raw bytes
    metadata: dict = field(default_factory=dict)  # embedded metadata, raw keys (see metadata.py)


def read_document(path: Path) -> Document:
    """Read `path` as the format its extension names; raise BadInputFile if it is not that."""
    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise BadInputFile(path, f"unsupported file type {path.suffix or '(no extension)'!r}; "
                                 f"use one of {', '.join(sorted(SUPPORTED_SUFFIXES))}")
    data = _read_bytes(path)
    text, pages, meta = _READERS[fmt](path, data)
    if not text.strip():
        raise BadInputFile(path, "no readable text (only whitespace or markup); check the file")
    return Document(path=path, format=fmt, text=text, pages=pages,
                    content_hash=hashlib.sha256(data).hexdigest(), metadata=meta)


def page_of(doc_pages: list[Page], offset: int) -> int:
    """The number of the page holding char `offset`.

    An offset in the separator between two pages belongs to the page before;
    `offset == len(text)` (an exclusive end) belongs to the last page.
    """
    if not doc_pages or offset < 0 or offset > doc_pages[-1].end:
        raise ValueError(f"offset {offset} is outside the document's pages")
    i = bisect_right([p.start for p in doc_pages], offset) - 1
    while i > 0 and doc_pages[i].start == doc_pages[i].end and offset >= doc_pages[i].end:
        i -= 1  # an empty page shares its offset with its neighbours: prefer one with text
    return doc_pages[max(i, 0)].number


def normalise(text: str) -> str:
    """NFC, \\n newlines, no control characters other than tab and newline."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text = text.lstrip("\ufeff")
    return unicodedata.normalize("NFC", _CONTROL.sub("", text))


def _read_bytes(path: Path) -> bytes:
    if path.is_dir():
        raise BadInputFile(path, "it is a folder, not a file; give the folder to ingest as a folder")
    try:
        data = path.read_bytes()
    except FileNotFoundError as e:
        raise BadInputFile(path, "no such file; check the path") from e
    except OSError as e:
        raise BadInputFile(path, f"cannot open it ({e.strerror or e}); check its permissions") from e
    if not data:
        raise BadInputFile(path, "the file is empty (zero bytes)")
    return data


def _refuse_binary(path: Path, data: bytes) -> None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise BadInputFile(path, f"it says {path.suffix} but is {what} (starts with {data[:8]!r}); "
                                     "rename it with the right extension")


def decode_text(path: Path, data: bytes) -> str:
    """UTF-8 (BOM optional) or UTF-16 with a BOM; anything else is refused, never guessed."""
    _refuse_binary(path, data)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        codec = "utf-16"
    else:
        codec = "utf-8-sig"
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as e:
        where = f"byte {data[e.start:e.start + 1]!r} at offset {e.start}"
        raise BadInputFile(path, f"not valid UTF-8 text (tried UTF-8 and UTF-16 with BOM; {where}); "
                                 "save it as UTF-8") from e
    if "\x00" in text:
        raise BadInputFile(path, "it contains NUL characters, so it is not a text file; "
                                 "save it as UTF-8 text")
    return normalise(text)


def _read_plain(path: Path, data: bytes) -> tuple[str, list[Page], dict]:
    meta, body, _ = split_front_matter(decode_text(path, data), path)
    return body, [Page(1, 0, len(body))], meta


def _read_html(path: Path, data: bytes) -> tuple[str, list[Page], dict]:
    _refuse_binary(path, data)
    text, meta = _html_text(path, _decode_html(path, data))
    text = normalise(text)
    return text, [Page(1, 0, len(text))], meta


def _read_pdf(path: Path, data: bytes) -> tuple[str, list[Page], dict]:
    if b"%PDF-" not in data[:1024]:
        raise BadInputFile(path, f"it says .pdf but is not a PDF (starts with {data[:12]!r}); "
                                 "rename it with the right extension")
    texts, meta = _pdf_pages(path, data)
    text, pages = join_pages(texts)
    if not text.strip():
        raise BadInputFile(path, "the PDF has no text layer (a scan?); OCR it first")
    return text, pages, meta


def join_pages(texts: list[str]) -> tuple[str, list[Page]]:
    """Page texts -> one text and its page map; empty pages keep their number, with no span."""
    parts: list[str] = []
    pages: list[Page] = []
    pos = 0
    for number, raw in enumerate(texts, start=1):
        page_text = normalise(raw).strip()
        if page_text and pos:
            parts.append(PAGE_SEPARATOR)
            pos += len(PAGE_SEPARATOR)
        parts.append(page_text)
        pages.append(Page(number, pos, pos + len(page_text)))
        pos += len(page_text)
    return "".join(parts), pages


def _read_docx(path: Path, data: bytes) -> tuple[str, list[Page], dict]:
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise BadInputFile(path, "it is an old Word .doc or a password-protected Office file; "
                                 "remove the password and save it as .docx")
    if not data.startswith(b"PK\x03\x04"):
        raise BadInputFile(path, f"it says .docx but is not a Word document (starts with {data[:12]!r}); "
                                 "rename it with the right extension")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
    except zipfile.BadZipFile as e:
        raise BadInputFile(path, "it is a damaged zip archive, not a readable .docx; "
                                 "open it in Word and save it again") from e
    if "word/document.xml" not in names:
        raise BadInputFile(path, "it is a zip archive but not a Word document (no word/document.xml)")
    text, meta = _docx_text(path, data)
    text = normalise(text)
    return text, [Page(1, 0, len(text))], meta


# --- HTML ---------------------------------------------------------------------------

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._-]+)""", re.I)
_DROP = frozenset({"script", "style", "noscript", "template", "head", "svg", "math",
                   "iframe", "object", "embed", "canvas"})
_PARAGRAPH = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "ul", "ol",
                        "dl", "section", "article", "header", "footer", "figure", "hr", "address",
                        "aside", "nav", "main", "form", "fieldset", "details"})
_LINE = frozenset({"div", "br", "li", "tr", "dt", "dd", "caption", "figcaption", "summary",
                   "option", "legend"})
_AUTHOR_META = frozenset({"author", "dc.creator", "citation_author"})
_DATE_META = frozenset({"date", "dc.date", "citation_date", "citation_publication_date"})


def _decode_html(path: Path, data: bytes) -> str:
    """BOM, else the declared <meta charset>, else UTF-8; strict, never guessed."""
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode_text(path, data)
    declared = _CHARSET.search(data[:4096])
    codec = declared.group(1).decode("ascii").lower() if declared else "utf-8"
    try:
        return data.decode(codec)
    except LookupError as e:
        raise BadInputFile(path, f"it declares an unknown charset {codec!r}; save it as UTF-8") from e
    except UnicodeDecodeError as e:
        raise BadInputFile(path, f"not valid {codec} text as its charset declares "
                                 f"(byte {data[e.start:e.start + 1]!r} at offset {e.start}); "
                                 "save it as UTF-8") from e


class _TextSink:
    """Collects inline text into blocks separated by line (1) or paragraph (2) breaks."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.pieces: list[str] = []
        self.pending = 0
        self.pre = 0

    def text(self, s: str) -> None:
        self.pieces.append(s if self.pre else re.sub(r"\s+", " ", s))

    def brk(self, n: int) -> None:
        if self.pre:
            return
        self.flush()
        self.pending = max(self.pending, n)

    def flush(self) -> None:
        s = "".join(self.pieces)
        self.pieces.clear()
        if self.pre:
            s = s.strip("\n")
        else:
            s = re.sub(r" {2,}", " ", re.sub(r" *\t *", "\t", s)).strip(" \t")
        if s.strip():
            if self.out:
                self.out.append("\n" * max(self.pending, 1))
            self.out.append(s)
            self.pending = 0


def _html_text(path: Path, markup: str) -> tuple[str, dict]:
    import warnings

    from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, XMLParsedAsHTMLWarning

    with warnings.catch_warnings():
        # A short file that looks like a URL, or XHTML, is still HTML to read: not a problem.
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        soup = BeautifulSoup(markup, "lxml")
    meta = _html_meta(soup)
    body = _walk_html(soup)
    title = meta.get("title", "")
    if title and not body.startswith(title):
        body = f"{title}\n\n{body}" if body else title
    return body, meta


def _walk_html(soup) -> str:
    """Iterative (hostile nesting cannot overflow the stack) walk to readable text."""
    from bs4 import CData, NavigableString, Tag

    sink = _TextSink()
    stack: list[tuple[object, bool]] = [(soup, False)]
    while stack:
        node, leaving = stack.pop()
        if isinstance(node, Tag):
            name = node.name.lower() if node.name else ""
            if leaving:
                _leave_tag(sink, name)
                continue
            if name in _DROP:
                continue
            _enter_tag(sink, name)
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(node.contents))
        elif type(node) in (NavigableString, CData):
            sink.text(str(node))
    sink.flush()
    return "".join(sink.out)


def _enter_tag(sink: _TextSink, name: str) -> None:
    if name == "pre":
        sink.brk(2)
        sink.pre += 1
    elif name == "br" and sink.pre:
        sink.text("\n")
    elif name in _PARAGRAPH:
        sink.brk(2)
    elif name in _LINE:
        sink.brk(1)


def _leave_tag(sink: _TextSink, name: str) -> None:
    if name == "pre":
        if sink.pre == 1:
            sink.flush()
        sink.pre -= 1
        sink.brk(2)
    elif name in ("td", "th"):
        sink.pieces.append("\t")
    elif name in _PARAGRAPH:
        sink.brk(2)
    elif name in _LINE:
        sink.brk(1)


def _html_meta(soup) -> dict:
    meta: dict = {}
    if soup.title and soup.title.get_text(strip=True):
        meta["title"] = re.sub(r"\s+", " ", soup.title.get_text()).strip()
    authors = []
    for tag in soup.find_all("meta"):
        name = str(tag.get("name") or tag.get("property") or "").strip().lower()
        content = re.sub(r"\s+", " ", str(tag.get("content") or "")).strip()
        if not content:
            continue
        if name in _AUTHOR_META and content not in authors:
            authors.append(content)
        elif (name in _DATE_META or name == "article:published_time") and "date" not in meta:
            meta["date"] = content
    if authors:
        meta["author"] = authors if len(authors) > 1 else authors[0]
    html = soup.find("html")
    if html is not None and html.get("lang"):
        meta["language"] = str(html.get("lang")).strip()
    return meta


# --- PDF ----------------------------------------------------------------------------


def _pdf_pages(path: Path, data: bytes) -> tuple[list[str], dict]:
    """Text of each page and the info dict. An encrypted PDF that opens with the empty
    password (a common "no copying" lock) is read; any other encryption is refused."""
    from pypdf import PasswordType, PdfReader
    from pypdf.errors import DependencyError

    encrypted = "the PDF is encrypted; decrypt it and ingest again"
    # pypdf can raise almost anything on a damaged file; the cause is kept by chaining.
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                if reader.decrypt("") == PasswordType.NOT_DECRYPTED:
                    raise BadInputFile(path, encrypted)
            except DependencyError as e:  # AES needs the optional `cryptography` package
                raise BadInputFile(path, encrypted) from e
        texts = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata or {}
        meta = _pdf_meta(info)
    except BadInputFile:
        raise
    except Exception as e:  # noqa: BLE001 - see above
        raise BadInputFile(path, f"the PDF is damaged and cannot be read ({type(e).__name__}); "
                                 "open it in a PDF reader and save it again") from e
    return texts, meta


def _pdf_meta(info) -> dict:
    meta: dict = {}
    for key, name in (("/Title", "title"), ("/Author", "author"), ("/Subject", "subject"),
                      ("/Keywords", "keywords"), ("/CreationDate", "file_created")):
        value = info.get(key)
        value = str(value).strip() if value is not None else ""
        if value:
            meta[name] = _pdf_date(value) if name == "file_created" else value
    return meta


def _pdf_date(value: str) -> str:
    """'D:19640302120000Z' -> '1964-03-02' (when the PDF was made, not when the text was written)."""
    m = re.match(r"D:(\d{4})(\d{2})?(\d{2})?", value)
    if not m:
        return value
    return "-".join(g for g in m.groups() if g)


# --- DOCX ---------------------------------------------------------------------------


def _docx_text(path: Path, data: bytes) -> tuple[str, dict]:
    """Paragraphs and table rows (cells tab-separated) in document order."""
    import docx

    # python-docx raises KeyError, lxml and zip errors on damaged parts; the cause is chained.
    try:
        document = docx.Document(io.BytesIO(data))
        blocks = [b for b in (_docx_block(item) for item in document.iter_inner_content()) if b.strip()]
        props = document.core_properties
        meta = {"title": props.title, "author": props.author, "language": props.language,
                "subject": props.subject, "keywords": props.keywords,
                "file_created": props.created.date().isoformat() if props.created else None}
    except Exception as e:  # noqa: BLE001
        raise BadInputFile(path, f"the .docx is damaged and cannot be read ({type(e).__name__}); "
                                 "open it in Word and save it again") from e
    return "\n\n".join(blocks), {k: v.strip() for k, v in meta.items() if v and v.strip()}


def _docx_block(item) -> str:
    from docx.table import Table

    if isinstance(item, Table):
        return "\n".join(_docx_row(row) for row in item.rows)
    return item.text


def _docx_row(row) -> str:
    seen: set[int] = set()
    cells = []
    for cell in row.cells:
        if id(cell._tc) in seen:  # a merged cell is listed once per grid column it spans
            continue
        seen.add(id(cell._tc))
        parts = (_docx_block(inner) for inner in cell.iter_inner_content())
        cells.append(" ".join(p.replace("\n", " ").strip() for p in parts if p.strip()))
    return "\t".join(cells)


_READERS = {"txt": _read_plain, "md": _read_plain, "html": _read_html,
            "pdf": _read_pdf, "docx": _read_docx}
