"""The Analysis view: battlefield events before, during and after rounds, as a table and charts.

The settings bar chooses what to count around (rounds, schedule changes, factor
readings), the window, the baseline and the split; the counts come from
``services.analysis`` on the window's runner (``analysis_task``), the same numbers
``tracker analyse`` prints. Selecting a row draws its windows against their baselines and
marks its anchor on the daily series.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.wording import say
from tracker.services.analysis.analysis import AnalysisResult, Around, PhaseCounts
from tracker.services.events.events import EventFilter
from tracker.ui.analysis.analysis_chart import AnalysisChart
from tracker.ui.analysis.analysis_controls import AnalysisControls
from tracker.ui.analysis.analysis_export import export_chart, export_table
from tracker.ui.analysis.analysis_model import AnalysisTableModel, RowRole, SortRole
from tracker.ui.analysis.analysis_task import AnalysisOutcome, AnalysisRequest, analysis_op
from tracker.ui.common.error_boundary import Failure
from tracker.ui.common.language import QT_TRANSLATE_NOOP, translate
from tracker.ui.common.long_tables import table_over
from tracker.ui.common.placeholder import ViewPlaceholder
from tracker.ui.common.settings import system_zone_name
from tracker.ui.common.table_model import as_plain
from tracker.ui.common.workspace import Topic, Workspace

_TOPICS = Topic.EVENTS | Topic.ROUNDS | Topic.FACTORS
_EMPTY_TEXTS = {
    Around.ROUNDS: QT_TRANSLATE_NOOP("AnalysisView", "No rounds with a known date to analyse. "
                                     "Give a round a date (even just a week or a month) and "
                                     "its windows are counted here."),
    Around.CHANGES: QT_TRANSLATE_NOOP("AnalysisView", "No schedule changes to analyse yet."),
    Around.READINGS: QT_TRANSLATE_NOOP("AnalysisView", "No factor readings to analyse yet."),
}
# "Counting around rounds…"
_COUNTING = {Around.ROUNDS: QT_TRANSLATE_NOOP("AnalysisView", "Counting around rounds…"),
             Around.CHANGES: QT_TRANSLATE_NOOP("AnalysisView",
                                               "Counting around schedule changes…"),
             Around.READINGS: QT_TRANSLATE_NOOP("AnalysisView",
                                                "Counting around factor readings…")}



def filter_text(flt: EventFilter) -> str:
    """What the Events view's filter narrows the analysis to (its dates never apply)."""
    parts = []
    if flt.event_types:
        parts.append(", ".join(flt.event_types))
    if flt.target_category:
        parts.append(translate("AnalysisView", "target {category}").format(
            category=say(flt.target_category)))
    if flt.place.strip():
        parts.append(translate("AnalysisView", "in {place}").format(place=flt.place.strip()))
    if flt.text.strip():
        parts.append(f"“{flt.text.strip()}”")
    if not parts:
        return translate("AnalysisView", "Events: all")
    return translate("AnalysisView", "Events: {filters}").format(filters="; ".join(parts))


