"""The round's undo steps: what its dialogs collected, handed to the schedule operations.

Each is an OperationCommand (commands.py) over one operation of services/rounds; the
dialog decides nothing about the round's next state. What a dialog may add on the way
(a track, a venue or a source typed in it) is created in the same transaction, just
before the operation that uses it, and stays when the step is undone.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from PySide6.QtGui import QUndoCommand
from sqlalchemy.orm import Session

from tracker.domain.timewindow import ScheduledWindow
from tracker.services import rounds
from tracker.services.common.outcome import Outcome
from tracker.services.records import citations, reference
from tracker.services.records.citations import SourceDraft
from tracker.services.rounds import ChangeNote, RoundDraft
from tracker.services.rounds.relocation import KeepTime
from tracker.ui.common.commands import NewTrack, NewVenue, OperationCommand
from tracker.ui.common.language import translate
from tracker.ui.common.workspace import Workspace


class ChangeMode(StrEnum):
    """Which schedule operation a change dialog collects input for."""

    RESCHEDULE = "reschedule"
    RELOCATE = "relocate"
    POSTPONE = "postpone"
    CANCEL = "cancel"
    HELD = "held"


@dataclass(frozen=True, slots=True)
class ScheduleInput:
    """What a schedule-change dialog collected: the window or venue typed (where its mode
    asks for one), why, and a source typed in it. The operation decides the rest."""

    note: ChangeNote
    window: ScheduledWindow | None = None
    venue: int | NewVenue | None = None
    new_source: SourceDraft | None = None
    keep: KeepTime | None = None  # a relocation across zones: what the user chose to keep


class CreateRoundCommand(OperationCommand):
    """Create a round (on a track and at a venue typed in the dialog, if any); undo hides
    it, redo brings the same round back."""

    def __init__(self, workspace: Workspace, draft: RoundDraft, note: ChangeNote | None = None,
                 *, new_track: NewTrack | None = None, new_venue: NewVenue | None = None,
                 parent: QUndoCommand | None = None) -> None:
        def create(session: Session) -> Outcome:
            made = draft
            if new_track is not None:
                made = replace(made, track_id=reference.create_track(
                    session, new_track.name, new_track.description))
            if new_venue is not None:
                made = replace(made, state=replace(made.state,
                                                   venue_id=new_venue.create(session)))
            return rounds.create_round(session, made, note)

        super().__init__(workspace, translate("Commands", "Create “{title}”").format(
                             title=" ".join(draft.title.split())), create,
                         rounds.ROUND_LIST_TOPICS, parent)

    @property
    def round_id(self) -> int | None:
        return self.outcome.record_id if self.outcome is not None else None


def schedule_change(workspace: Workspace, round_id: int, mode: ChangeMode,
                    typed: ScheduleInput, *, text: str,
                    expected_version: int | None = None) -> OperationCommand:
    """The undo step running the operation *mode* names over what the dialog collected."""
    def change(session: Session) -> Outcome:
        note = typed.note
        if typed.new_source is not None:
            note = replace(note, source_id=citations.create_source(session,
                                                                   typed.new_source))
        version = expected_version
        if mode is ChangeMode.RESCHEDULE:
            assert typed.window is not None, "a reschedule needs its window"
            return rounds.reschedule(session, round_id, typed.window, note,
                                     expected_version=version)
        if mode is ChangeMode.RELOCATE:
            venue = typed.venue.create(session) if isinstance(typed.venue, NewVenue) \
                else typed.venue
            return rounds.relocate(session, round_id, venue, note, keep=typed.keep,
                                   expected_version=version)
        if mode is ChangeMode.HELD:
            return rounds.mark_held(session, round_id, note, window=typed.window,
                                    expected_version=version)
        operation = rounds.postpone if mode is ChangeMode.POSTPONE else rounds.cancel
        return operation(session, round_id, note, expected_version=version)

    return OperationCommand(workspace, text, change, rounds.SCHEDULE_TOPICS)


class DeleteRoundCommand(OperationCommand):
    """Soft-delete a round; its history and links stay, and undo restores it."""

    def __init__(self, workspace: Workspace, round_id: int, title: str, reason: str = "",
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(
            workspace, translate("Commands", "Delete “{title}”").format(title=title),
            lambda session: rounds.delete(session, round_id, ChangeNote(reason)),
            rounds.ROUND_LIST_TOPICS, parent)
