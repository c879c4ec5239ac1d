"""The chronology's order: sort keys, and merging the few facts with the many events.

Rounds, schedule changes and factor readings are entered by people: tens or hundreds.
Events come by the million. So the few are read whole and sorted here, while events are
read off the (event_date, id) index in order, only as many as a page needs; the two
sorted streams are then merged by key. No query sorts the events, and a page costs one
index range wherever it lies (see ``services.chronology``).

Every entry sorts by (undated, when, rank, id): ``when`` is the entry's UTC instant
(``ChronologyEntry.when``), rank puts rounds, then schedule changes, then readings, then
claims on a day and a place, then events at the same instant, and the id makes the
order total. Events rank last so that every other fact finds its place among them by
one date comparison (``first_event_day``). An event's instant is
12:00 UTC of its day, so the events after an instant are those from a day on.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime, time, timedelta
from heapq import merge
from itertools import islice
from typing import NamedTuple

from sqlalchemy import ColumnElement

from tracker.domain.chronology import EVENT_HOUR_UTC, ChronologyEntry, EntryKind, event_instant
from tracker.domain.events import BattlefieldEvent
from tracker.services.events.event_index import Range, ranges_after

RANK = {EntryKind.ROUND: 0, EntryKind.SCHEDULE_CHANGE: 1, EntryKind.FACTOR_READING: 2,
        EntryKind.CLAIM: 3, EntryKind.EVENT: 4}
KIND_BY_RANK = {rank: kind for kind, rank in RANK.items()}
_UNDATED = datetime.min.replace(tzinfo=UTC)  # stands in for None, which does not compare


class SortKey(NamedTuple):
    undated: bool
    when: datetime
    rank: int
    record_id: int

    @property
    def kind(self) -> EntryKind:
        return KIND_BY_RANK[self.rank]


def key_of(when: datetime | None, kind: EntryKind, record_id: int) -> SortKey:
    return SortKey(when is None, when or _UNDATED, RANK[kind], record_id)


def entry_key(entry: ChronologyEntry) -> SortKey:
    return key_of(entry.when, entry.kind, entry.record_id)


def event_key(day: date, event_id: int) -> SortKey:
    return SortKey(False, event_instant(day), RANK[EntryKind.EVENT], event_id)


def first_event_day(at: datetime) -> date:
    """The first day whose events sort after a fact at instant *at* (events at the same
    instant come after rounds, changes and readings: their rank is last)."""
    shifted = at.astimezone(UTC) - timedelta(hours=EVENT_HOUR_UTC)
    return shifted.date() if shifted.time() == time(0) else shifted.date() + timedelta(days=1)


def events_after(key: SortKey, *, backwards: bool = False) -> list[Range] | None:
    """Index ranges of (event_date, id) holding the events after *key* in time order, in
    order (or, *backwards*, those before it, latest first); None for no events at all.
    """
    event = BattlefieldEvent
    if key.rank == RANK[EntryKind.EVENT]:
        day = key.when.date()  # 12:00 UTC of the event's day
        return ranges_after([event.event_date, event.id], (day, key.record_id),
                            descending=backwards)
    if key.undated:  # undated facts come after every event
        return [[]] if backwards else None
    first = first_event_day(key.when)
    bound: ColumnElement[bool] = event.event_date < first if backwards \
        else event.event_date >= first
    return [[bound]]


def window_after(others: list[SortKey], events: Iterable[SortKey], anchor: SortKey,
                 limit: int) -> list[SortKey]:
    """The *limit* keys after *anchor*: *events* are the events after it, in order."""
    start = bisect_right(others, anchor)
    return list(islice(merge(others[start:start + limit], events), limit))


def window_before(others: list[SortKey], events: Iterable[SortKey], anchor: SortKey,
                  limit: int) -> list[SortKey]:
    """The *limit* keys before *anchor*: *events* are the events before it, in order."""
    end = bisect_left(others, anchor)
    merged = list(merge(others[max(0, end - limit):end], events))
    return merged[-limit:] if limit else []


def window_at(others: list[SortKey], events: list[SortKey], first_event: int,
              total_events: int, offset: int, limit: int) -> list[SortKey]:
    """Keys *offset* … *offset + limit* of the merged order.

    *events* are the events from number *first_event* (in index order) on, as many as
    the page can hold: an event numbered k has between k and k + len(others) entries
    before it, so the position of the first is known from *others* alone.
    *total_events* is needed only when *events* is empty.
    """
    if not events:  # every event comes before *offset*: the page is the last facts
        start = offset - total_events
        return others[start:start + limit] if start >= 0 else []
    if first_event == 0:
        position, merged = 0, merge(others, events)
    else:
        before = bisect_left(others, events[0])
        position, merged = first_event + before, merge(others[before:], events)
    return list(islice(merged, offset - position, offset - position + limit))


def interleave(others: list[SortKey], events: Iterable[tuple[date, ChronologyEntry]],
               ) -> Iterator[SortKey | ChronologyEntry]:
    """Events, already told, in order, with the other facts' keys where they belong (for
    the caller to tell): the streaming merge of an export. A fact goes before the events
    of the first day that sorts after it, so each event costs one date comparison."""
    pending = iter(others)
    upcoming = next(pending, None)
    boundary = _boundary(upcoming)
    for day, entry in events:
        while upcoming is not None and boundary is not None and day >= boundary:
            yield upcoming
            upcoming = next(pending, None)
            boundary = _boundary(upcoming)
        yield entry
    while upcoming is not None:
        yield upcoming
        upcoming = next(pending, None)


def _boundary(key: SortKey | None) -> date | None:
    """The first day whose events sort after *key*; None when no event does."""
    if key is None or key.undated:
        return None
    return first_event_day(key.when)
