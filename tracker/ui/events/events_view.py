"""The Events view: filter bar, the paged events table, and the selected event's links.

The table shows up to a million events without reading them (``EventsTableModel``); the
detail pane reads one event with ``events.event_detail`` when the current row changes.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from tracker.services.events import events
from tracker.services.events.events import EventFilter
from tracker.ui.common.column_widths import size_columns
from tracker.ui.common.long_tables import configure_long_table, table_over
from tracker.ui.common.placeholder import ViewPlaceholder
from tracker.ui.common.workspace import Topic, Workspace
from tracker.ui.events.event_detail_pane import EventDetailPane
from tracker.ui.events.event_filter_bar import EventFilterBar
from tracker.ui.events.event_position import event_position
from tracker.ui.events.events_model import (
    COLUMNS,
    DATE,
    FIRST_ROWS,
    SUMMARY,
    EventIdRole,
    EventsTableModel,
)
from tracker.ui.events.target_review import TargetReviewBar
from tracker.ui.events.target_rules_dialog import TargetRulesDialog


def configure_events_table(table: QTableView, model: EventsTableModel) -> None:
    """Table settings shared by the Events view and the link dialog's search."""
    configure_long_table(table, model)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    # Room for the text plus the cell margins and the sort indicator (and the check box
    # in the first column of a checkable table). The summary gives up its room first,
    # so the table fits across (issue 16).
    size_columns(table, [column.sample for column in COLUMNS], stretch=SUMMARY,
                 icons=(DATE,) if model.checkable else ())
    header.setSortIndicator(model.sort_column(), Qt.SortOrder.AscendingOrder)
    table.setSortingEnabled(True)

    def keep_sortable(section: int, _order: Qt.SortOrder) -> None:
        # Summary is not sortable; put the indicator back where the data is sorted.
        if COLUMNS[section].sort_key is None:
            order = Qt.SortOrder.DescendingOrder if model.descending \
                else Qt.SortOrder.AscendingOrder
            header.setSortIndicator(model.sort_column(), order)

    header.sortIndicatorChanged.connect(keep_sortable)
    _Screenful(table, model)


