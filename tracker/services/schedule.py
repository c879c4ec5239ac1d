"""Editing talk schedules: create, reschedule, relocate, postpone, cancel, mark held.

Every change to a round's window, venue or status goes through ``change_round``, which
writes one append-only ScheduleChange with the full state before and after. Undo is the
same call back to the old state, so history shows the undo too instead of losing it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy.orm import Session

from tracker.domain import identity
from tracker.domain.base import utc_now
from tracker.domain.enums import CLOSED_STATUSES, ChangeKind, RoundFormat, RoundStatus
from tracker.domain.factors import Factor
from tracker.domain.negotiation import Round, ScheduleChange, Track, Venue
from tracker.domain.sources import Source
from tracker.domain.timewindow import ScheduledWindow
from tracker.services.citations import cite
from tracker.services.conflicts import guard
from tracker.services.conflicts_kinds import ROUND
from tracker.services.errors import NotFoundError, ValidationError


def current_user() -> str:
    """Who history records as making a change: the name set in preferences, or the OS user."""
    return identity.user_name()


@dataclass(frozen=True, slots=True)
class RoundState:
    """What a schedule change moves between."""

    window: ScheduledWindow
    venue_id: int | None
    status: RoundStatus


@dataclass(frozen=True, slots=True)
class RoundDraft:
    track_id: int
    title: str
    format: RoundFormat
    state: RoundState
    agenda: str = ""


@dataclass(frozen=True, slots=True)
class ChangeNote:
    """Why a change was made: free text, and optionally the factor and source behind it."""

    reason: str = ""
    factor_id: int | None = None
    source_id: int | None = None
    recorded_by: str = ""


# Status moves a user may make; undo may go anywhere (see change_round's allow_any).
_ALLOWED: dict[RoundStatus, frozenset[RoundStatus]] = {
    RoundStatus.PROPOSED: frozenset(RoundStatus) - {RoundStatus.HELD},
    RoundStatus.SCHEDULED: frozenset(RoundStatus) - {RoundStatus.PROPOSED},
    RoundStatus.CONFIRMED: frozenset(RoundStatus) - {RoundStatus.PROPOSED},
    RoundStatus.POSTPONED: frozenset(RoundStatus) - {RoundStatus.HELD},
    RoundStatus.CANCELLED: frozenset({RoundStatus.CANCELLED, RoundStatus.PROPOSED,
                                      RoundStatus.SCHEDULED}),
    RoundStatus.HELD: frozenset({RoundStatus.HELD}),
}


def can_move(before: RoundStatus, after: RoundStatus) -> bool:
    """Whether a user may take a round from *before* to a different status *after*."""
    return after is not before and after in _ALLOWED[before]


def validate_title(title: str) -> str:
    cleaned = " ".join(title.split())
    if not cleaned:
        raise ValidationError("title", "A round needs a title")
    return cleaned


def validate_state(
    session: Session, state: RoundState, *, before: RoundStatus | None = None
) -> None:
    if before is not None and state.status not in _ALLOWED[before]:
        raise ValidationError(
            "status", f"A {before.value} round cannot become {state.status.value}"
        )
    if state.status is RoundStatus.HELD and state.window.start is None:
        raise ValidationError("window", "A round that was held needs at least a rough date")
    if state.status is RoundStatus.HELD and state.window.start is not None \
            and state.window.start > utc_now():
        raise ValidationError("status", "A round cannot be marked held before it starts")
    if state.venue_id is not None and session.get(Venue, state.venue_id) is None:
        raise ValidationError("venue", f"Venue {state.venue_id} does not exist")


def state_of(round_: Round) -> RoundState:
    return RoundState(round_.window, round_.venue_id, round_.status)


def get_round(session: Session, round_id: int) -> Round:
    found = session.get(Round, round_id)
    if found is None or found.deleted_at is not None:
        raise NotFoundError(f"Round {round_id} does not exist")
    return found


def create_round(session: Session, draft: RoundDraft, note: ChangeNote | None = None) -> int:
    """Insert a round and its 'created' history record; return the round's id."""
    title = validate_title(draft.title)
    if session.get(Track, draft.track_id) is None:
        raise ValidationError("track", "Choose the track this round belongs to")
    validate_state(session, draft.state)
    note = note or ChangeNote()
    _check_note(session, note)
    new = Round(track_id=draft.track_id, title=title, format=draft.format,
                status=draft.state.status, venue_id=draft.state.venue_id,
                agenda=draft.agenda)
    new.window = draft.state.window
    session.add(new)
    session.flush()
    _record(session, new, None, draft.state, ChangeKind.CREATED, note)
    return new.id


def change_round(
    session: Session, round_id: int, new_state: RoundState, note: ChangeNote, *,
    allow_any: bool = False, expected_version: int | None = None,
) -> int:
    """Move a round to *new_state* and record it; return the change's id.

    ``allow_any`` skips the status-transition rule: undo must be able to take a round
    marked held back to confirmed, and the reversal is recorded like any other change.
    ``expected_version`` is the version the editor started from: ConflictError if the
    round has changed since (see services/conflicts.py).
    """
    round_ = get_round(session, round_id)
    mine: dict[str, object] = {
        "status": new_state.status, "window": new_state.window, "venue": new_state.venue_id,
    }
    # Refused first if the round changed since the editor read it: "Nothing changed" or a
    # refused transition would be about their version, not the one the editor saw.
    with guard(session, ROUND, round_, expected_version, mine):
        old_state = state_of(round_)
        if new_state == old_state:
            raise ValidationError("window", "Nothing changed")
        validate_state(session, new_state, before=None if allow_any else old_state.status)
        _check_note(session, note)
        round_.window = new_state.window
        round_.venue_id = new_state.venue_id
        round_.status = new_state.status
        change_id = _record(session, round_, old_state, new_state,
                            _kind(old_state, new_state), note)
    return change_id


