"""Column widths for the window's tables: from sample texts, one column taking the rest.

Issue 16 (finding 5) found nearly every table with a horizontal scroll bar, empty ones
too, and titles, times and reasons cut. Each table now says which text is typical of each
column (its widest common value, measured in the table's own font) and which one column
(the summary, the title or the last) takes what room is left. A table narrower than its
columns' typical widths (one in a side pane, or on a small screen) narrows them all in
proportion instead of scrolling sideways, down to a few characters each; a cell too
narrow for its text elides it, and the cell's tool tip and the view's detail pane hold
the whole text. Once the user drags a column (or a saved header state is restored) the
widths are the user's, kept as they are.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Slot
from PySide6.QtWidgets import QHeaderView, QTableView

# Room for a cell's margins and the header's sort indicator beside the sample text.
CELL_MARGIN = 24
# An icon or a colour swatch drawn before the text (a status, an entry's kind).
ICON_ROOM = 22
# The narrowest a column is made to fit: an elided word or two stays readable.
NARROWEST = 48
# What the stretched column keeps when the others are narrowed.
STRETCH_KEEPS = 80


def _fitted(widths: dict[int, int], room: int) -> dict[int, int]:
    """*widths* narrowed in proportion to fit *room*, none below NARROWEST (a column that
    would be is kept at NARROWEST and the others share what is left); as they are when
    they fit."""
    if sum(widths.values()) <= room:
        return dict(widths)
    floored: set[int] = set()
    while True:
        free = [column for column in widths if column not in floored]
        wanted = sum(widths[column] for column in free)
        left = room - NARROWEST * len(floored)
        if not free or wanted <= 0 or left <= 0:  # no room beyond the narrowest
            return dict.fromkeys(widths, NARROWEST)
        scale = left / wanted
        narrow = {column for column in free if widths[column] * scale < NARROWEST}
        if not narrow:
            return {column: NARROWEST if column in floored else int(widths[column] * scale)
                    for column in widths}
        floored |= narrow


class ColumnFitter(QObject):
    """Keeps a table's columns within its width: each at its typical width when there is
    room, all narrowed in proportion when there is not; one column takes the rest."""

    def __init__(self, table: QTableView, widths: dict[int, int], stretch: int,
                 keep: Sequence[int] = ()) -> None:
        super().__init__(table)
        self._table = table
        self._widths = widths  # the width each column would like, by column
        self._stretch = stretch
        self._keep = tuple(keep)  # narrowed only once the others are at their narrowest
        self._fitting = False
        self._owned = False  # set once the user sizes a column: the widths are theirs
        table.viewport().installEventFilter(self)
        table.horizontalHeader().sectionResized.connect(self._on_section_resized)
        self.fit()

    def hand_over(self) -> None:
        """Leave the widths to the user from now on (a saved header state was restored,
        or a column dragged): they are kept as they are, even where the table scrolls."""
        self._owned = True

    def fit(self) -> None:
        if self._owned:
            return
        table = self._table
        columns = [column for column in self._widths if not table.isColumnHidden(column)]
        # The stretched column takes part when it has a typical width (a title keeps its
        # share as the table narrows); without one it keeps STRETCH_KEEPS, or as little
        # as NARROWEST where a kept column needs the room.
        widths = {column: self._widths[column] for column in columns}
        room = table.viewport().width()
        if self._stretch in columns:
            shown = self._shared(widths, room)
        else:
            shown = self._shared(widths, room - STRETCH_KEEPS)
            if any(shown[column] < widths[column] for column in self._keep if column in shown):
                shown = self._shared(widths, room - NARROWEST)
        self._fitting = True
        try:
            for column, width in shown.items():
                if column != self._stretch:
                    table.setColumnWidth(column, width)
        finally:
            self._fitting = False

    def _shared(self, widths: dict[int, int], room: int) -> dict[int, int]:
        """*widths* fitted to *room*: the kept columns narrow only after the others."""
        kept = {column: width for column, width in widths.items() if column in self._keep}
        others = {column: width for column, width in widths.items() if column not in kept}
        shown = _fitted(others, room - sum(kept.values()))
        # The others at their narrowest: the kept columns share what is left.
        return shown | _fitted(kept, room - sum(shown.values()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Override QObject.eventFilter: fit again whenever the viewport changes width."""
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    @Slot(int, int, int)
    def _on_section_resized(self, column: int, _old: int, _new: int) -> None:
        # The user dragged a column: the widths are the user's from now on.
        if not self._fitting and column != self._stretch and self._table.isVisible():
            self.hand_over()


def size_columns(table: QTableView, samples: Sequence[str | None], *,
                 stretch: int | None = None, icons: Sequence[int] = (),
                 keep: Sequence[int] = (),
                 margin: int = CELL_MARGIN,
                 elide: Qt.TextElideMode = Qt.TextElideMode.ElideRight) -> ColumnFitter:
    """Width each column of *table* for its sample text (None: no width of its own);
    column *stretch* (the last when None) takes the room that is left, and the columns
    narrow together when the table is narrower than their samples.

    *icons* lists columns that draw an icon before their text; *keep* the columns that
    keep their width while the others can narrow (an event's summary). Call it after the
    model is set (the header has no sections before).
    """
    metrics = table.fontMetrics()
    widths = {column: metrics.horizontalAdvance(sample) + margin
              + (ICON_ROOM if column in icons else 0)
              for column, sample in enumerate(samples) if sample is not None}
    table.setTextElideMode(elide)
    table.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
    last = table.horizontalHeader().count() - 1
    stretch_column(table, last if stretch is None else stretch)
    return ColumnFitter(table, widths, last if stretch is None else stretch, keep)


def stretch_column(table: QTableView, column: int) -> None:
    """Let *column* of *table* take the width the other columns leave, and no more."""
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    if column == header.count() - 1:
        # A stretched last section never narrows below the width it had when stretching
        # began (the header's default, 100 pixels, pushed small tables into scrolling),
        # so it starts from the narrowest. It stays resizable, unlike a Stretch section.
        table.setColumnWidth(column, NARROWEST)
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)


def fits_across(table: QTableView) -> bool:
    """Whether *table* shows every column without scrolling sideways."""
    bar = table.horizontalScrollBar()
    return bar.maximum() == 0 or not bar.isVisible()
