"""Who sits at a round: parties with a role, and optionally who leads their delegation.

Participants are not schedule, so they have no history records. These are the writes
the operations in seating.py (``seat``, ``unseat``: what the window calls) are made of:
``remove_participant`` returns what it took away and ``add_participant`` can put it back
under its old id.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from tracker.domain.enums import ParticipantRole
from tracker.domain.negotiation import Party, Person, Round, RoundParticipant
from tracker.domain.nul_text import without_nul
from tracker.services.common.errors import NotFoundError, ValidationError
from tracker.services.rounds import get_round


@dataclass(frozen=True, slots=True)
class ParticipantSpec:
    round_id: int
    party_id: int
    role: ParticipantRole
    person_id: int | None = None
    note: str = ""


def add_participant(session: Session, spec: ParticipantSpec, *,
                    participant_id: int | None = None) -> int:
    """Seat a party at a round in a role; refuse the same party twice in the same role."""
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


def clean_participant(session: Session, party: Party, role: ParticipantRole,
                      person_id: int | None, note: str) -> dict[str, object]:
    """A seat's columns as stored (a new seat, or an edit of one): its head of delegation,
    if any, must exist and act for *party* (or for nobody in particular)."""
    if person_id is not None:
        person = session.get(Person, person_id)
        if person is None:
            raise ValidationError("person", f"Person {person_id} does not exist")
        if person.party_id not in (None, party.id):
            raise ValidationError("person", f"{person.name} does not act for {party.name}")
    return {"role": ParticipantRole(role), "person_id": person_id,
            "note": without_nul(note).strip()}


def seat_taken(field: str, party: Party, round_: Round, role: ParticipantRole) -> ValidationError:
    """The party already sits at the round in that role (the unique constraint); *field*
    is the one the form lets the user change (the party for a new seat, the role for an
    edit)."""
    return ValidationError(
        field, f"{party.name} already takes part in “{round_.title}” as {role.value}")


def remove_participant(session: Session, participant_id: int) -> ParticipantSpec:
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
