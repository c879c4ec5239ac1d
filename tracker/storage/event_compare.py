"""An imported row against the stored event: which fields differ, and what to do about it.

A re-import changes an event only where a stored field differs (issue 17): no digest, no
timestamp stands in for the fields themselves. The dataset's own stamp (ACLED's
``timestamp``) and the record text's digest are kept, but are not what decides.

Release order decides who wins: a row from an older release than the one that last told
the event (release_rank, services.imports.releases) never overwrites it unless the user
allows it; its differences are reported and skipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum
from operator import itemgetter
from typing import Any

from tracker.domain.import_columns import IMPORT_COLUMNS, IMPORT_CONSTANTS

COLUMNS = IMPORT_COLUMNS + IMPORT_CONSTANTS
# What the reader appends to every row: the release it came from and its rank.
RELEASE_COLUMNS = ("source_release", "release_rank")
ROW_COLUMNS = COLUMNS + RELEASE_COLUMNS
# The fields an update compares: what the dataset says about the event. Not the id, not
# its own last-modified stamp, not the digest of its text (issue 17, failures 1 and 2).
COMPARED = tuple(name for name in IMPORT_COLUMNS
                 if name not in ("external_id", "source_updated", "raw_digest"))
_POSITION = {name: position for position, name in enumerate(ROW_COLUMNS)}
COMPARED_POSITIONS = tuple(_POSITION[name] for name in COMPARED)
ID_POSITION = _POSITION["external_id"]
DATE_POSITION = _POSITION["event_date"]
COUNTRY_POSITION = _POSITION["country"]
RANK_POSITION = _POSITION["release_rank"]
LABEL_POSITION = _POSITION["source_release"]


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field of one event that a release changes: its old and new values, as text."""

    external_id: str
    field: str
    old: str
    new: str


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """What the comparison needs of a stored event: its id, the compared fields (in
    COMPARED order), its release rank and its record status."""

    id: int
    values: tuple[Any, ...]
    rank: int | None
    status: str


def comparable(value: Any) -> Any:
    """A value as both sides can be compared: dates as ISO text, enums as their value
    (SQLite gives text back where PostgreSQL gives dates; a row holds ISO text)."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value


def shown(value: Any) -> str:
    value = comparable(value)
    return "" if value is None else str(value)


_compared_values = itemgetter(*COMPARED_POSITIONS)


def differences(row: tuple[Any, ...], stored: StoredEvent) -> list[FieldChange]:
    """The compared fields where *row* differs from *stored*."""
    # Most rows of a re-import are unchanged, and on SQLite equal as they are (ISO text
    # dates, a StrEnum equal to its text): one tuple comparison settles them.
    if _compared_values(row) == stored.values:
        return []
    found = []
    for name, position, old in zip(COMPARED, COMPARED_POSITIONS, stored.values, strict=True):
        new = row[position]
        if comparable(new) != comparable(old):
            found.append(FieldChange(row[ID_POSITION], name, shown(old), shown(new)))
    return found


def is_older(row_rank: int | None, stored_rank: int | None) -> bool:
    """Whether a row of rank *row_rank* comes from an older release than the stored event's
    (a release without a rank is never older, nor is anything against one)."""
    return row_rank is not None and stored_rank is not None and row_rank < stored_rank
