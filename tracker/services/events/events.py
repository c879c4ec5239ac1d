"""Battlefield events: filtered counts and pages in SQL, never the whole table in Python.

The Events view asks for the rows it shows (``fetch_events``: a page by position, or the
page next to rows it already has) and for the total (``count_events``); sorting and
filtering are ORDER BY and WHERE over the indexes in the schema (see ``event_index``),
and words and places go through the FTS5 index on SQLite, a tsvector on PostgreSQL.
"""

from __future__ import annotations

import operator
import re
import unicodedata
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from functools import reduce
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    bindparam,
    false,
    func,
    literal_column,
    or_,
    select,
    text,
)
from sqlalchemy.orm import Session

from tracker.domain.events import BattlefieldEvent, EventLink
from tracker.domain.factors import Factor
from tracker.domain.negotiation import Round
from tracker.domain.wording import say
from tracker.services.common.errors import NotFoundError, ValidationError
from tracker.services.common.views import EventDetail, EventLinkInfo, EventRow
from tracker.services.events.event_countries import place_country_code
from tracker.services.events.event_index import (
    SORTABLE,
    distinct_values,
    key_values,
    ordered,
    ranges_after,
    sort_keys,
)
from tracker.services.events.place_walk import first_page_in_place
from tracker.services.events.search_terms import Expander, term_expander
from tracker.services.events.word_walk import first_rows_probed
from tracker.services.records.citations import sources_for
from tracker.storage.changed_events import LAST_EXPORT, changed_after
from tracker.storage.day_counts import counts_are_kept
from tracker.storage.deferred_build import require_categories, require_search

__all__ = ["LAST_EXPORT", "SORTABLE", "EventFilter", "count_events", "day_counts_answer",
           "event_conditions", "event_position", "fetch_events", "sort_keys"]

