"""The candidate search in SQL: pairs of events from two datasets that may be one event.

Two events pair when their days overlap, they lie within a distance and their types are
compatible (domain/matches.py). Nothing is loaded into Python: the right dataset's events
go, one row per day they may stand for, into a temporary table indexed on (day, latitude);
the left dataset's events are read a stretch of days at a time (through the index on
(dataset, event_date)), each day of each event probes that index inside a bounding box,
and the pairs within the distance are scored and inserted into event_match by the same
statement. A stretch at a time, so the caller can say how far it is and stop.

Days come from the rule domain/event_time.py states for one event, here in SQL: a day is
itself, a week seven days (ACLED's date is the middle of its week), a span its days. A
record over more than LONG_RECORD_DAYS days, or known only to the month, pairs with
nothing: it is too vague to say it is one strike (tests hold the SQL to EventTime). Only
counted events pair (storage/counted_events.py): not one its source withdrew, nor one
already merged into another dataset's event.

Distances are haversine in SQL. An SQLite built without its math functions (``select
sin(1)`` fails) gets an equirectangular distance instead, whose cosine is a polynomial in
plain arithmetic and whose one square root, taken only for the pairs found, is Python's.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Date, bindparam, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from tracker.domain.base import UTCDateTime, utc_now
from tracker.domain.event_time import LONG_RECORD_DAYS
from tracker.domain.events import MIDWEEK_DATASETS
from tracker.domain.matches import COMPATIBLE_TYPES
from tracker.storage.counted_events import COUNTED_SQL

EARTH_KM = 6371.0088
KM_PER_DEGREE = math.pi * EARTH_KM / 180
STRETCH_DAYS = 30  # the left dataset's days searched per statement
SEARCH_CACHE_KIB = 128 * 1024
# SQLite's own default page cache (SQLITE_DEFAULT_CACHE_SIZE: 2,000 KiB, negative for KiB),
# which a schema whose size was never set uses.
SQLITE_DEFAULT_CACHE_SIZE = -2000
KEY_TABLE = "match_key"
# How much each agreement weighs in a pair's score (they sum to 1).
WEIGHTS = {"distance": 0.4, "days": 0.3, "type": 0.15, "fatalities": 0.15}


@dataclass(frozen=True, slots=True)
class SearchTerms:
    """What the analyst asked: the two datasets and the largest distance."""

    left: str
    right: str
    max_km: float


# -- an event's days, in SQL ------------------------------------------------------------------

def _day_number(column: str, dialect: str) -> str:
    """A date as a whole number of days (comparable only with another such number)."""
    if dialect == "sqlite":
        return f"CAST(julianday({column}) AS INTEGER)"
    return f"({column} - DATE '2000-01-01')"


def window_columns(dialect: str, alias: str = "e") -> tuple[str, str]:
    """SQL for an event's first day number and its last day less its first (EventTime)."""
    day = _day_number(f"{alias}.event_date", dialect)
    end = _day_number(f"{alias}.event_date_end", dialect)
    spans = f"{alias}.event_date_end IS NOT NULL AND {alias}.event_date_end > {alias}.event_date"
    midweek = ", ".join(f"'{name}'" for name in MIDWEEK_DATASETS)
    first = (f"({day} + CASE WHEN NOT ({spans}) AND {alias}.date_precision = 'week' "
             f"AND {alias}.dataset IN ({midweek}) THEN -3 ELSE 0 END)")
    length = (f"(CASE WHEN {spans} THEN {end} - {day} "
              f"WHEN {alias}.date_precision = 'week' THEN 6 "
              f"WHEN {alias}.date_precision = 'month' THEN {LONG_RECORD_DAYS} ELSE 0 END)")
    return first, length


_OFFSETS = " UNION ALL ".join(f"SELECT {n} AS n" for n in range(LONG_RECORD_DAYS))


