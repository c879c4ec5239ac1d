"""Linking battlefield events to rounds and factors, and suggesting what to link.

Suggestions are one SQL query: events whose dates fall within ±N days of the round's
window and, when asked, inside a box around the venue, ranked by distance in time and
space. The box is wider than the radius, so the exact great-circle distance is checked on
the (small) candidate set afterwards.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import and_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from tracker.domain.enums import LinkKind
from tracker.domain.events import BattlefieldEvent, EventLink
from tracker.domain.factors import Factor
from tracker.services.errors import NotFoundError, ValidationError
from tracker.services.events import event_row
from tracker.services.schedule import get_round
from tracker.services.views import EventRow

EARTH_RADIUS_KM = 6371.0
SUGGESTION_LIMIT = 500


@dataclass(frozen=True, slots=True)
class LinkSpec:
    """Everything needed to create a link again (undo of an unlink)."""

    event_id: int
    round_id: int | None
    factor_id: int | None
    kind: LinkKind
    note: str = ""


@dataclass(frozen=True, slots=True)
class Suggestion:
    event: EventRow
    days_from_window: int
    distance_km: float | None
    already_linked: bool


def link_event(session: Session, spec: LinkSpec, *, link_id: int | None = None) -> int:
    """Create the link and return its id; *link_id* re-creates a removed link as it was."""
    if (spec.round_id is None) == (spec.factor_id is None):
        raise ValidationError("target", "Link an event to exactly one round or one factor")
    event_row(session, spec.event_id)  # raises NotFoundError for a missing event
    if spec.round_id is not None:
        get_round(session, spec.round_id)
    if spec.factor_id is not None and session.get(Factor, spec.factor_id) is None:
        raise NotFoundError(f"Factor {spec.factor_id} does not exist")
    link = EventLink(event_id=spec.event_id, round_id=spec.round_id,
                     factor_id=spec.factor_id, kind=spec.kind, note=spec.note.strip())
    if link_id is not None:
        link.id = link_id
    try:
        with session.begin_nested():
            session.add(link)
    except IntegrityError as exc:
        raise ValidationError("kind", "This event is already linked there with that kind") \
            from exc
    return link.id


def unlink(session: Session, link_id: int) -> LinkSpec:
    """Remove a link and return what it was, so the caller can undo."""
    link = session.get(EventLink, link_id)
    if link is None:
        raise NotFoundError(f"Link {link_id} does not exist")
    spec = LinkSpec(link.event_id, link.round_id, link.factor_id, link.kind, link.note)
    session.delete(link)
    session.flush()
    return spec


def update_link(session: Session, link_id: int, *, kind: LinkKind, note: str) -> LinkSpec:
    """Change a link's kind or note; return the previous values for undo."""
    link = session.get(EventLink, link_id)
    if link is None:
        raise NotFoundError(f"Link {link_id} does not exist")
    before = LinkSpec(link.event_id, link.round_id, link.factor_id, link.kind, link.note)
    link.kind = kind
    link.note = note.strip()
    session.flush()
    return before


def suggest_for_round(
    session: Session, round_id: int, *, days: int = 7, radius_km: float | None = None,
) -> list[Suggestion]:
    """Events within ±*days* of the round's window, and within *radius_km* of its venue.

    A round with no date gets no suggestions (there is nothing to be near); a radius is
    ignored when the venue, or its coordinates, are unknown.
    """
    if days < 0:
        raise ValidationError("days", "The window cannot be negative")
    round_ = get_round(session, round_id)
    window = round_.window
    first, last = window.first_day(), window.last_day()
    if first is None or last is None:
        return []
    low, high = first - timedelta(days=days), last + timedelta(days=days)
    event = BattlefieldEvent
    conditions = [event.event_date >= low, event.event_date <= high]
    venue = round_.venue
    centre = None
    if radius_km is not None and venue is not None and venue.latitude is not None \
            and venue.longitude is not None:
        centre = (venue.latitude, venue.longitude)
        lat_pad = radius_km / 111.0
        lon_pad = radius_km / max(1.0, 111.0 * math.cos(math.radians(venue.latitude)))
        conditions += [
            event.latitude.between(venue.latitude - lat_pad, venue.latitude + lat_pad),
            event.longitude.between(venue.longitude - lon_pad, venue.longitude + lon_pad),
        ]
    linked_ids = select(EventLink.event_id).where(EventLink.round_id == round_id)
    columns = [getattr(event, name) for name in EventRow.__dataclass_fields__]
    rows = session.execute(
        select(*columns, event.id.in_(linked_ids))
        .where(and_(*conditions))
        .order_by(event.event_date, event.id)
        .limit(SUGGESTION_LIMIT)
    )
    suggestions = []
    for *values, linked in rows:
        row = EventRow(*values)
        distance = _distance_km(centre, row) if centre else None
        if centre is not None and (distance is None or distance > (radius_km or 0)):
            continue
        suggestions.append(
            Suggestion(row, _days_outside(row.event_date, first, last), distance, bool(linked))
        )
    return sorted(suggestions, key=lambda s: (s.days_from_window, s.distance_km or 0.0))


def _days_outside(day: date, first: date, last: date) -> int:
    if day < first:
        return (first - day).days
    if day > last:
        return (day - last).days
    return 0


def _distance_km(centre: tuple[float, float] | None, row: EventRow) -> float | None:
    if centre is None or row.latitude is None or row.longitude is None:
        return None
    lat1, lon1 = map(math.radians, centre)
    lat2, lon2 = math.radians(row.latitude), math.radians(row.longitude)
    a = math.sin((lat2 - lat1) / 2) ** 2 + \
        math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))

