"""The guarded workers: a file that breaks the time or memory limit costs that file only."""

import time

import pytest

from collingwood.errors import BadInputFile, ConfigError
from collingwood.ingest.guard import read_guarded
from collingwood.ingest.limits import Limits
from collingwood.ingest.readers import Document


def _good(tmp_path, n: int):
    paths = []
    for i in range(n):
        path = tmp_path / f"good{i}.txt"
        path.write_text(f"Good file number {i}, written in 195{i}.\n")
        paths.append(path)
    return paths


def test_guard_reads_in_order_and_reuses_workers(tmp_path):
    paths = _good(tmp_path, 5)
    results = list(read_guarded(paths, Limits(workers=2)))
    assert [p for p, _ in results] == paths
    assert all(isinstance(d, Document) for _, d in results)
    assert results[3][1].text == "Good file number 3, written in 1953.\n"


def test_guard_a_slow_file_times_out_and_the_batch_goes_on(tmp_path):
    slow = tmp_path / "slow.html"
    slow.write_text("<html><body>" + "<p><b>word</b> <i>another</i></p>" * 400_000 + "</body></html>")
    paths = [slow, *_good(tmp_path, 2)]
    started = time.monotonic()
    results = dict(read_guarded(paths, Limits(seconds=1, workers=1)))
    assert time.monotonic() - started < 15
    assert isinstance(results[slow], BadInputFile) and results[slow].kind == "timeout"
    assert "longer than the limit of 1 s" in results[slow].reason
    assert all(isinstance(results[p], Document) for p in paths[1:])   # a fresh worker took over


def test_guard_a_file_too_big_for_memory_is_refused_as_memory(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("w") as f:
        for _ in range(150):
            f.write("a" * (1 << 20))
    paths = [big, *_good(tmp_path, 2)]
    results = dict(read_guarded(paths, Limits(memory_mb=256, text_mb=200, workers=1)))
    assert isinstance(results[big], BadInputFile) and results[big].kind == "memory"
    assert all(isinstance(results[p], Document) for p in paths[1:])


def test_guard_limits_from_the_environment():
    limits = Limits.from_env({"COLLINGWOOD_MEMORY_MB": "3072", "COLLINGWOOD_SECONDS": "2.5"})
    assert limits.memory_mb == 3072 and limits.seconds == 2.5 and limits.file_mb == Limits().file_mb
    with pytest.raises(ConfigError, match="COLLINGWOOD_SECONDS"):
        Limits.from_env({"COLLINGWOOD_SECONDS": "soon"})
    with pytest.raises(ConfigError, match="above zero"):
        Limits.from_env({"COLLINGWOOD_WORKERS": "0"})


def test_guard_a_worker_that_dies_costs_its_file_only(tmp_path):
    import os
    import signal
    import threading

    from collingwood.ingest.guard import ReaderPool

    slow = tmp_path / "slow.html"
    slow.write_text("<html><body>" + "<p><b>word</b> <i>another</i></p>" * 400_000 + "</body></html>")
    paths = [slow, *_good(tmp_path, 2)]
    pool = ReaderPool(Limits(seconds=60, workers=1))

    def kill():
        os.kill(pool.workers[0].process.pid, signal.SIGKILL)   # as a crash in C code would end it

    timer = threading.Timer(0.5, kill)
    timer.start()
    results = dict(pool.read_all(paths))
    timer.join()
    assert isinstance(results[slow], BadInputFile) and results[slow].kind == "crashed"
    assert "SIGKILL" in results[slow].reason
    assert all(isinstance(results[p], Document) for p in paths[1:])
