"""Shared fixtures. Keep each module's fixtures grouped under its own comment."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

# --- store fixtures ---
# A real PostgreSQL (tests/pg_server.py) starts once per session, the first time a test asks
# for it; each test gets its own database. `case_url` is the CASE a user would type, once for
# a SQLite file and once for a PostgreSQL database: tests that take it run on both backends.
# A server that cannot start fails those tests (never a skip).

BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def pg_server():
    from pg_server import PgServer
    try:
        server = PgServer().start()
    except Exception as e:        # noqa: BLE001  (say why, then fail: PostgreSQL tests never skip)
        pytest.fail(f"could not start PostgreSQL for the tests: {e}", pytrace=False)
    yield server
    server.stop()


@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    return request.param


@pytest.fixture
def make_case_url(backend, tmp_path, request):
    """A factory: make_case_url(name) -> a new, empty CASE location on this test's backend
    (a file path for SQLite, a fresh database's postgresql:// URL)."""
    def make(name: str = "t") -> str:
        if backend == "sqlite":
            return str(tmp_path / f"{name}.case")
        return request.getfixturevalue("pg_server").create_database(name.replace("-", "_"))
    return make


@pytest.fixture
def case_url(make_case_url) -> str:
    """One new, empty CASE location on this test's backend (SQLite file or PostgreSQL URL)."""
    return make_case_url("t")


# --- ingest fixtures ---
# Binary test files are generated at test time (fpdf2, pypdf, python-docx), never committed.


def _pdf_bytes(pages: list[str], title: str | None = None, author: str | None = None) -> bytes:
    """A PDF with one text page per string; an empty string makes a page with no text."""
    from fpdf import FPDF

    pdf = FPDF()
    if title:
        pdf.set_title(title)
    if author:
        pdf.set_author(author)
    pdf.set_font("helvetica", size=12)
    for text in pages:
        pdf.add_page()
        if text:
            pdf.multi_cell(0, 10, text=text)
        else:
            pdf.rect(20, 20, 100, 60, style="F")  # ink but no text, like a scanned page
    return bytes(pdf.output())


@pytest.fixture
def make_pdf(tmp_path):
    def make(name: str, pages: list[str], **info) -> Path:
        path = tmp_path / name
        path.write_bytes(_pdf_bytes(pages, **info))
        return path

    return make


@pytest.fixture
def make_encrypted_pdf(tmp_path):
    """user_password='' makes a PDF that opens without a password (owner lock only)."""

    def make(name: str, pages: list[str], user_password: str = "secret") -> Path:
        from pypdf import PdfReader, PdfWriter

        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_pdf_bytes(pages))))
        # RC4 needs no optional crypto package; AES would need `cryptography`.
        writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
        path = tmp_path / name
        with path.open("wb") as f:
            writer.write(f)
        return path

    return make


@pytest.fixture
def make_docx(tmp_path):
    """paragraphs: strings; a list of lists in `blocks` becomes a table at that point."""

    def make(name: str, blocks: list, title: str | None = None, author: str | None = None) -> Path:
        import docx

        document = docx.Document()
        for block in blocks:
            if isinstance(block, list):
                table = document.add_table(rows=len(block), cols=len(block[0]))
                for r, row in enumerate(block):
                    for c, value in enumerate(row):
                        table.cell(r, c).text = value
            else:
                document.add_paragraph(block)
        if title:
            document.core_properties.title = title
        if author:
            document.core_properties.author = author
        path = tmp_path / name
        document.save(str(path))
        return path

    return make


# --- judgment fixtures ---
# Small hand-written cases for analyse/witnesses, grading, questions and hypotheses:
# a CaseBuilder adds sources and claims (each claim's quote is appended to its
# source's text, so every span is real) and returns a CaseData.


class CaseBuilder:
    def __init__(self):
        from collingwood.model import CaseData

        self.data = CaseData()

    def source(self, sid: str, kind: str = "memoir", authors=(), date: str | None = None,
               text: str = "", **extra):
        from collingwood.model import Source
        from collingwood.timespan import parse_when

        self.data.sources[sid] = Source(
            id=sid, title=sid.replace("-", " ").title(), kind=kind, text=text, content_hash=sid,
            authors=list(authors), date=date, written=parse_when(date) if date else None,
            extra=dict(extra))
        return self

    def claim(self, sid: str, subject: str, predicate: str, obj: str | None = None,
              when: str | None = None, quote: str | None = None, **kw):
        from collingwood.model import Claim
        from collingwood.timespan import parse_when

        src = self.data.sources[sid]
        quote = quote or f"{subject} {predicate} {obj or ''} {when or ''}".strip()
        start = len(src.text) + (1 if src.text else 0)
        src.text = f"{src.text} {quote}" if src.text else quote
        c = Claim(source_id=sid, start=start, end=start + len(quote), quote=quote,
                  subject=subject, predicate=predicate, object=obj,
                  time=parse_when(when) if when else None, **kw)
        self.data.claims.append(c)
        return c

    def build(self):
        return self.data


