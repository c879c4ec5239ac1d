"""A round's schedule history as a table: who changed what, when, and why."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from tracker.domain.timewindow import zone
from tracker.services.views import ChangeRecord

Index = QModelIndex | QPersistentModelIndex
ChangeIdRole = Qt.ItemDataRole.UserRole

COLUMNS = ("Recorded", "By", "Kind", "Change", "Reason", "Because of", "Source")


class HistoryModel(QAbstractTableModel):
    """ChangeRecord snapshots, oldest first; times shown in the user's zone."""

    def __init__(self, display_tz: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._records: tuple[ChangeRecord, ...] = ()
        self._display_tz = display_tz

    def set_records(self, records: tuple[ChangeRecord, ...]) -> None:
        self.beginResetModel()
        self._records = records
        self.endResetModel()

    def set_display_zone(self, tz: str) -> None:
        self._display_tz = tz
        if self._records:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._records) - 1, 0))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 0)

    def record_at(self, row: int) -> ChangeRecord | None:
        return self._records[row] if 0 <= row < len(self._records) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is not Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == 0:
            return f"When the change was recorded, in your time zone ({self._display_tz})"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Override QAbstractItemModel::data."""
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        record = self._records[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(record, index.column())
        if role == ChangeIdRole:
            return record.id
        return None

    def _text(self, record: ChangeRecord, column: int) -> str:
        match column:
            case 0:
                local = record.recorded_at.astimezone(zone(self._display_tz))
                return f"{local.day} {local:%b %Y %H:%M} {local.tzname()}"
            case 1:
                return record.recorded_by
            case 2:
                return record.kind.value.capitalize()
            case 3:
                return record.summary
            case 4:
                return record.reason
            case 5:
                return record.factor
            case _:
                return record.source
