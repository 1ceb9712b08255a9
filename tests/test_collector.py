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
