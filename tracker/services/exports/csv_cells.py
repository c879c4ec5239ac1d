"""An event's CSV cells worked out once per distinct value, by the general path itself.

A million events have only a few thousand distinct dates, kinds (type, sub-type,
target category), places, actor pairs, origins (country and dataset) and death tolls:
each is told once, by building the entry of a bare event that holds nothing else
(``event_entry``) and taking its cells as ``CsvRows.cells`` gives them, guarded and
quoted as ``csv.writer`` writes them. So the fast path's lines have the general path's
bytes by construction, in any language, and the per-row work left is the cells every
event has its own of: the summary (with its toll's words after it), the external id
and the coordinates (services/exports/csv_lines.py).

Each cache is bounded (``_KEPT``): a database with more distinct values than that
starts the cache again, and the export keeps its constant memory.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from tracker.domain.chronology import ChronologyEntry
from tracker.domain.events import MIDWEEK_DATASETS
from tracker.io.chronology_csv import CsvRows
from tracker.services.chronology.chronology_stream import EventTimes
from tracker.services.chronology.chronology_text import TimeTold, event_entry
from tracker.storage.counted_events import RecordStatus

_KEPT = 1 << 15  # distinct values a cache holds before it starts again
# The characters that make csv.writer quote a cell (QUOTE_MINIMAL, "\r\n" line ends).
NEEDS_QUOTES = re.compile('[,"\r\n]').search

# An event row (EVENT_COLUMNS) with nothing in it: each cache fills in its own fields.
_BARE_ROW: tuple[object, ...] = (0, None, None, None, "", "", "", "", None, None, "", "",
                                 "", "", None, None, "", "", None, None, "",
                                 RecordStatus.CURRENT.value)
# Where those fields are in the row, and where their cells are in the CSV's line.
_EVENT_TYPE, _SUB_TYPE, _TARGET, _SUMMARY, _FATALITIES, _INJURIES = 4, 5, 6, 7, 8, 9
_LOCATION, _ADMIN1, _DATASET, _LOW, _HIGH, _ACTOR1, _ACTOR2, _COUNTRY = \
    10, 11, 12, 14, 15, 16, 17, 20
_TITLE_CELL, _PLACE_CELL = 9, 11
_KIND_CELLS, _FIGURE_CELLS, _ACTOR_CELLS, _ORIGIN_CELLS = \
    slice(14, 17), slice(17, 21), slice(21, 23), slice(25, 27)


def csv_cell(value: str) -> str:
    """*value* as ``csv.writer`` writes it (QUOTE_MINIMAL)."""
    if NEEDS_QUOTES(value):
        return '"' + value.replace('"', '""') + '"'
    return value


def _written(cell: object) -> str:
    return "" if cell is None else csv_cell(str(cell))


Key = TypeVar("Key", bound=Hashable)
Told = TypeVar("Told")


class Distinct(Generic[Key, Told]):
    """What *tell* makes of a key, kept for the keys seen last (at most ``_KEPT``).
    Callers look in ``known`` first (a dict lookup in the row loop) and call this on a
    miss."""

    def __init__(self, tell: Callable[[Key], Told]) -> None:
        self._tell = tell
        self.known: dict[Key, Told] = {}

    def __call__(self, key: Key) -> Told:
        if len(self.known) >= _KEPT:
            self.known.clear()
        told = self.known[key] = self._tell(key)
        return told


class EventCells:
    """The cells of an event's CSV line that depend on a few of its fields each."""

    def __init__(self, rows: CsvRows) -> None:
        self._rows = rows
        self.guard = rows.text  # for the cells of an event's own: its detail and id
        self._times = EventTimes()
        self._bare_time: TimeTold = self._times("2000-01-01", "day", None, "")
        self.when = Distinct(self._when)
        self.kinds = Distinct(self._kinds)
        self.place = Distinct(self._place)
        self.actors = Distinct(self._actors)
        self.origin = Distinct(self._origin)
        self.figures = Distinct(self._figures)

    def _cells(self, fields: dict[int, object], told: TimeTold | None = None,
               ) -> tuple[ChronologyEntry, tuple[object, ...]]:
        row = list(_BARE_ROW)
        for index, value in fields.items():
            row[index] = value
        entry = event_entry(row, (), (), told or self._bare_time)
        return entry, self._rows.cells(entry)

    def _when(self, time_key: str) -> str:
        """The first seven cells with the comma after them, from a time key
        (day | precision | last day | midweek)."""
        day, precision, last_day, midweek = time_key.split("|")
        dataset = MIDWEEK_DATASETS[0] if midweek == "1" else ""
        told = self._times(day, precision, last_day or None, dataset)
        entry, _cells = self._cells({_DATASET: dataset}, told)
        return ",".join(_written(cell) for cell in self._rows.when_cells(entry)) + ","

    def _kinds(self, key: tuple[str, str, str]) -> tuple[str, str]:
        """The title cell, and the type, sub-type and category cells."""
        event_type, sub_type, target = key
        _entry, cells = self._cells({_EVENT_TYPE: event_type, _SUB_TYPE: sub_type,
                                     _TARGET: target})
        return _written(cells[_TITLE_CELL]), ",".join(map(_written, cells[_KIND_CELLS]))

    def _place(self, key: tuple[str, str]) -> str:
        _entry, cells = self._cells({_LOCATION: key[0], _ADMIN1: key[1]})
        return _written(cells[_PLACE_CELL])

    def _actors(self, key: tuple[str, str]) -> str:
        _entry, cells = self._cells({_ACTOR1: key[0], _ACTOR2: key[1]})
        return ",".join(map(_written, cells[_ACTOR_CELLS]))

    def _origin(self, key: tuple[str, str]) -> tuple[str, str]:
        """The country and dataset cells, and the dataset as the sources cell quotes it
        (the cell is always quoted: it holds ", id ")."""
        _entry, cells = self._cells({_COUNTRY: key[0], _DATASET: key[1]})
        return ",".join(map(_written, cells[_ORIGIN_CELLS])), key[1].replace('"', '""')

    def _figures(self, key: tuple[object, object, object, object]) -> tuple[str, str]:
        """The words the detail ends with (the toll, after the summary), and the
        figure cells."""
        fatalities, injuries, low, high = key
        entry, cells = self._cells({_FATALITIES: fatalities, _INJURIES: injuries,
                                    _LOW: low, _HIGH: high})
        return entry.detail, ",".join(map(_written, cells[_FIGURE_CELLS]))
