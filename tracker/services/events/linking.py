"""What a link between a battlefield event and a round or factor is, and suggesting what
to link.

Linking and unlinking themselves are operations: ``add_link`` and ``remove_link`` in
link_operations.py, the one place they are written. This module holds what they and an
edit of a link share: the link's spec, its cleaned columns and the refusal of a duplicate.

Suggestions are ranked and cut in SQL: events whose dates fall within ±N days of the
round's window and, when asked, within a great-circle radius of the venue, ordered by how
many days they lie outside the window (0 inside it), then date, then id, and limited.
Ranking and filtering before the LIMIT matters at scale: with a million events, a limit
taken in date order would return only the first day of the span. The rank is read off
the date index rather than sorted: the window's days in index order, then the days
before it (nearest first) and after it, merged by distance, each read stopping at the
limit; so the rows read are those shown, not every candidate in the span.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from heapq import merge
from itertools import islice
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from tracker.domain.enums import LinkKind
from tracker.domain.events import BattlefieldEvent, EventLink
from tracker.domain.nul_text import without_nul
from tracker.services.common.errors import ValidationError
from tracker.services.common.views import EventRow
from tracker.services.rounds import get_round
from tracker.storage.counted_events import is_counted

EARTH_RADIUS_KM = 6371.0
SUGGESTION_LIMIT = 500


@dataclass(frozen=True, slots=True)
class LinkCitation:
    """A source cited for a link, as ``remove_link`` found it."""

    source_id: int
    detail: str = ""


@dataclass(frozen=True, slots=True)
class LinkSpec:
    """Everything needed to create a link again (undo of an unlink).

    ``created_at`` and ``citations`` are filled by ``remove_link`` so that re-creating the
    link restores it as it was; a new link leaves them empty (created now, cited by
    nothing).
    """

    event_id: int
    round_id: int | None
    factor_id: int | None
    kind: LinkKind
    note: str = ""
    created_at: datetime | None = None
    citations: tuple[LinkCitation, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Suggestion:
    event: EventRow
    days_from_window: int
    distance_km: float | None
    already_linked: bool


class Suggestions(list[Suggestion]):
    """The suggestions returned, best first, and how many matched before the cut.

    A list, so callers that only show the rows keep working; ``total`` and ``truncated``
    let them say "500 of 12,345" when the limit cut the list.
    """

    def __init__(self, rows: Iterable[Suggestion] = (), *, total: int | None = None) -> None:
        super().__init__(rows)
        self.total = len(self) if total is None else total

    @property
    def truncated(self) -> bool:
        return self.total > len(self)


def clean_link(kind: LinkKind, note: str) -> dict[str, object]:
    """A link's columns as stored (a new link, or an edit of one's kind and note)."""
    return {"kind": LinkKind(kind), "note": without_nul(note).strip()}


def link_taken() -> ValidationError:
    """The event is already linked to that round or factor with that kind (the unique
    constraints)."""
    return ValidationError("kind", "This event is already linked there with that kind")


def suggest_for_round(
    session: Session, round_id: int, *, days: int = 7, radius_km: float | None = None,
    limit: int | None = None,
) -> Suggestions:
    """Events within ±*days* of the round's window, and within *radius_km* of its venue.

    At most *limit* rows (default ``SUGGESTION_LIMIT``), the nearest in time first, then
    by date and id; the result's ``total`` says how many matched. A round with no date
    gets no suggestions (there is nothing to be near); a radius is ignored when the
    venue, or its coordinates, are unknown.
    """
    if days < 0:
        raise ValidationError("days", "The window cannot be negative")
    if radius_km is not None and radius_km < 0:
        raise ValidationError("radius_km", "The radius cannot be negative")
    limit = SUGGESTION_LIMIT if limit is None else limit
    round_ = get_round(session, round_id)
    window = round_.window
    first, last = window.first_day(), window.last_day()
    if first is None or last is None:
        return Suggestions()
    event = BattlefieldEvent
    span = [event.event_date >= first - timedelta(days=days),
            event.event_date <= last + timedelta(days=days)]
    venue = round_.venue
    centre = None
    wanted: list[ColumnElement[bool]] = []
    if radius_km is not None and venue is not None and venue.latitude is not None \
            and venue.longitude is not None:
        centre = (venue.latitude, venue.longitude)
        wanted = _within_radius(centre, radius_km)
    # Withdrawn and merged events are not suggested: the source dropped one, and the
    # other is told by the event it was merged into (they stay linkable by hand).
    wanted.append(is_counted())
    linked_ids = select(EventLink.event_id).where(EventLink.round_id == round_id)
    columns = [getattr(event, name) for name in EventRow.__dataclass_fields__]

    def read(bounds: list[ColumnElement[bool]], order: list[Any],
             cap: int) -> list[tuple[EventRow, bool]]:
        rows = session.execute(select(*columns, event.id.in_(linked_ids))
                               .where(*bounds, *wanted).order_by(*order).limit(cap))
        return [(EventRow(*values), bool(linked)) for *values, linked in rows]

    # The window's days in index order; then, if the limit is not reached, the days
    # before it from the nearest back and the days after it from the nearest on, merged
    # by distance (at equal distance the earlier day first: it is before the window).
    # Each read stops at the limit, so no more rows are read than can be shown.
    during = read([event.event_date >= first, event.event_date <= last],
                  [event.event_date, event.id], limit)
    ranked = [(0, row, linked) for row, linked in during]
    if len(ranked) < limit and days > 0:
        cap = limit - len(ranked)
        before = read([event.event_date >= first - timedelta(days=days),
                       event.event_date < first],
                      [event.event_date.desc(), event.id], cap)
        after = read([event.event_date > last,
                      event.event_date <= last + timedelta(days=days)],
                     [event.event_date, event.id], cap)
        ranked += islice(merge(
            (((first - row.event_date).days, row, linked) for row, linked in before),
            (((row.event_date - last).days, row, linked) for row, linked in after),
            key=lambda found: (found[0], found[1].event_date, found[1].id)), cap)
    suggestions = [Suggestion(row, outside, _distance_km(centre, row), linked)
                   for outside, row, linked in ranked]
    total = len(suggestions)
    if total == limit:  # only a full page can have been cut
        total = session.scalar(select(func.count()).select_from(event).where(*span, *wanted)) \
            or 0
    return Suggestions(suggestions, total=total)


def _within_radius(centre: tuple[float, float], radius_km: float) -> list[ColumnElement[bool]]:
    """SQL conditions: the event's coordinates are within *radius_km* of *centre*.

    A latitude/longitude box comes first because it is cheap; the haversine test after it
    is exact, so rows in the box's corners never take a place in the LIMIT. The box is
    the true extent of the circle (wider in longitude away from the equator, whole
    longitudes around a pole, split across the antimeridian), so it never drops a row the
    exact test would keep.
    """
    event = BattlefieldEvent
    lat, lon = centre
    angle = radius_km / EARTH_RADIUS_KM  # central angle, radians
    conditions: list[ColumnElement[bool]] = [event.latitude.is_not(None),
                                             event.longitude.is_not(None)]
    if angle >= math.pi:
        return conditions  # the circle covers the whole sphere
    lat_pad = math.degrees(angle)
    conditions.append(event.latitude.between(lat - lat_pad, lat + lat_pad))
    if abs(lat) + lat_pad < 90.0:  # no pole inside the circle: longitudes are bounded
        lon_pad = math.degrees(math.asin(math.sin(angle) / math.cos(math.radians(lat))))
        low, high = lon - lon_pad, lon + lon_pad
        if low < -180.0:
            conditions.append(or_(event.longitude >= low + 360.0, event.longitude <= high))
        elif high > 180.0:
            conditions.append(or_(event.longitude >= low, event.longitude <= high - 360.0))
        else:
            conditions.append(event.longitude.between(low, high))
    # Haversine: hav(d/R) = hav(Δφ) + cos φ1 · cos φ2 · hav(Δλ); compare before asin, so
    # SQL needs only sin, cos and radians (SQLite's math functions, PostgreSQL's built-ins).
    lat1, lon1 = math.radians(lat), math.radians(lon)
    half_dlat = func.sin((func.radians(event.latitude) - lat1) / 2)
    half_dlon = func.sin((func.radians(event.longitude) - lon1) / 2)
    haversine = half_dlat * half_dlat + \
        math.cos(lat1) * func.cos(func.radians(event.latitude)) * half_dlon * half_dlon
    conditions.append(haversine <= math.sin(angle / 2) ** 2)
    return conditions


def _distance_km(centre: tuple[float, float] | None, row: EventRow) -> float | None:
    if centre is None or row.latitude is None or row.longitude is None:
        return None
    lat1, lon1 = map(math.radians, centre)
    lat2, lon2 = math.radians(row.latitude), math.radians(row.longitude)
    a = math.sin((lat2 - lat1) / 2) ** 2 + \
        math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))  # rounding can pass 1

