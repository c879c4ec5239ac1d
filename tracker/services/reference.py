"""The small lists the forms pick from: tracks, venues, parties, people, factors, sources."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from tracker.domain.enums import PartyKind
from tracker.domain.factors import Factor
from tracker.domain.negotiation import Party, Person, Track, Venue
from tracker.domain.timewindow import is_known_zone
from tracker.services.citations import list_sources
from tracker.services.errors import ValidationError
from tracker.services.rounds import venue_row
from tracker.services.views import NamedRow, VenueRow

__all__ = [
    "create_party", "create_person", "create_track", "create_venue", "list_factors_named",
    "list_parties", "list_people", "list_sources", "list_tracks", "list_venues",
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


def create_track(session: Session, name: str, description: str = "") -> int:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise ValidationError("name", "A track needs a name")
    track = Track(name=cleaned, description=description)
    try:
        with session.begin_nested():
            session.add(track)
    except IntegrityError as exc:
        raise ValidationError("name", f"There is already a track called {cleaned!r}") from exc
    return track.id


def create_party(session: Session, name: str, short_name: str = "",
                 kind: PartyKind = PartyKind.STATE) -> int:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise ValidationError("party", "A party needs a name")
    party = Party(name=cleaned, short_name=short_name.strip(), kind=kind)
    try:
        with session.begin_nested():
            session.add(party)
    except IntegrityError as exc:
        raise ValidationError("party", f"There is already a party called {cleaned!r}") from exc
    return party.id


def create_person(session: Session, name: str, role: str = "",
                  party_id: int | None = None) -> int:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise ValidationError("person", "A person needs a name")
    person = Person(name=cleaned, role=role.strip(), party_id=party_id)
    session.add(person)
    session.flush()
    return person.id


def create_venue(
    session: Session, *, name: str, city: str = "", country: str = "",
    latitude: float | None = None, longitude: float | None = None, time_zone: str = "UTC",
) -> int:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise ValidationError("name", "A venue needs a name")
    if not is_known_zone(time_zone):
        raise ValidationError("time_zone", f"Unknown time zone: {time_zone!r}")
    if latitude is not None and not -90 <= latitude <= 90:
        raise ValidationError("latitude", "Latitude must be between -90 and 90")
    if longitude is not None and not -180 <= longitude <= 180:
        raise ValidationError("longitude", "Longitude must be between -180 and 180")
    venue = Venue(name=cleaned, city=city.strip(), country=country.strip(),
                  latitude=latitude, longitude=longitude, time_zone=time_zone)
    session.add(venue)
    session.flush()
    return venue.id
