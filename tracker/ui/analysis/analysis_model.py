"""The Analysis view's table: one row per anchor, window and group, from a result.

Rows number three per anchor and group (tens to a few hundred), so the model holds the
result's frozen rows and a proxy sorts them (``SortRole`` gives numbers, not text).
The baseline, ratio and difference columns are of the measure the result was computed
for; their headers say which.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt

from tracker.domain.wording import label_of, say
from tracker.services.analysis.analysis import (
    AnalysisResult,
    AnalysisSettings,
    BaselineMode,
    Phase,
    PhaseCounts,
    SplitBy,
)
from tracker.services.analysis.week_placed import (
    NOTHING_PLACED,
    Placed,
    PlacedKey,
    placed_key,
)
from tracker.ui.common.date_text import day_month_text, day_text
from tracker.ui.common.language import QT_TRANSLATE_NOOP, translate
from tracker.ui.common.table_model import SnapshotTableModel, plain_tooltip

RowRole = Qt.ItemDataRole.UserRole
SortRole = Qt.ItemDataRole.UserRole + 1

NO_BASELINE = QT_TRANSLATE_NOOP("AnalysisModel", "no baseline")
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_PHASE_ORDER = {phase: number for number, phase in enumerate(Phase)}


def placed_tip(measure: str) -> str:
    """What the "Wholly in" column holds (issue 16, finding 11: a sample whose events
    are all known to the week showed only zeros)."""
    return QCoreApplication.translate(
        "AnalysisTableModel",
        "In {measure}: the events known only to the week (or the month, or reported over "
        "several days) whose every possible day lies in this window, so certainly in it, "
        "though on no known day. They are not in the counts, the baseline or the ratio, which stay "
        "to the day.").format(measure=measure)


def days_text(first: date, last: date) -> str:
    """'7 Mar 2025', '7–9 Mar 2025', '28 Feb – 2 Mar 2025' or across years in full."""
    if first == last:
        return day_text(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{day_text(last)}"
    if first.year == last.year:
        return f"{day_month_text(first)} – {day_text(last)}"
    return f"{day_text(first)} – {day_text(last)}"


def number_text(value: float) -> str:
    """2 for 2.0, 1.5, 0.33: counts stay whole, means get at most two decimals."""
    rounded = round(value, 2)
    return str(int(rounded)) if rounded == int(rounded) else f"{rounded:g}"


def ratio_text(ratio: float | None) -> str:
    """'×1.8', '×0.67', or 'no baseline' when the baseline is zero (never infinity)."""
    if ratio is None:
        return translate("AnalysisModel", NO_BASELINE)
    return f"×{number_text(ratio)}"


def difference_text(difference: float) -> str:
    text = number_text(abs(difference))
    if difference > 0:
        return f"+{text}"
    return f"−{text}" if difference < 0 else "0"


class AnalysisTableModel(SnapshotTableModel[PhaseCounts]):
    """Anchor, window, days, group, the counts, and the comparison with the baseline."""

    HEADERS = (
        QT_TRANSLATE_NOOP("TableHeaders", "Around"),
        QT_TRANSLATE_NOOP("TableHeaders", "Window"),
        QT_TRANSLATE_NOOP("TableHeaders", "Days"),
        QT_TRANSLATE_NOOP("TableHeaders", "Group"),
        QT_TRANSLATE_NOOP("TableHeaders", "Events"),
        QT_TRANSLATE_NOOP("TableHeaders", "Fatalities"),
        QT_TRANSLATE_NOOP("TableHeaders", "Injuries"),
        QT_TRANSLATE_NOOP("TableHeaders", "Imprecise"),
        QT_TRANSLATE_NOOP("TableHeaders", "Wholly in"),
        QT_TRANSLATE_NOOP("TableHeaders", "Baseline"),
        QT_TRANSLATE_NOOP("TableHeaders", "Ratio"),
        QT_TRANSLATE_NOOP("TableHeaders", "Difference"),
    )
    (ANCHOR, PHASE, DAYS, GROUP, EVENTS, FATALITIES, INJURIES, IMPRECISE, PLACED, BASELINE,
     RATIO, DIFFERENCE) = range(12)
    NUMERIC = frozenset(range(EVENTS, DIFFERENCE + 1))

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = AnalysisSettings()
        self._placed: Mapping[PlacedKey, Placed] = {}

    @property
    def settings(self) -> AnalysisSettings:
        return self._settings

    def set_result(self, result: AnalysisResult,
                   placed: Mapping[PlacedKey, Placed] | None = None) -> None:
        """Show *result*, with the events known only to the week that *placed* puts
        wholly inside its windows (week_placed.placed_in_windows)."""
        # Headers follow the settings; a reset makes views re-read them with the rows.
        self.beginResetModel()
        self._settings = result.settings
        self._placed = placed or {}
        self._rows = list(result.rows)
        self.endResetModel()

    def placed(self, row: PhaseCounts) -> Placed:
        return self._placed.get(placed_key(row), NOTHING_PLACED)

    def has_placed(self) -> bool:
        return any(placed.events for placed in self._placed.values())

    def rows_of_round(self, round_id: int) -> list[int]:
        return [number for number, row in enumerate(self._rows)
                if row.anchor.round_id == round_id]

    # -- cells ------------------------------------------------------------------------------

    def cell(self, row: PhaseCounts, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SortRole:
            return self._sort_value(row, column)
        if role == RowRole:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.NUMERIC:
            return _RIGHT
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        return None

    def _display(self, row: PhaseCounts, column: int) -> Any:
        measure = self._settings.measure
        texts = {
            self.ANCHOR: row.anchor.label,
            self.PHASE: label_of(row.phase),
            self.DAYS: days_text(row.first_day, row.last_day),
            self.GROUP: say(row.group_label),
            self.EVENTS: str(row.events),
            self.FATALITIES: str(row.fatalities),
            self.INJURIES: str(row.injuries),
            self.IMPRECISE: str(row.imprecise),
            self.PLACED: str(self.placed(row).value(measure.value)),
            self.BASELINE: number_text(row.baseline_value(measure)),
            self.RATIO: ratio_text(row.ratio),
            self.DIFFERENCE: difference_text(row.difference),
        }
        return texts.get(column)

    def _sort_value(self, row: PhaseCounts, column: int) -> Any:
        measure = self._settings.measure
        values: dict[int, Any] = {
            self.ANCHOR: f"{row.anchor.first_day.isoformat()} {row.anchor.label}",
            self.PHASE: _PHASE_ORDER[row.phase],
            self.DAYS: row.first_day.isoformat(),
            self.GROUP: row.group_label.casefold(),
            self.EVENTS: row.events,
            self.FATALITIES: row.fatalities,
            self.INJURIES: row.injuries,
            self.IMPRECISE: row.imprecise,
            self.PLACED: self.placed(row).value(measure.value),
            self.BASELINE: row.baseline_value(measure),
            # No baseline sorts below every ratio.
            self.RATIO: -1.0 if row.ratio is None else row.ratio,
            self.DIFFERENCE: row.difference,
        }
        return values.get(column)

    def _tooltip(self, row: PhaseCounts, column: int) -> str | None:
        anchor = row.anchor
        if column == self.ANCHOR:
            return plain_tooltip(self.tr("{label}\n{kind}, {days} ({precision}, days in {zone})")
                                 .format(label=anchor.label, kind=label_of(anchor.kind),
                                         days=days_text(anchor.first_day, anchor.last_day),
                                         precision=label_of(anchor.precision),
                                         zone=anchor.tz))
        if column in (self.BASELINE, self.RATIO, self.DIFFERENCE):
            return self.tr("Baseline: {days}, {baseline}").format(
                days=days_text(row.baseline_first_day, row.baseline_last_day),
                baseline=self._settings.baseline_text())
        if column == self.IMPRECISE:
            return self.tr("Events reported only to the week or month whose date falls in "
                           "this window; not counted, as their day is not known")
        if column == self.PLACED:
            return placed_tip(label_of(self._settings.measure))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Override QAbstractItemModel::headerData: the group and measure columns say
        what they hold."""
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if section == self.GROUP:
                split = self._settings.split
                return self.tr("Group") if split is SplitBy.NONE else say(split.heading)
            if section == self.BASELINE:
                return self.tr("Baseline {measure}").format(
                    measure=say(self._settings.measure.value))
        return super().headerData(section, orientation, role)

    def header_tip(self, section: int) -> str | None:
        settings = self._settings
        if section == self.BASELINE:
            mode = (self.tr("same days, weeks earlier") if settings.baseline is BaselineMode.WEEKS
                    else self.tr("mean of the preceding windows"))
            return f"{settings.baseline_text()} ({mode})"
        if section == self.RATIO:
            return self.tr("{measure} in the window against the baseline (ratio: window ÷ "
                           "baseline)").format(measure=label_of(settings.measure).capitalize())
        if section == self.DIFFERENCE:
            return self.tr("{measure} in the window against the baseline").format(
                measure=label_of(settings.measure).capitalize())
        if section == self.IMPRECISE:
            return self.tr("Week- or month-precision events dated in the window (not counted)")
        if section == self.PLACED:
            return placed_tip(label_of(self._settings.measure))
        return None

