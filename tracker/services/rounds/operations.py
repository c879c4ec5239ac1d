"""Editing talk schedules: one operation per user intent, the only way to change them.

create_round, reschedule, relocate, postpone, cancel, mark_held, delete and restore
each check the rules (rules.py), write in the caller's transaction and return an
Outcome (services/common/outcome.py) whose ``undo`` takes the step back. The window and the
command line call the same functions; neither decides a round's next state itself.

Every move of a round's window, venue or status goes through ``change_round``, which
writes one append-only ScheduleChange with the full state before and after. Undo is a
retraction of the change (recorded "Undo: <reason>", with ``retracts_id``), which moves
the round back; redo retracts the retraction. History keeps both, and the views leave
them out unless asked for the corrections (retractions.py). An undo is refused when the
round moved on since the step.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy.orm import Session

from tracker.domain.base import utc_now
from tracker.domain.enums import ChangeKind, RoundStatus
from tracker.domain.negotiation import Round, Track
from tracker.domain.timewindow import ScheduledWindow
from tracker.domain.wording import say
from tracker.services.common.errors import NotFoundError, ValidationError
from tracker.services.common.outcome import ChangedSinceError, Outcome, Undo
from tracker.services.common.topics import topic_of
from tracker.services.records.conflicts import guard
from tracker.services.records.conflicts_kinds import ROUND
from tracker.services.rounds.relocation import KeepTime, relocated_window
from tracker.services.rounds.rules import (
    ChangeNote,
    RoundDraft,
    RoundState,
    change_kind,
    check_note,
    get_round,
    record,
    redo_note,
    schedule_values,
    set_state,
    state_of,
    undo_note,
    validate_state,
    validate_title,
)

# A schedule change shows in the rounds' views; a round that appears or goes also
# changes the factors' lists of dependent rounds.
SCHEDULE_TOPICS = topic_of(["round", "schedule_change"])
ROUND_LIST_TOPICS = SCHEDULE_TOPICS | topic_of(["dependency"])


def create_round(session: Session, draft: RoundDraft,
                 note: ChangeNote | None = None) -> Outcome:
    """Insert a round and its 'created' history record (Outcome.record_id: its id).

    Undo hides it (soft delete, "Undo: create"); redo brings the same round back."""
    title = validate_title(draft.title)
    if session.get(Track, draft.track_id) is None:
        raise ValidationError("track", say("Choose the track this round belongs to"))
    validate_state(session, draft.state)
    note = note or ChangeNote()
    check_note(session, note)
    new = Round(track_id=draft.track_id, title=title, format=draft.format,
                modality=draft.modality, status=draft.state.status,
                venue_id=draft.state.venue_id, agenda=draft.agenda)
    new.window = draft.state.window
    session.add(new)
    session.flush()
    change_id = record(session, new, None, draft.state, ChangeKind.CREATED, note)
    round_id = new.id
    return Outcome(ROUND_LIST_TOPICS, change_id, round_id, undo=_retract_visibility(
        round_id, change_id, ChangeNote("create"), hidden_now=False))


def change_round(
    session: Session, round_id: int, new_state: RoundState, note: ChangeNote, *,
    allow_any: bool = False, expected_version: int | None = None,
    retracts: int | None = None,
) -> Outcome:
    """Move a round to *new_state* and record it: what every intent below comes to.

    ``allow_any`` skips the status-transition rule: undo must be able to take a round
    marked held back to confirmed, and the reversal is recorded like any other change.
    ``expected_version`` is the version the editor started from: ConflictError if the
    round has changed since (see services/records/conflicts.py).
    """
    round_ = get_round(session, round_id)
    mine = schedule_values(new_state)
    # Refused first if the round changed since the editor read it: "Nothing changed" or a
    # refused transition would be about their version, not the one the editor saw.
    with guard(session, ROUND, round_, expected_version, mine):
        old_state = state_of(round_)
        if new_state == old_state:
            raise ValidationError("window", say("Nothing changed"))
        validate_state(session, new_state, before=None if allow_any else old_state.status)
        check_note(session, note)
        set_state(round_, new_state)
        change_id = record(session, round_, old_state, new_state,
                           change_kind(old_state, new_state), note, retracts=retracts)
    return Outcome(SCHEDULE_TOPICS, change_id, round_id, round_.version,
                   undo=_retract_move(round_id, change_id, old_state, new_state, note))


def reschedule(session: Session, round_id: int, window: ScheduledWindow, note: ChangeNote,
               *, expected_version: int | None = None) -> Outcome:
    """A new window; a new date ends a postponement (the round is scheduled again)."""
    state = state_of(get_round(session, round_id))
    status = state.status
    if status is RoundStatus.POSTPONED and window.start is not None:
        status = RoundStatus.SCHEDULED
    return change_round(session, round_id, replace(state, window=window, status=status),
                        note, expected_version=expected_version)


def relocate(session: Session, round_id: int, venue_id: int | None, note: ChangeNote, *,
             keep: KeepTime | None = None, expected_version: int | None = None) -> Outcome:
    """Another venue (None: not known any more); the window moves to the venue's zone,
    keeping the wall-clock time or the instant as *keep* says (relocation.py), which must
    be said when the two differ."""
    state = state_of(get_round(session, round_id))
    window = state.window if venue_id == state.venue_id else \
        relocated_window(session, state.window, venue_id, keep)
    return change_round(session, round_id, replace(state, venue_id=venue_id, window=window),
                        note, expected_version=expected_version)


def postpone(session: Session, round_id: int, note: ChangeNote, *,
             expected_version: int | None = None) -> Outcome:
    """Postponed with no new date: the window becomes unknown, in the same zone."""
    state = state_of(get_round(session, round_id))
    window = ScheduledWindow.unknown(state.window.tz)
    return change_round(session, round_id,
                        replace(state, window=window, status=RoundStatus.POSTPONED), note,
                        expected_version=expected_version)


def cancel(session: Session, round_id: int, note: ChangeNote, *,
           expected_version: int | None = None) -> Outcome:
    """Called off; the window and venue stay as they were announced."""
    state = state_of(get_round(session, round_id))
    return change_round(session, round_id, replace(state, status=RoundStatus.CANCELLED),
                        note, expected_version=expected_version)


def mark_held(session: Session, round_id: int, note: ChangeNote, *,
              window: ScheduledWindow | None = None,
              expected_version: int | None = None) -> Outcome:
    """The round took place, when *window* says (None: as scheduled); never in the future."""
    state = state_of(get_round(session, round_id))
    held = replace(state, window=window or state.window, status=RoundStatus.HELD)
    return change_round(session, round_id, held, note, expected_version=expected_version)


def delete(session: Session, round_id: int, note: ChangeNote, *,
           expected_version: int | None = None) -> Outcome:
    """Hide a round; its history and links stay, and ``restore`` (its undo) brings it back."""
    return _set_hidden(session, round_id, True, note, expected_version=expected_version)


def restore(session: Session, round_id: int, note: ChangeNote, *,
            expected_version: int | None = None) -> Outcome:
    """Bring back a deleted round, as it was; undo hides it again."""
    return _set_hidden(session, round_id, False, note, expected_version=expected_version)


def _set_hidden(session: Session, round_id: int, hidden: bool, note: ChangeNote, *,
                expected_version: int | None = None, retracts: int | None = None) -> Outcome:
    """Delete (*hidden*) or restore a round, recording it (as a retraction of *retracts*)."""
    check_note(session, note)
    if hidden:
        round_ = get_round(session, round_id)
    else:
        found = session.get(Round, round_id)
        if found is None:
            raise NotFoundError(say("Round {number} does not exist").format(number=round_id))
        if found.deleted_at is None:
            # A restore of a round that is there would tell history a false "restored".
            raise ValidationError("status", say("Round {number} is not deleted; there is "
                                                "nothing to restore").format(number=round_id))
        round_ = found
    with guard(session, ROUND, round_, expected_version, {}):
        round_.deleted_at = utc_now() if hidden else None
        state = state_of(round_)
        kind = ChangeKind.DELETED if hidden else ChangeKind.RESTORED
        change_id = record(session, round_, state, state, kind, note, retracts=retracts)
    return Outcome(ROUND_LIST_TOPICS, change_id, round_id, undo=_retract_visibility(
        round_id, change_id, note, hidden_now=hidden))


def _retract_move(round_id: int, change_id: int, before: RoundState, after: RoundState,
                  note: ChangeNote, prefix: str = "Undo") -> Undo:
    """Undo of schedule change *change_id* (which moved the round from *before* to
    *after*): a retraction of it that moves the round back, refused if the round is no
    longer at *after* (someone else's later change is kept). Its undo (the redo) retracts
    that retraction, and so on: history stays append-only and says what was withdrawn."""
    def run(session: Session) -> Outcome:
        if state_of(get_round(session, round_id)) != after:
            raise ChangedSinceError(say("The round was changed elsewhere since; nothing was "
                                        "done, so that change is kept."))
        # Any status: undo must take a round marked held back to confirmed.
        outcome = change_round(session, round_id, before, _step_note(note, prefix),
                               allow_any=True, retracts=change_id)
        assert outcome.change_id is not None
        return replace(outcome, undo=_retract_move(
            round_id, outcome.change_id, after, before, note, _other(prefix)))
    return run


def _retract_visibility(round_id: int, change_id: int, note: ChangeNote, *,
                        hidden_now: bool, prefix: str = "Undo") -> Undo:
    """Undo of a round's creation, deletion or restoration (*change_id*): a retraction of
    it that hides the round again (*hidden_now* False) or shows it; its undo retracts
    that, and so on."""
    def run(session: Session) -> Outcome:
        outcome = _set_hidden(session, round_id, not hidden_now, _step_note(note, prefix),
                              retracts=change_id)
        assert outcome.change_id is not None
        return replace(outcome, undo=_retract_visibility(
            round_id, outcome.change_id, note, hidden_now=not hidden_now,
            prefix=_other(prefix)))
    return run


def _step_note(note: ChangeNote, prefix: str) -> ChangeNote:
    return undo_note(note) if prefix == "Undo" else redo_note(note)


def _other(prefix: str) -> str:
    return "Redo" if prefix == "Undo" else "Undo"
