"""When a schedule change was announced, as precisely as it is known.

Changes are often typed in after the fact: a postponement announced on 1 February may be
entered on 5 December. The history keeps both times; the chronology, the timeline and
every export order and date a change by its announcement, never by when it was typed.

A source usually gives only a date ("published 1 Feb 2026"): that is a DAY announcement,
stored as 00:00 UTC of that calendar date and read back as the date itself in every zone,
so it never turns into 31 January west of Greenwich. An EXACT announcement is an instant.

A change entered with no announcement time and no source's publication day is dated by
the moment it was entered (``default_announcement``). That instant sorts it, but it was
never said to be the announcement: such a value is ``entered`` (ScheduleChange.
dated_when_entered decides it), and every display and export says "entered", never
"announced".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from tracker.domain.date_range import EARLIEST
from tracker.domain.enums import Precision
from tracker.domain.errors import TrackerError
from tracker.domain.timewindow import zone
from tracker.domain.wording import day_words, say

# The earliest day a change may say it was announced: the first day the tracker takes
# (domain/date_range.py); older dates are typing mistakes.
EARLIEST_ANNOUNCEMENT = EARLIEST
# Somewhere on Earth it is already tomorrow (UTC+14): a date "announced today" typed
# there is still not in the future.
_EARLIEST_ZONE_AHEAD = timedelta(hours=14)


class AnnouncementError(TrackerError, ValueError):
    """An announcement time that cannot be true: after it was entered, or implausibly old."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.field = "announced"


@dataclass(frozen=True, slots=True)
class Announcement:
    """The instant (EXACT) or the calendar day (DAY) a change was made public; or, when
    *entered*, the instant it was entered, standing in for an announcement nobody gave."""

    at: datetime
    precision: Precision = Precision.EXACT
    entered: bool = False

    def __post_init__(self) -> None:
        if self.at.tzinfo is None or self.at.utcoffset() != timedelta(0):
            raise AnnouncementError("An announcement time must be in UTC")
        if self.precision not in (Precision.EXACT, Precision.DAY):
            raise AnnouncementError("A change is announced on a day or at a time")
        if self.precision is Precision.DAY and self.at.timetz() != time(tzinfo=UTC):
            raise AnnouncementError("A day's announcement is stored at 00:00 UTC")
        if self.entered and self.precision is not Precision.EXACT:
            raise AnnouncementError("An entry is an instant")

    @classmethod
    def on_day(cls, day: date) -> Announcement:
        return cls(datetime.combine(day, time(), UTC), Precision.DAY)

    @classmethod
    def at_instant(cls, instant: datetime) -> Announcement:
        return cls(instant.astimezone(UTC), Precision.EXACT)

    def day(self, tz_name: str = "UTC") -> date:
        """The calendar day it was announced on: the date itself for a DAY announcement,
        the local day in *tz_name* for an instant."""
        if self.precision is Precision.DAY:
            return self.at.date()
        return self.at.astimezone(zone(tz_name)).date()

    def describe(self, tz_name: str = "UTC") -> str:
        """'1 Feb 2026' or '1 Feb 2026 15:00 EET': never a time that was not given."""
        day = self.day(tz_name)
        text = day_words(day)
        if self.precision is Precision.DAY:
            return text
        local = self.at.astimezone(zone(tz_name))
        return f"{text} {local:%H:%M} {local.tzname()}"

    def told(self, tz_name: str = "UTC") -> str:
        """``describe``, or for an entry standing in for the announcement: 'entered 7 Dec
        2026 09:55 CET (no announcement date given)', never read as the day it was
        announced."""
        if self.entered:
            return say("entered {when} (no announcement date given)").format(
                when=self.describe(tz_name))
        return self.describe(tz_name)

    def check_entered(self, recorded_at: datetime) -> None:
        """Refuse an announcement after the change was entered, or before 1900."""
        if self.at.date() < EARLIEST_ANNOUNCEMENT:
            raise AnnouncementError(
                f"Announced {self.describe()}: the tracker takes announcements from "
                f"{EARLIEST_ANNOUNCEMENT:%d %b %Y} on")
        latest_day = (recorded_at.astimezone(UTC) + _EARLIEST_ZONE_AHEAD).date()
        if self.precision is Precision.DAY and self.at.date() > latest_day:
            raise AnnouncementError(f"Announced {self.describe()}: a change cannot be "
                                    "announced after it was entered")
        if self.precision is Precision.EXACT and self.at > recorded_at:
            raise AnnouncementError(f"Announced {self.describe()}: a change cannot be "
                                    "announced after it was entered")


def default_announcement(published_on: date | None, now: datetime) -> Announcement:
    """What a change's announcement is unless the user says otherwise: the day its source
    was published, otherwise the moment it is entered."""
    if published_on is not None:
        return Announcement.on_day(published_on)
    return Announcement.at_instant(now)
