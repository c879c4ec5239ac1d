"""Table views over long, paged models: the Events, the Chronology, import rows.

A view that measured each row's height would read every row of a million-event model,
so rows are one line at a fixed height; selection is by whole row.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QSplitter, QTableView, QWidget


def configure_long_table(table: QTableView, model: QAbstractItemModel, *,
                         single_selection: bool = True) -> None:
    table.setModel(model)
    table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if single_selection:
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    rows = table.verticalHeader()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.horizontalHeader().setStretchLastSection(True)


def table_over(parent: QWidget, table: QTableView, below: QWidget, *,
               shares: tuple[int, int] = (3, 1)) -> QSplitter:
    """*table* above *below* (its detail pane, its chart) in a splitter that shares the
    height as *shares* says and never collapses either."""
    splitter = QSplitter(Qt.Orientation.Vertical, parent)
    splitter.addWidget(table)
    splitter.addWidget(below)
    splitter.setStretchFactor(0, shares[0])
    splitter.setStretchFactor(1, shares[1])
    splitter.setChildrenCollapsible(False)
    return splitter
