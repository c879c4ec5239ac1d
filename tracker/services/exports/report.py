"""The chronology report's content: counts in SQL, entries streamed, events listed up to a limit.

A report is read by people, so it lists at most ``REPORT_EVENT_LIMIT`` events one by one,
whole days of them from the start of the range. When the range holds more, every day
after the last listed one shows its events counted by type instead (the per-day counts
answer that from a few rows a day), and the summary says so: nothing is left out
silently, and a million-event range costs a few thousand rows, not a million.
Rounds, schedule changes and factor readings are always listed in full, and the rounds,
changes and factor turns come first again as the key developments.

Every total counts the records that fit on a day or a week (report_totals.py); a record
reported over more than a week is counted and listed apart, on no day (issue 15). Claims
on a day and a place, entries of the chronology, are listed apart too, in their section.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from heapq import merge
from itertools import groupby
from typing import Any, TextIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.domain.chronology import ChronologyEntry, EntryKind
from tracker.domain.events import BattlefieldEvent
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
from tracker.services.claims.claims import day_claims
from tracker.services.claims.figure_rule import figure_rule
from tracker.services.common.errors import ValidationError
from tracker.services.exports.key_developments import key_developments
from tracker.services.exports.report_totals import (
    Sums,
    count_short_records,
    day_range,
    long_records,
    short_record_sums,
)
from tracker.services.exports.report_withdrawn import withdrawn_records
from tracker.services.rounds.as_of import AsOf
from tracker.storage.counted_events import is_counted
from tracker.storage.deferred_build import require_categories
from tracker.storage.long_records import is_short_record

REPORT_EVENT_LIMIT = 5000


def write_report(
    session: Session, stream: TextIO, *, date_from: date | None = None,
    date_to: date | None = None, tz: str = "UTC", chart: ReportChart | None = None,
    generated_at: datetime | None = None, event_limit: int = REPORT_EVENT_LIMIT,
    corrections: bool = False,
    as_of: AsOf | None = None,
    title_page: ReportTitlePage | None = None, map_figure: ReportChart | None = None,
) -> int:
    """Write the HTML report of the range to *stream*; return the entries listed in full.

    *chart* is the timeline image, drawn by the caller (Qt draws it, in the UI layer).
    *corrections*: retracted changes and their retractions are listed as corrections.
    *as_of*: the report as it could have been written at the end of that day (its
    events, counted or listed, are those reported up to that day).
    *title_page*: the title, author, organisation and marking on its title page.
    """
    check_report_range(date_from, date_to, tz)
    require_categories(session.connection())  # its counts and lists are by category too
    others = list(_listed(iter_other_entries(session, date_from=date_from, date_to=date_to,
                                             tz=tz, corrections=corrections, as_of=as_of)))
    events_to = _events_to(date_to, as_of)
    counted_from = _first_counted_day(session, date_from, events_to, event_limit)
    summary = replace(
        report_summary(session, others, date_from, events_to, counted_from),
        key_developments=key_developments(session, others if not corrections else list(
            # What stands: the corrections are told in the chronology alone.
            _listed(iter_other_entries(session, date_from=date_from, date_to=date_to,
                                       tz=tz, as_of=as_of)))),
        long_records=tuple(long_records(session, date_from, date_to,
                                        as_of.day if as_of is not None else None)),
        withdrawn=tuple(withdrawn_records(session, date_from, date_to)),
        day_claims=day_claims(session, date_from, date_to, as_of))
    header = ReportHeader(date_from, date_to, tz, generated_at or datetime.now(UTC),
                          corrections, as_of=as_of, title_page=title_page or ReportTitlePage(),
                          figures=figure_rule(session).sentence)
    items = _items(session, others, date_from, date_to, tz, counted_from, corrections,
                   as_of)
    return write_report_html(header, summary, items, stream, chart=chart,
                             map_figure=map_figure)


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
    listed = count_short_records(session, date_from, date_to) if counted_from is None \
        else count_short_records(session, date_from, counted_from - timedelta(days=1))
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
        yield from _with_day_totals(
            _listed(iter_chronology(session, date_from=date_from, date_to=date_to, tz=tz,
                                    corrections=corrections, as_of=as_of,
                                    long_records=False)),
            short_record_sums(session, ("day",), date_from, _events_to(date_to, as_of)))
        return
    # Listed days, in full; a round at an exact time across the split is listed there
    # once, under its first day, and not again below.
    listed: set[tuple[EntryKind, int]] = set()
    last_listed = counted_from - timedelta(days=1)
    if date_from is None or date_from <= last_listed:
        entries = _listed(iter_chronology(session, date_from=date_from, date_to=last_listed,
                                          tz=tz, corrections=corrections, as_of=as_of,
                                          long_records=False))
        for item in _with_day_totals(
                entries, short_record_sums(session, ("day",), date_from, last_listed)):
            if isinstance(item, ChronologyEntry):
                listed.add((item.kind, item.record_id))
            yield item
    rest: list[ChronologyEntry | DaySummary] = [
        entry for entry in others if (entry.kind, entry.record_id) not in listed]
    counted: Iterator[ChronologyEntry | DaySummary] = _day_summaries(
        session, counted_from, _events_to(date_to, as_of))
    yield from merge(rest, counted, key=_day_order)


def _listed(entries: Iterator[ChronologyEntry]) -> Iterator[ChronologyEntry]:
    """The chronology's entries but its claims on a day and a place, which the report
    lists in a section of their own (io/report_claims.py), once."""
    return (entry for entry in entries if entry.kind is not EntryKind.CLAIM)


def _with_day_totals(entries: Iterator[ChronologyEntry], totals: dict[tuple[Any, ...], Sums],
                     ) -> Iterator[ChronologyEntry | DaySummary]:
    """*entries* with each day's totals first under it (before the day's first entry)."""
    days = sorted((_as_date(key[0]), sums) for key, sums in totals.items())
    upcoming = 0
    for entry in entries:
        while upcoming < len(days) and (entry.day is None or days[upcoming][0] <= entry.day):
            yield _listed_day(*days[upcoming])
            upcoming += 1
        yield entry
    for day, sums in days[upcoming:]:
        yield _listed_day(day, sums)


def _listed_day(day: date, sums: Sums) -> DaySummary:
    return DaySummary(day, sums.events, sums.fatalities, (), sums.injuries, listed=True)


def _day_order(item: ChronologyEntry | DaySummary) -> tuple[bool, date, int]:
    """Under each day, its counted events first (the day's totals), then its listed
    facts; undated last."""
    return (item.day is None, item.day or date.min, not isinstance(item, DaySummary))


def _first_counted_day(session: Session, date_from: date | None, date_to: date | None,
                       limit: int) -> date | None:
    """The day of the range's event number *limit* + 1 in (date, id) order: from it on,
    events are counted. None when the range holds no more than *limit* events."""
    event = BattlefieldEvent
    day = session.scalar(select(event.event_date)
                         .where(*day_range(event.event_date, date_from, date_to),
                                is_short_record(), is_counted())
                         .order_by(event.event_date, event.id).offset(limit).limit(1))
    return _as_date(day) if day is not None else None


def _tallies(session: Session, column_name: str, date_from: date | None,
             date_to: date | None) -> tuple[Tally, ...]:
    """Events, fatalities and injuries per value of *column_name*, most events first."""
    tallies = [Tally(name or "", sums.events, sums.fatalities, sums.injuries)
               for (name,), sums in short_record_sums(
                   session, (column_name,), date_from, date_to).items()]
    return tuple(sorted(tallies, key=lambda t: (-t.events, t.name)))


def _day_summaries(session: Session, first_day: date,
                   date_to: date | None) -> Iterator[DaySummary]:
    """Each day's events from *first_day* on, counted per type, in day order."""
    sums = short_record_sums(session, ("day", "event_type"), first_day, date_to)
    by_day = groupby(sorted(((_as_date(day), name or "", found)
                             for (day, name), found in sums.items()),
                            key=lambda row: row[0]), key=lambda row: row[0])
    for day, group in by_day:
        counts = sorted(((name, found) for _, name, found in group),
                        key=lambda count: (-count[1].events, count[0]))
        yield DaySummary(day, sum(found.events for _, found in counts),
                         sum(found.fatalities for _, found in counts),
                         tuple((name, found.events) for name, found in counts),
                         sum(found.injuries for _, found in counts))


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))
