"""The analysis: counts around rounds, changes and readings match hand-worked sums.

The dataset and the days every event falls on are tabled in analysis_scenario.py.
Every test on it runs twice: reading the per-day counts where they can answer, and
reading the events themselves (a split by region, a place or words, or a database whose
counts are not kept). test_sources.py checks which path a call takes.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest

from tests.query_plans import plans_of, statements_of
from tests.services.analysis_scenario import (
    BATTLES,
    KYIV,
    ROUND_FIRST,
    ROUND_LAST,
    STRIKE,
    Scenario,
    build_analysis_scenario,
    new_round,
)
from tracker.domain.enums import ChangeKind, DependencyEffect, FactorLevel, FactorTrend, Precision
from tracker.domain.negotiation import ScheduleChange
from tracker.domain.timewindow import ScheduledWindow
from tracker.services import rounds
from tracker.services.analysis.analysis import (
    AnalysisResult,
    AnalysisSettings,
    Around,
    BaselineMode,
    Measure,
    Phase,
    PhaseCounts,
    SplitBy,
    analyse,
    analysed_span,
    daily_series,
)
from tracker.services.analysis.anchors import AnchorKind
from tracker.services.common.errors import NotFoundError, ValidationError
from tracker.services.events.events import EventFilter
from tracker.services.factors import factors
from tracker.services.factors.operations import new_dependency, new_factor, new_reading
from tracker.storage.database import Database

WEEKS = AnalysisSettings(window_days=3, baseline_weeks=2)
TRAILING = AnalysisSettings(window_days=3, baseline=BaselineMode.TRAILING,
                              trailing_windows=2)


@pytest.fixture(params=["day counts", "events"])
def path(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Both ways of counting; "events" is what a database without kept counts reads."""
    if request.param == "events":
        monkeypatch.setattr("tracker.services.events.events.counts_are_kept",
                            lambda _connection: False)
    yield request.param


@pytest.fixture
def scenario_db(db: Database, path: str) -> tuple[Database, Scenario]:
    with db.transaction() as session:
        scenario = build_analysis_scenario(session)
    return db, scenario


def _analyse(db: Database, settings: AnalysisSettings, **kwargs: object) -> AnalysisResult:
    with db.reading() as session:
        return analyse(session, settings, **kwargs)  # type: ignore[arg-type]


def _numbers(row: PhaseCounts) -> tuple[object, ...]:
    return (row.phase.value, row.group_label, row.events, row.fatalities, row.injuries,
            row.imprecise, row.baseline_events, row.ratio, row.difference)


def _table(result: AnalysisResult) -> list[tuple[object, ...]]:
    return [_numbers(row) for row in result.rows]


def test_windows_count_day_precision_events_at_their_boundaries(
        scenario_db: tuple[Database, Scenario]) -> None:
    db, scenario = scenario_db
    result = _analyse(db, WEEKS)
    [anchor] = result.anchors
    assert (anchor.kind, anchor.id, anchor.round_id) == (AnchorKind.ROUND, scenario.round,
                                                          scenario.round)
    assert (anchor.first_day, anchor.last_day, anchor.precision) == (
        ROUND_FIRST, ROUND_LAST, Precision.DAY)
    # The events of 6 and 15 March lie one day outside; month/week ones are imprecise.
    assert _table(result) == [
        ("before", "all events", 2, 2, 4, 1, 2.0, 1.0, 0.0),
        ("during", "all events", 3, 5, 0, 1, 2.0, 1.5, 1.0),
        ("after", "all events", 2, 1, 0, 0, 0.0, None, 2.0),
    ]
    days = [(row.first_day, row.last_day, row.baseline_first_day, row.baseline_last_day)
            for row in result.rows]
    assert days == [
        (date(2025, 3, 7), date(2025, 3, 9), date(2025, 2, 21), date(2025, 2, 23)),
        (date(2025, 3, 10), date(2025, 3, 11), date(2025, 2, 24), date(2025, 2, 25)),
        (date(2025, 3, 12), date(2025, 3, 14), date(2025, 2, 26), date(2025, 2, 28)),
    ]
    assert [row.baseline_fatalities for row in result.rows] == [1.0, 0.0, 0.0]
    assert [row.baseline_injuries for row in result.rows] == [0.0, 2.0, 0.0]


