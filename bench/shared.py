"""Where the shared measuring data lives: ``../shared`` beside the repository root.

Benches never name an absolute path; a bench whose data is missing stops with a message.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data"
SEEDS = SHARED / "seeds"


def need(path: Path) -> Path:
    """The path, or exit with a clear message when the shared data is not beside the repo."""
    if not path.exists():
        sys.exit(f"missing shared data: {path} (expected ../shared beside the repository)")
    return path
