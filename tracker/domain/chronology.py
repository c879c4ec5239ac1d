"""One line of the chronology: what every exporter writes and the Chronology view shows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum

from tracker.domain.announcement import Announcement
from tracker.domain.enums import Precision
from tracker.domain.event_time import EventTime

# A dated event sorts at midday UTC of its day: that instant falls on the same calendar
# day in every zone from UTC-12 to UTC+12, so day headings in any reader's zone follow
# the sort.
EVENT_HOUR_UTC = 12


def event_instant(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, EVENT_HOUR_UTC, tzinfo=UTC)


def announced_when(announced: Announcement) -> datetime:
    """The instant a schedule change sorts at, by its announcement: a day's like any
    dated fact (12:00 UTC of that day), an instant's at itself."""
    if announced.precision is Precision.DAY:
        return event_instant(announced.at.date())
    return announced.at


class EntryKind(StrEnum):
    ROUND = "round"
    SCHEDULE_CHANGE = "schedule change"
    FACTOR_READING = "factor reading"
    # A figure about a day and a place that no recorded event carries (issue 18); a
    # claim about an event is told inside that event's entry. Declared before EVENT:
    # the chronology ranks kinds in this order, events last (chronology_order.RANK).
    CLAIM = "claim"
    EVENT = "event"


@dataclass(frozen=True, slots=True)
class ChronologyEntry:
    """A fact placed in time.

    ``when`` is the UTC instant the entry sorts by: ``event_instant`` of the day for an
    event or a round announced by day, week or month; the instant itself for a round at
    an exact time, a schedule change or a factor reading; None for a round whose date is
    unknown, which sorts last. ``day`` is the calendar day it belongs to: a reported day,
    a round's first day at its venue, or an instant's day in the reader's zone.
    ``when_text`` says it the way it was known, so a week-precision window never reads as
    an exact time.
    """

    when: datetime | None
    day: date | None
    precision: Precision
    when_text: str
    kind: EntryKind
    record_id: int
    title: str
    detail: str
    place: str
    links: tuple[str, ...]
    sources: tuple[str, ...]
    # An event's own fields, for formats with a column each (CSV); None for other kinds.
    event: EventFacts | None = None
    # A claim on a day and a place as a record, for formats with a field each (JSON);
    # None for other kinds.
    claim: ClaimFacts | None = None
    # A schedule change nobody dated: ``when`` is the instant it was entered, which was
    # never said to be its announcement (domain/announcement.py); ``when_text`` says so.
    dated_when_entered: bool = False
    # The last day a round stands for, when it is another day than ``day`` (a session
    # over two days, a week, a month), in the same zone as ``day``; None otherwise.
    end_day: date | None = None

    @property
    def precision_text(self) -> str:
        """The precision as the CSV and JSON exports write it: ENTERED for a change dated
        when it was entered (its instant is exact, but it is not an announcement's)."""
        return ENTERED if self.dated_when_entered else self.precision.value


# The precision the exports write for a schedule change nobody dated (see above).
ENTERED = "entered"


@dataclass(frozen=True, slots=True)
class EventFacts:
    """A battlefield event as a table row: its time as reported and its dataset's fields,
    each in its own type, so a spreadsheet or a data tool reads numbers as numbers."""

    time: EventTime
    dataset: str
    external_id: str
    event_type: str
    sub_event_type: str
    target_category: str
    actor1: str
    actor2: str
    location: str
    admin1: str
    latitude: float | None
    longitude: float | None
    fatalities: int | None
    fatalities_low: int | None
    fatalities_high: int | None
    injuries: int | None
    country: str = ""  # as the dataset names it; empty where it gives none
    # storage.counted_events.RecordStatus: "withdrawn" by its source or "merged" into
    # another dataset's record is in no count, and a data tool summing figures must see it.
    record_status: str = "current"


@dataclass(frozen=True, slots=True)
class ClaimFacts:
    """A claim as a record: its figure as numbers (one value as *best*; a range as *low*
    and *high*), who gives it, its status and its source's label ("" where it has none),
    so a data tool reads them without parsing words (services.claims.claims.ClaimRow
    adds where it is stored and attached)."""

    measure: str
    low: int | None
    best: int | None
    high: int | None
    claimant: str
    claimant_kind: str
    status: str
    source: str
    note: str
