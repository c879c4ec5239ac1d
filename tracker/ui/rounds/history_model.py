"""A round's schedule history as a table: who changed what, when, and why."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt

from tracker.domain.timewindow import zone
from tracker.services.common.views import ChangeRecord
from tracker.ui.common.table_model import SnapshotTableModel, plain_tooltip

ChangeIdRole = Qt.ItemDataRole.UserRole

COLUMNS = ("Recorded", "By", "Kind", "Change", "Reason", "Because of", "Source")
RECORDED = 0


class HistoryModel(SnapshotTableModel[ChangeRecord]):
    """ChangeRecord snapshots, oldest first; times shown in the user's zone."""

    HEADERS = COLUMNS

    def __init__(self, display_tz: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._display_tz = display_tz

    def set_display_zone(self, tz: str) -> None:
        self._display_tz = tz
        self.refresh_columns(RECORDED)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, RECORDED, RECORDED)

    def header_tip(self, section: int) -> str | None:
        if section == RECORDED:
            return f"When the change was recorded, in your time zone ({self._display_tz})"
        return None

    def cell(self, row: ChangeRecord, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:  # reasons and sources are typed: literal
            return plain_tooltip(self._text(row, column))
        if role == ChangeIdRole:
            return row.id
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
