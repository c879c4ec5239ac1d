"""The days the schedule can be asked "as known on": one rule for every caller.

Nothing is known of a day that has not ended anywhere yet, so a day after today (in the
zone asked for) is refused, as is a day before the earliest announcement the tracker
takes (1 January 1900: older dates are typing mistakes, see domain/announcement.py).
"""

from __future__ import annotations

from datetime import date, datetime

from tracker.domain.announcement import EARLIEST_ANNOUNCEMENT
from tracker.domain.timewindow import is_known_zone, zone
from tracker.domain.wording import day_words
from tracker.services.common.errors import ValidationError
from tracker.services.rounds.as_of import AsOf

AS_OF_FIELD = "as_of"


def as_of_day(day: date, tz: str, *, today: date | None = None) -> AsOf:
    """The end of *day* in zone *tz*, if the schedule can be known as of then.

    *today*: the current day in *tz* (by default, read from the clock).
    """
    if not is_known_zone(tz):
        raise ValidationError("tz", f"Unknown time zone: {tz!r}")
    current = today or datetime.now(zone(tz)).date()
    if day > current:
        raise ValidationError(AS_OF_FIELD, f"{_told(day)} is after today ({_told(current)} "
                                           f"in {tz}): the schedule is known up to today")
    if day < EARLIEST_ANNOUNCEMENT:
        raise ValidationError(AS_OF_FIELD, f"{_told(day)} is before "
                                           f"{_told(EARLIEST_ANNOUNCEMENT)}, the earliest "
                                           "announcement the tracker takes")
    return AsOf(day, tz)


def _told(day: date) -> str:
    return day_words(day)
