"""Shared fixtures. Keep each module's fixtures grouped under its own comment."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

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
