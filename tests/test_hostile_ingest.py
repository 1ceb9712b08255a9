"""`collingwood ingest` through the CLI, in a subprocess under a memory limit and a timeout, on a
generated hostile corpus (tests/hostile_corpus.py): each bad file refused or skipped with a
coded reason (or read correctly where it is legitimate), every good file intact, nothing read
from outside the input, no traceback, names printed safely."""

from __future__ import annotations

import json
import os
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

import collingwood
from hostile_corpus import build, remove_deep_tree

MEMORY_LIMIT = 2 * 1024 ** 3     # the whole CLI, address space
TIME_LIMIT = 300                 # seconds, for the whole batch
CODE = re.compile(r"^\[([a-z-]+)\] ")


def _cli() -> list[str]:
    """The code under test, not whichever `collingwood` the environment installed: a checkout
    tested with its own `src` on the path runs that `src` here too."""
    return [sys.executable, "-m", "collingwood"]


def _env() -> dict[str, str]:
    package_root = str(Path(collingwood.__file__).resolve().parents[1])
    path = [package_root, *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(path)}


def _limited():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_cli(*args, timeout=TIME_LIMIT) -> subprocess.CompletedProcess:
    return subprocess.run([*_cli(), *map(str, args)], capture_output=True, timeout=timeout,
                          preexec_fn=_limited, cwd="/", env=_env())


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def hostile(tmp_path_factory, request):
    root = tmp_path_factory.mktemp("hostile")
    corpus = build(root)
    case = root / "hostile.case" if request.param == "sqlite" else \
        request.getfixturevalue("pg_server").create_database("hostile")
    corpus.case = case
    started = time.monotonic()
    first = run_cli("ingest", case, corpus.input, "--json")
    elapsed = time.monotonic() - started
    again = run_cli("ingest", case, corpus.input)   # plain output, for the terminal checks
    listed = run_cli("sources", case, "--json")
    yield corpus, first, again, listed, elapsed
    remove_deep_tree(corpus)


def _report(first) -> dict:
    return json.loads(first.stdout.decode("utf-8"))


def _sources(listed) -> dict[str, dict]:
    return {s["path"]: s for s in map(json.loads, listed.stdout.decode("utf-8").splitlines())}


def _texts(case: Path | str) -> dict[str, str]:
    from collingwood.case import Case
    return {s.path: s.text for s in Case.open(case).sources()}


def test_hostile_batch_completes_without_traceback_in_bounded_time(hostile):
    corpus, first, again, listed, elapsed = hostile
    for run in (first, again, listed):
        output = run.stdout.decode("utf-8", "replace") + run.stderr.decode("utf-8", "replace")
        assert "Traceback (most recent call last)" not in output, output[-3000:]
        assert not re.search(r"^\w+(Error|Exception): ", output, re.M), output[-3000:]
    assert first.returncode == 0, first.stderr.decode()[-2000:]
    assert elapsed < TIME_LIMIT
    assert len(corpus.kinds) >= 40


def test_hostile_each_kind_is_refused_skipped_or_read_as_expected(hostile):
    corpus, first, _, listed, _ = hostile
    report = _report(first)
    rejected, skipped = {}, {}   # name -> reasons (sources.yaml is in several folders)
    for where, items in ((rejected, report["rejected"]), (skipped, report["skipped"])):
        for r in items:
            where.setdefault(r["name"], []).append(r["reason"])
    texts = _texts(corpus.case)
    problems = []
    for k in corpus.kinds:
        where = {"rejected": rejected, "skipped": skipped}.get(k.outcome)
        if where is not None:
            reasons = where.get(k.hostile, [])
            match = next((r for r in reasons if CODE.match(r) and CODE.match(r).group(1) in k.codes), None)
            if match is None:
                problems.append(f"{k.name}: expected {k.outcome} {k.codes}, got {reasons!r} "
                                f"(rejected {rejected.get(k.hostile)!r}, skipped {skipped.get(k.hostile)!r})")
            else:
                reasons.remove(match)
            stored = [p for p in texts if p.startswith(str(k.folder)) and "/good-" not in p]
            if stored:
                problems.append(f"{k.name}: stored {stored} although it is bad")
        else:
            mine = {p: t for p, t in texts.items() if p.startswith(str(k.folder) + "/") and "/good-" not in p}
            if len(mine) != 1:
                problems.append(f"{k.name}: expected one source read, got {sorted(mine)} "
                                f"(rejected {rejected.get(k.hostile)!r})")
                continue
            text = next(iter(mine.values()))
            if k.text is not None and text != k.text + "\n":
                problems.append(f"{k.name}: text {text!r} != {k.text!r}")
            problems += [f"{k.name}: lacks {c!r}" for c in k.contains if c not in text]
            problems += [f"{k.name}: holds {c!r}" for c in k.lacks if c in text]
    assert not problems, "\n".join(problems)


def test_hostile_every_good_file_is_stored_intact(hostile):
    corpus, *_ = hostile
    texts = _texts(corpus.case)
    missing = [f"{path}" for k in corpus.kinds for path, text in k.good if texts.get(str(path)) != text]
    assert not missing, missing


def test_hostile_nothing_outside_the_input_is_read(hostile):
    corpus, *_ = hostile
    texts = _texts(corpus.case)
    passwd = Path("/etc/passwd").read_text().splitlines()[0]
    for path, text in texts.items():
        assert path.startswith(str(corpus.input) + "/"), path
        assert "OUTSIDE-SECRET" not in text and passwd not in text and "root:x:0:0" not in text


def test_hostile_names_are_shown_safely(hostile):
    _, first, again, listed, _ = hostile
    for run in (first, again, listed):
        for stream in (run.stdout, run.stderr):
            assert b"\x1b" not in stream and b"\x07" not in stream
            stream.decode("utf-8")   # valid UTF-8: undecodable name bytes are escaped
    printed = again.stdout.decode() + again.stderr.decode()
    assert "rejected empty\\x1b[31m\\xfe.txt: [empty]" in printed, printed


def test_hostile_reingest_changes_nothing(hostile):
    _, first, again, _, _ = hostile
    assert "nothing new" in again.stdout.decode()


def test_hostile_reasons_are_recorded_with_codes(hostile):
    _, first, *_ = hostile
    report = _report(first)
    for r in report["rejected"] + report["skipped"]:
        assert CODE.match(r["reason"]), r
