"""Events known only to the week are placed in a window when their whole week lies in it
(issue 16, finding 11), never on a day, and never when any day they may stand for is
outside it."""

from __future__ import annotations

from datetime import date

from tests.services.analysis_scenario import KYIV, new_round
from tests.services.scenario import add_events
from tracker.domain.enums import Precision
from tracker.domain.events import MIDWEEK_DATASETS
from tracker.domain.timewindow import ScheduledWindow
from tracker.services.analysis.analysis import AnalysisSettings, Phase, SplitBy, analyse
from tracker.services.analysis.counts import DayRange
from tracker.services.analysis.week_placed import (
    NOTHING_PLACED,
    Placed,
    placed_in_windows,
    placed_key,
    placed_tallies,
)
from tracker.services.events.events import EventFilter
from tracker.services.records import reference
from tracker.storage.database import Database

# Talks the week of Monday 2 Feb 2026: before is 26 Jan – 1 Feb, after 9–15 Feb.
WEEK = date(2026, 2, 2)
MIDWEEK = MIDWEEK_DATASETS[0]


def _event(day: date, precision: Precision, **fields: object) -> dict[str, object]:
    return {"event_date": day, "date_precision": precision, **fields}


EVENTS = [
    # The week before, exactly: placed before.
    _event(date(2026, 1, 26), Precision.WEEK, target_category="energy", injuries=6),
    _event(date(2026, 1, 26), Precision.WEEK, target_category="residential", fatalities=2),
    # Known to the day: counted as ever, never placed.
    _event(date(2026, 1, 28), Precision.DAY, target_category="energy"),
    # A week from Wednesday 28 Jan to Tuesday 3 Feb: before or during, not known which.
    _event(date(2026, 1, 28), Precision.WEEK),
    # Midweek dating (ACLED): 5 Feb is the middle of 2–8 Feb, the talks' own week.
    _event(date(2026, 2, 5), Precision.WEEK, dataset=MIDWEEK),
    # Without it, 5 Feb starts a week running to 11 Feb: across during and after.
    _event(date(2026, 2, 5), Precision.WEEK),
    # Reported over three days: counted on its first day, as ever, so never placed.
    _event(date(2026, 2, 10), Precision.DAY, event_date_end=date(2026, 2, 12)),
    # Reported over nine days inside the month: too long for a seven-day window.
    _event(date(2026, 2, 9), Precision.DAY, event_date_end=date(2026, 2, 17)),
    # An uncertain day is in doubt itself: never placed.
    _event(date(2026, 2, 10), Precision.UNKNOWN),
    # A month is longer than any of the seven-day windows.
    _event(date(2026, 2, 1), Precision.MONTH),
]


def _scenario(db: Database) -> None:
    with db.transaction() as session:
        track = reference.create_track(session, "Talks")
        new_round(session, track, "Week talks", ScheduledWindow.week_of(WEEK, KYIV))
        add_events(session, EVENTS)


def test_whole_weeks_inside_a_window_are_placed_in_it(db: Database) -> None:
    _scenario(db)
    with db.reading() as session:
        result = analyse(session, AnalysisSettings())
        placed = placed_in_windows(session, result)
    by_phase = {row.phase: placed.get(placed_key(row), NOTHING_PLACED) for row in result.rows}
    assert by_phase == {Phase.BEFORE: Placed(2, 2, 6), Phase.DURING: Placed(1, 0, 0),
                        Phase.AFTER: NOTHING_PLACED}
    # The counts stay to the day: the day-precision event before, the short span after.
    assert [(row.phase, row.events) for row in result.rows] == [
        (Phase.BEFORE, 1), (Phase.DURING, 0), (Phase.AFTER, 1)]


def test_a_window_as_long_as_a_month_takes_the_month_and_long_spans_inside_it(
        db: Database) -> None:
    _scenario(db)
    with db.reading() as session:
        result = analyse(session, AnalysisSettings(window_days=31))
        placed = placed_in_windows(session, result)
    after = next(row for row in result.rows if row.phase is Phase.AFTER)  # 9 Feb – 11 Mar
    before = next(row for row in result.rows if row.phase is Phase.BEFORE)  # 26 Dec – 1 Feb
    # The nine-day record (9–17 Feb) lies in "after"; the week of 5–11 Feb still runs
    # across the talks' week and after, and February, as a month, into the talks' week.
    assert placed[placed_key(after)] == Placed(1, 0, 0)
    assert placed[placed_key(before)] == Placed(2, 2, 6)


def test_placed_events_follow_the_split_and_the_filter(db: Database) -> None:
    _scenario(db)
    ranges = [DayRange(date(2026, 1, 26), date(2026, 2, 1))]
    with db.reading() as session:
        by_category = placed_tallies(session, ranges, None, SplitBy.CATEGORY)
        energy = placed_tallies(session, ranges, EventFilter(target_category="energy"))
    assert by_category == {"energy": [Placed(1, 0, 6)], "residential": [Placed(1, 2, 0)]}
    assert energy == {None: [Placed(1, 0, 6)]}


def test_a_window_without_imprecise_events_costs_no_query(db: Database) -> None:
    with db.transaction() as session:
        track = reference.create_track(session, "Talks")
        new_round(session, track, "Quiet talks", ScheduledWindow.days(WEEK, KYIV))
        add_events(session, [_event(date(2026, 2, 2), Precision.DAY)])
    with db.reading() as session:
        result = analyse(session, AnalysisSettings())
        assert placed_in_windows(session, result) == {}


def test_a_within_a_week_record_over_a_few_days_is_placed_by_its_days(db: Database) -> None:
    # UCDP's "within a week" precision with date_start..date_end two days apart.
    with db.transaction() as session:
        add_events(session, [_event(date(2026, 1, 27), Precision.WEEK,
                                    event_date_end=date(2026, 1, 28), fatalities=3),
                             _event(date(2026, 1, 31), Precision.WEEK,
                                    event_date_end=date(2026, 2, 3))])
    ranges = [DayRange(date(2026, 1, 26), date(2026, 2, 1)),
              DayRange(date(2026, 2, 2), date(2026, 2, 8))]
    with db.reading() as session:
        assert placed_tallies(session, ranges, None) == {
            None: [Placed(1, 3, 0), NOTHING_PLACED]}
