"""Optimistic locking: a save is refused when the record changed since the editor read it.

Each editable record carries a version counter (SQLAlchemy ``version_id_col``). A dialog
remembers the version of the row it was opened on and hands it to the service as
``expected_version``; if the database holds another version, ``check_round`` raises a
ConflictError carrying both versions field by field, so the window can show them side
by side and let the user decide. Nothing is written in that case. (``version_id_col``
also guards the narrower race between this check and the UPDATE: the UPDATE matches only
the version read, and SQLAlchemy raises StaleDataError when it matches nothing.)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.domain.enums import RoundFormat, RoundStatus
from tracker.domain.negotiation import Round, ScheduleChange, Venue
from tracker.domain.timewindow import ScheduledWindow

# A round's editable fields, in the order a conflict shows them, with their labels.
ROUND_FIELDS: dict[str, str] = {
    "title": "Title", "format": "Format", "status": "Status", "window": "When",
    "venue": "Venue", "agenda": "Agenda", "outcome": "Outcome",
}
STATE_FIELDS = ("status", "window", "venue")
DETAIL_FIELDS = ("title", "format", "agenda", "outcome")


@dataclass(frozen=True, slots=True)
class FieldDifference:
    """One field on which the refused save and the database disagree."""

    field: str
    label: str
    mine: object
    theirs: object
    mine_text: str
    theirs_text: str


class ConflictError(Exception):
    """The record changed since the editor read it; nothing was saved.

    Attributes:
        record_id: the round's id.
        mine_version: the version the editor started from.
        theirs_version: the version in the database now.
        mine / theirs: the fields the refused save covers, as the editor wanted them and
            as they are now (same keys).
        changed_by / changed_at: who made the latest change and when, as far as known.
    """

    def __init__(self, record_id: int, mine_version: int, theirs_version: int,
                 mine: Mapping[str, object], theirs: Mapping[str, object],
                 texts: Mapping[tuple[str, object], str], changed_by: str,
                 changed_at: datetime | None) -> None:
        who = changed_by or "another editor"
        super().__init__(f"Round {record_id} was changed by {who} since you opened it "
                         f"(version {mine_version} → {theirs_version}); nothing was saved.")
        self.field = "conflict"  # read by dialogs that place errors beside a field
        self.record_id = record_id
        self.mine_version = mine_version
        self.theirs_version = theirs_version
        self.mine = dict(mine)
        self.theirs = dict(theirs)
        self._texts = dict(texts)
        self.changed_by = changed_by
        self.changed_at = changed_at

    def text(self, field: str, value: object) -> str:
        return self._texts.get((field, value), str(value))

    @property
    def differences(self) -> tuple[FieldDifference, ...]:
        return tuple(
            FieldDifference(field, ROUND_FIELDS[field], self.mine[field], self.theirs[field],
                            self.text(field, self.mine[field]),
                            self.text(field, self.theirs[field]))
            for field in ROUND_FIELDS
            if field in self.mine and self.mine[field] != self.theirs[field]
        )

    def merged_reason(self) -> str:
        """The history's account of a resolution: with whom, and when their change was."""
        when = self.changed_at.strftime("%Y-%m-%d %H:%M UTC") if self.changed_at else "?"
        return f"Merged after a conflict with {self.changed_by or 'another editor'} at {when}"


def round_values(round_: Round) -> dict[str, object]:
    """All editable fields of *round_*, keyed as in ROUND_FIELDS."""
    return {
        "title": round_.title, "format": round_.format, "status": round_.status,
        "window": round_.window, "venue": round_.venue_id, "agenda": round_.agenda,
        "outcome": round_.outcome,
    }


def value_text(session: Session, field: str, value: object) -> str:
    """How a field's value reads in the conflict dialog."""
    if field == "venue":
        venue = session.get(Venue, value) if isinstance(value, int) else None
        return venue.name if venue is not None else "Not known yet"
    if isinstance(value, ScheduledWindow):
        return value.describe()
    if isinstance(value, (RoundStatus, RoundFormat)):
        return value.value
    return str(value)


def last_change(session: Session, round_: Round) -> tuple[str, datetime | None]:
    """Who recorded the round's latest history entry, and when the round last changed."""
    latest = session.execute(
        select(ScheduleChange.recorded_by, ScheduleChange.recorded_at)
        .where(ScheduleChange.round_id == round_.id)
        .order_by(ScheduleChange.id.desc()).limit(1)
    ).first()
    # Details edits write no history record: a history entry older than the round's last
    # update was not the change in question, so its author is not named.
    if latest is None or round_.updated_at - latest.recorded_at > timedelta(seconds=1):
        return "", round_.updated_at
    return latest.recorded_by, round_.updated_at


def check_round(session: Session, round_: Round, expected_version: int | None,
                mine: Mapping[str, object]) -> None:
    """Refuse a save of *mine* begun from *expected_version* if the round moved on."""
    if expected_version is None or round_.version == expected_version:
        return
    current = round_values(round_)
    theirs = {field: current[field] for field in mine}
    texts = {(field, value): value_text(session, field, value)
             for field in mine for value in (mine[field], theirs[field])}
    who, when = last_change(session, round_)
    raise ConflictError(round_.id, expected_version, round_.version, mine, theirs, texts,
                        who, when)
