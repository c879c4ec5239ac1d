"""The Events view's queries stay index-bound: keyset pages, pages from the far end,
positions, choices and counts, proved by their rows and their plans (issue 3).

A small database answers with the same plans as a million-event one, so each test runs
in milliseconds; the plans are what keeps a million events instant. The rows are checked
on both backends; the plans here are SQLite's (sqlite_only), PostgreSQL's are in
test_postgres_plans.py.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import insert

from tests.query_plans import limit_and_offset, plans_of, statements_of
from tests.services.generated_events import generated_events
from tracker.domain.events import BattlefieldEvent
from tracker.services.common.views import EventRow
from tracker.services.events import events
from tracker.services.events.events import (
    SORTABLE,
    EventFilter,
    count_events,
    event_position,
    event_types,
    fetch_events,
    target_categories,
)
from tracker.storage.database import Database

SORT_INDEXES = {
    "event_date": "ix_battlefield_event_date",
    "event_type": "ix_battlefield_event_type_date",
    "sub_event_type": "ix_battlefield_event_sub_type_date",
    "target_category": "ix_battlefield_event_target_date",
    "location": "ix_battlefield_event_location_date",
    "admin1": "ix_battlefield_event_admin1_date",
    "fatalities": "ix_battlefield_event_fatalities_date",
    "injuries": "ix_battlefield_event_injuries_date",
    "actor1": "ix_battlefield_event_actor1_date",
    "dataset": "sqlite_autoindex_battlefield_event_1",
    "external_id": "sqlite_autoindex_battlefield_event_1",
}
EVENTS = 600


@pytest.fixture
def many(db: Database) -> Database:
    """600 events over 40 days, inserted out of date order (ids do not follow dates, as
    after a real import), with ties on every column and unknown counts."""
    rows = generated_events(EVENTS, first_day=date(2025, 3, 1), days=40)
    with db.transaction() as session:
        session.execute(insert(BattlefieldEvent), rows)
    return db


def _all(db: Database, flt: EventFilter, sort: str, descending: bool) -> list[EventRow]:
    with db.reading() as session:
        return fetch_events(session, flt, sort=sort, descending=descending, limit=10_000)


@pytest.mark.parametrize("sort", SORTABLE)
@pytest.mark.parametrize("descending", [False, True])
def test_pages_after_before_and_from_the_end_are_the_offset_pages(
        many: Database, sort: str, descending: bool) -> None:
    whole = _all(many, EventFilter(), sort, descending)
    assert len(whole) == EVENTS
    size = 37
    with many.reading() as session:
        for offset in (0, 37, 111, 296, 555, EVENTS - 1):
            expected = whole[offset:offset + size]
            kwargs = {"sort": sort, "descending": descending, "limit": size}
            if offset:
                assert fetch_events(session, after=whole[offset - 1], **kwargs) == expected
            if offset + size < EVENTS:
                assert fetch_events(session, before=whole[offset + size], **kwargs) == expected
            assert fetch_events(session, offset=offset, total=EVENTS, **kwargs) == expected


def test_filtered_pages_agree_whichever_way_they_are_read(
        many: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    words = EventFilter(text="substation")
    whole = _all(many, words, "location", False)
    assert len(whole) == EVENTS // 5
    # Dense matches walk the sort index; force that on this small table too.
    monkeypatch.setattr(events, "DENSE_MATCHES", 1)
    with many.reading() as session:
        total = len(whole)
        assert fetch_events(session, words, sort="location", limit=500, total=total) == whole
        assert fetch_events(session, words, sort="location", after=whole[9], limit=20,
                            total=total) == whole[10:30]
        assert fetch_events(session, words, sort="location", offset=100, limit=30,
                            total=total) == whole[100:120]


@pytest.mark.sqlite_only
@pytest.mark.parametrize("sort", SORTABLE)
@pytest.mark.parametrize("descending", [False, True])
def test_a_page_next_to_a_shown_one_seeks_the_sort_index(
        many: Database, sort: str, descending: bool) -> None:
    whole = _all(many, EventFilter(), sort, descending)
    for anchor in (whole[250], whole[0], whole[-1]):
        for side in ("after", "before"):
            _rows, statements = plans_of(many, lambda s, side=side, anchor=anchor: fetch_events(
                s, sort=sort, descending=descending, limit=50, **{side: anchor}))
            for statement in statements:
                assert SORT_INDEXES[sort] in statement.plan_text, statement
                assert not statement.scans_events(), statement  # seeks, never walks from the start
                assert not statement.sorts(), statement


def test_positions_are_the_rows_of_every_order(many: Database) -> None:
    with many.reading() as session:
        for sort in SORTABLE:
            for descending in (False, True):
                whole = fetch_events(session, sort=sort, descending=descending, limit=10_000)
                assert [event_position(session, EventFilter(), whole[position].id, sort=sort,
                                       descending=descending)
                        for position in (0, 123, EVENTS - 1)] == [0, 123, EVENTS - 1], sort


@pytest.mark.sqlite_only
@pytest.mark.parametrize("sort", SORTABLE)
@pytest.mark.parametrize("descending", [False, True])
def test_positions_are_counted_over_index_ranges(
        many: Database, sort: str, descending: bool) -> None:
    whole = _all(many, EventFilter(), sort, descending)
    for position in (0, 123, EVENTS - 1):
        _found, statements = plans_of(many, lambda s, p=position: event_position(
            s, EventFilter(), whole[p].id, sort=sort, descending=descending))
        for statement in statements:
            assert not statement.scans_events(), statement
            assert not statement.sorts(), statement
        counts = [line for s in statements for line in s.plan if "COVERING INDEX" in line]
        # A count of the rows before a dataset may use the narrower (dataset, event_date)
        # index of the reconciliation (0014): a covering range all the same.
        usable = {SORT_INDEXES[sort]} | (
            {"ix_battlefield_event_dataset_date"} if sort in ("dataset", "external_id") else set())
        assert counts and all(any(index in line for index in usable) for line in counts)


def test_a_deep_page_reads_the_ids_past_the_offset_then_their_rows(many: Database) -> None:
    rows, statements = statements_of(many, lambda s: fetch_events(s, sort="location",
                                                                  offset=250, limit=20))
    assert rows == _all(many, EventFilter(), "location", False)[250:270]
    (ordered, parameters), (by_id, _) = statements
    assert ordered.split("FROM")[0].split() == ["SELECT", "battlefield_event.id"]
    assert limit_and_offset(ordered, parameters) == (20, 250)
    assert "ORDER BY" not in by_id and "LIMIT" not in by_id


@pytest.mark.sqlite_only
def test_a_deep_page_steps_over_a_covering_index_then_reads_its_rows(many: Database) -> None:
    _rows, statements = plans_of(many, lambda s: fetch_events(s, sort="location", offset=250,
                                                              limit=20))
    ordered, by_id = statements
    assert "COVERING INDEX ix_battlefield_event_location_date" in ordered.plan_text
    assert "INTEGER PRIMARY KEY" in by_id.plan_text


def test_the_last_page_is_read_from_the_end(many: Database) -> None:
    """Given the count, the last page is the first one of the reverse order: OFFSET 0,
    not OFFSET of every row before it."""
    rows, statements = statements_of(many, lambda s: fetch_events(
        s, sort="fatalities", offset=EVENTS - 20, limit=256, total=EVENTS))
    assert rows == _all(many, EventFilter(), "fatalities", False)[-20:]
    [(sql, parameters)] = statements
    assert " DESC" in sql and limit_and_offset(sql, parameters) == (20, 0)


def test_the_total_is_a_count_star_the_btree_answers(many: Database) -> None:
    total, statements = statements_of(many, lambda s: count_events(s))
    assert total == EVENTS
    [(sql, _parameters)] = statements
    # count(*) without WHERE: SQLite counts the cells of an index's pages; count(id)
    # would read every entry.
    assert "count(*)" in sql and "WHERE" not in sql


def test_words_are_counted_as_word_prefixes(many: Database) -> None:
    with many.reading() as session:
        assert count_events(session, EventFilter(text="substat")) == EVENTS // 5
        assert count_events(session, EventFilter(text="STRIKE substation")) == EVENTS // 5
        assert count_events(session, EventFilter(text="ubstation")) == 0  # not mid-word
        # Rows 0, 15, 30…: a fifth of the Battles (every third row) name a substation.
        assert count_events(session, EventFilter(text="substation",
                                                 event_types=("Battles",))) == EVENTS // 15


@pytest.mark.sqlite_only
def test_words_alone_are_counted_in_the_full_text_index(many: Database) -> None:
    _found, statements = plans_of(many, lambda s: count_events(s, EventFilter(text="substat")))
    # The other statement asks sqlite_master whether the word index is built yet.
    [statement] = [each for each in statements if "sqlite_master" not in each.sql]
    assert "battlefield_event_fts" in statement.sql
    assert not statement.scans_events()  # no join back to the events


def test_a_place_with_other_filters_counts_the_rows_it_shows(many: Database) -> None:
    flt = EventFilter(date_from=date(2025, 3, 10), event_types=("Battles",), place="kharkiv")
    with many.reading() as session:
        found = count_events(session, flt)
    assert found == len([row for row in _all(many, EventFilter(), "event_date", False)
                         if row.event_date >= date(2025, 3, 10)
                         and row.event_type == "Battles" and "Kharkiv" in row.place])
    assert found == len(_all(many, flt, "event_date", False))


@pytest.mark.sqlite_only
def test_a_place_is_looked_up_in_the_full_text_index(many: Database) -> None:
    flt = EventFilter(date_from=date(2025, 3, 10), event_types=("Battles",), place="kharkiv")
    _found, statements = plans_of(many, lambda s: count_events(s, flt))
    # The other statement asks sqlite_master whether the word index is built yet.
    [statement] = [each for each in statements if "sqlite_master" not in each.sql]
    assert "VIRTUAL TABLE" in statement.plan_text
    assert not statement.scans_events()  # never a LIKE over every row


def test_a_place_matches_from_the_start_of_its_words(many: Database) -> None:
    with many.reading() as session:
        assert count_events(session, EventFilter(place="khark")) == EVENTS // 2  # Kharkivska
        assert count_events(session, EventFilter(place="kupiansk")) == EVENTS // 4
        assert count_events(session, EventFilter(place="arkiv")) == 0  # not mid-word


def test_choices_are_the_distinct_values_in_order(many: Database) -> None:
    with many.reading() as session:
        assert event_types(session) == ["", "Battles", "Riots"]
        assert target_categories(session) == ["energy", "transport"]  # not the empty one


@pytest.mark.sqlite_only
def test_choices_are_read_by_one_seek_per_value(many: Database) -> None:
    for choices in (event_types, target_categories):
        _found, statements = plans_of(many, choices)
        [statement] = statements
        assert not statement.scans_events(), statement
        assert "SEARCH battlefield_event USING COVERING INDEX" in statement.plan_text
