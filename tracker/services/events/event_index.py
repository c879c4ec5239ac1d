"""How event queries walk the indexes: sort keys, keyset ranges, distinct values by seeks.

Every sort of the Events view is the column order of one index (``sort_keys``), so a
page is read straight off it. A page next to one already shown starts from that row's
key instead of an OFFSET (``ranges_after``): SQLite has no counted B-trees, so OFFSET n
steps over n entries, while a keyset range is one seek. The rows after a key are given
as a short list of disjoint ranges, each a plain index range, read in order.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from tracker.domain.events import BattlefieldEvent

# Columns the Events view may sort by, in display order; names are BattlefieldEvent fields.
SORTABLE = (
    "event_date", "event_type", "sub_event_type", "target_category", "location", "admin1",
    "fatalities", "injuries", "actor1", "dataset", "external_id",
)

Key = InstrumentedAttribute[Any]
Range = list[ColumnElement[bool]]


def sort_keys(sort: str) -> list[Key]:
    """The full ORDER BY of the Events view for a sort column: the column, then tie-breaks.

    Every key list is the column order of one index, all in one direction, so a page
    deep in a million events is read straight off the index: SQLite appends the rowid
    to every index, so (column, event_date) serves (column, event_date, id). A sort by
    dataset or by id uses the unique (dataset, external_id) index, which is total by
    itself. On PostgreSQL, which appends nothing, migration 0007 makes each index
    (column, event_date, id). Unknown counts are the least value, before every number
    ascending and after every number descending, on both databases (``ordered``):
    putting them last both ways would take an ORDER BY expression no index can serve
    (a temporary B-tree over every row, seconds per page).
    """
    if sort not in SORTABLE:
        raise ValueError(f"Cannot sort events by {sort!r}")
    event = BattlefieldEvent
    if sort in ("dataset", "external_id"):
        return [event.dataset, event.external_id]
    column: Key = getattr(event, sort)
    if sort == "event_date":
        return [column, event.id]
    return [column, event.event_date, event.id]


def ordered(keys: list[Key], *, descending: bool) -> list[ColumnElement[Any]]:
    """The ORDER BY of *keys*, NULL the least value on either database.

    SQLite sorts NULL first ascending by itself, PostgreSQL last, so a nullable key says
    NULLS FIRST (ascending) or NULLS LAST (descending) in so many words: the same order
    on both, which SQLite's indexes serve as they are and PostgreSQL's are built for
    (migration 0007: ``fatalities NULLS FIRST``).
    """
    order: list[ColumnElement[Any]] = []
    for key in keys:
        if not _nullable(key):
            order.append(key.desc() if descending else key.asc())
        else:
            order.append(key.desc().nulls_last() if descending else key.asc().nulls_first())
    return order


def _nullable(key: Key) -> bool:
    return bool(BattlefieldEvent.__table__.c[key.key].nullable)


def ranges_after(keys: list[Key], values: tuple[Any, ...], *,
                 descending: bool) -> list[Range]:
    """Disjoint index ranges that hold, in this order, the rows after *values* in the
    ORDER BY of *keys* (all ascending, or all descending).

    For keys (a, b, c): a = x AND b = y AND c > z, then a = x AND b > y, then a > x.
    Each is one plain range of the index, which SQLite seeks to and counts entry by
    entry; a row value, (a, b, c) > (x, y, z), is tested on every entry instead (2.5
    times slower to count). The rows before *values* are the ranges of
    ``descending=not descending``. Only the first key can be NULL (dates, ids and
    datasets never are); NULL is the least value (``ordered``).
    """
    def beyond(key: Key, value: Any) -> ColumnElement[bool]:
        return key < value if descending else key > value

    ranges: list[Range] = []
    for depth in range(len(keys) - 1, 0, -1):
        ties: Range = [key == value for key, value in zip(keys[1:depth], values[1:depth],
                                                          strict=True)]
        ranges.append([_equal(keys[0], values[0]), *ties, beyond(keys[depth], values[depth])])
    column, value = keys[0], values[0]
    if not _nullable(column):
        return [*ranges, [beyond(column, value)]]  # no NULL range: a scan to find none
    nulls_first = not descending
    if value is None:
        return ranges + ([[column.is_not(None)]] if nulls_first else [])
    ranges.append([beyond(column, value)])
    if not nulls_first:
        ranges.append([column.is_(None)])
    return ranges


def _equal(key: Key, value: Any) -> ColumnElement[bool]:
    return key.is_(None) if value is None else key == value


def key_values(keys: list[Key], row: Any) -> tuple[Any, ...]:
    """The values of *keys* in a row snapshot that has every key as an attribute."""
    return tuple(getattr(row, key.key) for key in keys)


def distinct_values(session: Session, column: Key) -> list[Any]:
    """The distinct values of an indexed column, in order, one index seek per value.

    ``SELECT DISTINCT`` reads every entry of the index (a million for a million events);
    this recursive query asks for the least value above the last one found, min() that
    the (column, …) index answers with one seek, so a handful of event types costs a
    handful of seeks. (SQLite's own skip-scan needs ANALYZE statistics first.)
    """
    found = select(select(func.min(column)).scalar_subquery().label("value")) \
        .cte("found", recursive=True)
    step = select(
        select(func.min(column)).where(column > found.c.value).scalar_subquery()
    ).where(found.c.value.is_not(None))
    found = found.union_all(step)
    query: Select[Any] = select(found.c.value).where(found.c.value.is_not(None))
    return list(session.execute(query).scalars())