def _windows(dialect: str, where: str) -> str:
    """Each matchable event of a dataset once per day it may stand for."""
    first, length = window_columns(dialect)
    return (
        f"SELECT w.id, w.first_day + o.n AS day, w.length + 1 AS days, w.latitude, "
        f"w.longitude FROM (SELECT e.id, e.latitude, e.longitude, {first} AS first_day, "
        f"{length} AS length FROM battlefield_event e WHERE {where} AND e.{COUNTED_SQL} "
        f"AND e.latitude IS NOT NULL AND e.longitude IS NOT NULL) w "
        # CROSS JOIN: SQLite keeps this order, reading each event once (the offsets
        # first would read the stretch once per offset).
        f"CROSS JOIN ({_OFFSETS}) o WHERE o.n <= w.length AND w.length < {LONG_RECORD_DAYS}"
    )


# -- distance ---------------------------------------------------------------------------------

def has_math_functions(connection: Connection) -> bool:
    """Whether the database computes sin() (PostgreSQL does; SQLite if built with it)."""
    if connection.dialect.name != "sqlite":
        return True
    try:
        with connection.begin_nested():
            connection.exec_driver_sql("SELECT sin(1)")
    except DBAPIError:
        return False
    return True


def haversine_sql(a: str, b: str) -> str:
    """Kilometres between the points of aliases *a* and *b*, on a sphere."""
    return (
        f"(2 * {EARTH_KM} * asin(sqrt("
        f"power(sin(radians({b}.latitude - {a}.latitude) / 2), 2) + "
        f"cos(radians({a}.latitude)) * cos(radians({b}.latitude)) * "
        f"power(sin(radians({b}.longitude - {a}.longitude) / 2), 2))))"
    )


def _squared_equirectangular_sql(a: str, b: str) -> str:
    """Squared kilometres between two points, flat at their mean latitude: arithmetic
    only (a cosine to the 8th power of its Taylor series, well inside 0.01 % below 80°)."""
    radian = math.pi / 180
    mean = f"(({a}.latitude + {b}.latitude) * {radian / 2})"
    square = f"({mean} * {mean})"
    cosine = (f"(1 - {square} / 2 + {square} * {square} / 24 - {square} * {square} * "
              f"{square} / 720 + {square} * {square} * {square} * {square} / 40320)")
    north = f"(({b}.latitude - {a}.latitude) * {KM_PER_DEGREE})"
    east = f"(({b}.longitude - {a}.longitude) * {KM_PER_DEGREE} * {cosine})"
    return f"({north} * {north} + {east} * {east})"


# -- the search ------------------------------------------------------------------------------

def _type_agreement(a: str, b: str) -> str:
    """1 for equal or compatible types, 0.5 where a type is unknown, 0 otherwise."""
    pairs = " OR ".join(
        f"({a}.event_type = :ta{i} AND {b}.event_type = :tb{i}) OR "
        f"({b}.event_type = :ta{i} AND {a}.event_type = :tb{i})"
        for i in range(len(COMPATIBLE_TYPES)))
    return (f"(CASE WHEN {a}.event_type = {b}.event_type OR {pairs} THEN 1.0 "
            f"WHEN {a}.event_type = '' OR {b}.event_type = '' THEN 0.5 ELSE 0.0 END)")


def _type_params() -> dict[str, str]:
    params: dict[str, str] = {}
    for i, (one, other) in enumerate(COMPATIBLE_TYPES):
        params[f"ta{i}"], params[f"tb{i}"] = one, other
    return params


def _within(figure: str, other: str) -> str:
    """*figure* inside *other*'s low..high estimates (its best alone where it has none)."""
    return (f"{figure} BETWEEN coalesce({other}.fatalities_low, {other}.fatalities) "
            f"AND coalesce({other}.fatalities_high, {other}.fatalities)")


