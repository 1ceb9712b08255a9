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
import zlib
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import BadInputFile
from . import ocr
from .encoding import decode_bytes, decode_declared
from .files import human_bytes, read_regular
from .limits import Limits, MiB
from .metadata import split_front_matter

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")
FORMATS = {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
           ".pdf": "pdf", ".docx": "docx", **{s: "image" for s in IMAGE_SUFFIXES}}
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(FORMATS)
TEXT_FORMATS = ("txt", "md", "html")
PAGE_SEPARATOR = "\n\n"

# Signatures of formats a text file must not be; a match names the real format.
_MAGIC = [(b"%PDF-", "a PDF"), (b"PK\x03\x04", "a zip archive (a .docx?)"),
          (b"\xd0\xcf\x11\xe0", "an old Word .doc or a password-protected Office file"),
          (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
          (b"II*\x00", "a TIFF image"), (b"MM\x00*", "a TIFF image"), (b"\x7fELF", "a program (ELF)"),
          (b"\x1f\x8b", "a gzip archive")]
_IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Page:
    number: int  # 1-based page number in the document (PDF page index + 1; other formats: 1)
    start: int  # char offset in Document.text
    end: int  # exclusive


@dataclass
class Document:
    path: Path
    format: str  # 'txt' | 'md' | 'html' | 'pdf' | 'docx' | 'image'
    text: str  # normalised plain text
    pages: list[Page]  # ordered; covers text (PDF pages are separated by PAGE_SEPARATOR)
    content_hash: str  # sha256 hex of the file's raw bytes
    metadata: dict = field(default_factory=dict)  # embedded metadata, raw keys (see metadata.py)
    reading: dict = field(default_factory=dict)  # how it was read: encoding and confidence, OCR pages


@dataclass
class _Context:
    limits: Limits
    more_time: Callable[[int], None] | None
    reading: dict = field(default_factory=dict)


def read_document(path: Path, limits: Limits | None = None,
                  more_time: Callable[[int], None] | None = None) -> Document:
    """Read `path` as the format its extension names; raise BadInputFile if it is not that.

    `limits` bound what is read (file size, .docx inflation, OCR pages); `more_time(pages)`
    is called before each page is OCR'd, so a guarded worker's deadline can grow with it.
    """
    path = Path(path)
    limits = limits or Limits()
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise BadInputFile(path, f"unsupported file type {path.suffix or '(no extension)'!r}; "
                                 f"use one of {', '.join(sorted(SUPPORTED_SUFFIXES))}", "unsupported")
    data = _read_bytes(path, (limits.text_mb if fmt in TEXT_FORMATS else limits.file_mb) * MiB)
    ctx = _Context(limits, more_time)
    text, pages, meta = _READERS[fmt](path, data, ctx)
    if not text.strip():
        raise BadInputFile(path, "no readable text (only whitespace or markup); check the file", "no-text")
    return Document(path=path, format=fmt, text=text, pages=pages,
                    content_hash=hashlib.sha256(data).hexdigest(), metadata=meta, reading=ctx.reading)


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


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    data = read_regular(path, max_bytes)
    if not data:
        raise BadInputFile(path, "the file is empty (zero bytes)", "empty")
    return data


def _refuse_binary(path: Path, data: bytes) -> None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise BadInputFile(path, f"it says {path.suffix} but is {what} (starts with {data[:8]!r}); "
                                     "rename it with the right extension", "wrong-type")


def decode_text(path: Path, data: bytes) -> tuple[str, dict]:
    """Text and how it was decoded (BOM, UTF-8, UTF-16 without BOM, else detected; see encoding.py)."""
    _refuse_binary(path, data)
    text, info = decode_bytes(path, data)
    return normalise(text), info


def _read_plain(path: Path, data: bytes, ctx: _Context) -> tuple[str, list[Page], dict]:
    text, ctx.reading["encoding"] = decode_text(path, data)
    meta, body, _ = split_front_matter(text, path)
    return body, [Page(1, 0, len(body))], meta


def _read_html(path: Path, data: bytes, ctx: _Context) -> tuple[str, list[Page], dict]:
    _refuse_binary(path, data)
    markup, ctx.reading["encoding"] = _decode_html(path, data)
    text, meta = _html_text(path, markup)
    text = normalise(text)
    return text, [Page(1, 0, len(text))], meta


def _read_pdf(path: Path, data: bytes, ctx: _Context) -> tuple[str, list[Page], dict]:
    if b"%PDF-" not in data[:1024]:
        raise BadInputFile(path, f"it says .pdf but is not a PDF (starts with {data[:12]!r}); "
                                 "rename it with the right extension", "wrong-type")
    texts, scanned, meta = _pdf_pages(path, data)
    if scanned:
        ocr.require_engine(path, f"{len(scanned)} of its {len(texts)} pages have no text layer (a scan) "
                                 "and need OCR")
        pages = ocr.ocr_pdf_pages(path, data, scanned, ctx.limits, ctx.more_time)
        for number, page in pages.items():
            if page.text.strip():   # else the page keeps what little its text layer has
                texts[number - 1] = page.text
        ctx.reading["ocr"] = ocr.ocr_summary(pages)
    text, pages = join_pages(texts)
    if not text.strip():
        what = "not even by OCR" if scanned else "and no scanned pages to OCR"
        raise BadInputFile(path, f"the PDF has no text layer, {what} (blank pages?); check the file",
                           "no-text")
    return text, pages, meta


def _read_image(path: Path, data: bytes, ctx: _Context) -> tuple[str, list[Page], dict]:
    if not data.startswith(_IMAGE_MAGIC):
        raise BadInputFile(path, f"it says {path.suffix} but is not a PNG, JPEG or TIFF image "
                                 f"(starts with {data[:8]!r}); rename it with the right extension", "wrong-type")
    ocr.require_engine(path, "it is an image, whose text needs OCR")
    found = ocr.ocr_image_file(path, data, ctx.limits, ctx.more_time)
    pages = {n: p for n, p in enumerate(found, start=1)}
    ctx.reading["ocr"] = ocr.ocr_summary(pages)
    text, page_map = join_pages([p.text for p in found])
    if not text.strip():
        raise BadInputFile(path, "OCR found no text in the image; check it is a page of text", "no-text")
    return text, page_map, {}


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


def _read_docx(path: Path, data: bytes, ctx: _Context) -> tuple[str, list[Page], dict]:
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise BadInputFile(path, "it is an old Word .doc or a password-protected Office file; "
                                 "remove the password and save it as .docx", "encrypted")
    if not data.startswith(b"PK\x03\x04"):
        raise BadInputFile(path, f"it says .docx but is not a Word document (starts with {data[:12]!r}); "
                                 "rename it with the right extension", "wrong-type")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
            names = {i.filename for i in infos}
            if "word/document.xml" not in names:
                raise BadInputFile(path, "it is a zip archive but not a Word document (no word/document.xml)",
                                   "wrong-type")
            _check_zip(path, infos, ctx.limits)
            for info in infos:
                if info.filename.endswith((".xml", ".rels")):
                    _check_xml(path, info.filename, _read_member(path, z, info, ctx.limits))
    except (zipfile.BadZipFile, zlib.error, ValueError, EOFError, OSError) as e:   # zipfile's ways to fail
        raise BadInputFile(path, f"it is a damaged zip archive, not a readable .docx ({type(e).__name__}); "
                                 "open it in Word and save it again", "damaged") from e
    except (NotImplementedError, RuntimeError) as e:   # an unknown compression method, an encrypted member
        raise BadInputFile(path, f"a part of it cannot be unpacked ({e}); open it in Word and save it again",
                           "encrypted" if "encrypt" in str(e).lower() else "damaged") from e
    text, meta = _docx_text(path, data)
    text = normalise(text)
    return text, [Page(1, 0, len(text))], meta


_SMALL_MEMBER = MiB   # parts smaller than this inflated are not held to the ratio


def _check_zip(path: Path, infos: list, limits: Limits) -> None:
    """Refuse a zip bomb from the directory alone, before anything is inflated."""
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > limits.zip_member_mb * MiB:
            raise BadInputFile(path, f"{info.filename} would inflate to {human_bytes(info.file_size)}, over the "
                                     f"limit of {limits.zip_member_mb} MiB for one part", "zip-bomb")
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _SMALL_MEMBER and ratio > limits.zip_ratio:
            raise BadInputFile(path, f"{info.filename} would inflate {ratio:,.0f} times (to "
                                     f"{human_bytes(info.file_size)}), over the limit of {limits.zip_ratio}; "
                                     "a zip bomb, not a document", "zip-bomb")
    if total > limits.zip_total_mb * MiB:
        raise BadInputFile(path, f"its parts would inflate to {human_bytes(total)}, over the limit of "
                                 f"{limits.zip_total_mb} MiB", "zip-bomb")


def _read_member(path: Path, z: zipfile.ZipFile, info, limits: Limits) -> bytes:
    """A part, inflated in chunks and never past its declared size or the cap."""
    cap = min(info.file_size, limits.zip_member_mb * MiB)
    chunks, total = [], 0
    with z.open(info) as f:
        while True:
            chunk = f.read(1 << 20)
            if not chunk:
                break
            total += len(chunk)
            if total > cap:
                raise BadInputFile(path, f"{info.filename} inflates past its declared size; a zip bomb, "
                                         "not a document", "zip-bomb")
            chunks.append(chunk)
    return b"".join(chunks)


def _check_xml(path: Path, name: str, data: bytes) -> None:
    """Word never writes a DTD or an entity: refuse them (XXE, billion laughs), and refuse an
    undefined entity or broken XML instead of letting the parser drop text silently. A
    streaming (SAX) pass through defusedxml: no tree is built, so it costs no memory."""
    from xml.sax import ContentHandler, SAXParseException

    from defusedxml import DefusedXmlException
    from defusedxml.sax import parseString

    try:
        parseString(data, ContentHandler(), forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as e:
        raise BadInputFile(path, f"{name} declares a DTD or entities ({type(e).__name__}), which Word never "
                                 "writes; refused as unsafe", "damaged") from e
    except SAXParseException as e:
        raise BadInputFile(path, f"{name} is not well-formed XML (line {e.getLineNumber()}, column "
                                 f"{e.getColumnNumber()}: {e.getMessage()}); open it in Word and save it again",
                           "damaged") from e


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


def _decode_html(path: Path, data: bytes) -> tuple[str, dict]:
    """BOM, else the declared <meta charset> if the bytes fit it, else as a text file (UTF-8,
    UTF-16 without BOM, detection). A declared Latin-1 is read as Windows-1252, as browsers do."""
    declared = _CHARSET.search(data[:4096])
    if declared and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        label = declared.group(1).decode("ascii").lower()
        fitted = decode_declared(path, data, label)
        if fitted:
            return fitted
        text, info = decode_bytes(path, data, stray_nul_ok=True)
        info["declared"] = label   # the declaration was wrong or unknown: what was read instead
        return text, info
    return decode_bytes(path, data, stray_nul_ok=True)


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


def _pdf_pages(path: Path, data: bytes) -> tuple[list[str], list[int], dict]:
    """Text of each page, the numbers of the scanned pages (an image and next to no text) and the
    info dict. An encrypted PDF that opens with the empty
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
                    raise BadInputFile(path, encrypted, "encrypted")
            except DependencyError as e:  # AES needs the optional `cryptography` package
                raise BadInputFile(path, encrypted, "encrypted") from e
        texts, scanned = [], []
        for number, page in enumerate(reader.pages, start=1):
            texts.append(page.extract_text() or "")
            if ocr.needs_ocr(texts[-1]) and _has_image(page):
                scanned.append(number)
        info = reader.metadata or {}
        meta = _pdf_meta(info)
    except (BadInputFile, MemoryError):
        raise
    except Exception as e:  # noqa: BLE001 - see above
        raise BadInputFile(path, f"the PDF is damaged and cannot be read ({type(e).__name__}); "
                                 "open it in a PDF reader and save it again", "damaged") from e
    return texts, scanned, meta


def _has_image(page) -> bool:
    """Whether a page draws an image (a scan) or a form that may hold one, or an inline image."""
    resources = page.get("/Resources")
    xobjects = resources.get_object().get("/XObject") if resources is not None else None
    if xobjects is not None:
        for obj in xobjects.get_object().values():
            if obj.get_object().get("/Subtype") in ("/Image", "/Form"):
                return True
    contents = page.get_contents()
    data = contents.get_data() if contents is not None else b""
    return re.search(rb"(?:^|\s)BI\s", data[:1 << 20]) is not None


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
    except MemoryError:
        raise
    except Exception as e:  # noqa: BLE001
        raise BadInputFile(path, f"the .docx is damaged and cannot be read ({type(e).__name__}); "
                                 "open it in Word and save it again", "damaged") from e
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
            "pdf": _read_pdf, "docx": _read_docx, "image": _read_image}
