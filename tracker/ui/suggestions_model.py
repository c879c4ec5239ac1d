"""Suggested events for a round, as a checkable table (the link dialog's first tab).

``linking.suggest_for_round`` returns at most a few hundred rows, so this model holds
them. Events already linked to the round are shown (the user sees they are covered) but
disabled, so they cannot be checked twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from tracker.services.linking import Suggestion
from tracker.ui.events_model import EventIdRole, count_text, date_text, elide

Index = QModelIndex | QPersistentModelIndex


def days_text(days: int) -> str:
    if days == 0:
        return "during"
    return f"{days} day{'s' if days != 1 else ''}"


class SuggestionsModel(QAbstractTableModel):
    """Checkable suggestions; the checked ids live in a set shared with the search tab.

    Signals:
        checked_changed(): the set of checked event ids changed here.
    """

    checked_changed = Signal()

    HEADERS = ("Date", "From window", "Distance", "Type", "Place", "Fatalities", "Summary")
    DATE, DAYS, DISTANCE, TYPE, PLACE, FATALITIES, SUMMARY = range(7)

    def __init__(self, checked: set[int], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Suggestion] = []
        self._checked = checked

    def set_rows(self, rows: Sequence[Suggestion]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def suggestion(self, row: int) -> Suggestion | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def notify_checks_changed(self) -> None:
        """The shared set changed elsewhere; repaint the check boxes."""
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0),
                                  [Qt.ItemDataRole.CheckStateRole])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        event = item.event
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            texts = {
                self.DATE: date_text(event), self.DAYS: days_text(item.days_from_window),
                self.DISTANCE: "" if item.distance_km is None else f"{item.distance_km:,.0f} km",
                self.TYPE: event.sub_event_type or event.event_type, self.PLACE: event.place,
                self.FATALITIES: count_text(event.fatalities), self.SUMMARY: elide(event.summary),
            }
            return texts[column]
        if role == Qt.ItemDataRole.CheckStateRole and column == 0:
            if item.already_linked or event.id in self._checked:
                return Qt.CheckState.Checked
            return Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            if item.already_linked:
                return "Already linked to this round"
            return event.summary if column == self.SUMMARY else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
                self.DAYS, self.DISTANCE, self.FATALITIES):
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == EventIdRole:
            return event.id
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Override QAbstractItemModel.setData: check or uncheck a suggestion."""
        if not index.isValid() or index.column() != 0 \
                or role != Qt.ItemDataRole.CheckStateRole:
            return False
        item = self.suggestion(index.row())
        if item is None or item.already_linked:
            return False
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self._checked.add(item.event.id)
        else:
            self._checked.discard(item.event.id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checked_changed.emit()
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        item = self.suggestion(index.row())
        if item is not None and item.already_linked:
            return Qt.ItemFlag.ItemNeverHasChildren  # shown, greyed, not checkable
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | \
            Qt.ItemFlag.ItemNeverHasChildren
        if index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.HEADERS):
            return self.HEADERS[section]
        return None
