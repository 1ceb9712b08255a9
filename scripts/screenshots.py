"""Screenshots of the demo dossier for the README: `python scripts/screenshots.py demo-out`.

Needs Debian's chromium (`apt-get install chromium`) and Pillow (a test extra via fpdf2).
Writes docs/img/chronology.png, docs/img/affinity.png, and docs/img/findings.png and
docs/img/witnesses.png: the findings register and the witness register with their legends,
each cut from the dossier into a page of its own (the dossier's style, that section only).
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageChops

ROOT = Path(__file__).resolve().parent.parent
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def shoot(url: str, out: Path, width: int, height: int) -> None:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(["chromium", *FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}",
                        f"--screenshot={out}", url], check=True, capture_output=True, timeout=120)


def section_page(html: str, anchor: str) -> str:
    """The dossier's head and one of its sections, as a page of its own."""
    head = html.split("<body>", 1)[0]
    found = re.search(rf'<section id="{anchor}">.*?</section>', html, re.S)
    if found is None:
        sys.exit(f"the dossier has no section {anchor!r}")
    return f"{head}<body><main>{found.group(0)}</main></body></html>"


def trimmed(path: Path, width: int) -> Image.Image:
    """The screenshot without the empty page below the content."""
    img = Image.open(path).convert("RGB")
    bg = Image.new("RGB", img.size, img.getpixel((img.width - 2, img.height - 2)))
    box = ImageChops.difference(img, bg).getbbox()
    bottom = min(img.height, (box[3] + 20) if box else img.height)
    return img.crop((0, 0, width, bottom))


def shoot_section(demo: Path, anchor: str, out: Path, width: int = 1280, height: int = 3400) -> None:
    html = (demo / "dossier.html").read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        page, shot = Path(tmp) / f"{anchor}.html", Path(tmp) / f"{anchor}.png"
        page.write_text(section_page(html, anchor), encoding="utf-8")
        shoot(page.as_uri(), shot, width, height)
        trimmed(shot, width).save(out, optimize=True)


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
    for anchor in ("findings", "witnesses"):
        shoot_section(demo, anchor, img / f"{anchor}.png")
    print(f"Wrote {img / 'chronology.png'}, {img / 'affinity.png'}, {img / 'findings.png'} "
          f"and {img / 'witnesses.png'}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "demo-out")
