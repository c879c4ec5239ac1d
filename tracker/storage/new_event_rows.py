"""New events as SQLite's INSERT binds them: only what differs from row to row.

Binding is most of an insert's cost in Python's sqlite3 (an int about 50 ns, a str
about 170, None 700: it is not on the module's list of types needing no adaptation, so
each one looks for an adapter and for ``__conform__``), where SQLite's own insert of the
same row is about 2 µs. So a row binds only what varies:

- a column that is None in every row of a batch, and that the table fills with NULL
  when it is not given, is left out of that batch's INSERT (ACLED's rows carry four: the
  end date, the low and high tolls, the digest of a row with its own timestamp);
- what is the same for every row of the import (its dataset, run and instant) and what
  the category rules decided for the row (the category, who decided it, the rule, how
  sure, when; and when the event was first imported) is one row of a small temporary
  table, the row's TAIL, which the INSERT reads by the one id the row binds. An import
  meets a tail per rule that fires, and one for "none fired": a few dozen at most. At
  a million ACLED rows this binds 9 values fewer a row (0.9 µs of 8).

Each inserted tuple is then the row's values that are bound, then its tail's id. The
statement and what it keeps of a row are made once per set of columns left out (an
import sees one or two).
"""

from __future__ import annotations

import sqlite3
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

# What a row's tail holds: the import's own values (IMPORT_CONSTANTS but the category),
# then what was decided of its category, and when the event was first imported.
_RUN_COLUMNS = ("dataset", "import_run_id", "imported_at")
TAIL_COLUMNS = (*_RUN_COLUMNS, "target_category", *SUGGESTED_COLUMNS, "first_imported_at")
_CATEGORY = ROW_COLUMNS.index("target_category")
# Where a row holds what its tail holds instead: the same in every row of an import.
_RUN_PLACES = (*(ROW_COLUMNS.index(name) for name in _RUN_COLUMNS), _CATEGORY)
_TAILS = "temp.import_row_tail"
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
    the columns of an inserted tuple (its last, ``TAIL``, is the id of its tail)."""

    sql: str
    kept: Callable[[tuple[Any, ...]], tuple[Any, ...]]
    columns: tuple[str, ...]

    def day_key(self) -> Callable[[tuple[Any, ...]], tuple[Any, ...]]:
        """What the day counts count of an inserted tuple: day, type, the id of the tail
        holding its category (``NewEventRows.category_of`` says which) and precision."""
        return itemgetter(*(self.columns.index(name) for name in
                            (*_COUNTED[:2], TAIL, *_COUNTED[3:])))

    def fatalities(self) -> int | None:
        """Where an inserted tuple holds its fatalities; None when they were left out
        (no row of the batch had any)."""
        return self.columns.index("fatalities") if "fatalities" in self.columns else None


# The name of an inserted tuple's last value, its tail's id.
TAIL = "tail"


def _shape(left_out: tuple[int, ...]) -> InsertShape:
    places = [place for place in range(len(ROW_COLUMNS))
              if place not in _RUN_PLACES and place not in left_out]
    bound = [ROW_COLUMNS[place] for place in places]
    return InsertShape(
        f"INSERT INTO battlefield_event ({', '.join((*bound, *TAIL_COLUMNS))}) "
        f"SELECT {', '.join('?' for _ in bound)}, "
        f"{', '.join(f'{TAIL}.{name}' for name in TAIL_COLUMNS)} "
        f"FROM {_TAILS} AS {TAIL} WHERE {TAIL}.id = ?",
        itemgetter(*places), (*bound, TAIL))


class NewEventRows:
    """The inserted tuples of an import's new events on *cursor*'s connection (which
    holds their tails until ``close``); *stamp* is the import's instant, as stored."""

    def __init__(self, cursor: sqlite3.Cursor, stamp: str) -> None:
        self._cursor = cursor
        self._stamp = stamp
        self._shapes: dict[tuple[int, ...], InsertShape] = {}
        self._tails: dict[Found | Undecided, int] = {}
        self._categories: dict[int, str] = {}
        # The run's values (_RUN_PLACES) every row holds, from its first batch on.
        self._run: tuple[Any, ...] | None = None
        cursor.execute(f"CREATE TABLE IF NOT EXISTS {_TAILS} "
                       f"(id INTEGER PRIMARY KEY, {', '.join(TAIL_COLUMNS)})")
        cursor.execute(f"DELETE FROM {_TAILS}")

    def inserted(self, rows: Sequence[tuple[Any, ...]],
                 found: Sequence[Found | Undecided]) -> tuple[InsertShape, list[tuple[Any, ...]]]:
        """The shape of the batch *rows* (ROW_COLUMNS order) and each row's tuple for it,
        with the category *found* for it (UNDECIDED: none yet, the run's placeholder)."""
        shape = self._shape_of(rows)
        self._check_run(rows)
        kept, tail, new_tail = shape.kept, self._tails.get, self._new_tail
        return shape, [(*kept(row), tail(decided) or new_tail(decided))
                       for row, decided in zip(rows, found, strict=True)]

    def category_of(self, tail: int) -> str:
        """The category a row with the tail *tail* was inserted with."""
        return self._categories[tail]

    def close(self) -> None:
        self._cursor.execute(f"DROP TABLE IF EXISTS {_TAILS}")

    def _check_run(self, rows: Sequence[tuple[Any, ...]]) -> None:
        """The run's values are those of the first batch, in every row: the tails hold
        them (the caller appends the same IMPORT_CONSTANTS to every row of an import)."""
        if self._run is None:
            self._run = tuple(rows[0][place] for place in _RUN_PLACES)
        count = len(rows)
        for place, value in zip(_RUN_PLACES, self._run, strict=True):
            if countOf(map(itemgetter(place), rows), value) != count:
                raise ValueError(f"a row's {ROW_COLUMNS[place]} is not the import's "
                                 f"{value!r}")

    def _shape_of(self, rows: Sequence[tuple[Any, ...]]) -> InsertShape:
        first, count = rows[0], len(rows)
        left_out = tuple(place for place in _LEFT_OUT_WHEN_NONE if first[place] is None
                         and countOf(map(itemgetter(place), rows), None) == count)
        shape = self._shapes.get(left_out)
        if shape is None:
            shape = self._shapes[left_out] = _shape(left_out)
        return shape

    def _new_tail(self, decided: Found | Undecided) -> int:
        assert self._run is not None
        *run, placeholder = self._run
        decision = (placeholder, None, None, None, None) if isinstance(decided, Undecided) \
            else suggestion(decided, self._stamp)
        tail = len(self._tails) + 1
        self._cursor.execute(
            f"INSERT INTO {_TAILS} (id, {', '.join(TAIL_COLUMNS)}) "
            f"VALUES (?, {', '.join('?' for _ in TAIL_COLUMNS)})",
            (tail, *run, *decision, self._stamp))
        self._tails[decided] = tail
        self._categories[tail] = decision[0]
        return tail
