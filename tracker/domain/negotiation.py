"""Parties, people, tracks, venues, rounds, participants and the schedule history."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, Text, UniqueConstraint
from sqlalchemy.engine.default import DefaultExecutionContext
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.domain.announcement import Announcement
from tracker.domain.base import Base, utc_now
from tracker.domain.columns import enum_type
from tracker.domain.enums import (
    ChangeKind,
    ParticipantRole,
    PartyKind,
    Precision,
    RoundFormat,
    RoundModality,
    RoundStatus,
)
from tracker.domain.timewindow import ScheduledWindow


class Party(Base):
    __tablename__ = "party"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(unique=True)
    short_name: Mapped[str] = mapped_column(default="")
    kind: Mapped[PartyKind] = mapped_column(enum_type(PartyKind), default=PartyKind.STATE)
    people: Mapped[list[Person]] = relationship(back_populates="party")


class Person(Base):
    __tablename__ = "person"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    role: Mapped[str] = mapped_column(default="")
    party_id: Mapped[int | None] = mapped_column(ForeignKey("party.id", ondelete="SET NULL"))
    party: Mapped[Party | None] = relationship(back_populates="people")


class Track(Base):
    __tablename__ = "track"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    rounds: Mapped[list[Round]] = relationship(back_populates="track")


class Venue(Base):
    __tablename__ = "venue"
    __table_args__ = (
        CheckConstraint("latitude IS NULL OR (latitude BETWEEN -90 AND 90)", name="latitude"),
        CheckConstraint(
            "longitude IS NULL OR (longitude BETWEEN -180 AND 180)", name="longitude"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    city: Mapped[str] = mapped_column(default="")
    country: Mapped[str] = mapped_column(default="")
    latitude: Mapped[float | None]
    longitude: Mapped[float | None]
    time_zone: Mapped[str] = mapped_column(default="UTC")
    # Optimistic locking (migration 0005): an UPDATE matches only the version it read.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class Round(Base):
    """One meeting of a track. Its window and venue change only through ScheduleChange."""

    __tablename__ = "round"
    __table_args__ = (
        CheckConstraint(
            "window_end IS NULL OR window_start IS NULL OR window_end > window_start",
            name="window_order",
        ),
        Index("ix_round_window_start", "window_start"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    track_id: Mapped[int] = mapped_column(ForeignKey("track.id", ondelete="RESTRICT"))
    title: Mapped[str]
    format: Mapped[RoundFormat] = mapped_column(
        enum_type(RoundFormat), default=RoundFormat.TRILATERAL
    )
    status: Mapped[RoundStatus] = mapped_column(
        enum_type(RoundStatus), default=RoundStatus.PROPOSED
    )
    # A server default too, so rows written before migration 0010 (or by raw SQL) read
    # as "unknown".
    modality: Mapped[RoundModality] = mapped_column(
        enum_type(RoundModality), default=RoundModality.UNKNOWN,
        server_default=RoundModality.UNKNOWN.value,
    )
    window_precision: Mapped[Precision] = mapped_column(
        enum_type(Precision), default=Precision.UNKNOWN
    )
    window_tz: Mapped[str] = mapped_column(default="UTC")
    window_start: Mapped[datetime | None]
    window_end: Mapped[datetime | None]
    venue_id: Mapped[int | None] = mapped_column(ForeignKey("venue.id", ondelete="SET NULL"))
    agenda: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)
    # Deleting a round hides it; its history stays, and undo brings it back.
    deleted_at: Mapped[datetime | None]
    # The UID of the calendar entry (from another program) this round was imported from,
    # so a second import of that calendar updates the round; None for rounds made here.
    calendar_uid: Mapped[str | None] = mapped_column(unique=True, index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)

    track: Mapped[Track] = relationship(back_populates="rounds")
    venue: Mapped[Venue | None] = relationship()
    participants: Mapped[list[RoundParticipant]] = relationship(
        back_populates="round", cascade="all, delete-orphan", order_by="RoundParticipant.id"
    )
    changes: Mapped[list[ScheduleChange]] = relationship(
        back_populates="round", order_by="ScheduleChange.id"
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012

    @property
    def window(self) -> ScheduledWindow:
        return ScheduledWindow.stored(
            self.window_precision, self.window_tz, self.window_start, self.window_end
        )

    @window.setter
    def window(self, value: ScheduledWindow) -> None:
        value.check_range()  # every write of a round's window (issue 14, F1-F3)
        self.window_precision = value.precision
        self.window_tz = value.tz
        self.window_start = value.start
        self.window_end = value.end


class RoundParticipant(Base):
    """Association object: a party (and optionally its head of delegation) at a round."""

    __tablename__ = "round_participant"
    __table_args__ = (UniqueConstraint("round_id", "party_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("round.id", ondelete="CASCADE"))
    party_id: Mapped[int] = mapped_column(ForeignKey("party.id", ondelete="RESTRICT"))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    role: Mapped[ParticipantRole] = mapped_column(enum_type(ParticipantRole))
    note: Mapped[str] = mapped_column(default="")
    # Optimistic locking (migration 0005): an UPDATE matches only the version it read.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012

    round: Mapped[Round] = relationship(back_populates="participants")
    party: Mapped[Party] = relationship()
    person: Mapped[Person | None] = relationship()


def _entered_time(context: DefaultExecutionContext) -> datetime:
    entered = context.get_current_parameters()["recorded_at"]
    assert isinstance(entered, datetime)
    return entered


class ScheduleChange(Base):
    """One append-only record of a round's window, venue or status changing.

    The database refuses UPDATE and DELETE on this table (triggers in the migration), so
    an undo is itself recorded: as a *retraction* of the change it takes back
    (``retracts_id``), which moves the round back and marks that change as withdrawn. A
    redo retracts the retraction. Views leave both out unless asked for the corrections.

    Each change has two times: when it was announced (a day or an instant, see
    domain/announcement.py), by which every view orders it, and when it was entered.
    """

    __tablename__ = "schedule_change"
    __table_args__ = (
        Index("ix_schedule_change_round_id", "round_id"),
        # A change is retracted at most once; a redo retracts the retraction instead.
        Index("ix_schedule_change_retracts_id", "retracts_id", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("round.id", ondelete="RESTRICT"))
    kind: Mapped[ChangeKind] = mapped_column(enum_type(ChangeKind))
    recorded_at: Mapped[datetime] = mapped_column(default=utc_now)
    # Written by rules.record; a row made any other way (a test, the sample) is taken to
    # have been announced when it was entered.
    announced_at: Mapped[datetime] = mapped_column(default=_entered_time)
    announced_precision: Mapped[Precision] = mapped_column(
        enum_type(Precision, name="announced_precision"), default=Precision.EXACT,
        server_default=Precision.EXACT.value)
    # No ON DELETE: no row of this table is ever deleted (and SQLite's ADD COLUMN cannot
    # name one that its schema reader would see).
    retracts_id: Mapped[int | None] = mapped_column(ForeignKey("schedule_change.id"))
    recorded_by: Mapped[str] = mapped_column(default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    factor_id: Mapped[int | None] = mapped_column(ForeignKey("factor.id", ondelete="RESTRICT"))
    source_id: Mapped[int | None] = mapped_column(ForeignKey("source.id", ondelete="RESTRICT"))

    old_precision: Mapped[Precision | None] = mapped_column(enum_type(Precision))
    old_tz: Mapped[str | None]
    old_start: Mapped[datetime | None]
    old_end: Mapped[datetime | None]
    new_precision: Mapped[Precision | None] = mapped_column(enum_type(Precision))
    new_tz: Mapped[str | None]
    new_start: Mapped[datetime | None]
    new_end: Mapped[datetime | None]
    old_venue_id: Mapped[int | None] = mapped_column(ForeignKey("venue.id", ondelete="RESTRICT"))
    new_venue_id: Mapped[int | None] = mapped_column(ForeignKey("venue.id", ondelete="RESTRICT"))
    old_status: Mapped[RoundStatus | None] = mapped_column(enum_type(RoundStatus))
    new_status: Mapped[RoundStatus | None] = mapped_column(enum_type(RoundStatus))

    round: Mapped[Round] = relationship(back_populates="changes")
    old_venue: Mapped[Venue | None] = relationship(foreign_keys=[old_venue_id])
    new_venue: Mapped[Venue | None] = relationship(foreign_keys=[new_venue_id])

    @property
    def announced(self) -> Announcement:
        return Announcement(self.announced_at, self.announced_precision)

    def announcement(self, source_day: date | None) -> Announcement:
        """``announced`` as it is told: marked ``entered`` when the change is dated by
        its entry alone (``dated_when_entered``; *source_day* as there)."""
        if self.dated_when_entered(source_day):
            return Announcement(self.announced_at, self.announced_precision, entered=True)
        return self.announced

    def dated_when_entered(self, source_day: date | None) -> bool:
        """Whether the change is dated by its entry alone: at an instant equal to it, and
        its source's publication day (*source_day*: None when it has no source or one
        without a day) is not that instant's day. rules.announcement_of dates a change so
        when no time is given and no such day; migration 0011 so dated the changes before
        it, whatever their sources; a day given to the source since does not date it.
        One entered as announced at that very instant and on its source's day (typed
        as the news came out, with the source that carried it) is announced then. A
        retraction, dated so by design, is told as the correction it is."""
        return (self.retracts_id is None
                and self.announced_precision is Precision.EXACT
                and self.announced_at == self.recorded_at
                and source_day != self.announced_at.date())

    @property
    def old_window(self) -> ScheduledWindow | None:
        if self.old_precision is None or self.old_tz is None:
            return None
        return ScheduledWindow.stored(self.old_precision, self.old_tz, self.old_start,
                                      self.old_end)

    @property
    def new_window(self) -> ScheduledWindow | None:
        if self.new_precision is None or self.new_tz is None:
            return None
        return ScheduledWindow.stored(self.new_precision, self.new_tz, self.new_start,
                                      self.new_end)
