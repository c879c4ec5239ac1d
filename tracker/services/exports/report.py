"""The chronology report's content: counts in SQL, entries streamed, events listed up to a limit.

A report is read by people, so it lists at most ``REPORT_EVENT_LIMIT`` events one by one,
whole days of them from the start of the range. When the range holds more, every day
after the last listed one shows its events counted by type instead (the per-day counts
answer that from a few rows a day), and the summary says so: nothing is left out
silently, and a million-event range costs a few thousand rows, not a million.
Rounds, schedule changes and factor readings are always listed in full.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from heapq import merge
from itertools import groupby
from typing import Any, TextIO

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from tracker.domain.chronology import ChronologyEntry, EntryKind
from tracker.domain.events import BattlefieldEvent, EventDayCount
from tracker.domain.timewindow import is_known_zone
from tracker.io.report_html import (
    DaySummary,
    ReportChart,
    ReportHeader,
    ReportSummary,
    ReportTitlePage,
    Tally,
    write_report_html,
)
from tracker.services.chronology.chronology import iter_chronology, iter_other_entries
from tracker.services.common.errors import ValidationError
from tracker.services.rounds.as_of import AsOf
from tracker.storage.day_counts import counts_are_kept

REPORT_EVENT_LIMIT = 5000


def write_report(
    session: Session, stream: TextIO, *, date_from: date | None = None,
    date_to: date | None = None, tz: str = "UTC", chart: ReportChart | None = None,
    generated_at: datetime | None = None, event_limit: int = REPORT_EVENT_LIMIT,
    corrections: bool = False,
    as_of: AsOf | None = None,
    title_page: ReportTitlePage | None = None,
) -> int:
    """Write the HTML report of the range to *stream*; return the entries listed in full.

    *chart* is the timeline image, drawn by the caller (Qt draws it, in the UI layer).
    *corrections*: retracted changes and their retractions are listed as corrections.
    *as_of*: the report as it could have been written at the end of that day (its
    events, counted or listed, are those reported up to that day).
    *title_page*: the title, author, organisation and marking on its title page.
    """
    check_report_range(date_from, date_to, tz)
    others = list(iter_other_entries(session, date_from=date_from, date_to=date_to, tz=tz,
                                     corrections=corrections, as_of=as_of))
    events_to = _events_to(date_to, as_of)
    counted_from = _first_counted_day(session, date_from, events_to, event_limit)
    summary = report_summary(session, others, date_from, events_to, counted_from)
    header = ReportHeader(date_from, date_to, tz, generated_at or datetime.now(UTC),
                          corrections, as_of=as_of, title_page=title_page or ReportTitlePage())
    items = _items(session, others, date_from, date_to, tz, counted_from, corrections,
                   as_of)
    return write_report_html(header, summary, items, stream, chart=chart)


def _events_to(date_to: date | None, as_of: AsOf | None) -> date | None:
    """The last day whose events the report holds: as of a day, none reported after it."""
    if as_of is None:
        return date_to
    return as_of.day if date_to is None else min(date_to, as_of.day)


def check_report_range(date_from: date | None, date_to: date | None, tz: str) -> None:
    """Refuse a backwards range or an unknown zone before anything is read or drawn."""
    if date_from and date_to and date_to < date_from:
        raise ValidationError("date_to", "The end date is before the start date")
    if not is_known_zone(tz):
        raise ValidationError("tz", f"Unknown time zone: {tz!r}")


def report_summary(session: Session, others: list[ChronologyEntry], date_from: date | None,
                   date_to: date | None, counted_from: date | None) -> ReportSummary:
    kinds = Counter(entry.kind for entry in others)
    by_type = _tallies(session, "event_type", date_from, date_to)
    listed = _count_events(session, date_from, date_to) if counted_from is None else \
        _count_events(session, date_from, counted_from - timedelta(days=1))
    return ReportSummary(
        rounds=kinds[EntryKind.ROUND], schedule_changes=kinds[EntryKind.SCHEDULE_CHANGE],
        factor_readings=kinds[EntryKind.FACTOR_READING],
        events=sum(t.events for t in by_type), fatalities=sum(t.fatalities for t in by_type),
        injuries=sum(t.injuries for t in by_type), by_type=by_type,
        by_category=_tallies(session, "target_category", date_from, date_to),
        listed_events=listed, counted_from=counted_from)


def _items(session: Session, others: list[ChronologyEntry], date_from: date | None,
           date_to: date | None, tz: str, counted_from: date | None,
           corrections: bool, as_of: AsOf | None = None,
           ) -> Iterator[ChronologyEntry | DaySummary]:
    if counted_from is None:
        yield from iter_chronology(session, date_from=date_from, date_to=date_to, tz=tz,
                                   corrections=corrections, as_of=as_of)
        return
    # Listed days, in full; a round at an exact time across the split is listed there
    # once, under its first day, and not again below.
    listed: set[tuple[EntryKind, int]] = set()
    last_listed = counted_from - timedelta(days=1)
    if date_from is None or date_from <= last_listed:
        for entry in iter_chronology(session, date_from=date_from, date_to=last_listed,
                                     tz=tz, corrections=corrections, as_of=as_of):
            listed.add((entry.kind, entry.record_id))
            yield entry
    rest: list[ChronologyEntry | DaySummary] = [
        entry for entry in others if (entry.kind, entry.record_id) not in listed]
    counted: Iterator[ChronologyEntry | DaySummary] = _day_summaries(
        session, counted_from, _events_to(date_to, as_of))
    yield from merge(rest, counted, key=_day_order)


def _day_order(item: ChronologyEntry | DaySummary) -> tuple[bool, date, int]:
    """Under each day, its listed facts first, then its counted events; undated last."""
    return (item.day is None, item.day or date.min, isinstance(item, DaySummary))


def _first_counted_day(session: Session, date_from: date | None, date_to: date | None,
                       limit: int) -> date | None:
    """The day of the range's event number *limit* + 1 in (date, id) order: from it on,
    events are counted. None when the range holds no more than *limit* events."""
    event = BattlefieldEvent
    day = session.scalar(select(event.event_date).where(*_event_range(date_from, date_to))
                         .order_by(event.event_date, event.id).offset(limit).limit(1))
    return _as_date(day) if day is not None else None


def _event_range(date_from: date | None, date_to: date | None,
                 column: Any = BattlefieldEvent.event_date) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if date_from is not None:
        conditions.append(column >= date_from)
    if date_to is not None:
        conditions.append(column <= date_to)
    return conditions


def _count_events(session: Session, date_from: date | None, date_to: date | None) -> int:
    return session.scalar(select(func.count()).select_from(BattlefieldEvent)
                          .where(*_event_range(date_from, date_to))) or 0


def _sums(session: Session) -> tuple[Any, Any, tuple[Any, Any, Any]]:
    """The table to sum, its day column, and its events, fatalities and injuries sums:
    the per-day counts where the database keeps them, else the events themselves."""
    if counts_are_kept(session.connection()):
        table: Any = EventDayCount
        return table, table.day, (func.sum(table.events), func.sum(table.fatalities),
                                  func.sum(table.injuries))
    event = BattlefieldEvent
    return event, event.event_date, (func.count(), func.coalesce(func.sum(event.fatalities), 0),
                                     func.coalesce(func.sum(event.injuries), 0))


def _tallies(session: Session, column_name: str, date_from: date | None,
             date_to: date | None) -> tuple[Tally, ...]:
    """Events, fatalities and injuries per value of *column_name*, most events first."""
    table, day, sums = _sums(session)
    column = getattr(table, column_name)
    rows = session.execute(select(column, *sums).where(*_event_range(date_from, date_to, day))
                           .group_by(column))
    tallies = [Tally(name or "", int(events or 0), int(fatalities or 0), int(injuries or 0))
               for name, events, fatalities, injuries in rows]
    return tuple(sorted(tallies, key=lambda t: (-t.events, t.name)))


def _day_summaries(session: Session, first_day: date,
                   date_to: date | None) -> Iterator[DaySummary]:
    """Each day's events from *first_day* on, counted per type, in day order."""
    table, day, (events, fatalities, _injuries) = _sums(session)
    rows = session.execute(
        select(day, table.event_type, events, fatalities)
        .where(*_event_range(first_day, date_to, day))
        .group_by(day, table.event_type).order_by(day))
    for raw_day, group in groupby(rows, key=lambda row: row[0]):
        counts = [(name or "", int(n or 0), int(dead or 0)) for _, name, n, dead in group]
        counts.sort(key=lambda c: (-c[1], c[0]))
        yield DaySummary(_as_date(raw_day), sum(c[1] for c in counts),
                         sum(c[2] for c in counts), tuple((c[0], c[1]) for c in counts))


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))
