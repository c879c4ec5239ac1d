"""An operation for the window's runner (db_runner.py): the work, and what to do with
its outcome, on the model of Anki's ``CollectionOp``/``QueryOp``.

The work is a callable taking the open ``Database`` and an ``OpHandle`` (progress out,
cancel in); it runs on the runner's worker thread and never touches a widget. The
callbacks run on the GUI thread.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject
from sqlalchemy.orm import Session

from tracker.services.common.cancelled import ImportCancelled
from tracker.storage.database import Database
from tracker.ui.common.error_boundary import Failure
from tracker.ui.common.language import translate

T = TypeVar("T")
PROGRESS_INTERVAL = 0.1  # seconds: ten updates a second read as smooth


class OpHandle:
    """What an operation's work gets besides the database: a progress hook and a cancel
    flag. Made by the runner; ``report`` and ``cancel_event`` are safe from any thread."""

    def __init__(self, emit: Callable[[object], None]) -> None:
        self._emit = emit
        self._last = float("-inf")
        self.cancel_event = threading.Event()

    def report(self, update: object) -> None:
        """Pass *update* to the progress callback (at most every PROGRESS_INTERVAL
        seconds, so a fast operation does not flood the GUI thread's event queue)."""
        now = time.monotonic()
        if now - self._last >= PROGRESS_INTERVAL:
            self._last = now
            self._emit(update)

    def cancel(self) -> None:
        """Ask the operation to stop; it rolls back and fails with ``cancelled`` set."""
        self.cancel_event.set()

    def is_cancelled(self) -> bool:
        return self.cancel_event.is_set()

    def check(self) -> None:
        """Raise ImportCancelled (the services' one cancel error) once cancel was asked
        (worker thread): for work whose service has a progress hook but no cancel flag,
        called from that hook, so the service stops at its next report and its
        transaction rolls back."""
        if self.cancel_event.is_set():
            raise ImportCancelled(translate("DbOp", "Cancelled on request."))


class DbOp(Generic[T]):
    """One piece of database work and what to do with its outcome (builder style).

    *title* names it in logs and in the default failure message ("Export Failed");
    *noun* says it in a sentence ("the export"): "Waiting for the export to finish…".
    """

    def __init__(self, title: str, noun: str,
                 work: Callable[[Database, OpHandle], T]) -> None:
        self.title = title
        self.noun = noun
        self.work = work
        self.success: Callable[[T], object] | None = None
        self.failure: Callable[[Failure], object] | None = None
        self.progress: Callable[[Any], object] | None = None
        self.cancel_on_leave = False
        self.can_cancel = False
        self.pause_reason = ""
        self.key = ""
        self.owner: QObject | None = None

    def on_success(self, callback: Callable[[T], object]) -> DbOp[T]:
        self.success = callback
        return self

    def on_failure(self, callback: Callable[[Failure], object]) -> DbOp[T]:
        """Without one, a failure goes to the runner's ``failed`` signal."""
        self.failure = callback
        return self

    def on_progress(self, callback: Callable[[Any], object]) -> DbOp[T]:
        self.progress = callback
        return self

    def cancellable(self) -> DbOp[T]:
        """The work stops when asked: the status bar offers Cancel while it runs."""
        self.can_cancel = True
        return self

    def cancelled_on_leave(self) -> DbOp[T]:
        """Closing the window or switching database cancels it instead of waiting."""
        self.cancel_on_leave = True
        return self

    def pausing_edits(self, reason: str) -> DbOp[T]:
        """A long write holding the database's write lock: edits pause while it runs."""
        self.pause_reason = reason
        return self

    def owned_by(self, owner: QObject) -> DbOp[T]:
        """The callbacks are *owner*'s: once it is deleted (a view closed while its count
        ran), they are not called."""
        self.owner = owner
        return self

    def replacing(self, key: str) -> DbOp[T]:
        """A queued operation with the same *key* is superseded by this one."""
        self.key = key
        return self


def query_op(title: str, noun: str, query: Callable[[Session], T]) -> DbOp[T]:
    """A read (Anki's QueryOp): *query* gets a read session of its own in the worker."""

    def work(db: Database, _handle: OpHandle) -> T:
        with db.reading() as session:
            return query(session)

    return DbOp(title, noun, work)
