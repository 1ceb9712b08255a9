"""Writer processes for tests/test_concurrent_writers.py (importable, for multiprocessing's spawn).

Each returns what it did and the coded errors it met; any other exception escapes (and fails
the test): a raw database error must never reach a caller."""

from __future__ import annotations

from pathlib import Path

N = 20          # writes per kind per writer


def _case(location: str):
    from collingwood.case import Case
    return Case.open(location)


def ingest_files(location: str, files: list[str]) -> dict:
    from collingwood.errors import CollingwoodError
    case, errors, added = _case(location), [], 0
    for f in files:
        try:
            added += case.ingest([Path(f)]).added.get("sources", 0)
        except CollingwoodError as e:
            errors.append(e.code)
    return {"added": added, "errors": errors}


def verdicts_and(location: str, writer: int, kind: str) -> dict:
    """N writes of its own kind (verdicts, ratings or judgments on targets of its own), each
    followed by a verdict on the one finding every writer sets."""
    from collingwood.errors import CollingwoodError
    case, errors = _case(location), []
    for i in range(N):
        try:
            if kind == "verdicts":
                case.set_verdict(f"f-{writer}-{i}", "explained", f"writer {writer}")
            elif kind == "ratings":
                case.store.set_rating("Who recruited him?", "H1", f"e-{writer}-{i}", "C")
            else:
                case.store.add_judgment(f"Witness {writer}-{i}", "grade", "B2")
            case.set_verdict("f-shared", ("explained", "confirmed", "dismissed")[i % 3], f"{writer}:{i}")
        except CollingwoodError as e:
            errors.append(e.code)
    return {"errors": errors}


def run_into(queue, index: int, fn_name: str, args: tuple) -> None:
    """A process's body: run one writer, put (index, result or the exception's text) in the queue."""
    import traceback
    try:
        queue.put((index, globals()[fn_name](*args)))
    except BaseException:           # noqa: BLE001  (reported to the test, which fails on it)
        queue.put((index, {"raised": traceback.format_exc()}))
