"""A report's event totals in SQL: records that fit on a day or a week, and the long ones apart.

The per-day counts (EventDayCount, storage/day_counts.py) answer any sum over a range from
a few rows a day, but they count every record on its stored day, and a record reported
over months (UCDP's Izyum record: 24 Feb – 30 Sep 2022, 871 dead) must never count on its
first day (issue 15). Long records are few, so their own sum over the events of the
range is taken away from the counts' sum, key by key; where the counts are not kept, the
events are summed with the long ones left out. Either way the condition is the one in
storage/long_records.py.

The long records themselves are listed apart: every one whose days overlap the range,
however early it began.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from tracker.domain.event_time import EventTime
from tracker.domain.events import MIDWEEK_DATASETS, BattlefieldEvent, EventDayCount
from tracker.io.report_sections import LongRecord
from tracker.services.records.citations import sources_by_record
from tracker.storage.counted_events import is_counted
from tracker.storage.day_counts import counts_are_kept
from tracker.storage.long_records import is_long_record, is_short_record

# The columns a total may be split by, in the per-day counts and in the events.
_COUNT_COLUMNS = {"day": EventDayCount.day, "event_type": EventDayCount.event_type,
                  "target_category": EventDayCount.target_category}
_EVENT_COLUMNS = {"day": BattlefieldEvent.event_date,
                  "event_type": BattlefieldEvent.event_type,
                  "target_category": BattlefieldEvent.target_category}
# A month-precision record's days reach a month either side of its stored day.
_MONTH_REACH = timedelta(days=31)


@dataclass(frozen=True, slots=True)
class Sums:
    """Events, fatalities and injuries (unknown figures count as none)."""

    events: int = 0
    fatalities: int = 0
    injuries: int = 0

    def __sub__(self, other: Sums) -> Sums:
        return Sums(self.events - other.events, self.fatalities - other.fatalities,
                    self.injuries - other.injuries)


def day_range(column: Any, date_from: date | None,
              date_to: date | None) -> list[ColumnElement[bool]]:
    """*column* (a day) from *date_from* to *date_to*, either open."""
    conditions: list[ColumnElement[bool]] = []
    if date_from is not None:
        conditions.append(column >= date_from)
    if date_to is not None:
        conditions.append(column <= date_to)
    return conditions


def _summed(session: Session, columns: dict[str, Any], table: Any, keys: Sequence[str],
            sums: tuple[Any, Any, Any], conditions: list[ColumnElement[bool]],
            ) -> dict[tuple[Any, ...], Sums]:
    group = [columns[key] for key in keys]
    rows = session.execute(select(*group, *sums).select_from(table).where(*conditions)
                           .group_by(*group))
    return {tuple(row[:len(keys)]): Sums(*(int(value or 0) for value in row[len(keys):]))
            for row in rows}


def _event_sums() -> tuple[Any, Any, Any]:
    event = BattlefieldEvent
    return (func.count(), func.coalesce(func.sum(event.fatalities), 0),
            func.coalesce(func.sum(event.injuries), 0))


def short_record_sums(session: Session, keys: Sequence[str], date_from: date | None,
                      date_to: date | None) -> dict[tuple[Any, ...], Sums]:
    """The sums of the records that fit on a day or a week, stored on a day of the range,
    per value of the *keys* columns ('day', 'event_type', 'target_category'); keys with
    no such record left out."""
    event = BattlefieldEvent
    if not counts_are_kept(session.connection()):
        found = _summed(session, _EVENT_COLUMNS, event, keys, _event_sums(),
                        [*day_range(event.event_date, date_from, date_to), is_short_record(),
                         is_counted()])
        return {key: sums for key, sums in found.items() if sums.events}
    count = EventDayCount
    every = _summed(session, _COUNT_COLUMNS, count, keys,
                    (func.sum(count.events), func.sum(count.fatalities),
                     func.sum(count.injuries)), day_range(count.day, date_from, date_to))
    long = _summed(session, _EVENT_COLUMNS, event, keys, _event_sums(),
                   [*day_range(event.event_date, date_from, date_to), is_long_record(),
                    is_counted()])
    found = {key: sums - long.get(key, Sums()) for key, sums in every.items()}
    return {key: sums for key, sums in found.items() if sums.events}


def count_short_records(session: Session, date_from: date | None,
                        date_to: date | None) -> int:
    """How many records that fit on a day or a week are stored on a day of the range."""
    return sum(sums.events for sums in
               short_record_sums(session, (), date_from, date_to).values())


def long_records(session: Session, date_from: date | None, date_to: date | None,
                 reported_until: date | None = None) -> list[LongRecord]:
    """Every long record whose days overlap *date_from* … *date_to*, in (first day, id)
    order; with *reported_until*, only those reported for a day up to it (as of a day)."""
    event = BattlefieldEvent
    # SQL narrows to the records near the range; their days are compared exactly below.
    near = [is_long_record(), is_counted()]
    if date_to is not None:
        near.append(event.event_date <= date_to + _MONTH_REACH)
    if date_from is not None:
        near.append(func.coalesce(event.event_date_end, event.event_date)
                    >= date_from - _MONTH_REACH)
    if reported_until is not None:
        near.append(event.event_date <= reported_until)
    rows = session.execute(
        select(event.id, event.event_date, event.date_precision, event.event_date_end,
               event.dataset, event.external_id, event.event_type, event.sub_event_type,
               event.location, event.admin1, event.fatalities, event.injuries)
        .where(*near).order_by(event.event_date, event.id)).all()
    chosen = []
    for row in rows:
        time = EventTime.of(row.event_date, row.date_precision, row.event_date_end,
                            midweek=row.dataset in MIDWEEK_DATASETS)
        if (date_to is None or time.first <= date_to) and \
                (date_from is None or time.last >= date_from):
            chosen.append((row, time))
    sources = sources_by_record(session, "event_id", [row.id for row, _ in chosen])
    return [LongRecord(
        event_id=row.id, time=time,
        what=" / ".join(part for part in (row.event_type, row.sub_event_type) if part)
        or "Event",
        place=", ".join(part for part in (row.location, row.admin1) if part),
        fatalities=row.fatalities, injuries=row.injuries, dataset=row.dataset,
        external_id=row.external_id, sources=sources.get(row.id, ()))
        for row, time in sorted(chosen, key=lambda found: (found[1].first, found[0].id))]
