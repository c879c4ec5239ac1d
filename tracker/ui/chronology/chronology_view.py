"""The Chronology view: everything in time order, optionally between two days."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.chronology import EntryKind
from tracker.domain.wording import label_of
from tracker.services.chronology.held_dates import held_dates
from tracker.ui.chronology.chronology_detail import ChronologyDetailPane
from tracker.ui.chronology.chronology_model import (
    DETAIL,
    HEADERS,
    KIND,
    KIND_COLOURS,
    ChronologyModel,
    RecordRole,
)
from tracker.ui.common.column_widths import size_columns
from tracker.ui.common.date_text import ISO_DATE_FORMAT
from tracker.ui.common.forms import within_tracker_dates
from tracker.ui.common.long_tables import configure_long_table, table_over
from tracker.ui.common.placeholder import ViewPlaceholder
from tracker.ui.common.workspace import Topic, Workspace

# Default widths, as sample texts in the table's font; Detail (the summary) takes the
# room that is left, so the table fits across a 1280-pixel screen.
_SAMPLES = ("week of 26 Jan 2026 (to 1 Feb 2026)", "schedule change",
            "Trilateral talks announced for the week", None,
            "Zaporizhzhia, Zaporizka", "escalation: Trilateral talks", "Reuters (+2)")

# How far from its old row a selected entry is looked for after a refresh.
RESELECT_REACH = 64


def _date_edit(parent: QWidget, tip: str) -> QDateEdit:
    edit = within_tracker_dates(QDateEdit(QDate.currentDate(), parent))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(ISO_DATE_FORMAT)
    edit.setToolTip(tip)
    edit.setEnabled(False)
    return edit


class ChronologyView(QWidget):
    """Rounds, schedule changes, factor readings, claims on a day and a place and events
    merged in time order.

    Signals:
        open_round(int): a round entry was activated.
        open_event(int): an event entry was activated.
    """

    open_round = Signal(int)
    open_event = Signal(int)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.from_check = QCheckBox(self.tr("From"), self)
        self.from_edit = _date_edit(self, self.tr("First day to show"))
        self.from_edit.setAccessibleName(self.tr("From date"))
        self.to_check = QCheckBox(self.tr("to"), self)
        self.to_edit = _date_edit(self, self.tr("Last day to show"))
        self.to_edit.setAccessibleName(self.tr("To date"))
        self.corrections_check = QCheckBox(self.tr("Show corrections (undone entries)"), self)
        self.corrections_check.setObjectName("chronology-corrections")
        self.corrections_check.setToolTip(
            self.tr("List each undone change marked as withdrawn, and each undo and redo as a "
            "correction; off, an undone change is left out with its undo"))
        self.count_label = QLabel(self)
        self.count_label.setObjectName("chronology-count")
        legend = QLabel(" ".join(
            f"<span style='color:{colour.name()}'>■</span>&nbsp;{label_of(kind)}&nbsp;"
            for kind, colour in KIND_COLOURS.items()), self)
        # Takes the room left on the bar, and wraps rather than widening the window (it
        # must fit 1024 pixels): never to more than two lines.
        legend.setWordWrap(True)
        legend.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # The first line holds the kinds up to readings; claims and events go on the second.
        legend.setMinimumWidth(legend.fontMetrics().horizontalAdvance(
            " ".join(f"■ {label_of(kind)}" for kind in KIND_COLOURS
                     if kind not in (EntryKind.CLAIM, EntryKind.EVENT))) + 8)
        self._stale = False
        self._workspace = workspace
        self.model = ChronologyModel(workspace, self)
        self.table = QTableView(self)
        self.table.setObjectName("chronology-table")
        self.table.setAccessibleName(self.tr("Chronology"))
        configure_long_table(self.table, self.model)
        # Kinds are told by colour (KIND_COLOURS); alternating rows would blur them.
        self.table.setAlternatingRowColors(False)
        assert len(_SAMPLES) == len(HEADERS)
        size_columns(self.table, _SAMPLES, stretch=DETAIL, icons=(KIND,))
        self.placeholder = ViewPlaceholder(self.table)
        self.setFocusProxy(self.table)  # the keyboard comes to the page in its table
        self.detail = ChronologyDetailPane(self)

        bar = QHBoxLayout()
        for widget in (self.from_check, self.from_edit, self.to_check, self.to_edit):
            bar.addWidget(widget)
        bar.addSpacing(16)
        bar.addWidget(self.corrections_check)
        bar.addSpacing(16)
        bar.addWidget(self.count_label)
        bar.addWidget(legend, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(table_over(self, self.table, self.detail), 1)

        for check, edit in ((self.from_check, self.from_edit), (self.to_check, self.to_edit)):
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(self._on_range_changed)
            edit.dateChanged.connect(self._on_range_changed)
        self.corrections_check.toggled.connect(self.model.set_corrections)
        self.model.count_changed.connect(self._on_count_changed)
        self.table.activated.connect(self._on_activated)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.model.modelReset.connect(self._on_current_changed)
        self.detail.open_round.connect(self.open_round)
        self.detail.open_event.connect(self.open_event)
        workspace.changed.connect(self._on_workspace_changed)
        workspace.database_replaced.connect(self._on_database_replaced)
        self._on_count_changed(self.model.rowCount())
        self._start_pickers()

    def _start_pickers(self) -> None:
        """Start the unchecked pickers at the first and last day the database holds, not
        at today (issue 16: on a database of 2022's events both read today)."""
        span = self._workspace.read(lambda session: held_dates(session, self.model.time_zone))
        if span is None:
            return
        for check, edit, day in ((self.from_check, self.from_edit, span.first),
                                 (self.to_check, self.to_edit, span.last)):
            if not check.isChecked():
                edit.setDate(QDate(day.year, day.month, day.day))

    @Slot()
    def _on_current_changed(self) -> None:
        """Show the current row's entry in full below the table (none after a reset)."""
        current = self.table.currentIndex()
        self.detail.show_entry(
            self.model.entry_at(current.row()) if current.isValid() else None)

    def date_range(self) -> tuple[date | None, date | None]:
        return self.model.date_range

    def set_date_range(self, date_from: date | None, date_to: date | None) -> None:
        """Check and set the pickers (None unchecks one); the table follows."""
        for check, edit, day in ((self.from_check, self.from_edit, date_from),
                                 (self.to_check, self.to_edit, date_to)):
            if day is not None:
                edit.setDate(QDate(day.year, day.month, day.day))
            check.setChecked(day is not None)
        self._on_range_changed()

    @Slot()
    def _on_range_changed(self) -> None:
        first = self.from_edit.date().toPython() if self.from_check.isChecked() else None
        last = self.to_edit.date().toPython() if self.to_check.isChecked() else None
        assert first is None or isinstance(first, date)
        assert last is None or isinstance(last, date)
        if first is not None and last is not None and last < first:
            # An empty range is a typo, not a question; show the two days the other way.
            first, last = last, first
        self.model.set_range(first, last)

    @Slot(int)
    def _on_count_changed(self, count: int) -> None:
        first, last = self.model.date_range
        filtered = first is not None or last is not None
        self.count_label.setText(self.tr("%n entr(y|ies)", "", count).replace(
            str(count), f"{count:,}", 1))
        self.placeholder.update_for(
            count, self.tr("Nothing happened in this period.") if filtered else
            self.tr("The chronology is empty. Add a round (Edit › New Round…) or a factor "
                    "(Edit › New Factor…) and it is listed here in time order."))

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        record = index.data(RecordRole)
        if not record:
            return
        kind, record_id = record
        if kind is EntryKind.ROUND:
            self.open_round.emit(record_id)
        elif kind is EntryKind.EVENT:
            self.open_event.emit(record_id)

    @Slot()
    def _on_database_replaced(self) -> None:
        self.model.refresh()
        self._start_pickers()

    def showEvent(self, event: QShowEvent) -> None:
        """Override QWidget.showEvent: catch up with edits made while the tab was hidden."""
        if self._stale:
            self._on_workspace_changed(Topic.ALL)
        super().showEvent(event)

    @Slot(object)
    def _on_workspace_changed(self, _topic: Topic) -> None:
        # Every topic is part of the chronology, and re-counting it costs a query over
        # every event: while the tab is hidden, only note that it is out of date.
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        # An edit moves an entry a few rows at most, so the selected one is looked for
        # near where it was (one page or two, never the whole list) and selected again.
        current = self.table.currentIndex()
        key = current.data(RecordRole) if current.isValid() else None
        self.model.refresh()
        if key is not None:
            self._select_near(tuple(key), current.row(), current.column())

    def _select_near(self, key: tuple[EntryKind, int], row: int, column: int) -> None:
        first = max(0, row - RESELECT_REACH)
        last = min(self.model.rowCount(), row + RESELECT_REACH + 1)
        for candidate in sorted(range(first, last), key=lambda number: abs(number - row)):
            entry = self.model.entry_at(candidate)
            if entry is not None and (entry.kind, entry.record_id) == key:
                self.table.setCurrentIndex(self.model.index(candidate, column))
                return
