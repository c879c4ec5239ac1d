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


def test_stopping_gives_collection_back_to_python(
        collector: GuiThreadGarbageCollector) -> None:
    assert not gc.isenabled()
    collector.stop()
    assert gc.isenabled()
