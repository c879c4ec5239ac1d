"""The chronology: rounds, schedule changes, factor readings, claims on a day and a place
and events in one time order.

Events come by the million, the other facts by the dozen (see ``chronology_order``): a
page merges the other facts, read whole, with just the events it needs, read off the
(event_date, id) index by position or from a neighbouring page's last key, and an export
streams the events in index order (``chronology_stream``). No query sorts the events.
Only the entries of one page are told in words, with their links and sources.

Days mean what the reader expects of each kind of fact:
- a battlefield event belongs to the day it was reported for;
- a round announced by day, week or month belongs to those days at its venue ("5 Feb"
  in Kyiv is 5 Feb, wherever the analyst sits);
- a schedule change belongs to the day it was announced: a day's announcement to that
  day everywhere, an instant's to its day in the reader's zone *tz*
  (``chronology_changes``; retracted changes and retractions only with *corrections*);
- instants (a round at an exact time, a factor reading) belong to their day in the
  reader's zone *tz*;
- a claim on a day and a place belongs to that day everywhere (``chronology_claims``).
Dated facts sort at 12:00 UTC of their (first) day, which falls on that same calendar
day for readers within twelve hours of UTC, so entries under day headings never go back
and forth.

With *as_of*, the chronology is the one known at the end of that day: only the changes
announced by then, each round as it was known then (``chronology_as_of``), the claims
recorded by then.
"""

from __future__ import annotations

from collections.abc import Generator, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from tracker.domain.chronology import ChronologyEntry, EntryKind
from tracker.domain.enums import Precision
from tracker.domain.events import BattlefieldEvent
from tracker.domain.factors import FactorReading
from tracker.domain.negotiation import Round
from tracker.domain.timewindow import ScheduledWindow
from tracker.services.chronology.chronology_as_of import (
    KnownThen,
    event_conditions,
    keys_known_then,
    known_then,
)
from tracker.services.chronology.chronology_changes import change_keys
from tracker.services.chronology.chronology_claims import claim_keys
from tracker.services.chronology.chronology_order import (
    SortKey,
    entry_key,
    event_key,
    events_after,
    interleave,
    key_of,
    window_after,
    window_at,
    window_before,
)
from tracker.services.chronology.chronology_stream import stream_events
from tracker.services.chronology.chronology_text import describe_entries, round_instant
from tracker.services.rounds.as_of import AsOf
from tracker.storage.long_records import is_short_record

# Widest UTC offsets in the tz database: a venue's day lies within these of the UTC day.
_EARLIEST_OFFSET = timedelta(hours=14)
_LATEST_OFFSET = timedelta(hours=12)


def _bounds(date_from: date | None, date_to: date | None,
            tz: str) -> tuple[datetime | None, datetime | None]:
    """The instants where *date_from* begins and the day after *date_to* begins, in *tz*
    (a local midnight; a day across a DST change is 23 or 25 hours long)."""
    start = ScheduledWindow.days(date_from, tz).start if date_from else None
    end = ScheduledWindow.days(date_to, tz).end if date_to else None
    return start, end


def _within(
    column: Any, start: datetime | None, end: datetime | None
) -> list[ColumnElement[bool]]:
    conditions = []
    if start is not None:
        conditions.append(column >= start)
    if end is not None:
        conditions.append(column < end)
    return conditions


def _overlapping(start: datetime | None, end: datetime | None) -> list[ColumnElement[bool]]:
    """An exact round's time overlaps [start, end): one without an end is an instant."""
    conditions: list[ColumnElement[bool]] = []
    if end is not None:
        conditions.append(Round.window_start < end)
    if start is not None:
        conditions.append(or_(Round.window_end > start,
                              and_(Round.window_end.is_(None), Round.window_start >= start)))
    return conditions


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def _rounds_on_days(session: Session, date_from: date | None,
                    date_to: date | None) -> list[int]:
    """Rounds announced by day, week or month whose days at the venue overlap the range.

    Rounds number in the tens or hundreds: SQL narrows them to those within a day of the
    range in UTC, and their local days are then compared exactly here.
    """
    query = select(Round).where(Round.deleted_at.is_(None), Round.window_start.is_not(None),
                                Round.window_precision != Precision.EXACT)
    if date_to is not None:
        query = query.where(Round.window_start < datetime.combine(
            date_to + timedelta(days=1), datetime.min.time(), UTC) + _EARLIEST_OFFSET)
    if date_from is not None:
        since = datetime.combine(date_from, datetime.min.time(), UTC) - _LATEST_OFFSET
        query = query.where(Round.window_end > since)
    chosen = []
    for round_ in session.scalars(query):
        first, last = round_.window.first_day(), round_.window.last_day()
        if first is None or last is None:
            continue
        if (date_to is None or first <= date_to) and (date_from is None or last >= date_from):
            chosen.append(round_.id)
    return chosen


