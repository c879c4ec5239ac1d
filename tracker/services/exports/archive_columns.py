"""Each archived column's value as JSON and back, checked on the way in.

One codec per column, chosen by the column's SQLAlchemy type, so a column added to a
model is archived without a line here (and tests/services/exports/test_archive.py checks that
the schema in resources/ lists it). Instants are UTC with microseconds and a "Z", dates
ISO, floats by repr: one text per value, so the archive's bytes depend on the data only.

On the way in, a value must also be one the database and every view can hold: a whole
number in 64 bits, a finite float, a date or instant inside the tracker's dates
(domain/date_range.py). An archive once carried 2**70 as an id, or a window in 9999,
into a traceback or a database that no view could open (issue 14, F3 and F4).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import Enum as PyEnum
from typing import Any

from sqlalchemy import Column, Date, Enum, Float, Integer, String, Table

from tracker.domain.base import UTCDateTime
from tracker.domain.date_range import RANGE_TEXT, WINDOW_OVERHANG, in_range, instant_in_range
from tracker.domain.errors import TrackerError
from tracker.domain.nul_text import NUL, NUL_REASON

INSTANT_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"
_INSTANT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z\Z")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_LARGEST_WHOLE = 2**63 - 1  # both databases' BIGINT
_OUTSIDE = f"is outside the dates the tracker takes ({RANGE_TEXT})"


class ColumnValueError(TrackerError, ValueError):
    """A value in the archive does not fit its column; the message says what would."""


@dataclass(frozen=True, slots=True)
class ColumnCodec:
    """How one column is written to the archive and read back from it."""

    name: str
    nullable: bool
    kind: str  # what the value must be, in the schema's words
    to_json: Callable[[Any], object]
    from_json: Callable[[object], Any]

    def read(self, value: object) -> Any:
        if value is None:
            if not self.nullable:
                raise ColumnValueError(f"must be {self.kind}, not null")
            return None
        try:
            return self.from_json(value)
        except ColumnValueError:
            raise
        except (TypeError, ValueError, OverflowError) as exc:
            raise ColumnValueError(f"must be {self.kind}; found {_shown(value)}") from exc

    def write(self, value: object) -> object:
        return None if value is None else self.to_json(value)


def table_codecs(table: Table) -> tuple[ColumnCodec, ...]:
    """The codecs of *table*'s columns, sorted by name (the order rows are written in)."""
    return tuple(_codec(column) for column in sorted(table.columns, key=lambda c: c.name))


def _codec(column: Column[Any]) -> ColumnCodec:
    kind, to_json, from_json = _by_type(column)
    return ColumnCodec(column.name, bool(column.nullable), kind, to_json, from_json)


def _by_type(column: Column[Any]) -> tuple[str, Callable[[Any], object],
                                          Callable[[object], Any]]:
    sql_type = column.type
    # Subclasses before their bases: Enum is a String, BigInteger an Integer.
    if isinstance(sql_type, UTCDateTime):
        return "an instant like 2026-01-27T08:30:00.000000Z", _instant_text, _instant
    if isinstance(sql_type, Enum):
        values = tuple(sql_type.enums)
        enum_class = sql_type.enum_class
        return (f"one of {', '.join(repr(v) for v in values)}", _enum_text,
                lambda value: _member(value, values, enum_class))
    if isinstance(sql_type, Date):
        return "a date like 2026-01-27", date.isoformat, _day
    if isinstance(sql_type, Float):
        return "a number", float, _number
    if isinstance(sql_type, Integer):
        return "a whole number", int, _whole
    if isinstance(sql_type, String):
        return "text", str, _text
    raise TypeError(f"No archive codec for {column.table.name}.{column.name} ({sql_type!r})")


def _instant_text(value: datetime) -> str:
    return value.astimezone(UTC).strftime(INSTANT_FORMAT)


def _instant(value: object) -> datetime:
    if not isinstance(value, str) or not _INSTANT.match(value):
        raise ValueError(value)
    instant = datetime.strptime(value, INSTANT_FORMAT).replace(tzinfo=UTC)
    # The end of a window that starts inside the range may lie a little after it.
    if not instant_in_range(instant, overhang=WINDOW_OVERHANG):
        raise ColumnValueError(f"{value} {_OUTSIDE}")
    return instant


def _day(value: object) -> date:
    if not isinstance(value, str) or not _DAY.match(value):
        raise ValueError(value)
    day = date.fromisoformat(value)
    if not in_range(day):
        raise ColumnValueError(f"{value} {_OUTSIDE}")
    return day


def _enum_text(value: object) -> str:
    return str(value.value) if isinstance(value, PyEnum) else str(value)


def _member(value: object, values: tuple[str, ...], enum_class: Any) -> object:
    if not isinstance(value, str) or value not in values:
        raise ValueError(value)
    return enum_class(value) if enum_class is not None else value


def _number(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(value)
    number = float(value)  # OverflowError past 1e308
    if not math.isfinite(number):  # JSON's NaN and Infinity, which Python reads
        raise ValueError(value)
    return number


def _whole(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(value)
    if not -_LARGEST_WHOLE - 1 <= value <= _LARGEST_WHOLE:
        raise ColumnValueError(f"must be a whole number from -2**63 to 2**63-1; found "
                               f"{_shown(value)}")
    return value


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(value)
    if NUL in value:  # JSON's \u0000, which no database of ours holds: domain/nul_text.py
        raise ColumnValueError(NUL_REASON)
    return value


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else f"{text[:57]}…"
