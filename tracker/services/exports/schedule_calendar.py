"""The talks' schedule as iCalendar (RFC 5545), for the calendars people already use.

Each round with a known date is one VEVENT. Its UID stays the same across exports and its
SEQUENCE counts the schedule changes, so a calendar that imported an earlier export
updates the entry it has when the round moves, instead of adding a second one. A window
known only to the week or month is an all-day span marked TENTATIVE, with the precision
in its summary: it must never look like an appointment at an exact time.

A calendar only forgets an entry when it is told to: an entry missing from a newer file
stays as it was. So a round whose date is no longer known (postponed with no new date)
and a deleted round are written as STATUS:CANCELLED under the same UID, at the last
dated window they had (what the subscriber's calendar shows), with SEQUENCE raised by
the change that took the date away or deleted the round. A deleted round is written so
for as long as its history exists; a round that never had a date was never written and
is left out, listed as undated.

As of a past day (``AsOf``), the calendar is the one an export would have written then:
the rounds as known at the end of that day, and their history up to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event
from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker import __version__
from tracker.domain.enums import Precision, RoundModality, RoundStatus
from tracker.domain.negotiation import Round, ScheduleChange
from tracker.domain.timewindow import ScheduledWindow, is_ambiguous, zone
from tracker.io.atomic import atomic_text_writer
from tracker.io.calendar_zones import add_zone_blocks
from tracker.services.claims.claims import (
    ClaimRow,
    claims_sentence,
    event_claims,
    stored_claims_by_event,
)
from tracker.services.common.views import LinkedEventRow, RoundDetail
from tracker.services.exports.schedule_as_of import deleted_rounds, listed_detail
from tracker.services.records.conflicts_kinds import (
    CALENDAR_FIELDS,
    calendar_property,
    word_of,
)
from tracker.services.rounds import list_rounds
from tracker.services.rounds.as_of import AsOf
from tracker.storage.counted_events import RecordStatus

# How calendars are told a round's state; anything not firm is TENTATIVE.
_STATUS = {RoundStatus.CONFIRMED: "CONFIRMED", RoundStatus.HELD: "CONFIRMED",
           RoundStatus.CANCELLED: "CANCELLED"}
_IMPRECISE = (Precision.WEEK, Precision.MONTH)
_RECENT_EVENTS = 5
# What a listed event that is no current record says after its date (issue 17).
_NOT_CURRENT = {
    RecordStatus.WITHDRAWN.value: " (withdrawn by its source; not counted)",
    RecordStatus.MERGED.value: " (another dataset's record of the same event is counted)",
}
PRODUCT_ID = f"-//Negotiation Tracker//tracker {__version__}//EN"
PRECISION_PROPERTY = "X-NEGOTIATION-TRACKER-PRECISION"
NO_END = "End time not announced."


@dataclass(frozen=True, slots=True)
class CalendarExport:
    """The calendar, and what it says about rounds beyond their entries.

    ``rounds`` counts the rounds written with their own window; ``withdrawn`` names the
    rounds written only as cancelled (no date any more, or deleted); ``undated`` the rounds
    left out because their date was never known.
    """

    calendar: Calendar
    rounds: int
    undated: tuple[str, ...]
    withdrawn: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Record:
    """What a round's schedule history tells its calendar entry."""

    changes: int  # every row, retractions too: rows are only ever added
    last_modified: datetime
    last_dated: ScheduledWindow | None  # the latest window with a date it was given

    @property
    def sequence(self) -> int:
        # Each row after the creation raises it, so a newer file always carries a higher
        # SEQUENCE than any earlier one for a round whose schedule changed in between.
        return max(0, self.changes - 1)


def round_uid(round_id: int) -> str:
    return f"round-{round_id}@negotiation-tracker"


