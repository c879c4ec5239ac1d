"""Running the escalation analysis off the GUI thread.

At a million events an anchor costs a fraction of a second and the daily series over a
year about a second, too long to freeze the window for each turn of a spin box. One
worker thread runs one request at a time with its own read session; while it runs, only
the newest further request is kept, and the result of a request that has since been
superseded is dropped, so the view always ends on the settings it shows.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from sqlalchemy.exc import SQLAlchemyError

from tracker.services.errors import NotFoundError, ValidationError
from tracker.services.escalation import (
    DailyCount,
    EscalationResult,
    EscalationSettings,
    analyse,
    analysed_span,
    daily_series,
)
from tracker.services.events import EventFilter
from tracker.storage.database import Database

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class AnalysisRequest:
    settings: EscalationSettings
    event_filter: EventFilter


@dataclass(frozen=True, slots=True)
class AnalysisOutcome:
    """The analysis and the daily series over its span (empty without anchors)."""

    result: EscalationResult
    series: tuple[DailyCount, ...]


def run_analysis(db: Database, request: AnalysisRequest) -> AnalysisOutcome:
    """What a request computes, in one read session (any thread)."""
    with db.reading() as session:
        result = analyse(session, request.settings, flt=request.event_filter)
        span = analysed_span(result)
        series = (daily_series(session, span.first, span.last, request.event_filter)
                  if span is not None else [])
    return AnalysisOutcome(result, tuple(series))


class _Signals(QObject):
    done = Signal(object)  # AnalysisOutcome
    failed = Signal(str)


class _Task(QRunnable):
    def __init__(self, db: Database, request: AnalysisRequest, signals: _Signals) -> None:
        super().__init__()
        self._db = db
        self._request = request
        self._signals = signals

    def run(self) -> None:
        """Override QRunnable.run (worker thread): never touches a widget."""
        try:
            outcome = run_analysis(self._db, self._request)
        except (SQLAlchemyError, ValidationError, NotFoundError) as exc:
            self._signals.failed.emit(str(exc))
        except Exception as exc:
            log.exception("The escalation analysis failed")
            self._signals.failed.emit(f"Unexpected error ({type(exc).__name__}): {exc}")
        else:
            self._signals.done.emit(outcome)


class AnalysisRunner(QObject):
    """Signals:
        finished(object): the AnalysisOutcome of the latest request.
        failed(str): why the latest request could not be answered.
    """

    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Created before the signals object: children are destroyed in creation order,
        # and the pool's destructor waits for a running task, which still emits.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.done.connect(self._on_done)
        self._signals.failed.connect(self._on_failed)
        self._running = False
        self._pending: tuple[Database, AnalysisRequest] | None = None

    def request(self, db: Database, request: AnalysisRequest) -> None:
        """Answer *request* as soon as the worker is free; replaces any waiting one."""
        if self._running:
            self._pending = (db, request)
            return
        self._start(db, request)

    def is_busy(self) -> bool:
        return self._running

    def wait(self, msecs: int = -1) -> bool:
        return self._pool.waitForDone(msecs)

    def _start(self, db: Database, request: AnalysisRequest) -> None:
        self._running = True
        self._pool.start(_Task(db, request, self._signals))

    def _next(self) -> bool:
        """Start the waiting request, if any; True when one was started."""
        self._running = False
        if self._pending is None:
            return False
        db, request = self._pending
        self._pending = None
        self._start(db, request)
        return True

    @Slot(object)
    def _on_done(self, outcome: AnalysisOutcome) -> None:
        if not self._next():
            self.finished.emit(outcome)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        # A superseded request may fail because its database was closed meanwhile.
        if not self._next():
            self.failed.emit(message)