def test_the_trailing_baseline_is_the_mean_of_the_windows_just_before(
        scenario_db: tuple[Database, Scenario]) -> None:
    db, _scenario = scenario_db
    result = _analyse(db, TRAILING)
    # before: 1–6 Mar holds one day-precision event (6 Mar); two windows → 0.5.
    # during: 6–9 Mar holds three → 1.5. after: 6–11 Mar holds six → 3.
    assert [(row.baseline_first_day, row.baseline_last_day, row.baseline_events,
             row.baseline_fatalities, row.ratio, row.difference) for row in result.rows] == [
        (date(2025, 3, 1), date(2025, 3, 6), 0.5, 2.5, 4.0, 1.5),
        (date(2025, 3, 6), date(2025, 3, 9), 1.5, 3.5, 2.0, 1.5),
        (date(2025, 3, 6), date(2025, 3, 11), 3.0, 6.0, pytest.approx(2 / 3), -1.0),
    ]


def test_ratio_and_difference_follow_the_chosen_measure(
        scenario_db: tuple[Database, Scenario]) -> None:
    db, _scenario = scenario_db
    result = _analyse(db, AnalysisSettings(window_days=3, baseline_weeks=2,
                                             measure=Measure.FATALITIES))
    assert [(row.ratio, row.difference) for row in result.rows] == [
        (2.0, 1.0), (None, 5.0), (None, 1.0)]


def test_split_by_category_names_the_empty_one_and_drops_groups_outside_the_windows(
        scenario_db: tuple[Database, Scenario]) -> None:
    db, _scenario = scenario_db
    result = _analyse(db, AnalysisSettings(window_days=3, baseline_weeks=2,
                                             split=SplitBy.CATEGORY))
    # "military" (6 Mar) and "medical" (1 Mar) fall between the windows: no rows.
    assert _table(result) == [
        ("before", "energy", 1, 2, 1, 0, 2.0, 0.5, -1.0),
        ("before", "residential", 0, 0, 0, 0, 0.0, None, 0.0),
        ("before", "transport", 1, 0, 3, 1, 0.0, None, 1.0),
        ("before", "uncategorised", 0, 0, 0, 0, 0.0, None, 0.0),
        ("during", "energy", 2, 1, 0, 1, 2.0, 1.0, 0.0),
        ("during", "residential", 1, 4, 0, 0, 0.0, None, 1.0),
        ("during", "transport", 0, 0, 0, 0, 0.0, None, 0.0),
        ("during", "uncategorised", 0, 0, 0, 0, 0.0, None, 0.0),
        ("after", "energy", 1, 0, 0, 0, 0.0, None, 1.0),
        ("after", "residential", 0, 0, 0, 0, 0.0, None, 0.0),
        ("after", "transport", 0, 0, 0, 0, 0.0, None, 0.0),
        ("after", "uncategorised", 1, 1, 0, 0, 0.0, None, 1.0),
    ]
    assert [row.group for row in result.rows[:4]] == ["energy", "residential", "transport", ""]


@pytest.mark.parametrize(("split", "during"), [
    (SplitBy.REGION, [("Kharkivska", 2, 1), ("Kyiv City", 1, 0), ("Odeska", 0, 0),
                      ("(none)", 0, 0)]),
    (SplitBy.TYPE, [(BATTLES, 1, 0), (STRIKE, 2, 1)]),
])
def test_split_by_region_and_type(scenario_db: tuple[Database, Scenario], split: SplitBy,
                                  during: list[tuple[str, int, int]]) -> None:
    db, _scenario = scenario_db
    result = _analyse(db, AnalysisSettings(window_days=3, baseline_weeks=2, split=split))
    assert [(row.group_label, row.events, row.imprecise) for row in result.rows
            if row.phase is Phase.DURING] == during


def test_an_events_filter_narrows_the_counts_but_not_the_days(
        scenario_db: tuple[Database, Scenario]) -> None:
    db, _scenario = scenario_db
    # The filter's own dates would cut the baseline (21–23 Feb) off: they are not applied.
    energy = EventFilter(target_category="energy", date_from=date(2025, 3, 10))
    result = _analyse(db, WEEKS, flt=energy)
    assert [(row.events, row.imprecise, row.baseline_events, row.ratio)
            for row in result.rows] == [(1, 0, 2.0, 0.5), (2, 1, 2.0, 1.0), (1, 0, 0.0, None)]
    assert result.event_filter == energy
    battles = _analyse(db, WEEKS, flt=EventFilter(event_types=(BATTLES,)))
    assert [(row.events, row.baseline_events) for row in battles.rows] == [
        (0, 0.0), (1, 1.0), (1, 0.0)]
    words = _analyse(db, WEEKS, flt=EventFilter(place="Odesa"))
    assert [row.events for row in words.rows] == [0, 0, 0]


