"""The installed PySide6 must not drop references on emit (6.12.0 does, see pyproject).

On Python 3.11 True and None are ordinary objects: an emit that gives back True without
owning a reference lowers its count each time, until the interpreter aborts the program
in the middle of a session. Python 3.12 made them immortal, which hides the bug there.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication


class _Emitter(QObject):
    fired = Signal()


def test_emitting_keeps_the_reference_counts_of_true_and_none(qapp: QApplication) -> None:
    emitter = _Emitter()
    received: list[int] = []
    emitter.fired.connect(lambda: received.append(1))
    before = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(200):
        emitter.fired.emit()
    after = sys.getrefcount(True), sys.getrefcount(None)
    assert len(received) == 200
    # Immortal objects report a huge, fixed count; mortal ones must not have dropped.
    assert after[0] >= before[0] - 2
    assert after[1] >= before[1] - 2
