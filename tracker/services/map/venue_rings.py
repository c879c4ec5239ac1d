"""Venues on the map, and how many events happened within a distance of one.

"What happened within 50 km of the talks": the count is SQL over the coordinates' index.
A box around the venue narrows the rows by index; inside it, the distance test is the
equirectangular one (longitude differences shrunk by the cosine of the venue's
latitude), which is plain arithmetic on SQLite and PostgreSQL alike and within half a
per cent of the great-circle distance at a few hundred kilometres.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from tracker.domain.events import BattlefieldEvent
from tracker.domain.negotiation import Venue
from tracker.services.common.errors import ValidationError
from tracker.services.events.events import EventFilter, event_conditions
from tracker.services.map.projection import EARTH_RADIUS_KM
from tracker.storage.map_cells import counted_condition

KM_PER_DEGREE = EARTH_RADIUS_KM * math.pi / 180.0
MAX_RADIUS_KM = 2000.0


@dataclass(frozen=True, slots=True)
class MapVenue:
    id: int
    name: str
    city: str
    country: str
    latitude: float
    longitude: float

    @property
    def label(self) -> str:
        return f"{self.name}, {self.city}" if self.city and self.city != self.name \
            else self.name


def venues_on_map(session: Session) -> list[MapVenue]:
    """Venues that have coordinates, by name (others cannot be placed)."""
    rows = session.execute(
        select(Venue.id, Venue.name, Venue.city, Venue.country, Venue.latitude,
               Venue.longitude)
        .where(Venue.latitude.is_not(None), Venue.longitude.is_not(None))
        .order_by(Venue.name, Venue.id)).all()
    return [MapVenue(row.id, row.name, row.city, row.country, float(row.latitude),
                     float(row.longitude)) for row in rows]


def events_within(session: Session, latitude: float, longitude: float, radius_km: float,
                  flt: EventFilter | None = None) -> int:
    """How many events under *flt* lie within *radius_km* of the point."""
    if not 0 < radius_km <= MAX_RADIUS_KM:
        raise ValidationError("radius", f"The radius is between 1 and {MAX_RADIUS_KM:,.0f} km")
    event = BattlefieldEvent
    shrink = max(math.cos(math.radians(latitude)), 0.01)
    dlat = radius_km / KM_PER_DEGREE
    dlon = min(dlat / shrink, 180.0)
    dx = (event.longitude - longitude) * shrink
    dy = event.latitude - latitude
    return int(session.scalar(
        select(func.count()).select_from(event).where(
            event.latitude.between(latitude - dlat, latitude + dlat),
            event.longitude.between(longitude - dlon, longitude + dlon),
            dx * dx + dy * dy <= dlat * dlat,
            text(counted_condition(event.__tablename__)),
            *event_conditions(session, flt or EventFilter()))) or 0)
