"""Taking back a calendar import, and doing it again: for the window's undo stack.

An import changes rounds through the schedule services, so undoing it does too: each
updated round gets a further change back to its state before (the history is append-only
and shows the undo), its title and agenda are put back, and each round the import added is
hidden (soft-deleted) and lets go of its calendar UID, so the file can be imported again.
A round someone changed since is not touched: the whole undo is refused instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from tracker.domain.enums import RoundFormat
from tracker.domain.negotiation import Round
from tracker.services import schedule
from tracker.services.errors import NotFoundError, ValidationError
from tracker.services.schedule import ChangeNote, RoundState


@dataclass(frozen=True, slots=True)
class RoundSnapshot:
    """What an import may change on a round: its schedule state and its details."""

    state: RoundState
    title: str
    format: RoundFormat
    agenda: str
    outcome: str


@dataclass(frozen=True, slots=True)
class ImportedRound:
    """One round an import added or changed: enough to undo and redo it."""

    round_id: int
    before: RoundSnapshot | None  # None: the import created the round
    after: RoundSnapshot
    calendar_uid: str | None  # the UID an added round remembers


def snapshot(round_: Round) -> RoundSnapshot:
    return RoundSnapshot(schedule.state_of(round_), round_.title, round_.format,
                         round_.agenda, round_.outcome)


def undo_import(session: Session, file_name: str, rounds: Iterable[ImportedRound]) -> None:
    note = ChangeNote(f"Undo: imported from {file_name}")
    for item in reversed(list(rounds)):
        round_ = _expect(session, item.round_id, item.after)
        if item.before is None:
            round_.calendar_uid = None
            session.flush()
            schedule.delete_round(session, item.round_id, note)
        else:
            _put(session, round_, item.before, note)


def redo_import(session: Session, file_name: str, rounds: Iterable[ImportedRound]) -> None:
    note = ChangeNote(f"Redo: imported from {file_name}")
    for item in rounds:
        if item.before is None:
            round_ = session.get(Round, item.round_id)
            if round_ is None:
                raise NotFoundError(f"Round {item.round_id} does not exist")
            schedule.restore_round(session, item.round_id, note)
            round_.calendar_uid = item.calendar_uid
            session.flush()
            _expect(session, item.round_id, item.after)
        else:
            _put(session, _expect(session, item.round_id, item.before), item.after, note)


def _expect(session: Session, round_id: int, expected: RoundSnapshot) -> Round:
    round_ = schedule.get_round(session, round_id)
    if snapshot(round_) != expected:
        raise ValidationError(
            "window", f"“{round_.title}” was changed since the import; nothing was undone, "
                      "so that change is kept.")
    return round_


def _put(session: Session, round_: Round, target: RoundSnapshot, note: ChangeNote) -> None:
    if schedule.state_of(round_) != target.state:
        schedule.change_round(session, round_.id, target.state, note, allow_any=True)
    schedule.edit_details(session, round_.id, title=target.title, format=target.format,
                          agenda=target.agenda, outcome=target.outcome)
