"""Seating a party at a round and taking it off again, as undoable steps.

Both are OperationCommands (commands.py) over the seating operations
(services/rounds/seating.py), whose Outcome says how to take the step back and which
seat it is about.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from tracker.services.rounds.participants import ParticipantSpec
from tracker.services.rounds.seating import (
    SEAT_TOPICS,
    NewParty,
    NewPerson,
    SeatOutcome,
    seat,
    unseat,
)
from tracker.ui.common.commands import OperationCommand
from tracker.ui.common.language import translate
from tracker.ui.common.workspace import Workspace


class AddParticipantCommand(OperationCommand):
    """Seat a party at a round in a role, creating *new_party* and *new_person* with it;
    undo takes the seat away (and what it created), redo brings the same ids back."""

    def __init__(self, workspace: Workspace, spec: ParticipantSpec, *, text: str = "",
                 new_party: NewParty | None = None, new_person: NewPerson | None = None,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(
            workspace, text or translate("Commands", "Add participant"),
            lambda session: seat(session, spec, new_party=new_party, new_person=new_person),
            SEAT_TOPICS, parent)
        self._spec = spec

    @property
    def spec(self) -> ParticipantSpec:
        """The seat; once seated, with the ids of the party and person created."""
        return self.outcome.seat if isinstance(self.outcome, SeatOutcome) else self._spec

    @property
    def participant_id(self) -> int | None:
        return self.outcome.record_id if self.outcome is not None else None


class RemoveParticipantCommand(OperationCommand):
    """Take a party off a round; undo seats it again with the same id, person and note.

    *expected_version*: the seat as the user was shown it (refused if changed since)."""

    def __init__(self, workspace: Workspace, participant_id: int, *, text: str = "",
                 expected_version: int | None = None,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(
            workspace, text or translate("Commands", "Remove participant"),
            lambda session: unseat(session, participant_id, expected_version=expected_version),
            SEAT_TOPICS, parent)
        self.participant_id = participant_id

    @property
    def spec(self) -> ParticipantSpec | None:
        """The seat as it was before it went (None before the first removal)."""
        return self.outcome.seat if isinstance(self.outcome, SeatOutcome) else None