def test_a_round_is_anchored_on_its_local_days_not_its_utc_day(
        scenario_db: tuple[Database, Scenario]) -> None:
    db, scenario = scenario_db
    # 23:30 UTC on 10 March is 03:30 on 11 March in Dubai.
    late = ScheduledWindow.exact(datetime(2025, 3, 10, 23, 30, tzinfo=UTC), None, "Asia/Dubai")
    with db.transaction() as session:
        dubai = new_round(session, scenario.track, "Dubai talks", late)
    result = _analyse(db, WEEKS, round_id=dubai)
    [anchor] = result.anchors
    assert (anchor.first_day, anchor.last_day, anchor.precision, anchor.tz) == (
        date(2025, 3, 11), date(2025, 3, 11), Precision.EXACT, "Asia/Dubai")
    assert [(row.first_day, row.last_day, row.events, row.imprecise) for row in result.rows] == [
        (date(2025, 3, 8), date(2025, 3, 10), 2, 2),
        (date(2025, 3, 11), date(2025, 3, 11), 2, 0),
        (date(2025, 3, 12), date(2025, 3, 14), 2, 0),
    ]


def test_a_week_long_round_spans_its_whole_week(
        scenario_db: tuple[Database, Scenario]) -> None:
    db, scenario = scenario_db
    with db.transaction() as session:
        week = new_round(session, scenario.track, "Coming week",
                         ScheduledWindow.week_of(date(2025, 3, 12), KYIV))
    result = _analyse(db, WEEKS, round_id=week)
    [anchor] = result.anchors
    assert (anchor.first_day, anchor.last_day, anchor.precision) == (
        date(2025, 3, 10), date(2025, 3, 16), Precision.WEEK)
    during = result.rows[1]
    assert (during.phase, during.events, during.imprecise) == (Phase.DURING, 6, 1)


def test_empty_windows_have_no_ratio(scenario_db: tuple[Database, Scenario]) -> None:
    db, scenario = scenario_db
    with db.transaction() as session:
        quiet = new_round(session, scenario.track, "Far future",
                          ScheduledWindow.days(date(2030, 6, 1), KYIV))
    for split in (SplitBy.NONE, SplitBy.CATEGORY):
        settings = AnalysisSettings(split=split)
        result = _analyse(db, settings, round_id=quiet)
        # Nothing anywhere: one total per window even when split, all zero, no ratio.
        assert _table(result) == [
            (phase, "all events", 0, 0, 0, 0, 0.0, None, 0.0)
            for phase in ("before", "during", "after")]


def test_unknown_dates_are_skipped_and_deleted_rounds_left_out(
        scenario_db: tuple[Database, Scenario]) -> None:
    db, scenario = scenario_db
    with db.transaction() as session:
        new_round(session, scenario.track, "Someday", ScheduledWindow.unknown(KYIV))
        gone = new_round(session, scenario.track, "Deleted",
                         ScheduledWindow.days(date(2025, 3, 1), KYIV))
        rounds.delete(session, gone, rounds.ChangeNote("mistake"))
    result = _analyse(db, WEEKS)
    assert [anchor.label for anchor in result.anchors] == ["Kyiv talks"]
    assert result.skipped == ("Someday: date unknown",)
    changes = _analyse(db, AnalysisSettings(around=Around.CHANGES))
    assert {anchor.round_id for anchor in changes.anchors} == {scenario.round,
                                                                scenario.round + 1}
    with pytest.raises(NotFoundError):
        _analyse(db, WEEKS, round_id=gone)
    with pytest.raises(NotFoundError):
        _analyse(db, WEEKS, round_id=999)


