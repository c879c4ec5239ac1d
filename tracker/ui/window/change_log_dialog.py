"""View › Change Log…: who added, changed or deleted what, and when, newest first.

A window of its own, not modal, so it can stay open beside the tabs: a colleague's edits
appear in it as the change watcher announces them. The log only grows, so the model reads
it a page at a time (services.records.edit_history) as the user scrolls down.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tracker.services.records.edit_history import PAGE, EditEntry, recent_edits
from tracker.ui.common.date_text import instant_text
from tracker.ui.common.language import QT_TRANSLATE_NOOP
from tracker.ui.common.table_model import SnapshotTableModel, plain_tooltip
from tracker.ui.common.workspace import Topic, Workspace

WHEN, RECORD = 0, 3


class ChangeLogModel(SnapshotTableModel[EditEntry]):
    """Edit log entries, newest first, fetched a page at a time."""

    HEADERS = (
        QT_TRANSLATE_NOOP("TableHeaders", "When"),
        QT_TRANSLATE_NOOP("TableHeaders", "By"),
        QT_TRANSLATE_NOOP("TableHeaders", "Action"),
        QT_TRANSLATE_NOOP("TableHeaders", "Record"),
        QT_TRANSLATE_NOOP("TableHeaders", "Fields"),
    )

    def __init__(self, workspace: Workspace, display_tz: str,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._display_tz = display_tz
        self._more = True
        self.reload()

    def reload(self) -> None:
        with self._workspace.db.reading() as session:
            first = recent_edits(session, limit=PAGE)
        self._more = len(first) == PAGE
        self.set_rows(first)

    def add_newer(self) -> None:
        """Put entries saved since the newest one shown at the top, keeping the pages
        already read (and the user's place in them); a flood of them reads afresh."""
        newest = self.row_at(0)
        if newest is None:
            self.reload()
            return
        with self._workspace.db.reading() as session:
            newer = recent_edits(session, after_id=newest.id, limit=PAGE)
        if len(newer) == PAGE:
            self.reload()
        elif newer:
            self.beginInsertRows(QModelIndex(), 0, len(newer) - 1)
            self._rows[:0] = newer
            self.endInsertRows()

    def set_display_zone(self, tz: str) -> None:
        self._display_tz = tz
        self.refresh_columns(WHEN)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, WHEN, WHEN)

    def header_tip(self, section: int) -> str | None:
        if section == WHEN:
            return self.tr("When the change was saved, in your time zone ({zone})").format(
                zone=self._display_tz)
        return None

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex(),  # noqa: B008
                     ) -> bool:
        """Override QAbstractItemModel::canFetchMore: older entries are left to read."""
        return not parent.isValid() and self._more

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex(),  # noqa: B008
                  ) -> None:
        """Override QAbstractItemModel::fetchMore: the next page of older entries."""
        if parent.isValid() or not self._more:
            return
        last = self.row_at(self.rowCount() - 1)
        with self._workspace.db.reading() as session:
            older = recent_edits(session, before_id=last.id if last else None, limit=PAGE)
        self._more = len(older) == PAGE
        if older:
            first = self.rowCount()
            self.beginInsertRows(QModelIndex(), first, first + len(older) - 1)
            self._rows.extend(older)
            self.endInsertRows()

    def cell(self, row: EditEntry, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:  # labels are typed text: shown literally
            return plain_tooltip(self._text(row, column))
        return None

    def _text(self, entry: EditEntry, column: int) -> str:
        match column:
            case 0:
                return instant_text(entry.changed_at, self._display_tz)
            case 1:
                return entry.changed_by
            case 2:
                return entry.action.capitalize()
            case 3:
                return entry.record
            case _:
                return ", ".join(entry.field_labels)


class ChangeLogDialog(QDialog):
    """The edit log in a table that follows the database's changes."""

    def __init__(self, workspace: Workspace, display_tz: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("change-log-dialog")
        self.setWindowTitle(self.tr("Change Log"))
        self.model = ChangeLogModel(workspace, display_tz, self)
        self.table = QTableView(self)
        self.table.setObjectName("change-log-table")
        self.table.setAccessibleName(self.tr("Changes"))
        self.table.setModel(self.model)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        rows = self.table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # A record's label can be a paragraph (a citation's note): the column keeps a
        # width the user can drag, eliding the rest, so the fields stay in view.
        header.setSectionResizeMode(RECORD, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(RECORD, 380)
        header.setStretchLastSection(True)
        self.table.setWordWrap(False)
        note = QLabel(self.tr("Every record added, changed or deleted, by whom, newest first. The "
                      "schedule's own history, with reasons, is in each round's details."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(1000, 520)
        self._stale = False
        workspace.changed.connect(self._on_changed)
        # Another database: its log from the top (rare, one page), shown or not.
        workspace.database_replaced.connect(self.model.reload)

    @Slot(object)
    def _on_changed(self, _topic: Topic) -> None:
        # Made once and hidden when closed: a hidden log reads nothing until shown again.
        if self.isVisible():
            self.model.add_newer()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        """Override QWidget.showEvent: catch up with what changed while hidden."""
        if self._stale:
            self._stale = False
            self.model.add_newer()
        super().showEvent(event)
