"""The chronology's CSV with most events written from lines SQLite assembled (issue 19).

A million-event export spent its time turning each row into a ChronologyEntry and
then into cells: for an event with no links, sources or claims, every cell is a plain
function of its columns, so SQL builds the row's text itself: the title, detail and
place in the chronology's words (the phrases ``say`` gives, bound as parameters), each
text cell guarded against formulas and quoted as ``csv`` quotes it. Python adds only what
SQL cannot say: the time in words (once per distinct date, ``CsvRows.when_cells``) and
the coordinates (``repr`` of a float, which SQLite's own text of a REAL may not match).

The other events (linked, cited, claimed, withdrawn or merged, or with a target category
of the database's own) are told by the general path, as are rounds, changes and
readings, each merged in where it belongs. Both paths give the same bytes
(tests/services/exports/test_csv_lines.py). PostgreSQL takes the general path.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator
from datetime import date
from typing import TextIO, TypeVar

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Select,
    case,
    func,
    literal,
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
from tracker.domain.wording import say
from tracker.io.chronology_csv import LINE_END, CsvBlock, CsvRows, write_csv_rows
from tracker.io.spreadsheet import FORMULA_TRIGGERS
from tracker.services.chronology.chronology import ChronologyScope, iter_scope
from tracker.services.chronology.chronology_order import SortKey, first_event_day, key_of
from tracker.services.chronology.chronology_stream import EventTimes, stream_events
from tracker.services.chronology.chronology_text import event_entry
from tracker.storage.counted_events import RecordStatus

PROGRESS_EVERY = 1000  # entries between two reports of progress
LINES_PER_BLOCK = 2000  # rows fetched, and written, at a time
_NO_MORE = "\uffff"  # after every day's ISO text: no other fact waits for a day
# The characters that make csv.writer quote a cell (QUOTE_MINIMAL, "\r\n" line ends).
_QUOTED_IF = '*[,"\r\n]*'


def _around(template: str, field: str) -> tuple[str, str] | None:
    """A phrase's text before and after its one ``{field}``; None when it has other
    braces (SQL could not fill it the way ``str.format`` does)."""
    before, marker, after = template.partition("{" + field + "}")
    if not marker or any(brace in before + after for brace in "{}"):
        return None
    return before, after


def _sql_text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _csv_cell(value: str) -> str:
    """*value* as ``csv.writer`` writes it (for the cells every row repeats)."""
    if any(mark in value for mark in ',"\r\n'):
        return '"' + value.replace('"', '""') + '"'
    return value


class _Words:
    """The chronology's words for an event's title and detail (``event_entry``), as SQL
    expressions; None where a phrase cannot be filled in SQL."""

    def __init__(self) -> None:
        self.killed = _around(say("{count} killed"), "count")
        self.injured = _around(say("{count} injured"), "count")
        self.usable = self.killed is not None and self.injured is not None

    def title(self) -> ColumnElement[str]:
        event = BattlefieldEvent
        kinds = case(
            ((event.event_type != "") & (event.sub_event_type != ""),
             event.event_type.concat(" / ").concat(event.sub_event_type)),
            (event.event_type != "", event.event_type),
            (event.sub_event_type != "", event.sub_event_type),
            else_=literal(say("Event")))
        # In English every category is its own word: SQL looks up only those that differ.
        translated = [(event.target_category == member.value, literal(say(member.value)))
                      for member in TargetCategory if say(member.value) != member.value]
        told = case(*translated, else_=event.target_category) if translated \
            else event.target_category
        target = case((event.target_category.in_(("", TargetCategory.UNKNOWN.value)), ""),
                      else_=literal(" [").concat(told).concat("]"))
        return kinds.concat(target)

    def detail(self) -> ColumnElement[str]:
        assert self.killed is not None and self.injured is not None
        event = BattlefieldEvent
        killed = literal(self.killed[0]).concat(event.fatalities).concat(self.killed[1])
        injured = literal(self.injured[0]).concat(event.injuries).concat(self.injured[1])
        counts = case(
            (event.fatalities.is_not(None) & event.injuries.is_not(None),
             literal(" (").concat(killed).concat(", ").concat(injured).concat(")")),
            (event.fatalities.is_not(None), literal(" (").concat(killed).concat(")")),
            (event.injuries.is_not(None), literal(" (").concat(injured).concat(")")),
            else_="")
        return event.summary.concat(counts)


def _place() -> ColumnElement[str]:
    event = BattlefieldEvent
    return case(((event.location != "") & (event.admin1 != ""),
                 event.location.concat(", ").concat(event.admin1)),
                (event.location != "", event.location), else_=event.admin1)


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


class _Cells:
    """SQL for the text cells as the CSV writes them: guarded (for spreadsheets) and
    quoted. A line is put together by one printf (a chain of ``||`` copies the line
    once per cell); printf's %w doubles the quotes inside a quoted cell."""

    def __init__(self, guarded: bool) -> None:
        self._guarded = guarded
        # A cell that starts with a formula trigger, as one pattern ("-" first: no range).
        marks = sorted(FORMULA_TRIGGERS, key=lambda mark: mark != "-")
        self._formula = _sql_text("[" + "".join(marks) + "]*")
        self._quoted = _sql_text(_QUOTED_IF)

    def text(self, column: str) -> str:
        # The guard's apostrophe is no quoting matter and no trigger is a quote: both
        # are decided on the text as stored, and the guard goes inside the quotes.
        if not self._guarded:
            return f"CASE WHEN {column} GLOB {self._quoted} " \
                   f"THEN printf('\"%w\"', {column}) ELSE {column} END"
        return (f"CASE WHEN {column} GLOB {self._quoted} THEN CASE WHEN {column} GLOB "
                f"{self._formula} THEN printf('\"''%w\"', {column}) "
                f"ELSE printf('\"%w\"', {column}) END "
                f"WHEN {column} GLOB {self._formula} THEN '''' || {column} ELSE {column} END")


