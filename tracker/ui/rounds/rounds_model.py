"""The rounds table: a Qt adapter over ``rounds.list_rounds`` snapshots.

The model holds frozen RoundRow snapshots, never ORM objects, and re-reads them when the
workspace says rounds or links changed. When the same rounds come back in the same order
only ``dataChanged`` is emitted, so the selection and scroll position survive an edit;
otherwise the model resets and the view restores its selection by round id.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt, Slot
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPixmap

from tracker.domain.enums import RoundStatus
from tracker.domain.wording import label_of
from tracker.services import rounds
from tracker.services.common.views import RoundRow
from tracker.services.rounds import AsOf
from tracker.services.rounds.relocation import venue_zone_text
from tracker.ui.common.language import QT_TRANSLATE_NOOP
from tracker.ui.common.table_model import Index, SnapshotTableModel, plain_tooltip
from tracker.ui.common.theme import alert_text_colour
from tracker.ui.common.workspace import Topic, Workspace

RoundIdRole = Qt.ItemDataRole.UserRole
SortRole = Qt.ItemDataRole.UserRole + 1
RowRole = Qt.ItemDataRole.UserRole + 2
FilterTextRole = Qt.ItemDataRole.UserRole + 3

COLUMNS = (
    QT_TRANSLATE_NOOP("TableHeaders", "Title"),
    QT_TRANSLATE_NOOP("TableHeaders", "Track"),
    QT_TRANSLATE_NOOP("TableHeaders", "Status"),
    QT_TRANSLATE_NOOP("TableHeaders", "When (round's zone)"),
    QT_TRANSLATE_NOOP("TableHeaders", "When (your zone)"),
    QT_TRANSLATE_NOOP("TableHeaders", "Venue"),
    QT_TRANSLATE_NOOP("TableHeaders", "Participants"),
    QT_TRANSLATE_NOOP("TableHeaders", "Linked events"),
)
(TITLE, TRACK, STATUS, WHEN_VENUE, WHEN_USER, VENUE, PARTICIPANTS, LINKED) = range(len(COLUMNS))

# One hue per status, readable on light and dark backgrounds; the icon carries the
# colour so the text keeps the palette's contrast.
STATUS_COLOURS = {
    RoundStatus.PROPOSED: "#8e8e93",
    RoundStatus.SCHEDULED: "#1e88e5",
    RoundStatus.CONFIRMED: "#00897b",
    RoundStatus.HELD: "#43a047",
    RoundStatus.POSTPONED: "#fb8c00",
    RoundStatus.CANCELLED: "#e53935",
}
STATUS_ORDER = {status: rank for rank, status in enumerate(STATUS_COLOURS)}


@cache
def status_icon(status: RoundStatus) -> QIcon:
    """A filled dot in the status colour (hollow for proposed: nothing is fixed yet)."""
    icon = QIcon()
    for size in (16, 32):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = QColor(STATUS_COLOURS[status])
        margin = size // 4
        if status is RoundStatus.PROPOSED:
            painter.setPen(colour)
        else:
            # A light ring keeps the dot visible on the selection highlight.
            painter.setPen(QColor(255, 255, 255, 200))
            painter.setBrush(colour)
        painter.drawEllipse(margin, margin, size - 2 * margin - 1, size - 2 * margin - 1)
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def status_text(status: RoundStatus) -> str:
    return label_of(status).capitalize()


class RoundsTableModel(SnapshotTableModel[RoundRow]):
    """Rounds that are not deleted, one per row, in the order the service gives them; or,
    while a past day is chosen, the rounds known then, with their schedule as then."""

    HEADERS = COLUMNS

    def __init__(self, workspace: Workspace, display_tz: str,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._display_tz = display_tz
        self._as_of: AsOf | None = None
        workspace.changed.connect(self._on_changed)
        workspace.database_replaced.connect(self.reload)
        self.reload()

    # -- our API ------------------------------------------------------------------------

    @Slot()
    def reload(self) -> None:
        as_of = self._as_of
        fresh = self._workspace.read(lambda session: rounds.list_rounds(session, as_of))
        if [row.id for row in fresh] == [row.id for row in self._rows]:
            self._rows = fresh
            self.refresh_columns(0, len(COLUMNS) - 1)
            return
        self.set_rows(fresh)

    def set_display_zone(self, tz: str) -> None:
        self._display_tz = tz
        self.refresh_columns(WHEN_USER)

    def set_as_of(self, as_of: AsOf | None) -> None:
        """List the rounds as known at the end of that day (None: as they are now)."""
        self._as_of = as_of
        self.reload()

    @property
    def as_of(self) -> AsOf | None:
        return self._as_of

    def row_of(self, round_id: int) -> int | None:
        return next((i for i, row in enumerate(self._rows) if row.id == round_id), None)

    @Slot(object)
    def _on_changed(self, topic: Topic) -> None:
        if topic & (Topic.ROUNDS | Topic.LINKS):
            self.reload()

    # -- SnapshotTableModel ---------------------------------------------------------------

    def header_tip(self, section: int) -> str | None:
        if section == WHEN_USER:
            return self.tr("The window shown in your time zone ({zone})").format(
                zone=self._display_tz)
        if section == WHEN_VENUE:
            # A round with no venue has only the zone its time was given in: calling
            # that "the venue's" would place it somewhere nobody announced.
            return self.tr("The window in the round's own zone: the venue's where a venue "
                           "is named, otherwise the zone its time was given in")
        return None

    def cell(self, row: RoundRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == RoundIdRole:
            return row.id
        if role == RowRole:
            return row
        if role == SortRole:
            return self._sort_key(row, column)
        if role == FilterTextRole:
            return self._filter_text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            # Titles, tracks, venues and parties are typed text: shown literally.
            return plain_tooltip(self._tool_tip(row, column))
        if role == Qt.ItemDataRole.DecorationRole and column == STATUS:
            return status_icon(row.status)
        if role == Qt.ItemDataRole.ForegroundRole and row.status is RoundStatus.CANCELLED:
            return QBrush(alert_text_colour())  # readable on light and dark (theme.py)
        if role == Qt.ItemDataRole.FontRole and column == TITLE \
                and row.status is RoundStatus.CANCELLED:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == LINKED:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: RoundRow, column: int) -> str | int:
        match column:
            case 0:
                return row.title
            case 1:
                return row.track
            case 2:
                return status_text(row.status)
            case 3:
                return row.window.describe()
            case 4:
                return row.window.describe(self._display_tz)
            case 5:
                return row.venue.label if row.venue else "—"
            case 6:
                return row.participants
            case _:
                return row.linked_events

    def _sort_key(self, row: RoundRow, column: int) -> str | int | float:
        if column in (WHEN_VENUE, WHEN_USER):
            return row.window.sort_key().timestamp()
        if column == STATUS:
            return STATUS_ORDER[row.status]
        if column == LINKED:
            return row.linked_events
        return str(self._display(row, column)).casefold()

    def _tool_tip(self, row: RoundRow, column: int) -> str:
        if column in (WHEN_VENUE, WHEN_USER):
            return self.tr("{window} ({zone}, {precision})\nIn your zone ({your_zone}): "
                           "{your_window}").format(
                window=row.window.describe(), zone=row.window.tz,
                precision=label_of(row.window.precision), your_zone=self._display_tz,
                your_window=row.window.describe(self._display_tz))
        if column == VENUE and row.venue is not None:
            return f"{row.venue.label} — {venue_zone_text(row.venue.time_zone)}"
        return str(self._display(row, column))

    @staticmethod
    def _filter_text(row: RoundRow) -> str:
        venue = row.venue.label if row.venue else ""
        return " ".join((row.title, row.track, row.status.value, row.format.value, venue,
                         row.participants, row.window.describe())).casefold()


class RoundsProxyModel(QSortFilterProxyModel):
    """Sorts by SortRole and keeps rows whose text contains every typed word."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: tuple[str, ...] = ()
        self.setSortRole(SortRole)
        self.setDynamicSortFilter(True)

    def set_filter_text(self, text: str) -> None:
        words = tuple(text.casefold().split())
        if words == self._words:
            return
        # begin/endFilterChange (Qt 6.10) replace the deprecated invalidateRowsFilter.
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            self._words = words
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            self._words = words
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        """Override QSortFilterProxyModel::filterAcceptsRow."""
        if not self._words:
            return True
        model = self.sourceModel()
        haystack = model.index(source_row, 0, source_parent).data(FilterTextRole) or ""
        return all(word in haystack for word in self._words)
