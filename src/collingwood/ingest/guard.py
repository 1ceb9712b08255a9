"""Read files in guarded worker processes: a memory cap, a time limit, a crash costs one file.

A parser fed a hostile file can loop for ever, inflate a bomb until memory runs out, or
crash in C. So every document is read by `read_document` in a worker *process* (never a
thread) whose address space is capped with `RLIMIT_AS` and whose CPU time is capped with
`RLIMIT_CPU`; the parent also keeps a wall-clock deadline per file (longer for each page
that needs OCR, which the worker announces). A worker that breaks a limit or dies is
killed and replaced, its file is refused with a coded reason (`memory`, `timeout`,
`crashed`), and the batch goes on. Workers are reused from file to file, and forked from
a `forkserver` that has the parsers imported already, so starting one is cheap.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path

from ..errors import BadInputFile
from .limits import Limits, MiB
from .readers import Document, read_document

PRELOAD = ["collingwood.ingest.readers", "collingwood.ingest.encoding", "collingwood.ingest.ocr",
           "pypdf", "docx", "bs4", "lxml.etree", "charset_normalizer", "defusedxml.ElementTree"]
_context = None


def _ctx():
    global _context
    if _context is None:
        _context = mp.get_context("forkserver")
        _context.set_forkserver_preload(PRELOAD)
    return _context


# --- the worker ---------------------------------------------------------------------


def _set_limits(limits: Limits) -> None:
    import resource

    def cap(which: int, value: int) -> None:
        soft, hard = resource.getrlimit(which)
        if hard != resource.RLIM_INFINITY:
            value = min(value, hard)
        resource.setrlimit(which, (value, hard))

    cap(resource.RLIMIT_AS, limits.memory_mb * MiB)
    cap(resource.RLIMIT_CORE, 0)


def _cap_cpu(seconds: float) -> None:
    """Allow `seconds` more CPU time from now (RLIMIT_CPU counts the process's whole life)."""
    import resource

    used = resource.getrusage(resource.RUSAGE_SELF)
    now = int(used.ru_utime + used.ru_stime)
    soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
    value = now + int(seconds) + 1
    if hard != resource.RLIM_INFINITY:
        value = min(value, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (value, hard))


def _quiet() -> None:
    """Parsers log and warn about the damage they work around, and C code may print: the user
    gets the file's coded reason instead, so the worker's own output goes nowhere."""
    import logging
    import warnings

    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    os.close(devnull)


def _serve(conn: Connection, limits: Limits) -> None:
    """The worker's loop: a path in, ("ok", Document) or ("bad", kind, reason) out."""
    os.setpgrp()   # its own group, so a kill also ends an OCR engine it started
    signal.signal(signal.SIGINT, signal.SIG_IGN)   # the parent decides when to stop
    _quiet()
    _set_limits(limits)
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        path, budget = task
        _cap_cpu(budget)

        def more_time(pages: int = 1) -> None:
            _cap_cpu(budget + pages * limits.ocr_page_seconds)
            conn.send(("more", pages * limits.ocr_page_seconds))

        try:
            doc = read_document(Path(path), limits, more_time=more_time)
            conn.send(("ok", doc))
        except BadInputFile as e:
            conn.send(("bad", e.kind, e.reason, type(e).__name__))
        except MemoryError:
            conn.send(("bad", "memory", f"reading it needs more than the {limits.memory_mb} MiB memory "
                                        "limit (raise COLLINGWOOD_MEMORY_MB if the file is genuine)",
                       "BadInputFile"))
            return   # the heap may be in pieces: let a fresh worker take over
        except RecursionError:
            conn.send(("bad", "damaged", "its structure is nested too deeply to read", "BadInputFile"))
        except Exception as e:  # noqa: BLE001 - a parser's own bug must cost one file, not the batch
            conn.send(("bad", "damaged", f"it cannot be read ({type(e).__name__}: {str(e)[:200]}); "
                                         "check the file", "BadInputFile"))


# --- the parent ---------------------------------------------------------------------


@dataclass
class _Worker:
    process: object
    conn: Connection
    task: int | None = None
    deadline: float = 0.0
    started: float = 0.0
    extra: float = 0.0


@dataclass
class ReaderPool:
    """Reads paths in worker processes; yields (path, Document or BadInputFile) in input order."""

    limits: Limits = field(default_factory=Limits.from_env)
    workers: list[_Worker] = field(default_factory=list)

    def read_all(self, paths: Iterable[Path]) -> Iterator[tuple[Path, Document | BadInputFile]]:
        paths = [Path(p) for p in paths]
        results: dict[int, Document | BadInputFile] = {}
        todo = list(range(len(paths)))[::-1]
        emit = 0
        size = max(1, min(self.limits.workers, len(paths)))
        try:
            while emit < len(paths):
                while todo and sum(w.task is not None for w in self.workers) < size:
                    self._start(todo.pop(), paths)
                self._collect(paths, results)
                while emit in results:
                    yield paths[emit], results.pop(emit)
                    emit += 1
        finally:
            self.close()

    def _start(self, index: int, paths: list[Path]) -> None:
        task = (os.fspath(paths[index]), self.limits.seconds)
        worker = next((w for w in self.workers if w.task is None), None)
        if worker is not None:
            try:
                worker.conn.send(task)
            except OSError:   # an idle worker that died (the system's OOM killer): replace it
                self._retire(worker)
                worker = None
        if worker is None:
            parent, child = _ctx().Pipe()
            process = _ctx().Process(target=_serve, args=(child, self.limits), daemon=True)
            process.start()
            child.close()
            worker = _Worker(process, parent)
            self.workers.append(worker)
            worker.conn.send(task)
        worker.task = index
        worker.started = time.monotonic()
        worker.deadline = worker.started + self.limits.seconds
        worker.extra = 0.0

    def _collect(self, paths: list[Path], results: dict) -> None:
        busy = [w for w in self.workers if w.task is not None]
        if not busy:
            return
        timeout = max(0.0, min(w.deadline for w in busy) - time.monotonic())
        ready = wait([w.conn for w in busy], timeout=timeout)
        now = time.monotonic()
        for w in busy:
            index = w.task
            path = paths[index]
            if w.conn in ready:
                try:
                    message = w.conn.recv()
                except (EOFError, OSError):
                    results[index] = self._died(w, path)   # (retiring the worker clears its task)
                    continue
                if message[0] == "more":
                    w.deadline += message[1]
                    w.extra += message[1]
                    continue
                if message[0] == "ok":
                    results[index] = message[1]
                else:
                    _, kind, reason, cls = message
                    results[index] = _rebuild(cls, path, reason, kind)
                w.task = None
                if message[0] == "bad" and kind == "memory":
                    self._retire(w)
            elif now >= w.deadline:
                allowed = self.limits.seconds + w.extra
                results[index] = BadInputFile(path, f"reading it took longer than the limit of {allowed:.0f} s "
                                                     "(raise COLLINGWOOD_SECONDS if the file is genuine)",
                                               "timeout")
                self._retire(w)

    def _died(self, w: _Worker, path: Path) -> BadInputFile:
        w.process.join(5)
        code = w.process.exitcode
        self._retire(w)
        if code is not None and code < 0:
            sig = signal.Signals(-code)
            if sig == signal.SIGXCPU:
                return BadInputFile(path, f"reading it used more than the CPU time limit of "
                                          f"{self.limits.seconds:.0f} s", "timeout")
            return BadInputFile(path, f"the reader crashed ({sig.name}), most likely out of memory under "
                                      f"the {self.limits.memory_mb} MiB limit; check the file", "crashed")
        return BadInputFile(path, f"the reader stopped unexpectedly (exit code {code}); check the file",
                            "crashed")

    def _retire(self, w: _Worker) -> None:
        w.task = None
        for kill in (lambda: os.killpg(w.process.pid, signal.SIGKILL), w.process.kill):
            try:
                kill()
            except (ProcessLookupError, PermissionError, OSError, ValueError):
                pass
        w.process.join(5)
        w.conn.close()
        self.workers.remove(w)

    def close(self) -> None:
        for w in list(self.workers):
            if w.task is None:
                try:
                    w.conn.send(None)
                except OSError:
                    pass
                w.process.join(2)
            self._retire(w)


def _rebuild(cls: str, path: Path, reason: str, kind: str) -> BadInputFile:
    from .. import errors

    error_class = getattr(errors, cls, BadInputFile)
    if not (isinstance(error_class, type) and issubclass(error_class, BadInputFile)):
        error_class = BadInputFile
    if error_class is errors.YamlError:
        return errors.YamlError(path, reason, kind)
    return error_class(path, reason, kind)


def read_guarded(paths: Iterable[Path], limits: Limits | None = None
                 ) -> Iterator[tuple[Path, Document | BadInputFile]]:
    """Every path read in a guarded worker; results in the order given."""
    return ReaderPool(limits or Limits.from_env()).read_all(paths)
