"""The read-only table model every small list here shares: frozen row snapshots in a list.

Rounds, factors, readings, history and link suggestions number in the tens or hundreds,
so each model holds its rows (dataclasses from the services, never ORM objects) and a
subclass says only what a cell shows: ``HEADERS`` and ``cell(row, column, role)``.
Battlefield events and the chronology are paged from SQL instead (events_model.py,
chronology_model.py) and do not use this class.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Generic, TypeVar

from PySide6 import QtGui
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from tracker.ui.common.language import translate

Index = QModelIndex | QPersistentModelIndex
RowT = TypeVar("RowT")

READ_ONLY = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | \
    Qt.ItemFlag.ItemNeverHasChildren


def as_plain(text: str) -> str:
    """*text* in a form Qt shows character for character where it guesses the format.

    Tool tips, message boxes and labels left at Qt::AutoText render text as HTML when its
    first line looks like markup (``Qt::mightBeRichText``): an imported summary "<b>4</b>
    killed near <the grain terminal> & a substation" would lose words. Such text is escaped
    into a paragraph (which Qt then reads as HTML showing the original characters); any
    other text is returned as it is, since Qt shows it as plain text anyway.
    """
    if not QtGui.Qt.mightBeRichText(text):
        return text
    return QtGui.Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)


def plain_tooltip(text: str | None) -> str | None:
    """A ToolTipRole value that shows *text* (typed or imported) literally; None for none."""
    return as_plain(text) if text else None


class SnapshotTableModel(QAbstractTableModel, Generic[RowT]):
    """Rows of one snapshot type, one per table row, in the order they were given."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RowT] = []

    # -- our API ------------------------------------------------------------------------

    def set_rows(self, rows: Iterable[RowT]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, number: int) -> RowT | None:
        return self._rows[number] if 0 <= number < len(self._rows) else None

    def cell(self, row: RowT, column: int, role: int) -> Any:
        """What *row* shows in *column* for *role*; None for roles it does not handle."""
        raise NotImplementedError

    def header_tip(self, section: int) -> str | None:
        """A header's tool tip (which zone a time column is in, say)."""
        return None

    def refresh_columns(self, first: int, last: int | None = None) -> None:
        """Repaint whole columns whose text depends on a setting (the display zone)."""
        if self._rows:
            self.dataChanged.emit(self.index(0, first),
                                  self.index(len(self._rows) - 1, first if last is None else last))

    # -- QAbstractItemModel ---------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Override QAbstractItemModel::rowCount; a table has no children."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Override QAbstractItemModel::data: bounds-checked, then ``cell``.

        A cell without a tool tip of its own has its whole text as one, shown literally:
        a column too narrow for it elides it (issue 16).
        """
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        value = self.cell(row, index.column(), role)
        if value is None and role == Qt.ItemDataRole.ToolTipRole:
            text = self.cell(row, index.column(), Qt.ItemDataRole.DisplayRole)
            return plain_tooltip(text) if isinstance(text, str) else None
        return value

    def flags(self, index: Index) -> Qt.ItemFlag:
        return READ_ONLY if index.isValid() else Qt.ItemFlag.NoItemFlags

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is not Qt.Orientation.Horizontal or not 0 <= section < len(self.HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return translate("TableHeaders", self.HEADERS[section])
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.header_tip(section)
        return None
