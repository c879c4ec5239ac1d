"""Seating a party at a round and taking it off again: the operations, with their undo.

``seat`` and ``unseat`` are the only way a party is seated at a round or taken off it
(the window, tests and scripts alike). They check the rules, write in the caller's
transaction and return a SeatOutcome (an Outcome, services/common/outcome.py, that also
says which seat): its ``undo`` takes the step back, and the undo's undo does it again.
Participants are not schedule, so nothing is written to a round's history. A seat comes
back under its old id (and so do a party and person the step created), so later steps
on the undo stack that name it still find it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from tracker.domain.enums import PartyKind
from tracker.domain.negotiation import Party, RoundParticipant
from tracker.services.common.errors import NotFoundError, ValidationError
from tracker.services.common.outcome import Outcome, Undo
from tracker.services.common.topics import Topic
from tracker.services.records import reference
from tracker.services.records.removals import Removal
from tracker.services.rounds import get_round
from tracker.services.rounds.participants import ParticipantSpec, clean_participant, seat_taken

log = logging.getLogger(__name__)
# The rounds table lists participants; the detail pane re-reads.
SEAT_TOPICS = Topic.ROUNDS


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


@dataclass(frozen=True, slots=True, kw_only=True)
class SeatOutcome(Outcome):
    """What ``seat`` or ``unseat`` did, and the seat: for ``seat`` with the ids of the
    party and person it created, for ``unseat`` as it was before it went."""

    seat: ParticipantSpec


def seat(session: Session, spec: ParticipantSpec, *, new_party: NewParty | None = None,
         new_person: NewPerson | None = None) -> SeatOutcome:
    """Seat a party at a round in a role (Outcome.record_id: the seat's id).

    *spec*'s party_id is ignored when *new_party* is given, its person_id when
    *new_person* is; they are created in the caller's transaction, so a refusal (a
    duplicate party name, the same party twice in one role) leaves nothing behind.

    Undo takes the seat away and also deletes the person and party this step created (a
    mistyped name must not stay in every list), unless something else refers to them by
    then; redo re-creates what undo deleted under the same ids, then the seat.
    """
    if new_party is not None:
        spec = replace(spec, party_id=new_party.create(session))
    if new_person is not None:
        spec = replace(spec, person_id=new_person.create(session, spec.party_id))
    seat_id = _add_participant(session, spec)
    created = _Created(seat_id, spec, new_party, new_person)
    return SeatOutcome(SEAT_TOPICS, record_id=seat_id, undo=created.back, seat=spec)


def unseat(session: Session, participant_id: int, *,
           expected_version: int | None = None) -> SeatOutcome:
    """Take a party off a round; undo seats it again with the same id, person and note.

    *expected_version*: the seat as the user was shown it; ConflictError if it changed
    since, NotFoundError if someone removed it already (see removals.py for the redo).
    """
    removal = Removal("participant", participant_id, _remove_participant,
                      _add_participant, SEAT_TOPICS)
    done, removed = removal.run(session, expected_version)
    return SeatOutcome(done.topics, record_id=participant_id, undo=done.undo, seat=removed)


@dataclass(frozen=True, slots=True)
class _Created:
    """A seat ``seat`` made, with the ids of the party and person it created for it."""

    seat_id: int
    spec: ParticipantSpec
    new_party: NewParty | None
    new_person: NewPerson | None

    def back(self, session: Session) -> Outcome:
        spec = self.spec
        _remove_participant(session, self.seat_id)
        # The person first: while they act for the party, the party is refused.
        person = self.new_person is not None and spec.person_id is not None \
            and _delete_unless_used(session, reference.delete_person, spec.person_id)
        party = self.new_party is not None \
            and _delete_unless_used(session, reference.delete_party, spec.party_id)
        return Outcome(SEAT_TOPICS, record_id=self.seat_id,
                       undo=self._again(party=party, person=person))

    def _again(self, *, party: bool, person: bool) -> Undo:
        """Seat again under the same id, re-creating first what the undo deleted."""
        def run(session: Session) -> Outcome:
            spec = self.spec
            # The party first: the person acts for it, and the seat names both.
            if party and self.new_party is not None:
                self.new_party.create(session, spec.party_id)
            if person and self.new_person is not None and spec.person_id is not None:
                self.new_person.create(session, spec.party_id, spec.person_id)
            _add_participant(session, spec, participant_id=self.seat_id)
            return Outcome(SEAT_TOPICS, record_id=self.seat_id, undo=self.back)
        return run


def _add_participant(session: Session, spec: ParticipantSpec,
                     participant_id: int | None = None) -> int:
    """Seat a party at a round in a role (under *participant_id* when a redo puts a seat
    back); refuse the same party twice in the same role."""
    round_ = get_round(session, spec.round_id)
    party = session.get(Party, spec.party_id)
    if party is None:
        raise ValidationError("party", f"Party {spec.party_id} does not exist")
    participant = RoundParticipant(
        id=participant_id, round_id=round_.id, party_id=party.id,
        **clean_participant(session, party, spec.role, spec.person_id, spec.note))
    try:
        with session.begin_nested():
            session.add(participant)
    except IntegrityError as exc:
        raise seat_taken("party", party, round_, spec.role) from exc
    session.expire(round_, ["participants"])
    return participant.id


def _remove_participant(session: Session, participant_id: int) -> ParticipantSpec:
    """Take a party off a round; return what it was, so undo can seat it again."""
    participant = session.get(RoundParticipant, participant_id)
    if participant is None:
        raise NotFoundError(f"Participant {participant_id} does not exist")
    get_round(session, participant.round_id)  # a deleted round is not edited
    removed = ParticipantSpec(participant.round_id, participant.party_id, participant.role,
                              participant.person_id, participant.note)
    session.delete(participant)
    session.flush()
    return removed


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