_ROW_COLUMNS = tuple(column.name for column in fields(EventRow))
# Words as FTS5's unicode61 tokenizer splits them: letters, digits and combining accents
# (which it keeps inside a word, then drops); the underscore is a separator there.
_FTS_TOKEN = re.compile(r"[\u0300-\u036f]*(?:[^\W_][\u0300-\u036f]*)+", re.UNICODE)
_PLACE_COLUMNS = "{location admin1 admin2}"


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What the user narrowed the Events view to. Empty fields do not filter."""

    date_from: date | None = None
    date_to: date | None = None
    event_types: tuple[str, ...] = field(default_factory=tuple)
    place: str = ""
    text: str = ""
    target_category: str = ""
    # Only events added, corrected or withdrawn after this instant, or after the last
    # export (LAST_EXPORT); None: whenever (issue 17, services/exports/changes_since.py).
    changed_since: datetime | str | None = None
    # Only events whose category a rule suggested and no analyst has reviewed yet.
    unreviewed: bool = False

    def __post_init__(self) -> None:
        if self.date_from and self.date_to and self.date_to < self.date_from:
            raise ValidationError("date_to", "The end date is before the start date")


def _words(typed: str) -> list[str]:
    """The words of what the user typed, composed (NFC) first, so that an accent typed as
    a separate combining mark stays in its word."""
    return _FTS_TOKEN.findall(unicodedata.normalize("NFC", typed))


def _fts_query(flt: EventFilter, expand: Expander | None = None) -> str | None:
    """The place and the words as one FTS5 query, None when neither is given, "" when
    they hold no word at all, or a prefix no term of the index starts with (then nothing
    matches).

    Every word of the text must appear somewhere, as a prefix; the place is a phrase in
    the location, district or region whose last word is a prefix ("kharkiv" finds
    Kharkiv and Kharkivska), the way a place is typed. A substring test (LIKE '%…%')
    would read every row of a million to count them; the index answers in milliseconds.
    Quoting each token keeps FTS5 operators typed by a user (AND, NEAR, *, quotes) from
    being read as syntax. With *expand* (``search_terms.term_expander``), a prefix is
    written as the terms the index has under it where that is certain: the same matches,
    without FTS5 merging the terms' lists first.
    """
    parts = []
    if flt.place.strip():
        words = _words(flt.place)
        if not words:
            return ""
        parts.append(f"{_PLACE_COLUMNS} : {_prefixed(words[:-1], words[-1], expand)}")
    if flt.text.strip():
        words = _words(flt.text)
        if not words:
            return ""
        parts.extend(_prefixed([], word, expand) for word in words)
    if any(part.endswith(_NO_TERM) for part in parts):
        return ""
    return " AND ".join(parts) if parts else None


_NO_TERM = "()"


def _prefixed(before: list[str], last: str, expand: Expander | None) -> str:
    """The phrase *before* + *last*, *last* a prefix: ``"a b"*``, or the phrases of the
    terms under *last* joined by OR (``()`` when there is none)."""
    terms = expand(last) if expand is not None else None
    if terms is None:
        return '"' + " ".join([*before, last]) + '"*'
    phrases = ['"' + " ".join([*before, term]) + '"' for term in terms]
    return "(" + " OR ".join(phrases) + ")"


def _is_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def _plain_conditions(session: Session, flt: EventFilter) -> list[ColumnElement[bool]]:
    """The conditions the (column, event_date) indexes answer: dates, types, target."""
    if flt.target_category or flt.unreviewed:
        # Never "no energy strikes" while an import's categories are being decided.
        require_categories(session.connection())
    conditions: list[ColumnElement[bool]] = []
    event = BattlefieldEvent
    if flt.date_from:
        conditions.append(event.event_date >= flt.date_from)
    if flt.date_to:
        conditions.append(event.event_date <= flt.date_to)
    if flt.event_types:
        conditions.append(event.event_type.in_(flt.event_types))
    if flt.target_category:
        conditions.append(event.target_category == flt.target_category)
    if flt.changed_since is not None:
        conditions.append(changed_after(flt.changed_since))
    if flt.unreviewed:
        conditions.append(event.target_source == "rule")
    return conditions


def _conditions(session: Session, flt: EventFilter, *,
                walk: bool = False) -> list[ColumnElement[bool]]:
    """The WHERE clause of *flt*. With *walk*, words are tested while walking the sort
    index in order (``_walks_the_index``) instead of looking up every matching row.

    A place that names a country in full (``place_country_code``) also finds that
    country's events: (place in the text index OR country code) AND the words."""
    conditions = _plain_conditions(session, flt)
    code = place_country_code(flt.place)
    if not code:
        return [*conditions, *_text_match(session, flt, walk=walk)]
    # The country's name stays a prefix: every event there may name it, and finding
    # the term after so common a one reads past its whole list (5-10 ms at a million).
    in_place = _text_match(session, EventFilter(place=flt.place), walk=walk, expand=False)
    conditions.append(or_(*in_place, BattlefieldEvent.country_code == code))
    return [*conditions, *_text_match(session, EventFilter(text=flt.text), walk=walk)]


def _text_match(session: Session, flt: EventFilter, *, walk: bool,
                expand: bool = True) -> list[ColumnElement[bool]]:
    """The place and words of *flt* as a full-text condition (none when neither)."""
    if _is_sqlite(session):
        query = _fts_query(flt)
        if query is None:
            return []
        if query == "":
            return [false()]
        require_search(session.connection())  # never a stale index's matches
        query = _fts_query(flt, term_expander(session) if expand else None) or ""
        if query == "":
            return [false()]
        # "id + 0" is no column, so SQLite cannot look the matches up by rowid and
        # reads the sort index instead, testing each entry against the match list.
        event_id = BattlefieldEvent.id + 0 if walk else BattlefieldEvent.id
        return [event_id.in_(_fts_rowids(query))]
    query = _tsquery(flt)
    if query is None:
        return []
    if query == "":
        return [false()]
    # search: the tsvector column PostgreSQL's migrations 0006 and 0007 add (not in
    # the model), of text folded as FTS5 folds it; the query is folded the same way.
    return [literal_column("battlefield_event.search").bool_op("@@")(
        func.to_tsquery(literal_column("'simple'::regconfig"),
                        func.tracker_search_fold(query)))]


def _tsquery(flt: EventFilter) -> str | None:
    """The place and the words as one PostgreSQL tsquery, as ``_fts_query`` for FTS5:
    None for neither, "" when they hold no word. Every word is a prefix (``:*``); the
    place is a phrase (``<->``) of words weighted A, the location columns (migration
    0006). Only letters and digits reach the query, so no user text is read as syntax.
    """
    parts = []
    if flt.place.strip():
        words = _words(flt.place)
        if not words:
            return ""
        *before, last = words
        parts.append(" <-> ".join([*(f"{word}:A" for word in before), f"{last}:*A"]))
    if flt.text.strip():
        words = _words(flt.text)
        if not words:
            return ""
        parts.extend(f"{word}:*" for word in words)
    return " & ".join(f"({part})" for part in parts) if parts else None