def test_schedule_changes_fall_on_their_day_in_the_rounds_zone(
        scenario_db: tuple[Database, Scenario]) -> None:
    db, scenario = scenario_db
    with db.transaction() as session:
        # Announced at 22:30 UTC on 9 March, 00:30 on 10 March in Kyiv; entered later.
        change = ScheduleChange(round_id=scenario.round, kind=ChangeKind.RESCHEDULED,
                                recorded_at=datetime(2025, 3, 12, 8, 0, tzinfo=UTC),
                                announced_at=datetime(2025, 3, 9, 22, 30, tzinfo=UTC),
                                announced_precision=Precision.EXACT)
        session.add(change)
        session.flush()
        change_id = change.id
    settings = AnalysisSettings(around=Around.CHANGES, window_days=3, baseline_weeks=2)
    result = _analyse(db, settings, round_id=scenario.round)
    anchor = next(anchor for anchor in result.anchors if anchor.id == change_id)
    assert (anchor.kind, anchor.label, anchor.first_day, anchor.last_day, anchor.tz) == (
        AnchorKind.CHANGE, "Kyiv talks: rescheduled", date(2025, 3, 10), date(2025, 3, 10),
        KYIV)
    rows = [row for row in result.rows if row.anchor == anchor]
    # before 7–9 Mar, during 10 Mar, after 11–13 Mar.
    assert [(row.events, row.imprecise) for row in rows] == [(2, 1), (1, 1), (3, 0)]


@pytest.mark.parametrize(("tz", "day"), [("UTC", date(2025, 3, 10)),
                                         ("Asia/Dubai", date(2025, 3, 11))])
def test_factor_readings_fall_on_their_day_in_the_chosen_zone(
        scenario_db: tuple[Database, Scenario], tz: str, day: date) -> None:
    db, scenario = scenario_db
    observed = datetime(2025, 3, 10, 22, 30, tzinfo=UTC)
    with db.transaction() as session:
        tensions = new_factor(session, "U.S.–Iran tensions").record_id
        other = new_factor(session, "Grid collapse").record_id
        for factor_id in (tensions, other):
            new_reading(session, factor_id, factors.ReadingDraft(
                observed, FactorLevel.HIGH, FactorTrend.RISING))
        new_dependency(session, factors.DependencySpec(
            scenario.round, tensions, DependencyEffect.MAY_POSTPONE))
    settings = AnalysisSettings(around=Around.READINGS, window_days=3, tz=tz)
    everything = _analyse(db, settings)
    assert len(everything.anchors) == 2
    result = _analyse(db, settings, round_id=scenario.round)
    [anchor] = result.anchors
    assert (anchor.kind, anchor.label, anchor.factor_id, anchor.first_day) == (
        AnchorKind.READING, "U.S.–Iran tensions: high, rising", tensions, day)
    assert result.rows[1].events == (1 if day == date(2025, 3, 10) else 2)


def test_daily_series_counts_day_precision_events_and_fills_quiet_days(
        scenario_db: tuple[Database, Scenario]) -> None:
    db, _scenario = scenario_db
    with db.reading() as session:
        series = daily_series(session, date(2025, 3, 6), date(2025, 3, 12))
        energy = daily_series(session, date(2025, 3, 10), date(2025, 3, 11),
                              EventFilter(target_category="energy"))
        with pytest.raises(ValidationError):
            daily_series(session, date(2025, 3, 12), date(2025, 3, 6))
    assert [(day.day, day.events, day.fatalities) for day in series] == [
        (date(2025, 3, 6), 1, 5), (date(2025, 3, 7), 1, 2), (date(2025, 3, 8), 0, 0),
        (date(2025, 3, 9), 1, 0), (date(2025, 3, 10), 1, 1), (date(2025, 3, 11), 2, 4),
        (date(2025, 3, 12), 1, 1)]
    assert [tuple(day)[:3] for day in energy] == [(date(2025, 3, 10), 1, 1),
                                                  (date(2025, 3, 11), 1, 0)]


def test_the_analysed_span_runs_from_the_first_baseline_to_the_last_window(
        scenario_db: tuple[Database, Scenario]) -> None:
    db, _scenario = scenario_db
    span = analysed_span(_analyse(db, WEEKS))
    assert span is not None
    assert (span.first, span.last) == (date(2025, 2, 21), date(2025, 3, 14))
    span = analysed_span(_analyse(db, TRAILING))
    assert span is not None
    assert (span.first, span.last) == (date(2025, 3, 1), date(2025, 3, 14))


@pytest.mark.parametrize(("field", "value"), [
    ("window_days", 0), ("baseline_weeks", 0), ("trailing_windows", 53), ("tz", "Mars/Base")])
def test_settings_out_of_range_are_refused(field: str, value: object) -> None:
    with pytest.raises(ValidationError) as raised:
        AnalysisSettings(**{field: value})  # type: ignore[arg-type]
    assert raised.value.field == field


