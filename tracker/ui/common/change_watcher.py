"""Notice changes other programs make to the open database, so views refresh.

A timer polls the database's ChangeFeed (storage/change_feed.py) every two seconds; a
poll costs no round trip. On PostgreSQL the feed names the tables others changed
(LISTEN/NOTIFY) and the window's own writes are left out by the server's notifications
themselves; the watcher announces just the topics those tables belong to. On SQLite the
feed watches the file's data version, which cannot say what changed, so every topic is
announced, and after each of our own writes the feed takes the version as seen again.
Views re-read on ``changed``; open dialogs keep what the user typed, and a save over the
other change is refused and compared (see conflict_dialog.py).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Slot

from tracker.services.common.topics import topic_of
from tracker.storage.change_feed import ChangeFeed, open_change_feed
from tracker.ui.common.workspace import Workspace

POLL_MS = 2000

class ChangeWatcher(QObject):
    """Polls the workspace's change feed; announces others' changes by topic."""

    def __init__(self, workspace: Workspace, parent: QObject | None = None,
                 interval_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._feed: ChangeFeed | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        workspace.changed.connect(self._own_write)
        workspace.database_replaced.connect(self._reopen)
        self._reopen()

    @Slot()
    def _reopen(self) -> None:
        if self._feed is not None:
            self._feed.close()
        self._feed = open_change_feed(self._workspace.db)
        if self._feed is None:
            self.timer.stop()
        else:
            self.timer.start()

    @Slot()
    def _own_write(self) -> None:
        if self._feed is not None:
            self._feed.own_write()

    @Slot()
    def poll(self) -> bool:
        """Announce changes made elsewhere since the last look; True if there were any."""
        tables = self._feed.poll() if self._feed is not None else set()
        if not tables:
            return False
        self._workspace.changed_elsewhere(topic_of(tables))
        return True

    def close(self) -> None:
        self.timer.stop()
        if self._feed is not None:
            self._feed.close()
            self._feed = None