def event_conditions(session: Session, flt: EventFilter) -> list[ColumnElement[bool]]:
    """The WHERE clause of *flt*, for services that aggregate the events the Events view
    shows (the analysis) rather than page through them."""
    return _conditions(session, flt)


def day_counts_answer(session: Session, flt: EventFilter | None) -> bool:
    """Whether the per-day counts (``event_day_count``) can stand in for the events that
    *flt* selects: they know days, types and target categories, not places or words,
    and only where the database keeps them current (``counts_are_kept``)."""
    if flt is not None and (flt.place.strip() or flt.text.strip()
                            or flt.changed_since is not None):
        return False
    return counts_are_kept(session.connection())


def _fts_rowids(query: str) -> Select[Any]:
    # unique: a country place and words are two matches in one statement (issue 19).
    return select(text("rowid")).select_from(text("battlefield_event_fts")) \
        .where(text("battlefield_event_fts MATCH :fts_query").bindparams(
            bindparam("fts_query", query, unique=True)))


def count_events(session: Session, flt: EventFilter | None = None) -> int:
    """How many events match, counted in SQL.

    count(*), never count(id): without a WHERE clause SQLite counts the cells of the
    B-tree pages (about 10 ms for a million rows) instead of reading every entry. Words
    alone are counted in the full-text index itself: joining each match to its event
    first would cost a lookup per match.
    """
    flt = flt or EventFilter()
    query = _words_only_query(session, flt)
    if query:
        require_search(session.connection())  # never a stale index's count
        return session.scalar(select(func.count()).select_from(text("battlefield_event_fts"))
                              .where(text("battlefield_event_fts MATCH :fts_query")
                                     .bindparams(fts_query=query))) or 0
    conditions = _conditions(session, flt)
    return session.scalar(
        select(func.count()).select_from(BattlefieldEvent).where(*conditions)) or 0


def fetch_events(
    session: Session, flt: EventFilter | None = None, *, sort: str = "event_date",
    descending: bool = False, offset: int = 0, limit: int = 200,
    after: EventRow | None = None, before: EventRow | None = None, total: int | None = None,
) -> list[EventRow]:
    """Rows in ``sort_keys`` order, so pages never overlap or skip.

    Which rows: the *limit* rows right *after* a row the caller already has, or right
    *before* one (keyset: one index seek, however deep); otherwise those from *offset*.
    Given the *total*, an offset in the second half is read from the end backwards, so
    the last page costs what the first does.
    """
    flt = flt or EventFilter()
    keys = sort_keys(sort)
    if total is None and offset == 0 and after is None and before is None:
        walked = _first_page_in_place(session, flt, keys, descending, limit)
        if walked is None:
            walked = _first_page_probed(session, flt, keys, descending, limit)
        if walked is None:
            walked = _first_page_walked(session, flt, keys, descending, limit)
        if walked is not None:
            return walked
    conditions = _conditions(session, flt, walk=_walks_the_index(session, flt, total))
    if after is not None or before is not None:
        anchor = after if after is not None else before
        backwards = after is None
        ranges = ranges_after(keys, key_values(keys, anchor), descending=descending != backwards)
        rows: list[EventRow] = []
        for bounds in ranges:
            if len(rows) >= limit:
                break
            rows += _page(session, [*conditions, *bounds], keys, descending != backwards,
                          0, limit - len(rows))
        return rows[::-1] if backwards else rows
    if total is not None and offset > 0 and total - offset - limit < offset:
        # The page lies nearer the end: read it in the opposite order, then turn it round.
        count = min(limit, total - offset)
        if count <= 0:
            return []
        rows = _page(session, conditions, keys, not descending, total - offset - count, count)
        return rows[::-1]
    return _page(session, conditions, keys, descending, offset, limit)


# Matches from which a page of words alone is read in index order (see below).
DENSE_MATCHES = 10_000
# Index entries a first page of words alone walks before it gives up (see below).
FIRST_WALK_ENTRIES = 20_000


