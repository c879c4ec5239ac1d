"""The talks as a TimelineJS3 timeline: the JSON its web page reads, and the page beside it.

One slide per dated round, schedule change, factor reading, claim on a day and a place
and chosen battlefield event (``timelinejs_selection`` says which), told in the
chronology's words; one era per round window, drawn as a band behind the markers; a title
slide that says when the file was made, what it holds and in which zone its times are.
``group`` puts rounds and schedule changes in their track's lane, readings in their
factor's, claims in their measure's, events in their target category's.

Where a date sits: an instant (an exact round, a change, a reading) by its wall-clock
parts in the reader's zone *tz*; a round announced by day, week or month by its days at
the venue, as everywhere in the program; an event by the days its report stands for
(``EventTime``: a day, a week, a month, or a span such as UCDP's 24 Feb – 30 Sep 2022).
Whatever covers several days is drawn over them, from its first day to its last (see
``tracker.io.timelinejs_format``), and every slide's ``display_date`` says what was known.
An era, a span by nature, runs over the window's days: that is what was announced.

Headlines say where and what happened (``timelinejs_headline``), since the timeline's
markers show only their first words; the event's type is in its slide's text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from tracker import __version__
from tracker.domain.chronology import ChronologyEntry, EntryKind
from tracker.domain.enums import Precision
from tracker.domain.timewindow import ScheduledWindow, is_known_zone, zone
from tracker.io.as_of_note import as_of_sentence, titled
from tracker.io.timelinejs_format import (
    DateParts,
    day_parts,
    days_parts,
    html_text,
    instant_parts,
    item_list,
    paragraph,
    plain_label,
)
from tracker.io.timelinejs_page import write_timeline_files
from tracker.services.chronology.chronology_order import entry_key
from tracker.services.chronology.chronology_text import describe_entries
from tracker.services.common.errors import ValidationError
from tracker.services.exports.timelinejs_headline import event_headline
from tracker.services.exports.timelinejs_selection import (
    EventScope,
    Selection,
    TimelineRequest,
    select_for_timeline,
)
from tracker.storage.deferred_build import require_categories

TITLE = "Talks and the war: rounds, schedule changes, factors and battlefield events"
_SLUG = {EntryKind.ROUND: "round", EntryKind.SCHEDULE_CHANGE: "change",
         EntryKind.FACTOR_READING: "reading", EntryKind.CLAIM: "claim",
         EntryKind.EVENT: "event"}


@dataclass(frozen=True, slots=True)
class TimelineExport:
    """The TimelineJS data, and what it holds, for the caller to report."""

    data: dict[str, Any]
    request: TimelineRequest
    rounds: int
    changes: int
    readings: int
    events: int
    events_found: int  # events in scope and range; more than ``events`` when capped
    last_event_day: date | None
    undated: tuple[str, ...]
    claims: int = 0  # claims on a day and a place

    @property
    def capped(self) -> bool:
        return self.events < self.events_found

    def cap_note(self) -> str:
        """Why events are missing, in words, or '' when none are."""
        if not self.capped:
            return ""
        until = f" (up to {_day(self.last_event_day)})" if self.last_event_day else ""
        return (f"Only the first {self.events:,} of {self.events_found:,} battlefield events "
                f"are on this timeline{until}, the most it was allowed to hold (TimelineJS "
                "slows down with thousands). Narrow the date range to see the others.")

    def summary(self) -> str:
        """'1 round, 2 schedule changes, 3 factor readings and 7 events', and ', 2 claims
        on a day and a place' before the last where there are any."""
        parts = [_count(self.rounds, "round"), _count(self.changes, "schedule change"),
                 _count(self.readings, "factor reading"), _count(self.events, "event")]
        if self.claims:
            parts.append(_count(self.claims, "claim") + " on a day and a place")
        return f"{', '.join(parts[:-1])} and {parts[-1]}"


def build_timeline(session: Session, request: TimelineRequest, *,
                   now: datetime | None = None) -> TimelineExport:
    if not is_known_zone(request.tz):
        raise ValidationError("tz", f"Unknown time zone: {request.tz!r}")
    if request.date_from and request.date_to and request.date_to < request.date_from:
        raise ValidationError("date_to", "The end date is before the start date")
    if request.max_events < 1:
        raise ValidationError("max_events", "At least one event must be allowed")
    require_categories(session.connection())  # its events are grouped by category
    chosen = select_for_timeline(session, request)
    keys = ([(EntryKind.ROUND, key) for key in chosen.rounds]
            + [(EntryKind.SCHEDULE_CHANGE, key) for key in chosen.changes]
            + [(EntryKind.FACTOR_READING, key) for key in chosen.readings]
            + [(EntryKind.CLAIM, key) for key in chosen.claims]
            + [(EntryKind.EVENT, key) for key in chosen.events])
    entries = sorted(describe_entries(session, keys, request.tz, chosen.then), key=entry_key)
    last_event = next(reversed(chosen.events.values()), None)
    export = TimelineExport(
        data={}, request=request, rounds=len(chosen.rounds), changes=len(chosen.changes),
        readings=len(chosen.readings), events=len(chosen.events),
        events_found=chosen.events_found,
        last_event_day=last_event.time.first if last_event else None, undated=chosen.undated,
        claims=len(chosen.claims))
    export.data.update({
        "title": _title_slide(export, now or datetime.now(UTC)),
        "events": [_slide(entry, chosen, request.tz) for entry in entries],
        "eras": [era for entry in entries if entry.kind is EntryKind.ROUND
                 if (era := _era(entry, chosen.rounds[entry.record_id].window, request.tz))],
        "scale": "human",
    })
    return export


