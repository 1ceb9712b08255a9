"""Run a stage in a child process and kill -9 it at a chosen moment.

The children are forked from a *zygote*: a fresh Python process (started by the test) that
has imported Collingwood and, for extract, loaded spaCy, and does nothing else. Forking from
it makes each run cheap (no interpreter start, no model load) while the child runs the real
code path (the stage functions, the store and SQLite, and whatever worker processes ingest
starts) in its own process, killed by SIGKILL with no chance to clean up. The zygote itself
never runs a stage, so no child inherits an open database connection or a worker pool.

    with Zygote(log, warm_extract=True) as z:
        outcome = z.run("ingest", case, [folder], kill_after=0.2)

Run as a script (``python crash.py``) this file is the zygote: one JSON request a line on
standard input, one JSON outcome a line on standard output.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
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


class Zygote:
    def __init__(self, log: Path, warm_extract: bool = False):
        self.log = log
        self.warm_extract = warm_extract

    def __enter__(self) -> Zygote:
        self._err = open(self.log, "a", encoding="utf-8")
        self.proc = subprocess.Popen(
            [sys.executable, __file__] + (["--warm-extract"] if self.warm_extract else []),
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._err, text=True, bufsize=1)
        ready = self.proc.stdout.readline()
        assert ready.strip() == "ready", f"the zygote did not start (see {self.log})"
        return self

    def __exit__(self, *exc) -> None:
        self.proc.stdin.close()
        self.proc.wait(timeout=60)
        self.proc.stdout.close()
        self._err.close()

    def run(self, op: str, case: Path, paths: list[Path] = (), force: bool = False,
            kill_after: float | None = None) -> Outcome:
        request = {"op": op, "case": str(case), "paths": [str(p) for p in paths], "force": force,
                   "kill_after": kill_after}
        self.proc.stdin.write(json.dumps(request) + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        assert line, f"the zygote died (see {self.log})"
        return Outcome(**json.loads(line))

    def errors(self) -> str:
        self._err.flush()
        return self.log.read_text(encoding="utf-8")[-3000:]


def copy_case(src: Path, dst: Path) -> None:
    """A consistent copy of a case file (its WAL included), through SQLite's backup API."""
    a, b = sqlite3.connect(src), sqlite3.connect(dst)
    try:
        a.backup(b)
    finally:
        a.close()
        b.close()


# --- the zygote ----------------------------------------------------------------------

def _work(request: dict) -> Callable[[], None]:
    def work() -> None:
        from collingwood.case import Case
        if request["op"] == "ingest":
            report = Case.open(request["case"], create=True).ingest(request["paths"])
        else:
            report = Case.open(request["case"]).extract(force=request["force"])
        if not report.ok:
            raise SystemExit(f"{request['op']} rejected: {report.rejected}")
    return work


def run_child(work: Callable[[], None], kill_after: float | None = None, limit: float = 300.0) -> Outcome:
    """Fork; the child runs ``work``; with kill_after, SIGKILL it after that many seconds."""
    started = time.perf_counter()
    pid = os.fork()
    if pid == 0:                                    # the child: run, then leave at once
        code = 0
        try:
            os.setpgid(0, 0)                        # its own group: the kill takes its workers too
            os.dup2(2, 1)                           # stdout is the zygote's reply channel
            work()
        except BaseException:                       # noqa: BLE001 - report anything, then exit
            traceback.print_exc()
            code = 1
        finally:
            os._exit(code)
    try:
        os.setpgid(pid, pid)
    except (PermissionError, ProcessLookupError):     # the child did it first, or is gone
        pass
    deadline = started + (kill_after if kill_after is not None else limit)
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            _kill_group(pid)                        # workers it left, if any
            return Outcome(False, os.waitstatus_to_exitcode(status), time.perf_counter() - started)
        if time.perf_counter() >= deadline:
            _kill_group(pid)
            _, status = os.waitpid(pid, 0)
            code = os.waitstatus_to_exitcode(status)
            return Outcome(code == -signal.SIGKILL, code, time.perf_counter() - started)
        time.sleep(0.002)


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def main() -> None:
    import collingwood.case  # noqa: F401  (imported once, shared by every child)
    import collingwood.ingest.stage  # noqa: F401
    if "--warm-extract" in sys.argv:
        from collingwood.extract import nlp
        from collingwood.extract.rules import _fingerprint
        nlp.ner(), nlp.parser(), _fingerprint()
    print("ready", flush=True)
    for line in sys.stdin:
        request = json.loads(line)
        outcome = run_child(_work(request), request["kill_after"])
        print(json.dumps(outcome.__dict__), flush=True)


if __name__ == "__main__":
    main()
