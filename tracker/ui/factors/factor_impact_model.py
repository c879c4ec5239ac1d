"""The schedule changes that cite one factor, as a table in the factor's pane."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt

from tracker.domain.wording import label_of
from tracker.services.common.views import CitingChange
from tracker.ui.common.date_text import announced_text, instant_text
from tracker.ui.common.language import QT_TRANSLATE_NOOP
from tracker.ui.common.table_model import SnapshotTableModel, plain_tooltip
from tracker.ui.events.link_models import OpenRoundRole

ChangeIdRole = Qt.ItemDataRole.UserRole


class CitingChangesModel(SnapshotTableModel[CitingChange]):
    """CitingChange snapshots, first announced first; the announcement in the user's zone
    (a date alone when only the day is known), when it was entered in its tool tip.

    The change is told as the round's history tells it (old → new window, status, venue);
    activating a row opens the round (OpenRoundRole, as the dependents table does).
    """

    # What changed and why come first; the kind only repeats the change's first words.
    HEADERS = (
        QT_TRANSLATE_NOOP("TableHeaders", "Announced"),
        QT_TRANSLATE_NOOP("TableHeaders", "Round"),
        QT_TRANSLATE_NOOP("TableHeaders", "Change"),
        QT_TRANSLATE_NOOP("TableHeaders", "Reason"),
        QT_TRANSLATE_NOOP("TableHeaders", "Source"),
        QT_TRANSLATE_NOOP("TableHeaders", "Kind"),
    )
    ANNOUNCED, ROUND, CHANGE, REASON, SOURCE, KIND = range(6)
    # Typical widest texts, for compact_table's first widths.
    SAMPLES = ("2026-01-31 12:00 EET", "Trilateral talks announ",
               "status: scheduled → postponed; week of 2 Feb", "Carrier group moved into",
               "Reuters, “Talks delayed”")

    def __init__(self, parent: QObject | None = None, *, tz_name: str = "UTC") -> None:
        super().__init__(parent)
        self._tz = tz_name

    def set_time_zone(self, tz_name: str) -> None:
        self._tz = tz_name
        self.refresh_columns(self.ANNOUNCED)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, self.ANNOUNCED, self.ANNOUNCED)

    def header_tip(self, section: int) -> str | None:
        if section == self.ANNOUNCED:
            return self.tr("When the change was made public: a date, or a time in your time "
                           "zone ({zone})").format(zone=self._tz)
        return None

    def cell(self, row: CitingChange, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return " ".join(self._text(row, column).split())  # one line per row
        if role == Qt.ItemDataRole.ToolTipRole:  # titles, reasons, sources are typed
            tip = self._text(row, column)
            if column == self.ANNOUNCED:
                tip += f"\nentered {instant_text(row.recorded_at, self._tz)}"
                tip += f" by {row.recorded_by}" if row.recorded_by else ""
            return plain_tooltip(tip)
        if role == OpenRoundRole:
            return row.round_id
        if role == ChangeIdRole:
            return row.id
        return None

    def _text(self, row: CitingChange, column: int) -> str:
        match column:
            case self.ANNOUNCED:
                return announced_text(row.announced, self._tz)
            case self.ROUND:
                return row.round_title
            case self.CHANGE:
                return row.summary
            case self.REASON:
                return row.reason
            case self.SOURCE:
                return row.source
            case _:
                return label_of(row.kind)
