"""What goes on a TimelineJS page: the few facts whole, and a bounded number of events.

TimelineJS draws every slide in the browser and cannot show a million events (a few
thousand already make it slow). So the page holds every dated round, schedule change,
factor reading and claim on a day and a place in the range, and of the battlefield
events either those linked to a round or a factor (the ones an analyst chose to tie to
the talks) or all of them in the range; either way at most ``max_events``, the earliest
first, and how many more there were is counted so the exporter can say so. Events are
read off the (event_date, id) index.

As of a past day (``TimelineRequest.as_of``), the page holds what was known at the end of
it, as the chronology does (services/chronology/chronology_as_of.py): the changes
announced by then, the rounds in their window then, the readings and events reported by
then, the claims recorded by then.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from tracker.domain.claims import CasualtyClaim
from tracker.domain.enums import Precision
from tracker.domain.event_time import EventTime
from tracker.domain.events import MIDWEEK_DATASETS, BattlefieldEvent, EventLink
from tracker.domain.factors import Factor, FactorReading
from tracker.domain.negotiation import Round, ScheduleChange, Track
from tracker.domain.timewindow import ScheduledWindow
from tracker.services.chronology.chronology_as_of import KnownThen, known_then
from tracker.services.claims.claims import day_claim_conditions
from tracker.services.rounds.as_of import AsOf, announced_within
from tracker.services.rounds.retractions import corrections

DEFAULT_MAX_EVENTS = 2000


class EventScope(StrEnum):
    LINKED = "linked"  # events linked to a round or a factor
    ALL = "all"  # every event in the range


@dataclass(frozen=True, slots=True)
class TimelineRequest:
    """What to put on the page. *tz* is the zone of the range's days and of the times."""

    tz: str = "UTC"
    date_from: date | None = None
    date_to: date | None = None
    events: EventScope = EventScope.LINKED
    max_events: int = DEFAULT_MAX_EVENTS
    as_of: AsOf | None = None  # what was known at the end of that day; None: now


@dataclass(frozen=True, slots=True)
class DatedRound:
    window: ScheduledWindow
    track: str


@dataclass(frozen=True, slots=True)
class DatedEvent:
    """The time an event's report stands for, and its target category."""

    time: EventTime
    category: str


@dataclass(frozen=True, slots=True)
class Selection:
    rounds: dict[int, DatedRound]
    undated: tuple[str, ...]  # titles of rounds whose date is unknown: not placeable
    changes: dict[int, str]  # schedule change id → its round's track
    readings: dict[int, str]  # reading id → its factor's name
    events: dict[int, DatedEvent]  # in (event_date, id) order
    events_found: int  # events in scope and range, before the cap
    then: KnownThen | None = None  # as of a past day: what was known then
    # Claims on a day and a place (few, so all of the range): claim id → its measure.
    claims: dict[int, str] = field(default_factory=dict)


def select_for_timeline(session: Session, request: TimelineRequest) -> Selection:
    start, end = _bounds(request)
    then = known_then(session, request.as_of)
    rounds, undated = _rounds(session, request, start, end) if then is None \
        else _rounds_known(session, then, request, start, end)
    # As in the chronology: changes by the day they were announced, undone ones left out.
    changes = dict(session.execute(
        select(ScheduleChange.id, Track.name)
        .join(Round, Round.id == ScheduleChange.round_id)
        .join(Track, Track.id == Round.track_id)
        .where(*announced_within(request.date_from, request.date_to, request.tz),
               corrections(session).in_effect_clause())
        .where(*([then.as_of.clause()] if then else []))).all())
    readings = dict(session.execute(
        select(FactorReading.id, Factor.name)
        .join(Factor, Factor.id == FactorReading.factor_id)
        .where(*_within(FactorReading.observed_at, start, end))
        .where(*([FactorReading.observed_at < then.ends] if then else []))).all())
    conditions = _event_conditions(request)
    found = session.scalar(
        select(func.count()).select_from(BattlefieldEvent).where(*conditions)) or 0
    events = {}
    for event_id, day, last_day, precision, dataset, category in session.execute(
        select(BattlefieldEvent.id, BattlefieldEvent.event_date,
               BattlefieldEvent.event_date_end, BattlefieldEvent.date_precision,
               BattlefieldEvent.dataset, BattlefieldEvent.target_category)
        .where(*conditions)
        .order_by(BattlefieldEvent.event_date, BattlefieldEvent.id)
        .limit(max(0, request.max_events))
    ):
        time = EventTime.of(day, precision, last_day, midweek=dataset in MIDWEEK_DATASETS)
        events[event_id] = DatedEvent(time, category)
    claims = dict(session.execute(
        select(CasualtyClaim.id, CasualtyClaim.measure)
        .where(*day_claim_conditions(request.date_from, request.date_to, request.as_of))
        .order_by(CasualtyClaim.day, CasualtyClaim.id)).all())
    return Selection(rounds, undated, changes, readings, events, found, then, claims)


