"""The Factors view: every outside factor with its latest reading, and the selected one's
readings, dependent rounds and linked events."""

from __future__ import annotations

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tracker.services.factors import factors
from tracker.ui.common.placeholder import ViewPlaceholder
from tracker.ui.common.settings import system_zone_name
from tracker.ui.common.workspace import Topic, Workspace
from tracker.ui.factors.factor_detail_pane import FactorDetailPane
from tracker.ui.factors.factors_model import FactorIdRole, FactorsTableModel, SortRole


class FactorsView(QWidget):
    """Factors table above the selected factor's detail.

    Signals:
        factor_selected(int): the current factor changed (its id).
        open_round(int): a dependent round was activated.
        open_event(int): a linked event was activated.
    """

    factor_selected = Signal(int)
    open_round = Signal(int)
    open_event = Signal(int)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._tz = system_zone_name()
        self._current_id: int | None = None

        self.model = FactorsTableModel(self, tz_name=self._tz)
        # Tens of rows: a proxy sort is the right tool here (unlike the events table).
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.table = QTableView(self)
        self.table.setObjectName("factors-table")
        self.table.setAccessibleName(self.tr("Factors"))
        self.table.setModel(self.proxy)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.setFocusProxy(self.table)  # the keyboard comes to the page in its table
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(FactorsTableModel.NAME, Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(FactorsTableModel.NAME, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(FactorsTableModel.HEADERS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.placeholder = ViewPlaceholder(self.table)
        self.detail = FactorDetailPane(workspace, self._tz, self)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        # Factors number in the tens: a short table shows several, and the
        # detail (two rows of tables and the impact chart) gets the rest. Used as
        # proportions until the splitter is first laid out.
        splitter.setSizes([150, 850])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        self.detail.open_round.connect(self.open_round)
        self.detail.open_event.connect(self.open_event)
        workspace.changed.connect(self._on_workspace_changed)
        workspace.database_replaced.connect(self._on_database_replaced)
        self.refresh()

    def set_display_zone(self, tz_name: str) -> None:
        """Show reading times in *tz_name* (the user's display zone setting)."""
        self._tz = tz_name
        self.model.set_time_zone(tz_name)
        self.detail.set_time_zone(tz_name)

    def current_factor_id(self) -> int | None:
        return self._current_id

    def refresh(self) -> None:
        """Re-read the factors, keeping the current one selected when it still exists."""
        kept = self._current_id
        self.model.set_rows(self._workspace.read(factors.list_factors))
        self.placeholder.update_for(
            self.model.rowCount(),
            self.tr("No factors yet. Factors are outside conditions the talks depend on, "
            "such as U.S.–Iran tensions."))
        if kept is None or not self.select_factor(kept):
            self._show(None)
            if self.proxy.rowCount():
                self.select_factor(self.proxy.index(0, 0).data(FactorIdRole))

    def select_factor(self, factor_id: int) -> bool:
        """Select *factor_id* and show its detail; False when there is no such factor."""
        row = self.model.row_of(factor_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        before = self._current_id
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        if before == factor_id:
            # The slot shows only a change of factor; after a refresh the same factor
            # must still be re-read.
            self._show(factor_id)
        return True

    def _show(self, factor_id: int | None) -> None:
        changed = factor_id != self._current_id
        self._current_id = factor_id
        self.detail.show_factor(factor_id)
        if changed and factor_id is not None:
            self.factor_selected.emit(factor_id)

    @Slot(QModelIndex, QModelIndex)
    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        factor_id = current.data(FactorIdRole) if current.isValid() else None
        if factor_id != self._current_id:
            self._show(factor_id)

    @Slot(object)
    def _on_workspace_changed(self, _topic: Topic) -> None:
        # Every topic shows here (readings, dependent round titles, linked events), and
        # a few dozen factors re-read in three queries.
        self.refresh()

    @Slot()
    def _on_database_replaced(self) -> None:
        self._current_id = None
        self.refresh()
