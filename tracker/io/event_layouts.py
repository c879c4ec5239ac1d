"""What a dataset's columns mean: a header in, a function from a row to event values out.

Columns are found by header name, never by position: ACLED's API export puts the same
columns in another order than its export tool, and HDX's UCDP edition adds one in the
middle. Each layout is compiled once per file into a closure over column positions, so the
per-row work is list indexing and the field readers, nothing else.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from tracker.domain.enums import Precision
from tracker.io.input_errors import FieldError, InputFileError, shortened


class EventValues(NamedTuple):
    """One record read: the values of domain.events.IMPORT_COLUMNS, in that order, except
    that the last is the record's text as the file had it (the importer stores the text
    and its digest, in raw_digest's place).

    A NamedTuple, not a dataclass: the importer makes hundreds of thousands of these and
    hands them to executemany as tuples, so it must stay a tuple (a test keeps the field
    order equal to IMPORT_COLUMNS). The layouts make it with ``event_values`` from an
    ``EventTuple`` (mypy checks each value against its field).
    """

    external_id: str
    event_date: str  # ISO 8601, as dates are stored
    event_date_end: str | None
    # A Precision's stored text, as a plain str: a row of plain values only can cross to
    # the import's process by marshal (services.imports.read_ahead), as read.
    date_precision: str
    event_type: str
    sub_event_type: str
    interaction: str
    actor1: str
    actor2: str
    admin1: str
    admin2: str
    location: str
    latitude: float | None
    longitude: float | None
    fatalities: int | None
    fatalities_low: int | None
    fatalities_high: int | None
    summary: str
    reported_by: str
    source_updated: int | None  # the dataset's own last-modified stamp, where it has one
    country: str
    country_code: str  # ISO 3166-1 alpha-3 (io.country_codes), "" when unknown
    assoc_actor_1: str
    assoc_actor_2: str
    text: str


# EventValues' fields as a plain tuple's: what a layout builds, then ``event_values``.
EventTuple = tuple[str, str, str | None, str, str, str, str, str, str, str, str, str,
                   float | None, float | None, int | None, int | None, int | None, str, str,
                   int | None, str, str, str, str, str]
_new_tuple = tuple.__new__


def event_values(values: EventTuple) -> EventValues:
    """*values* as EventValues, without NamedTuple's own constructor: its 25 arguments
    are parsed in Python, about 1 µs a record against 0.4 (half a second of a million
    ACLED rows' reading)."""
    return _new_tuple(EventValues, values)


if TYPE_CHECKING:
    def _same_fields(values: EventValues) -> EventTuple:
        return values  # mypy: EventTuple is EventValues' fields, in order


Converter = Callable[[list[str], str], EventValues]


@dataclass(frozen=True, slots=True)
class Layout:
    """A header understood: what it is, and how to turn its rows into event values.

    *convert* takes a row whose length was checked against *names* (the header, or the
    standard one of a headerless file), padded with one empty string at the end:
    columns a file does not have read that empty cell.
    """

    description: str
    dataset: str
    names: list[str]
    convert: Converter
    # The column holding the dataset's event id (named when a repeat is rejected).
    id_column: str = ""
    first_record_is_data: bool = False


# Longer than any real column name, far shorter than a runaway cell.
MAX_COLUMN_NAME_CHARS = 1_000


class Columns:
    """Header names to positions, case-insensitively; absent optional columns -> the pad."""

    def __init__(self, path: Path, header: list[str], what: str) -> None:
        self.path = path
        self.what = what
        self.names = header
        self._index = column_positions(path, header)
        self.pad = len(header)

    def has(self, name: str) -> bool:
        return name.casefold() in self._index

    def required(self, *names: str) -> list[int]:
        missing = [name for name in names if not self.has(name)]
        if missing:
            raise InputFileError(
                self.path, 1, None,
                f"is not {self.what}: the header has no {_listed(missing)} column"
                f"{'s' if len(missing) > 1 else ''}",
            )
        return [self._index[name.casefold()] for name in names]

    def optional(self, *names: str) -> list[int]:
        return [self._index.get(name.casefold(), self.pad) for name in names]


def column_positions(path: Path, header: list[str]) -> dict[str, int]:
    """Each column's position by its case-folded name; refuses a name used twice, and a
    name too long to be one (it would be stored with the import run, issue 14)."""
    positions: dict[str, int] = {}
    for position, name in enumerate(header):
        if len(name) > MAX_COLUMN_NAME_CHARS:
            raise InputFileError(
                path, 1, None,
                f"column {position + 1}'s name, {shortened(name)}, is over the "
                f"{MAX_COLUMN_NAME_CHARS:,} characters a column name may have: is the "
                "first line a header?",
            )
        key = name.casefold()
        if key and key in positions:
            raise InputFileError(
                path, 1, name,
                f"the header names columns {positions[key] + 1} and {position + 1} "
                f"both {name!r}; rename one so every column can be told apart",
            )
        positions[key] = position
    return positions


def _listed(names: list[str]) -> str:
    quoted = [shortened(name) for name in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


def require_text(column: str, text: str) -> str:
    stripped = text.strip()
    if not stripped:
        raise FieldError(column, "is empty; every event needs one")
    return stripped


# Precision codes of each dataset's codebook (see shared/data/real/SOURCES.md), to the
# precision's stored text (EventValues.date_precision).
ACLED_PRECISION = {"1": Precision.DAY.value, "2": Precision.WEEK.value,
                   "3": Precision.MONTH.value, "": Precision.DAY.value}
UCDP_PRECISION = {"1": Precision.DAY.value, "2": Precision.WEEK.value,
                  "3": Precision.WEEK.value, "4": Precision.MONTH.value,
                  "5": Precision.UNKNOWN.value}
