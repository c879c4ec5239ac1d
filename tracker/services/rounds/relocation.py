"""Moving a round to a venue in another time zone: what its window becomes there.

A time is announced in the venue's zone. Moved to a venue in another zone, either the
announced time is read as the same time there (the wall-clock time kept: "still 10:00, now
Dubai time") or the same moment is kept and reads differently there (the instant kept: "now
12:00 in Dubai"). Only an exact time can tell the two apart: a day, a week or a month keeps
its local days in the new zone, and an unknown date just takes the zone. The user says which
(``KeepTime``); nothing is guessed, and a wall-clock time the new zone skips (its clocks
jump forward that night) is refused rather than shifted.

A venue whose zone was never given reads "UTC": Venue.time_zone's default, what a venue
made without one gets (reference.create_venue, calendar import from an all-day date). No
place keeps its clocks in the zone named "UTC" (places on UTC+0 have their own, such as
Europe/London or Africa/Abidjan), so a round moved there would read its times in a zone
nobody announced them in, and a later time typed "in the venue's zone" would be stored
wrong. Moving a round there is refused until the venue's zone is set.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy.orm import Session

from tracker.domain.enums import Precision
from tracker.domain.negotiation import Venue
from tracker.domain.timewindow import ScheduledWindow, WindowError, zone
from tracker.services.common.errors import ValidationError

# What Venue.time_zone holds when nobody said where the venue's clocks are (see above).
UNSTATED_VENUE_ZONE = "UTC"


class KeepTime(StrEnum):
    """What a relocation across zones keeps of an exact time."""

    WALL_CLOCK = "wall-clock"  # the same local time, now in the new zone
    INSTANT = "instant"  # the same moment, read in the new zone


@dataclass(frozen=True, slots=True)
class KeepChoice:
    """One choice as the dialog and the command line offer it: what it makes of the window
    (``text``), and whether it can be made at all (a wall-clock time the new zone skips)."""

    keep: KeepTime
    text: str
    possible: bool


@dataclass(frozen=True, slots=True)
class RelocationPreview:
    """What moving a window to *zone* makes of it.

    ``choices`` is empty when there is nothing to choose (same zone, same offsets, or a
    window that is not an exact time); ``outcome`` then says what happens. ``problem`` is
    why the move cannot be made at all (the venue's zone is not known).
    """

    zone: str
    outcome: str
    choices: tuple[KeepChoice, ...] = ()
    problem: str | None = None

    def choice(self, keep: KeepTime) -> KeepChoice:
        return next(choice for choice in self.choices if choice.keep is keep)


def venue_zone_known(tz: str) -> bool:
    """Whether a venue's zone was given (see the module's docstring)."""
    return tz != UNSTATED_VENUE_ZONE


def venue_zone_text(tz: str) -> str:
    """A venue's zone as the round views show it: never "UTC" for one nobody gave."""
    return tz if venue_zone_known(tz) else "time zone not known"


def unknown_zone_message(venue_name: str) -> str:
    return (f"The time zone of {venue_name} is not known (it reads UTC): set the venue's "
            "zone first, so the round's times are read where it is held")


def window_at(window: ScheduledWindow, new_tz: str, keep: KeepTime) -> ScheduledWindow:
    """*window* moved to the zone *new_tz*, keeping what *keep* says of an exact time.

    Days, weeks and months keep their local days; an unknown date takes the zone. Raises
    WindowError when the wall-clock time does not exist in *new_tz*.
    """
    zone(new_tz)
    if window.tz == new_tz:
        return window
    first, last = window.first_day(), window.last_day()
    if window.start is None or first is None or last is None:
        return ScheduledWindow.unknown(new_tz)
    if window.precision is Precision.DAY:
        return ScheduledWindow.days(first, new_tz, last)
    if window.precision is Precision.WEEK:
        return ScheduledWindow.week_of(first, new_tz)
    if window.precision is Precision.MONTH:
        return ScheduledWindow.month_of(first, new_tz)
    if keep is KeepTime.INSTANT:
        return ScheduledWindow(Precision.EXACT, new_tz, window.start, window.end)
    start, end = window.local_start(), window.local_end()
    assert start is not None
    try:
        # fold=0: a time the new zone repeats (its clocks go back) is the first of the two,
        # as the Reschedule dialog reads a typed one.
        return ScheduledWindow.exact(_wall(start), _wall(end) if end else None, new_tz)
    except WindowError as exc:
        raise WindowError(f"{exc}: the wall-clock time cannot be kept there; keep the "
                          "instant instead, or reschedule the round") from exc


