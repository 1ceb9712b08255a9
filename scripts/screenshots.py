"""Screenshots of the demo dossier for the README: `python scripts/screenshots.py demo-out`.

Needs Debian's chromium (`apt-get install chromium`) and Pillow (a test extra via fpdf2).
Writes docs/img/chronology.png and docs/img/affinity.png.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def shoot(url: str, out: Path, width: int, height: int) -> None:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(["chromium", *FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}",
                        f"--screenshot={out}", url], check=True, capture_output=True, timeout=120)


def main(demo_out: str) -> None:
    demo = Path(demo_out).resolve()
    img = ROOT / "docs" / "img"
    img.mkdir(parents=True, exist_ok=True)
    full = img / "_full.png"
    shoot((demo / "dossier.html").as_uri(), full, 1400, 2400)
    Image.open(full).crop((0, 0, 1400, 1700)).save(img / "chronology.png", optimize=True)
    full.unlink()
    svg = demo / "affinity.svg"
    subprocess.run([sys.executable, "-m", "collingwood", "graph", str(demo / "demo.case"),
                    "--out", str(svg)], check=True, capture_output=True)
    shoot(svg.as_uri(), img / "affinity.png", 980, 740)
    print(f"Wrote {img / 'chronology.png'} and {img / 'affinity.png'}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "demo-out")
