"""New events as SQLite's INSERT binds them: what a batch has no value for is left out.

Python's sqlite3 binds None through its adaptation protocol (the adapters looked up for
NoneType, then ``__adapt__`` and ``__conform__``, none found): about 300 ns a value, an
int 40. ACLED's rows carry four that are None in every row (the end date, the low and
high tolls, the digest of a row with its own timestamp), and binding them was a fifth of
the insert's time (300,000 rows: 1.91 s, 1.55 s with them left out). So a column that is
None in every row of a batch, and that the table fills with NULL when it is not given,
is left out of that batch's INSERT: the same events stored, fewer values bound.

Each inserted tuple is the row's values that are bound, then APPENDED: the category the
rules suggest (the row's own is the run's placeholder), how and when it was decided, and
when the event was first imported; a row given no suggestion keeps its placeholder, with
no decision. The statement and what it keeps of a row are made
once per set of columns left out (an import sees one or two).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from operator import countOf, itemgetter
from typing import Any, cast

from sqlalchemy import Table

from tracker.domain.events import BattlefieldEvent
from tracker.domain.target_rules import Found
from tracker.storage.day_counts import COUNTED_COLUMNS
from tracker.storage.event_compare import ROW_COLUMNS
from tracker.storage.suggested_category import SUGGESTED_COLUMNS, Undecided, suggestion

APPENDED = ("target_category", *SUGGESTED_COLUMNS, "first_imported_at")
_CATEGORY = ROW_COLUMNS.index("target_category")
# What the day counts count, by name (storage.day_tally): never left out, so every
# inserted tuple holds them.
_COUNTED = COUNTED_COLUMNS[:4]


def _null_unless_given(table: Table) -> tuple[int, ...]:
    """Where a row holds the values of columns an INSERT may leave out for a NULL:
    nullable, with no default of their own (neither the table's nor the model's), and
    not one the day counts key on."""
    return tuple(place for place, name in enumerate(ROW_COLUMNS)
                 if table.c[name].nullable and table.c[name].default is None
                 and table.c[name].server_default is None and name not in _COUNTED)


_LEFT_OUT_WHEN_NONE = _null_unless_given(cast(Table, BattlefieldEvent.__table__))


@dataclass(frozen=True, slots=True)
class InsertShape:
    """One INSERT of new events: the statement, what it binds of a row (``kept``), and
    its columns, in the order of an inserted tuple."""

    sql: str
    kept: Callable[[tuple[Any, ...]], tuple[Any, ...]]
    columns: tuple[str, ...]

    def day_key(self) -> Callable[[tuple[Any, ...]], tuple[Any, ...]]:
        """What the day counts count of an inserted tuple: day, type, category and
        precision."""
        return itemgetter(*(self.columns.index(name) for name in _COUNTED))

    def fatalities(self) -> int | None:
        """Where an inserted tuple holds its fatalities; None when they were left out
        (no row of the batch had any)."""
        return self.columns.index("fatalities") if "fatalities" in self.columns else None


def _shape(left_out: tuple[int, ...]) -> InsertShape:
    places = [place for place in range(len(ROW_COLUMNS))
              if place != _CATEGORY and place not in left_out]
    columns = (*(ROW_COLUMNS[place] for place in places), *APPENDED)
    return InsertShape(
        f"INSERT INTO battlefield_event ({', '.join(columns)}) "
        f"VALUES ({', '.join('?' for _ in columns)})",
        itemgetter(*places), columns)


class NewEventRows:
    """The inserted tuples of an import's new events; *stamp* is its instant, as stored."""

    def __init__(self, stamp: str) -> None:
        self._stamp = stamp
        self._shapes: dict[tuple[int, ...], InsertShape] = {}
        # What follows the row for each suggestion: a few rules, a few categories.
        self._appended: dict[Found | Undecided, tuple[Any, ...]] = {}

    def inserted(self, rows: Sequence[tuple[Any, ...]],
                 found: Sequence[Found | Undecided]) -> tuple[InsertShape, list[tuple[Any, ...]]]:
        """The shape of the batch *rows* (ROW_COLUMNS order) and each row's tuple for it,
        with the category *found* for it (UNDECIDED: none yet, the run's placeholder)."""
        shape = self._shape_of(rows)
        kept, appended, tail = shape.kept, self._appended.get, self._tail
        return shape, [(*kept(row), *(appended(decided) or tail(row, decided)))
                       for row, decided in zip(rows, found, strict=True)]

    def _shape_of(self, rows: Sequence[tuple[Any, ...]]) -> InsertShape:
        first, count = rows[0], len(rows)
        left_out = tuple(place for place in _LEFT_OUT_WHEN_NONE if first[place] is None
                         and countOf(map(itemgetter(place), rows), None) == count)
        shape = self._shapes.get(left_out)
        if shape is None:
            shape = self._shapes[left_out] = _shape(left_out)
        return shape

    def _tail(self, row: tuple[Any, ...], decided: Found | Undecided) -> tuple[Any, ...]:
        if isinstance(decided, Undecided):
            return (row[_CATEGORY], None, None, None, None, self._stamp)
        tail = self._appended[decided] = (*suggestion(decided, self._stamp), self._stamp)
        return tail
