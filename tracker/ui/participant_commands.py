"""Seating a party at a round and taking it off again, as undoable steps.

Participants are not schedule, so nothing is written to a round's history: the commands
keep what they need to go back (the seat's id, and on removal what the seat was) and the
services put a seat back under its old id, so later steps that name it still find it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtGui import QUndoCommand
from sqlalchemy.orm import Session

from tracker.domain.enums import PartyKind
from tracker.services import participants, reference
from tracker.services.participants import ParticipantSpec
from tracker.ui.commands import RemoveCommand, ServiceCommand
from tracker.ui.workspace import Topic, Workspace


@dataclass(frozen=True, slots=True)
class NewParty:
    """A party typed in the participant dialog, created with the seat in one transaction."""

    name: str
    short_name: str = ""
    kind: PartyKind = PartyKind.STATE

    def create(self, session: Session) -> int:
        return reference.create_party(session, self.name, self.short_name, self.kind)


@dataclass(frozen=True, slots=True)
class NewPerson:
    """Someone typed as head of a delegation, created for the seat's party with the seat."""

    name: str
    role: str = ""

    def create(self, session: Session, party_id: int) -> int:
        return reference.create_person(session, self.name, self.role, party_id)


class AddParticipantCommand(ServiceCommand):
    """Seat a party at a round in a role; undo takes the seat away, redo brings the same id back.

    *spec*'s party_id is ignored when *new_party* is given, its person_id when *new_person*
    is; the first redo creates them in the same transaction as the seat, so a refusal (a
    duplicate party name, the same party twice in one role) leaves nothing behind.

    Undo removes only the seat: a party or person created by the first redo stays. They
    are reference data other rounds may use by then, a later redo seats the same ids
    again, and an unused party does no harm.
    """

    topic = Topic.ROUNDS  # the rounds table lists participants; the detail pane re-reads

    def __init__(self, workspace: Workspace, spec: ParticipantSpec, *, text: str = "",
                 new_party: NewParty | None = None, new_person: NewPerson | None = None,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(workspace, text or "Add participant", parent)
        self.spec = spec
        self._new_party = new_party
        self._new_person = new_person
        self.participant_id: int | None = None

    def _first(self, session: Session) -> tuple[int, ParticipantSpec]:
        spec = self.spec
        if self._new_party is not None:
            spec = replace(spec, party_id=self._new_party.create(session))
        if self._new_person is not None:
            spec = replace(spec, person_id=self._new_person.create(session, spec.party_id))
        return participants.add_participant(session, spec), spec

    def redo(self) -> None:
        """Override QUndoCommand.redo."""
        participant_id = self.participant_id
        if participant_id is None:
            done = self._run(self._first)
            if done is not None:
                # From now on the ids of what was created: a redo must not create it again.
                self.participant_id, self.spec = done
        else:
            spec = self.spec
            self._run(lambda s: participants.add_participant(
                s, spec, participant_id=participant_id))
        self._done_once = True

    def undo(self) -> None:
        """Override QUndoCommand.undo."""
        participant_id = self.participant_id
        if participant_id is not None:
            self._run(lambda s: participants.remove_participant(s, participant_id))


class RemoveParticipantCommand(RemoveCommand[ParticipantSpec]):
    """Take a party off a round; undo seats it again with the same id, person and note."""

    topic = Topic.ROUNDS

    def __init__(self, workspace: Workspace, participant_id: int, *, text: str = "",
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(workspace, participant_id, text or "Remove participant", parent)

    @property
    def participant_id(self) -> int:
        return self.record_id

    def _remove(self, session: Session, record_id: int) -> ParticipantSpec:
        return participants.remove_participant(session, record_id)

    def _restore(self, session: Session, spec: ParticipantSpec, record_id: int) -> int:
        return participants.add_participant(session, spec, participant_id=record_id)
