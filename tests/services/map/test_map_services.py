"""The map's services: projection, counts by cell against the events, points, rings."""

from __future__ import annotations

import math
import random
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, select

from tracker.domain.events import BattlefieldEvent
from tracker.services.common.errors import ValidationError
from tracker.services.events.events import EventFilter, event_conditions
from tracker.services.map.basemap import base_map
from tracker.services.map.map_layers import grid_for, map_cells, map_layer, period_parts
from tracker.services.map.projection import Area, distance_km, project, unproject
from tracker.services.map.venue_rings import events_within
from tracker.storage.database import Database
from tracker.storage.map_cells import GRID_DEGREES


@given(st.floats(-180, 180), st.floats(-85, 85))
def test_projection_round_trips(longitude: float, latitude: float) -> None:
    x, y = project(longitude, latitude)
    back_lon, back_lat = unproject(x, y)
    assert back_lon == pytest.approx(longitude, abs=1e-9)
    assert back_lat == pytest.approx(latitude, abs=1e-9)


def test_north_is_up_and_kyiv_is_stretched_as_on_web_maps() -> None:
    _x, kyiv = project(30.52, 50.45)
    _x, equator = project(30.52, 0.0)
    assert kyiv < equator
    assert equator == pytest.approx(0.0, abs=1e-9)
    # A degree of latitude about Kyiv is 1/cos(50.45°) ≈ 1.57 degrees of longitude long.
    stretch = 1 / math.cos(math.radians(50.45))
    assert project(0, 49.95)[1] - project(0, 50.95)[1] == pytest.approx(stretch, rel=1e-3)


def test_the_base_map_has_borders_and_the_regions_of_the_countries_at_war() -> None:
    data = base_map()
    names = {shape.name for shape in data.countries}
    assert {"Ukraine", "Russia", "Poland", "Moldova"} <= names
    countries = {shape.country for shape in data.regions}
    assert {"UKR", "RUS", "BLR", "MDA", "POL", "ROU", "TUR"} == countries
    assert len([s for s in data.regions if s.country == "UKR"]) >= 25  # oblasts and cities
    assert all("Natural Earth" in source for source in data.sources)


def test_grids_get_finer_as_the_map_zooms_in() -> None:
    grids = [grid_for(per_pixel) for per_pixel in (1.0, 0.1, 0.01, 0.001)]
    assert grids == sorted(grids)
    assert grids[0] == 0 and grids[-1] == len(GRID_DEGREES) - 1


def _scatter(db: Database, count: int) -> None:
    rng = random.Random(7)
    with db.transaction() as session:
        for number in range(count):
            session.add(BattlefieldEvent(
                dataset="TEST", external_id=str(number),
                event_date=date(2023, 11, 15) + timedelta(days=number % 150),
                event_type=rng.choice(("Battles", "Explosions/Remote violence")),
                target_category=rng.choice(("", "energy", "transport")),
                latitude=rng.uniform(44.0, 52.0), longitude=rng.uniform(22.0, 40.0),
                summary=""))


AREA = Area(28.0, 46.0, 36.0, 50.0)


def _direct(db: Database, flt: EventFilter, area: Area) -> int:
    """The events in *area* under *flt*, counted from the events with the Events view's
    own conditions."""
    event = BattlefieldEvent
    with db.reading() as session:
        return int(session.scalar(select(func.count()).where(
            event.longitude.between(area.west, area.east),
            event.latitude.between(area.south, area.north),
            *event_conditions(session, flt))) or 0)


@pytest.mark.parametrize("flt", [
    EventFilter(), EventFilter(date_from=date(2024, 1, 5), date_to=date(2024, 1, 9)),
    EventFilter(date_from=date(2023, 12, 20), date_to=date(2024, 3, 10)),
    EventFilter(date_from=date(2024, 1, 1), date_to=date(2024, 2, 29)),
    EventFilter(date_to=date(2024, 2, 10)), EventFilter(date_from=date(2024, 2, 10)),
    EventFilter(event_types=("Battles",)), EventFilter(text="x"),
], ids=["all", "days", "months-and-days", "whole-months", "to", "from", "types", "words"])
def test_cells_in_an_area_hold_what_a_direct_count_finds(db: Database,
                                                         flt: EventFilter) -> None:
    _scatter(db, 600)
    finest = len(GRID_DEGREES) - 1
    # Whole cells of the finest grid: an area on its lines holds exactly its cells.
    size = GRID_DEGREES[finest]
    area = Area(28.0, 46.0, 36.0 - size / 2, 50.0 - size / 2)
    with db.reading() as session:
        cells = map_cells(session, area, finest, flt)
    expected = _direct(db, flt, Area(28.0, 46.0, 36.0, 50.0))
    assert sum(cell.events for cell in cells) == expected
    for cell in cells:
        assert AREA.west <= cell.west < AREA.east and AREA.south <= cell.south < AREA.north


def test_a_range_is_whole_months_and_the_days_at_its_ends() -> None:
    day, month = 0, 1
    assert period_parts(None, None) == [(month, None, None)]
    assert period_parts(date(2024, 1, 5), date(2024, 1, 9)) == [
        (day, date(2024, 1, 5), date(2024, 1, 9))]
    assert period_parts(date(2023, 12, 20), date(2024, 3, 10)) == [
        (month, date(2024, 1, 1), date(2024, 2, 1)),
        (day, date(2023, 12, 20), date(2023, 12, 31)),
        (day, date(2024, 3, 1), date(2024, 3, 10))]
    assert period_parts(date(2024, 1, 1), date(2024, 2, 29)) == [
        (month, date(2024, 1, 1), date(2024, 2, 1))]
    assert period_parts(None, date(2024, 12, 31)) == [(month, None, date(2024, 12, 1))]
    assert period_parts(date(2024, 12, 2), None) == [
        (month, date(2025, 1, 1), None), (day, date(2024, 12, 2), date(2024, 12, 31))]


def test_few_events_come_as_points_many_as_cells(db: Database) -> None:
    _scatter(db, 300)
    with db.reading() as session:
        few = map_layer(session, AREA, 0.01, EventFilter(), point_limit=500)
        many = map_layer(session, AREA, 0.01, EventFilter(), point_limit=10)
    assert few.points is not None and len(few.points) == few.total
    assert all(few.area.contains(p.longitude, p.latitude) for p in few.points)
    assert few.area.covers(AREA)
    assert many.points is None and many.total == few.total


def test_a_ring_counts_the_events_within_its_radius(db: Database) -> None:
    _scatter(db, 800)
    centre = (48.0, 31.0)
    for radius in (50, 150, 400):
        with db.reading() as session:
            counted = events_within(session, *centre, radius)
            points = session.execute(select(BattlefieldEvent.latitude,
                                            BattlefieldEvent.longitude)).all()
        inside = [distance_km(*centre, lat, lon) for lat, lon in points]
        # Exact but for points within half a per cent of the edge (the flat-earth test).
        assert sum(d <= radius * 0.995 for d in inside) <= counted
        assert counted <= sum(d <= radius * 1.005 for d in inside)
    with db.reading() as session, pytest.raises(ValidationError):
        events_within(session, *centre, 0)
