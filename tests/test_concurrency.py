"""Parallel runs on one case (a SQLite file, and a PostgreSQL database), through the CLI: four
ingests at once (creating the case between them), then two extracts at once, end where one
serial run ends; a writer that
cannot get the case in time gets a coded case-busy error, never a traceback."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from case_state import canonical, diff, problems, small_corpus
from shared_data import SEEDS, need

CLI = [sys.executable, "-m", "collingwood"]


def _run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=300,
                          env={**os.environ, **(env or {})})


def _start(*args: str) -> subprocess.Popen:
    return subprocess.Popen([*CLI, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _finish(procs: list[subprocess.Popen]) -> list[tuple[int, str, str]]:
    out = []
    for p in procs:
        stdout, stderr = p.communicate(timeout=300)
        out.append((p.returncode, stdout, stderr))
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return small_corpus(tmp_path_factory.mktemp("in") / "sources", need(SEEDS))


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_four_ingests_and_two_extracts_at_once_end_like_a_serial_run(corpus, tmp_path, backend, request):
    if backend == "sqlite":
        serial, case = tmp_path / "serial.case", tmp_path / "parallel.case"
    else:                                       # databases that are not there yet
        server = request.getfixturevalue("pg_server")
        serial, case = server.url("serial_run"), server.url("parallel_run")
    assert _run("ingest", str(serial), str(corpus)).returncode == 0
    assert _run("extract", str(serial)).returncode == 0

    # not there yet: all four race to create it
    results = _finish([_start("ingest", str(case), str(corpus)) for _ in range(4)])
    for code, stdout, stderr in results:
        assert "Traceback" not in stderr + stdout, stderr
        assert code == 0, stderr
    assert problems(case) == []
    added = Counter()                   # each document was stored by exactly one of the four
    for _, stdout, _ in results:
        for n, what in re.findall(r"(\d+) ([a-z ]+?)(?:,|$)", stdout.splitlines()[0].split(": ", 1)[1]):
            added[what] += int(n)
    assert added == {"sources": 8, "other names of sources": 1, "entities": 2, "claims": 1}, results

    results = _finish([_start("extract", str(case)) for _ in range(2)])
    for code, stdout, stderr in results:
        assert "Traceback" not in stderr + stdout, stderr
        assert code == 0, stderr
    assert problems(case) == []
    a, b = canonical(serial), canonical(case)
    assert diff(a, b) == []
    assert len(a["sources"]) == 8 and len(a["source_names"]) == 9 and a["claims"]


def test_a_writer_that_waits_too_long_is_told_the_case_is_busy(corpus, tmp_path):
    from collingwood.locking import WriteLock
    case = tmp_path / "busy.case"
    assert _run("init", str(case)).returncode == 0
    lock = WriteLock(Path(str(case) + "-lock"), str(case))
    with lock.held():
        r = _run("ingest", str(case), str(corpus / "part-01.txt"), env={"COLLINGWOOD_BUSY_TIMEOUT": "0.3"})
    assert r.returncode == 5
    assert "case-busy" in r.stderr and "Traceback" not in r.stderr
    assert "COLLINGWOOD_BUSY_TIMEOUT" in r.stderr
    r = _run("ingest", str(case), str(corpus / "part-01.txt"))      # the lock is free again
    assert r.returncode == 0 and "1 sources" in r.stdout


def test_readers_do_not_wait_for_a_writer(corpus, tmp_path):
    from collingwood.locking import WriteLock
    case = tmp_path / "read.case"
    assert _run("ingest", str(case), str(corpus / "part-02.txt")).returncode == 0
    with WriteLock(Path(str(case) + "-lock"), str(case)).held():
        r = _run("sources", str(case), "--json", env={"COLLINGWOOD_BUSY_TIMEOUT": "0.3"})
    assert r.returncode == 0 and '"title": "Part 02"' in r.stdout
