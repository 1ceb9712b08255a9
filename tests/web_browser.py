"""Helpers for the workbench's browser tests: a real `collingwood serve` subprocess and Debian's
Chromium driven through Playwright (never a browser Playwright downloads). Chromium missing is
a failure, not a skip: `bash scripts/ci-deps.sh` installs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import urllib.request
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
FIRST_LINE = "Serving "


@contextmanager
def served(case_path: str):
    """`collingwood serve CASE --port 0 --no-browser` in a subprocess; yields (base URL, link, token)."""
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    log = tempfile.TemporaryFile(mode="w+")
    proc = subprocess.Popen([sys.executable, "-m", "collingwood", "serve", case_path, "--port", "0", "--no-browser"],
                            stdout=subprocess.PIPE, stderr=log, text=True, env=env)
    try:
        line = proc.stdout.readline()
        log.seek(0)
        assert line.startswith(FIRST_LINE) and " at http://127.0.0.1:" in line, (line, log.read())
        link = line.rsplit(" at ", 1)[1].strip()
        base, token = link.split("/?token=")
        yield base, link, token
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        log.close()


@contextmanager
def chromium():
    from playwright.sync_api import sync_playwright
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: run `bash scripts/ci-deps.sh` (Debian's chromium)"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


def api(base: str, token: str, path: str, method: str = "GET", body=None):
    """A call to the API with the bearer token, as a script would make it."""
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method, headers={
        "Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.loads(r.read())