@pytest.fixture
def case_builder():
    return CaseBuilder


# --- analysis fixtures ---
# `build` makes sources, claims, entities and a CaseData by hand: no store, no model.


class _AnalysisBuilder:
    def __init__(self):
        self.sources: dict = {}

    def source(self, id: str, title: str | None = None, authors=(), written: str | None = None,
               kind: str = "secondary_work", reports_on: dict | None = None):
        from collingwood.model import Source
        from collingwood.timespan import parse_when

        src = Source(id=id, title=title or id, kind=kind, text="", content_hash=id,
                     authors=list(authors), date=written,
                     written=parse_when(written) if written else None,
                     extra={"reports_on": reports_on} if reports_on else {})
        self.sources[id] = src
        return src

    def claim(self, subject: str, predicate: str, obj: str | None = None, when: str | None = None,
              source: str = "s1", where: str | None = None, polarity: str = "affirmed",
              asserted_by: str | None = None, modality: str = "asserted", status: str = "accepted"):
        import zlib

        from collingwood.model import Claim
        from collingwood.timespan import parse_when

        if source not in self.sources:
            self.source(source)
        quote = " ".join(x for x in (subject, predicate, obj, when, where, polarity) if x)
        start = zlib.crc32(f"{quote}|{asserted_by}".encode()) % 100000
        return Claim(source_id=source, start=start, end=start + len(quote), quote=quote,
                     subject=subject, predicate=predicate, object=obj,
                     time=parse_when(when) if when else None, place=where, polarity=polarity,
                     asserted_by=asserted_by, modality=modality, status=status)

    def entity(self, name: str, kind: str = "person", aliases=()):
        """aliases: (name, kind, valid-from or None, valid-until or None) tuples."""
        from collingwood.model import Alias, Entity
        from collingwood.resolve import entity_id
        from collingwood.timespan import TimeSpan, parse_when

        out = []
        for al_name, al_kind, start, until in aliases:
            valid = None
            if start or until:
                lo = parse_when(start).lo if start else TimeSpan.year(1).lo
                hi = parse_when(until).hi if until else TimeSpan.year(9999).hi
                valid = TimeSpan(lo, hi, "year")
            out.append(Alias(name=al_name, kind=al_kind, valid=valid))
        return Entity(id=entity_id(name, kind), name=name, kind=kind, aliases=out)

    def case(self, claims, entities=(), merges=(), splits=(), verdicts=None, period: str | None = None):
        from collingwood.model import CaseData
        from collingwood.timespan import parse_when

        return CaseData(sources=dict(self.sources), entities=list(entities), claims=list(claims),
                        period=parse_when(period) if period else None, merges=list(merges),
                        splits=list(splits), verdicts=dict(verdicts or {}))


@pytest.fixture
def build():
    return _AnalysisBuilder()


# --- extraction fixtures ---
# The spaCy model loads once per session; tests that use these are marked slow.

from shared_data import SEEDS  # noqa: E402  (../shared beside the repository)


@pytest.fixture(scope="session")
def extract():
    """extract_text with the model loaded once: extract(text, **options) -> ExtractOutput."""
    from collingwood.extract import extract_text, nlp

    nlp.ner(), nlp.parser()
    return extract_text


@pytest.fixture(scope="session")
def seed_003(extract):
    """The Cairncross confession report (seed 003): (text, ExtractOutput)."""
    path = next(SEEDS.glob("003_*.txt"), None)
    assert path is not None, f"seed 003 is missing from {SEEDS}"
    text = path.read_text("utf-8")
    return text, extract(text, source_id="seed-003")


def find_claims(out, predicate, subject=None, obj=None):
    return [c for c in out.claims if c.predicate == predicate
            and (subject is None or c.subject == subject) and (obj is None or c.object == obj)]


@pytest.fixture(scope="session")
def claims_of():
    return find_claims
