"""Notice changes other programs make to the open database, so views refresh.

On SQLite, ``PRAGMA data_version`` on one long-lived connection changes exactly when
another connection commits: a cheap poll every two seconds. Our own writes go through other
pooled connections and change it too, so after each of our writes the baseline is read
again instead of announcing a change we made. Views re-read on ``changed``; open dialogs
keep what the user typed, and a save over the other change is refused and compared
(see conflict_dialog.py). On PostgreSQL the watcher does nothing yet.
"""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QObject, QTimer, Slot

from tracker.ui.workspace import Topic, Workspace

POLL_MS = 2000


class ChangeWatcher(QObject):
    """Polls the workspace's SQLite file; announces outside changes as Topic.ALL."""

    def __init__(self, workspace: Workspace, parent: QObject | None = None,
                 interval_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._connection: sqlite3.Connection | None = None
        self._seen: int | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        workspace.changed.connect(self._resync)
        workspace.database_replaced.connect(self._reopen)
        self._reopen()

    @Slot()
    def _reopen(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None
        db = self._workspace.db
        path = db.url.database
        if db.is_sqlite and path and path != ":memory:":
            self._connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True,
                                               check_same_thread=False)
            self._seen = self._version()
            self.timer.start()
        else:
            self.timer.stop()

    def _version(self) -> int | None:
        if self._connection is None:
            return None
        try:
            row = self._connection.execute("PRAGMA data_version").fetchone()
        except sqlite3.Error:
            return None  # the file is busy or gone; try again next time
        return int(row[0])

    @Slot()
    def _resync(self) -> None:
        self._seen = self._version()

    @Slot()
    def poll(self) -> bool:
        """Announce a change made elsewhere since the last look; True if there was one."""
        now = self._version()
        if now is None or now == self._seen:
            return False
        self._seen = now
        self._workspace.changed_elsewhere(Topic.ALL)
        return True

    def close(self) -> None:
        self.timer.stop()
        if self._connection is not None:
            self._connection.close()
            self._connection = None
