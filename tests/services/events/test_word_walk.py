"""The first rows of a search for words, found by asking the full-text index about each
event of the sort index in turn (``word_walk``, issue 19): the rows the counted plan
gives, with dates, types and a place beside the words, in every order; and a walk that
falls behind its pace gives way after a few entries."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, select

from tests.services.generated_events import store_walk_events
from tracker.domain.events import BattlefieldEvent
from tracker.services.common.views import EventRow
from tracker.services.events import events, word_walk
from tracker.services.events.event_index import SORTABLE
from tracker.services.events.events import EventFilter, fetch_events
from tracker.storage.database import Database, open_database

EVENTS = 600


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """One database for the module's hundred-odd cases: they only read it."""
    db = store_walk_events(open_database(tmp_path_factory.mktemp("walk") / "tracker.db"),
                           EVENTS)
    yield db
    db.close()


def probed(db: Database, monkeypatch: pytest.MonkeyPatch, flt: EventFilter,
           **order: Any) -> list[EventRow] | None:
    """What the walk alone answers for the first 8 rows (None: it gave way)."""
    answers: list[list[EventRow] | None] = []
    real = events.first_rows_probed

    def spy(*args: Any) -> list[EventRow] | None:
        answers.append(real(*args))
        return answers[-1]

    with monkeypatch.context() as patched:
        patched.setattr(events, "first_rows_probed", spy)
        with db.reading() as session:
            fetch_events(session, flt, limit=8, **order)
    assert len(answers) == 1
    return answers[0]


FILTERS = [
    EventFilter(text="substation"),  # one event in five
    EventFilter(text="shelling Russia"),  # two words: two in five
    EventFilter(text="strike", place="Kharkiv"),  # a place beside the words
    EventFilter(text="substation", date_from=date(2025, 3, 10),
                date_to=date(2025, 3, 30), event_types=("Battles",)),
    EventFilter(text="substation Izium"),  # one in twenty: the walk may give way
    EventFilter(text="substation Izium Russia"),  # none at all
]


@pytest.mark.sqlite_only
@pytest.mark.parametrize("sort", SORTABLE)
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("flt", FILTERS, ids=[f"{f.text}|{f.place}|{bool(f.date_from)}"
                                              for f in FILTERS])
def test_the_walk_finds_the_rows_of_the_counted_plan(
        many: Database, sort: str, descending: bool, flt: EventFilter) -> None:
    with many.reading() as session:
        total = events.count_events(session, flt)
        for limit in (1, 8, 64):
            expected = fetch_events(session, flt, sort=sort, descending=descending,
                                    limit=limit, total=total)
            assert fetch_events(session, flt, sort=sort, descending=descending,
                                limit=limit) == expected


@pytest.mark.sqlite_only
@pytest.mark.parametrize("sort", SORTABLE)
@pytest.mark.parametrize("descending", [False, True])
def test_the_walk_itself_answers_spread_words_in_every_order(
        many: Database, monkeypatch: pytest.MonkeyPatch, sort: str, descending: bool) -> None:
    """Not the usual plan standing in for it: every sort is read off an index, and a word
    in one event in five, spread over every order, keeps the walk's pace. The one order
    that gathers the others first gives way: the events of a substation strike have 0
    or unknown injuries, so the most injuries first holds none of them for 320 rows."""
    flt = EventFilter(text="substation")
    found = probed(many, monkeypatch, flt, sort=sort, descending=descending)
    if (sort, descending) == ("injuries", True):
        assert found is None
        return
    assert found is not None and len(found) == 8
    with many.reading() as session:
        assert found == fetch_events(session, flt, sort=sort, descending=descending,
                                     limit=8, total=events.count_events(session, flt))


@pytest.mark.sqlite_only
def test_common_words_are_found_by_the_walk_and_rare_ones_give_way(
        many: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    found = probed(many, monkeypatch, EventFilter(text="substation"))
    assert found is not None and len(found) == 8
    # No event has all three words: the walk falls behind at once and gives way, the
    # usual plan says none.
    assert probed(many, monkeypatch, EventFilter(text="substation Izium Russia")) is None


@pytest.mark.sqlite_only
@pytest.mark.parametrize(("every", "stepped"), [
    (0, word_walk.SLACK + 1),  # never a match: gives way once SLACK entries behind
    (word_walk.PACE, 8 * word_walk.PACE),  # one in PACE: keeps pace, fills the page
    (3 * word_walk.PACE, None),  # slower: falls behind, gives way further on
])
def test_the_walk_keeps_its_pace_or_gives_way(
        many: Database, every: int, stepped: int | None) -> None:
    """Counted from the entries SQLite steps through: a function in the walk's
    statement stands for the question to the index, and tells each entry it sees
    (Python's sqlite3 steps one row ahead of the rows it hands out)."""
    seen: list[int] = []

    def matches(event_id: int) -> bool:
        seen.append(event_id)
        return every > 0 and len(seen) % every == 0

    with many.reading() as session:
        session.connection().connection.driver_connection.create_function(
            "matches_here", 1, matches)
        event_ = BattlefieldEvent
        budget = 8 * word_walk.PACE + word_walk.SLACK
        walk = select(event_.id, func.matches_here(event_.id)).order_by(event_.id) \
            .limit(budget)
        found = word_walk._walk(session, walk, 8, budget)
    if stepped is None:
        assert found is None
        assert word_walk.SLACK < len(seen) < 8 * word_walk.PACE + word_walk.SLACK
    elif every == 0:
        assert found is None and len(seen) in (stepped, stepped + 1)
    else:
        assert found == seen[every - 1:stepped:every] and len(found) == 8
        assert len(seen) in (stepped, stepped + 1)