def reschedule(session: Session, round_id: int, window: ScheduledWindow,
               note: ChangeNote) -> int:
    state = state_of(get_round(session, round_id))
    status = state.status
    if status is RoundStatus.POSTPONED and window.start is not None:
        status = RoundStatus.SCHEDULED  # a new date ends the postponement
    return change_round(session, round_id, replace(state, window=window, status=status), note)


def relocate(session: Session, round_id: int, venue_id: int | None, note: ChangeNote) -> int:
    state = state_of(get_round(session, round_id))
    return change_round(session, round_id, replace(state, venue_id=venue_id), note)


def set_status(session: Session, round_id: int, status: RoundStatus, note: ChangeNote) -> int:
    state = state_of(get_round(session, round_id))
    return change_round(session, round_id, replace(state, status=status), note)


def postpone(session: Session, round_id: int, note: ChangeNote) -> int:
    """Postponed with no new date: the window becomes unknown, in the same zone."""
    state = state_of(get_round(session, round_id))
    window = ScheduledWindow.unknown(state.window.tz)
    return change_round(
        session, round_id, replace(state, window=window, status=RoundStatus.POSTPONED), note
    )


def delete_round(session: Session, round_id: int, note: ChangeNote) -> int:
    """Hide a round; its history and links stay, and restore_round brings it back."""
    round_ = get_round(session, round_id)
    round_.deleted_at = utc_now()
    state = state_of(round_)
    return _record(session, round_, state, state, ChangeKind.DELETED, note)


def restore_round(session: Session, round_id: int, note: ChangeNote) -> int:
    round_ = session.get(Round, round_id)
    if round_ is None:
        raise NotFoundError(f"Round {round_id} does not exist")
    round_.deleted_at = None
    state = state_of(round_)
    return _record(session, round_, state, state, ChangeKind.RESTORED, note)


def edit_details(session: Session, round_id: int, *, title: str, format: RoundFormat,
                 agenda: str, outcome: str, expected_version: int | None = None) -> None:
    """Fields that are not schedule: no history record, the undo stack keeps the old values.

    ConflictError if the round is no longer at ``expected_version`` (when given)."""
    round_ = get_round(session, round_id)
    mine: dict[str, object] = {"title": " ".join(title.split()), "format": format,
                               "agenda": agenda, "outcome": outcome}
    with guard(session, ROUND, round_, expected_version, mine):
        round_.title = validate_title(title)
        round_.format = format
        round_.agenda = agenda
        round_.outcome = outcome


def save_round_values(session: Session, round_id: int, values: Mapping[str, object],
                      note: ChangeNote, *, expected_version: int | None) -> int:
    """Save any of a round's fields at once (a conflict's resolution, or its undo) as one
    history record; ConflictError if the round is no longer at ``expected_version``."""
    round_ = get_round(session, round_id)
    with guard(session, ROUND, round_, expected_version, values):
        _check_note(session, note)
        old_state = state_of(round_)
        window = values.get("window", old_state.window)
        venue = values.get("venue", old_state.venue_id)
        status = values.get("status", old_state.status)
        assert isinstance(window, ScheduledWindow) and isinstance(status, RoundStatus)
        assert venue is None or isinstance(venue, int)
        new_state = RoundState(window, venue, status)
        validate_state(session, new_state)
        round_.title = validate_title(str(values["title"])) if "title" in values \
            else round_.title
        kind = ChangeKind.EDITED if new_state == old_state else _kind(old_state, new_state)
        for field in ("format", "agenda", "outcome"):
            if field in values:
                setattr(round_, field, values[field])
        round_.window = new_state.window
        round_.venue_id = new_state.venue_id
        round_.status = new_state.status
        change_id = _record(session, round_, old_state, new_state, kind, note)
    return change_id


def is_open(status: RoundStatus) -> bool:
    return status not in CLOSED_STATUSES


def _kind(old: RoundState, new: RoundState) -> ChangeKind:
    if new.status != old.status:
        return ChangeKind.STATUS
    if new.window != old.window:
        return ChangeKind.RESCHEDULED
    return ChangeKind.RELOCATED


def _check_note(session: Session, note: ChangeNote) -> None:
    if note.factor_id is not None and session.get(Factor, note.factor_id) is None:
        raise ValidationError("factor", f"Factor {note.factor_id} does not exist")
    if note.source_id is not None and session.get(Source, note.source_id) is None:
        raise ValidationError("source", f"Source {note.source_id} does not exist")


def _record(
    session: Session, round_: Round, old: RoundState | None, new: RoundState,
    kind: ChangeKind, note: ChangeNote, recorded_at: datetime | None = None,
) -> int:
    change = ScheduleChange(
        round_id=round_.id, kind=kind, recorded_at=recorded_at or utc_now(),
        recorded_by=note.recorded_by or current_user(), reason=note.reason.strip(),
        factor_id=note.factor_id, source_id=note.source_id,
        new_precision=new.window.precision, new_tz=new.window.tz,
        new_start=new.window.start, new_end=new.window.end,
        new_venue_id=new.venue_id, new_status=new.status,
    )
    if old is not None:
        change.old_precision = old.window.precision
        change.old_tz = old.window.tz
        change.old_start = old.window.start
        change.old_end = old.window.end
        change.old_venue_id = old.venue_id
        change.old_status = old.status
    session.add(change)
    session.flush()
    if note.source_id is not None:
        cite(session, note.source_id, "schedule_change_id", change.id)
    return change.id
