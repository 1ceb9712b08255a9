"""The write lock of a case file: one writer at a time, across processes.

A case is one SQLite file; SQLite itself allows one writer at a time and makes the others
retry. Collingwood serialises its writers one step earlier, with an exclusive ``flock`` on
a lock file beside the case (``my.case-lock``), for two reasons:

* writers wait their turn in order instead of racing SQLite's busy handler (and a writer
  that waits too long gets a coded :class:`~collingwood.errors.CaseBusy`, not a traceback);
* SQLite before 3.51.3 has the WAL-reset bug: two connections writing or checkpointing at
  the same moment can, rarely, corrupt the database. Commits (and the automatic checkpoints
  they run) never overlap while every writer holds this lock, which is what SQLite's notes
  advise for those versions.

The lock is re-entrant within a thread and released when the process dies (kill -9
included), so a crashed writer never leaves a case locked.
"""

from __future__ import annotations

import fcntl
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import CaseBusy

DEFAULT_TIMEOUT = 120.0       # seconds a writer waits for another before giving up


def busy_timeout() -> float:
    """How long a writer waits for the case (seconds): COLLINGWOOD_BUSY_TIMEOUT, else 120."""
    try:
        return max(0.0, float(os.environ.get("COLLINGWOOD_BUSY_TIMEOUT", DEFAULT_TIMEOUT)))
    except ValueError:
        return DEFAULT_TIMEOUT


class WriteLock:
    def __init__(self, path: Path, label: str):
        self.path = path
        self.label = label
        self._local = threading.local()

    @contextmanager
    def held(self) -> Iterator[None]:
        depth = getattr(self._local, "depth", 0)
        if depth:
            self._local.depth = depth + 1
            try:
                yield
            finally:
                self._local.depth -= 1
            return
        fd = self._acquire()
        self._local.depth = 1
        try:
            yield
        finally:
            self._local.depth = 0
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)

    def _acquire(self) -> int:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        timeout = busy_timeout()
        deadline = time.monotonic() + timeout
        pause = 0.005
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return fd
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise CaseBusy(self.label, timeout) from None
                time.sleep(pause)
                pause = min(pause * 2, 0.1)
