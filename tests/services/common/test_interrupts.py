"""Ctrl+C and an import's second processes (services.common.interrupts): a process
started while the import holds SIGINT back starts with it held, even when it is the
first process (multiprocessing then starts its resource tracker, which lets SIGINT
through again), and drops it once it ignores it."""

from __future__ import annotations

import multiprocessing
import os
import signal
from multiprocessing import resource_tracker
from multiprocessing.connection import Connection

import pytest

from tracker.services.common.interrupts import ignore_interrupts, interrupt_held

pytestmark = pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"),
                                reason="no signal masks (Windows)")


def _held() -> bool:
    return signal.SIGINT in signal.pthread_sigmask(signal.SIG_BLOCK, [])


def _report(connection: Connection) -> None:
    """In the second process: whether SIGINT was held as it started, and after
    ``ignore_interrupts``, whether it is held and how it is handled."""
    at_start = _held()
    ignore_interrupts()
    connection.send((at_start, _held(), signal.getsignal(signal.SIGINT) == signal.SIG_IGN))


def _started_held() -> tuple[bool, bool, bool]:
    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe()
    with interrupt_held():
        assert _held()
        process = context.Process(target=_report, args=(theirs,))
        process.start()
    try:
        assert ours.poll(60), "the second process said nothing"
        report: tuple[bool, bool, bool] = ours.recv()
        return report
    finally:
        process.join(60)


def test_a_process_starts_with_sigint_held_and_then_ignores_it() -> None:
    assert not _held()
    assert _started_held() == (True, False, True)
    assert not _held()  # the import's own thread has it back


def test_the_first_process_too(monkeypatch: pytest.MonkeyPatch) -> None:
    """multiprocessing starts a resource tracker with a process's first start, and
    unblocks SIGINT afterwards: without starting it first, the child started unheld."""
    fresh = resource_tracker.ResourceTracker()
    monkeypatch.setattr(resource_tracker, "_resource_tracker", fresh)
    monkeypatch.setattr(resource_tracker, "ensure_running", fresh.ensure_running)
    monkeypatch.setattr(resource_tracker, "getfd", fresh.getfd)
    try:
        assert _started_held() == (True, False, True)
    finally:
        if fresh._fd is not None:  # the tracker ends when its pipe closes
            os.close(fresh._fd)
            os.waitpid(fresh._pid, 0)