def _others(session: Session, date_from: date | None, date_to: date | None,
            tz: str, corrections: bool = False,
            then: KnownThen | None = None) -> list[SortKey]:
    """The keys of every round, schedule change, reading and claim on a day and a place
    in the range, sorted; the retracted changes and the retractions only with the
    *corrections*; with *then*, only what was known then."""
    start, end = _bounds(date_from, date_to, tz)
    rounds = select(Round.id, Round.window_precision, Round.window_tz, Round.window_start,
                    Round.window_end).where(Round.deleted_at.is_(None))
    if date_from is not None or date_to is not None:
        # Undated rounds belong to no range; exact ones when their time overlaps it
        # (a session from 5 Feb 10:00 to 6 Feb 18:00 is on both days).
        exact = and_(Round.window_precision == Precision.EXACT, *_overlapping(start, end))
        rounds = rounds.where(or_(exact, Round.id.in_(
            _rounds_on_days(session, date_from, date_to))))
    keys = [key_of(round_instant(ScheduledWindow.stored(precision, zone, first, last)),
                   EntryKind.ROUND, round_id)
            for round_id, precision, zone, first, last in session.execute(rounds)]
    keys += [key_of(at, EntryKind.SCHEDULE_CHANGE, change_id) for at, change_id in
             change_keys(session, date_from, date_to, tz, with_corrections=corrections)]
    keys += [key_of(at, EntryKind.FACTOR_READING, reading_id) for reading_id, at in
             session.execute(select(FactorReading.id, FactorReading.observed_at)
                             .where(*_within(FactorReading.observed_at, start, end)))]
    if then is not None:
        keys = keys_known_then(keys, then, date_from, date_to, tz)
    # Claims on a day and a place: their query keeps those known then by itself.
    keys += claim_keys(session, date_from, date_to, then.as_of if then else None)
    return sorted(keys)


def _event_range(date_from: date | None, date_to: date | None,
                 then: KnownThen | None = None) -> list[ColumnElement[bool]]:
    conditions = event_conditions(then)
    if date_from is not None:
        conditions.append(BattlefieldEvent.event_date >= date_from)
    if date_to is not None:
        conditions.append(BattlefieldEvent.event_date <= date_to)
    return conditions


def _count_events(session: Session, conditions: list[ColumnElement[bool]]) -> int:
    # count(*): unfiltered, SQLite counts B-tree cells instead of reading entries.
    return session.scalar(
        select(func.count()).select_from(BattlefieldEvent).where(*conditions)) or 0


def _event_keys(session: Session, conditions: list[ColumnElement[bool]], *,
                backwards: bool = False, offset: int = 0, limit: int) -> list[SortKey]:
    """Event keys in (event_date, id) order, or its reverse; the index covers the query."""
    event = BattlefieldEvent
    order = [event.event_date.desc(), event.id.desc()] if backwards \
        else [event.event_date, event.id]
    rows = session.execute(select(event.event_date, event.id).where(*conditions)
                           .order_by(*order).offset(offset).limit(limit))
    return [event_key(day, event_id) for day, event_id in rows]


def _events_beyond(session: Session, conditions: list[ColumnElement[bool]],
                   anchor: SortKey, limit: int, *, backwards: bool) -> list[SortKey]:
    """Up to *limit* events right after *anchor* (or right before it), in time order."""
    found: list[SortKey] = []
    for bounds in events_after(anchor, backwards=backwards) or []:
        if len(found) >= limit:
            break
        found += _event_keys(session, [*conditions, *bounds], backwards=backwards,
                             limit=limit - len(found))
    return found[::-1] if backwards else found


def count_chronology(
    session: Session, *, date_from: date | None = None, date_to: date | None = None,
    tz: str = "UTC", corrections: bool = False,
    as_of: AsOf | None = None,
) -> int:
    then = known_then(session, as_of)
    return _count_events(session, _event_range(date_from, date_to, then)) + \
        len(_others(session, date_from, date_to, tz, corrections, then))