def _first_page_walked(session: Session, flt: EventFilter, keys: list[Any],
                       descending: bool, limit: int) -> list[EventRow] | None:
    """The first page of a words-only filter read by walking the first entries of the
    sort index, or None when that walk does not find a whole page.

    Before the count (issue 19) nothing says whether the words are common enough to walk
    the index (``_walks_the_index``), and counting the matches even as far as a
    threshold costs FTS5 a full match (it expands a prefix before it can stop): as
    much as the walk itself. Walking only the first FIRST_WALK_ENTRIES entries costs
    one match and a few thousand entries; common words (or a country) fill the page
    there, and what a walk of the first entries finds first is what the whole order
    has first. Rare words fall back to the usual plan. Sorts whose first key may be
    NULL are left to it.
    """
    if not _is_sqlite(session) or _plain_conditions(session, flt) or not _fts_query(flt) \
            or _nullable_key(keys[0]):
        return None
    first = keys[0]
    edge = session.scalar(select(first).order_by(*ordered(keys, descending=descending))
                          .offset(FIRST_WALK_ENTRIES - 1).limit(1))
    if edge is None:
        return None  # a small table: the usual plan is cheap
    within = first >= edge if descending else first <= edge
    rows = _page(session, [*_conditions(session, flt, walk=True), within], keys,
                 descending, 0, limit)
    return rows if len(rows) >= limit else None


def _first_page_in_place(session: Session, flt: EventFilter, keys: list[Any],
                         descending: bool, limit: int) -> list[EventRow] | None:
    """The first page of a place (a location, district or region, with or without dates,
    types and the rest, but no words) read by walking the sort index
    (``place_walk``), or None where that walk gives way to the usual plan."""
    if not _is_sqlite(session) or not flt.place.strip() or flt.text.strip() \
            or place_country_code(flt.place) or not _fts_query(flt):
        return None
    require_search(session.connection())  # never a stale index's matches
    query = _fts_query(flt, term_expander(session))
    if not query:
        return None  # no term under the place: the usual plan finds nothing at once
    columns = [getattr(BattlefieldEvent, name) for name in _ROW_COLUMNS]
    return first_page_in_place(session, columns, _plain_conditions(session, flt),
                               ordered(keys, descending=descending), query, limit)


def _first_page_probed(session: Session, flt: EventFilter, keys: list[Any],
                       descending: bool, limit: int) -> list[EventRow] | None:
    """The first page of words (with a place that is not a country, dates, types and
    the rest) read by walking the sort index and asking the full-text index about each
    event (``word_walk``), or None where that walk gives way to the list of matches."""
    if not _is_sqlite(session) or not flt.text.strip() or place_country_code(flt.place) \
            or not _fts_query(flt):
        return None
    require_search(session.connection())  # never a stale index's matches
    query = _fts_query(flt, term_expander(session))
    if not query:
        return None  # a prefix no term starts with: the usual plan finds nothing at once
    columns = [getattr(BattlefieldEvent, name) for name in _ROW_COLUMNS]
    return first_rows_probed(session, columns, _plain_conditions(session, flt),
                             ordered(keys, descending=descending), query, limit)


def _nullable_key(key: Any) -> bool:
    return bool(BattlefieldEvent.__table__.c[key.key].nullable)


def _walks_the_index(session: Session, flt: EventFilter, total: int | None) -> bool:
    """Whether a page of a words-only filter should walk the sort index.

    SQLite's own plan looks every match up by rowid and sorts them all: 0.3 s for the
    160,000 events of a million that name Kharkiv. Walking the sort index in order and
    testing each entry against the match list stops after a page of matches, which for
    common words comes soon (80 ms there, most of it reading the matches); for rare
    words the walk would go a long way, and the sort of a few matches is cheap. Below
    about 10,000 matches in a million events, the sort wins.
    """
    if not _is_sqlite(session) or _plain_conditions(session, flt) or not _fts_query(flt):
        return False
    if total is None:
        # The first page comes before the count (issue 19): count the matches only as
        # far as the threshold (a few milliseconds for common words or a country).
        query = _words_only_query(session, flt)
        first: Select[Any] = select(text("rowid")).select_from(
            text("battlefield_event_fts")).where(text(
                "battlefield_event_fts MATCH :fts_query").bindparams(fts_query=query)) \
            if query else select(BattlefieldEvent.id).where(*_conditions(session, flt))
        total = session.scalar(select(func.count()).select_from(
            first.limit(DENSE_MATCHES).subquery())) or 0
    return total >= DENSE_MATCHES


