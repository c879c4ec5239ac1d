"""The chronology as it was known on a past day (issue 13, "the schedule as known on any day").

A chronology exported "as of 28 January" is the one that could have been written at the
end of that day (``AsOf``, services/rounds/as_of.py):
- the schedule changes announced by then, and no later ones;
- each round in the state known then (its window, venue and status rebuilt from those
  changes), the rounds not announced yet left out, and a round deleted since still in;
- the factor readings observed by then, and the battlefield events reported for days up
  to that one.

The chronology selects its facts as it always does; this module narrows them to those
known then. Rounds number in the tens or hundreds, so their states and ranges are worked
out here, in Python, as ``_rounds_on_days`` does for the current schedule.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from tracker.domain.chronology import EntryKind
from tracker.domain.enums import Precision
from tracker.domain.events import BattlefieldEvent
from tracker.domain.negotiation import ScheduleChange
from tracker.domain.timewindow import ScheduledWindow, zone
from tracker.services.chronology.chronology_order import SortKey, key_of
from tracker.services.chronology.chronology_text import round_instant
from tracker.services.rounds.as_of import AsOf, KnownState, known_states


@dataclass(frozen=True, slots=True)
class KnownThen:
    """What was known at the end of ``as_of``'s day, read once for a whole chronology."""

    as_of: AsOf
    rounds: dict[int, KnownState]  # each round known then -> its schedule then
    changes: frozenset[int]  # the schedule changes announced by then

    @property
    def ends(self) -> datetime:
        """The instant the day ends: the next local midnight in the as-of zone."""
        following = self.as_of.day + timedelta(days=1)
        return datetime.combine(following, time(), zone(self.as_of.tz))


def known_then(session: Session, as_of: AsOf | None) -> KnownThen | None:
    if as_of is None:
        return None
    announced = session.scalars(select(ScheduleChange.id).where(as_of.clause()))
    return KnownThen(as_of, known_states(session, as_of), frozenset(announced))


def event_conditions(then: KnownThen | None) -> list[ColumnElement[bool]]:
    """SQL conditions on BattlefieldEvent: reported for a day up to the as-of day (an
    event's date is the day it was reported for; a range on the index column)."""
    if then is None:
        return []
    return [BattlefieldEvent.event_date <= then.as_of.day]


def keys_known_then(keys: list[SortKey], then: KnownThen, date_from: date | None,
                    date_to: date | None, tz: str) -> list[SortKey]:
    """*keys* (the rounds, changes and readings of the range, as the chronology selected
    them) narrowed to what was known then, the rounds keyed by their window then."""
    ends = then.ends
    kept = [key for key in keys
            if (key.kind is EntryKind.SCHEDULE_CHANGE and key.record_id in then.changes)
            or (key.kind is EntryKind.FACTOR_READING and key.when < ends)]
    kept += [key_of(round_instant(known.state.window), EntryKind.ROUND, round_id)
             for round_id, known in then.rounds.items()
             if _in_range(known.state.window, date_from, date_to, tz)]
    return sorted(kept)


def _in_range(window: ScheduledWindow, date_from: date | None, date_to: date | None,
              tz: str) -> bool:
    """Whether a round with *window* belongs to the days *date_from* … *date_to*, as the
    chronology places rounds: an exact one when its time overlaps the days in *tz*
    (without an end, when it starts in them), one announced by day, week or month when its
    days at the venue do, an undated one in no range."""
    if date_from is None and date_to is None:
        return True
    if window.start is None:
        return False
    if window.precision is Precision.EXACT:
        start = ScheduledWindow.days(date_from, tz).start if date_from else None
        end = ScheduledWindow.days(date_to, tz).end if date_to else None
        assert start is not None or end is not None
        if end is not None and window.start >= end:
            return False
        if start is None:
            return True
        return window.end > start if window.end is not None else window.start >= start
    first, last = window.first_day(), window.last_day()
    if first is None or last is None:
        return False
    return (date_to is None or first <= date_to) and (date_from is None or last >= date_from)
