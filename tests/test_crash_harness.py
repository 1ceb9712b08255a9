"""The crash harness: kill -9 at random moments during ingest (50 runs) and extract (20 runs).

After every kill the case must pass SQLite's integrity check and hold nothing partial (every
source with its text, index entry and name; every claim quoting its span; no source with an
extractor's output but no finished run); a resumed run must then end in exactly the state of
a clean run (`case_state.canonical`: every content table, without timestamps or row ids).
Kill moments are drawn uniformly over the measured length of a clean run; a kill takes the
run's whole process group (its worker processes too). Set CRASH_SEED to replay a failure.
"""

from __future__ import annotations

import os
import random
import time

import pytest

from case_state import canonical, diff, problems, small_corpus
from crash import Zygote, copy_case
from shared_data import SEEDS, need

INGEST_RUNS = 50
EXTRACT_RUNS = 20
SEED = int(os.environ.get("CRASH_SEED", int(time.time())))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return small_corpus(tmp_path_factory.mktemp("crash") / "sources", need(SEEDS))


def _clean(z: Zygote, case, *args, **kw) -> tuple[dict, float]:
    outcome = z.run(*args, **kw)
    assert outcome.exit_code == 0, f"the clean run failed: {z.errors()}"
    assert problems(case) == []
    return canonical(case), outcome.seconds


def test_kill_during_ingest_then_resume_ends_like_a_clean_run(corpus, tmp_path):
    rng = random.Random(SEED)
    with Zygote(tmp_path / "zygote.log") as z:
        clean_case = tmp_path / "clean.case"
        clean, seconds = _clean(z, clean_case, "ingest", clean_case, [corpus])
        assert len(clean["sources"]) == 8 and clean["claims"] and clean["entities"]
        killed = 0
        for run in range(INGEST_RUNS):
            case = tmp_path / f"run{run}.case"
            outcome = z.run("ingest", case, [corpus], kill_after=rng.uniform(0, seconds))
            killed += outcome.killed
            where = f"run {run} (CRASH_SEED={SEED}, killed after {outcome.seconds:.3f} s of {seconds:.3f})"
            if case.exists():
                assert problems(case) == [], where
            assert z.run("ingest", case, [corpus]).exit_code == 0, f"{where}: {z.errors()}"
            assert problems(case) == [], where
            assert diff(canonical(case), clean) == [], where
            for f in tmp_path.glob(f"run{run}.case*"):
                f.unlink()
    print(f"ingest crash harness: {INGEST_RUNS} runs, {killed} killed mid-run, 0 failures")
    assert killed >= INGEST_RUNS // 3        # most kills land inside the run, not after it


@pytest.mark.slow
def test_kill_during_extract_then_resume_ends_like_a_clean_run(corpus, tmp_path):
    rng = random.Random(SEED + 1)
    with Zygote(tmp_path / "zygote.log", warm_extract=True) as z:    # spaCy loaded once, in the zygote
        base = tmp_path / "base.case"
        assert z.run("ingest", base, [corpus]).exit_code == 0, z.errors()
        clean_case = tmp_path / "clean.case"
        copy_case(base, clean_case)
        clean, seconds = _clean(z, clean_case, "extract", clean_case)
        assert clean["claims"] and clean["mentions"] and len(clean["extraction_runs"]) == 8

        assert z.run("extract", clean_case, force=True).exit_code == 0     # --force: a fixed point
        assert diff(canonical(clean_case), clean) == []

        killed = 0
        for run in range(EXTRACT_RUNS):
            case = tmp_path / f"run{run}.case"
            copy_case(base, case)
            outcome = z.run("extract", case, kill_after=rng.uniform(0, seconds))
            killed += outcome.killed
            where = f"run {run} (CRASH_SEED={SEED}, killed after {outcome.seconds:.3f} s of {seconds:.3f})"
            assert problems(case) == [], where
            assert z.run("extract", case).exit_code == 0, f"{where}: {z.errors()}"
            assert problems(case) == [], where
            assert diff(canonical(case), clean) == [], where
            for f in tmp_path.glob(f"run{run}.case*"):
                f.unlink()
    print(f"extract crash harness: {EXTRACT_RUNS} runs, {killed} killed mid-run, 0 failures")
    assert killed >= EXTRACT_RUNS // 2
