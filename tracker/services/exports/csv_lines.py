"""The chronology's CSV with most events written as lines put together from plain rows
(issue 19).

A million-event export spent its time turning each row into a ChronologyEntry and
then into cells. For an event with no links, sources or claims, every cell is a plain
function of its columns, and most of those columns repeat: a few thousand distinct
dates, kinds, places, actors and tolls over a million rows. So SQL returns the plain
values, in order, and each distinct one is told once, by the general path itself
(services/exports/csv_cells.py); per row, Python joins those texts with the event's
own cells (its summary, id and coordinates), guarded and quoted as ``csv.writer``
would. An earlier version had SQL guard and quote every text cell (a GLOB per cell
per row): that cost more than the whole rest of the export.

The other events (linked, cited, claimed, withdrawn or merged, or with a target category
of the database's own) are told by the general path, as are rounds, changes and
readings, each merged in where it belongs. Both paths give the same bytes
(tests/services/exports/test_csv_lines.py). PostgreSQL takes the general path.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator
from datetime import date
from typing import Any, TextIO, TypeVar

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Select,
    func,
    literal_column,
    select,
    union,
)
from sqlalchemy.orm import Session

from tracker.domain.chronology import ChronologyEntry, EntryKind
from tracker.domain.claims import CasualtyClaim
from tracker.domain.enums import TargetCategory
from tracker.domain.events import MIDWEEK_DATASETS, BattlefieldEvent, EventLink
from tracker.domain.sources import Citation
from tracker.io.chronology_csv import LINE_END, CsvBlock, CsvRows, write_csv_rows
from tracker.services.chronology.chronology import ChronologyScope, iter_scope
from tracker.services.chronology.chronology_order import SortKey, first_event_day, key_of
from tracker.services.chronology.chronology_stream import stream_events
from tracker.services.exports.csv_cells import NEEDS_QUOTES, EventCells, csv_cell
from tracker.storage.counted_events import RecordStatus

PROGRESS_EVERY = 1000  # entries between two reports of progress
LINES_PER_BLOCK = 2000  # rows fetched, and written, at a time
_NO_MORE = "\uffff"  # after every day's ISO text: no other fact waits for a day


def _sql_text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _told_apart() -> ColumnElement[bool]:
    """Events the general path tells, found on their own row: withdrawn or merged ones
    (their notes) and those with a database's own target category (its phrase)."""
    event = BattlefieldEvent
    known = ("", *(member.value for member in TargetCategory))
    return (event.record_status != RecordStatus.CURRENT.value) | \
        event.target_category.not_in(known)


def _with_more() -> CompoundSelect[tuple[int]]:
    """The events that have links, sources or claims: the general path tells them."""
    return union(select(EventLink.event_id), select(Citation.event_id)
                 .where(Citation.event_id.is_not(None)), select(CasualtyClaim.event_id))


def _rows_query(conditions: list[ColumnElement[bool]]) -> Select[*tuple[Any, ...]]:
    """Per event, in (day, id) order: its day, its time's key, id, whether it is told
    apart, and its plain values in the order ``_merged`` takes them."""
    event = BattlefieldEvent
    midweek = ", ".join(_sql_text(dataset) for dataset in MIDWEEK_DATASETS)
    time_key: ColumnElement[str] = literal_column(
        "event_date || '|' || date_precision || '|' || ifnull(event_date_end, '') || '|' "
        f"|| (dataset IN ({midweek}))")
    return (select(event.event_date, time_key, event.id, _told_apart(), event.event_type,
                   event.sub_event_type, event.target_category, event.summary,
                   event.fatalities, event.injuries, event.fatalities_low,
                   event.fatalities_high, event.location, event.admin1, event.actor1,
                   event.actor2, func.ifnull(event.latitude, ""),
                   func.ifnull(event.longitude, ""), event.country, event.dataset,
                   event.external_id)
            .where(*conditions).order_by(event.event_date, event.id))


def _boundary(key: SortKey | None) -> str:
    """The first day (ISO text) whose events sort after *key*: a fact goes before them."""
    if key is None or key.undated:
        return _NO_MORE
    return first_event_day(key.when).isoformat()


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def csv_chronology(session: Session, scope: ChronologyScope,
                   rows: CsvRows) -> Iterator[ChronologyEntry | CsvBlock] | None:
    """The chronology of *scope* for ``write_csv_rows``: blocks of lines put together
    from plain rows, and entries for the rest; None where this path does not apply
    (PostgreSQL), for the caller to take the general one."""
    if _dialect(session) != "sqlite":
        return None
    return _merged(session, scope, rows)


