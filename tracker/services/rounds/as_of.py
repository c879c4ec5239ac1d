"""The schedule as it was known on a chosen day, rebuilt from the announcements.

"What did we think the schedule was on 28 January?" Every schedule change keeps the full
state it moved the round to, and when it was announced. The state a round was believed to
be in on a day is the state of its last change announced by the end of that day, counting
only changes that stand (an undone entry was never announced; see retractions.py). A
round none of whose changes was announced by then was not known yet; one whose last such
change is a deletion had gone.

Titles, formats and participants are not part of the schedule history: they read as they
are now.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from tracker.domain.announcement import Announcement
from tracker.domain.enums import ChangeKind, Precision
from tracker.domain.negotiation import ScheduleChange
from tracker.domain.timewindow import zone
from tracker.services.rounds.retractions import corrections
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
        return f"as known on {self.day.day} {self.day:%b %Y}"

    def clause(self) -> ColumnElement[bool]:
        """``includes`` as SQL on ScheduleChange: a day's announcement by its date, an
        instant's before the next local midnight."""
        following = self.day + timedelta(days=1)
        next_midnight = datetime.combine(following, time(), zone(self.tz)).astimezone(UTC)
        return or_(
            and_(ScheduleChange.announced_precision == Precision.DAY,
                 ScheduleChange.announced_at < datetime.combine(following, time(), UTC)),
            and_(ScheduleChange.announced_precision != Precision.DAY,
                 ScheduleChange.announced_at < next_midnight))


@dataclass(frozen=True, slots=True)
class KnownState:
    """A round's schedule as known on the day, and the change it was known from."""

    state: RoundState
    announced: Announcement
    change_id: int


def known_states(session: Session, as_of: AsOf) -> dict[int, KnownState]:
    """Each round known on the day (and not deleted by then) -> its schedule then."""
    standing = corrections(session)
    query = (select(ScheduleChange)
             .where(as_of.clause(), standing.in_effect_clause())
             .order_by(ScheduleChange.announced_at, ScheduleChange.id))
    last: dict[int, ScheduleChange] = {}
    for change in session.scalars(query):
        last[change.round_id] = change
    known: dict[int, KnownState] = {}
    for round_id, change in last.items():
        window = change.new_window
        if change.kind is ChangeKind.DELETED or window is None or change.new_status is None:
            continue
        state = RoundState(window, change.new_venue_id, change.new_status)
        known[round_id] = KnownState(state, change.announced, change.id)
    return known

