"""A pan's read of the strips beside the last layer: the same layer as a full read."""

from __future__ import annotations

from datetime import date

import pytest

from tests.services.map.test_map_services import _scatter
from tracker.services.events.events import EventFilter
from tracker.services.map.layer_strips import map_layer_beside, uncovered
from tracker.services.map.map_layers import MapLayer, map_layer
from tracker.services.map.projection import Area
from tracker.storage.database import Database


def test_the_uncovered_part_is_whole_columns_then_the_rows_between() -> None:
    assert uncovered((0, 0, 9, 9), (0, 0, 9, 9)) == []
    assert uncovered((2, 0, 11, 9), (0, 0, 9, 9)) == [(10, 0, 11, 9)]
    assert uncovered((-2, 3, 7, 12), (0, 0, 9, 9)) == [(-2, 3, -1, 12), (0, 10, 7, 12)]
    assert uncovered((20, 0, 29, 9), (0, 0, 9, 9)) is None  # no overlap: a full read


def _sorted(layer: MapLayer) -> list[object]:
    return sorted(layer.cells, key=lambda c: (c.cell_x, c.cell_y, c.target_category))


@pytest.mark.parametrize("flt", [
    EventFilter(), EventFilter(date_from=date(2023, 12, 20), date_to=date(2024, 3, 10)),
    EventFilter(event_types=("Battles",), target_category="energy"), EventFilter(text="x"),
], ids=["all", "months-and-days", "type-and-category", "words"])
@pytest.mark.parametrize("moved", [(0.3, 0.0), (0.0, -0.3), (-0.4, 0.25), (3.0, 0.0)],
                         ids=["east", "south", "north-west", "far"])
def test_a_pan_reads_the_same_layer_as_a_full_read(db: Database, flt: EventFilter,
                                                   moved: tuple[float, float]) -> None:
    _scatter(db, 600)
    per_pixel = 0.01  # a grid finer than the area, so a pan leaves whole columns
    start = Area(28.0, 46.0, 32.0, 48.0)
    shift_x, shift_y = moved[0] * 4.0, moved[1] * 2.0
    area = Area(start.west + shift_x, start.south + shift_y, start.east + shift_x,
                start.north + shift_y)
    with db.reading() as session:
        kept = map_layer(session, start, per_pixel, flt, point_limit=5)
        full = map_layer(session, area, per_pixel, flt, point_limit=5)
        beside = map_layer_beside(session, area, per_pixel, flt, kept, point_limit=5)
        few = map_layer_beside(session, area, per_pixel, flt, kept, point_limit=10_000)
    assert (beside.area, beside.grid, beside.total, beside.points) == (
        full.area, full.grid, full.total, full.points)
    assert _sorted(beside) == _sorted(full)
    if flt == EventFilter() and moved != (3.0, 0.0):
        assert beside.points is None and beside.total > 5  # cells: the strips were read
    # Few enough for points: read whole, points and all.
    assert few.points is not None and len(few.points) == few.total == full.total
