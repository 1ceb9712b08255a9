"""OCR with the real Tesseract: scanned PDFs (no text layer) and images read back with page
numbers and per-page confidence. Tesseract must be installed (scripts/ci-deps.sh); if it is
missing these tests fail, saying so."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from collingwood.errors import BadInputFile
from collingwood.ingest import ocr
from collingwood.ingest.readers import page_of, read_document

LINES = ["Memorandum on the agent called Otto.", "He met the courier in Vienna", "in the spring of 1934."]


@pytest.fixture(autouse=True)
def tesseract():
    if shutil.which("tesseract") is None or "eng" not in ocr.installed_languages():
        pytest.fail("Tesseract (with English) is not installed: run scripts/ci-deps.sh (installs "
                    "tesseract-ocr, tesseract-ocr-eng) before the tests")


def page_image(lines: list[str]):
    """A white A4-ish page at 200 dpi with the lines typed on it."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (1654, 2339), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=44)
    for i, line in enumerate(lines):
        draw.text((150, 200 + 80 * i), line, fill=0, font=font)
    return image


def scanned_pdf(path: Path, pages: list[list[str] | str]) -> Path:
    """A PDF whose pages are images (no text layer); a str page is real text instead."""
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format=(595, 842))
    pdf.set_font("helvetica", size=14)
    for page in pages:
        pdf.add_page()
        if isinstance(page, str):
            pdf.set_xy(60, 80)
            pdf.multi_cell(450, 20, text=page)
        else:
            pdf.image(page_image(page), x=0, y=0, w=595, h=842)
    path.write_bytes(bytes(pdf.output()))
    return path


def words(text: str) -> list[str]:
    return [w.strip(".,").lower() for w in text.split()]


def test_ocr_a_scanned_page_reads_back_with_confidence(tmp_path):
    doc = read_document(scanned_pdf(tmp_path / "scan.pdf", [LINES]))
    expected = words(" ".join(LINES))
    found = words(doc.text)
    assert sum(w in found for w in expected) >= 0.9 * len(expected), doc.text
    [page] = doc.reading["ocr"]["pages"]
    assert page["page"] == 1 and page["confidence"] > 70 and page["words"] >= 15
    assert doc.reading["ocr"]["engine"].startswith("tesseract ")


def test_ocr_three_scanned_pages_keep_their_numbers(tmp_path):
    pages = [[f"Page {n} of the file.", f"Item {n}: the courier came on day {n}."] for n in (1, 2, 3)]
    doc = read_document(scanned_pdf(tmp_path / "three.pdf", pages))
    assert [p.number for p in doc.pages] == [1, 2, 3]
    for p in doc.pages:
        assert f"page {p.number} of the file" in doc.text[p.start:p.end].lower()
        offset = doc.text.lower().index(f"day {p.number}")
        assert page_of(doc.pages, offset) == p.number
    assert [p["page"] for p in doc.reading["ocr"]["pages"]] == [1, 2, 3]


def test_ocr_only_pages_without_a_text_layer(tmp_path):
    doc = read_document(scanned_pdf(tmp_path / "mixed.pdf", ["A typed first page with its own text layer.",
                                                              LINES]))
    assert [p["page"] for p in doc.reading["ocr"]["pages"]] == [2]
    first, second = doc.pages
    assert doc.text[first.start:first.end] == "A typed first page with its own text layer."
    assert "vienna" in doc.text[second.start:second.end].lower()


def test_ocr_images_are_sources(tmp_path):
    image = page_image(LINES)
    image.save(tmp_path / "note.png")
    image.convert("RGB").save(tmp_path / "note.jpg", quality=90)
    second = page_image(["A second page of the telegram."])
    image.save(tmp_path / "telegram.tif", save_all=True, append_images=[second])
    for name in ("note.png", "note.jpg"):
        doc = read_document(tmp_path / name)
        assert doc.format == "image" and "vienna" in doc.text.lower(), name
    tif = read_document(tmp_path / "telegram.tif")
    assert [p.number for p in tif.pages] == [1, 2]
    assert "second page" in tif.text[tif.pages[1].start:tif.pages[1].end].lower()


def test_ocr_missing_tesseract_is_a_coded_refusal(tmp_path, monkeypatch):
    import pytesseract

    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", str(tmp_path / "no-such-tesseract"))
    ocr.engine_version.cache_clear()
    try:
        with pytest.raises(BadInputFile) as e:
            read_document(scanned_pdf(tmp_path / "scan.pdf", [LINES]))
    finally:
        ocr.engine_version.cache_clear()
    assert e.value.kind == "no-ocr" and "tesseract-ocr" in e.value.reason and "ci-deps.sh" in e.value.reason


def test_ocr_missing_language_pack_is_a_coded_refusal(tmp_path, monkeypatch):
    monkeypatch.setenv("COLLINGWOOD_OCR_LANG", "eng+zzz")
    with pytest.raises(BadInputFile) as e:
        read_document(scanned_pdf(tmp_path / "scan.pdf", [LINES]))
    assert e.value.kind == "no-ocr" and "tesseract-ocr-zzz" in e.value.reason


def test_ocr_through_the_cli_shows_page_confidence(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    scanned_pdf(folder / "scan.pdf", [LINES, ["The second page of the scan."]])
    cli = str(Path(sys.executable).with_name("collingwood"))
    case = tmp_path / "c.case"
    run = subprocess.run([cli, "ingest", str(case), str(folder)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0 and "1 sources" in run.stdout, run.stderr
    listed = subprocess.run([cli, "sources", str(case), "--json"], capture_output=True, text=True, timeout=60)
    [source] = [json.loads(line) for line in listed.stdout.splitlines()]
    pages = source["reading"]["ocr"]["pages"]
    assert [p["page"] for p in pages] == [1, 2] and all(p["confidence"] > 70 for p in pages)
    table = subprocess.run([cli, "sources", str(case)], capture_output=True, text=True, timeout=60,
                           env={"COLUMNS": "200", "PATH": "/usr/bin:/bin"})
    assert "OCR 2 pages" in table.stdout, table.stdout


def test_ocr_summary_means_word_confidences():
    page = ocr._assemble({"text": ["A", "b", "", "c"], "conf": [90, 70, -1, 80], "page_num": [1] * 4,
                          "block_num": [1, 1, 1, 2], "par_num": [1] * 4, "line_num": [1, 1, 1, 1]})
    assert page.text == "A b\n\nc" and page.confidence == 80.0 and page.words == 3
