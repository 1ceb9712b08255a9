"""Decode the bytes of a text file: BOM, UTF-8, UTF-16 without a BOM, else detection.

Order: a byte-order mark decides; then UTF-16 without a BOM, recognised by its NUL bytes
all on one side of each pair (ASCII in UTF-16 is valid UTF-8 with NULs); strict UTF-8 next
(most files); then charset-normalizer
for the single-byte code pages (Latin-1, Windows-1252, Cyrillic ...). Among encodings
that read the bytes equally well, the one listed first in data/encodings.yaml is chosen.
Only what is truly not text (NUL bytes, or no encoding that reads it without a mess) is
refused, as `not-text`.

Every decoding says how it was reached: ``{"encoding", "method", "confidence"}`` where the
method is ``bom``, ``utf-8``, ``utf-16-pattern``, ``declared`` or ``detected``, and the
confidence (0-1) is 1 for the first four and, for detection, one minus the mess
charset-normalizer measured, times the share of equally good encodings that give the very
same text.
"""

from __future__ import annotations

import codecs
import re
from functools import cache
from pathlib import Path

from .. import safe_yaml
from ..errors import BadInputFile

BOMS = [(codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")]
MAX_MESS = 0.2          # charset-normalizer's chaos above which a reading is not text
MAX_CONTROLS = 0.01     # share of control characters (other than tab, newline, CR, FF) allowed
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@cache
def settings() -> dict:
    return safe_yaml.package_data("data/encodings.yaml")


def decode_bytes(path: Path, data: bytes, stray_nul_ok: bool = False) -> tuple[str, dict]:
    """(text, how it was read) or BadInputFile('not-text'). With `stray_nul_ok` (HTML, where
    browsers drop them) a few NUL characters in UTF-8 text count as control codes, not as binary."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            return _strict(path, data, codec, "bom"), {"encoding": codec.replace("-sig", ""),
                                                      "method": "bom", "confidence": 1.0}
    wide = utf16_without_bom(data)
    if wide:
        return _strict(path, data, wide, "utf-16-pattern"), {"encoding": wide, "method": "utf-16-pattern",
                                                            "confidence": 1.0}
    try:
        text = data.decode("utf-8")
        _check_text(path, text, stray_nul_ok)
        return text, {"encoding": "utf-8", "method": "utf-8", "confidence": 1.0}
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        raise BadInputFile(path, "it contains NUL bytes, so it is binary, not text; check what it "
                                 "really is", "not-text")
    return detect(path, data)


def decode_declared(path: Path, data: bytes, label: str) -> tuple[str, dict] | None:
    """Decode as a declared charset (HTML's <meta charset>); None if it does not fit."""
    label = label.lower()
    codec = "cp1252" if label in settings()["windows_1252_labels"] else label
    try:
        codecs.lookup(codec)
        text = data.decode(codec)
    except (LookupError, UnicodeDecodeError):
        return None
    return text, {"encoding": codec, "method": "declared", "confidence": 1.0}


def utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when the NULs of mostly-ASCII UTF-16 sit on one side of each pair."""
    sample = data[:8192]
    if len(sample) < 4:
        return None
    sample = sample[: len(sample) // 2 * 2]
    even, odd = sample[0::2], sample[1::2]
    nul_even, nul_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if nul_odd >= 0.3 and nul_even <= 0.05:
        return "utf-16-le"
    if nul_even >= 0.3 and nul_odd <= 0.05:
        return "utf-16-be"
    return None


def detect(path: Path, data: bytes) -> tuple[str, dict]:
    from charset_normalizer import from_bytes

    results = list(from_bytes(data))
    if not results:
        raise BadInputFile(path, "no text encoding reads it (tried UTF-8, UTF-16 and charset detection); "
                                 "it is binary, not text", "not-text")
    least = min(r.chaos for r in results)
    tied = [r for r in results if r.chaos <= least + 0.01]
    best = max(tied, key=lambda r: r.coherence)
    text = str(best)
    name = best.encoding
    for codec in settings()["prefer"]:
        candidate = next((r for r in tied if r.encoding == codec), None)
        if candidate is not None:
            name, text = codec, str(candidate)
            break
        try:
            if data.decode(codec) == text:
                name = codec
                break
        except UnicodeDecodeError:
            continue
    if least > MAX_MESS:
        raise BadInputFile(path, f"it does not read as text in any encoding (the best, {name}, is "
                                 f"{least:.0%} mess); it is binary, not text", "not-text")
    _check_text(path, text)
    same = sum(1 for r in tied if str(r) == text) / len(tied)
    return text, {"encoding": name, "method": "detected", "confidence": round((1 - least) * same, 2)}


def _strict(path: Path, data: bytes, codec: str, method: str) -> str:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as e:
        raise BadInputFile(path, f"it is not valid {codec} text although its {method} says so "
                                 f"(byte {data[e.start:e.start + 1]!r} at offset {e.start}); "
                                 "save it as UTF-8", "not-text") from e
    _check_text(path, text)
    return text


def _check_text(path: Path, text: str, stray_nul_ok: bool = False) -> None:
    if "\x00" in text and not stray_nul_ok:
        raise BadInputFile(path, "it contains NUL characters, so it is not a text file; "
                                 "save it as UTF-8 text", "not-text")
    controls = sum(1 for _ in _CONTROLS.finditer(text))
    if text and controls / len(text) > MAX_CONTROLS:
        raise BadInputFile(path, f"{controls:,} of its {len(text):,} characters are control codes, so it "
                                 "is binary, not text", "not-text")
