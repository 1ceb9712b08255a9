"""The collector is held off for one analysis run or read, and comes back as it was."""

from __future__ import annotations

import gc

import pytest

from collingwood.collector import paused


def test_paused_holds_the_collector_off_and_restores_it():
    gc.enable()
    with paused():
        assert not gc.isenabled()
        with paused():                       # a read inside a run
            assert not gc.isenabled()
        assert not gc.isenabled()            # the inner call does not turn it back on
    assert gc.isenabled()


def test_paused_restores_the_collector_after_an_error_and_leaves_it_off_if_it_was():
    gc.enable()
    with pytest.raises(ValueError), paused():
        raise ValueError("a failed read")
    assert gc.isenabled()
    gc.disable()
    try:
        with paused():
            pass
        assert not gc.isenabled()            # off before: off after
    finally:
        gc.enable()


def test_a_paused_function_runs_with_the_collector_off():
    @paused()
    def read():
        return gc.isenabled()

    gc.enable()
    assert read() is False
    assert gc.isenabled()


def test_every_command_runs_paused_through_the_cli_runner_and_the_parsing_ones_collecting():
    """One shared path: the CLI runner pauses a command (a read of a large case), and gives it
    back after, also when the command fails; ingest, extract and serve leave the collector on."""
    from collingwood.cli.app import handles_errors, handles_errors_collecting
    from collingwood.errors import NotFound

    seen = []

    @handles_errors
    def read():
        seen.append(gc.isenabled())

    @handles_errors
    def failing():
        seen.append(gc.isenabled())
        raise NotFound("no such claim")

    @handles_errors_collecting
    def parse():
        seen.append(gc.isenabled())

    gc.enable()
    read()
    assert gc.isenabled()
    with pytest.raises(Exception):          # typer.Exit with the error's code
        failing()
    assert gc.isenabled()
    parse()
    assert seen == [False, False, True]


def test_the_parsing_and_serving_commands_are_the_ones_left_collecting():
    from collingwood.cli.app import app

    import collingwood.cli  # noqa: F401  (registers every command)

    collecting = sorted(c.callback.__name__ for c in app.registered_commands if not c.callback.pauses)
    assert collecting == ["dates", "demo", "extract", "ingest", "serve"]
