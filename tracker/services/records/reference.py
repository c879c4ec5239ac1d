"""The small lists the forms pick from: tracks, venues, parties, people, factors, sources.

A party or person typed in a form is created with the record that uses it, as one undo
step; undoing that step deletes it again while nothing else refers to it
(``delete_party``, ``delete_person``), and redoing it re-creates it under its old id.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import InstrumentedAttribute, Session

from tracker.domain.enums import PartyKind
from tracker.domain.factors import Factor
from tracker.domain.negotiation import Party, Person, RoundParticipant, Track, Venue
from tracker.domain.nul_text import without_nul
from tracker.domain.sources import Citation
from tracker.domain.timewindow import is_known_zone
from tracker.services.common.errors import NotFoundError, ValidationError
from tracker.services.common.views import NamedRow, VenueRow
from tracker.services.records.citations import list_sources
from tracker.services.rounds import venue_row

__all__ = [
    "add_named", "clean_venue", "create_party", "create_person", "create_track", "create_venue",
    "delete_party", "delete_person", "list_factors_named", "list_parties", "list_people",
    "list_sources", "list_tracks", "list_venues", "name_taken",
]


def list_tracks(session: Session) -> list[NamedRow]:
    return [NamedRow(t.id, t.name, t.description)
            for t in session.execute(select(Track).order_by(Track.name)).scalars()]


def list_venues(session: Session) -> list[VenueRow]:
    venues = session.execute(select(Venue).order_by(Venue.name)).scalars()
    return [row for row in map(venue_row, venues) if row is not None]


def list_parties(session: Session) -> list[NamedRow]:
    return [NamedRow(p.id, p.name, p.kind.value)
            for p in session.execute(select(Party).order_by(Party.name)).scalars()]


def list_people(session: Session, party_id: int | None = None) -> list[NamedRow]:
    """Everyone, or those acting for one party (a delegation is led by its own people)."""
    query = select(Person).order_by(Person.name)
    if party_id is not None:
        query = query.where(Person.party_id == party_id)
    return [NamedRow(p.id, p.name, p.role) for p in session.execute(query).scalars()]


def list_factors_named(session: Session) -> list[NamedRow]:
    return [NamedRow(f.id, f.name, f.description)
            for f in session.execute(select(Factor).order_by(Factor.name)).scalars()]


# Records whose name is unique: typed names clash as a field error, not a crash.
Named = Track | Party | Factor


def add_named(session: Session, record: Named, field: str, noun: str) -> int:
    """Insert *record*, whose name must be unique; a clash is the user's field error.

    The savepoint keeps the surrounding transaction usable after the clash, so a dialog
    can say what is wrong and the rest of its unit of work stays as it was.
    """
    try:
        with session.begin_nested():
            session.add(record)
    except IntegrityError as exc:
        raise name_taken(field, noun, record.name) from exc
    return record.id


def name_taken(field: str, noun: str, name: str) -> ValidationError:
    """The error for a unique name already in use (a new record's, or an edit's)."""
    return ValidationError(field, f"There is already a {noun} called {name!r}")


def create_track(session: Session, name: str, description: str = "") -> int:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise ValidationError("name", "A track needs a name")
    return add_named(session, Track(name=cleaned, description=description), "name", "track")


def create_party(session: Session, name: str, short_name: str = "",
                 kind: PartyKind = PartyKind.STATE, *, party_id: int | None = None) -> int:
    """Add a party; *party_id* re-creates an undone one under its old id, so later steps
    on the undo stack that name it still find it."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise ValidationError("party", "A party needs a name")
    party = Party(id=party_id, name=cleaned, short_name=short_name.strip(), kind=kind)
    return add_named(session, party, "party", "party")


def create_person(session: Session, name: str, role: str = "",
                  party_id: int | None = None, *, person_id: int | None = None) -> int:
    """Add a person (acting for *party_id*, if given); *person_id* re-creates an undone one
    under its old id."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise ValidationError("person", "A person needs a name")
    person = Person(id=person_id, name=cleaned, role=role.strip(), party_id=party_id)
    session.add(person)
    session.flush()
    return person.id


def _refuse_if_referred(session: Session, field: str, name: str, record_id: int,
                        referrers: tuple[tuple[InstrumentedAttribute[int | None], str], ...],
                        ) -> None:
    """Refuse (the field's message says what refers to it) while any *referrers* column
    names *record_id*; nothing has been changed yet, so the caller's transaction goes on."""
    for column, what in referrers:
        if session.scalar(select(func.count()).where(column == record_id)):
            raise ValidationError(field, f"“{name}” now has {what}; it is kept")


def delete_party(session: Session, party_id: int) -> None:
    """Remove a party nothing refers to (undoing its creation).

    A party with a seat at some round (a deleted round's too: its seats are kept), people
    acting for it or sources is refused: the database would refuse it for a seat, and
    for the others quietly clear the people's party and drop the citations.
    """
    party = session.get(Party, party_id)
    if party is None:
        raise NotFoundError(f"Party {party_id} does not exist")
    _refuse_if_referred(session, "party", party.name, party_id, (
        (RoundParticipant.party_id, "seats at rounds"), (Person.party_id, "people"),
        (Citation.party_id, "sources"),
    ))
    session.delete(party)
    session.flush()


def delete_person(session: Session, person_id: int) -> None:
    """Remove a person nothing refers to (undoing their creation).

    Someone heading a delegation at some round or with sources is refused: the database
    would quietly empty that seat's head of delegation and drop the citations.
    """
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError(f"Person {person_id} does not exist")
    _refuse_if_referred(session, "person", person.name, person_id, (
        (RoundParticipant.person_id, "a seat at a round"), (Citation.person_id, "sources"),
    ))
    session.delete(person)
    session.flush()


def create_venue(
    session: Session, *, name: str, city: str = "", country: str = "",
    latitude: float | None = None, longitude: float | None = None, time_zone: str = "UTC",
) -> int:
    venue = Venue(**clean_venue(name=name, city=city, country=country, latitude=latitude,
                                longitude=longitude, time_zone=time_zone))
    session.add(venue)
    session.flush()
    return venue.id


def clean_venue(*, name: str, city: str, country: str, latitude: float | None,
                longitude: float | None, time_zone: str) -> dict[str, object]:
    """The venue's columns as stored (a new venue, or an edit of one); ValidationError
    beside the field that is wrong."""
    cleaned = " ".join(without_nul(name).split())
    if not cleaned:
        raise ValidationError("name", "A venue needs a name")
    if not is_known_zone(time_zone):
        raise ValidationError("time_zone", f"Unknown time zone: {time_zone!r}")
    if latitude is not None and not -90 <= latitude <= 90:
        raise ValidationError("latitude", "Latitude must be between -90 and 90")
    if longitude is not None and not -180 <= longitude <= 180:
        raise ValidationError("longitude", "Longitude must be between -180 and 180")
    return {"name": cleaned, "city": without_nul(city).strip(),
            "country": without_nul(country).strip(),
            "latitude": latitude, "longitude": longitude, "time_zone": time_zone}
