"""Where the analysis counts from: the per-day counts, or the events themselves.

The per-day counts (EventDayCount) hold, for each day, event type, target category and
date precision, how many events there are and their fatalities and injuries. Everything
the analysis needs is in them (the precision rule, splits by category or type, a filter on
types or a target), so it reads a few rows a day instead of every event: with a million
events, a round's six weeks of windows and baselines are some 30,000 events to fetch
(seconds when the file is not in memory yet) and some 500 day counts (milliseconds).

The events are read instead when the counts cannot answer: a place or words in the
filter (full-text search over each event), a split by region (admin1 is not in the
counts), or a database whose counts are not kept current (PostgreSQL, so far). Either way
the numbers are the same; the tests hold both paths to the same hand-worked sums.
"""

from __future__ import annotations

from dataclasses import replace
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Integer, case, func, literal_column
from sqlalchemy.orm import Session

from tracker.domain.events import BattlefieldEvent, EventDayCount
from tracker.services.analysis.counts import CountSource
from tracker.services.events.events import EventFilter, day_counts_answer, event_conditions
from tracker.storage.counted_events import is_counted
from tracker.storage.long_records import is_long_record, is_short_record


class SplitBy(StrEnum):
    NONE = "none"
    CATEGORY = "category"
    REGION = "region"
    TYPE = "type"

    @property
    def heading(self) -> str:
        return {"none": "All events", "category": "Target category", "region": "Region",
                "type": "Event type"}[self.value]


_EVENT_GROUPS: dict[SplitBy, Any] = {
    SplitBy.CATEGORY: BattlefieldEvent.target_category,
    # A region is an admin1 of a country: "Northern" is one in Ghana, Uganda, Sierra
    # Leone and Malawi, four regions (issue 17). Events without a country keep admin1.
    SplitBy.REGION: case(
        (BattlefieldEvent.admin1 == "", BattlefieldEvent.country),
        (BattlefieldEvent.country == "", BattlefieldEvent.admin1),
        else_=BattlefieldEvent.admin1 + ", " + BattlefieldEvent.country),
    SplitBy.TYPE: BattlefieldEvent.event_type,
}
_DAY_GROUPS: dict[SplitBy, Any] = {
    SplitBy.CATEGORY: EventDayCount.target_category,
    SplitBy.TYPE: EventDayCount.event_type,
}


def event_split_column(split: SplitBy) -> Any | None:
    """The events' column *split* groups by (None: no split)."""
    return _EVENT_GROUPS.get(split)


def reads_day_counts(session: Session, flt: EventFilter | None,
                     split: SplitBy = SplitBy.NONE) -> bool:
    """Whether the per-day counts can answer for *flt* split by *split*."""
    if split is not SplitBy.NONE and split not in _DAY_GROUPS:
        return False
    return day_counts_answer(session, flt)


def count_source(session: Session, flt: EventFilter | None,
                 split: SplitBy = SplitBy.NONE) -> CountSource:
    """What to count for *flt* split by *split*: the per-day counts when they can answer
    (``reads_day_counts``), otherwise the events.

    The filter's own dates are never applied: each window sets its own days, and the
    filter's range would cut baselines short.
    """
    events = _event_source(session, flt, split)
    if reads_day_counts(session, flt, split):
        long_days = replace(events, short=None)
        long_days = replace(long_days, conditions=(*long_days.conditions, is_long_record()))
        return replace(_day_count_source(flt, split), long_days=long_days, ruled=events)
    return replace(events, ruled=events)


def _day_count_source(flt: EventFilter | None, split: SplitBy) -> CountSource:
    table = EventDayCount
    conditions: list[ColumnElement[bool]] = []
    # The same tests as the Events view's type and target filters, on the same values.
    if flt is not None and flt.event_types:
        conditions.append(table.event_type.in_(flt.event_types))
    if flt is not None and flt.target_category:
        conditions.append(table.target_category == flt.target_category)
    # Unknown fatalities and injuries were summed as none when the rows were counted.
    return CountSource(day=table.day, precision=table.date_precision, events=table.events,
                       fatalities=table.fatalities, injuries=table.injuries,
                       group=_DAY_GROUPS.get(split), conditions=tuple(conditions))


def _event_source(session: Session, flt: EventFilter | None, split: SplitBy) -> CountSource:
    event = BattlefieldEvent
    conditions = [*(event_conditions(session, replace(flt, date_from=None, date_to=None))
                    if flt is not None else []), is_counted()]
    return CountSource(day=event.event_date, precision=event.date_precision,
                       events=literal_column("1", Integer),
                       fatalities=func.coalesce(event.fatalities, 0),
                       injuries=func.coalesce(event.injuries, 0),
                       group=_EVENT_GROUPS.get(split), conditions=tuple(conditions),
                       short=is_short_record())