def preview(window: ScheduledWindow, new_tz: str, venue_name: str) -> RelocationPreview:
    """Both choices' texts for the Relocate dialog and the command line (or the one outcome
    when there is nothing to choose)."""
    if not venue_zone_known(new_tz):
        return RelocationPreview(new_tz, "", problem=unknown_zone_message(venue_name))
    if window.tz == new_tz:
        return RelocationPreview(new_tz, f"{window.describe()} (the same zone)")
    place = _place(new_tz)
    instant = window_at(window, new_tz, KeepTime.INSTANT)
    if window.start is None:
        return RelocationPreview(new_tz, f"date unknown, now {place} time")
    if window.precision is not Precision.EXACT:
        return RelocationPreview(new_tz, f"{instant.describe()}: the same days, now {place} "
                                         "time")
    try:
        wall = window_at(window, new_tz, KeepTime.WALL_CLOCK)
    except WindowError as exc:
        wall_choice = KeepChoice(KeepTime.WALL_CLOCK, str(exc), possible=False)
    else:
        if wall == instant:  # the two zones' clocks agree then: nothing to choose
            return RelocationPreview(new_tz, f"{instant.describe()}: the same time in {place}")
        wall_choice = KeepChoice(KeepTime.WALL_CLOCK, f"still {_clock(wall)}, now {place} "
                                                      f"time: {wall.describe()}", possible=True)
    instant_choice = KeepChoice(KeepTime.INSTANT, f"now {_clock(instant)} in {place}: "
                                                  f"{instant.describe()}", possible=True)
    return RelocationPreview(new_tz, "", (wall_choice, instant_choice))


def shown_at_venue(window: ScheduledWindow, venue_zone: str | None) -> ScheduledWindow:
    """*window* as the Reschedule dialog offers it for retyping: in the venue's zone when
    that is known (announcements give the venue's local times), the same instant or days;
    otherwise in its own zone."""
    if venue_zone is None or not venue_zone_known(venue_zone):
        return window
    return window_at(window, venue_zone, KeepTime.INSTANT)


def relocated_window(session: Session, window: ScheduledWindow, venue_id: int | None,
                     keep: KeepTime | None) -> ScheduledWindow:
    """The window a round at *venue_id* has: in the venue's zone, as *keep* says.

    No venue (or one that does not exist, which the operation refuses) leaves the window
    as it is. Refused (ValidationError) when the venue's zone is not known, or when the
    choice matters and *keep* is None, naming both choices with what each makes of it.
    """
    venue = session.get(Venue, venue_id) if venue_id is not None else None
    if venue is None:
        return window
    seen = preview(window, venue.time_zone, venue.name)
    if seen.problem is not None:
        raise ValidationError("venue", seen.problem)
    if not seen.choices:
        return window_at(window, venue.time_zone, KeepTime.INSTANT)
    if keep is None:
        raise ValidationError("keep", choice_needed_message(venue.name, window, seen))
    return window_at(window, venue.time_zone, keep)


def follows_venue(old: ScheduledWindow, new: ScheduledWindow) -> bool:
    """Whether *new* is *old* moved to another zone by a relocation (either choice), not a
    new date: history names such a change a relocation."""
    if new.tz == old.tz:
        return False
    for keep in KeepTime:
        try:
            if window_at(old, new.tz, keep) == new:
                return True
        except WindowError:
            continue
    return False


def choice_needed_message(venue_name: str, window: ScheduledWindow,
                          seen: RelocationPreview) -> str:
    wall, instant = seen.choice(KeepTime.WALL_CLOCK), seen.choice(KeepTime.INSTANT)
    return (f"{venue_name} is in {seen.zone}, the round's times in {window.tz}: say whether "
            f"to keep the wall-clock time ({wall.text}) or the instant ({instant.text})")


def _wall(local: datetime) -> datetime:
    return local.replace(tzinfo=None, fold=0)


def _clock(window: ScheduledWindow) -> str:
    start = window.local_start()
    assert start is not None
    return f"{start:%H:%M}"


def _place(tz: str) -> str:
    """'Asia/Dubai' as 'Dubai', 'America/Argentina/Buenos_Aires' as 'Buenos Aires'."""
    return tz.rsplit("/", 1)[-1].replace("_", " ")
