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

from collections.abc import Iterable

from PySide6.QtCore import QObject, QTimer, Slot

from tracker.storage.change_feed import ChangeFeed, open_change_feed
from tracker.ui.workspace import Topic, Workspace

POLL_MS = 2000

# The topic whose views show each watched table, for a colleague's change and for our own
# edits alike (edit_commands.KIND_TOPICS is derived from this). A factor's name shows in
# rounds' dependencies; sources and citations back facts of every kind; a table missing
# here (or ANY_TABLE) refreshes everything.
TABLE_TOPICS = {
    "round": Topic.ROUNDS,
    "round_participant": Topic.ROUNDS,
    "schedule_change": Topic.ROUNDS,
    "track": Topic.ROUNDS,
    "venue": Topic.ROUNDS,
    "party": Topic.ROUNDS,
    "person": Topic.ROUNDS,
    "factor": Topic.FACTORS | Topic.ROUNDS,
    "factor_reading": Topic.FACTORS,
    "dependency": Topic.FACTORS | Topic.ROUNDS,
    "battlefield_event": Topic.EVENTS,
    "battlefield_event_raw": Topic.EVENTS,
    "import_run": Topic.EVENTS,
    "event_link": Topic.LINKS,
    "source": Topic.ALL,
    "citation": Topic.ALL,
}


def topic_of(tables: Iterable[str]) -> Topic:
    """What views must re-read after *tables* changed."""
    topic = Topic(0)
    for table in tables:
        topic |= TABLE_TOPICS.get(table, Topic.ALL)
    return topic


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