def _merged(session: Session, scope: ChronologyScope,
            rows: CsvRows) -> Generator[ChronologyEntry | CsvBlock, None, None]:
    event = BattlefieldEvent
    told_apart: Generator[tuple[date, ChronologyEntry], None, None] = stream_events(
        session, [*scope.conditions, event.id.in_(_with_more())])
    apart = next(told_apart, None)
    apart_id = apart[1].record_id if apart else -1
    others = iter(scope.others)
    upcoming = next(others, None)
    boundary = _boundary(upcoming)
    cells = EventCells(rows)
    # The caches' dicts, looked in per row; a miss tells the value (and keeps it).
    whens, kinds, places = cells.when.known, cells.kinds.known, cells.place.known
    actors, origins, figures = cells.actors.known, cells.origin.known, cells.figures.known
    guard, needs_quotes, kind = cells.guard, NEEDS_QUOTES, csv_cell(EntryKind.EVENT.value)
    # The lines here are of current events only (the others are told apart): their
    # record_status is the same, then the export's own trailing cells.
    ending = "".join("," + csv_cell(cell) for cell in (RecordStatus.CURRENT.value,
                                                        *rows.trailing)) + LINE_END
    # Not through PRAGMA mmap_size, though it saved about 8% of the CPU: with the file
    # mapped, an I/O error while reading (a file cut short on a network share) kills
    # the process with SIGBUS, the window and its unsaved undo history with it.
    result = session.connection().execute(_rows_query(scope.conditions))
    cursor = result.cursor
    lines: list[str] = []
    try:
        while batch := cursor.fetchmany(LINES_PER_BLOCK):
            for (day, time_key, event_id, alone, event_type, sub_type, target, summary,
                 fatalities, injuries, low, high, location, admin1, actor1, actor2,
                 latitude, longitude, country, dataset, external_id) in batch:
                if day >= boundary or event_id == apart_id or alone:
                    if lines:
                        yield CsvBlock("".join(lines), len(lines))
                        lines = []
                    while upcoming is not None and day >= boundary:
                        yield from scope.describe(session, upcoming)
                        upcoming = next(others, None)
                        boundary = _boundary(upcoming)
                    if apart is not None and event_id == apart_id:
                        yield apart[1]
                        apart = next(told_apart, None)
                        apart_id = apart[1].record_id if apart else -1
                        continue
                    if alone:
                        yield from scope.describe(
                            session, key_of(None, EntryKind.EVENT, event_id))
                        continue
                when = whens.get(time_key) or cells.when(time_key)
                title, kind_cells = kinds.get((event_type, sub_type, target)) or \
                    cells.kinds((event_type, sub_type, target))
                place = places.get((location, admin1))
                if place is None:
                    place = cells.place((location, admin1))
                pair = actors.get((actor1, actor2)) or cells.actors((actor1, actor2))
                origin, quoted_dataset = origins.get((country, dataset)) or \
                    cells.origin((country, dataset))
                toll, figure_cells = figures.get((fatalities, injuries, low, high)) or \
                    cells.figures((fatalities, injuries, low, high))
                # The event's own cells, as csv_cell writes them (inline: per row).
                detail = guard(summary + toll)
                if needs_quotes(detail):
                    detail = '"' + detail.replace('"', '""') + '"'
                own_id = guard(external_id)
                if needs_quotes(own_id):
                    own_id = '"' + own_id.replace('"', '""') + '"'
                # The sources cell is never guarded (it starts "dataset") and always
                # quoted (it holds ", id ").
                quoted_id = external_id.replace('"', '""')
                lines.append(
                    f"{when}{kind},{event_id},{title},{detail},{place},,"
                    f'"dataset {quoted_dataset}, id {quoted_id}",{kind_cells},'
                    f"{figure_cells},{pair},{latitude},{longitude},{origin},"
                    f"{own_id}{ending}")
            if lines:
                yield CsvBlock("".join(lines), len(lines))
                lines = []
        while upcoming is not None:
            yield from scope.describe(session, upcoming)
            upcoming = next(others, None)
    finally:
        result.close()
        told_apart.close()


def write_chronology_csv(session: Session, stream: TextIO, scope: ChronologyScope,
                         rows: CsvRows, *, assembled: bool = True,
                         progress: Callable[[int], None] | None = None) -> int:
    """The CSV of *scope* to *stream*; return the rows written. *assembled*: events from
    lines put together from plain rows where it can (the general path alone gives the same bytes).
    *progress* is told the rows written so far, now and then."""
    fast = csv_chronology(session, scope, rows) if assembled else None
    items: Iterator[ChronologyEntry | CsvBlock] = \
        fast if fast is not None else iter_scope(session, scope)
    if progress is not None:
        items = reported(items, progress)
    try:
        return write_csv_rows(items, stream, rows)
    finally:
        if isinstance(items, Generator):
            items.close()


Item = TypeVar("Item", bound=ChronologyEntry | CsvBlock)


def reported(items: Iterator[Item],
             progress: Callable[[int], None]) -> Generator[Item, None, None]:
    """*items* as they come, *progress* told how many were written before each block
    (a CsvBlock counts its rows); closing this closes them."""
    written = last_told = 0
    try:
        for item in items:
            if written - last_told >= PROGRESS_EVERY:
                progress(written)
                last_told = written
            yield item
            written += item.rows if isinstance(item, CsvBlock) else 1
        progress(written)
    finally:
        close = getattr(items, "close", None)
        if close is not None:
            close()