def _line(cells: list[str]) -> str:
    """One printf of *cells*: SQL expressions, and ``_Constant`` texts written as they are."""
    template, arguments = [], []
    for cell in cells:
        if isinstance(cell, _Constant):
            template.append(cell.replace("%", "%%"))
        else:
            template.append("%s")  # NULL gives an empty cell, as csv.writer's None
            arguments.append(cell)
    return f"printf({_sql_text(','.join(template))}, {', '.join(arguments)})"


class _Constant(str):
    """A cell whose CSV text is known before the query (a word, the figure rule)."""


def _rows_query(conditions: list[ColumnElement[bool]], words: _Words,
                rows: CsvRows) -> Select[tuple[str, str, int, bool, str, object, object, str]]:
    """Per event: its day, its time's key, id, whether it is told apart, the cells from
    ``kind`` to ``actor2`` as text, latitude and longitude, and the rest of its line."""
    event = BattlefieldEvent
    midweek = ", ".join(_sql_text(dataset) for dataset in MIDWEEK_DATASETS)
    time_key: ColumnElement[str] = literal_column(
        "event_date || '|' || date_precision || '|' || ifnull(event_date_end, '') || '|' "
        f"|| (dataset IN ({midweek}))")
    # OFFSET keeps SQLite from flattening this into the outer query, which would work
    # out each cell's expression once per mention instead of once per row.
    inner = (select(event.event_date.label("day"), time_key.label("time_key"), event.id,
                    _told_apart().label("apart"), words.title().label("title"),
                    words.detail().label("detail"), _place().label("place"),
                    event.event_type, event.sub_event_type, event.target_category,
                    event.fatalities, event.fatalities_low, event.fatalities_high,
                    event.injuries, event.actor1, event.actor2, event.latitude,
                    event.longitude, event.country, event.dataset, event.external_id)
             .where(*conditions).order_by(event.event_date, event.id)
             .limit(-1).offset(0).subquery("e"))
    cells = _Cells(rows.style.guarded)
    # Never guarded (it starts "dataset"), always quoted (it holds ", id ").
    sources = "printf('\"dataset %w, id %w\"', e.dataset, e.external_id)"
    body = _line([
        _Constant(EntryKind.EVENT.value), "e.id", cells.text("e.title"),
        cells.text("e.detail"), cells.text("e.place"), _Constant(""), sources,
        cells.text("e.event_type"), cells.text("e.sub_event_type"),
        cells.text("e.target_category"), "e.fatalities", "e.fatalities_low",
        "e.fatalities_high", "e.injuries", cells.text("e.actor1"), cells.text("e.actor2"),
        _Constant("")])
    trailing = ",".join(_csv_cell(cell) for cell in rows.trailing)
    tail = _line([_Constant(""), cells.text("e.country"), cells.text("e.dataset"),
                  cells.text("e.external_id"), _Constant(trailing + LINE_END)])
    return select(inner.c.day, inner.c.time_key, inner.c.id, inner.c.apart,
                  literal_column(body), func.ifnull(inner.c.latitude, ""),
                  func.ifnull(inner.c.longitude, ""), literal_column(tail))


