"""The open database, its undo stack, and the signals that tell views to refresh.

Every view and dialog gets the Workspace explicitly (no global registry). A user action
runs one service call in one short transaction through ``Workspace.write``; the views
listen to the ``changed`` signal and re-read what they show. Work that takes time
(imports, exports, the analysis, archives, backups) goes to the one ``runner``
(db_runner.py), which runs it off the GUI thread, one operation at a time.

While a long write holds the database's write lock (an import), edits pause: the window
disables them and says why (edit_pause.py), and ``write`` refuses with that reason
rather than wait on the lock and fail with "another program is writing". While the window
shows the schedule as it was known on a past day, edits are off the same way
(``set_read_only``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from tracker.services.common.topics import Topic
from tracker.storage.database import Database
from tracker.storage.errors import StorageError, database_failure
from tracker.ui.common.db_runner import DbRunner

T = TypeVar("T")


class EditsPausedError(StorageError):
    """An edit reached the database while a long write holds it (the window disables
    edits then, so this is the last guard, not the way the user is told)."""


class Workspace(QObject):
    """Signals:
        changed(Topic): data changed; views showing that topic re-read it.
        database_replaced(): a different database was opened; everything re-reads.

    Attributes:
        runner: the one runner for database work that takes time.
        undo_stack: the edits made in this window, undoable.
    """

    changed = Signal(object)
    database_replaced = Signal()

    def __init__(self, db: Database, parent: QObject | None = None, *,
                 undo_stack: QUndoStack | None = None) -> None:
        """*undo_stack*: the one the window's frame made before the database opened."""
        super().__init__(parent)
        self._db = db
        self.runner = DbRunner(lambda: self._db, self)
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        self.undo_stack.setObjectName("undo-stack")
        self._read_only = ""

    @property
    def db(self) -> Database:
        return self._db

    def deleteLater(self) -> None:
        """Stop the runner first (DbRunner.stop: deleting its thread pool while a job
        runs would hang the GUI thread)."""
        self.runner.stop()
        super().deleteLater()

    def replace_database(self, db: Database) -> None:
        """Switch to another database; the old one is closed and undo history cleared."""
        old = self._db
        self._db = db
        self.undo_stack.clear()
        old.close()
        self.database_replaced.emit()

    def set_read_only(self, reason: str) -> None:
        """Refuse every write for *reason* until it is set to "" (the window shows a past
        day's schedule: an edit would be made against what is no longer shown)."""
        self._read_only = reason

    def pause_reason(self) -> str:
        """Why edits cannot be saved now ("" when they can)."""
        return self.runner.pause_reason() or self._read_only

    def read(self, query: Callable[[Session], T]) -> T:
        with self._db.reading() as session:
            return query(session)

    def changed_elsewhere(self, topic: Topic) -> None:
        """Views showing *topic* re-read it: another program changed the database, which
        sends no signal (a step that failed because of it is how the window finds out)."""
        self.changed.emit(topic)

    def write(self, action: Callable[[Session], T], topic: Topic) -> T:
        """Run *action* in one transaction (all or nothing), then announce *topic*.

        Raises a TrackerError for every failure the user is told of: the action's own, or
        a StorageError when the database itself failed (locked, full, gone)."""
        reason = self.pause_reason()
        if reason:
            raise EditsPausedError(self.tr("Not saved: {reason}.").format(reason=reason))
        try:
            with self._db.transaction() as session:
                result = action(session)
        except SQLAlchemyError as exc:  # rolled back: a message, like every TrackerError
            raise database_failure(exc, self.tr("The change")) from exc
        self.changed.emit(topic)
        return result