def _fatality_agreement(a: str, b: str) -> str:
    """1 when one side's figure is inside the other's estimates, else how close they are;
    0.5 when either is unknown."""
    larger = f"(CASE WHEN {a}.fatalities > {b}.fatalities THEN {a}.fatalities " \
             f"ELSE {b}.fatalities END)"
    return (f"(CASE WHEN {a}.fatalities IS NULL OR {b}.fatalities IS NULL THEN 0.5 "
            f"WHEN {_within(f'{a}.fatalities', b)} OR {_within(f'{b}.fatalities', a)} "
            f"THEN 1.0 ELSE 1.0 - abs({a}.fatalities - {b}.fatalities) * 1.0 / {larger} END)")


def candidates_sql(dialect: str, math_functions: bool) -> str:
    """The statement inserting one stretch's pairs (:left, :start..:stop) into
    event_match, scored; pairs already there, either way round, are left as they are."""
    if math_functions:
        near = f"{haversine_sql('l', 'k')} AS km"
        distance = "p.km"
        close = "p.km <= :max_km"
    else:
        near = f"{_squared_equirectangular_sql('l', 'k')} AS km"
        distance = "sqrt(p.km)"
        close = "p.km <= :max_km * :max_km"
    probe = (
        f"SELECT l.id AS left_id, k.event_id AS right_id, l.days AS left_days, "
        f"k.days AS right_days, {near} FROM ({_windows(dialect, where=_LEFT_STRETCH)}) l "
        f"JOIN {KEY_TABLE} k ON k.day = l.day "
        "AND k.latitude BETWEEN l.latitude - :dlat AND l.latitude + :dlat "
        "AND k.longitude BETWEEN l.longitude - :dlon AND l.longitude + :dlon"
    )
    pairs = (f"SELECT left_id, right_id, count(*) AS shared, max(left_days) AS left_days, "
             f"max(right_days) AS right_days, min(km) AS km FROM ({probe}) probe "
             "GROUP BY left_id, right_id")
    days = "p.shared * 1.0 / (p.left_days + p.right_days - p.shared)"
    score = (f"round(CAST({WEIGHTS['distance']} * (1.0 - {distance} / :max_km) + "
             f"{WEIGHTS['days']} * {days} + {WEIGHTS['type']} * {_type_agreement('a', 'b')} + "
             f"{WEIGHTS['fatalities']} * {_fatality_agreement('a', 'b')} AS NUMERIC), 3)")
    conflict = "ON CONFLICT (left_id, right_id) DO NOTHING"
    return (
        "INSERT INTO event_match (left_id, right_id, score, distance_km, status, found_at, "
        f"decided_by) SELECT p.left_id, p.right_id, {score}, round(CAST({distance} AS "
        f"NUMERIC), 3), 'proposed', :found_at, '' FROM ({pairs}) p "
        "JOIN battlefield_event a ON a.id = p.left_id "
        f"JOIN battlefield_event b ON b.id = p.right_id WHERE {close} "
        f"AND {_type_agreement('a', 'b')} > 0 "
        "AND NOT EXISTS (SELECT 1 FROM event_match m WHERE m.left_id = p.right_id "
        f"AND m.right_id = p.left_id) {conflict}"
    )


_LEFT_STRETCH = "e.dataset = :left AND e.event_date >= :start AND e.event_date < :stop"


def key_table_sql(dialect: str) -> list[str]:
    """Statements building the right dataset's (day, place) table, and its index."""
    temporary = "CREATE TEMPORARY TABLE" + (" IF NOT EXISTS" if dialect == "sqlite" else "")
    return [
        f"DROP TABLE IF EXISTS {KEY_TABLE}",
        f"{temporary} {KEY_TABLE} (event_id INTEGER NOT NULL, day INTEGER NOT NULL, "
        "days INTEGER NOT NULL, latitude FLOAT NOT NULL, longitude FLOAT NOT NULL)",
        f"INSERT INTO {KEY_TABLE} (event_id, day, days, latitude, longitude) "
        f"{_windows(dialect, where='e.dataset = :right')}",
        f"CREATE INDEX {KEY_TABLE}_day ON {KEY_TABLE} (day, latitude, longitude)",
    ]