def write_timeline(session: Session, destination: Path, request: TimelineRequest, *,
                   assets: Path | None = None, now: datetime | None = None) -> TimelineExport:
    """Write the JSON to *destination* and the page that shows it beside it (.html),
    each whole or not at all; with *assets*, the page loads a local copy of TimelineJS."""
    export = build_timeline(session, request, now=now)
    write_timeline_files(Path(destination), export.data,
                         page_title=titled(TITLE, request.as_of), assets=assets)
    return export


def _slide(entry: ChronologyEntry, chosen: Selection, tz: str) -> dict[str, Any]:
    assert entry.when is not None  # undated rounds are not chosen
    headline = entry.title
    if entry.kind is EntryKind.ROUND:
        window = chosen.rounds[entry.record_id].window
        start, end = _round_dates(window, tz)
        group = chosen.rounds[entry.record_id].track
    elif entry.kind is EntryKind.EVENT:
        assert entry.event is not None  # every event entry carries its facts
        time = entry.event.time
        start, end = days_parts(time.first, time.last)
        group = f"Events: {chosen.events[entry.record_id].category or 'uncategorised'}"
        headline = event_headline(entry.event, entry.detail)
    elif entry.kind is EntryKind.CLAIM:
        # A claim's day is a day: its date only, in every zone.
        assert entry.day is not None
        start, end = day_parts(entry.day), None
        group = f"Claims: {chosen.claims[entry.record_id]}"
    else:
        # A change announced on a day has no time: its date only, as the day it is.
        start = day_parts(entry.day) if entry.precision is Precision.DAY and entry.day \
            else instant_parts(entry.when, tz)
        end = None
        group = chosen.changes[entry.record_id] \
            if entry.kind is EntryKind.SCHEDULE_CHANGE \
            else f"Factor: {chosen.readings[entry.record_id]}"
    slide: dict[str, Any] = {
        "unique_id": f"{_SLUG[entry.kind]}-{entry.record_id}",
        "start_date": start,
        "display_date": plain_label(entry.when_text),
        "text": {"headline": html_text(headline), "text": _body(entry)},
        "group": plain_label(group),
        # Our own links only: TimelineJS's autolink would rewrite escaped text.
        "autolink": False,
    }
    if end is not None:
        slide["end_date"] = end
    return slide


def _body(entry: ChronologyEntry) -> str:
    return "".join((
        paragraph("When", entry.when_text),
        paragraph("Type", entry.title) if entry.kind is EntryKind.EVENT else "",
        f"<p>{html_text(entry.detail)}</p>" if entry.detail else "",
        paragraph("Place", entry.place),
        item_list("Links", entry.links),
        item_list("Sources", entry.sources, numbered=True),
    ))


def _round_dates(window: ScheduledWindow, tz: str) -> tuple[DateParts, DateParts | None]:
    assert window.start is not None
    if window.precision is Precision.EXACT:
        return (instant_parts(window.start, tz),
                instant_parts(window.end, tz) if window.end else None)
    first, last = window.first_day(), window.last_day()
    assert first is not None and last is not None
    return days_parts(first, last)


def _era(entry: ChronologyEntry, window: ScheduledWindow, tz: str) -> dict[str, Any] | None:
    """The round's window as a band; TimelineJS wants an end after the start, so a round
    at an exact time with no end has no era (its marker shows it)."""
    if window.start is None or window.end is None:
        return None
    if window.precision is Precision.EXACT:
        start, end = instant_parts(window.start, tz), instant_parts(window.end, tz)
    else:
        first, last = window.first_day(), window.last_day()
        assert first is not None and last is not None
        start, end = day_parts(first), day_parts(last + timedelta(days=1))
    # The round's name alone: the band is one short line, and its slide says the rest.
    return {"start_date": start, "end_date": end, "text": {"headline": html_text(entry.title)}}


def _title_slide(export: TimelineExport, now: datetime) -> dict[str, Any]:
    request = export.request
    local = now.astimezone(zone(request.tz))
    offset = local.strftime("%z")
    scope = ("the battlefield events linked to a round or a factor"
             if request.events is EventScope.LINKED else "all battlefield events in range")
    lines = [
        f"Exported by Negotiation Tracker {__version__} on {_day(local.date())} "
        f"{local:%H:%M} {local.tzname()}.",
        f"Times are wall-clock times in {request.tz} ({local.tzname()}, UTC{offset[:3]}:"
        f"{offset[3:]} at export). A round announced by day, week or month is shown on its "
        "days in the round's zone (the venue's, where one is named). A week, a month or an "
        "event reported over several days is drawn from its first day to its last, and its "
        "slide says what was known.",
        f"Range: {_range(request)}. On this timeline: {export.summary()}; events: {scope}.",
    ]
    if request.as_of is not None:
        lines.insert(0, as_of_sentence(request.as_of))
    if export.capped:
        lines.append(export.cap_note())
    if export.undated:
        lines.append("Left out, their date is unknown: " + "; ".join(export.undated) + ".")
    return {"unique_id": "title",
            "text": {"headline": html_text(titled(TITLE, request.as_of)),
                     "text": "".join(f"<p>{html_text(line)}</p>" for line in lines)}}


def _range(request: TimelineRequest) -> str:
    if request.date_from and request.date_to:
        return f"{_day(request.date_from)} to {_day(request.date_to)}"
    if request.date_from:
        return f"from {_day(request.date_from)}"
    if request.date_to:
        return f"up to {_day(request.date_to)}"
    return "all dates"


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}" + ("" if number == 1 else "s")


def _day(day: date | None) -> str:
    return f"{day.day} {day:%b %Y}" if day else ""
