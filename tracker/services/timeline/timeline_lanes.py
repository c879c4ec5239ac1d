"""The negotiation picture on the timeline: rounds by track with their moves, factor bands.

These are the small tables (tens of rounds, hundreds of readings), read whole in a few
queries. A round's moves are its changes as announced, in the order they were announced;
an undone move and its undo (a retraction, services/rounds/retractions.py) are left out:
the round was never announced as moved. Events are not here: the timeline reads them per
visible range from ``timeline_density``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from tracker.domain.announcement import Announcement
from tracker.domain.date_range import EARLIEST, LATEST, WINDOW_OVERHANG, instant_in_range
from tracker.domain.enums import ChangeKind, FactorLevel, FactorTrend, RoundStatus
from tracker.domain.events import BattlefieldEvent
from tracker.domain.factors import Factor, FactorReading
from tracker.domain.negotiation import Round, ScheduleChange
from tracker.domain.timewindow import ScheduledWindow
from tracker.services.records.citations import sources_for
from tracker.services.rounds.retractions import corrections
from tracker.services.rounds.told_announcements import told_announcements


@dataclass(frozen=True, slots=True)
class WindowMove:
    """A reschedule: the window a round had before the change and the one after, when
    it was announced and when it was entered."""

    change_id: int
    recorded_at: datetime
    old: ScheduledWindow
    new: ScheduledWindow
    reason: str
    factor: str
    announced: Announcement


@dataclass(frozen=True, slots=True)
class RoundMark:
    id: int
    title: str
    status: RoundStatus
    window: ScheduledWindow
    venue: str
    moves: tuple[WindowMove, ...]
    sources: tuple[str, ...]
    # For a round whose date is now unknown (postponed with no new date): the window it
    # had last, which the timeline still shows as a ghost so the postponement is seen.
    last_dated: ScheduledWindow | None = None


@dataclass(frozen=True, slots=True)
class TrackLane:
    id: int
    name: str
    rounds: tuple[RoundMark, ...]

    @property
    def undated(self) -> int:
        """Rounds whose date is not known, which have no place on the axis."""
        return sum(mark.window.start is None for mark in self.rounds)


@dataclass(frozen=True, slots=True)
class ReadingSpan:
    """A factor's reading, in force from when it was observed until the next one."""

    id: int
    start: datetime
    end: datetime | None  # None: still the latest reading
    level: FactorLevel
    trend: FactorTrend
    note: str


@dataclass(frozen=True, slots=True)
class FactorLane:
    id: int
    name: str
    readings: tuple[ReadingSpan, ...]


@dataclass(frozen=True, slots=True)
class TimelineLanes:
    tracks: tuple[TrackLane, ...]
    factors: tuple[FactorLane, ...]
    first_event_day: date | None
    last_event_day: date | None
    # Events dated outside the tracker's dates (stored before issue 14's rule): left off
    # the axis, which would otherwise span millennia, and told beside it.
    events_out_of_range: int = 0

    def extent(self, tz: str = "UTC") -> tuple[datetime, datetime] | None:
        """The earliest and latest instant anything on the timeline touches: rounds'
        windows, both ends of their moves, the last window of a round now undated,
        readings, and the event days, whole, as days of the zone *tz* the axis is
        drawn in."""
        instants: list[datetime] = []
        for track in self.tracks:
            for mark in track.rounds:
                windows = [mark.window, *(w for move in mark.moves for w in (move.old, move.new))]
                if mark.last_dated is not None:
                    windows.append(mark.last_dated)
                for window in windows:
                    # An exact time may have no end; it still has its place on the axis.
                    instants += [i for i in (window.start, window.end) if i is not None]
        for factor in self.factors:
            instants += [reading.start for reading in factor.readings]
        # What a database written before the tracker's date range holds is drawn where it
        # is read (domain/base.py), not fitted: the axis would span three centuries.
        instants = [i for i in instants if instant_in_range(i, overhang=WINDOW_OVERHANG)]
        if self.first_event_day is not None and self.last_event_day is not None:
            # From the first day's start to the last day's end: its events are drawn over it.
            days = ScheduledWindow.days(self.first_event_day, tz, self.last_event_day)
            instants += [i for i in (days.start, days.end) if i is not None]
        return (min(instants), max(instants)) if instants else None


