"""Numbered source notes for the exports that cite sources per day (Markdown, HTML).

``SourceNotes`` numbers each source once for a whole export (Markdown); ``DayNotes``
numbers them per day and gathers a dataset's records of a day into one note (the report).

Each source label gets a number the first time it is cited; the notes not yet written
are handed out by ``take_new`` for the writer to put after the day's entries. Numbers
are remembered for the last *remembered* sources only, so a million events citing
distinct sources cannot grow the table without bound: a source cited again after that
gets a new number and note.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass


class SourceNotes:
    def __init__(self, remembered: int) -> None:
        self._remembered = remembered
        self._numbers: OrderedDict[str, int] = OrderedDict()  # most recently cited last
        self._new: list[tuple[int, str]] = []
        self._last = 0

    def number(self, source: str) -> int:
        number = self._numbers.get(source)
        if number is not None:
            self._numbers.move_to_end(source)
            return number
        self._last += 1
        self._numbers[source] = self._last
        if len(self._numbers) > self._remembered:
            self._numbers.popitem(last=False)
        self._new.append((self._last, source))
        return self._last

    @property
    def pending(self) -> int:
        return len(self._new)

    def take_new(self) -> list[tuple[int, str]]:
        """The notes numbered since the last call, in number order."""
        new, self._new = self._new, []
        return new


@dataclass(frozen=True, slots=True)
class DayNote:
    """One note after a day: a source's label, or a dataset's records cited that day
    (*records* then holds their ids, in the order first cited)."""

    number: int
    label: str
    records: tuple[str, ...] = ()

    @property
    def is_dataset(self) -> bool:
        return bool(self.records)


class DayNotes:
    """The notes of a report, day by day: each source once per day, however many entries
    cite it, and a dataset's records of a day gathered into one note ("UCDP GED records
    12345, 12346"), instead of one note per event. Numbers run on through the report, so
    a note's number names it alone; ``take_day`` hands out the day's notes and starts
    the next day afresh, so memory holds one day's notes."""

    def __init__(self) -> None:
        self._last = 0
        self._sources: dict[str, int] = {}
        self._datasets: dict[str, tuple[int, dict[str, None]]] = {}

    def number(self, source: str) -> int:
        """The number of *source*'s note this day."""
        found = self._sources.get(source)
        if found is None:
            found = self._sources[source] = self._next()
        return found

    def record(self, dataset: str, external_id: str) -> int:
        """The number of *dataset*'s note this day, which lists *external_id*."""
        found = self._datasets.get(dataset)
        if found is None:
            found = self._datasets[dataset] = (self._next(), {})
        found[1][external_id] = None
        return found[0]

    @property
    def pending(self) -> int:
        return len(self._sources) + sum(len(ids) for _, ids in self._datasets.values())

    def take_day(self) -> list[DayNote]:
        """The day's notes in number order; the next day starts with none."""
        notes = [DayNote(number, label) for label, number in self._sources.items()]
        notes += [DayNote(number, dataset, tuple(ids))
                  for dataset, (number, ids) in self._datasets.items()]
        self._sources, self._datasets = {}, {}
        return sorted(notes, key=lambda note: note.number)

    def _next(self) -> int:
        self._last += 1
        return self._last
