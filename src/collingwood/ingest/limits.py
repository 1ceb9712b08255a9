"""The resource limits every file is read under (see docs/ingest.md, "Limits").

Each limit has a default fit for real archives on a small machine and can be changed with
an environment variable ``COLLINGWOOD_<NAME>`` (``COLLINGWOOD_MEMORY_MB=3072``), or by
passing a `Limits` to the ingest stage.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace

from ..errors import ConfigError

MiB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    memory_mb: int = 1536          # address space of the worker reading one file
    seconds: float = 120.0         # wall-clock time to read one file (CPU time is capped too)
    ocr_page_seconds: float = 60.0  # more time for each page that needs OCR
    file_mb: int = 256             # a PDF, a .docx, an image
    text_mb: int = 64              # a .txt, .md or .html file
    zip_member_mb: int = 256       # one part of a .docx, inflated
    zip_total_mb: int = 512        # all parts of a .docx, inflated
    zip_ratio: int = 200           # inflated / compressed size of a part larger than 1 MiB
    ocr_pages: int = 300           # pages to OCR in one file
    ocr_dpi: int = 300             # resolution scanned pages are rendered at for OCR
    image_megapixels: int = 90     # an image larger than this is refused; a page is rendered smaller
    workers: int = 2               # worker processes reading files side by side

    @classmethod
    def from_env(cls, environ: dict | None = None) -> Limits:
        environ = os.environ if environ is None else environ
        changes = {}
        for f in fields(cls):
            raw = environ.get(f"COLLINGWOOD_{f.name.upper()}")
            if raw is None or raw == "":
                continue
            try:
                value = float(raw) if f.type == "float" else int(raw)
            except ValueError as e:
                raise ConfigError(f"COLLINGWOOD_{f.name.upper()}={raw!r} is not a number") from e
            if value <= 0:
                raise ConfigError(f"COLLINGWOOD_{f.name.upper()} must be above zero, not {raw}")
            changes[f.name] = value
        return replace(cls(), **changes)
