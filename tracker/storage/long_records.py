"""Which battlefield events are long records, in SQL: ``EventTime.is_long`` for a WHERE clause.

A record reported over more than LONG_RECORD_DAYS days (UCDP's Izyum record, 24 Feb –
30 Sep 2022) or known only to the month is counted apart in range totals, never on its
first day (issue 15). Totals are sums in SQL, so the rule that domain/event_time.py states
for one event is stated here once more for a query, the same on SQLite and PostgreSQL;
tests/storage/test_long_records.py holds the two to the same answer on every shape.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Integer, and_, or_
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from tracker.domain.date_range import EARLIEST, LATEST
from tracker.domain.enums import Precision
from tracker.domain.event_time import LONG_RECORD_DAYS
from tracker.domain.events import BattlefieldEvent


class DaysBetween(FunctionElement[int]):
    """``last - first`` in whole days, for two date columns."""

    type = Integer()
    inherit_cache = True
    name = "days_between"


@compiles(DaysBetween)
def _subtract(element: DaysBetween, compiler: SQLCompiler, **kw: Any) -> str:
    # PostgreSQL (and the SQL standard's date arithmetic): date - date is whole days.
    last, first = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"({last} - {first})"


@compiles(DaysBetween, "sqlite")
def _julian(element: DaysBetween, compiler: SQLCompiler, **kw: Any) -> str:
    # SQLite stores dates as ISO text; julianday() makes them numbers of days.
    last, first = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"(julianday({last}) - julianday({first}))"


def is_long_record(event: Any = BattlefieldEvent) -> ColumnElement[bool]:
    """True for the events whose ``EventTime.is_long`` is: a span (an end after the first
    day) over more than LONG_RECORD_DAYS days, or a month with no such end. A date outside
    the tracker's range is read as its one day (EventTime.of), so never long."""
    first, last = event.event_date, event.event_date_end
    spans = and_(last.is_not(None), last > first)
    return and_(
        first.between(EARLIEST, LATEST),
        or_(last.is_(None), last.between(EARLIEST, LATEST)),
        or_(and_(spans, DaysBetween(last, first) >= LONG_RECORD_DAYS),
            and_(~spans, event.date_precision == Precision.MONTH)),
    )


def is_short_record(event: Any = BattlefieldEvent) -> ColumnElement[bool]:
    """The events that fit on a day or a week: those a range counts on their day."""
    return ~is_long_record(event)
