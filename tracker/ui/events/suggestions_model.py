"""Suggested events for a round, as a checkable table (the link dialog's first tab).

``linking.suggest_for_round`` returns at most a few hundred rows, so this model holds
them. Events already linked to the round are shown (the user sees they are covered) but
disabled, so they cannot be checked twice; their Linked column says so in words, since a
greyed, ticked box beside "0 events checked" explained nothing (issue 16, finding 8).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from tracker.services.events.linking import Suggestion
from tracker.ui.common.language import QT_TRANSLATE_NOOP, tr, translate
from tracker.ui.common.table_model import READ_ONLY, Index, SnapshotTableModel, plain_tooltip
from tracker.ui.events.events_model import EventIdRole, count_text, date_text, elide


def days_text(days: int) -> str:
    if days == 0:
        return translate("SuggestionsModel", "during")
    return tr("%n day(s)", "", days)


class SuggestionsModel(SnapshotTableModel[Suggestion]):
    """Checkable suggestions; the checked ids live in a set shared with the search tab.

    Signals:
        checked_changed(): the set of checked event ids changed here.
    """

    checked_changed = Signal()

    HEADERS = (
        QT_TRANSLATE_NOOP("TableHeaders", "Date"),
        QT_TRANSLATE_NOOP("TableHeaders", "Linked"),
        QT_TRANSLATE_NOOP("TableHeaders", "From window"),
        QT_TRANSLATE_NOOP("TableHeaders", "Distance"),
        QT_TRANSLATE_NOOP("TableHeaders", "Type"),
        QT_TRANSLATE_NOOP("TableHeaders", "Place"),
        QT_TRANSLATE_NOOP("TableHeaders", "Fatalities"),
        QT_TRANSLATE_NOOP("TableHeaders", "Summary"),
    )
    DATE, LINKED, DAYS, DISTANCE, TYPE, PLACE, FATALITIES, SUMMARY = range(8)

    def __init__(self, checked: set[int], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._checked = checked

    def linked_count(self) -> int:
        """How many of the suggestions are linked to the round already."""
        return sum(1 for item in self._rows if item.already_linked)

    def notify_checks_changed(self) -> None:
        """The shared set changed elsewhere; repaint the check boxes."""
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0),
                                  [Qt.ItemDataRole.CheckStateRole])

    def cell(self, item: Suggestion, column: int, role: int) -> Any:
        event = item.event
        if role == Qt.ItemDataRole.DisplayRole:
            texts = {
                self.DATE: date_text(event),
                self.LINKED: self.tr("already linked") if item.already_linked else "",
                self.DAYS: days_text(item.days_from_window),
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
                return self.tr("Already linked to this round")
            return plain_tooltip(event.summary) if column == self.SUMMARY else None
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
        item = self.row_at(index.row())
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
        item = self.row_at(index.row())
        if item is not None and item.already_linked:
            return Qt.ItemFlag.ItemNeverHasChildren  # shown, greyed, not checkable
        if index.column() == 0:
            return READ_ONLY | Qt.ItemFlag.ItemIsUserCheckable
        return READ_ONLY