class _WhenCells:
    """An event's first seven cells as CSV text with the comma after them, worked out
    once per distinct time key (day | precision | last day | midweek)."""

    def __init__(self, rows: CsvRows) -> None:
        self._rows = rows
        self._times = EventTimes()
        self.known: dict[str, str] = {}

    def __call__(self, time_key: str) -> str:
        found = self.known.get(time_key)
        if found is None:
            day, precision, last_day, midweek = time_key.split("|")
            dataset = MIDWEEK_DATASETS[0] if midweek == "1" else ""
            told = self._times(day, precision, last_day or None, dataset)
            entry = event_entry((*_BARE_ROW[:12], dataset, *_BARE_ROW[13:]), (), (), told)
            found = self.known[time_key] = ",".join(
                _csv_cell(str(cell)) for cell in self._rows.when_cells(entry)) + ","
        return found


# An event row (EVENT_COLUMNS) with nothing but its time: what the time cells come from.
_BARE_ROW: tuple[object, ...] = (0, None, None, None, "", "", "", "", None, None, "", "",
                                 "", "", None, None, "", "", None, None, "",
                                 RecordStatus.CURRENT.value)



def _boundary(key: SortKey | None) -> str:
    """The first day (ISO text) whose events sort after *key*: a fact goes before them."""
    if key is None or key.undated:
        return _NO_MORE
    return first_event_day(key.when).isoformat()


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def csv_chronology(session: Session, scope: ChronologyScope,
                   rows: CsvRows) -> Iterator[ChronologyEntry | CsvBlock] | None:
    """The chronology of *scope* for ``write_csv_rows``: blocks of lines SQL assembled,
    and entries for the rest; None where this path does not apply (PostgreSQL, or a
    language whose phrases SQL cannot fill), for the caller to take the general one."""
    words = _Words()
    if _dialect(session) != "sqlite" or not words.usable:
        return None
    return _merged(session, scope, rows, words)


def _merged(session: Session, scope: ChronologyScope, rows: CsvRows,
            words: _Words) -> Generator[ChronologyEntry | CsvBlock, None, None]:
    event = BattlefieldEvent
    told_apart: Generator[tuple[date, ChronologyEntry], None, None] = stream_events(
        session, [*scope.conditions, event.id.in_(_with_more())])
    apart = next(told_apart, None)
    apart_id = apart[1].record_id if apart else -1
    others = iter(scope.others)
    upcoming = next(others, None)
    boundary = _boundary(upcoming)
    when_cells = _WhenCells(rows)
    known = when_cells.known
    result = session.connection().execute(_rows_query(scope.conditions, words, rows))
    cursor = result.cursor
    lines: list[str] = []
    try:
        while batch := cursor.fetchmany(LINES_PER_BLOCK):
            for day, time_key, event_id, alone, body, latitude, longitude, tail in batch:
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
                when = known.get(time_key) or when_cells(time_key)
                lines.append(f"{when}{body}{latitude},{longitude}{tail}")
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
    lines SQL assembled where it can (the general path alone gives the same bytes).
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
