"""The first page of words alone, before any count (issue 19): a walk of the first index
entries, asking the full-text index about each (``word_walk``) or testing each against
the list of matches, gives the same rows as the plans chosen from the count, or gives
way to them."""

from __future__ import annotations

import pytest
from sqlalchemy import event

from tests.services.events.test_events_at_scale import EVENTS
from tests.services.generated_events import store_walk_events
from tracker.services.events import events
from tracker.services.events.event_index import SORTABLE
from tracker.services.events.events import EventFilter, fetch_events
from tracker.storage.database import Database


@pytest.fixture
def many(db: Database) -> Database:
    return store_walk_events(db, EVENTS)


@pytest.mark.sqlite_only
@pytest.mark.parametrize("sort", SORTABLE)
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("entries", [50, 300])  # the page found in the walk, or not
@pytest.mark.parametrize("words", [EventFilter(text="substation"),  # one event in five
                                   EventFilter(place="UKR")])  # a country: one in three
@pytest.mark.parametrize("probed", [True, False], ids=["probed", "listed"])
def test_the_first_page_is_the_same_without_a_count(
        many: Database, monkeypatch: pytest.MonkeyPatch, sort: str, descending: bool,
        entries: int, words: EventFilter, probed: bool) -> None:
    monkeypatch.setattr(events, "FIRST_WALK_ENTRIES", entries)
    if not probed:
        monkeypatch.setattr(events, "first_rows_probed", lambda *_args: None)
    with many.reading() as session:
        total = events.count_events(session, words)
        counted = fetch_events(session, words, sort=sort, descending=descending, limit=8,
                               total=total)
        assert fetch_events(session, words, sort=sort, descending=descending,
                            limit=8) == counted
        # A page larger than the list's walk can fill falls back to the usual plan (the
        # word walk, probed, may go on through all 600 events and answer itself).
        assert fetch_events(session, words, sort=sort, descending=descending,
                            limit=200) == fetch_events(session, words, sort=sort,
                                                       descending=descending, limit=200,
                                                       total=total)


@pytest.mark.sqlite_only
@pytest.mark.parametrize("probed", [True, False], ids=["probed", "listed"])
def test_common_words_are_matched_once_for_the_first_page(
        many: Database, monkeypatch: pytest.MonkeyPatch, probed: bool) -> None:
    monkeypatch.setattr(events, "FIRST_WALK_ENTRIES", 100)
    if not probed:
        monkeypatch.setattr(events, "first_rows_probed", lambda *_args: None)
    matches: list[str] = []

    def seen(_conn: object, _cursor: object, statement: str, *_rest: object) -> None:
        # EXPLAIN QUERY PLAN (is the walk read off an index?) runs nothing.
        if "MATCH" in statement and not statement.startswith("EXPLAIN"):
            matches.append(statement)

    engine = many.engine
    event.listen(engine, "before_cursor_execute", seen)
    try:
        with many.reading() as session:
            assert len(fetch_events(session, EventFilter(text="substation"), limit=8)) == 8
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    assert len(matches) == 1  # no count before the page