def _bounds(request: TimelineRequest) -> tuple[datetime | None, datetime | None]:
    """Where the first day of the range begins and the day after the last begins, in tz."""
    start = ScheduledWindow.days(request.date_from, request.tz).start \
        if request.date_from else None
    end = ScheduledWindow.days(request.date_to, request.tz).end if request.date_to else None
    return start, end


def _within(column: Any, start: datetime | None,
            end: datetime | None) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if start is not None:
        conditions.append(column >= start)
    if end is not None:
        conditions.append(column < end)
    return conditions


def _rounds(session: Session, request: TimelineRequest, start: datetime | None,
            end: datetime | None) -> tuple[dict[int, DatedRound], tuple[str, ...]]:
    """Rounds (tens or hundreds: read whole) whose window meets the range.

    As in the chronology: a round announced by day, week or month meets it by its days at
    the venue, an exact one by its time (one without an end is an instant).
    """
    dated: dict[int, DatedRound] = {}
    undated: list[str] = []
    for round_ in session.scalars(
        select(Round).join(Track, Track.id == Round.track_id)
        .where(Round.deleted_at.is_(None)).order_by(Round.window_start, Round.id)
    ):
        window = round_.window
        if window.start is None:
            undated.append(round_.title)
        elif _meets(window, request, start, end):
            dated[round_.id] = DatedRound(window, round_.track.name)
    return dated, tuple(undated)


def _rounds_known(session: Session, then: KnownThen, request: TimelineRequest,
                  start: datetime | None, end: datetime | None,
                  ) -> tuple[dict[int, DatedRound], tuple[str, ...]]:
    """As ``_rounds``, of the rounds known then, each in its window then."""
    dated: dict[int, DatedRound] = {}
    undated: list[str] = []
    named = {round_id: (title, track) for round_id, title, track in session.execute(
        select(Round.id, Round.title, Track.name).join(Track, Track.id == Round.track_id)
        .where(Round.id.in_(sorted(then.rounds))))}
    for round_id, known in sorted(then.rounds.items(),
                                  key=lambda item: (item[1].state.window.sort_key(), item[0])):
        window, (title, track) = known.state.window, named[round_id]
        if window.start is None:
            undated.append(title)
        elif _meets(window, request, start, end):
            dated[round_id] = DatedRound(window, track)
    return dated, tuple(undated)


def _meets(window: ScheduledWindow, request: TimelineRequest, start: datetime | None,
           end: datetime | None) -> bool:
    assert window.start is not None
    if window.precision is Precision.EXACT:
        finish = window.end or window.start
        return (end is None or window.start < end) and (
            start is None or finish > start or (window.end is None and finish >= start))
    first, last = window.first_day(), window.last_day()
    assert first is not None and last is not None
    return ((request.date_to is None or first <= request.date_to)
            and (request.date_from is None or last >= request.date_from))


def _event_conditions(request: TimelineRequest) -> list[ColumnElement[bool]]:
    event = BattlefieldEvent
    conditions: list[ColumnElement[bool]] = []
    if request.date_from is not None:
        conditions.append(event.event_date >= request.date_from)
    if request.date_to is not None:
        conditions.append(event.event_date <= request.date_to)
    if request.as_of is not None:  # reported for a day up to that one
        conditions.append(event.event_date <= request.as_of.day)
    if request.events is EventScope.LINKED:
        # A deleted round's links are hidden with it (undo brings both back).
        linked = (select(EventLink.event_id)
                  .outerjoin(Round, Round.id == EventLink.round_id)
                  .where(or_(EventLink.round_id.is_(None), Round.deleted_at.is_(None))))
        conditions.append(event.id.in_(linked))
    return conditions