def chronology_page(
    session: Session, *, offset: int, limit: int, date_from: date | None = None,
    date_to: date | None = None, tz: str = "UTC", after: ChronologyEntry | None = None,
    before: ChronologyEntry | None = None, total: int | None = None,
    corrections: bool = False,
    as_of: AsOf | None = None,
) -> list[ChronologyEntry]:
    """Entries *offset* … *offset + limit* in time order (the Chronology view's pages).

    Given an entry the caller already has, the *limit* entries right *after* it (or
    right *before* it) are read from its key instead, one index seek however deep.
    Given the *total* (``count_chronology``), a page in the second half is read from the
    end. With the *corrections*, retracted changes and retractions are entries too; with
    *as_of*, the chronology known at the end of that day.
    """
    then = known_then(session, as_of)
    others = _others(session, date_from, date_to, tz, corrections, then)
    conditions = _event_range(date_from, date_to, then)
    if after is not None:
        anchor = entry_key(after)
        keys = window_after(others, _events_beyond(session, conditions, anchor, limit,
                                                   backwards=False), anchor, limit)
    elif before is not None:
        anchor = entry_key(before)
        keys = window_before(others, _events_beyond(session, conditions, anchor, limit,
                                                    backwards=True), anchor, limit)
    else:
        # An event numbered k has k to k + len(others) entries before it: the page
        # can only hold events from number *first* to offset + limit.
        first = max(0, offset - len(others))
        if total is not None and 2 * offset > total:
            # Nearer the end: read backwards from it (OFFSET steps over every entry it
            # skips). That takes the true number of events; *total* may be stale, as
            # a hidden view is recounted only when shown.
            events_total = _count_events(session, conditions)
            count = max(0, min(events_total, offset + limit) - first)
            events = _event_keys(session, conditions, backwards=True, limit=count,
                                 offset=max(0, events_total - first - count))[::-1]
        else:
            events = _event_keys(session, conditions, offset=first,
                                 limit=offset + limit - first)
            events_total = first + len(events) if events \
                else _count_events(session, conditions)
        keys = window_at(others, events, first, events_total, offset, limit)
    return describe_entries(session, [(key.kind, key.record_id) for key in keys], tz, then)


@dataclass(frozen=True, slots=True)
class ChronologyScope:
    """What a streamed chronology holds: the other facts' keys, in order, and the SQL
    conditions on its events; told in the reader's zone *tz*, as known *then*."""

    others: list[SortKey]
    conditions: list[ColumnElement[bool]]
    tz: str
    then: KnownThen | None

    def describe(self, session: Session, key: SortKey) -> list[ChronologyEntry]:
        """The entry of one key (a round, change or reading; or an event told alone)."""
        return describe_entries(session, [(key.kind, key.record_id)], self.tz, self.then)


def chronology_scope(
    session: Session, *, date_from: date | None = None, date_to: date | None = None,
    tz: str = "UTC", corrections: bool = False,
    as_of: AsOf | None = None, long_records: bool = True,
) -> ChronologyScope:
    """The scope ``iter_chronology`` streams (an export's fast path streams it too)."""
    then = known_then(session, as_of)
    conditions = _event_range(date_from, date_to, then)
    if not long_records:
        conditions.append(is_short_record())
    return ChronologyScope(_others(session, date_from, date_to, tz, corrections, then),
                           conditions, tz, then)


def iter_chronology(
    session: Session, *, date_from: date | None = None, date_to: date | None = None,
    tz: str = "UTC", corrections: bool = False,
    as_of: AsOf | None = None, long_records: bool = True,
) -> Generator[ChronologyEntry, None, None]:
    """Every entry in time order, streamed (exports): events as the index gives them,
    the other facts told one by one where they fall between them (retracted changes and
    retractions, as corrections, only with the *corrections*). Without *long_records*,
    the records over more than a week are left out (the report lists them apart)."""
    return iter_scope(session, chronology_scope(
        session, date_from=date_from, date_to=date_to, tz=tz, corrections=corrections,
        as_of=as_of, long_records=long_records))


def iter_scope(session: Session,
               scope: ChronologyScope) -> Generator[ChronologyEntry, None, None]:
    """Every entry of *scope* in time order, streamed (``iter_chronology``)."""
    events = stream_events(session, scope.conditions)
    try:
        for item in interleave(scope.others, events):
            if isinstance(item, ChronologyEntry):
                yield item
            else:
                yield from scope.describe(session, item)
    finally:
        # A reader that stops early (a closed pipe) closes this generator: the events'
        # cursor is closed now, while its session is open, not at garbage collection.
        events.close()


def iter_other_entries(
    session: Session, *, date_from: date | None = None, date_to: date | None = None,
    tz: str = "UTC", corrections: bool = False,
    as_of: AsOf | None = None,
) -> Iterator[ChronologyEntry]:
    """The rounds, schedule changes, factor readings and claims on a day and a place of
    the range in time order, without its events (a report that counts a long range's
    events by day instead)."""
    then = known_then(session, as_of)
    for key in _others(session, date_from, date_to, tz, corrections, then):
        yield from describe_entries(session, [(key.kind, key.record_id)], tz, then)
