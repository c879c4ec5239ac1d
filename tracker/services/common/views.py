"""Frozen row snapshots the services hand to the window and the command line.

Views never hold live ORM objects: a snapshot is read inside a session and stays valid
after it closes, so Qt models can cache them and background work cannot race the UI.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from tracker.domain.announcement import Announcement
from tracker.domain.enums import (
    ChangeKind,
    DependencyEffect,
    FactorLevel,
    FactorTrend,
    LinkKind,
    ParticipantRole,
    Precision,
    RoundFormat,
    RoundModality,
    RoundStatus,
)
from tracker.domain.event_time import EventTime
from tracker.domain.events import MIDWEEK_DATASETS
from tracker.domain.timewindow import ScheduledWindow


@dataclass(frozen=True, slots=True)
class VenueRow:
    id: int
    name: str
    city: str
    country: str
    latitude: float | None
    longitude: float | None
    time_zone: str

    @property
    def label(self) -> str:
        place = ", ".join(part for part in (self.city, self.country) if part)
        return f"{self.name} ({place})" if place and place != self.name else self.name


@dataclass(frozen=True, slots=True)
class NamedRow:
    """A track, party or person for pickers: its id and what to show."""

    id: int
    name: str
    detail: str = ""


@dataclass(frozen=True, slots=True)
class RoundRow:
    id: int
    track: str
    title: str
    format: RoundFormat
    modality: RoundModality
    status: RoundStatus
    window: ScheduledWindow
    venue: VenueRow | None
    participants: str
    linked_events: int
    version: int


@dataclass(frozen=True, slots=True)
class ParticipantRow:
    id: int
    party_id: int
    party: str
    person: str
    role: ParticipantRole
    note: str = ""
    version: int = 1  # as shown: a removal of a seat changed since is asked about


@dataclass(frozen=True, slots=True)
class ChangeRecord:
    """One row of a round's history: when the change was announced and when entered.

    An undo is a retraction of the change it takes back (``retracts_id``), and a redo a
    retraction of that retraction; a row a standing retraction withdraws carries who
    entered that retraction and when (``retracted_by``, ``retracted_at``).
    """

    id: int
    kind: ChangeKind
    recorded_at: datetime
    recorded_by: str
    summary: str
    reason: str
    factor: str
    source: str
    announced: Announcement
    retracts_id: int | None = None
    retracted_by: str = ""
    retracted_at: datetime | None = None

    @property
    def retracted(self) -> bool:
        return self.retracted_at is not None


@dataclass(frozen=True, slots=True)
class DependencyRow:
    id: int
    round_id: int
    round_title: str
    factor_id: int
    factor: str
    effect: DependencyEffect
    note: str


@dataclass(frozen=True, slots=True)
class LinkedEventRow:
    """An event seen from the round or factor it is linked to."""

    link_id: int
    event_id: int
    event_date: date
    date_precision: Precision
    event_type: str
    target_category: str
    location: str
    summary: str
    kind: LinkKind
    note: str
    version: int = 1  # as shown: an unlink of a link changed since is asked about
    event_date_end: date | None = None  # a span's last day (UCDP's date_end)
    dataset: str = ""
    # storage.counted_events.RecordStatus: a withdrawn or merged event is no current one.
    record_status: str = "current"

    @property
    def time(self) -> EventTime:
        """The event's time as it was reported (a span, a week, a month or a day)."""
        return EventTime.of(self.event_date, self.date_precision, self.event_date_end,
                            midweek=self.dataset in MIDWEEK_DATASETS)


@dataclass(frozen=True, slots=True)
class RoundDetail:
    row: RoundRow
    agenda: str
    outcome: str
    participants: tuple[ParticipantRow, ...]
    dependencies: tuple[DependencyRow, ...]
    history: tuple[ChangeRecord, ...]
    linked_events: tuple[LinkedEventRow, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ReadingRow:
    id: int
    observed_at: datetime
    level: FactorLevel
    trend: FactorTrend
    note: str


@dataclass(frozen=True, slots=True)
class FactorRow:
    id: int
    name: str
    description: str
    latest: ReadingRow | None
    dependent_rounds: int
    linked_events: int


@dataclass(frozen=True, slots=True)
class FactorDetail:
    row: FactorRow
    readings: tuple[ReadingRow, ...]
    dependents: tuple[DependencyRow, ...]
    linked_events: tuple[LinkedEventRow, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ImpactRound:
    """A round a factor bears on: through a dependency (its effects), or only because a
    schedule change of the round cites the factor (no effects)."""

    round_id: int
    title: str
    status: RoundStatus
    window: ScheduledWindow
    effects: tuple[DependencyEffect, ...]


@dataclass(frozen=True, slots=True)
class CitingChange:
    """A schedule change that names the factor as its cause, told as the history tells it."""

    id: int
    round_id: int
    round_title: str
    kind: ChangeKind
    recorded_at: datetime
    recorded_by: str
    summary: str
    reason: str
    source: str
    announced: Announcement
    # Where it is drawn: its announcement's instant (12:00 UTC of a day's, as the
    # chronology sorts it).
    announced_when: datetime


@dataclass(frozen=True, slots=True)
class EventDay:
    """The events linked to a factor on one reported date with one date precision,
    counted in SQL.

    An event reported only to its week or month keeps the date it was stored with (the
    first day of that span) and its precision, so a chart can spread it over the span
    instead of piling it on one day. ``fatalities`` sums the known figures;
    ``unknown_fatalities`` events gave none.
    """

    day: date
    precision: Precision
    events: int
    fatalities: int
    unknown_fatalities: int
    midweek: bool = False  # a week-precision date is the week's middle (ACLED)


@dataclass(frozen=True, slots=True)
class FactorImpact:
    """What one factor bears on, for the Factors view's impact chart and changes table."""

    factor_id: int
    name: str
    readings: tuple[ReadingRow, ...]
    rounds: tuple[ImpactRound, ...]
    changes: tuple[CitingChange, ...]
    event_days: tuple[EventDay, ...]


@dataclass(frozen=True, slots=True)
class EventRow:
    id: int
    dataset: str
    external_id: str
    event_date: date
    date_precision: Precision
    event_type: str
    sub_event_type: str
    target_category: str
    actor1: str
    actor2: str
    admin1: str
    admin2: str
    location: str
    latitude: float | None
    longitude: float | None
    fatalities: int | None
    injuries: int | None
    summary: str
    event_date_end: date | None = None  # a span's last day (UCDP's date_end)
    # 'current', 'withdrawn' by its source or 'merged' (storage.counted_events).
    record_status: str = "current"

    @property
    def time(self) -> EventTime:
        """The event's time as it was reported (a span, a week, a month or a day)."""
        return EventTime.of(self.event_date, self.date_precision, self.event_date_end,
                            midweek=self.dataset in MIDWEEK_DATASETS)

    @property
    def place(self) -> str:
        return ", ".join(part for part in (self.location, self.admin1) if part)


@dataclass(frozen=True, slots=True)
class EventLinkInfo:
    """A link seen from the event: what it points at."""

    link_id: int
    round_id: int | None
    factor_id: int | None
    target: str
    kind: LinkKind
    note: str
    version: int = 1  # as shown: an unlink of a link changed since is asked about


@dataclass(frozen=True, slots=True)
class EventDetail:
    row: EventRow
    links: tuple[EventLinkInfo, ...]
    sources: tuple[str, ...]