@pytest.mark.parametrize("path", ["day counts", "events"], indirect=True)
def test_each_anchor_is_counted_by_one_query(scenario_db: tuple[Database, Scenario]) -> None:
    db, scenario = scenario_db
    with db.transaction() as session:
        new_round(session, scenario.track, "Second", ScheduledWindow.days(date(2025, 3, 20),
                                                                         KYIV))
    for flt in (None, EventFilter(event_types=(BATTLES,)), EventFilter(place="kharkiv")):
        for split in SplitBy:
            settings = AnalysisSettings(split=split)
            result, statements = statements_of(
                db, lambda session, s=settings, f=flt: analyse(session, s, flt=f))
            assert len(result.anchors) == 2
            counting = [sql for sql, _parameters in statements
                        if "battlefield_event" in sql or "event_day_count" in sql]
            # Over the day counts, each anchor's query has a second over the few records
            # spanning more than a week, which the day counts cannot tell apart.
            on_day_counts = any("event_day_count" in sql for sql in counting)
            long_records = [sql for sql in counting if on_day_counts
                            and "event_day_count" not in sql]
            assert all("event_date_end" in sql for sql in long_records)
            assert len(counting) - len(long_records) == 2, (flt, split)
            assert len(long_records) == (2 if on_day_counts else 0), (flt, split)


@pytest.mark.sqlite_only  # SQLite's plan; PostgreSQL's: test_postgres_plans.py
@pytest.mark.parametrize(("flt", "index"), [
    (None, "ix_battlefield_event_date"),
    (EventFilter(event_types=(BATTLES,)), "ix_battlefield_event_type_date"),
    (EventFilter(target_category="energy"), "ix_battlefield_event_target_date"),
])
@pytest.mark.parametrize("split", list(SplitBy))
@pytest.mark.parametrize("path", ["events"], indirect=True)
def test_the_events_are_read_by_one_index_range_query_per_anchor(
        scenario_db: tuple[Database, Scenario], flt: EventFilter | None, index: str,
        split: SplitBy) -> None:
    db, scenario = scenario_db
    with db.transaction() as session:
        new_round(session, scenario.track, "Second", ScheduledWindow.days(date(2025, 3, 20),
                                                                         KYIV))
    settings = AnalysisSettings(split=split)
    _result, statements = plans_of(db, lambda session: analyse(session, settings, flt=flt))
    counting = [statement for statement in statements if "battlefield_event" in statement.sql]
    for statement in counting:
        assert not statement.scans_events(), statement.plan_text
        assert f"USING INDEX {index} (" in statement.plan_text, statement.plan_text
        assert "event_date>? AND event_date<?" in statement.plan_text, statement.plan_text
    _series, statements = plans_of(db, lambda session: daily_series(
        session, date(2025, 1, 1), date(2025, 12, 31), flt))
    # (The check that every category is decided, a read of database_setting, reads no event.)
    [statement] = [each for each in statements if "database_setting" not in each.sql]
    assert not statement.scans_events(), statement.plan_text
    assert f"USING INDEX {index} (" in statement.plan_text, statement.plan_text


@pytest.mark.parametrize(("first", "last", "window_days", "weeks", "shifts"), [
    (date(2026, 3, 1), date(2026, 3, 1), 7, 4, (28, 28, 28)),  # the usual case: as chosen
    (date(2026, 3, 1), date(2026, 3, 31), 7, 4, (28, 35, 28)),  # a month-long round
    (date(2026, 3, 1), date(2026, 3, 1), 30, 4, (35, 28, 35)),  # --window 30, 4 weeks
    (date(2026, 3, 1), date(2026, 3, 7), 7, 1, (7, 7, 7)),  # a week against one week: fits
])
def test_a_weeks_earlier_baseline_never_overlaps_its_own_window(
        first: date, last: date, window_days: int, weeks: int,
        shifts: tuple[int, int, int]) -> None:
    from tracker.domain.enums import Precision as Prec
    from tracker.services.analysis.analysis import phase_windows
    from tracker.services.analysis.anchors import Anchor

    anchor = Anchor(AnchorKind.ROUND, 1, "talks", first, last, Prec.DAY, "UTC")
    settings = AnalysisSettings(window_days=window_days, baseline=BaselineMode.WEEKS,
                                  baseline_weeks=weeks)
    windows = phase_windows(anchor, settings)
    for window in windows:
        assert window.baseline.last < window.days.first
        assert window.baseline.days == window.days.days
    assert tuple((w.days.first - w.baseline.first).days for w in windows) == shifts
