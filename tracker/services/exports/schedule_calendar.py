"""The talks' schedule as iCalendar (RFC 5545), for the calendars people already use.

Each round with a known date is one VEVENT. Its UID stays the same across exports and its
SEQUENCE counts the schedule changes, so a calendar that imported an earlier export
updates the entry it has when the round moves, instead of adding a second one. A window
known only to the week or month is an all-day span marked TENTATIVE, with the precision
in its summary: it must never look like an appointment at an exact time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from icalendar import Calendar, Event
from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker import __version__
from tracker.domain.enums import Precision, RoundModality, RoundStatus
from tracker.domain.negotiation import Round
from tracker.domain.timewindow import ScheduledWindow, zone
from tracker.io.atomic import atomic_text_writer
from tracker.services.common.views import RoundDetail
from tracker.services.records.conflicts_kinds import (
    CALENDAR_FIELDS,
    calendar_property,
    word_of,
)
from tracker.services.rounds import list_rounds, round_detail

# How calendars are told a round's state; anything not firm is TENTATIVE.
_STATUS = {RoundStatus.CONFIRMED: "CONFIRMED", RoundStatus.HELD: "CONFIRMED",
           RoundStatus.CANCELLED: "CANCELLED"}
_RECENT_EVENTS = 5
PRODUCT_ID = f"-//Negotiation Tracker//tracker {__version__}//EN"
PRECISION_PROPERTY = "X-NEGOTIATION-TRACKER-PRECISION"


@dataclass(frozen=True, slots=True)
class CalendarExport:
    """The calendar, and the rounds left out because their date is not known at all."""

    calendar: Calendar
    rounds: int
    undated: tuple[str, ...]


def round_uid(round_id: int) -> str:
    return f"round-{round_id}@negotiation-tracker"


def schedule_calendar(session: Session, now: datetime | None = None) -> CalendarExport:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Negotiation Tracker: talks schedule")
    stamp = now or datetime.now(UTC)
    undated: list[str] = []
    count = 0
    # A round that came from another calendar keeps that calendar's UID, so importing
    # this file back (or into the other calendar) updates it instead of adding a copy.
    foreign: dict[int, str | None] = {
        round_id: uid for round_id, uid in session.execute(
            select(Round.id, Round.calendar_uid).where(Round.calendar_uid.is_not(None)))}
    for row in list_rounds(session):
        if row.window.precision is Precision.UNKNOWN:
            undated.append(row.title)
            continue
        calendar.add_component(_vevent(round_detail(session, row.id), stamp,
                                       foreign.get(row.id)))
        count += 1
    calendar.add_missing_timezones()  # a VTIMEZONE for every TZID used, from tzdata
    return CalendarExport(calendar, count, tuple(undated))


# C0 control characters RFC 5545 does not allow in TEXT (tab and line feed are allowed;
# a line feed is written as \n). They are shown as U+FFFD rather than dropped unseen.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _text(value: str) -> str:
    return _CONTROLS.sub("\ufffd", value.replace("\r\n", "\n"))


def _vevent(detail: RoundDetail, stamp: datetime, uid: str | None = None) -> Event:
    row = detail.row
    window = row.window
    event = Event()
    event.add("uid", uid or round_uid(row.id))
    event.add("dtstamp", stamp)
    tentative = window.precision in (Precision.WEEK, Precision.MONTH)
    event.add("summary", _text(f"{row.title} ({window.describe()}, date not fixed)"
                               if tentative else row.title))
    _add_times(event, window)
    if tentative:  # so an import reads the span back as a week or month, not as days
        event.add(PRECISION_PROPERTY, window.precision.value.upper())
    event.add("status", "TENTATIVE" if tentative and row.status is not RoundStatus.CANCELLED
              else _STATUS.get(row.status, "TENTATIVE"))
    # Every schedule change after the creation raises the sequence.
    event.add("sequence", max(0, len(detail.history) - 1))
    if detail.history:
        event.add("last-modified", max(change.recorded_at for change in detail.history))
    if row.venue is not None:
        event.add("location", _text(row.venue.label))
        if row.venue.latitude is not None and row.venue.longitude is not None:
            event.add("geo", (row.venue.latitude, row.venue.longitude))
    for field in CALENDAR_FIELDS:  # read back by calendar import
        event.add(calendar_property(field), word_of(getattr(row, field)).upper())
    event.add("description", _text("\n".join(_description(detail))))
    event.add("categories", [_text(row.track), row.status.value])
    return event


def _add_times(event: Event, window: ScheduledWindow) -> None:
    """Exact windows in the venue's zone (TZID); day, week and month ones as all-day dates."""
    assert window.start is not None
    tz = zone(window.tz)
    if window.precision is Precision.EXACT:
        event.add("dtstart", window.start.astimezone(tz))
        if window.end is not None:
            event.add("dtend", window.end.astimezone(tz))
        return
    assert window.end is not None
    # The window's end is the local midnight after its last day: DTEND is exclusive too.
    event.add("dtstart", window.start.astimezone(tz).date())
    event.add("dtend", window.end.astimezone(tz).date())


def _description(detail: RoundDetail) -> Iterable[str]:
    row = detail.row
    modality = "" if row.modality is RoundModality.UNKNOWN else f"; {row.modality.value}"
    yield (f"{row.status.value.capitalize()}; {row.format.value}{modality}. "
           f"When: {row.window.describe()}")
    if row.window.precision is not Precision.EXACT:
        yield f"Known to the {row.window.precision.value}, not to the hour."
    if detail.participants:
        yield "Participants: " + "; ".join(
            f"{p.party} ({p.role.value}{', ' + p.person if p.person else ''})"
            for p in detail.participants)
    if detail.dependencies:
        yield "Depends on: " + "; ".join(
            f"{d.factor} ({d.effect.value})" for d in detail.dependencies)
    recent = sorted(detail.linked_events, key=lambda e: e.event_date, reverse=True)
    for linked in recent[:_RECENT_EVENTS]:
        place = f" ({linked.location})" if linked.location else ""
        yield f"Event {linked.event_date:%d %b %Y}: {linked.summary}{place}"
    if detail.agenda:
        yield f"Agenda: {detail.agenda}"


def write_calendar(session: Session, destination: Path) -> CalendarExport:
    """Write the schedule to *destination*, whole or not at all (CRLF lines, RFC 5545)."""
    export = schedule_calendar(session)
    text = export.calendar.to_ical().decode("utf-8")
    with atomic_text_writer(destination, newline="") as stream:
        stream.write(text)
    return export
