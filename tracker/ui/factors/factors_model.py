"""Table models for the Factors view: the factors with their latest reading, and readings.

Factors number in the tens, so both models hold their rows (frozen snapshots from
``services.factors``) and reset when the view re-reads them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor

from tracker.domain.enums import FactorLevel, FactorTrend
from tracker.domain.wording import label_of
from tracker.services.common.views import FactorRow, ReadingRow
from tracker.ui.common.date_text import instant_text
from tracker.ui.common.language import QT_TRANSLATE_NOOP
from tracker.ui.common.table_model import SnapshotTableModel, plain_tooltip

FactorIdRole = Qt.ItemDataRole.UserRole
SortRole = Qt.ItemDataRole.UserRole + 1

# Same hue order as a traffic light, readable on light and dark palettes as a swatch.
LEVEL_COLOURS = {
    FactorLevel.LOW: QColor("#2e7d32"),
    FactorLevel.MODERATE: QColor("#f9a825"),
    FactorLevel.HIGH: QColor("#ef6c00"),
    FactorLevel.CRITICAL: QColor("#c62828"),
}
LEVEL_RANK = {level: rank for rank, level in enumerate(FactorLevel)}
TREND_ARROWS = {FactorTrend.RISING: "↑", FactorTrend.STABLE: "→", FactorTrend.EASING: "↓"}


def trend_text(trend: FactorTrend) -> str:
    return f"{TREND_ARROWS[trend]} {label_of(trend)}"


class FactorsTableModel(SnapshotTableModel[FactorRow]):
    """Factors: name, latest level and trend, when it was read, dependents, linked events."""

    HEADERS = (
        QT_TRANSLATE_NOOP("TableHeaders", "Factor"),
        QT_TRANSLATE_NOOP("TableHeaders", "Level"),
        QT_TRANSLATE_NOOP("TableHeaders", "Trend"),
        QT_TRANSLATE_NOOP("TableHeaders", "Latest reading"),
        QT_TRANSLATE_NOOP("TableHeaders", "Dependent rounds"),
        QT_TRANSLATE_NOOP("TableHeaders", "Linked events"),
    )
    NAME, LEVEL, TREND, LATEST, DEPENDENTS, LINKED = range(6)

    def __init__(self, parent: QObject | None = None, *, tz_name: str = "UTC") -> None:
        super().__init__(parent)
        self._tz = tz_name

    def set_time_zone(self, tz_name: str) -> None:
        self._tz = tz_name
        self.refresh_columns(self.LATEST)

    def row_of(self, factor_id: int) -> int | None:
        return next((i for i, row in enumerate(self._rows) if row.id == factor_id), None)

    def cell(self, row: FactorRow, column: int, role: int) -> Any:
        latest = row.latest
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SortRole:
            return self._sort_value(row, column)
        if role == Qt.ItemDataRole.DecorationRole and column == self.LEVEL and latest:
            return LEVEL_COLOURS[latest.level]
        if role == Qt.ItemDataRole.ToolTipRole:
            # Descriptions and notes are typed text: shown literally.
            if column == self.NAME:
                return plain_tooltip(row.description)
            if column in (self.LEVEL, self.TREND, self.LATEST) and latest:
                return plain_tooltip(latest.note)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.DEPENDENTS,
                                                                    self.LINKED):
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == FactorIdRole:
            return row.id
        return None

    def _display(self, row: FactorRow, column: int) -> str:
        latest = row.latest
        if column == self.NAME:
            return row.name
        if column == self.DEPENDENTS:
            return str(row.dependent_rounds)
        if column == self.LINKED:
            return str(row.linked_events)
        if latest is None:
            return self.tr("no reading") if column == self.LEVEL else ""
        if column == self.LEVEL:
            return label_of(latest.level)
        if column == self.TREND:
            return trend_text(latest.trend)
        return instant_text(latest.observed_at, self._tz)

    def _sort_value(self, row: FactorRow, column: int) -> Any:
        latest = row.latest
        if column == self.LEVEL:
            return LEVEL_RANK[latest.level] if latest else -1
        if column == self.TREND:
            return list(FactorTrend).index(latest.trend) if latest else -1
        if column == self.LATEST:
            return latest.observed_at.timestamp() if latest else 0.0
        if column == self.DEPENDENTS:
            return row.dependent_rounds
        if column == self.LINKED:
            return row.linked_events
        return row.name.casefold()


class ReadingsModel(SnapshotTableModel[ReadingRow]):
    """One factor's readings, newest first: observed at (user's zone), level, trend, note."""

    HEADERS = (
        QT_TRANSLATE_NOOP("TableHeaders", "Observed at"),
        QT_TRANSLATE_NOOP("TableHeaders", "Level"),
        QT_TRANSLATE_NOOP("TableHeaders", "Trend"),
        QT_TRANSLATE_NOOP("TableHeaders", "Note"),
    )
    OBSERVED, LEVEL, TREND, NOTE = range(4)

    def __init__(self, parent: QObject | None = None, *, tz_name: str = "UTC") -> None:
        super().__init__(parent)
        self._tz = tz_name

    def set_rows(self, rows: Iterable[ReadingRow], tz_name: str | None = None) -> None:
        """Override SnapshotTableModel.set_rows: newest first, the state read first."""
        self._tz = tz_name or self._tz
        super().set_rows(sorted(rows, key=lambda r: (r.observed_at, r.id), reverse=True))

    def cell(self, row: ReadingRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.OBSERVED:
                return instant_text(row.observed_at, self._tz)
            if column == self.LEVEL:
                return label_of(row.level)
            if column == self.TREND:
                return trend_text(row.trend)
            return " ".join(row.note.split())
        if role == Qt.ItemDataRole.DecorationRole and column == self.LEVEL:
            return LEVEL_COLOURS[row.level]
        if role == Qt.ItemDataRole.ToolTipRole and column == self.NOTE:
            return plain_tooltip(row.note)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None