def _words_only_query(session: Session, flt: EventFilter) -> str | None:
    """The FTS5 query of a filter that is words and a place alone (no dates, types or
    country), which the text index answers by itself, its prefixes written as the index's
    terms ("" when a prefix has none: nothing matches); None for any other filter."""
    if not _is_sqlite(session) or _plain_conditions(session, flt):
        return None
    query = _fts_query(flt)
    if not query or place_country_code(flt.place):
        return None
    require_search(session.connection())  # the terms of a current index
    return _fts_query(flt, term_expander(session)) or ""


def _page(session: Session, conditions: list[ColumnElement[bool]], keys: list[Any],
          descending: bool, offset: int, limit: int) -> list[EventRow]:
    """One ORDER BY … LIMIT over an index; past an OFFSET, ids first, then their rows.

    Stepping over n entries of the covering (column, event_date, rowid) index is about
    three times faster than over the rows themselves, and only *limit* rows are read.
    """
    columns = [getattr(BattlefieldEvent, name) for name in _ROW_COLUMNS]
    order = ordered(keys, descending=descending)
    if offset == 0:
        query = select(*columns).where(*conditions).order_by(*order).limit(limit)
        return [EventRow(*row) for row in session.execute(query)]
    ids = list(session.scalars(select(BattlefieldEvent.id).where(*conditions)
                               .order_by(*order).offset(offset).limit(limit)))
    found = {row.id: row for row in session.execute(
        select(*columns).where(BattlefieldEvent.id.in_(ids)))}
    return [EventRow(*found[event_id]) for event_id in ids if event_id in found]


def event_position(
    session: Session, flt: EventFilter, event_id: int, *, sort: str = "event_date",
    descending: bool = False,
) -> int | None:
    """The 0-based row of *event_id* under *flt* and the sort, or None if it is filtered out.

    Counted in SQL, so the Events view can scroll to one event among a million: the row
    number is how many filtered rows ``fetch_events`` puts before it, the sum of a count
    over each index range before its key (see ``event_index.ranges_after``).
    """
    keys = sort_keys(sort)
    event = BattlefieldEvent
    conditions = _conditions(session, flt)
    found = session.execute(select(*keys).where(event.id == event_id, *conditions)).first()
    if found is None:
        return None
    ranges = ranges_after(keys, tuple(found), descending=not descending)
    counts = [select(func.count()).select_from(event).where(*conditions, *bounds)
              .scalar_subquery() for bounds in ranges]
    return session.scalar(select(reduce(operator.add, counts))) or 0


def event_row(session: Session, event_id: int) -> EventRow:
    columns = [getattr(BattlefieldEvent, name) for name in _ROW_COLUMNS]
    found = session.execute(
        select(*columns).where(BattlefieldEvent.id == event_id)
    ).first()
    if found is None:
        raise NotFoundError(f"Event {event_id} does not exist")
    return EventRow(*found)


def event_types(session: Session) -> list[str]:
    """Distinct types, one seek each on the (event_type, event_date) index."""
    return distinct_values(session, BattlefieldEvent.event_type)


def target_categories(session: Session) -> list[str]:
    """Distinct target categories but the empty one, off their index the same way."""
    return [value for value in distinct_values(session, BattlefieldEvent.target_category)
            if value]


def event_detail(session: Session, event_id: int) -> EventDetail:
    """The event, what it is linked to, and its sources."""
    row = event_row(session, event_id)
    links = session.execute(
        select(EventLink, Round.title, Factor.name)
        .outerjoin(Round, Round.id == EventLink.round_id)
        .outerjoin(Factor, Factor.id == EventLink.factor_id)
        .where(EventLink.event_id == event_id,
               # A deleted round is hidden everywhere else, so its links are too; they
               # stay in the database and come back with the round.
               or_(EventLink.round_id.is_(None), Round.deleted_at.is_(None)))
        .order_by(EventLink.id)
    )
    infos = tuple(
        EventLinkInfo(link.id, link.round_id, link.factor_id,
                      say("Round: {title}").format(title=title) if title
                      else say("Factor: {name}").format(name=name), link.kind, link.note,
                      link.version)
        for link, title, name in links
    )
    return EventDetail(row, infos, sources_for(session, "event_id", event_id))
