"""The schedule as it was known on a chosen day, rebuilt from the announcements.

"What did we think the schedule was on 28 January?" Every schedule change keeps what it
changed and when it was announced. The state a round was believed to be in on a day is
what its changes announced by the end of that day had made of it (announced_order.py),
counting only changes that stand (an undone entry was never announced; retractions.py).
A round none of whose changes was announced by then was not known yet; one whose last
such change is a deletion had gone.

Titles, formats and participants are not part of the schedule history: they read as they
are now.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import ColumnElement, and_, or_
from sqlalchemy.orm import Session

from tracker.domain.announcement import Announcement
from tracker.domain.enums import Precision
from tracker.domain.negotiation import ScheduleChange
from tracker.domain.timewindow import ScheduledWindow, zone
from tracker.domain.wording import day_words, say
from tracker.services.rounds.announced_order import replay
from tracker.services.rounds.rules import RoundState


@dataclass(frozen=True, slots=True)
class AsOf:
    """The end of *day* in zone *tz*: what had been announced by then."""

    day: date
    tz: str = "UTC"

    def __post_init__(self) -> None:
        zone(self.tz)

    def includes(self, announced: Announcement) -> bool:
        return announced.day(self.tz) <= self.day

    def describe(self) -> str:
        return say("as known on {day}").format(day=day_words(self.day))

    def clause(self) -> ColumnElement[bool]:
        """``includes`` as SQL on ScheduleChange."""
        return and_(*announced_within(None, self.day, self.tz))


def announced_within(date_from: date | None, date_to: date | None,
                     tz: str) -> list[ColumnElement[bool]]:
    """SQL conditions on ScheduleChange: announced within the days *date_from* …
    *date_to* of zone *tz*. A day's announcement is in the range when its date is (it is
    that date in every zone); an instant when it falls between the range's local
    midnights."""
    by_day = ScheduleChange.announced_precision == Precision.DAY
    at = ScheduleChange.announced_at
    conditions: list[ColumnElement[bool]] = []
    if date_from is not None:
        starts = ScheduledWindow.days(date_from, tz).start
        conditions.append(or_(and_(by_day, at >= _midnight_utc(date_from)),
                              and_(~by_day, at >= starts)))
    if date_to is not None:
        ends = ScheduledWindow.days(date_to, tz).end
        conditions.append(or_(and_(by_day, at < _midnight_utc(date_to + timedelta(days=1))),
                              and_(~by_day, at < ends)))
    return conditions


def _midnight_utc(day: date) -> datetime:
    return datetime.combine(day, time(), UTC)


@dataclass(frozen=True, slots=True)
class KnownState:
    """A round's schedule as known on the day, and the change it was known from."""

    state: RoundState
    announced: Announcement
    change_id: int


def known_states(session: Session, as_of: AsOf) -> dict[int, KnownState]:
    """Each round known on the day (and not deleted by then) -> its schedule then: what
    its standing changes announced by then had made of it, replayed in announcement order
    (announced_order.py), so a change entered later but announced by then counts, and one
    entered earlier but announced after does not."""
    known: dict[int, KnownState] = {}
    for round_id, transitions in replay(session, announced_by=as_of.clause()).items():
        if not transitions or transitions[-1].gone:
            continue
        last = transitions[-1]
        known[round_id] = KnownState(last.after, last.announced, last.change_id)
    return known
