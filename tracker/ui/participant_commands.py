"""Seating a party at a round and taking it off again, as undoable steps.

Participants are not schedule, so nothing is written to a round's history: the commands
keep what they need to go back (the seat's id, and on removal what the seat was) and the
services put a seat back (and a party or person the step created) under its old id, so
later steps that name it still find it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace

from PySide6.QtGui import QUndoCommand
from sqlalchemy.orm import Session

from tracker.domain.enums import PartyKind
from tracker.services import participants, reference
from tracker.services.errors import ValidationError
from tracker.services.participants import ParticipantSpec
from tracker.ui.commands import RemoveCommand, ServiceCommand
from tracker.ui.workspace import Topic, Workspace

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class NewParty:
    """A party typed in the participant dialog, created with the seat in one transaction."""

    name: str
    short_name: str = ""
    kind: PartyKind = PartyKind.STATE

    def create(self, session: Session, party_id: int | None = None) -> int:
        """Create it (under *party_id* when a redo re-creates it); return its id."""
        return reference.create_party(session, self.name, self.short_name, self.kind,
                                      party_id=party_id)


@dataclass(frozen=True, slots=True)
class NewPerson:
    """Someone typed as head of a delegation, created for the seat's party with the seat."""

    name: str
    role: str = ""

    def create(self, session: Session, party_id: int, person_id: int | None = None) -> int:
        """Create them (under *person_id* when a redo re-creates them); return the id."""
        return reference.create_person(session, self.name, self.role, party_id,
                                       person_id=person_id)


def _delete_unless_used(session: Session, delete: Callable[[Session, int], None],
                        record_id: int) -> bool:
    """Delete a party or person an undone step created; return whether it went.

    One that something refers to by now (another seat, a source) is kept: it is real
    data then, not a leftover of the step, and keeping it is no failure of the undo.
    The services refuse before changing anything, so the transaction goes on.
    """
    try:
        delete(session, record_id)
    except ValidationError as refused:
        log.info("Undo keeps it: %s", refused)
        return False
    return True


class AddParticipantCommand(ServiceCommand):
    """Seat a party at a round in a role; undo takes the seat away, redo brings the same id back.

    *spec*'s party_id is ignored when *new_party* is given, its person_id when *new_person*
    is; the first redo creates them in the same transaction as the seat, so a refusal (a
    duplicate party name, the same party twice in one role) leaves nothing behind.

    Undo also deletes the person and party this step created (a mistyped name must not
    stay in every list), unless something else refers to them by then; redo re-creates
    what undo deleted under the same ids, then the seat. Each way is one transaction.
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
        # What the last undo deleted of what this step created, for redo to re-create.
        self._party_deleted = False
        self._person_deleted = False

    def _first(self, session: Session) -> tuple[int, ParticipantSpec]:
        spec = self.spec
        if self._new_party is not None:
            spec = replace(spec, party_id=self._new_party.create(session))
        if self._new_person is not None:
            spec = replace(spec, person_id=self._new_person.create(session, spec.party_id))
        return participants.add_participant(session, spec), spec

    def _again(self, session: Session, participant_id: int) -> int:
        spec = self.spec
        # The party first: the person acts for it, and the seat names both.
        if self._party_deleted and self._new_party is not None:
            self._new_party.create(session, spec.party_id)
        if self._person_deleted and self._new_person is not None and spec.person_id is not None:
            self._new_person.create(session, spec.party_id, spec.person_id)
        return participants.add_participant(session, spec, participant_id=participant_id)

    def _back(self, session: Session, participant_id: int) -> tuple[bool, bool]:
        spec = self.spec
        participants.remove_participant(session, participant_id)
        # The person first: while they act for the party, the party is refused.
        person = self._new_person is not None and spec.person_id is not None \
            and _delete_unless_used(session, reference.delete_person, spec.person_id)
        party = self._new_party is not None \
            and _delete_unless_used(session, reference.delete_party, spec.party_id)
        return party, person

    def redo(self) -> None:
        """Override QUndoCommand.redo."""
        participant_id = self.participant_id
        if participant_id is None:
            done = self._run(self._first)
            if done is not None:
                # From now on the ids of what was created: a redo must not create it again.
                self.participant_id, self.spec = done
        elif self._run(lambda s: self._again(s, participant_id)) is not None:
            self._party_deleted = self._person_deleted = False  # all there again
        self._done_once = True

    def undo(self) -> None:
        """Override QUndoCommand.undo."""
        participant_id = self.participant_id
        if participant_id is not None:
            deleted = self._run(lambda s: self._back(s, participant_id))
            if deleted is not None:
                self._party_deleted, self._person_deleted = deleted


class RemoveParticipantCommand(RemoveCommand):
    """Take a party off a round; undo seats it again with the same id, person and note.

    *expected_version*: the seat as the user was shown it (refused if changed since)."""

    def __init__(self, workspace: Workspace, participant_id: int, *, text: str = "",
                 expected_version: int | None = None,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(workspace, "participant", participant_id,
                         text or "Remove participant", participants.remove_participant,
                         lambda session, spec, record_id: participants.add_participant(
                             session, spec, participant_id=record_id),
                         Topic.ROUNDS, parent, expected_version=expected_version)

    @property
    def participant_id(self) -> int:
        return self.record_id
