"""The schedule changes that cite one factor, as a table in the factor's pane."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt

from tracker.services.common.views import CitingChange
from tracker.ui.common.table_model import SnapshotTableModel, plain_tooltip
from tracker.ui.events.link_models import OpenRoundRole
from tracker.ui.factors.factors_model import instant_text

ChangeIdRole = Qt.ItemDataRole.UserRole


class CitingChangesModel(SnapshotTableModel[CitingChange]):
    """CitingChange snapshots, oldest first; the recorded time in the user's zone.

    The change is told as the round's history tells it (old → new window, status, venue);
    activating a row opens the round (OpenRoundRole, as the dependents table does).
    """

    # What changed and why come first; the kind only repeats the change's first words.
    HEADERS = ("Recorded", "Round", "Change", "Reason", "Source", "Kind")
    RECORDED, ROUND, CHANGE, REASON, SOURCE, KIND = range(6)
    # Typical widest texts, for compact_table's first widths.
    SAMPLES = ("2026-01-31 12:00 EET", "Trilateral talks announ",
               "status: scheduled → postponed; week of 2 Feb", "Carrier group moved into",
               "Reuters, “Talks delayed”")

    def __init__(self, parent: QObject | None = None, *, tz_name: str = "UTC") -> None:
        super().__init__(parent)
        self._tz = tz_name

    def set_time_zone(self, tz_name: str) -> None:
        self._tz = tz_name
        self.refresh_columns(self.RECORDED)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, self.RECORDED, self.RECORDED)

    def header_tip(self, section: int) -> str | None:
        if section == self.RECORDED:
            return f"When the change was recorded, in your time zone ({self._tz})"
        return None

    def cell(self, row: CitingChange, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return " ".join(self._text(row, column).split())  # one line per row
        if role == Qt.ItemDataRole.ToolTipRole:  # titles, reasons, sources are typed
            tip = self._text(row, column)
            if column == self.RECORDED and row.recorded_by:
                tip += f"\nby {row.recorded_by}"
            return plain_tooltip(tip)
        if role == OpenRoundRole:
            return row.round_id
        if role == ChangeIdRole:
            return row.id
        return None

    def _text(self, row: CitingChange, column: int) -> str:
        match column:
            case self.RECORDED:
                return instant_text(row.recorded_at, self._tz)
            case self.ROUND:
                return row.round_title
            case self.CHANGE:
                return row.summary
            case self.REASON:
                return row.reason
            case self.SOURCE:
                return row.source
            case _:
                return row.kind.value
