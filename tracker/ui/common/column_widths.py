"""Column widths for the window's tables: from sample texts, one column taking the rest.

Issue 16 (finding 5) found nearly every table with a horizontal scroll bar, empty ones
too, and titles, times and reasons cut. Each table now says which text is typical of each
column (its widest common value, measured in the table's own font) and which one column
(the summary, the title or the last) takes what room is left. That column shrinks first
as the window narrows, so the table fits across whenever the other columns do; a cell
too narrow for its text elides it, and the cell's tool tip and the view's detail pane
hold the whole text.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableView

# Room for a cell's margins and the header's sort indicator beside the sample text.
CELL_MARGIN = 24
# An icon or a colour swatch drawn before the text (a status, an entry's kind).
ICON_ROOM = 22


def size_columns(table: QTableView, samples: Sequence[str | None], *,
                 stretch: int | None = None, icons: Sequence[int] = (),
                 elide: Qt.TextElideMode = Qt.TextElideMode.ElideRight) -> None:
    """Width each column of *table* for its sample text (None leaves a column as it is);
    column *stretch* (the last when None) takes the room that is left.

    *icons* lists columns that draw an icon before their text. Call it after the model
    is set (the header has no sections before).
    """
    header = table.horizontalHeader()
    metrics = table.fontMetrics()
    for column, sample in enumerate(samples):
        if sample is None:
            continue
        extra = CELL_MARGIN + (ICON_ROOM if column in icons else 0)
        table.setColumnWidth(column, metrics.horizontalAdvance(sample) + extra)
    table.setTextElideMode(elide)
    if stretch is None or stretch == header.count() - 1:
        header.setStretchLastSection(True)
        return
    header.setStretchLastSection(False)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


def fits_across(table: QTableView) -> bool:
    """Whether *table* shows every column without scrolling sideways."""
    bar = table.horizontalScrollBar()
    return bar.maximum() == 0 or not bar.isVisible()