def timeline_lanes(session: Session) -> TimelineLanes:
    """Every track with its rounds (deleted ones left out) and every factor's readings."""
    # Undated rounds last, as in the Rounds view and on every database (SQLite sorts
    # NULL first, PostgreSQL last).
    rounds = session.scalars(
        select(Round).where(Round.deleted_at.is_(None))
        .options(selectinload(Round.venue), selectinload(Round.track))
        .order_by(Round.window_start.is_(None), Round.window_start, Round.id)).all()
    moves = _moves(session)
    undated_from = _undated_from(session)
    by_track: dict[int, list[RoundMark]] = {}
    names: dict[int, str] = {}
    for round_ in rounds:
        names[round_.track_id] = round_.track.name
        by_track.setdefault(round_.track_id, []).append(RoundMark(
            round_.id, round_.title, round_.status, round_.window,
            round_.venue.name if round_.venue else "", tuple(moves.get(round_.id, ())),
            sources_for(session, "round_id", round_.id),
            undated_from.get(round_.id) if round_.window.start is None else None))
    tracks = tuple(TrackLane(track_id, names[track_id], tuple(marks))
                   for track_id, marks in sorted(by_track.items(),
                                                 key=lambda item: (names[item[0]].lower(),
                                                                   item[0])))
    first, last, outside = _event_days(session)
    return TimelineLanes(tracks, _factor_lanes(session), first, last, outside)


def _event_days(session: Session) -> tuple[date | None, date | None, int]:
    """The first and last event days inside the tracker's dates, and how many events lie
    outside them; each an index seek on (event_date, id), whatever the number of events."""
    day = BattlefieldEvent.event_date
    first = session.scalar(select(day).where(day >= EARLIEST).order_by(day).limit(1))
    last = session.scalar(select(day).where(day <= LATEST).order_by(day.desc()).limit(1))
    outside = session.scalar(select(func.count()).select_from(BattlefieldEvent)
                             .where(or_(day < EARLIEST, day > LATEST))) or 0
    return first, last, outside


def _undated_from(session: Session) -> dict[int, ScheduledWindow]:
    """For each round, the dated window of its latest change to an unknown date (as
    announced; an undone one is no change)."""
    found: dict[int, ScheduledWindow] = {}
    query = (select(ScheduleChange)
             .where(ScheduleChange.old_start.is_not(None), ScheduleChange.new_start.is_(None),
                    corrections(session).in_effect_clause())
             .order_by(ScheduleChange.announced_at, ScheduleChange.recorded_at,
                       ScheduleChange.id))
    for change in session.scalars(query):
        old = change.old_window
        if old is not None:
            found[change.round_id] = old  # later changes overwrite earlier ones
    return found


def _moves(session: Session) -> dict[int, list[WindowMove]]:
    """Reschedules with a dated window on both sides, by round, first announced first;
    undone ones and their undos left out."""
    found: dict[int, list[WindowMove]] = {}
    query = (select(ScheduleChange, Factor.name)
             .outerjoin(Factor, Factor.id == ScheduleChange.factor_id)
             .where(ScheduleChange.old_start.is_not(None), ScheduleChange.new_start.is_not(None),
                    # A relocation takes the window into the venue's zone: not a new date.
                    ScheduleChange.kind != ChangeKind.RELOCATED,
                    corrections(session).in_effect_clause())
             .order_by(ScheduleChange.announced_at, ScheduleChange.recorded_at,
                       ScheduleChange.id))
    rows = session.execute(query).all()
    told = told_announcements(session, [change for change, _factor in rows])
    for change, factor in rows:
        old, new = change.old_window, change.new_window
        if old is None or new is None or old == new:
            continue
        found.setdefault(change.round_id, []).append(WindowMove(
            change.id, change.recorded_at, old, new, change.reason, factor or "",
            told[change.id]))
    return found


def _factor_lanes(session: Session) -> tuple[FactorLane, ...]:
    factors = session.scalars(select(Factor).order_by(Factor.name)).all()
    readings = session.scalars(
        select(FactorReading).order_by(FactorReading.factor_id, FactorReading.observed_at,
                                       FactorReading.id)).all()
    by_factor: dict[int, list[FactorReading]] = {}
    for reading in readings:
        by_factor.setdefault(reading.factor_id, []).append(reading)
    lanes = []
    for factor in factors:
        own = by_factor.get(factor.id, [])
        spans = tuple(
            ReadingSpan(reading.id, reading.observed_at,
                        own[index + 1].observed_at if index + 1 < len(own) else None,
                        reading.level, reading.trend, reading.note)
            for index, reading in enumerate(own))
        lanes.append(FactorLane(factor.id, factor.name, spans))
    return tuple(lanes)
