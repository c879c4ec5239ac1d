"""A pan's read: only the cells the last layer at the same grid does not hold.

A pan moves the view by a tenth of the screen, and the map reads half a screen beyond
each side (ui/map/map_view.py); when the view leaves that area, most of the new area
was read already. Cells are whole squares of the grid and their counts do not depend
on the area around them, so the new layer is the kept cells still inside the new area
plus the cells of the strips beside them, read like any other cells: the same cells
and counts as a full read, from fewer rows. When the merged count is low enough for
points, the points are read for the whole area as ``map_layer`` does.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from tracker.services.events.events import EventFilter
from tracker.services.map.map_layers import (
    POINT_LIMIT,
    CellRange,
    MapCell,
    MapLayer,
    cell_range,
    cells_area,
    grid_for,
    map_cells,
    map_layer,
    snapped,
)
from tracker.services.map.projection import Area


def uncovered(new: CellRange, old: CellRange) -> list[CellRange] | None:
    """The parts of *new* outside *old*, as at most four disjoint ranges (whole columns
    west and east of *old*, then what lies south and north of it between them); None
    when the two do not overlap, and a full read is as cheap."""
    west, south, east, north = new
    old_west, old_south, old_east, old_north = old
    if old_west > east or west > old_east or old_south > north or south > old_north:
        return None
    parts = []
    if west < old_west:
        parts.append((west, south, old_west - 1, north))
    if old_east < east:
        parts.append((old_east + 1, south, east, north))
    middle_west, middle_east = max(west, old_west), min(east, old_east)
    if south < old_south:
        parts.append((middle_west, south, middle_east, old_south - 1))
    if old_north < north:
        parts.append((middle_west, old_north + 1, middle_east, north))
    return parts


def _inside(cell: MapCell, cells: CellRange) -> bool:
    west, south, east, north = cells
    return west <= cell.cell_x <= east and south <= cell.cell_y <= north


def map_layer_beside(session: Session, area: Area, degrees_per_pixel: float,
                     flt: EventFilter, kept: MapLayer | None,
                     point_limit: int = POINT_LIMIT) -> MapLayer:
    """``map_layer`` of *area*, reading only what *kept* (the last layer read at this
    zoom's grid under the same *flt*, or None) does not hold."""
    grid = grid_for(degrees_per_pixel)
    if kept is None or kept.grid != grid:
        return map_layer(session, area, degrees_per_pixel, flt, point_limit)
    area = snapped(area, grid)
    wanted = cell_range(area, grid)
    parts = uncovered(wanted, cell_range(kept.area, grid))
    if parts is None:
        return map_layer(session, area, degrees_per_pixel, flt, point_limit)
    cells = [cell for cell in kept.cells if _inside(cell, wanted)]
    for part in parts:
        cells += map_cells(session, cells_area(part, grid), grid, flt)
    total = sum(cell.events for cell in cells)
    if total <= point_limit:  # points (or nothing): read as a whole
        return map_layer(session, area, degrees_per_pixel, flt, point_limit)
    cells.sort(key=lambda cell: (cell.cell_x, cell.cell_y, cell.target_category))
    return MapLayer(area, grid, tuple(cells), None, total)
