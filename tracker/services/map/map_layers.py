"""What the Map tab shows of the events in an area: density cells, or the events as points.

Zoomed out, the map reads the per-cell counts (event_map_cell, storage/map_cells.py) of
the cells in view at the grid that suits the zoom: a sum over a few thousand rows, never
a scan of the events. Once few enough events are in view (POINT_LIMIT), it reads them as
points through the coordinates' index. A filter that names a place or words is beyond
what the counts know; then the cells are counted from the events themselves, through the
Events view's own conditions (slower, as the timeline is under such a filter).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Date,
    Integer,
    Select,
    bindparam,
    cast,
    func,
    literal_column,
    select,
)
from sqlalchemy.orm import Session

from tracker.domain.events import BattlefieldEvent
from tracker.domain.map_cells import EventMapCell
from tracker.services.events.events import EventFilter, day_counts_answer, event_conditions
from tracker.services.map.projection import Area
from tracker.storage.deferred_build import map_cells_ready
from tracker.storage.map_cells import DAY, FINEST, GRID_DEGREES, MONTH, counted_condition

# Points replace the cells when at most this many events are in view.
POINT_LIMIT = 2000
# The finest grid whose cells are at least this many pixels wide is read.
MIN_CELL_PIXELS = 14.0


@dataclass(frozen=True, slots=True)
class MapCell:
    """How many events of one target category ("" uncategorised) fell in one cell."""

    grid: int
    cell_x: int
    cell_y: int
    target_category: str
    events: int

    @property
    def west(self) -> float:
        return self.cell_x * GRID_DEGREES[self.grid] - 180.0

    @property
    def south(self) -> float:
        return self.cell_y * GRID_DEGREES[self.grid] - 90.0

    @property
    def size(self) -> float:
        return GRID_DEGREES[self.grid]


@dataclass(frozen=True, slots=True)
class MapPoint:
    """One event as the map draws it, zoomed in."""

    id: int
    longitude: float
    latitude: float
    day: date
    event_type: str
    target_category: str
    place: str


@dataclass(frozen=True, slots=True)
class MapLayer:
    """The events of *area* under one filter: cells at *grid*, and points when few."""

    area: Area
    grid: int
    cells: tuple[MapCell, ...]
    points: tuple[MapPoint, ...] | None
    total: int


def grid_for(degrees_per_pixel: float, min_pixels: float = MIN_CELL_PIXELS) -> int:
    """The finest grid whose cells are at least *min_pixels* wide at this zoom."""
    for grid in range(FINEST, -1, -1):
        if GRID_DEGREES[grid] / degrees_per_pixel >= min_pixels:
            return grid
    return 0


CellRange = tuple[int, int, int, int]  # west, south, east, north cell numbers, inclusive


def cell_range(area: Area, grid: int) -> CellRange:
    """The cells of *grid* that *area* touches."""
    size = GRID_DEGREES[grid]
    return (int((area.west + 180.0) // size), int((area.south + 90.0) // size),
            int((area.east + 180.0) // size), int((area.north + 90.0) // size))


def snapped(area: Area, grid: int) -> Area:
    """*area* grown to the lines of *grid* (just inside the last cell's far edges)."""
    return cells_area(cell_range(area, grid), grid)


def cells_area(cells: CellRange, grid: int) -> Area:
    """The area of whole *cells*, just inside the last cell's far edges."""
    size = GRID_DEGREES[grid]
    west, south, east, north = cells
    edge = size * 1e-9
    return Area(west * size - 180.0, south * size - 90.0,
                (east + 1) * size - 180.0 - edge, (north + 1) * size - 90.0 - edge)


def _month_after(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _month_before(day: date) -> date:
    """The first day of the month before *day*'s."""
    return date(day.year - (day.month == 1), (day.month - 2) % 12 + 1, 1)


def period_parts(first: date | None, last: date | None) -> list[tuple[int, date | None,
                                                                      date | None]]:
    """The days *first*..*last* (None: unbounded) as (period, from, to) parts the cell
    rows answer: whole calendar months from the month rows, the days of a partial month
    at either end from the day rows."""
    months_from = first if first is None or first.day == 1 else _month_after(first)
    # The start of the last month that ends on or before *last*.
    months_to = None if last is None else (
        last.replace(day=1) if _month_after(last) - last == timedelta(days=1)
        else _month_before(last))
    if months_from is not None and months_to is not None and months_from > months_to:
        return [(DAY, first, last)]
    parts: list[tuple[int, date | None, date | None]] = [(MONTH, months_from, months_to)]
    if first is not None and months_from is not None and first < months_from:
        parts.append((DAY, first, months_from - timedelta(days=1)))
    if last is not None and months_to is not None:
        after = _month_after(months_to)
        if after <= last:
            parts.append((DAY, after, last))
    return parts


@cache
def _summed_statement(period: int, first: bool, last: bool, types: bool,
                      category: bool) -> Select[Any]:
    """The sum of one period part's cell rows per cell and category, its values bound
    as parameters: built once per shape and compiled once (SQLAlchemy's cache), so a
    read costs the engine's work and little Python; building an ORM select per part
    and read was about a third of a read's time at 100k events."""
    cell = EventMapCell.__table__.c
    # The days of at most two partial months are read by day (ix_event_map_cell_day,
    # the model's note): "+ 0" keeps the primary key's cell range out of the choice.
    column = cell.cell_x + 0 if period == DAY else cell.cell_x
    conditions = [cell.grid == bindparam("grid"), cell.period == period,
                  column.between(bindparam("west"), bindparam("east")),
                  cell.cell_y.between(bindparam("south"), bindparam("north"))]
    if first:
        conditions.append(cell.day >= bindparam("first", type_=Date()))
    if last:
        conditions.append(cell.day <= bindparam("last", type_=Date()))
    if types:
        conditions.append(cell.event_type.in_(bindparam("types", expanding=True)))
    if category:
        conditions.append(cell.target_category == bindparam("category"))
    return (select(cell.cell_x, cell.cell_y, cell.target_category, func.sum(cell.events))
            .where(*conditions).group_by(cell.cell_x, cell.cell_y, cell.target_category))


def _summed_cells(session: Session, grid: int, cells: tuple[int, int, int, int],
                  flt: EventFilter) -> list[tuple[int, int, str, int]]:
    """The cell rows of each period part, summed per cell and category."""
    west, south, east, north = cells
    values: dict[str, Any] = {"grid": grid, "west": west, "east": east, "south": south,
                              "north": north}
    if flt.event_types:
        values["types"] = list(flt.event_types)
    if flt.target_category:
        values["category"] = flt.target_category
    connection = session.connection()
    totals: dict[tuple[int, int, str], int] = {}
    for period, first, last in period_parts(flt.date_from, flt.date_to):
        statement = _summed_statement(period, first is not None, last is not None,
                                      bool(flt.event_types), bool(flt.target_category))
        days = {name: day for name, day in (("first", first), ("last", last))
                if day is not None}
        rows = connection.execute(statement, {**values, **days}).all()
        for x, y, category, events in rows:
            key = (int(x), int(y), category or "")
            totals[key] = totals.get(key, 0) + int(events)
    return [(x, y, category, events) for (x, y, category), events in totals.items()]


def map_cells(session: Session, area: Area, grid: int, flt: EventFilter) -> list[MapCell]:
    """Events per cell of *grid* and target category in *area*, under *flt*."""
    west, south, east, north = cell_range(area, grid)
    # While an import's build counts the cells (storage.deferred_build), from the events.
    if day_counts_answer(session, flt) and map_cells_ready(session.connection()):
        rows: Sequence[Any] = _summed_cells(session, grid, (west, south, east, north), flt)
    else:
        rows = _cells_from_events(session, area, grid, flt)
    return [MapCell(grid, int(x), int(y), category or "", int(events))
            for x, y, category, events in rows]


def _cells_from_events(session: Session, area: Area, grid: int,
                       flt: EventFilter) -> Sequence[Any]:
    event = BattlefieldEvent
    size = GRID_DEGREES[grid]
    x = cast(func.floor((event.longitude + 180.0) / size), Integer)
    y = cast(func.floor((event.latitude + 90.0) / size), Integer)
    if session.get_bind().dialect.name == "sqlite":  # floor() may be missing: cast is it
        x = cast((event.longitude + 180.0) / size, Integer)
        y = cast((event.latitude + 90.0) / size, Integer)
    return session.execute(
        select(x.label("x"), y.label("y"), event.target_category, func.count())
        .where(*_in_area(area), *event_conditions(session, flt))
        .group_by("x", "y", event.target_category)).all()


def _in_area(area: Area) -> list[ColumnElement[bool]]:
    event = BattlefieldEvent
    return [event.latitude.between(area.south, area.north),
            event.longitude.between(area.west, area.east),
            # The events the cell counts hold, and no others (their record-status hook).
            counted_events()]


def counted_events() -> ColumnElement[bool]:
    """The SQL condition of the events the map counts (storage.map_cells's hook)."""
    return literal_column(f"({counted_condition(BattlefieldEvent.__tablename__)})",
                          Boolean())


def map_points(session: Session, area: Area, flt: EventFilter,
               limit: int = POINT_LIMIT) -> list[MapPoint]:
    """The events in *area* under *flt*, at most *limit*, oldest first.

    No ORDER BY: with one, SQLite walks the date index in its order and reads every event
    of the range to find the few in the area (seconds at a million); without, it reads
    them off the coordinates' index (ix_battlefield_event_place, which holds the date
    too). The caller asks only when the cells say few are there; they are sorted here.
    """
    event = BattlefieldEvent
    rows = session.execute(
        select(event.id, event.longitude, event.latitude, event.event_date, event.event_type,
               event.target_category, event.location, event.admin1)
        .where(*_in_area(area), *event_conditions(session, flt)).limit(limit)).all()
    points = [MapPoint(row.id, row.longitude, row.latitude, row.event_date, row.event_type,
                       row.target_category or "", row.location or row.admin1)
              for row in rows]
    return sorted(points, key=lambda point: (point.day, point.id))


def map_layer(session: Session, area: Area, degrees_per_pixel: float, flt: EventFilter,
              point_limit: int = POINT_LIMIT) -> MapLayer:
    """What the map shows of *area* at this zoom: cells, and points when few enough."""
    grid = grid_for(degrees_per_pixel)
    area = snapped(area, grid)  # whole cells: the points are then exactly the cells' events
    cells = tuple(map_cells(session, area, grid, flt))
    total = sum(cell.events for cell in cells)
    points = (tuple(map_points(session, area, flt, point_limit)) if 0 < total <= point_limit
              else () if total == 0 else None)
    return MapLayer(area, grid, cells, points, total)


def point_of(session: Session, event_id: int) -> MapPoint | None:
    """Where one event is, to highlight it (None: it has no coordinates, or is gone)."""
    event = BattlefieldEvent
    row = session.execute(
        select(event.id, event.longitude, event.latitude, event.event_date, event.event_type,
               event.target_category, event.location, event.admin1)
        .where(event.id == event_id)).first()
    if row is None or row.latitude is None or row.longitude is None:
        return None
    return MapPoint(row.id, row.longitude, row.latitude, row.event_date, row.event_type,
                    row.target_category or "", row.location or row.admin1)


def event_days(session: Session) -> tuple[date, date] | None:
    """The first and last day of any event (two seeks of the date index), None if none."""
    first, last = session.execute(select(func.min(BattlefieldEvent.event_date),
                                         func.max(BattlefieldEvent.event_date))).one()
    return (first, last) if first is not None and last is not None else None


def first_event_in(session: Session, area: Area, flt: EventFilter) -> int | None:
    """The oldest event in *area* under *flt*: what a click on a density cell selects.

    The oldest is found here, not by ORDER BY … LIMIT 1 (see ``map_points``): the
    events of one cell, read off the coordinates' index, are at most a cell's count."""
    event = BattlefieldEvent
    rows = session.execute(select(event.event_date, event.id)
                           .where(*_in_area(area), *event_conditions(session, flt))).all()
    return min((row.event_date, row.id) for row in rows)[1] if rows else None


def events_extent(session: Session, flt: EventFilter) -> Area | None:
    """The box of the 2° cells that hold events under *flt* (dates, types, category), from
    the cell counts; None when none has coordinates."""
    cells = _summed_cells(session, 0, (0, 0, int(360 / GRID_DEGREES[0]),
                                       int(180 / GRID_DEGREES[0])), flt)
    if not cells:
        return None
    size = GRID_DEGREES[0]
    xs = [x for x, _y, _category, _events in cells]
    ys = [y for _x, y, _category, _events in cells]
    return Area(min(xs) * size - 180.0, min(ys) * size - 90.0,
                (max(xs) + 1) * size - 180.0, (max(ys) + 1) * size - 90.0)