class AnalysisView(QWidget):
    """Settings bar, result table and charts.

    Signals:
        open_round(int): the user activated a row of a round (or of one of its changes).
        analysis_updated(): new numbers are in the table and charts.
    """

    open_round = Signal(int)
    analysis_updated = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._tz = system_zone_name()
        self._filter = EventFilter()
        self._outcome: AnalysisOutcome | None = None
        self._stale = True
        self._wanted_round: int | None = None
        self._asked = 0  # requests made; only the answer to the last one is shown
        self._counting = False
        self._folder = Path.home()

        self.controls = AnalysisControls(self)
        self.filter_label = QLabel(filter_text(self._filter), self)
        self.filter_label.setObjectName("analysis-filter")
        self.filter_label.setToolTip(self.tr("The Events view's filters apply here, except its "
                                     "dates: each window sets its own days."))
        self.status_label = QLabel(self)
        self.status_label.setObjectName("analysis-status")
        # Round titles, typed places and file paths are shown as typed, never as HTML.
        for label in (self.filter_label, self.status_label):
            label.setTextFormat(Qt.TextFormat.PlainText)
        # Said plainly, on a line of its own, when events are placed by their week
        # (issue 16, finding 11: the 2026 sample's are all known only to the week).
        self.week_note = QLabel(self.tr(
            "Some events here are known only to the week, or reported over several days, "
            "so they are not counted on a day. “Wholly in” and the bars of their own "
            "count those whose every possible day falls inside a window (the whole "
            "week); the baseline and the ratio stay to the day."), self)
        self.week_note.setObjectName("analysis-week-note")
        self.week_note.setWordWrap(True)
        self.week_note.setTextFormat(Qt.TextFormat.PlainText)
        self.week_note.hide()
        self.export_table_button = QPushButton(self.tr("Export Table…"), self)
        self.export_table_button.setObjectName("analysis-export-table")
        self.export_chart_button = QPushButton(self.tr("Export Chart…"), self)
        self.export_chart_button.setObjectName("analysis-export-chart")

        self.model = AnalysisTableModel(self)
        # A few hundred rows at most: the proxy sorts them in memory.
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.table = QTableView(self)
        self.table.setObjectName("analysis-table")
        self.table.setAccessibleName(self.tr("Analysis by round"))
        self.table.setModel(self.proxy)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.setFocusProxy(self.table)  # the keyboard comes to the page in its table
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        # Unsorted until the user clicks a header: the result's own order (anchors in
        # time, then before / during / after) reads best.
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The anchor (a round's title) takes the room the figures leave (issue 16).
        header.setSectionResizeMode(AnalysisTableModel.ANCHOR, QHeaderView.ResizeMode.Stretch)
        self.placeholder = ViewPlaceholder(self.table)
        self.chart = AnalysisChart(self)

        # Long filter or status texts must not set the window's minimum width.
        for label in (self.filter_label, self.status_label):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status_label.setWordWrap(True)  # what was left out, whole at 1280 px, not cut
        bar = QHBoxLayout()
        bar.addWidget(self.filter_label, 1)
        bar.addSpacing(16)
        bar.addWidget(self.status_label, 1)
        bar.addWidget(self.export_table_button)
        bar.addWidget(self.export_chart_button)
        # The table is wide (eleven columns): the charts go below it, side by side.
        splitter = table_over(self, self.table, self.chart, shares=(1, 1))
        layout = QVBoxLayout(self)
        layout.addWidget(self.controls)
        layout.addLayout(bar)
        layout.addWidget(self.week_note)
        layout.addWidget(splitter, 1)

        self.controls.changed.connect(self.refresh)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        self.table.activated.connect(self._on_activated)
        self.export_table_button.clicked.connect(self._on_export_table)
        self.export_chart_button.clicked.connect(self._on_export_chart)
        workspace.changed.connect(self._on_workspace_changed)
        workspace.database_replaced.connect(self._on_database_replaced)
        self._enable_exports()

    # -- API for the window -------------------------------------------------------------

    @property
    def result(self) -> AnalysisResult | None:
        return self._outcome.result if self._outcome else None

    def set_event_filter(self, flt: EventFilter) -> None:
        """Count only the events the Events view shows (its dates aside)."""
        if flt == self._filter:
            return
        self._filter = flt
        self.filter_label.setText(filter_text(flt))
        self._refresh_when_shown()

    def set_display_zone(self, tz: str) -> None:
        """Factor readings fall on their day in *tz* (the user's display zone)."""
        if tz == self._tz:
            return
        self._tz = tz
        if self.controls.settings(tz).around is Around.READINGS:
            self._refresh_when_shown()

    def select_round(self, round_id: int) -> bool:
        """Select the first row of *round_id* (now, or once the running count is in)."""
        self._wanted_round = round_id
        if self._counting or self._stale:
            return self.model.rows_of_round(round_id) != []
        rows = self.model.rows_of_round(round_id)
        self._wanted_round = None
        if not rows:
            return False
        index = self.proxy.mapFromSource(self.model.index(rows[0], 0))
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)
        return True

    def refresh(self) -> None:
        """Count again with the settings shown (on the window's runner)."""
        self._stale = False
        settings = self.controls.settings(self._tz)
        self.status_label.setText(translate("AnalysisView", _COUNTING[settings.around]))
        self._asked += 1
        asked = self._asked
        self._counting = True
        self._workspace.runner.submit(
            analysis_op(AnalysisRequest(settings, self._filter)).owned_by(self)
            .on_success(lambda outcome: self._on_finished(asked, outcome))
            .on_failure(lambda failure: self._on_failed(asked, failure)))

    # -- results ----------------------------------------------------------------------------

    def _on_finished(self, asked: int, outcome: AnalysisOutcome) -> None:
        if asked != self._asked:
            return  # superseded: a newer request is on its way
        self._counting = False
        kept = self._current_key()
        self._outcome = outcome
        result = outcome.result
        self.model.set_result(result, outcome.placed)
        around = result.settings.around
        count = len(result.anchors)
        status = self._analysed(around, count)
        if result.skipped:
            status = self.tr("{analysed}; left out: {skipped}").format(
                analysed=status, skipped="; ".join(result.skipped))
        self.status_label.setText(status)
        self.status_label.setToolTip(as_plain(status))
        self.placeholder.update_for(self.model.rowCount(),
                                    translate("AnalysisView", _EMPTY_TEXTS[around]))
        self.week_note.setVisible(self.model.has_placed())
        self._enable_exports()
        chosen = self._wanted_round is not None and self.select_round(self._wanted_round)
        if not chosen and not self._reselect(kept) and self.proxy.rowCount():
            self.table.selectRow(0)
        self._show_current()
        self.analysis_updated.emit()

    def _analysed(self, around: Around, count: int) -> str:
        """"3 rounds analysed", in the plural form the language gives *count*."""
        if around is Around.ROUNDS:
            return self.tr("%n round(s) analysed", "", count)
        if around is Around.CHANGES:
            return self.tr("%n schedule change(s) analysed", "", count)
        return self.tr("%n factor reading(s) analysed", "", count)

    def _on_failed(self, asked: int, failure: Failure) -> None:
        # A superseded request may fail because its database was closed meanwhile.
        if asked != self._asked:
            return
        self._counting = False
        self.status_label.setText(self.tr("Could not count: {error}").format(
            error=failure.message))

    def _current_key(self) -> tuple[object, ...] | None:
        row = self._current_row()
        if row is None:
            return None
        return row.anchor.kind, row.anchor.id, row.phase, row.group

    def _reselect(self, key: tuple[object, ...] | None) -> bool:
        if key is None:
            return False
        for number in range(self.proxy.rowCount()):
            row = self.proxy.index(number, 0).data(RowRole)
            if (row.anchor.kind, row.anchor.id, row.phase, row.group) == key:
                self.table.selectRow(number)
                return True
        return False

    def _current_row(self) -> PhaseCounts | None:
        index = self.table.currentIndex()
        row = index.data(RowRole) if index.isValid() else None
        return row if isinstance(row, PhaseCounts) else None

    def _show_current(self) -> None:
        outcome = self._outcome
        if outcome is None:
            return
        result = outcome.result
        measure = result.settings.measure
        row = self._current_row()
        anchor = row.anchor if row is not None else None
        windows = result.rows_of(row.anchor, row.group) if row is not None else []
        placed = [outcome.placed_in(window).value(measure.value) for window in windows]
        self.chart.show_windows(windows, measure, placed)
        self.chart.show_series(outcome.series, result.anchors, measure, anchor,
                               week_only=self.model.has_placed())

    def _enable_exports(self) -> None:
        has_rows = self._outcome is not None and bool(self._outcome.result.rows)
        self.export_table_button.setEnabled(has_rows)
        self.export_chart_button.setEnabled(self._outcome is not None)

    # -- slots ------------------------------------------------------------------------------

    @Slot(QModelIndex, QModelIndex)
    def _on_current_row_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_current()

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        row = index.data(RowRole)
        if isinstance(row, PhaseCounts) and row.anchor.round_id is not None:
            self.open_round.emit(row.anchor.round_id)

    @Slot()
    def _on_export_table(self) -> None:
        result = self.result
        if result is not None:
            written = export_table(self, result, self._folder)
            self._after_export(written)

    @Slot()
    def _on_export_chart(self) -> None:
        self._after_export(export_chart(self, self.chart, self._folder))

    def _after_export(self, written: Path | None) -> None:
        if written is not None:
            self._folder = written.parent
            self.status_label.setText(self.tr("Exported to {path}").format(path=written))

    def _refresh_when_shown(self) -> None:
        # Counting a million events is work: a hidden tab only notes it is out of date.
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    @Slot(object)
    def _on_workspace_changed(self, topic: Topic) -> None:
        if topic & _TOPICS:
            self._refresh_when_shown()

    @Slot()
    def _on_database_replaced(self) -> None:
        self._outcome = None
        self.model.set_rows([])
        self.week_note.hide()
        self._enable_exports()
        self._refresh_when_shown()

    def showEvent(self, event: QShowEvent) -> None:
        """Override QWidget.showEvent: count on first showing, or catch up."""
        if self._stale:
            self.refresh()
        super().showEvent(event)
