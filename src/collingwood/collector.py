"""The cyclic garbage collector held off while one analysis run or one read builds its objects.

An analysis run or a read of a large case makes millions of small objects (claims, links,
events, rows) that stay alive until it ends and form almost no reference cycles. Python's
collector, triggered by every 700 new objects, walks all of them again in each full
collection: at 100k claims that was 8 of the run's 21 s, and more the larger the case.
`paused` holds it off for the length of one call (a function decorated with it, or a
``with`` block) and turns it back on after, as it was; the few cycles made meanwhile are
collected then. Reference counting frees everything else as usual. Two places take it: the
CLI runner, for a whole command (`cli.app.handles_errors`), and the analysis run, for every
face (`analysis_run.results`).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """No cyclic collection inside; the collector as it was after (nested calls keep it off)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
