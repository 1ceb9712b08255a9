"""The shared measuring data: ``../shared`` beside the repository root, never an absolute path.

A test whose data is missing fails (through `need`); it never skips.
"""

from __future__ import annotations

from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "seeds"
DATA = SHARED / "data"


def need(path: Path) -> Path:
    assert path.exists(), f"shared data missing: {path} (../shared must sit beside the repository)"
    return path
