"""A round's schedule history as a table: who changed what, when, and why.

Each change has two times: when it was announced (a day, or an instant) and when it was
entered. History is append-only, so an undo is a row too: a retraction of the change it
takes back, and a redo a retraction of that retraction. A row a standing retraction
withdraws is struck through, and says who withdrew it and when; a retraction says what
it withdraws.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFont

from tracker.domain.wording import label_of
from tracker.services.common.views import ChangeRecord
from tracker.ui.common.date_text import (
    announced_text,
    instant_text,
    sample_day_text,
    sample_instant_text,
)
from tracker.ui.common.language import QT_TRANSLATE_NOOP
from tracker.ui.common.table_model import SnapshotTableModel, plain_tooltip

ChangeIdRole = Qt.ItemDataRole.UserRole

COLUMNS = (
    QT_TRANSLATE_NOOP("TableHeaders", "Announced"),
    QT_TRANSLATE_NOOP("TableHeaders", "Entered"),
    QT_TRANSLATE_NOOP("TableHeaders", "By"),
    QT_TRANSLATE_NOOP("TableHeaders", "Kind"),
    QT_TRANSLATE_NOOP("TableHeaders", "Change"),
    QT_TRANSLATE_NOOP("TableHeaders", "Status"),
    QT_TRANSLATE_NOOP("TableHeaders", "Reason"),
    QT_TRANSLATE_NOOP("TableHeaders", "Because of"),
    QT_TRANSLATE_NOOP("TableHeaders", "Source"),
)
ANNOUNCED, ENTERED, BY, KIND, CHANGE, STATUS, REASON, FACTOR, SOURCE = range(len(COLUMNS))


def samples() -> tuple[str, ...]:
    """Typical texts, for the first widths, the dates in the reader's locale; the change
    takes the room that is left."""
    return (sample_instant_text(), sample_day_text(), "analyst", "Reschedule",
            "status: scheduled → postponed; week of 2 Feb 2026 → date unknown",
            "Retracted", "Carrier group moved to the Gulf", "U.S.–Iran", "Reuters")

# The columns whose text is in the user's zone.
TIMED = (ANNOUNCED, STATUS)


class HistoryModel(SnapshotTableModel[ChangeRecord]):
    """ChangeRecord snapshots, in the order announced; times shown in the user's zone."""

    HEADERS = COLUMNS

    def __init__(self, display_tz: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._display_tz = display_tz

    def set_display_zone(self, tz: str) -> None:
        self._display_tz = tz
        self.refresh_columns(min(TIMED), max(TIMED))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, ANNOUNCED, ENTERED)

    def header_tip(self, section: int) -> str | None:
        if section == ANNOUNCED:
            return self.tr("When the change was made public: a date, or a time in your time "
                           "zone ({zone})").format(zone=self._display_tz)
        if section == ENTERED:
            return self.tr("When the change was entered here, in your time zone ({zone})"
                           ).format(zone=self._display_tz)
        if section == STATUS:
            return self.tr("Whether an undo withdrew the change, and what an undo or redo "
                           "withdraws")
        return None

    def cell(self, row: ChangeRecord, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:  # reasons and sources are typed: literal
            text = self._text(row, column)
            if column == ANNOUNCED and row.retracts_id is not None:
                text = self.tr("An undo or redo is a correction, not an announcement: it "
                               "is dated when it was entered")
            elif column == ANNOUNCED and row.announced.entered:
                text = self.tr("No announcement date was given: the change is dated when "
                               "it was entered")
            status = self._status(row)
            return plain_tooltip(f"{text}\n{status}" if status and column != STATUS else text)
        if role == Qt.ItemDataRole.FontRole and row.retracted:
            font = QFont()
            font.setStrikeOut(True)  # withdrawn: kept in history, but no longer true
            return font
        if role == ChangeIdRole:
            return row.id
        return None

    def _text(self, record: ChangeRecord, column: int) -> str:
        match column:
            case 0:
                if record.retracts_id is not None:  # an undo or redo: never announced
                    return "—"
                if record.announced.entered:  # its time is the Entered column's
                    return self.tr("not given")
                return announced_text(record.announced, self._display_tz)
            case 1:
                return self._time(record.recorded_at)
            case 2:
                return record.recorded_by
            case 3:
                return self.tr("Retraction") if record.retracts_id is not None \
                    else label_of(record.kind).capitalize()
            case 4:
                return record.summary
            case 5:
                return self._status(record)
            case 6:
                return record.reason
            case 7:
                return record.factor
            case _:
                return record.source

    def _status(self, record: ChangeRecord) -> str:
        parts = []
        if record.retracts_id is not None:
            parts.append(self._what_it_withdraws(record.retracts_id))
        if record.retracted_at is not None:
            when = self._time(record.retracted_at)
            parts.append(self.tr("Retracted by {name} at {when}").format(
                name=record.retracted_by, when=when) if record.retracted_by
                else self.tr("Retracted at {when}").format(when=when))
        return "; ".join(parts)

    def _what_it_withdraws(self, target_id: int) -> str:
        target = next((row for row in self._rows if row.id == target_id), None)
        if target is None:
            return self.tr("Withdraws change {number}").format(number=target_id)
        entered = self._time(target.recorded_at)
        if target.retracts_id is not None:
            return self.tr("Withdraws the retraction entered {when}; what it withdrew stands "
                           "again").format(when=entered)
        return self.tr("Withdraws the {kind} change entered {when}").format(
            kind=label_of(target.kind), when=entered)

    def _time(self, instant: datetime) -> str:
        return instant_text(instant, self._display_tz)
