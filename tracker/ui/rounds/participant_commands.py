"""Seating a party at a round and taking it off again, as undoable steps.

Participants are not schedule, so nothing is written to a round's history. Both steps are
OperationCommands: each step's Outcome carries what going back needs (the seat's id, and
on removal what the seat was), and the services put a seat back (and a party or person
the step created) under its old id, so later steps that name it still find it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace

from PySide6.QtGui import QUndoCommand
from sqlalchemy.orm import Session

from tracker.domain.enums import PartyKind
from tracker.services.common.errors import ValidationError
from tracker.services.common.outcome import Outcome
from tracker.services.common.topics import Topic
from tracker.services.records import reference
from tracker.services.rounds import participants
from tracker.services.rounds.participants import ParticipantSpec
from tracker.ui.common.commands import Operation, OperationCommand, RemoveCommand
from tracker.ui.common.workspace import Workspace

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


class _Seating:
    """The seat a step makes, with the party and person it may create for it, as
    operations: seat, take the seat away, seat again.

    Attributes:
        spec: the seat; once seated, with the ids of the party and person created.
    """

    def __init__(self, spec: ParticipantSpec, new_party: NewParty | None,
                 new_person: NewPerson | None) -> None:
        self.spec = spec
        self._new_party = new_party
        self._new_person = new_person

    def first(self, session: Session) -> Outcome:
        spec = self.spec
        if self._new_party is not None:
            spec = replace(spec, party_id=self._new_party.create(session))
        if self._new_person is not None:
            spec = replace(spec, person_id=self._new_person.create(session, spec.party_id))
        seat = participants.add_participant(session, spec)
        # From now on the ids of what was created: a redo must not create it again.
        self.spec = spec
        return Outcome(Topic.ROUNDS, record_id=seat, undo=self._back(seat))

    def _back(self, seat: int) -> Operation:
        def run(session: Session) -> Outcome:
            spec = self.spec
            participants.remove_participant(session, seat)
            # The person first: while they act for the party, the party is refused.
            person = self._new_person is not None and spec.person_id is not None \
                and _delete_unless_used(session, reference.delete_person, spec.person_id)
            party = self._new_party is not None \
                and _delete_unless_used(session, reference.delete_party, spec.party_id)
            return Outcome(Topic.ROUNDS, record_id=seat,
                           undo=self._again(seat, party=party, person=person))
        return run

    def _again(self, seat: int, *, party: bool, person: bool) -> Operation:
        """Seat again under the same id, re-creating first what the undo deleted."""
        def run(session: Session) -> Outcome:
            spec = self.spec
            # The party first: the person acts for it, and the seat names both.
            if party and self._new_party is not None:
                self._new_party.create(session, spec.party_id)
            if person and self._new_person is not None and spec.person_id is not None:
                self._new_person.create(session, spec.party_id, spec.person_id)
            participants.add_participant(session, spec, participant_id=seat)
            return Outcome(Topic.ROUNDS, record_id=seat, undo=self._back(seat))
        return run


class AddParticipantCommand(OperationCommand):
    """Seat a party at a round in a role; undo takes the seat away, redo brings the same id back.

    *spec*'s party_id is ignored when *new_party* is given, its person_id when *new_person*
    is; the first redo creates them in the same transaction as the seat, so a refusal (a
    duplicate party name, the same party twice in one role) leaves nothing behind.

    Undo also deletes the person and party this step created (a mistyped name must not
    stay in every list), unless something else refers to them by then; redo re-creates
    what undo deleted under the same ids, then the seat. Each way is one transaction.
    """

    def __init__(self, workspace: Workspace, spec: ParticipantSpec, *, text: str = "",
                 new_party: NewParty | None = None, new_person: NewPerson | None = None,
                 parent: QUndoCommand | None = None) -> None:
        seating = _Seating(spec, new_party, new_person)
        # The rounds table lists participants; the detail pane re-reads.
        super().__init__(workspace, text or "Add participant", seating.first, Topic.ROUNDS,
                         parent)
        self._seating = seating

    @property
    def spec(self) -> ParticipantSpec:
        return self._seating.spec

    @property
    def participant_id(self) -> int | None:
        return self.outcome.record_id if self.outcome is not None else None


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
