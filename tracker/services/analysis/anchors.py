"""What the analysis counts around: rounds, schedule changes, factor readings.

An anchor is a run of calendar days. A round's days are those of its scheduled window in
the window's own zone (normally the venue's): talks at 23:30 UTC in Dubai happen on the
next local day, and that is the day the war is compared against. A round announced "for
the coming week" spans the whole week and one "in March" the whole month; the anchor
keeps that precision so no one reads a week as a day. A schedule change's anchor is the
day it was announced (not the day it was typed in): a day's announcement is that day, an
instant's is its local day in the round's zone. A factor reading's is the local day it
falls on in the zone the caller chooses (UTC unless told otherwise). An undone change and
its undo (a retraction, services/rounds/retractions.py) are no change: left out.

A change nobody dated (entered with no announcement time and no dated source) is at the
day it was typed in, and its label says it was entered then, with no announcement date.

Rounds of unknown date have no days; they are listed as skipped, never guessed. So are
records dated outside the tracker's dates (domain/date_range.py), which a database written
before that rule may hold: their windows would run off the calendar.
Deleted rounds, and the changes of deleted rounds, are left out as everywhere else.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.domain.announcement import Announcement
from tracker.domain.date_range import RANGE_TEXT, instant_in_range
from tracker.domain.enums import Precision
from tracker.domain.factors import Dependency, Factor, FactorReading
from tracker.domain.negotiation import Round, ScheduleChange
from tracker.domain.timewindow import is_known_zone, zone
from tracker.domain.wording import say
from tracker.services.rounds import get_round
from tracker.services.rounds.retractions import corrections
from tracker.services.rounds.told_announcements import told_announcements


class Around(StrEnum):
    """Which records the analysis is anchored on."""

    ROUNDS = "rounds"
    CHANGES = "changes"
    READINGS = "readings"


class AnchorKind(StrEnum):
    ROUND = "round"
    CHANGE = "schedule change"
    READING = "factor reading"


@dataclass(frozen=True, slots=True)
class Anchor:
    """A round, schedule change or factor reading as the days it covers.

    ``first_day`` and ``last_day`` are inclusive local days in ``tz``. ``precision`` is the
    round window's (a week-long anchor is a week because that is all that is known), the
    announcement's for a change (DAY when only its day is known, else EXACT), or EXACT for
    the instant of a reading. ``round_id`` is the round a round or
    change anchor belongs to; ``factor_id`` the factor of a reading.
    """

    kind: AnchorKind
    id: int
    label: str
    first_day: date
    last_day: date
    precision: Precision
    tz: str
    round_id: int | None = None
    factor_id: int | None = None

    @property
    def days(self) -> int:
        return (self.last_day - self.first_day).days + 1

    def sort_key(self) -> tuple[date, int, int]:
        return self.first_day, list(AnchorKind).index(self.kind), self.id


@dataclass(frozen=True, slots=True)
class Anchors:
    """The anchors found, in time order, and what had to be left out (and why)."""

    anchors: tuple[Anchor, ...]
    skipped: tuple[str, ...] = ()


def local_day(instant: datetime, tz: str) -> date:
    """The calendar day *instant* falls on in *tz*."""
    return instant.astimezone(zone(tz)).date()


def find_anchors(session: Session, around: Around, *, round_id: int | None = None,
                 tz: str = "UTC") -> Anchors:
    """Every anchor of kind *around*, or those of one round.

    With *round_id*: that round (rounds), its schedule changes (changes), or the readings
    of the factors it depends on (readings). A round that does not exist or was deleted
    raises NotFoundError. *tz* is the zone whose days a factor reading falls on.
    """
    if round_id is not None:
        get_round(session, round_id)
    if around is Around.ROUNDS:
        found = _round_anchors(session, round_id)
    elif around is Around.CHANGES:
        found = _change_anchors(session, round_id)
    else:
        found = _reading_anchors(session, round_id, tz)
    return Anchors(tuple(sorted(found.anchors, key=Anchor.sort_key)), found.skipped)


def _round_anchors(session: Session, round_id: int | None) -> Anchors:
    query = select(Round).where(Round.deleted_at.is_(None))
    if round_id is not None:
        query = query.where(Round.id == round_id)
    anchors: list[Anchor] = []
    skipped: list[str] = []
    for round_ in session.scalars(query.order_by(Round.id)):
        if round_.window_start is not None and not instant_in_range(round_.window_start):
            skipped.append(_outside(round_.title))
            continue
        window = round_.window
        first, last = window.first_day(), window.last_day()
        if first is None or last is None:
            skipped.append(say("{title}: date unknown").format(title=round_.title))
            continue
        anchors.append(Anchor(AnchorKind.ROUND, round_.id, round_.title, first, last,
                              window.precision, window.tz, round_id=round_.id))
    return Anchors(tuple(anchors), tuple(skipped))


def _change_anchors(session: Session, round_id: int | None) -> Anchors:
    """A change at the day it was announced; one nobody dated is at the day it was typed
    in (services/rounds/told_announcements.py), and its label says so."""
    query = (select(ScheduleChange, Round.title, Round.window_tz)
             .join(Round, Round.id == ScheduleChange.round_id)
             .where(Round.deleted_at.is_(None), corrections(session).in_effect_clause()))
    if round_id is not None:
        query = query.where(Round.id == round_id)
    rows = session.execute(query).all()
    told = told_announcements(session, [change for change, _title, _tz in rows])
    found = _InstantAnchors()
    for change, title, tz in rows:
        label = f"{title}: {change.kind.value}"
        announced = told[change.id]
        if announced.entered:
            # Entered as the news came in, most likely, but nobody said so: the analysis
            # and its exports must not read the typing day as the announcement's.
            label = say("{label} (entered, no announcement date given)").format(label=label)
        found.add(AnchorKind.CHANGE, change.id, label, announced.at, tz,
                  announced=announced.precision, round_id=change.round_id)
    return Anchors(tuple(found.anchors), tuple(found.skipped))


def _reading_anchors(session: Session, round_id: int | None, tz: str) -> Anchors:
    query = (select(FactorReading.id, FactorReading.observed_at, FactorReading.level,
                    FactorReading.trend, Factor.id, Factor.name)
             .join(Factor, Factor.id == FactorReading.factor_id))
    if round_id is not None:
        depended_on = select(Dependency.factor_id).where(Dependency.round_id == round_id)
        query = query.where(Factor.id.in_(depended_on))
    found = _InstantAnchors()
    for reading_id, observed_at, level, trend, factor_id, name in session.execute(query):
        found.add(AnchorKind.READING, reading_id, f"{name}: {level.value}, {trend.value}",
                  observed_at, tz, factor_id=factor_id)
    return Anchors(tuple(found.anchors), tuple(found.skipped))


class _InstantAnchors:
    """Anchors of one local day each (a change's announcement, a reading), and what was
    skipped."""

    def __init__(self) -> None:
        self.anchors: list[Anchor] = []
        self.skipped: list[str] = []

    def add(self, kind: AnchorKind, record_id: int, label: str, instant: datetime, tz: str,
            *, announced: Precision = Precision.EXACT, round_id: int | None = None,
            factor_id: int | None = None) -> None:
        """*instant*'s local day in *tz*; a day's announcement (*announced* DAY) is that
        day itself."""
        if not instant_in_range(instant):
            self.skipped.append(_outside(label))
            return
        # A round's zone stored before the archive checked zones reads as UTC, as its
        # window does (ScheduledWindow.stored).
        tz = tz if is_known_zone(tz) else "UTC"
        day = Announcement(instant, announced).day(tz)
        # The precision as known: a change announced on a day is known to that day only.
        self.anchors.append(Anchor(kind, record_id, label, day, day, announced, tz,
                                   round_id=round_id, factor_id=factor_id))


def _outside(label: str) -> str:
    return say("{title}: dated outside the dates the tracker takes ({range})").format(
        title=label, range=RANGE_TEXT)