def schedule_calendar(session: Session, now: datetime | None = None,
                      as_of: AsOf | None = None) -> CalendarExport:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Negotiation Tracker: talks schedule"
                 + (f" {as_of.describe()}" if as_of else ""))
    stamp = now or datetime.now(UTC)
    undated: list[str] = []
    withdrawn: list[str] = []
    count = 0
    # A round that came from another calendar keeps that calendar's UID, so importing
    # this file back (or into the other calendar) updates it instead of adding a copy.
    foreign: dict[int, str | None] = {
        round_id: uid for round_id, uid in session.execute(
            select(Round.id, Round.calendar_uid).where(Round.calendar_uid.is_not(None)))}
    records = _records(session, as_of)
    listed = list_rounds(session, as_of)
    for row in listed:
        uid = foreign.get(row.id) or round_uid(row.id)
        record = records.get(row.id)
        if row.window.precision is Precision.UNKNOWN:
            if record is None or record.last_dated is None:
                undated.append(row.title)  # never dated: no calendar has an entry for it
                continue
            why = ("cancelled" if row.status is RoundStatus.CANCELLED
                   else "postponed, no new date" if row.status is RoundStatus.POSTPONED
                   else "date no longer known")
            calendar.add_component(_withdrawal(uid, row.title, why, record, stamp))
            withdrawn.append(row.title)
            continue
        detail = listed_detail(session, row, as_of)
        calendar.add_component(_vevent(detail, stamp, record, uid,
                                       _claims_of_recent(session, detail)))
        count += 1
    for deleted in session.scalars(deleted_rounds(as_of, records, listed)):
        record = records.get(deleted.id)
        if record is None:  # no history left to tell a calendar anything
            continue
        window = deleted.window if deleted.window.start is not None and as_of is None \
            else record.last_dated
        if window is None:  # never dated, so never written
            continue
        calendar.add_component(_withdrawal(
            foreign.get(deleted.id) or round_uid(deleted.id), deleted.title,
            "removed from the schedule", replace(record, last_dated=window), stamp))
        withdrawn.append(deleted.title)
    add_zone_blocks(calendar)  # a rule-based VTIMEZONE for every TZID used, from tzdata
    return CalendarExport(calendar, count, tuple(undated), tuple(withdrawn))


def _records(session: Session, as_of: AsOf | None = None) -> dict[int, _Record]:
    """Every round's history, read once, in the order it was written (ids only grow);
    as of a day, the changes announced by then."""
    found: dict[int, _Record] = {}
    query = select(ScheduleChange).order_by(ScheduleChange.id)
    for change in session.scalars(query.where(as_of.clause()) if as_of else query):
        before = found.get(change.round_id)
        # A change to an unknown date keeps the dated window it left as the last one.
        dated = next((window for window in (change.new_window, change.old_window)
                      if window is not None and window.start is not None),
                     before.last_dated if before else None)
        found[change.round_id] = _Record(
            (before.changes if before else 0) + 1,
            max(before.last_modified, change.recorded_at) if before else change.recorded_at,
            dated)
    return found


# C0 control characters RFC 5545 does not allow in TEXT (tab and line feed are allowed;
# a line feed is written as \n). They are shown as U+FFFD rather than dropped unseen.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _text(value: str) -> str:
    return _CONTROLS.sub("\ufffd", value.replace("\r\n", "\n"))


def _entry(uid: str, stamp: datetime, window: ScheduledWindow, record: _Record | None) -> Event:
    """The event's identity, times and place in the subscriber's sequence of updates."""
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    _add_times(event, window)
    if window.precision in _IMPRECISE:  # so an import reads the span back as a week or month
        event.add(PRECISION_PROPERTY, window.precision.value.upper())
    event.add("sequence", record.sequence if record else 0)
    if record is not None:
        event.add("last-modified", record.last_modified)
    return event


def _withdrawal(uid: str, title: str, why: str, record: _Record,
                stamp: datetime) -> Event:
    """A cancellation of the entry a calendar already has: at the window it shows."""
    assert record.last_dated is not None
    event = _entry(uid, stamp, record.last_dated, record)
    event.add("summary", _text(f"{title} ({why})"))
    event.add("status", "CANCELLED")
    event.add("description", _text(f"{why.capitalize()}. Was: {record.last_dated.describe()}"))
    return event


def _recent(detail: RoundDetail) -> list[LinkedEventRow]:
    """The linked events a round's entry lists: the latest few."""
    return sorted(detail.linked_events, key=lambda e: e.event_date,
                  reverse=True)[:_RECENT_EVENTS]


def _claims_of_recent(session: Session, detail: RoundDetail) -> dict[int, list[ClaimRow]]:
    """Every claim of the listed events that have claims recorded (issue 18): where
    figures conflict, the calendar gives each with who claims it, as the chronology does."""
    claimed = stored_claims_by_event(session, [e.event_id for e in _recent(detail)])
    return {event_id: event_claims(session, event_id) for event_id in claimed}


