"""The chronology as CSV, in one of two flavours: for spreadsheets or for data tools.

*For spreadsheets* (Excel, LibreOffice Calc, Google Sheets, on a double-click): UTF-8 with
a byte-order mark, without which Excel and LibreOffice read Київ as "ÐšÐ¸Ñ—Ð²", and every
text cell guarded against formula injection (a cell that would start with = + - @ tab or
CR gets a leading apostrophe, which the spreadsheet shows: the known price of the guard).
*For data tools* (pandas, R, csvkit, a database's COPY): no byte-order mark, text as it is.

Both have the same columns, typed the way spreadsheets recognise them: ``date`` as ISO
YYYY-MM-DD; ``time`` as HH:MM only for what is known to the minute (a round at an exact
time, a change announced at an instant, a factor reading), in the zone ``time_zone``
names, with ``utc`` beside it; never a time invented for a day, a week or a month. A
schedule change nobody dated has the instant it was entered, its ``precision`` is
``entered`` and ``when`` says so.
Numbers (ids, fatalities, coordinates) are written bare, never guarded or quoted, so
they are read as numbers. An event's own fields have a column each (EventFacts).
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from functools import lru_cache
from typing import NamedTuple, TextIO

from tracker.domain.chronology import ChronologyEntry, EventFacts
from tracker.domain.enums import Precision
from tracker.domain.timewindow import zone
from tracker.io.as_of_note import AsOfDay
from tracker.io.spreadsheet import neutralise

BYTE_ORDER_MARK = "\ufeff"
LIST_SEPARATOR = " | "
LINE_END = "\r\n"  # RFC 4180's, which Excel expects
CSV_COLUMNS = (
    "date", "time", "time_zone", "utc", "end_date", "precision", "when", "kind", "record_id",
    "title", "detail", "place", "links", "sources",
    # An event's own fields (empty on other rows).
    "event_type", "sub_event_type", "target_category", "fatalities", "fatalities_low",
    "fatalities_high", "injuries", "actor1", "actor2", "latitude", "longitude", "country",
    "dataset", "external_id",
    # current, withdrawn (by its source) or merged (another dataset's record is counted):
    # only current events are in any count.
    "record_status",
    # Which figure counts as killed and injured (the database's figure rule, issue 18),
    # on every row: a spreadsheet has no notes, and a row copied elsewhere must say it.
    "counted_by",
)
# The column an export as of a past day adds, its day on every row: a spreadsheet has
# no title, and a row copied elsewhere must still say it is not the current record.
CSV_AS_OF_COLUMN = "as_known_on"
_TIMES_KEPT = 4096  # instants whose texts are remembered; memory stays bounded
_NO_EVENT: tuple[object, ...] = ("",) * 15  # the event columns of a row that is not an event


class CsvFlavour(StrEnum):
    """Who reads the file; the value is what ``tracker export --csv-for`` takes."""

    SPREADSHEETS = "spreadsheets"
    DATA_TOOLS = "data-tools"

    @property
    def label(self) -> str:
        """How the export dialog offers it."""
        return {CsvFlavour.SPREADSHEETS: "For spreadsheets (Excel, LibreOffice, Sheets)",
                CsvFlavour.DATA_TOOLS: "For data tools (pandas, R, databases)"}[self]


@dataclass(frozen=True, slots=True)
class CsvStyle:
    """How a CSV is written: its flavour, and a byte-order mark unless *bom* says
    otherwise (None: the flavour's own choice, a mark for spreadsheets only)."""

    flavour: CsvFlavour = CsvFlavour.SPREADSHEETS
    bom: bool | None = None

    @property
    def byte_order_mark(self) -> bool:
        return self.flavour is CsvFlavour.SPREADSHEETS if self.bom is None else self.bom

    @property
    def guarded(self) -> bool:
        """Whether text cells are guarded against formula injection."""
        return self.flavour is CsvFlavour.SPREADSHEETS


FOR_SPREADSHEETS = CsvStyle()
FOR_DATA_TOOLS = CsvStyle(CsvFlavour.DATA_TOOLS)


def _as_is(cell: str) -> str:
    return cell


class _Times:
    """An instant's time, zone and UTC texts, worked out once per instant: many entries
    share one (a round and the changes announced with it), and a cache of the last few
    thousand keeps a million-row export from doing the work per row."""

    def __init__(self, tz: str) -> None:
        self._tz = tz
        self._zone = zone(tz)
        self._known: dict[datetime, tuple[str, str, str]] = {}

    def of(self, entry: ChronologyEntry) -> tuple[str, str, str]:
        when = entry.when
        if when is None or entry.precision is not Precision.EXACT:
            return "", "", ""  # known to the day or coarser: no time is made up
        texts = self._known.get(when)
        if texts is None:
            if len(self._known) > _TIMES_KEPT:
                self._known.clear()
            local, utc = when.astimezone(self._zone), when.astimezone(UTC)
            texts = self._known[when] = (f"{local:%H:%M}", self._tz, f"{utc:%Y-%m-%d %H:%M}")
        return texts


def _event_cells(facts: EventFacts, text: Callable[[str], str],
                 repeated: Callable[[str], str]) -> tuple[object, ...]:
    """The event's own columns; numbers as numbers, None as an empty cell. *repeated*
    guards the fields a dataset repeats on many rows (types, actors, country)."""
    return (
        repeated(facts.event_type), repeated(facts.sub_event_type),
        repeated(facts.target_category), facts.fatalities, facts.fatalities_low,
        facts.fatalities_high, facts.injuries, repeated(facts.actor1), repeated(facts.actor2),
        facts.latitude, facts.longitude, repeated(facts.country), repeated(facts.dataset),
        text(facts.external_id), facts.record_status,
    )


class CsvBlock(NamedTuple):
    """Rows already written as CSV text, *rows* of them, to go out as they are: events an
    export's SQL assembled whole (services/exports/csv_lines.py)."""

    text: str
    rows: int


class CsvRows:
    """The cells of the chronology's CSV rows in one *style*: see ``write_csv``.

    A fast path that writes events from text SQL assembled (services/exports/csv_lines)
    takes its guard, the trailing cells and an event's time cells from here, so both
    paths write the same bytes.
    """

    def __init__(self, *, tz: str = "UTC", style: CsvStyle = FOR_SPREADSHEETS,
                 as_of: AsOfDay | None = None, counted_by: str = "") -> None:
        self.style = style
        self.text: Callable[[str], str] = neutralise if style.guarded else _as_is
        # A million rows go through here: the texts many rows share are guarded once
        # each, from a bounded cache (a C-level call, cheaper than the guard itself).
        self.repeated: Callable[[str], str] = \
            lru_cache(maxsize=_TIMES_KEPT)(self.text) if style.guarded else _as_is
        known_on = () if as_of is None else (as_of.day.isoformat(),)
        self.header = CSV_COLUMNS + ((CSV_AS_OF_COLUMN,) if known_on else ())
        # The cells that end every row: the figure rule, and the day known on if any.
        self.trailing: tuple[str, ...] = (counted_by, *known_on)
        self._times = _Times(tz)

    def when_cells(self, entry: ChronologyEntry) -> tuple[object, ...]:
        """The first seven cells (date … when): an event's depend on its time alone."""
        facts = entry.event
        precision: str  # a Precision, or an event's TimeShape (both str enums)
        if facts is None:
            day = entry.day.isoformat() if entry.day else ""
            end = entry.end_day.isoformat() if entry.end_day else ""
            precision = entry.precision_text
        else:
            first, last = facts.time.first, facts.time.last
            day, end = first.isoformat(), last.isoformat() if last != first else ""
            precision = facts.time.shape
        # Enums are str: the writer takes their value as it is.
        return (day, *self._times.of(entry), end, precision, self.repeated(entry.when_text))

    def cells(self, entry: ChronologyEntry) -> tuple[object, ...]:
        text = self.text
        facts = entry.event
        own = _NO_EVENT if facts is None else _event_cells(facts, text, self.repeated)
        return (
            *self.when_cells(entry), entry.kind, entry.record_id, text(entry.title),
            text(entry.detail), text(entry.place), text(LIST_SEPARATOR.join(entry.links)),
            text(LIST_SEPARATOR.join(entry.sources)), *own, *self.trailing,
        )


def write_csv(entries: Iterable[ChronologyEntry | CsvBlock], stream: TextIO, *,
              tz: str = "UTC", style: CsvStyle = FOR_SPREADSHEETS,
              as_of: AsOfDay | None = None, counted_by: str = "") -> int:
    """The entries as CSV with a header, in *style*; return how many rows were written.

    *tz* is the export's zone, the one exact times are told in (entries' days are in it
    already, see services/chronology). *as_of*: the chronology as known on a past day,
    whose date ends every row. An event's ``date`` is the first day its record stands
    for and ``end_date`` its last, when that is another day (a week, a month, a span
    such as UCDP's 24 Feb – 30 Sep 2022); ``precision`` says which (EventTime.shape).
    *counted_by*: the figure rule ("dataset figure", "highest claim"…), on every row.
    *entries* may hold ``CsvBlock``s: rows written already, which go out as they are.
    """
    return write_csv_rows(entries, stream,
                          CsvRows(tz=tz, style=style, as_of=as_of, counted_by=counted_by))


def write_csv_rows(entries: Iterable[ChronologyEntry | CsvBlock], stream: TextIO,
                   rows: CsvRows) -> int:
    """``write_csv`` with its cells made by *rows*."""
    if rows.style.byte_order_mark:
        stream.write(BYTE_ORDER_MARK)
    writer = csv.writer(stream, lineterminator=LINE_END)
    writer.writerow(rows.header)
    count = 0
    for entry in entries:
        if isinstance(entry, CsvBlock):
            stream.write(entry.text)
            count += entry.rows
        else:
            writer.writerow(rows.cells(entry))
            count += 1
    return count
