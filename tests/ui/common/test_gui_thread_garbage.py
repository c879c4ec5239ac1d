"""Cyclic garbage is collected on the GUI thread only (gui_thread_garbage.py)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from tracker.ui.common.gui_thread_garbage import GuiThreadGarbageCollector


class _Cycle:
    """An object in a reference cycle: only the cyclic collector frees it, and it says
    on which thread."""

    def __init__(self, freed_on: list[str]) -> None:
        self.me = self
        self._freed_on = freed_on

    def __del__(self) -> None:
        self._freed_on.append(threading.current_thread().name)


@pytest.fixture
def collector(qapp: object) -> Iterator[GuiThreadGarbageCollector]:
    gc.collect()  # nothing left over from earlier tests to count
    made = GuiThreadGarbageCollector(interval_ms=20)
    yield made
    made.stop()


def test_garbage_a_worker_thread_leaves_is_collected_on_the_gui_thread(
        qtbot: QtBot, collector: GuiThreadGarbageCollector) -> None:
    freed_on: list[str] = []
    kept: list[object] = []

    def work() -> None:
        _Cycle(freed_on)
        # Far more allocations than would set off Python's own collection here.
        kept.extend({} for _ in range(50 * gc.get_threshold()[0]))

    worker = threading.Thread(target=work, name="runner")
    worker.start()
    worker.join()
    assert not gc.isenabled()
    assert freed_on == []  # the worker's allocations collected nothing
    qtbot.waitUntil(lambda: freed_on != [])
    assert freed_on == [threading.main_thread().name]


def test_a_generation_is_collected_once_due_and_not_before(
        collector: GuiThreadGarbageCollector) -> None:
    freed_on: list[str] = []
    _Cycle(freed_on)
    assert gc.get_count()[0] <= gc.get_threshold()[0]
    assert collector.collect_due() == 0
    assert freed_on == []
    kept = [{} for _ in range(2 * gc.get_threshold()[0])]
    assert collector.collect_due() > 0
    assert freed_on == [threading.main_thread().name]
    assert kept


@pytest.mark.parametrize("older", [1, 2])
def test_the_oldest_generation_due_is_collected_as_python_would(
        collector: GuiThreadGarbageCollector, older: int) -> None:
    """Generation 1 due after enough collections of 0; generation 2 due after enough of
    1, though 1's own count is then back at nought."""
    for _ in range(gc.get_threshold()[older] + 1):
        gc.collect(older - 1)  # each counts one towards the next generation's threshold
    before = [generation["collections"] for generation in gc.get_stats()]
    kept = [{} for _ in range(2 * gc.get_threshold()[0])]
    collector.collect_due()
    after = [generation["collections"] for generation in gc.get_stats()]
    # One collection, of the older generation (the younger ones with it), and no other.
    assert [a - b for a, b in zip(after, before, strict=True)] == \
        [int(generation == older) for generation in range(3)]
    assert kept


def test_nothing_is_collected_where_python_would_collect_nothing(qapp: object) -> None:
    thresholds = gc.get_threshold()
    gc.set_threshold(0)  # Python's own word for "never"
    try:
        collector = GuiThreadGarbageCollector()
        freed_on: list[str] = []
        _Cycle(freed_on)
        kept = [{} for _ in range(10 * thresholds[0])]
        assert collector.collect_due() == 0
        collector.stop()
        assert freed_on == [] and kept
    finally:
        gc.set_threshold(*thresholds)
        gc.collect()


def test_stopping_puts_automatic_collection_back_as_it_was(
        collector: GuiThreadGarbageCollector) -> None:
    # The window tests' own collector (tests/ui/conftest.py) turned it off first.
    assert not gc.isenabled()
    collector.stop()
    assert not gc.isenabled()
    gc.enable()
    first = GuiThreadGarbageCollector()
    assert not gc.isenabled()
    first.stop()
    assert gc.isenabled()
    gc.disable()  # as the window tests' collector keeps it until their teardown
