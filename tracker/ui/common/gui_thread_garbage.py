"""Python's cyclic garbage collected on the GUI thread only, never on the runner's.

Python collects reference cycles in whichever thread allocates when a generation's
count passes its threshold: in the window, as often as not the runner's worker thread
(db_runner.py), busy with an import or the analysis. A Qt object whose last references
sit in such a cycle (a dialog, a menu, a model with lambdas on its signals) is then
destroyed there, while the GUI thread may be painting it or delivering it an event: a
segfault. A test run crashed in the GUI thread's event processing while the analysis
ran on the worker, which is what such a crash looks like (its own stack, in Qt, was not
to be had).

So, as pyqtgraph's and GitFourchette's windows do, automatic collection is switched off
and a timer on the GUI thread collects, every INTERVAL_MS, the generation Python would
collect at that moment: the oldest whose count has passed its threshold, once the
youngest's has. Under a steady stream of allocations that is one collection a tick,
where Python might have made several, so older generations come later than Python's
would. And Python's own check before a full collection (that the objects which survived
into the oldest generation since the last one are a quarter of those it held) is not
visible from Python: a full collection comes every time the oldest generation is due.
The window freezes what start-up made (app.run, gc.freeze) so that those passes do not
walk it. Objects freed by their reference count (nearly all of them) are freed where
they are dropped, as before.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

# How often the counts are looked at: garbage waits at most this long, and a look when
# nothing is due costs a microsecond.
INTERVAL_MS = 500


class GuiThreadGarbageCollector(QObject):
    """While it runs, cyclic garbage is collected only by its timer, on the thread it
    lives in (the GUI thread); ``stop`` puts automatic collection back as it found it."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        # As it was: off already under another collector, or while the window starts.
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start(interval_ms)

    def collect_due(self) -> int:
        """Collect the generation Python's own collection would collect now, if any
        (with the younger ones); the number of unreachable objects found."""
        counts, thresholds = gc.get_count(), self._thresholds
        # Python looks only once the youngest generation's count (allocations less
        # deallocations) passes its threshold (0: never), then takes the oldest whose
        # count (collections of the next younger one since its own last) passed its own.
        if thresholds[0] <= 0 or counts[0] <= thresholds[0]:
            return 0
        due = max(generation for generation, (count, threshold)
                  in enumerate(zip(counts, thresholds, strict=True)) if count > threshold)
        return gc.collect(due)

    def stop(self) -> None:
        """Stop the timer, and turn automatic collection back on if it was on before."""
        self._timer.stop()
        if self._was_enabled:
            gc.enable()
