"""Which events an import did not see, and marking them withdrawn (issue 17).

An import notes every id it reads in a temporary table (``import_seen``, on the import's
own connection); afterwards the stored events of the dataset inside the release's scope
that are not there are the ones the release lacks. They are withdrawn, never deleted: the
analyst's links and notes stay, and a later release that has them again restores them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import Connection, Date, Table, bindparam, text, update

from tracker.domain.events import BattlefieldEvent
from tracker.storage.counted_events import RecordStatus


@dataclass(frozen=True, slots=True)
class UnseenEvent:
    """A stored event the import did not see: what a report says of it."""

    id: int
    external_id: str
    day: date
    rank: int | None
    status: str
    place: str
    fatalities: int | None


def start_seen(connection: Connection) -> None:
    """An empty ``import_seen`` on this connection, for this import."""
    connection.exec_driver_sql(
        "CREATE TEMPORARY TABLE IF NOT EXISTS import_seen (external_id TEXT PRIMARY KEY)")
    connection.exec_driver_sql("DELETE FROM import_seen")


# As the DB-API writes it (SQLite's fast path, storage.event_upsert).
SEEN_SQL = "INSERT INTO import_seen (external_id) VALUES (?) ON CONFLICT DO NOTHING"


def mark_seen(connection: Connection, keys: Sequence[str]) -> None:
    if keys:
        connection.execute(text("INSERT INTO import_seen (external_id) VALUES (:key) "
                                "ON CONFLICT DO NOTHING"), [{"key": key} for key in keys])


def unseen(connection: Connection, dataset: str, *, countries: frozenset[str] | None,
           first: date | None, last: date | None,
           statuses: tuple[str, ...] = (RecordStatus.CURRENT.value,),
           ) -> Iterator[UnseenEvent]:
    """The dataset's events in the scope, of *statuses*, that the import did not see."""
    conditions = ["e.dataset = :dataset", "e.record_status IN :statuses",
                  "NOT EXISTS (SELECT 1 FROM import_seen s WHERE s.external_id = e.external_id)"]
    values: dict[str, Any] = {"dataset": dataset, "statuses": list(statuses)}
    if countries is not None:
        conditions.append("e.country IN :countries")
        values["countries"] = sorted(countries)
    if first is not None:
        conditions.append("e.event_date >= :first")
        values["first"] = first
    if last is not None:
        conditions.append("e.event_date <= :last")
        values["last"] = last
    query = text(
        "SELECT e.id, e.external_id, e.event_date, e.release_rank, e.record_status, "
        "e.location, e.admin1, e.fatalities FROM battlefield_event e "
        f"WHERE {' AND '.join(conditions)} ORDER BY e.event_date, e.id")
    query = query.bindparams(bindparam("statuses", expanding=True))
    # Typed, so SQLite gets ISO text and PostgreSQL a date.
    for name in ("first", "last"):
        if name in values:
            query = query.bindparams(bindparam(name, type_=Date))
    if countries is not None:
        query = query.bindparams(bindparam("countries", expanding=True))
    for row in connection.execute(query, values):
        day = row[2] if isinstance(row[2], date) else date.fromisoformat(row[2])
        place = ", ".join(part for part in (row[5], row[6]) if part)
        yield UnseenEvent(row[0], row[1], day, row[3], row[4], place, row[7])


def set_withdrawn(connection: Connection, withdrawn: Sequence[tuple[int, int | None]],
                  at: datetime) -> None:
    """Mark (event id, rank of the release that withdrew it) withdrawn at *at*."""
    if not withdrawn:
        return
    table = cast(Table, BattlefieldEvent.__table__)
    connection.execute(
        update(table).where(table.c.id == bindparam("_id"))
        .values(record_status=RecordStatus.WITHDRAWN.value, status_changed_at=at,
                release_rank=bindparam("_rank")),
        [{"_id": event_id, "_rank": rank} for event_id, rank in withdrawn])
