"""The same file imported under a second dataset name, told by its rows and refused.

Importing a UCDP file as generic CSV, and then as UCDP, stores every event twice under two
dataset names, and every count doubles (issue 17, failure 4). Names and headers differ
between the two imports; the rows do not. So the first batch of an import is compared
with what other datasets hold: a sample of its rows, each looked for by its date and place
(and fatalities), or by its date and external id. When most of the sample is already
there under one other dataset, the import is refused, unless forced (an analyst may
really hold two datasets that agree row for row).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Connection, and_, func, or_, select

from tracker.domain.errors import TrackerError
from tracker.domain.events import BattlefieldEvent
from tracker.domain.import_columns import IMPORT_COLUMNS
from tracker.domain.wording import say

SAMPLE = 200  # rows of the first batch looked for
# The share of the sample another dataset must hold for the file to be the same one.
SAME_SHARE = 0.5
MIN_MATCHES = 3
_COORDINATE_TOLERANCE = 1e-4  # degrees: files round coordinates differently
_AT = {name: i for i, name in enumerate(IMPORT_COLUMNS)}


class SameFileError(TrackerError):
    """The file's rows are already in the database under another dataset name: *other*
    (the window words its own question from it, offering to import anyway)."""

    def __init__(self, message: str, *, other: str, dataset: str) -> None:
        super().__init__(message)
        self.other, self.dataset = other, dataset


def first_batch_check(connection: Connection, dataset: str,
                      force: bool) -> Callable[[Sequence[tuple[Any, ...]]], None]:
    """What the import calls with its first batch of rows (IMPORT_COLUMNS order): raises
    SameFileError when that batch is a copy of another dataset, unless *force*."""
    checked = False

    def check(rows: Sequence[tuple[Any, ...]]) -> None:
        nonlocal checked
        if checked or force:
            return
        checked = True
        refuse_copy(connection, dataset, rows)

    return check


def refuse_copy(connection: Connection, dataset: str, rows: Sequence[tuple[Any, ...]]) -> None:
    """Raise SameFileError when most of a sample of *rows* is held by one other dataset."""
    sample = _sample(rows)
    if not sample:
        return
    holders: Counter[str] = Counter()
    for row in sample:
        holders.update(set(connection.scalars(_holders_of(row, dataset))))
    if not holders:
        return
    other, matched = holders.most_common(1)[0]
    if matched >= MIN_MATCHES and matched >= SAME_SHARE * len(sample):
        raise SameFileError(say(
            "These events are already in the database as the dataset {other}: {matched} of "
            "the first {sampled} rows match it by date and place or by id. Importing them as "
            "{dataset} would count every event twice. Import the file as {other} to update "
            "those events, or force the import (tracker import --force) if the two datasets "
            "really tell the same rows.").format(other=repr(other), matched=matched,
                                                 sampled=len(sample), dataset=repr(dataset)),
            other=other, dataset=dataset)


def _sample(rows: Sequence[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """Up to SAMPLE rows, spread evenly over the batch."""
    step = max(1, len(rows) // SAMPLE)
    return list(rows[::step][:SAMPLE])


def _day(value: Any) -> date:
    """The row's day: the importer's rows carry it as ISO text (SQLite stores it so)."""
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def _holders_of(row: tuple[Any, ...], dataset: str) -> Any:
    """The other datasets holding *row*: the same day and external id, or the same day,
    place and fatalities."""
    event = BattlefieldEvent
    day, external_id = _day(row[_AT["event_date"]]), row[_AT["external_id"]]
    latitude, longitude = row[_AT["latitude"]], row[_AT["longitude"]]
    fatalities = row[_AT["fatalities"]]
    same = [event.external_id == external_id]
    if latitude is not None and longitude is not None:
        same.append(and_(
            event.latitude.between(latitude - _COORDINATE_TOLERANCE,
                                   latitude + _COORDINATE_TOLERANCE),
            event.longitude.between(longitude - _COORDINATE_TOLERANCE,
                                    longitude + _COORDINATE_TOLERANCE),
            func.coalesce(event.fatalities, -1) == (-1 if fatalities is None else fatalities)))
    return (select(event.dataset).distinct()
            .where(event.event_date == day, event.dataset != dataset, or_(*same)))
