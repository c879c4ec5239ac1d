"""One serialised runner for the window's database work, on the model of Anki's
``CollectionOp``/``QueryOp`` (qt/aqt/operations/__init__.py) and its one-worker task
manager (qt/aqt/taskman.py).

An operation (``DbOp``, db_op.py) runs on the runner's one worker thread, never touching
a widget; its success and failure callbacks run on the GUI thread. One operation runs at
a time, in the order they were submitted: a second import waits for the first instead of
competing for SQLite's write lock, and an export waits for the import before it reads.

Every failure passes through the window's one error boundary (error_boundary.py) and
reaches the caller as a ``Failure``: a message to show, and whether it was a cancel.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from itertools import count
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from shiboken6 import isValid

from tracker.domain.errors import TrackerError
from tracker.storage.database import Database
from tracker.ui.common.db_op import DbOp, OpHandle
from tracker.ui.common.error_boundary import Failure
from tracker.ui.common.language import translate


@dataclass(slots=True)
class _Running:
    op: DbOp[Any]
    handle: OpHandle
    serial: int  # which job's "done" this is: a late one for an earlier job is ignored
    outcome: tuple[bool, Any] | None = None  # (succeeded, result or exception)


class _Job(QRunnable):
    """Runs in the worker thread and never touches a widget.

    The pool deletes a finished job on the worker thread, so the job lets go of the
    operation before it says it is done: the GUI thread then holds the last reference.
    Otherwise the operation could die on the worker, and with it its owner: a dialog
    nobody else holds was destroyed there while the GUI thread painted (a segfault)."""

    def __init__(self, running: _Running, db: Database, done: Callable[[int], None]) -> None:
        super().__init__()
        self._running = running
        self._db = db
        self._done = done

    def run(self) -> None:
        """Override QRunnable.run: every way the work can end is kept for the GUI thread.

        The runner moves on only once it is told the job is done, so that is said in a
        ``finally``: work stopped by a BaseException (SystemExit, GeneratorExit…), which
        is no failure of ours to catch, still ends as a failure instead of leaving every
        later operation waiting behind it."""
        running, db = self._running, self._db
        del self._running, self._db  # only the frame holds them now, until "done"
        outcome: tuple[bool, Any] = (False, WorkerStopped(translate(
            "DbRunner", "The work stopped unexpectedly.")))
        try:
            outcome = (True, running.op.work(db, running.handle))
        except Exception as exc:
            outcome = (False, exc)
        finally:
            serial = running.serial
            running.outcome = outcome
            del running, db, outcome  # before "done": see the class's docstring
            self._done(serial)


class _Relay(QObject):
    """Lives in the GUI thread: signals emitted from the worker are delivered there."""

    progressed = Signal(object, object)  # the OpHandle, the update
    done = Signal(int)  # the serial of the job that ended


class DbRunner(QObject):
    """Runs DbOps one at a time, in order, on one worker thread.

    Signals:
        busy_changed(bool): work was submitted with none running or queued, or the last
            of it ended.
        edits_paused(str): why edits pause now (a long write started), or "" (it ended).
        failed(str, str): an operation without a failure callback failed: its title and
            the message.
        settling(): the window is closing or replacing the database: queues kept
            elsewhere (the files still to import) are dropped, nothing new is asked.
        current_changed(str, bool): what runs now (its noun, "" when nothing) and
            whether it can be cancelled.
    """

    busy_changed = Signal(bool)
    current_changed = Signal(str, bool)
    settling = Signal()
    edits_paused = Signal(str)
    failed = Signal(str, str)

    def __init__(self, database: Callable[[], Database], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._database = database
        # Created before the relay: children are destroyed in creation order, and the
        # pool's destructor waits for a running job, which still emits through the relay.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.progressed.connect(self._on_progressed)
        self._relay.done.connect(self._finish)
        self._queue: deque[_Running] = deque()
        self._running: _Running | None = None
        self._serials = count()
        self._busy = False
        self.leaving = False

    # -- submitting -------------------------------------------------------------------------

    def submit(self, op: DbOp[Any]) -> OpHandle:
        """Run *op* after everything submitted before it; its handle cancels it."""
        if op.key:
            for queued in [item for item in self._queue if item.op.key == op.key]:
                self._queue.remove(queued)
        handle = OpHandle(lambda update: self._relay.progressed.emit(handle, update))
        self._queue.append(_Running(op, handle, next(self._serials)))
        self._start_next()
        self._tell_busy()
        return handle

    # -- state ------------------------------------------------------------------------------

    def is_busy(self) -> bool:
        return self._running is not None or bool(self._queue)

    def current(self) -> DbOp[Any] | None:
        """The operation running now."""
        return self._running.op if self._running is not None else None

    def cancel_current(self) -> None:
        """Ask the running operation to stop (the status bar's Cancel)."""
        if self._running is not None:
            self._running.handle.cancel()

    def pause_reason(self) -> str:
        """Why edits must wait now ("" when they need not)."""
        return self._running.op.pause_reason if self._running is not None else ""

    # -- leaving ----------------------------------------------------------------------------

    def settle(self, say: Callable[[str], None]) -> None:
        """Before the window closes or the database is replaced: drop what is queued,
        cancel what may be cancelled, and wait for the rest, saying which.

        The callbacks of what was running run before this returns, with ``leaving`` set
        so they ask the user nothing."""
        self.leaving = True
        try:
            self._settle(say)
        finally:
            self.leaving = False

    def stop(self) -> None:
        """For good, before the runner is deleted: settle, then start nothing again.

        Qt's destructor of the thread pool waits for a job still running, but on the GUI
        thread with Python's lock held, and a job needs that lock to go on: a test run
        hung there once, a workspace deleted just as a job started. Waiting here, from
        Python, lets go of the lock while the job ends; and with ``leaving`` kept, what
        is submitted afterwards stays queued until the runner is gone."""
        self.settle(lambda _what: None)
        self.leaving = True

    def _settle(self, say: Callable[[str], None]) -> None:
        self.settling.emit()
        self._drop_queued()
        running = self._running
        if running is not None:
            if running.op.cancel_on_leave:
                running.handle.cancel()
                say(f"Cancelling {running.op.noun}…")
            else:
                say(f"Waiting for {running.op.noun} to finish…")
            self.wait()
        # What the callbacks submitted meanwhile (a view re-reading after the import)
        # was queued, not started: it is for the database being left.
        self._drop_queued()
        self._tell_busy()

    def _drop_queued(self) -> None:
        while self._queue:
            dropped = self._queue.popleft()
            dropped.handle.cancel()
            self._fail(dropped.op, Failure(_Dropped(), translate("DbRunner", "Not started."),
                                           cancelled=True))

    def wait(self, msecs: int = -1) -> bool:
        """Block until the running operation is done and its callbacks have run."""
        done = self._pool.waitForDone(msecs)
        if done and self._running is not None:
            self._finish(self._running.serial)
        return done

    # -- internals --------------------------------------------------------------------------

    def _start_next(self) -> None:
        """Start the first queued operation if none runs (and the window is not leaving)."""
        if self._running is not None or not self._queue or self.leaving:
            return
        running = self._queue.popleft()
        self._running = running
        self.current_changed.emit(running.op.noun, running.op.can_cancel)
        if running.op.pause_reason:
            self.edits_paused.emit(running.op.pause_reason)
        self._pool.start(_Job(running, self._database(), self._relay.done.emit))

    @Slot(int)
    def _finish(self, serial: int) -> None:
        """The worker is done with job *serial* (from the relay, or from ``wait``: then
        the relay's word comes later, for a job already finished, and is ignored)."""
        running = self._running
        if running is None or running.serial != serial or running.outcome is None:
            return
        self._running = None
        self.current_changed.emit("", False)
        if running.op.pause_reason:
            self.edits_paused.emit("")
        owner = running.op.owner
        try:
            if owner is not None and not isValid(owner):
                return  # its owner is gone: nobody is left to tell
            succeeded, value = running.outcome
            if succeeded:
                if running.op.success is not None:
                    running.op.success(value)
            else:
                self._fail(running.op, Failure.of(value, title=running.op.title,
                                                  cancelled=running.handle.is_cancelled()))
        finally:
            self._start_next()
            self._tell_busy()

    def _tell_busy(self) -> None:
        if self.is_busy() != self._busy:
            self._busy = self.is_busy()
            self.busy_changed.emit(self._busy)

    def _fail(self, op: DbOp[Any], failure: Failure) -> None:
        if op.owner is not None and not isValid(op.owner):
            return
        if op.failure is not None:
            op.failure(failure)
        elif not failure.cancelled:
            self.failed.emit(op.title, failure.message)

    @Slot(object, object)
    def _on_progressed(self, handle: OpHandle, update: object) -> None:
        # An update still queued when its operation ended is old news.
        running = self._running
        if running is None or running.handle is not handle or running.op.progress is None:
            return
        if running.op.owner is None or isValid(running.op.owner):
            running.op.progress(update)


class WorkerStopped(RuntimeError):
    """Work left by a BaseException the worker does not catch (a bug, never a message)."""


class _Dropped(TrackerError):
    """A queued operation that never started: the window closed or the database changed."""
