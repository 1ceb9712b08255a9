"""Screenshots of the web workbench for the README: `python scripts/workbench_screenshots.py demo-out`.

Serves `demo-out/demo.case` with `collingwood serve --port 0 --no-browser`, opens it in Debian's
chromium through Playwright, and writes docs/img/workbench-chronology.png (John Cairncross's
events, the timeline drawing each date's uncertainty), docs/img/workbench-profile.png and
docs/img/workbench-affinity.png (an edge's sources opened in the side panel).
"""

from __future__ import annotations

import subprocess
import sys
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PERSON = "John Cairncross"


def main(demo_out: str) -> None:
    from playwright.sync_api import sync_playwright
    case = Path(demo_out).resolve() / "demo.case"
    img = ROOT / "docs" / "img"
    proc = subprocess.Popen([sys.executable, "-m", "collingwood", "serve", str(case), "--port", "0", "--no-browser"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        link = proc.stdout.readline().rsplit(" at ", 1)[1].strip()
        base = link.split("/?")[0]
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS, headless=True)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(link)
            page.goto(f"{base}/chronology?actor={urllib.parse.quote(PERSON)}&from=1930&to=1965")
            page.screenshot(path=str(img / "workbench-chronology.png"))
            page.goto(f"{base}/entities/{urllib.parse.quote(PERSON)}")
            page.screenshot(path=str(img / "workbench-profile.png"))
            page.goto(f"{base}/graph")
            page.wait_for_selector("#chart[data-loaded]")
            page.locator("#chart line.link.documented").first.dispatch_event("click")
            page.screenshot(path=str(img / "workbench-affinity.png"))
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        proc.stdout.close()
    print(f"wrote {img}/workbench-chronology.png, workbench-profile.png, workbench-affinity.png")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "demo-out")
