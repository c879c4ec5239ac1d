"""What a round's schedule may become, and how a change of it is recorded.

The rules every schedule operation (operations.py) and a round's edit (record_edits)
check: a title, the status moves a user may make, a held round's date, a venue and a
note that exist, an announcement that is not in the future. ``record`` writes the
append-only ScheduleChange with the full state before and after, so history shows every
change; an undo is written as a retraction of the change it takes back.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from tracker.domain import identity
from tracker.domain.announcement import Announcement, AnnouncementError, default_announcement
from tracker.domain.base import utc_now
from tracker.domain.enums import ChangeKind, RoundFormat, RoundModality, RoundStatus
from tracker.domain.factors import Factor
from tracker.domain.negotiation import Round, ScheduleChange, Venue
from tracker.domain.sources import Source
from tracker.domain.timewindow import ScheduledWindow
from tracker.domain.wording import label_of, say
from tracker.services.common.errors import NotFoundError, ValidationError
from tracker.services.common.outcome import undo_reason
from tracker.services.records.citations import cite
from tracker.services.records.conflicts_kinds import SCHEDULE_FIELDS
from tracker.services.rounds.relocation import follows_venue


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
    """A round not yet created: what the New Round dialog or an import collected."""

    track_id: int
    title: str
    format: RoundFormat
    state: RoundState
    agenda: str = ""
    modality: RoundModality = RoundModality.UNKNOWN


@dataclass(frozen=True, slots=True)
class ChangeNote:
    """Why a change was made: free text, optionally the factor and source behind it, and
    when it was announced (None: the source's publication day, otherwise now)."""

    reason: str = ""
    factor_id: int | None = None
    source_id: int | None = None
    recorded_by: str = ""
    announced: Announcement | None = None


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
        raise ValidationError("title", say("A round needs a title"))
    return cleaned


# What a round typed in as new may be: postponed and cancelled are what happens to a round
# that exists already (a calendar import may still bring one in cancelled, as announced).
NEW_ROUND_STATUSES = (RoundStatus.PROPOSED, RoundStatus.SCHEDULED, RoundStatus.CONFIRMED,
                      RoundStatus.HELD)


def validate_state(
    session: Session, state: RoundState, *, before: RoundStatus | None = None
) -> None:
    if before is not None and state.status not in _ALLOWED[before]:
        raise ValidationError(
            "status", say("A {before} round cannot become {after}").format(
                before=label_of(before), after=label_of(state.status))
        )
    if state.status is RoundStatus.HELD and state.window.start is None:
        raise ValidationError("window",
                              say("A round that was held needs at least a rough date"))
    if state.status is RoundStatus.HELD and state.window.start is not None \
            and state.window.start > utc_now():
        raise ValidationError("status", say("A round cannot be marked held before it starts"))
    if state.venue_id is not None and session.get(Venue, state.venue_id) is None:
        raise ValidationError("venue", say("Venue {number} does not exist").format(
            number=state.venue_id))


def check_note(session: Session, note: ChangeNote) -> None:
    """Refuse a note naming a factor or source that does not exist, or announced after
    now: before anything is changed, so nothing is half done."""
    if note.factor_id is not None and session.get(Factor, note.factor_id) is None:
        raise ValidationError("factor", say("Factor {number} does not exist").format(
            number=note.factor_id))
    if note.source_id is not None and session.get(Source, note.source_id) is None:
        raise ValidationError("source", say("Source {number} does not exist").format(
            number=note.source_id))
    announcement_of(session, note, utc_now())


def undo_note(note: ChangeNote) -> ChangeNote:
    """How history tells an undo (a retraction): what it takes back; the factor and source
    stay with the original change, and it is announced when it is entered."""
    return ChangeNote(reason=undo_reason(note.reason, "Undo"))


def redo_note(note: ChangeNote) -> ChangeNote:
    """How history tells a redo (the retraction retracted): the original change again.

    It cites nothing itself: the change it restores keeps its factor and source."""
    return ChangeNote(reason=undo_reason(note.reason, "Redo"))


def announcement_of(session: Session, note: ChangeNote, recorded_at: datetime) -> Announcement:
    """When the change *note* describes was announced: as given, or by default the day its
    source was published, or the moment it is entered; never after it was entered."""
    announced = note.announced
    if announced is None:
        source = session.get(Source, note.source_id) if note.source_id is not None else None
        announced = default_announcement(source.published_on if source else None,
                                         recorded_at)
    try:
        announced.check_entered(recorded_at)
    except AnnouncementError as exc:
        raise ValidationError("announced", str(exc)) from exc
    return announced


def schedule_values(state: RoundState) -> dict[str, object]:
    """*state* as the round's field table names its schedule fields (a conflict's values)."""
    return dict(zip(SCHEDULE_FIELDS, (state.window, state.venue_id, state.status),
                    strict=True))


def state_from(values: Mapping[str, object]) -> RoundState:
    """The schedule state *values* (the round's fields, by the field table) hold."""
    window, venue, status = (values[field] for field in SCHEDULE_FIELDS)
    assert isinstance(window, ScheduledWindow) and isinstance(status, RoundStatus)
    assert venue is None or isinstance(venue, int)
    return RoundState(window, venue, status)


def state_of(round_: Round) -> RoundState:
    return RoundState(round_.window, round_.venue_id, round_.status)


def set_state(round_: Round, state: RoundState) -> None:
    round_.window = state.window
    round_.venue_id = state.venue_id
    round_.status = state.status


def get_round(session: Session, round_id: int) -> Round:
    found = session.get(Round, round_id)
    if found is None or found.deleted_at is not None:
        raise NotFoundError(say("Round {number} does not exist").format(number=round_id))
    return found


def change_kind(old: RoundState, new: RoundState) -> ChangeKind:
    """How history names a move from *old* to *new* (EDITED when neither moved)."""
    if new.status != old.status:
        return ChangeKind.STATUS
    moved_venue = new.venue_id != old.venue_id
    # A relocation takes the window into the venue's zone: still a relocation.
    if new.window != old.window and not (moved_venue and follows_venue(old.window,
                                                                         new.window)):
        return ChangeKind.RESCHEDULED
    if moved_venue:
        return ChangeKind.RELOCATED
    return ChangeKind.EDITED


def record(
    session: Session, round_: Round, old: RoundState | None, new: RoundState,
    kind: ChangeKind, note: ChangeNote, recorded_at: datetime | None = None, *,
    retracts: int | None = None,
) -> int:
    """Append one ScheduleChange (and its citation of the note's source); its id.

    *retracts*: the change this one takes back (an undo, or a redo retracting the undo);
    a retraction is announced when it is entered, whatever the note says.
    """
    entered = recorded_at or utc_now()
    announced = (Announcement.at_instant(entered) if retracts is not None
                 else announcement_of(session, note, entered))
    change = ScheduleChange(
        round_id=round_.id, kind=kind, recorded_at=entered,
        announced_at=announced.at, announced_precision=announced.precision,
        retracts_id=retracts,
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
