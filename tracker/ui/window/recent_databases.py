"""File › Open Recent: the databases opened last, remembered in Settings.

Each database the window opens goes to the top of the list (at most ``KEEP``). A file
that has gone since (an unplugged drive, a deleted sample) stays listed but disabled,
with "(missing)", so the user sees why it cannot be opened; "Remove Missing" and "Clear
Menu" tidy the list. A server is listed by its URL without secrets; its password, if
kept, is in the OS keyring (saved_passwords.py), where ``last_database`` finds it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from tracker.storage.database import Database, open_database
from tracker.storage.errors import StorageError
from tracker.storage.url_secrets import without_secrets
from tracker.ui.common import settings as options
from tracker.ui.common.language import QT_TRANSLATE_NOOP, translate
from tracker.ui.common.settings import Settings
from tracker.ui.window.database_files import last_database

KEEP = 8
MISSING = QT_TRANSLATE_NOOP("RecentDatabases", " (missing)")


def recent_target(db: Database) -> str:
    """What the list keeps for *db*: its file, or its URL without password or secrets."""
    if db.is_sqlite and db.url.database:
        return db.url.database
    return without_secrets(db.url).render_as_string(hide_password=False)


def _is_missing(target: str) -> bool:
    return "://" not in target and not Path(target).is_file()


class RecentDatabases(QObject):
    """The remembered list and its submenu (``menu``, objectName "recent-menu").

    Its entries are built each time the menu is about to show, so a file that went
    missing since is shown as such.
    """

    def __init__(self, settings: Settings, open_target: Callable[[str], None],
                 parent: QWidget) -> None:
        super().__init__(parent)
        self._settings = settings
        self._open_target = open_target
        self.menu = QMenu(self.tr("Open &Recent"), parent)
        self.menu.setObjectName("recent-menu")
        self.menu.menuAction().setObjectName("recent-menu-action")
        self.menu.setToolTipsVisible(True)
        self.menu.aboutToShow.connect(self.rebuild)
        self.rebuild()

    def targets(self) -> list[str]:
        stored = self._settings.get(options.RECENT_DATABASES)
        return [line for line in stored.splitlines() if line.strip()]

    def remember(self, target: str) -> None:
        """Put *target* first (once), keeping the newest ``KEEP``."""
        kept = [target, *(item for item in self.targets() if item != target)][:KEEP]
        self._store(kept)

    @Slot()
    def remove_missing(self) -> None:
        self._store([item for item in self.targets() if not _is_missing(item)])

    @Slot()
    def clear(self) -> None:
        self._store([])

    @Slot()
    def rebuild(self) -> None:
        self.menu.clear()
        targets = self.targets()
        for number, target in enumerate(targets, start=1):
            missing = _is_missing(target)
            shown = Path(target).name if "://" not in target else target
            # The number is the entry's mnemonic, as in most programs' recent lists.
            action = QAction(f"&{number} {shown.replace('&', '&&')}"
                             f"{self.tr(MISSING) if missing else ''}", self.menu)
            action.setObjectName(f"recent-database-{number}")
            action.setToolTip(target)
            action.setStatusTip(target)
            action.setEnabled(not missing)
            action.triggered.connect(lambda _checked=False, chosen=target:
                                     self._open_target(chosen))
            self.menu.addAction(action)
        if not targets:
            empty = self.menu.addAction(self.tr("No recent databases"))
            empty.setEnabled(False)
        self.menu.addSeparator()
        tidy = self.menu.addAction(self.tr("Remove &Missing"), self.remove_missing)
        tidy.setObjectName("recent-remove-missing-action")
        tidy.setEnabled(any(_is_missing(item) for item in targets))
        clear = self.menu.addAction(self.tr("&Clear Menu"), self.clear)
        clear.setObjectName("recent-clear-action")
        clear.setEnabled(bool(targets))

    def _store(self, targets: list[str]) -> None:
        self._settings.set(options.RECENT_DATABASES, "\n".join(targets))
        self.rebuild()


def open_remembered(parent: QWidget, target: str) -> Database | None:
    """Open a listed database (never creating one); a refusal is shown, and None."""
    try:
        return open_database(last_database(target), create=False)
    except StorageError as exc:
        QMessageBox.critical(parent, translate("recent_databases",
                                                                "Cannot Open Database"), str(exc))
        return None
