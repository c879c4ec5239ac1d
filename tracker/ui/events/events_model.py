"""The Events table: a paged model over ``services.events``, sorted and filtered in SQL.

The model never holds more than a few pages of rows (see ``paging.PageCache``): a row
that is painted but not cached brings its page with ``fetch_events``, read on from a
neighbouring page's edge row when there is one. Sorting re-queries with ORDER BY
(``sort`` is overridden, no proxy model), filtering swaps the ``EventFilter`` and resets
the model.

First rows first (issue 19): a filter change reads the first rows at once (a
screenful, ``FIRST_ROWS``), one LIMIT over an index, and shows them; the exact count
(``count_events``: at a million events a count under a place or words reads every
match) goes to the window's one runner and arrives a moment later, when the rows beyond
the first ones are inserted (``beginInsertRows``, so the scroll position stays). Fewer
first rows than asked for are their own exact count, so small tables never wait. A
count for an older filter is dropped.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from tracker.domain.enums import Precision
from tracker.domain.event_time import TimeShape
from tracker.domain.wording import label_of, say
from tracker.services.common.views import EventRow
from tracker.services.events import events
from tracker.services.events.events import EventFilter
from tracker.storage.deferred_build import StillBuilding
from tracker.ui.common.db_op import query_op
from tracker.ui.common.error_boundary import Failure
from tracker.ui.common.language import QT_TRANSLATE_NOOP, translate
from tracker.ui.common.paging import Neighbour, PageCache
from tracker.ui.common.table_model import plain_tooltip
from tracker.ui.common.workspace import Workspace
from tracker.ui.events.event_text import EventIdRole, elide

log = logging.getLogger(__name__)

EventRowRole = Qt.ItemDataRole.UserRole + 1
# The event's record status ('current', 'withdrawn', 'merged'): rows not counted are
# struck through (issue 17).
RecordStatusRole = Qt.ItemDataRole.UserRole + 2

UNKNOWN = "—"
# The rows a filter change reads before the first paint: a screenful on most screens
# (a taller table shows these until the count, a moment later, adds the rest). For
# common words a screenful is found in a few milliseconds, where a whole page takes the
# full list of matches (``word_walk``).
FIRST_ROWS = 64

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class Column:
    title: str
    sort_key: str | None  # a name in events.SORTABLE, or None when not sortable
    sample: str  # typical widest text, for the default column width


COLUMNS = (
    # A span is the widest date; the summary column gives up the room.
    Column(
        QT_TRANSLATE_NOOP("TableHeaders", "Date"), "event_date",
        "24 Feb – 30 Sep 2022 (reported as one record)"),
    Column(
        QT_TRANSLATE_NOOP("TableHeaders", "Type"), "event_type",
        "Explosions/Remote violence"),
    Column(
        QT_TRANSLATE_NOOP("TableHeaders", "Sub-type"), "sub_event_type",
        "Shelling/artillery/missile"),
    Column(
        QT_TRANSLATE_NOOP("TableHeaders", "Target"), "target_category",
        "communications"),
    Column(
        QT_TRANSLATE_NOOP("TableHeaders", "Place"), "location",
        "Zaporizhzhia, Zaporizka"),
    Column(
        QT_TRANSLATE_NOOP("TableHeaders", "Fatalities"), "fatalities",
        "Fatalities"),
    Column(
        QT_TRANSLATE_NOOP("TableHeaders", "Injuries"), "injuries",
        "Fatalities"),
    Column(
        QT_TRANSLATE_NOOP("TableHeaders", "Actor 1"), "actor1",
        "Military Forces of Russia"),
    Column(
        QT_TRANSLATE_NOOP("TableHeaders", "Summary"), None,
        "A drone hit a maternity ward in Zaporizhzhia; at least six people"),
    Column(
        QT_TRANSLATE_NOOP("TableHeaders", "Dataset"), "dataset",
        "dataset"),
)
DATE, TYPE, SUB_TYPE, TARGET, PLACE, FATALITIES, INJURIES, ACTOR1, SUMMARY, DATASET = range(
    len(COLUMNS)
)


def date_text(row: EventRow) -> str:
    """The date the way it was reported: a week-precision date never reads as a day."""
    return row.time.describe()


def count_text(value: int | None) -> str:
    return UNKNOWN if value is None else str(value)


def display_text(row: EventRow, column: int) -> str:
    values = {
        DATE: date_text, TYPE: lambda r: r.event_type, SUB_TYPE: lambda r: r.sub_event_type,
        TARGET: lambda r: say(r.target_category), PLACE: lambda r: r.place,
        FATALITIES: lambda r: count_text(r.fatalities),
        INJURIES: lambda r: count_text(r.injuries), ACTOR1: lambda r: r.actor1,
        SUMMARY: lambda r: elide(r.summary), DATASET: lambda r: r.dataset,
    }
    return str(values[column](row))


class EventsTableModel(QAbstractTableModel):
    """Battlefield events under a filter and a sort, read a page at a time.

    With ``checkable=True`` the first column carries a check box (the link dialog's
    search); ids in ``disabled_ids`` are shown but cannot be checked (already linked).

    Signals:
        counts_changed(int, int): matching rows and all events, after each (re)count,
            exact (it may come after the first rows: ``is_counting``).
        counting_started(): the first rows are shown and the exact count was sent to
            the runner; ``rowCount`` is the rows read so far until ``counts_changed``.
        checked_changed(): the set of checked event ids changed.
    """

    counts_changed = Signal(int, int)
    counting_started = Signal()
    checked_changed = Signal()

    def __init__(
        self, workspace: Workspace, parent: QObject | None = None, *, checkable: bool = False,
        checked: set[int] | None = None,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._filter = EventFilter()
        self._sort = "event_date"
        self._descending = False
        self._count = 0  # the rows shown: exact, or the rows read so far while counting
        self._total = 0
        self._counted = False  # _count is the exact count under the filter
        self._total_known = False  # _total counts the events as they are now
        # Bumped at every (re)count: a count that comes back for an older one is stale.
        self._generation = 0
        self._checkable = checkable
        # The link dialog shares one set between its two tabs.
        self._checked: set[int] = checked if checked is not None else set()
        self._disabled: frozenset[int] = frozenset()
        self.pages: PageCache[EventRow] = PageCache(self._fetch)
        # The rows a filter change reads first: FIRST_ROWS, or the screenful of a taller
        # table showing this model (its view keeps it so: events_view.py).
        self.first_rows = FIRST_ROWS
        self._read_first_rows()
        self._count_later()

    # -- our API -----------------------------------------------------------------------

    @property
    def event_filter(self) -> EventFilter:
        return self._filter

    @property
    def sort_key(self) -> str:
        return self._sort

    @property
    def descending(self) -> bool:
        return self._descending

    @property
    def checkable(self) -> bool:
        return self._checkable

    @property
    def total(self) -> int:
        return self._total

    def is_counting(self) -> bool:
        """Whether the exact count is still on its way (``counts_changed`` brings it)."""
        return not (self._counted and self._total_known)

    def set_filter(self, flt: EventFilter) -> None:
        if flt == self._filter:
            return
        self._filter = flt
        self._reload(data_changed=False)  # the events are the same: so is their total

    def refresh(self) -> None:
        """Forget cached pages and counts, and re-read what is on screen."""
        self._reload(data_changed=True)

    def reveal(self, row: int) -> None:
        """Make *row* a row of the table before the count arrives (selecting an event
        found deeper than the first rows); the rows are real, the count adds the rest."""
        if not self._counted and row >= self._count:
            self.beginInsertRows(QModelIndex(), self._count, row)
            self._count = row + 1
            self.endInsertRows()

    def _reload(self, *, data_changed: bool) -> None:
        self.beginResetModel()
        self._generation += 1
        if data_changed:
            self._total_known = False
        self._read_first_rows()
        self.endResetModel()
        self._count_later()

    def _read_first_rows(self) -> None:
        """The first rows, now: a screenful, one LIMIT over an index (the rest of their
        page is read when it is scrolled to). Fewer than asked for, they are all there
        is, so their number is the exact count."""
        self._counted = False
        wanted = min(self.first_rows, self.pages.page_size)
        self._count = self.pages.read_first(wanted)
        self._counted = self._count < wanted
        if self._counted and self._filter == EventFilter():
            self._total, self._total_known = self._count, True

    def _count_later(self) -> None:
        """Tell the exact counts now if they are known, else ask the runner for them."""
        if not self.is_counting():
            self.counts_changed.emit(self._count, self._total)
            return
        generation, flt = self._generation, self._filter

        def counts(session: Session) -> tuple[int, int]:
            total = events.count_events(session)
            matching = total if flt == EventFilter() else events.count_events(session, flt)
            return matching, total

        self._workspace.runner.submit(
            query_op(self.tr("Count events"), self.tr("the count of events"), counts)
            .owned_by(self).replacing(f"events-count-{id(self)}")
            .on_success(lambda found: self._on_counted(generation, found))
            .on_failure(lambda failure: self._on_count_failed(generation, failure)))
        self.counting_started.emit()

    def _on_counted(self, generation: int, found: tuple[int, int]) -> None:
        if generation != self._generation:
            return  # counted for a filter or data no longer shown
        matching, self._total = found
        self._total_known = True
        self._set_count(matching)

    def _on_count_failed(self, generation: int, failure: Failure) -> None:
        if generation != self._generation or failure.cancelled:
            return  # stale, or dropped as the database closes: a refresh follows
        # A locked or vanished database: keep the rows read, as data() keeps empty rows.
        log.error("Could not count events: %s", failure.message)
        self._total_known = True
        self._set_count(self._count)

    def _set_count(self, matching: int) -> None:
        """Grow or shrink the table to the exact count, keeping the rows shown in place."""
        if matching > self._count:
            self.beginInsertRows(QModelIndex(), self._count, matching - 1)
            self._count, self._counted = matching, True
            self.endInsertRows()
        elif matching < self._count:
            self.beginRemoveRows(QModelIndex(), matching, self._count - 1)
            self._count, self._counted = matching, True
            self.endRemoveRows()
        self._counted = True
        self.counts_changed.emit(self._count, self._total)

    def event_at(self, row: int) -> EventRow | None:
        return self.pages.row(row) if 0 <= row < self._count else None

    def checked_ids(self) -> frozenset[int]:
        return frozenset(self._checked)

    def set_disabled_ids(self, ids: frozenset[int]) -> None:
        self._disabled = ids
        self._checked -= ids
        self.notify_checks_changed()

    def notify_checks_changed(self) -> None:
        """The checked set changed outside this model; repaint the check boxes."""
        if self._count:
            self.dataChanged.emit(self.index(0, 0), self.index(self._count - 1, 0))

    def _fetch(self, offset: int, limit: int, near: Neighbour[EventRow] | None,
               ) -> list[EventRow]:
        # Next to a cached page, read on from its edge row (one index seek); otherwise
        # by position, which the service reads from the nearer end given the count.
        after = near.row if near is not None and near.before else None
        before = near.row if near is not None and not near.before else None
        # Until the count arrives the service is told no total (it reads by offset).
        total = self._count if self._counted else None
        try:
            return self._workspace.read(lambda session: events.fetch_events(
                session, self._filter, sort=self._sort, descending=self._descending,
                offset=offset, limit=limit, after=after, before=before, total=total,
            ))
        except (SQLAlchemyError, StillBuilding):
            # A locked or vanished database must not raise out of data(); the rows show
            # empty until the next refresh (after an import's build, the status bar says
            # what is still being built, and its end refreshes).
            log.exception("Could not read events %d–%d", offset, offset + limit)
            return []

    # -- QAbstractItemModel ----------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Override QAbstractItemModel.rowCount: the filtered count, not what is cached."""
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._count:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in (FATALITIES, INJURIES):
                return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            return None
        row = self.pages.row(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return display_text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.CheckStateRole and self._checkable and column == 0:
            checked = row.id in self._checked or row.id in self._disabled
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if role == EventIdRole:
            return row.id
        if role == EventRowRole:
            return row
        if role == RecordStatusRole:
            return row.record_status
        if role == Qt.ItemDataRole.FontRole and row.record_status != "current":
            font = QFont()
            font.setStrikeOut(True)
            return font
        return None

    def _tooltip(self, row: EventRow, column: int) -> str | None:
        if row.record_status == "withdrawn":
            return self.tr("Withdrawn by its source: a newer release no longer has this "
                           "event. Kept, but left out of counts and analysis.")
        if row.record_status == "merged":
            return self.tr("Merged into the same event from another dataset: counted "
                           "once, as that event.")
        if column == SUMMARY:
            return plain_tooltip(row.summary)  # imported text: shown as it is, never as HTML
        if column == DATE and row.time.shape is TimeShape.SPAN:
            return self.tr("{when}: the dataset gives one record over these %n days, without "
                           "saying which of them", "", row.time.days).format(
                               when=row.time.describe())
        if column == DATE and row.date_precision is not Precision.DAY:
            return self.tr("Reported with {precision} precision").format(
                precision=label_of(row.date_precision))
        if column in (FATALITIES, INJURIES):
            value = row.fatalities if column == FATALITIES else row.injuries
            return self.tr("Not reported") if value is None else None
        if column == PLACE and row.admin2:
            return plain_tooltip(", ".join(p for p in (row.location, row.admin2, row.admin1)
                                           if p))
        if row.id in self._disabled:
            return self.tr("Already linked")
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Override QAbstractItemModel.setData: only the check box is editable."""
        if not (index.isValid() and self._checkable and index.column() == 0
                and role == Qt.ItemDataRole.CheckStateRole):
            return False
        row = self.pages.row(index.row())
        if row is None or row.id in self._disabled:
            return False
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self._checked.add(row.id)
        else:
            self._checked.discard(row.id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checked_changed.emit()
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | \
            Qt.ItemFlag.ItemNeverHasChildren
        if self._checkable and self._disabled:
            row = self.pages.cached(index.row())
            if row is not None and row.id in self._disabled:
                return Qt.ItemFlag.ItemNeverHasChildren
        if self._checkable and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        column = COLUMNS[section]
        title = translate("TableHeaders", column.title)
        if role == Qt.ItemDataRole.DisplayRole:
            return title
        if role == Qt.ItemDataRole.ToolTipRole and column.sort_key is None:
            return self.tr("{column} (not sortable)").format(column=title)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Override QAbstractItemModel.sort: re-query with ORDER BY; unsortable columns
        are ignored."""
        if not 0 <= column < len(COLUMNS):
            return
        key = COLUMNS[column].sort_key
        descending = order == Qt.SortOrder.DescendingOrder
        if key is None or (key, descending) == (self._sort, self._descending):
            return
        self._sort, self._descending = key, descending
        # The row count does not change, so only the cached pages are dropped.
        self.beginResetModel()
        self.pages.clear()
        self.endResetModel()

    def sort_column(self) -> int:
        """The column the model is sorted by (for the header's indicator)."""
        for number, column in enumerate(COLUMNS):
            if column.sort_key == self._sort:
                return number
        return DATE
