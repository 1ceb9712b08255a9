"""OCR with Tesseract: scanned PDF pages (rendered with pypdfium2) and images (.png .jpg .tif).

Only pages without a text layer are OCR'd. Each page keeps its number (for citations) and
the mean of Tesseract's word confidences (0-100), which the source's metadata records and
`collingwood sources` shows. Tesseract is a Debian package (`tesseract-ocr` and a language
pack such as `tesseract-ocr-eng`; scripts/ci-deps.sh installs them); where it is missing a
file that needs OCR is refused as `no-ocr`, saying so. The language is ``eng`` unless
``COLLINGWOOD_OCR_LANG`` says otherwise (``eng+fra``).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..errors import BadInputFile

MIN_LAYER_CHARS = 16   # a page whose text layer has fewer letters and digits than this is OCR'd


@dataclass(frozen=True)
class OcrPage:
    text: str
    confidence: float | None   # mean word confidence, 0-100; None when no word was found
    words: int


def language() -> str:
    return os.environ.get("COLLINGWOOD_OCR_LANG", "eng")


@cache
def engine_version() -> str | None:
    import pytesseract

    try:
        return str(pytesseract.get_tesseract_version())
    except (pytesseract.TesseractNotFoundError, OSError):
        return None


@cache
def installed_languages() -> frozenset[str]:
    import pytesseract

    try:
        return frozenset(pytesseract.get_languages(config=""))
    except (pytesseract.TesseractError, pytesseract.TesseractNotFoundError, OSError):
        return frozenset()


def require_engine(path: Path, why: str) -> str:
    version = engine_version()
    if version is None:
        raise BadInputFile(path, f"{why}, but the OCR engine Tesseract is not installed; install the "
                                 "Debian packages tesseract-ocr and tesseract-ocr-eng "
                                 "(scripts/ci-deps.sh does)", "no-ocr")
    missing = [lang for lang in language().split("+") if lang not in installed_languages()]
    if missing:
        raise BadInputFile(path, f"{why}, but Tesseract has no language data for {', '.join(missing)}; "
                                 f"install {', '.join('tesseract-ocr-' + m for m in missing)}", "no-ocr")
    return version


def needs_ocr(layer_text: str) -> bool:
    return sum(ch.isalnum() for ch in layer_text) < MIN_LAYER_CHARS


def ocr_image(path: Path, image, timeout: float) -> OcrPage:
    """Tesseract on one PIL image: its text (lines and paragraphs kept) and mean confidence."""
    import pytesseract

    os.environ.setdefault("OMP_THREAD_LIMIT", "1")   # one thread: the machine's cores are shared
    if image.mode not in ("L", "RGB"):
        image = image.convert("RGB")
    try:
        data = pytesseract.image_to_data(image, lang=language(), output_type=pytesseract.Output.DICT,
                                         timeout=timeout)
    except RuntimeError as e:   # pytesseract's timeout
        raise BadInputFile(path, f"OCR of a page took longer than {timeout:.0f} s", "timeout") from e
    except pytesseract.TesseractError as e:
        raise BadInputFile(path, f"Tesseract could not read a page ({str(e)[:200]})", "damaged") from e
    return _assemble(data)


def _assemble(data: dict) -> OcrPage:
    paragraphs: list[list[str]] = []
    lines: dict[tuple, list[str]] = {}
    order: list[tuple] = []
    confidences: list[float] = []
    for i, word in enumerate(data["text"]):
        word = (word or "").strip()
        conf = float(data["conf"][i])
        if not word or conf < 0:
            continue
        confidences.append(conf)
        key = (data["page_num"][i], data["block_num"][i], data["par_num"][i], data["line_num"][i])
        if key not in lines:
            lines[key] = []
            order.append(key)
        lines[key].append(word)
    current: tuple | None = None
    for key in order:
        if key[:3] != current:
            paragraphs.append([])
            current = key[:3]
        paragraphs[-1].append(" ".join(lines[key]))
    text = "\n\n".join("\n".join(p) for p in paragraphs)
    mean = round(sum(confidences) / len(confidences), 1) if confidences else None
    return OcrPage(text=text, confidence=mean, words=len(confidences))


def ocr_pdf_pages(path: Path, data: bytes, numbers: list[int], limits, more_time: Callable[[int], None] | None
                  ) -> dict[int, OcrPage]:
    """OCR the 1-based pages `numbers` of the PDF in `data`, rendered at `limits.ocr_dpi`."""
    import pypdfium2 as pdfium

    if len(numbers) > limits.ocr_pages:
        raise BadInputFile(path, f"{len(numbers)} pages have no text layer and need OCR, over the limit of "
                                 f"{limits.ocr_pages} (OCR it first, e.g. with ocrmypdf, or raise "
                                 "COLLINGWOOD_OCR_PAGES)", "too-large")
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        raise BadInputFile(path, f"the PDF cannot be rendered for OCR ({e}); open it in a PDF reader and "
                                 "save it again", "damaged") from e
    out: dict[int, OcrPage] = {}
    try:
        for number in numbers:
            if more_time:
                more_time(1)
            page = pdf[number - 1]
            width, height = page.get_size()
            scale = limits.ocr_dpi / 72
            pixels = width * height * scale * scale
            cap = limits.image_megapixels * 1_000_000
            if pixels > cap:
                scale *= (cap / pixels) ** 0.5
            image = page.render(scale=scale, grayscale=True).to_pil()
            out[number] = ocr_image(path, image, limits.ocr_page_seconds)
            page.close()
    finally:
        pdf.close()
    return out


def ocr_image_file(path: Path, data: bytes, limits, more_time: Callable[[int], None] | None) -> list[OcrPage]:
    """Every frame of an image file (a multi-page TIFF has several), OCR'd."""
    import io
    import warnings

    from PIL import Image, ImageSequence, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")   # Pillow's notes on odd files; the outcome says enough
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            Image.MAX_IMAGE_PIXELS = None   # checked here, with a reason of our own, before decoding
            image = Image.open(io.BytesIO(data))
            width, height = image.size
            if width * height > limits.image_megapixels * 1_000_000:
                raise BadInputFile(path, f"the image is {width:,} x {height:,} pixels, over the limit of "
                                         f"{limits.image_megapixels} megapixels (raise "
                                         "COLLINGWOOD_IMAGE_MEGAPIXELS if it is genuine)", "too-large")
            Image.MAX_IMAGE_PIXELS = limits.image_megapixels * 1_000_000
            pages = []
            for index, frame in enumerate(ImageSequence.Iterator(image)):
                if index >= limits.ocr_pages:
                    raise BadInputFile(path, f"it has more than {limits.ocr_pages} pages to OCR "
                                             "(raise COLLINGWOOD_OCR_PAGES)", "too-large")
                if more_time:
                    more_time(1)
                frame.load()
                pages.append(ocr_image(path, frame.copy(), limits.ocr_page_seconds))
    except BadInputFile:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning) as e:
        raise BadInputFile(path, f"it is not a readable image ({type(e).__name__}); check the file",
                           "damaged") from e
    except (OSError, SyntaxError, ValueError, EOFError) as e:   # Pillow's errors for broken image data
        raise BadInputFile(path, f"the image is damaged and cannot be read ({type(e).__name__}: "
                                 f"{str(e)[:120]})", "damaged") from e
    return pages


def ocr_summary(pages: dict[int, OcrPage]) -> dict:
    """What the source's metadata records about its OCR."""
    scored = [p.confidence for p in pages.values() if p.confidence is not None]
    return {"engine": f"tesseract {engine_version()}", "language": language(),
            "pages": [{"page": n, "confidence": p.confidence, "words": p.words} for n, p in sorted(pages.items())],
            "mean_confidence": round(sum(scored) / len(scored), 1) if scored else None}