class _Screenful(QObject):
    """Keeps the rows *model* reads first at least a screenful of *table*: a table taller
    than FIRST_ROWS rows (a tall screen) would otherwise show empty room below them until
    the count arrives."""

    def __init__(self, table: QTableView, model: EventsTableModel) -> None:
        super().__init__(table)
        self._table, self._model = table, model
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Override QObject.eventFilter: note the viewport's height, let the event by."""
        if event.type() == QEvent.Type.Resize:
            row = max(1, self._table.verticalHeader().defaultSectionSize())
            rows_seen = -(-self._table.viewport().height() // row)  # a part row counts
            self._model.first_rows = max(FIRST_ROWS, rows_seen)
        return False


def load_filter_choices(
    workspace: Workspace,
) -> tuple[list[str], list[str], date | None, date | None]:
    """Event types, target categories, and the first and last event days."""
    def choices(session: Session) -> tuple[list[str], list[str], date | None, date | None]:
        # The first and last rows by date come off the date index, not a scan.
        first = events.fetch_events(session, limit=1)
        last = events.fetch_events(session, limit=1, descending=True)
        return (events.event_types(session), events.target_categories(session),
                first[0].event_date if first else None,
                last[0].event_date if last else None)

    return workspace.read(choices)


class EventsView(QWidget):
    """Browse, filter and sort battlefield events; show and edit one event's links.

    Signals:
        event_selected(int): the current event changed (its id).
        open_round(int): the user activated a round the event is linked to.
        open_factor(int): the user activated a factor the event is linked to.
        counts_changed(int, int): events matching the filters, and all events.
    """

    event_selected = Signal(int)
    open_round = Signal(int)
    open_factor = Signal(int)
    counts_changed = Signal(int, int)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._current_id: int | None = None

        self.filter_bar = EventFilterBar(self)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("events-count")
        self.model = EventsTableModel(workspace, self)
        self.table = QTableView(self)
        self.table.setObjectName("events-table")
        self.table.setAccessibleName(self.tr("Battlefield events"))
        configure_events_table(self.table, self.model)
        self.placeholder = ViewPlaceholder(self.table)
        self.setFocusProxy(self.table)  # the keyboard comes to the page in its table
        self.detail = EventDetailPane(workspace, self)
        self.targets = TargetReviewBar(workspace, self.selected_event_ids, self)
        self.rules_dialog: TargetRulesDialog | None = None

        splitter = table_over(self, self.table, self.detail)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.count_label)
        layout.addWidget(self.targets)
        layout.addWidget(splitter, 1)

        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self._on_find)

        self.filter_bar.filter_changed.connect(self._on_filter_changed)
        self.model.counts_changed.connect(self._on_counts_changed)
        self.model.counting_started.connect(self._on_counting_started)
        self.model.modelReset.connect(self._on_model_reset)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        self.table.selectionModel().selectionChanged.connect(self.targets.update_for_selection)
        self.targets.rules_requested.connect(self._on_rules_requested)
        self.detail.open_round.connect(self.open_round)
        self.detail.open_factor.connect(self.open_factor)
        workspace.changed.connect(self._on_workspace_changed)
        workspace.database_replaced.connect(self._on_database_replaced)
        self._load_choices()
        if self.model.is_counting():
            self._on_counting_started()
        else:
            self._on_counts_changed(self.model.rowCount(), self.model.total)

    # -- our API -----------------------------------------------------------------------

    def current_filter(self) -> EventFilter:
        return self.model.event_filter

    def current_event_id(self) -> int | None:
        return self._current_id

    def selected_event_ids(self) -> list[int]:
        """The events of the selected rows (what Accept Suggested Target acts on)."""
        rows = self.table.selectionModel().selectedRows(DATE)
        return [index.data(EventIdRole) for index in rows
                if index.data(EventIdRole) is not None]

    def select_event(self, event_id: int) -> bool:
        """Select and scroll to *event_id*, clearing the filters if they hide it.

        The row number is counted in SQL (``event_position``), so this works the same
        with a million events. Returns False when the event does not exist.
        """
        position = self._position_of(event_id)
        if position is None and self.model.event_filter != EventFilter():
            self.filter_bar.clear()
            position = self._position_of(event_id)
        if position is None:
            return False
        self.model.reveal(position)  # found beyond the first rows before the count came
        index = self.model.index(position, DATE)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def _position_of(self, event_id: int) -> int | None:
        model = self.model
        # Among the rows read (the first rows after a filter change), no count is needed.
        found = next((position for position, row in model.pages.cached_rows()
                      if row.id == event_id), None)
        if found is not None:
            return found

        def locate(session: Session) -> int | None:
            return event_position(session, model.event_filter, event_id,
                                  sort=model.sort_key, descending=model.descending)

        return self._workspace.read(locate)

    def _load_choices(self) -> None:
        types, targets, first, last = load_filter_choices(self._workspace)
        self.filter_bar.set_choices(types, targets)
        self.filter_bar.set_date_range(first, last)

    # -- slots -------------------------------------------------------------------------

    @Slot(object)
    def _on_filter_changed(self, flt: EventFilter) -> None:
        self.model.set_filter(flt)

    @Slot()
    def _on_counting_started(self) -> None:
        # The first rows are on screen; the exact count follows from the runner.
        self.count_label.setText(self.tr("Counting events…"))
        self.placeholder.update_for(self.model.rowCount(), "")

    @Slot(int, int)
    def _on_counts_changed(self, matching: int, total: int) -> None:
        if total == 0:
            self.count_label.setText(self.tr("No events"))
            message = self.tr("No events in this database yet. Import an ACLED, UCDP or other "
                              "CSV file with File › Import Events… (Ctrl+I), or drop it on the "
                              "window.")
        else:
            self.count_label.setText(self.tr("{matching} of %n event(s)", "", total).format(
                matching=f"{matching:,}").replace(str(total), f"{total:,}", 1))
            message = self.tr("No events match these filters.")
        self.placeholder.update_for(matching, message)
        self.counts_changed.emit(matching, total)

    @Slot()
    def _on_model_reset(self) -> None:
        # A reset (sort, filter, refresh) drops the selection; keep the same event
        # selected when it is still in the table.
        kept = self._current_id
        if kept is not None and self._position_of(kept) is not None:
            self.select_event(kept)
        else:
            self._show_event(None)

    @Slot(QModelIndex, QModelIndex)
    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        event_id = current.data(EventIdRole) if current.isValid() else None
        self._show_event(event_id)

    def _show_event(self, event_id: int | None) -> None:
        changed = event_id != self._current_id
        self._current_id = event_id
        self.detail.show_event(event_id)
        if changed and event_id is not None:
            self.event_selected.emit(event_id)

    @Slot()
    def _on_find(self) -> None:
        self.filter_bar.text_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_bar.text_edit.selectAll()

    @Slot()
    def _on_rules_requested(self) -> None:
        if self.rules_dialog is None:
            self.rules_dialog = TargetRulesDialog(self._workspace, self)
            self.rules_dialog.run_requested.connect(self.targets.suggest)
        self.rules_dialog.reload()
        self.rules_dialog.open()

    @Slot(object)
    def _on_workspace_changed(self, topic: Topic) -> None:
        if topic & Topic.EVENTS:
            self._load_choices()
            self.model.refresh()  # re-shows the current event in the pane too
        elif topic & (Topic.LINKS | Topic.ROUNDS | Topic.FACTORS):
            # The table shows nothing of rounds or factors, but the pane's "Linked to"
            # names them: a renamed or deleted round must not linger there. Only the pane
            # re-reads; resetting the events table would cost a recount for nothing.
            self.detail.show_event(self._current_id)

    @Slot()
    def _on_database_replaced(self) -> None:
        self._current_id = None
        self.filter_bar.clear()
        self._load_choices()
        self.model.refresh()
