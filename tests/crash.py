"""Run a stage in a forked child and kill -9 it at a chosen moment.

Forking from a parent that has already imported Collingwood and loaded spaCy makes each run
cheap (no interpreter start, no model load) while the child runs the real code path: the
stage functions, the store and SQLite, in their own process, killed by SIGKILL with no
chance to clean up. The parent must hold no open database connection when it forks.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Outcome:
    killed: bool          # SIGKILL arrived before the child finished
    exit_code: int | None
    seconds: float


def run_child(work: Callable[[], None], kill_after: float | None = None, limit: float = 120.0) -> Outcome:
    """Run ``work`` in a child process; with kill_after, SIGKILL it after that many seconds."""
    started = time.perf_counter()
    pid = os.fork()
    if pid == 0:                                    # the child: run, never return into pytest
        code = 0
        try:
            work()
        except BaseException:                       # noqa: BLE001 - report anything, then exit
            traceback.print_exc()
            code = 1
        finally:
            os._exit(code)
    deadline = started + (kill_after if kill_after is not None else limit)
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return Outcome(False, os.waitstatus_to_exitcode(status), time.perf_counter() - started)
        if time.perf_counter() >= deadline:
            os.kill(pid, signal.SIGKILL)
            _, status = os.waitpid(pid, 0)
            code = os.waitstatus_to_exitcode(status)
            if kill_after is None:
                raise AssertionError(f"the child ran longer than {limit} s")
            return Outcome(code == -signal.SIGKILL, code, time.perf_counter() - started)
        time.sleep(0.002)


def copy_case(src: Path, dst: Path) -> None:
    """A consistent copy of a case file (its WAL included), through SQLite's backup API."""
    a, b = sqlite3.connect(src), sqlite3.connect(dst)
    try:
        a.backup(b)
    finally:
        a.close()
        b.close()
