"""Who sits at a round: parties with a role, and optionally who leads their delegation.

What a seat is, its cleaned columns and the refusal of a duplicate: shared by the
operations that seat a party and take it off again (seating.py: ``seat``, ``unseat``, the
only writes) and by an edit of a seat (records/record_edits.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from tracker.domain.enums import ParticipantRole
from tracker.domain.negotiation import Party, Person, Round
from tracker.domain.nul_text import without_nul
from tracker.services.common.errors import ValidationError


@dataclass(frozen=True, slots=True)
class ParticipantSpec:
    round_id: int
    party_id: int
    role: ParticipantRole
    person_id: int | None = None
    note: str = ""


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
