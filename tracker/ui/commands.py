"""Undoable edits: one small QUndoCommand per user intent, each calling a service.

Every redo/undo runs one service call in one transaction through ``Workspace.write``.
Nothing is thrown away: undoing a schedule change records a further change back (the
history is append-only), and undoing a creation soft-deletes the round. ``RemoveCommand``
is the base of every removal of another kind of record (a seat at a round, a link…):
undo puts the record back under its id, and each removal, redo included, is checked
against the version the user last saw of it.

A service call can fail, most often because someone else changed the record since (two
analysts on one PostgreSQL database). The command then marks itself obsolete, so
QUndoStack drops it instead of keeping a step that no longer matches the data, and the
error is kept in ``error``. On the first redo (inside ``QUndoStack.push``) the caller
shows it next to the dialog field it names; later failures are reported to the user.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Generic, TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from tracker.domain.enums import RoundFormat
from tracker.services import citations, record_edits, reference, rounds
from tracker.services.citations import SourceDraft
from tracker.services.conflicts import ConflictError
from tracker.services.errors import NotFoundError, ValidationError
from tracker.services.rounds import ChangeNote, RoundDraft, RoundState
from tracker.storage.errors import StorageError
from tracker.ui.table_model import as_plain
from tracker.ui.workspace import Topic, Workspace

T = TypeVar("T")
SpecT = TypeVar("SpecT")
log = logging.getLogger(__name__)


class StaleCommandError(Exception):
    """The round no longer is as this command left it, so undo/redo would clobber an edit."""


def report_message(message: str) -> None:
    """Tell the user an undo step failed. Tests replace this function.

    Shown on the next event-loop turn: a modal box opened inside QUndoStack.undo() would
    let the user press Undo again while the stack is still mid-operation.
    """
    def show() -> None:
        # Messages quote titles and notes the user typed: shown literally, never as HTML.
        QMessageBox.warning(QApplication.activeWindow(), "Negotiation Tracker",
                            as_plain(message))

    QTimer.singleShot(0, show)


def report_error(title: str, message: str) -> None:
    report_message(f"{title} failed:\n\n{message}")


def push_or_report(workspace: Workspace, command: ServiceCommand) -> bool:
    """Push *command* from a button with no dialog behind it to show a refusal inline (an
    Unlink or Remove button): a failure on the first redo is reported like a later one.
    Returns whether it was done.

    The text is read before pushing: QUndoStack deletes a command that failed (it is
    obsolete), so only its Python attributes are left once push returns.
    """
    text = command.text()
    workspace.undo_stack.push(command)
    if command.error is None:
        return True
    report_error(text, str(command.error))
    return False


@dataclass(frozen=True, slots=True)
class NewTrack:
    """A track typed in a dialog, created with the round in the same transaction."""

    name: str
    description: str = ""


@dataclass(frozen=True, slots=True)
class NewVenue:
    """A venue typed in a dialog, created with the change that uses it."""

    name: str
    city: str = ""
    country: str = ""
    time_zone: str = "UTC"
    latitude: float | None = None
    longitude: float | None = None

    def create(self, session: Session) -> int:
        return reference.create_venue(
            session, name=self.name, city=self.city, country=self.country,
            latitude=self.latitude, longitude=self.longitude, time_zone=self.time_zone,
        )


def undo_reason(reason: str, prefix: str) -> str:
    return f"{prefix}: {reason}" if reason.strip() else prefix


class ServiceCommand(QUndoCommand):
    """Base class: runs service calls, turns failures into an obsolete command.

    Attributes:
        error: the last failure (None while all went well).
    """

    topic = Topic.ROUNDS

    def __init__(self, workspace: Workspace, text: str,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(text, parent)
        self._workspace = workspace
        self._done_once = False
        self.error: Exception | None = None

    @property
    def error_field(self) -> str | None:
        return self.error.field if isinstance(self.error, ValidationError) else None

    def _run(self, action: Callable[[Session], T]) -> T | None:
        if self.isObsolete():
            # A child of a macro stays on the stack after it failed (QUndoStack drops only
            # obsolete top-level commands); it must not act on data it no longer matches.
            return None
        try:
            result = self._workspace.write(action, self.topic)
        except (ValidationError, NotFoundError, StaleCommandError, ConflictError,
                StorageError, SQLAlchemyError) as exc:
            self.error = exc
            self.setObsolete(True)
            log.warning("%s failed: %s", self.text(), exc)
            if self._done_once:
                report_error(self.text(), str(exc))
            return None
        self.error = None
        return result

    def _check(self, session: Session, round_id: int, expected: RoundState | None) -> None:
        current = rounds.state_of(rounds.get_round(session, round_id))
        if expected is not None and current != expected:
            raise StaleCommandError(
                "The round was changed elsewhere since; nothing was done, so that change "
                "is kept."
            )


class RemoveCommand(ServiceCommand, Generic[SpecT]):
    """Remove one record; undo puts back what the removal returned, under the same id.

    Subclasses name the two service calls: ``_remove(session, id) -> spec`` and
    ``_restore(session, spec, id)``. Keeping the id matters: later steps on the stack
    (an unlink after this one's undo, say) find the record by it.

    With *expected_version* (the version the user was shown) and the subclass's ``kind``,
    the first removal is refused with a ConflictError when someone changed the record
    since (see conflict_dialog.push_removal), and says so when someone removed it. A redo
    is checked the same way against the version this step's undo put back: someone who
    changed the record after that undo keeps their change, and the refusal is reported
    (a redo cannot ask, as the first removal does, from inside QUndoStack.redo).
    """

    kind = ""  # services/conflicts_kinds.py's name for what is removed

    def __init__(self, workspace: Workspace, record_id: int, text: str,
                 parent: QUndoCommand | None = None, *,
                 expected_version: int | None = None) -> None:
        super().__init__(workspace, text, parent)
        self.record_id = record_id
        self.expected_version = expected_version
        self.spec: SpecT | None = None

    def _remove(self, session: Session, record_id: int) -> SpecT:
        raise NotImplementedError

    def _restore(self, session: Session, spec: SpecT, record_id: int) -> object:
        raise NotImplementedError

    def redo(self) -> None:
        """Override QUndoCommand.redo."""
        expected = self.expected_version if self.kind else None
        again = self._done_once

        def remove(session: Session) -> SpecT:
            if expected is None:
                return self._remove(session, self.record_id)
            try:
                return record_edits.remove_checked(session, self.kind, self.record_id,
                                                   expected, self._remove)
            except ConflictError as changed:
                if not again:
                    raise  # the first removal: push_removal asks the user
                raise StaleCommandError(_changed_after_undo(changed)) from changed

        removed = self._run(remove)
        if removed is not None:
            self.spec = removed
        self._done_once = True

    def undo(self) -> None:
        """Override QUndoCommand.undo."""
        spec = self.spec
        if spec is None:
            return

        def restore(session: Session) -> tuple[int | None]:
            self._restore(session, spec, self.record_id)
            if not self.kind:
                return (None,)
            return (record_edits.current(session, self.kind, self.record_id)[1],)

        restored = self._run(restore)
        if restored is not None:
            # What the user has now seen of it: a redo removes only this version.
            self.expected_version = restored[0]


def _changed_after_undo(conflict: ConflictError) -> str:
    who = conflict.changed_by or "Someone else"
    return (f"{who} changed the {conflict.kind.noun} {conflict.title} after this removal "
            "was undone. It was not removed again, so that change is kept.")


class CreateRoundCommand(ServiceCommand):
    """Create a round; undo hides it (soft delete), redo brings the same round back."""

    topic = Topic.ROUNDS | Topic.FACTORS

    def __init__(self, workspace: Workspace, draft: RoundDraft, note: ChangeNote | None = None,
                 *, new_track: NewTrack | None = None, new_venue: NewVenue | None = None,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(workspace, f"Create “{' '.join(draft.title.split())}”", parent)
        self._draft = draft
        self._note = note
        self._new_track = new_track
        self._new_venue = new_venue
        self.round_id: int | None = None

    def _create(self, session: Session) -> int:
        draft = self._draft
        if self._new_track is not None:
            track_id = reference.create_track(session, self._new_track.name,
                                              self._new_track.description)
            draft = replace(draft, track_id=track_id)
        if self._new_venue is not None:
            draft = replace(draft, state=replace(draft.state,
                                                 venue_id=self._new_venue.create(session)))
        return rounds.create_round(session, draft, self._note)

    def redo(self) -> None:
        if self.round_id is None:
            self.round_id = self._run(self._create)
        else:
            round_id = self.round_id
            self._run(lambda s: rounds.restore(s, round_id, ChangeNote("Redo: create")))
        self._done_once = True

    def undo(self) -> None:
        if self.round_id is not None:
            round_id = self.round_id
            self._run(lambda s: rounds.delete(s, round_id, ChangeNote("Undo: create")))


class ChangeRoundCommand(ServiceCommand):
    """Move a round to a new window, venue or status, recording why.

    Undo records a change back to the state before, with "Undo: <reason>"; the factor and
    source stay with the original change, which is still in the history.
    """

    def __init__(self, workspace: Workspace, round_id: int, new_state: RoundState,
                 note: ChangeNote, *, text: str = "", new_venue: NewVenue | None = None,
                 new_source: SourceDraft | None = None, expected_version: int | None = None,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(workspace, text or "Change round", parent)
        self.round_id = round_id
        # The version the dialog was opened on: a save over someone else's change is refused.
        self.expected_version = expected_version
        self._new_state = new_state
        self._note = note
        self._new_venue = new_venue
        self._new_source = new_source
        self._before: RoundState | None = None
        self._after: RoundState | None = None
        self.change_id: int | None = None

    def redo(self) -> None:
        def first(session: Session) -> tuple[RoundState, int, RoundState, ChangeNote]:
            before = rounds.state_of(rounds.get_round(session, self.round_id))
            wanted, note = self._new_state, self._note
            if self._new_venue is not None:
                wanted = replace(wanted, venue_id=self._new_venue.create(session))
            if self._new_source is not None:
                note = replace(note, source_id=citations.create_source(session,
                                                                       self._new_source))
            change_id = rounds.change_round(session, self.round_id, wanted, note,
                                              expected_version=self.expected_version)
            after = rounds.state_of(rounds.get_round(session, self.round_id))
            return before, change_id, after, note

        def again(session: Session) -> int:
            self._check(session, self.round_id, self._before)
            note = replace(self._note, reason=undo_reason(self._note.reason, "Redo"))
            return rounds.change_round(session, self.round_id, self._new_state, note,
                                         allow_any=True)

        if self._before is None:
            done = self._run(first)
            if done is not None:
                self._before, self.change_id, self._after, self._note = done
                # With the ids of a venue and a source created just now, so a redo cites
                # the same ones instead of creating them again.
                self._new_state = self._after
        else:
            self._run(again)
        self._done_once = True

    def undo(self) -> None:
        before, after = self._before, self._after
        if before is None:
            return

        def back(session: Session) -> int:
            self._check(session, self.round_id, after)
            note = ChangeNote(reason=undo_reason(self._note.reason, "Undo"))
            return rounds.change_round(session, self.round_id, before, note, allow_any=True)

        self._run(back)


class DeleteRoundCommand(ServiceCommand):
    """Soft-delete a round; its history and links stay, and undo restores it."""

    topic = Topic.ROUNDS | Topic.FACTORS

    def __init__(self, workspace: Workspace, round_id: int, title: str, reason: str = "",
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(workspace, f"Delete “{title}”", parent)
        self.round_id = round_id
        self._reason = reason

    def redo(self) -> None:
        note = ChangeNote(self._reason if not self._done_once
                          else undo_reason(self._reason, "Redo"))
        self._run(lambda s: rounds.delete(s, self.round_id, note))
        self._done_once = True

    def undo(self) -> None:
        note = ChangeNote(undo_reason(self._reason, "Undo"))
        self._run(lambda s: rounds.restore(s, self.round_id, note))


@dataclass(frozen=True, slots=True)
class RoundDetails:
    """The fields of a round that are not schedule (no history record; undo keeps them)."""

    title: str
    format: RoundFormat
    agenda: str
    outcome: str


class EditDetailsCommand(ServiceCommand):
    """Change title, format, agenda and outcome; undo puts the old values back."""

    def __init__(self, workspace: Workspace, round_id: int, details: RoundDetails,
                 expected_version: int | None = None,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(workspace, f"Edit “{' '.join(details.title.split())}”", parent)
        self.round_id = round_id
        self.expected_version = expected_version
        self._new = details
        self._old: RoundDetails | None = None

    def redo(self) -> None:
        def apply(session: Session) -> RoundDetails:
            round_ = rounds.get_round(session, self.round_id)
            old = RoundDetails(round_.title, round_.format, round_.agenda, round_.outcome)
            if self._old is not None and old != self._old:
                raise StaleCommandError("The round's details were changed elsewhere since.")
            rounds.edit_details(session, self.round_id, title=self._new.title,
                                  format=self._new.format, agenda=self._new.agenda,
                                  outcome=self._new.outcome,
                                  expected_version=None if self._old else self.expected_version)
            return old

        old = self._run(apply)
        if old is not None:
            self._old = old
        self._done_once = True

    def undo(self) -> None:
        old = self._old
        if old is None:
            return

        def back(session: Session) -> None:
            round_ = rounds.get_round(session, self.round_id)
            now = RoundDetails(round_.title, round_.format, round_.agenda, round_.outcome)
            if now.title != " ".join(self._new.title.split()) or now.format != self._new.format \
                    or now.agenda != self._new.agenda or now.outcome != self._new.outcome:
                raise StaleCommandError("The round's details were changed elsewhere since.")
            rounds.edit_details(session, self.round_id, title=old.title, format=old.format,
                                  agenda=old.agenda, outcome=old.outcome)

        self._run(back)
