"""Python's cyclic garbage collected on the GUI thread only, never on the runner's.

Python collects reference cycles in whichever thread allocates when a generation's
count passes its threshold: in the window, as often as not the runner's worker thread
(db_runner.py), busy with an import or the analysis. A Qt object whose last references
sit in such a cycle (a dialog, a menu, a model with lambdas on its signals) is then
destroyed there, while the GUI thread may be painting it or delivering it an event: a
segfault. A test run crashed this way in the GUI thread's event processing, with the
analysis running on the worker.

So, as pyqtgraph's and GitFourchette's windows do, automatic collection is switched off
and a timer on the GUI thread collects each generation when its count has passed the
threshold Python would have used: the same collections, at most an interval late, and
always on this thread. Objects freed by their reference count (nearly all of them) are
freed where they are dropped, as before.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

# How often the counts are looked at: garbage waits at most this long, and a look when
# nothing is due costs a microsecond.
INTERVAL_MS = 500


class GuiThreadGarbageCollector(QObject):
    """While it runs, cyclic garbage is collected only by its timer, on the thread it
    lives in (the GUI thread); ``stop`` gives collection back to Python."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start(interval_ms)

    def collect_due(self) -> int:
        """Collect the oldest generation that is due, as Python's own collection would
        (with the younger ones); the number of unreachable objects found."""
        due = -1
        # Generation 0 is due once its count (allocations less deallocations) passes
        # its threshold; an older one once it also has passed its own (collections of
        # the younger one since its last).
        for generation, (count, threshold) in enumerate(
                zip(gc.get_count(), self._thresholds, strict=True)):
            if threshold <= 0 or count <= threshold:
                break
            due = generation
        return gc.collect(due) if due >= 0 else 0

    def stop(self) -> None:
        """Stop the timer and let Python collect automatically again."""
        self._timer.stop()
        gc.enable()