def _vevent(detail: RoundDetail, stamp: datetime, record: _Record | None,
            uid: str, claims: Mapping[int, Sequence[ClaimRow]]) -> Event:
    row = detail.row
    window = row.window
    event = _entry(uid, stamp, window, record)
    tentative = window.precision in _IMPRECISE
    event.add("summary", _text(f"{row.title} ({window.describe()}, date not fixed)"
                               if tentative else row.title))
    event.add("status", "TENTATIVE" if tentative and row.status is not RoundStatus.CANCELLED
              else _STATUS.get(row.status, "TENTATIVE"))
    if row.venue is not None:
        event.add("location", _text(row.venue.label))
        if row.venue.latitude is not None and row.venue.longitude is not None:
            event.add("geo", (row.venue.latitude, row.venue.longitude))
    for field in CALENDAR_FIELDS:  # read back by calendar import
        event.add(calendar_property(field), word_of(getattr(row, field)).upper())
    event.add("description", _text("\n".join(_description(detail, claims))))
    event.add("categories", [_text(row.track), row.status.value])
    return event


def _add_times(event: Event, window: ScheduledWindow) -> None:
    """Exact windows in the venue's zone (TZID); day, week and month ones as all-day dates.

    Every entry has an end: without one, calendars show a timed event as an hour long.
    A start whose end was not announced lasts no time (what RFC 5545 3.6.1 says a missing
    DTEND means), and its description says so (_description). It is a zero DURATION, not
    DTEND equal to DTSTART, which khal also reads as an hour.
    """
    assert window.start is not None
    tz = zone(window.tz)
    if window.precision is Precision.EXACT:
        event.add("dtstart", _wall_or_utc(window.start, tz))
        if window.end is None:
            event.add("duration", timedelta(0))
        else:
            event.add("dtend", _wall_or_utc(window.end, tz))
        return
    assert window.end is not None
    # The window's end is the local midnight after its last day: DTEND is exclusive too.
    event.add("dtstart", window.start.astimezone(tz).date())
    event.add("dtend", window.end.astimezone(tz).date())


def _wall_or_utc(instant: datetime, tz: ZoneInfo) -> datetime:
    """The instant on the venue's clock, unless that wall time happens twice (the hour
    repeated in autumn): it is written in UTC, which every reader reads alike. RFC 5545
    3.3.5 reads a TZID time there as the first of the two, so the second would be an
    hour off; and khal (through pytz) reads the first as the second."""
    local = instant.astimezone(tz)
    return instant if is_ambiguous(local.replace(tzinfo=None), tz.key) else local


def _description(detail: RoundDetail,
                 claims: Mapping[int, Sequence[ClaimRow]]) -> Iterable[str]:
    row = detail.row
    modality = "" if row.modality is RoundModality.UNKNOWN else f"; {row.modality.value}"
    yield (f"{row.status.value.capitalize()}; {row.format.value}{modality}. "
           f"When: {row.window.describe()}")
    if row.window.precision is not Precision.EXACT:
        yield f"Known to the {row.window.precision.value}, not to the hour."
    elif row.window.end is None:
        yield NO_END
    if detail.participants:
        yield "Participants: " + "; ".join(
            f"{p.party} ({p.role.value}{', ' + p.person if p.person else ''})"
            for p in detail.participants)
    if detail.dependencies:
        yield "Depends on: " + "; ".join(
            f"{d.factor} ({d.effect.value})" for d in detail.dependencies)
    recent = _recent(detail)
    for linked in recent:
        place = f" ({linked.location})" if linked.location else ""
        told = claims_sentence(claims.get(linked.event_id, ()))
        # Dated as reported (a week stays a week), and never a withdrawn or merged
        # record passed off as a current event.
        status = _NOT_CURRENT.get(linked.record_status, "")
        yield f"Event {linked.time.describe()}{status}: {linked.summary}{place}" + \
            (f" {told}" if told else "")
    more = len(detail.linked_events) - len(recent)
    if more:
        yield f"{more} more linked event{'s' if more > 1 else ''} (the latest " \
              f"{len(recent)} are listed)"
    if detail.agenda:
        yield f"Agenda: {detail.agenda}"


def write_calendar(session: Session, destination: Path, as_of: AsOf | None = None, *,
                   now: datetime | None = None) -> CalendarExport:
    """Write the schedule to *destination*, whole or not at all (CRLF lines, RFC 5545);
    *as_of*: the calendar an export would have written at the end of that day; *now*:
    the DTSTAMP (the time of writing unless given), the one thing that differs between
    two exports of the same database."""
    export = schedule_calendar(session, now, as_of)
    text = export.calendar.to_ical().decode("utf-8")
    with atomic_text_writer(destination, newline="") as stream:
        stream.write(text)
    return export
