"""The Chronology table: rounds, schedule changes, readings, claims on a day and a place
and events in one time order.

Like the Events table it is paged (``paging.PageCache``): the service merges the few
rounds, changes and readings with the events a page needs, read off the date index
(``services.chronology``), and the model reads the pages on screen only.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont
from sqlalchemy.exc import SQLAlchemyError

from tracker.domain.chronology import ChronologyEntry, EntryKind
from tracker.domain.wording import label_of
from tracker.services.chronology import chronology
from tracker.ui.common.language import QT_TRANSLATE_NOOP, translate
from tracker.ui.common.paging import Neighbour, PageCache
from tracker.ui.common.table_model import plain_tooltip
from tracker.ui.common.workspace import Workspace
from tracker.ui.events.events_model import elide

log = logging.getLogger(__name__)

RecordRole = Qt.ItemDataRole.UserRole  # (EntryKind, record id)
EntryRole = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex

KIND_COLOURS = {
    EntryKind.ROUND: QColor("#1565c0"),
    EntryKind.SCHEDULE_CHANGE: QColor("#6a1b9a"),
    EntryKind.FACTOR_READING: QColor("#ef6c00"),
    EntryKind.CLAIM: QColor("#2e7d32"),
    EntryKind.EVENT: QColor("#b71c1c"),
}
HEADERS = (
    QT_TRANSLATE_NOOP("TableHeaders", "When"),
    QT_TRANSLATE_NOOP("TableHeaders", "Kind"),
    QT_TRANSLATE_NOOP("TableHeaders", "Title"),
    QT_TRANSLATE_NOOP("TableHeaders", "Detail"),
    QT_TRANSLATE_NOOP("TableHeaders", "Place"),
    QT_TRANSLATE_NOOP("TableHeaders", "Links"),
    QT_TRANSLATE_NOOP("TableHeaders", "Sources"),
)
WHEN, KIND, TITLE, DETAIL, PLACE, LINKS, SOURCES = range(len(HEADERS))


def _list_text(items: tuple[str, ...]) -> str:
    if not items:
        return ""
    return elide(items[0], 60) + (f" (+{len(items) - 1})" if len(items) > 1 else "")


class ChronologyModel(QAbstractTableModel):
    """Chronology entries between two optional days, read a page at a time.

    Signals:
        count_changed(int): the number of entries after each (re)count.
    """

    count_changed = Signal(int)

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._from: date | None = None
        self._to: date | None = None
        # The reader's zone: the days of the range, and the times of instants, are in it.
        self._tz = "UTC"
        # Undone changes and their undos, told as corrections; left out by default.
        self._corrections = False
        self._count = 0
        self.pages: PageCache[ChronologyEntry] = PageCache(self._fetch)
        self._recount()

    @property
    def date_range(self) -> tuple[date | None, date | None]:
        return self._from, self._to

    def set_range(self, date_from: date | None, date_to: date | None) -> None:
        if (date_from, date_to) != (self._from, self._to):
            self._from, self._to = date_from, date_to
            self.refresh()

    @property
    def time_zone(self) -> str:
        """The reader's zone, in which the range's days and the entries' times are."""
        return self._tz

    @property
    def corrections(self) -> bool:
        return self._corrections

    def set_corrections(self, shown: bool) -> None:
        """Show retracted changes and retractions as corrections, or leave them out."""
        if shown != self._corrections:
            self._corrections = shown
            self.refresh()

    def set_time_zone(self, tz: str) -> None:
        if tz == self._tz:
            return
        self._tz = tz
        if self._from is None and self._to is None:
            # The zone changes the words, not which entries there are (a range's days
            # are the reader's): drop the told pages but keep the count, a count of
            # every event (the window sets its zone while it opens).
            self.beginResetModel()
            self.pages.clear()
            self.endResetModel()
        else:
            self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self.pages.clear()
        self._recount()
        self.endResetModel()
        self.count_changed.emit(self._count)

    def entry_at(self, row: int) -> ChronologyEntry | None:
        return self.pages.row(row) if 0 <= row < self._count else None

    def _fetch(self, offset: int, limit: int, near: Neighbour[ChronologyEntry] | None,
               ) -> list[ChronologyEntry]:
        # As in the Events table: read on from a neighbouring page's edge entry if any.
        after = near.row if near is not None and near.before else None
        before = near.row if near is not None and not near.before else None
        try:
            return self._workspace.read(lambda session: chronology.chronology_page(
                session, offset=offset, limit=limit, date_from=self._from, date_to=self._to,
                tz=self._tz, after=after, before=before, total=self._count,
                corrections=self._corrections))
        except SQLAlchemyError:
            log.exception("Could not read chronology entries %d–%d", offset, offset + limit)
            return []

    def _recount(self) -> None:
        try:
            self._count = self._workspace.read(lambda session: chronology.count_chronology(
                session, date_from=self._from, date_to=self._to, tz=self._tz,
                corrections=self._corrections))
        except SQLAlchemyError:
            log.exception("Could not count the chronology")
            self._count = 0

    # -- QAbstractItemModel ----------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._count:
            return None
        entry = self.pages.row(index.row())
        if entry is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(entry, column)
        if role == Qt.ItemDataRole.DecorationRole and column == KIND:
            return KIND_COLOURS[entry.kind]
        if role == Qt.ItemDataRole.FontRole and entry.kind is EntryKind.ROUND:
            # Rounds are the spine of the chronology; bold lets the eye find them.
            font = QFont()
            font.setBold(True)
            return font
        if role == RecordRole:
            return (entry.kind, entry.record_id)
        if role == EntryRole:
            return entry
        return None

    @staticmethod
    def _display(entry: ChronologyEntry, column: int) -> str:
        if column == WHEN:
            return entry.when_text
        if column == KIND:
            return label_of(entry.kind)
        if column == TITLE:
            return entry.title
        if column == DETAIL:
            return elide(entry.detail, 160)
        if column == PLACE:
            return entry.place
        if column == LINKS:
            return _list_text(entry.links)
        return _list_text(entry.sources)

    @staticmethod
    def _tooltip(entry: ChronologyEntry, column: int) -> str | None:
        # Every cell's whole text, for a column too narrow for it (issue 16). Titles,
        # details, places, links and sources are typed or imported: shown literally.
        if column == DETAIL:
            return plain_tooltip(entry.detail)
        if column == LINKS:
            return plain_tooltip("\n".join(entry.links))
        if column == SOURCES:
            return plain_tooltip("\n".join(entry.sources))
        if column == TITLE:
            return plain_tooltip(entry.title)
        if column == PLACE:
            return plain_tooltip(entry.place)
        # The when and the kind are our own words, whole in the tip where a cell elides.
        return entry.when_text if column == WHEN else label_of(entry.kind)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | \
            Qt.ItemFlag.ItemNeverHasChildren

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(HEADERS):
            return translate("TableHeaders", HEADERS[section])
        return None
