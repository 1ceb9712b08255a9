"""What the guarded ingest costs: reading in worker processes against reading in-process, OCR per page,
and the hostile corpus end to end.

    python bench/bench_ingest.py            # 120 text files, 20 PDFs, 10 .docx; 3 OCR pages; the hostile corpus
    python bench/bench_ingest.py --quick    # a quarter of the files, no hostile corpus

Files are generated in a temporary folder (plain text, fpdf2 PDFs, python-docx documents,
scanned pages made with Pillow). Each way of reading runs 3 times; medians are quoted, and
the ratio guarded / in-process is from the same run.
"""

from __future__ import annotations

import argparse
import io
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from collingwood.ingest.guard import read_guarded  # noqa: E402
from collingwood.ingest.limits import Limits  # noqa: E402
from collingwood.ingest.readers import read_document  # noqa: E402

PARAGRAPH = ("On 12 May 1951 the officer wrote that he had met the courier in Vienna in the spring of "
             "1934, and that the courier had named a third man. ")


def make_files(folder: Path, texts: int, pdfs: int, docxs: int) -> list[Path]:
    import docx
    from fpdf import FPDF

    paths = []
    for i in range(texts):
        path = folder / f"t{i:03}.txt"
        path.write_text(f"Note {i}. " + PARAGRAPH * 40)
        paths.append(path)
    for i in range(pdfs):
        pdf = FPDF()
        pdf.set_font("helvetica", size=11)
        for page in range(4):
            pdf.add_page()
            pdf.multi_cell(0, 6, text=f"File {i}, page {page + 1}. " + PARAGRAPH * 12)
        path = folder / f"p{i:03}.pdf"
        path.write_bytes(bytes(pdf.output()))
        paths.append(path)
    for i in range(docxs):
        document = docx.Document()
        for _ in range(30):
            document.add_paragraph(f"Document {i}. " + PARAGRAPH)
        out = io.BytesIO()
        document.save(out)
        path = folder / f"d{i:03}.docx"
        path.write_bytes(out.getvalue())
        paths.append(path)
    return paths


def scanned(folder: Path) -> Path:
    from fpdf import FPDF
    from PIL import Image, ImageDraw, ImageFont

    pdf = FPDF(unit="pt", format=(595, 842))
    font = ImageFont.load_default(size=40)
    for n in range(1, 4):
        image = Image.new("L", (1654, 2339), 255)
        draw = ImageDraw.Draw(image)
        for line in range(12):
            draw.text((120, 160 + 70 * line), f"Page {n}, line {line + 1}: the courier came to Vienna.",
                      fill=0, font=font)
        pdf.add_page()
        pdf.image(image, x=0, y=0, w=595, h=842)
    path = folder / "scan.pdf"
    path.write_bytes(bytes(pdf.output()))
    return path


def timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def in_process(paths):
    for p in paths:
        read_document(p)


def guarded(paths, workers):
    for _ in read_guarded(paths, Limits(workers=workers)):
        pass


def hostile(folder: Path) -> tuple[float, float, int]:
    from hostile_corpus import build, remove_deep_tree

    corpus = build(folder / "hostile")
    cli = str(Path(sys.executable).with_name("collingwood"))
    started = time.perf_counter()
    subprocess.run([cli, "ingest", str(folder / "h.case"), str(corpus.input), "--json"], capture_output=True,
                   check=False, timeout=600)
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    remove_deep_tree(corpus)
    return elapsed, peak, len(corpus.kinds)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    scale = 4 if args.quick else 1
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = make_files(folder, 120 // scale, 20 // scale, 10 // scale)
        guarded(paths[:1], 1)   # start the forkserver once, as a long-lived process would have
        rows = []
        base = statistics.median(timed(lambda: in_process(paths)) for _ in range(3))
        rows.append(("in-process read_document", base, 1.0))
        for workers in (1, 2):
            t = statistics.median(timed(lambda: guarded(paths, workers)) for _ in range(3))
            rows.append((f"guarded, {workers} worker{'s' * (workers > 1)}", t, t / base))
        first = statistics.median(timed(lambda: guarded(paths[:1], 1)) for _ in range(3))
        print(f"{len(paths)} files ({120 // scale} txt, {20 // scale} pdf of 4 pages, {10 // scale} docx)")
        print(f"{'reading':<28} {'total s':>8} {'ms/file':>8} {'ratio':>6}")
        for name, t, ratio in rows:
            print(f"{name:<28} {t:8.2f} {1000 * t / len(paths):8.1f} {ratio:6.2f}")
        print(f"{'one file, fresh pool':<28} {first:8.2f}")

        scan = scanned(folder)
        times, confidences = [], []
        for _ in range(3):
            started = time.perf_counter()
            doc = read_document(scan)
            times.append(time.perf_counter() - started)
            confidences.append(doc.reading["ocr"]["mean_confidence"])
        print(f"\nOCR, 3 scanned A4 pages at 300 dpi: {statistics.median(times) / 3:.2f} s/page (median of 3), "
              f"mean word confidence {statistics.median(confidences):.1f}")

        if not args.quick:
            elapsed, peak, kinds = hostile(folder)
            print(f"\nhostile corpus ({kinds} kinds, 3 good files each) through the CLI: {elapsed:.1f} s, "
                  f"peak RSS of a process {peak:.0f} MiB")


if __name__ == "__main__":
    main()
