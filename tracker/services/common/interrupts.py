"""Ctrl+C and an import's second processes (services.imports.read_ahead,
services.targets.suggest_ahead).

A terminal's Ctrl+C goes to every process of the command: the import, which stops them
and says what was kept, and its second processes, which ignore it once they run. Before
that, a process still starting up (its interpreter and imports take a tenth of a second
or more) would stop on it with a traceback of its own over the import's message. So the
import holds SIGINT back in the thread that starts one: a process inherits what its
starter holds, and Python leaves it held, so one pressed while it starts waits until
``ignore_interrupts`` drops it. In the import, what was held then comes through when
the start is over: nothing is lost.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from multiprocessing import resource_tracker

# Where signal masks exist (not on Windows, where Ctrl+C reaches processes otherwise).
_MASKS = hasattr(signal, "pthread_sigmask")


@contextmanager
def interrupt_held() -> Iterator[None]:
    """SIGINT held back in this thread while the block starts a second process."""
    if not _MASKS:
        yield
        return
    # multiprocessing starts its resource tracker with the first process, and lets
    # SIGINT through again once that has started: started first, here.
    resource_tracker.ensure_running()
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def ignore_interrupts() -> None:
    """In a second process, from its start on: Ctrl+C ignored, and one pressed while it
    started (held since, by ``interrupt_held``) dropped."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if _MASKS:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
