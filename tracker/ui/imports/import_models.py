"""The import dialogs' tables: the first rows as a mapping reads them, and rejected rows.

The rows come from services.imports.mapping_preview, which reads them as the import would.
Rejections can run into the hundreds of thousands for a file read with the
wrong mapping; the model keeps the report's list and the view asks only for visible rows.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt

from tracker.domain.wording import say
from tracker.io.generic_layout import MAPPABLE_FIELDS
from tracker.services.imports.import_report import Rejection
from tracker.services.imports.mapping_preview import PreviewRow
from tracker.ui.common.language import QT_TRANSLATE_NOOP
from tracker.ui.common.table_model import SnapshotTableModel, plain_tooltip

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_NUMERIC = {"latitude", "longitude", "fatalities"}


class MappingPreviewModel(SnapshotTableModel[PreviewRow]):
    """The first rows of a generic CSV under the mapping being chosen."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._numeric: set[int] = set()

    def set_preview(self, titles: list[str], rows: list[PreviewRow]) -> None:
        """New columns and rows at once (the columns follow the fields mapped)."""
        numbers = {MAPPABLE_FIELDS[name] for name in _NUMERIC}
        self.beginResetModel()
        self.HEADERS = tuple(say(title) for title in titles)  # field labels: wording.py
        self._rows = list(rows)
        self._numeric = {0} | {at for at, title in enumerate(titles) if title in numbers}
        self.endResetModel()

    def cell(self, row: PreviewRow, column: int, role: int) -> Any:
        last = len(self.HEADERS) - 1
        text = str(row.line) if column == 0 else row.problem if column == last \
            else row.cells[column - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(text)  # a summary cell is cut off; an imported text
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self._numeric:
            return _RIGHT
        return None


class RejectionsModel(SnapshotTableModel[Rejection]):
    """The records an import did not take: line, column and reason."""

    HEADERS = (
        QT_TRANSLATE_NOOP("TableHeaders", "Line"),
        QT_TRANSLATE_NOOP("TableHeaders", "Column"),
        QT_TRANSLATE_NOOP("TableHeaders", "Reason"),
    )

    def cell(self, row: Rejection, column: int, role: int) -> Any:
        text = (str(row.line), row.column, row.reason)[column]
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(text)  # the reason quotes the file's value
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return _RIGHT
        return None
