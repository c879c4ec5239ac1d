"""The analysis reads the per-day counts when they can answer, and they answer
exactly as the events do.

Which path a call takes and the SQLite plan of each are checked on the hand-worked
scenario (analysis_scenario.py); the equality of the two paths on random events,
random edits of them and random settings is checked with hypothesis.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from tests.conftest import examples
from tests.query_plans import plans_of
from tests.services.analysis_scenario import (
    BATTLES,
    KYIV,
    STRIKE,
    Scenario,
    build_analysis_scenario,
    new_round,
)
from tests.services.scenario import add_events
from tracker.domain.enums import Precision
from tracker.domain.event_time import EventTime
from tracker.domain.events import BattlefieldEvent
from tracker.domain.timewindow import ScheduledWindow
from tracker.services.analysis.analysis import (
    AnalysisResult,
    AnalysisSettings,
    BaselineMode,
    Measure,
    SplitBy,
    analyse,
    daily_series,
)
from tracker.services.analysis.counts import DailyCount
from tracker.services.events.events import EventFilter
from tracker.storage.database import Database, open_database

PRIMARY_KEY_RANGE = "USING INDEX sqlite_autoindex_event_day_count_1 (day>? AND day<?)"


@pytest.fixture(scope="module")
def scenario_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, Scenario]]:
    """The scenario plus a second round, read by every test here: none of them writes."""
    database = open_database(tmp_path_factory.mktemp("analysis") / "scenario.db")
    with database.transaction() as session:
        scenario = build_analysis_scenario(session)
        new_round(session, scenario.track, "Second",
                  ScheduledWindow.days(date(2025, 3, 20), KYIV))
    yield database, scenario
    database.close()


def _tables(sql: str) -> set[str]:
    return set(re.findall(r"\b(?:battlefield_event|event_day_count)\w*", sql))


@pytest.mark.parametrize(("flt", "split", "tables"), [
    (None, SplitBy.NONE, {"event_day_count"}),
    (None, SplitBy.CATEGORY, {"event_day_count"}),
    (None, SplitBy.TYPE, {"event_day_count"}),
    (EventFilter(event_types=(BATTLES,), target_category="energy",
                 date_from=date(2025, 3, 1), place="  "), SplitBy.TYPE, {"event_day_count"}),
    # admin1 is not in the day counts; place and words need each event's text.
    (None, SplitBy.REGION, {"battlefield_event"}),
    (EventFilter(place="Odeska"), SplitBy.NONE, {"battlefield_event", "battlefield_event_fts"}),
    (EventFilter(text="Kharkivska"), SplitBy.CATEGORY,
     {"battlefield_event", "battlefield_event_fts"}),
    # A place no event names: the index's own terms (services/events/search_terms) say
    # so before any match list is read, and the counts are of no event.
    (EventFilter(place="Odesa"), SplitBy.NONE, {"battlefield_event"}),
])
def test_the_day_counts_are_read_unless_they_cannot_answer(
        scenario_db: tuple[Database, Scenario], flt: EventFilter | None, split: SplitBy,
        tables: set[str]) -> None:
    db, _scenario = scenario_db
    result, statements = plans_of(db, lambda session: analyse(
        session, AnalysisSettings(split=split), flt=flt))
    assert len(result.anchors) == 2
    counting = [statement for statement in statements if _tables(statement.sql)]
    # The day counts cannot tell a record spanning more than a week: each sum over them
    # is followed by one over those few records, from the events' date index.
    long_records = [statement for statement in counting
                    if _tables(statement.sql) == {"battlefield_event"}
                    and "event_date_end" in statement.sql]
    if tables == {"event_day_count"}:
        assert len(long_records) == 2 and len(counting) == 4
        counting = [statement for statement in counting if statement not in long_records]
        for statement in long_records:
            assert "SCAN battlefield_event" not in statement.plan_text, statement.plan_text
    else:
        assert len(counting) == 2
    assert all(_tables(statement.sql) == tables for statement in counting)
    # The daily series has no split: only the filter decides.
    _series, series_statements = plans_of(db, lambda session: daily_series(
        session, date(2025, 1, 1), date(2025, 12, 31), flt))
    # (The checks that the word index is built, a read of sqlite_master, and that every
    # category is decided, a read of database_setting, are no counts.)
    series_statements = [each for each in series_statements
                         if "sqlite_master" not in each.sql
                         and "database_setting" not in each.sql]
    series_tables = tables if split is not SplitBy.REGION else {"event_day_count"}
    assert _tables(series_statements[0].sql) == series_tables
    assert len(series_statements) == (2 if series_tables == {"event_day_count"} else 1)


def test_without_kept_counts_the_events_are_read(
        scenario_db: tuple[Database, Scenario], monkeypatch: pytest.MonkeyPatch) -> None:
    db, _scenario = scenario_db
    monkeypatch.setattr("tracker.services.events.events.counts_are_kept", lambda _connection: False)
    _result, statements = plans_of(db, lambda session: analyse(session))
    assert {name for statement in statements for name in _tables(statement.sql)} == {
        "battlefield_event"}


@pytest.mark.parametrize("flt", [
    None, EventFilter(event_types=(BATTLES, STRIKE)), EventFilter(target_category="energy")])
@pytest.mark.parametrize("split", [SplitBy.NONE, SplitBy.CATEGORY, SplitBy.TYPE])
def test_the_day_counts_are_searched_by_a_primary_key_range(
        scenario_db: tuple[Database, Scenario], flt: EventFilter | None,
        split: SplitBy) -> None:
    db, _scenario = scenario_db
    _result, statements = plans_of(db, lambda session: analyse(
        session, AnalysisSettings(split=split), flt=flt))
    _series, series_statements = plans_of(db, lambda session: daily_series(
        session, date(2025, 1, 1), date(2025, 12, 31), flt))
    counting = [statement for statement in [*statements, *series_statements]
                if "event_day_count" in statement.sql]
    assert len(counting) == 3
    for statement in counting:
        assert "SCAN" not in statement.plan_text, statement.plan_text
        assert any(line.startswith("SEARCH event_day_count ") and PRIMARY_KEY_RANGE in line
                   for line in statement.plan), statement.plan_text


# -- both paths on random data ------------------------------------------------------------

FIRST_DAY = date(2025, 1, 1)
LAST_DAY = date(2025, 3, 31)
TYPES = (BATTLES, STRIKE, "Riots")
CATEGORIES = ("", "energy", "transport")
_DAY = st.integers(0, (LAST_DAY - FIRST_DAY).days).map(
    lambda offset: FIRST_DAY + timedelta(days=offset))
_COUNT = st.none() | st.integers(0, 4)
_VALUES: dict[str, st.SearchStrategy[Any]] = {
    "event_date": _DAY,
    "date_precision": st.sampled_from(list(Precision)),
    "event_type": st.sampled_from(TYPES),
    "target_category": st.sampled_from(CATEGORIES),
    "fatalities": _COUNT,
    "injuries": _COUNT,
}
_EVENT = st.fixed_dictionaries({
    **_VALUES,
    "admin1": st.sampled_from(["Kharkivska", ""]),
    # An event reported over a few days counts on its first day on both paths; one over
    # more than a week (8 days and up) is tallied apart on both.
    "event_date_end": st.none() | st.integers(1, 40).map(lambda days: timedelta(days=days)),
})
# Edits after the insert, which the triggers carry into the counts: (event index, values).
_EDIT = st.tuples(st.integers(0, 29), st.none() | st.sets(
    st.sampled_from(sorted(_VALUES)), min_size=1, max_size=3).flatmap(
    lambda names: st.fixed_dictionaries({name: _VALUES[name] for name in names})))
_WINDOW = st.one_of(
    st.tuples(st.integers(35, 70), st.integers(0, 3)).map(
        lambda start_length: ScheduledWindow.days(
            FIRST_DAY + timedelta(days=start_length[0]), KYIV,
            FIRST_DAY + timedelta(days=sum(start_length)))),
    st.integers(35, 70).map(
        lambda start: ScheduledWindow.week_of(FIRST_DAY + timedelta(days=start), KYIV)),
)
_SETTINGS = st.builds(
    AnalysisSettings, window_days=st.integers(1, 6),
    baseline=st.sampled_from(list(BaselineMode)), baseline_weeks=st.integers(1, 3),
    trailing_windows=st.integers(1, 3),
    split=st.sampled_from([SplitBy.NONE, SplitBy.CATEGORY, SplitBy.TYPE]),
    measure=st.sampled_from(list(Measure)))
_FILTER = st.builds(
    EventFilter, event_types=st.lists(st.sampled_from(TYPES), max_size=2, unique=True).map(
        tuple), target_category=st.sampled_from(CATEGORIES))


@pytest.fixture(scope="module")
def scratch_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, int]]:
    """A database whose events every example replaces, and a track for its rounds."""
    database = open_database(tmp_path_factory.mktemp("analysis") / "scratch.db")
    with database.transaction() as session:
        track = build_analysis_scenario(session).track
    yield database, track
    database.close()


def _both_paths(db: Database, round_id: int, analysis: AnalysisSettings,
                flt: EventFilter) -> tuple[tuple[AnalysisResult, list[DailyCount]], ...]:
    found = []
    for kept in (True, False):
        with mock.patch("tracker.services.events.events.counts_are_kept",
                               lambda _connection, kept=kept: kept), db.reading() as session:
            found.append((analyse(session, analysis, round_id=round_id, flt=flt),
                          daily_series(session, FIRST_DAY, LAST_DAY, flt)))
    return tuple(found)


def _replace_events(session: Session, events: list[dict[str, Any]],
                    edits: list[tuple[int, dict[str, Any] | None]]) -> None:
    session.execute(delete(BattlefieldEvent))
    if events:  # an empty insert would be one row of defaults
        add_events(session, [{**event, "event_date_end": event["event_date"] + event[
            "event_date_end"] if event["event_date_end"] else None} for event in events])
    ids = list(session.scalars(select(BattlefieldEvent.id).order_by(BattlefieldEvent.id)))
    for index, values in edits:
        if index >= len(ids):
            continue
        if values is None:
            session.execute(delete(BattlefieldEvent).where(BattlefieldEvent.id == ids[index]))
        else:
            session.execute(update(BattlefieldEvent).where(BattlefieldEvent.id == ids[index])
                            .values(**values))


def _expected_series(session: Session, flt: EventFilter) -> list[tuple[date, int, int, int]]:
    """The daily series worked out in Python from the (few) events, as a third opinion."""
    sums = {FIRST_DAY + timedelta(days=offset): [0, 0, 0]
            for offset in range((LAST_DAY - FIRST_DAY).days + 1)}
    event = BattlefieldEvent
    for day, last, precision, kind, category, fatalities, injuries in session.execute(select(
            event.event_date, event.event_date_end, event.date_precision, event.event_type,
            event.target_category, event.fatalities, event.injuries)):
        if (precision in (Precision.DAY, Precision.EXACT)
                and not EventTime.of(day, precision, last).is_long
                and (not flt.event_types or kind in flt.event_types)
                and (not flt.target_category or category == flt.target_category)):
            for position, value in enumerate((1, fatalities or 0, injuries or 0)):
                sums[day][position] += value
    return [(day, events, fatalities, injuries)
            for day, (events, fatalities, injuries) in sums.items()]


@settings(max_examples=examples(60), deadline=None)
@given(events=st.lists(_EVENT, max_size=30), edits=st.lists(_EDIT, max_size=8),
       window=_WINDOW, analysis=_SETTINGS, flt=_FILTER)
def test_the_day_counts_and_the_events_give_the_same_analysis(
        scratch_db: tuple[Database, int], events: list[dict[str, Any]],
        edits: list[tuple[int, dict[str, Any] | None]], window: ScheduledWindow,
        analysis: AnalysisSettings, flt: EventFilter) -> None:
    db, track = scratch_db
    with db.transaction() as session:
        _replace_events(session, events, edits)
        # Analysed alone (round_id), so the rounds of earlier examples do not matter.
        round_id = new_round(session, track, "Random", window)
    (counted, counted_series), (read, read_series) = _both_paths(db, round_id, analysis, flt)
    assert counted.rows == read.rows
    assert len(counted.rows) >= 3
    assert counted_series == read_series
    with db.reading() as session:
        assert [tuple(day) for day in counted_series] == _expected_series(session, flt)
