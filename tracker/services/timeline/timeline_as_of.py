"""The timeline's "as known then" lane: each round's window as it was known on a past day.

Drawn as ghosts beside the rounds as they are now, so a reader sees at a glance what was
believed on that day and how far the schedule has moved since. The reconstruction is the
schedule history's own (``rounds.as_of``); this adds what a mark on the timeline shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.domain.announcement import Announcement
from tracker.domain.enums import RoundStatus
from tracker.domain.negotiation import Round, Venue
from tracker.domain.timewindow import ScheduledWindow
from tracker.services.rounds.as_of import AsOf, known_states
from tracker.services.rounds.told_announcements import told_announcements_of


@dataclass(frozen=True, slots=True)
class KnownMark:
    """One round as known on the day: its window, status and venue then, and when the
    change they come from was announced."""

    round_id: int
    track_id: int
    title: str
    status: RoundStatus
    window: ScheduledWindow
    venue: str
    announced: Announcement


@dataclass(frozen=True, slots=True)
class KnownLane:
    as_of: AsOf
    marks: tuple[KnownMark, ...]

    @property
    def label(self) -> str:
        """'As known on 28 Jan': the lane's name (the year is on the ruler)."""
        return f"As known on {self.as_of.day.day} {self.as_of.day:%b}"

    def of_track(self, track_id: int) -> tuple[KnownMark, ...]:
        return tuple(mark for mark in self.marks if mark.track_id == track_id)

    def extent(self) -> tuple[datetime, datetime] | None:
        """The earliest and latest instant the marks touch (None: none was dated)."""
        instants = [instant for mark in self.marks
                    for instant in (mark.window.start, mark.window.end) if instant is not None]
        return (min(instants), max(instants)) if instants else None

    def mark(self, round_id: int) -> KnownMark | None:
        return next((mark for mark in self.marks if mark.round_id == round_id), None)


def known_lane(session: Session, as_of: AsOf) -> KnownLane:
    """Every round known at the end of *as_of*'s day, deleted since or not."""
    known = known_states(session, as_of)
    found = session.scalars(select(Round).where(Round.id.in_(sorted(known)))).all()
    venue_ids = sorted({state.state.venue_id for state in known.values()
                        if state.state.venue_id is not None})
    venues = {venue_id: name for venue_id, name in session.execute(
        select(Venue.id, Venue.name).where(Venue.id.in_(venue_ids)))}
    told = told_announcements_of(session, (state.change_id for state in known.values()))
    marks = []
    for round_ in found:
        then = known[round_.id]
        venue_id = then.state.venue_id
        marks.append(KnownMark(
            round_.id, round_.track_id, round_.title, then.state.status, then.state.window,
            venues.get(venue_id, "") if venue_id is not None else "",
            told[then.change_id]))
    marks.sort(key=lambda mark: (mark.window.sort_key(), mark.round_id))
    return KnownLane(as_of, tuple(marks))