def bounding_box(connection: Connection, terms: SearchTerms) -> tuple[float, float]:
    """Half the box's height and width in degrees: wide enough at the two datasets'
    latitude farthest from the equator."""
    farthest = connection.execute(text(
        "SELECT max(abs(latitude)) FROM battlefield_event WHERE dataset IN (:left, :right)"),
        {"left": terms.left, "right": terms.right}).scalar()
    dlat = terms.max_km / KM_PER_DEGREE
    edge = min(89.0, float(farthest or 0.0) + dlat)
    return dlat, min(180.0, dlat / math.cos(math.radians(edge)))


def stretches(connection: Connection, dataset: str) -> list[tuple[date, date]]:
    """The left dataset's days, STRETCH_DAYS at a time: [start, stop) pairs."""
    first, last = connection.execute(text(
        "SELECT min(event_date), max(event_date) FROM battlefield_event "
        "WHERE dataset = :dataset"), {"dataset": dataset}).one()
    if first is None:
        return []
    first, last = _as_date(first), _as_date(last)
    found: list[tuple[date, date]] = []
    while first <= last:
        stop = first + timedelta(days=STRETCH_DAYS)
        found.append((first, stop))
        first = stop
    return found


def _as_date(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def find_pairs(connection: Connection, terms: SearchTerms,
               step: Callable[[int, int], None]) -> int:
    """Insert the pairs of *terms* into event_match, in the caller's transaction; returns
    how many were added. *step(done, total)* is called before each stretch and after the
    last; it may raise to stop (the caller's transaction then rolls back)."""
    dialect = connection.dialect.name
    math_functions = has_math_functions(connection)
    if not math_functions:
        connection.connection.driver_connection.create_function(  # type: ignore[union-attr]
            "sqrt", 1, math.sqrt, deterministic=True)
    parts = stretches(connection, terms.left)
    step(0, len(parts) + 1)
    with _larger_cache(connection):
        for statement in key_table_sql(dialect):
            connection.execute(text(statement), {"right": terms.right})
        dlat, dlon = bounding_box(connection, terms)
        insert = text(candidates_sql(dialect, math_functions)).bindparams(
            bindparam("found_at", type_=UTCDateTime()), bindparam("start", type_=Date()),
            bindparam("stop", type_=Date()))
        params = {"left": terms.left, "max_km": terms.max_km, "dlat": dlat, "dlon": dlon,
                  "found_at": utc_now(), **_type_params()}
        added = 0
        for done, (start, stop) in enumerate(parts, start=1):
            step(done, len(parts) + 1)
            added += connection.execute(insert, {**params, "start": start,
                                                 "stop": stop}).rowcount
        connection.execute(text(f"DROP TABLE IF EXISTS {KEY_TABLE}"))
    step(len(parts) + 1, len(parts) + 1)
    return added


@contextmanager
def _larger_cache(connection: Connection) -> Iterator[None]:
    """SQLite's page cache, main and temporary, at SEARCH_CACHE_KIB while the search runs
    (the default 2 MiB holds little of the (day, place) index every probe descends, or of
    event_match's indexes every pair is inserted into); as it was afterwards."""
    if connection.dialect.name != "sqlite":
        yield
        return
    kept = {schema: connection.exec_driver_sql(f"PRAGMA {schema}.cache_size").scalar()
            for schema in ("main", "temp")}
    try:
        for schema in kept:
            connection.exec_driver_sql(f"PRAGMA {schema}.cache_size=-{SEARCH_CACHE_KIB}")
        yield
    finally:
        for schema, size in kept.items():
            # 0 is what SQLite reports for a size never set (the temporary schema's, once
            # something was made in it): set back as 0 it would be the smallest cache
            # there is, one page before spilling, for the rest of the connection's life.
            restored = int(size) if size else SQLITE_DEFAULT_CACHE_SIZE
            connection.exec_driver_sql(f"PRAGMA {schema}.cache_size={restored}")
