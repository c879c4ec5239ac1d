"""The negotiation lanes of the timeline: rounds by track, their moves, factor readings."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import delete
from sqlalchemy.orm import Session

from tracker.domain.announcement import Announcement
from tracker.domain.enums import FactorLevel, FactorTrend, Precision, RoundFormat, RoundStatus
from tracker.domain.events import BattlefieldEvent
from tracker.domain.timewindow import ScheduledWindow
from tracker.services import rounds
from tracker.services.factors.factors import ReadingDraft
from tracker.services.factors.operations import new_factor, new_reading
from tracker.services.records.citations import SourceDraft, cite, create_source
from tracker.services.records.reference import create_track, create_venue
from tracker.services.rounds import ChangeNote, RoundDraft, RoundState
from tracker.services.timeline.timeline_lanes import (
    FactorLane,
    ReadingSpan,
    RoundMark,
    TimelineLanes,
    TrackLane,
    WindowMove,
    timeline_lanes,
)
from tracker.storage.database import Database

KYIV, ISTANBUL = "Europe/Kyiv", "Europe/Istanbul"


def utc(year: int, month: int, day: int, hour: int = 0) -> datetime:
    return datetime(year, month, day, hour, tzinfo=UTC)


def _round(session: Session, track: int, title: str, window: ScheduledWindow,
           status: RoundStatus = RoundStatus.SCHEDULED, venue: int | None = None) -> int:
    round_id = rounds.create_round(session, RoundDraft(
        track, title, RoundFormat.BILATERAL, RoundState(window, venue, status))).record_id
    assert round_id is not None
    return round_id


@dataclass(frozen=True)
class Built:
    exchange: int
    alpha: int
    first: int
    undated: int
    deleted: int
    exact: int
    postponed: int
    twice: int
    tensions: int
    grid: int
    readings: tuple[int, int, int]
    moved: int
    source: str


@pytest.fixture
def built(db: Database) -> Built:
    """Two tracks (and one without rounds), rounds moved and not, two factors."""
    with db.transaction() as session:
        exchange = create_track(session, "Prisoner exchange")
        alpha = create_track(session, "alpha track")
        create_track(session, "Empty track")
        istanbul = create_venue(session, name="Istanbul", time_zone=ISTANBUL)
        tensions = new_factor(session, "US–Iran tensions").record_id
        grid = new_factor(session, "Grid").record_id
        # Added out of time order: the spans follow observed_at, not insertion.
        third = new_reading(session, tensions, ReadingDraft(
            utc(2026, 3, 1), FactorLevel.MODERATE, FactorTrend.EASING, "calmer")).record_id
        first_reading = new_reading(session, tensions, ReadingDraft(
            utc(2026, 1, 10, 12), FactorLevel.MODERATE, FactorTrend.RISING, "first")).record_id
        second = new_reading(session, tensions, ReadingDraft(
            utc(2026, 2, 1), FactorLevel.HIGH, FactorTrend.RISING, "worse")).record_id

        first = _round(session, exchange, "First exchange",
                       ScheduledWindow.days(date(2026, 3, 10), ISTANBUL), venue=istanbul)
        moved = rounds.reschedule(
            session, first, ScheduledWindow.days(date(2026, 3, 17), ISTANBUL, date(2026, 3, 18)),
            ChangeNote(reason="US–Iran flare-up", factor_id=tensions)).change_id
        # Neither a status change nor a move of venue moves the window.
        rounds.change_round(session, first, replace(rounds.state_of(
            rounds.get_round(session, first)), status=RoundStatus.CONFIRMED),
            ChangeNote(reason="ok"))
        rounds.relocate(session, first, None, ChangeNote(reason="venue withdrawn"))
        source = create_source(session, SourceDraft(outlet="Wire", title="Talks moved"))
        cite(session, source, "round_id", first)

        undated = _round(session, exchange, "Undated", ScheduledWindow.unknown(KYIV),
                         RoundStatus.PROPOSED)
        deleted = _round(session, exchange, "Deleted",
                         ScheduledWindow.days(date(2026, 1, 5), KYIV))
        rounds.reschedule(session, deleted, ScheduledWindow.days(date(2025, 11, 1), KYIV),
                            ChangeNote())
        rounds.delete(session, deleted, ChangeNote(reason="entered twice"))
        exact = _round(session, exchange, "Exact",
                       ScheduledWindow.exact(datetime(2026, 2, 1, 10), None, KYIV),
                       RoundStatus.PROPOSED)

        postponed = _round(session, alpha, "Postponed then dated",
                           ScheduledWindow.week_of(date(2026, 4, 6), KYIV))
        rounds.postpone(session, postponed, ChangeNote(reason="strikes"))
        rounds.reschedule(session, postponed, ScheduledWindow.week_of(date(2026, 5, 4), KYIV),
                            ChangeNote(reason="new week"))
        twice = _round(session, alpha, "Moved twice", ScheduledWindow.days(date(2026, 6, 1), KYIV))
        rounds.reschedule(session, twice, ScheduledWindow.days(date(2026, 6, 8), KYIV),
                            ChangeNote(reason="later"))
        rounds.reschedule(session, twice, ScheduledWindow.days(date(2026, 5, 25), KYIV),
                            ChangeNote(reason="earlier after all"))
        session.add_all([
            BattlefieldEvent(dataset="T", external_id="1", event_date=date(2026, 7, 4)),
            BattlefieldEvent(dataset="T", external_id="2", event_date=date(2025, 12, 20)),
        ])
    return Built(exchange, alpha, first, undated, deleted, exact, postponed, twice, tensions,
                 grid, (first_reading, second, third), moved, "Wire, “Talks moved”")


def _lanes(db: Database) -> TimelineLanes:
    with db.reading() as session:
        return timeline_lanes(session)


def test_tracks_hold_their_rounds_in_date_order_undated_last(db: Database,
                                                              built: Built) -> None:
    lanes = _lanes(db)
    # By name, ignoring case; the track without rounds has no lane.
    assert [(t.id, t.name) for t in lanes.tracks] == [
        (built.alpha, "alpha track"), (built.exchange, "Prisoner exchange")]
    alpha, exchange = lanes.tracks
    assert [m.id for m in alpha.rounds] == [built.postponed, built.twice]
    # The deleted round is left out; the exact time (1 Feb) comes before 17 March.
    assert [m.id for m in exchange.rounds] == [built.exact, built.first, built.undated]
    assert (exchange.undated, alpha.undated) == (1, 0)


def test_a_round_mark_carries_window_status_venue_and_sources(db: Database,
                                                              built: Built) -> None:
    [first] = [m for t in _lanes(db).tracks for m in t.rounds if m.id == built.first]
    assert first.title == "First exchange"
    assert first.status is RoundStatus.CONFIRMED
    assert first.venue == ""  # relocated to no venue
    assert first.window == ScheduledWindow(Precision.DAY, ISTANBUL, utc(2026, 3, 16, 21),
                                           utc(2026, 3, 18, 21))
    assert first.sources == (built.source,)


def test_a_reschedule_is_one_move_and_other_changes_are_none(db: Database,
                                                             built: Built) -> None:
    marks = {m.id: m for t in _lanes(db).tracks for m in t.rounds}
    [move] = marks[built.first].moves
    assert move.change_id == built.moved
    assert move.old == ScheduledWindow(Precision.DAY, ISTANBUL, utc(2026, 3, 9, 21),
                                       utc(2026, 3, 10, 21))
    assert move.new == marks[built.first].window
    assert (move.reason, move.factor) == ("US–Iran flare-up", "US–Iran tensions")
    assert move.recorded_at.tzinfo is not None
    # Creation, status, venue: no move. Postponed (new window unknown) and dated again
    # (old window unknown): no move either, since one side is undated.
    assert marks[built.exact].moves == marks[built.undated].moves == ()
    assert marks[built.postponed].moves == ()


def test_moves_come_oldest_first(db: Database, built: Built) -> None:
    marks = {m.id: m for t in _lanes(db).tracks for m in t.rounds}
    later, earlier = marks[built.twice].moves
    assert later.change_id < earlier.change_id
    assert (later.old.first_day(), later.new.first_day()) == (date(2026, 6, 1), date(2026, 6, 8))
    assert (earlier.old.first_day(), earlier.new.first_day()) == \
        (date(2026, 6, 8), date(2026, 5, 25))
    assert (later.reason, later.factor) == ("later", "")


def test_a_restored_round_comes_back(db: Database, built: Built) -> None:
    with db.transaction() as session:
        rounds.restore(session, built.deleted, ChangeNote())
    exchange = _lanes(db).tracks[1]
    assert [m.id for m in exchange.rounds] == [
        built.deleted, built.exact, built.first, built.undated]
    [move] = exchange.rounds[0].moves
    assert (move.old.first_day(), move.new.first_day()) == (date(2026, 1, 5), date(2025, 11, 1))


def test_readings_span_until_the_next_one(db: Database, built: Built) -> None:
    factors = _lanes(db).factors
    assert [(f.id, f.name) for f in factors] == [
        (built.grid, "Grid"), (built.tensions, "US–Iran tensions")]
    assert factors[0].readings == ()
    first, second, third = built.readings
    assert factors[1].readings == (
        ReadingSpan(first, utc(2026, 1, 10, 12), utc(2026, 2, 1), FactorLevel.MODERATE,
                    FactorTrend.RISING, "first"),
        ReadingSpan(second, utc(2026, 2, 1), utc(2026, 3, 1), FactorLevel.HIGH,
                    FactorTrend.RISING, "worse"),
        ReadingSpan(third, utc(2026, 3, 1), None, FactorLevel.MODERATE, FactorTrend.EASING,
                    "calmer"),
    )


def test_extent_covers_every_dated_thing(db: Database, built: Built) -> None:
    lanes = _lanes(db)
    assert (lanes.first_event_day, lanes.last_event_day) == (date(2025, 12, 20),
                                                             date(2026, 7, 4))
    # The events span the most: from the first day's start to the last day's end.
    assert lanes.extent() == (utc(2025, 12, 20), utc(2026, 7, 5))
    with db.transaction() as session:
        session.execute(delete(BattlefieldEvent))
    lanes = _lanes(db)
    assert (lanes.first_event_day, lanes.last_event_day) == (None, None)
    # Now the first reading (10 Jan, 12:00) and the end of "Moved twice"'s 8 June window.
    assert lanes.extent() == (utc(2026, 1, 10, 12), utc(2026, 6, 8, 21))


def test_an_empty_database_has_no_lanes_and_no_extent(db: Database) -> None:
    lanes = _lanes(db)
    assert lanes == TimelineLanes((), (), None, None)
    assert lanes.extent() is None


def test_the_sample_scenario(sample_db: Database) -> None:
    lanes = _lanes(sample_db)
    [track] = lanes.tracks
    assert track.name == "US-brokered trilateral talks"
    week, earlier = track.rounds
    assert (week.title, earlier.title) == ("Trilateral talks announced for the coming week",
                                           "Earlier talks (implied by the report)")
    assert week.window == ScheduledWindow.week_of(date(2026, 2, 2), KYIV)
    assert week.status is RoundStatus.SCHEDULED and earlier.status is RoundStatus.HELD
    assert earlier.window.start is None and track.undated == 1
    assert week.moves == earlier.moves == ()
    assert len(week.sources) == 2 and week.sources[0].startswith("Seed news report")
    assert [f.name for f in lanes.factors] == [
        "Starlink restriction on Russian use", "U.S.–Iran tensions", "Winter grid collapse"]
    for factor in lanes.factors:
        [reading] = factor.readings
        assert (reading.start, reading.end) == (utc(2026, 1, 31, 10), None)  # 12:00 in Kyiv
    assert (lanes.first_event_day, lanes.last_event_day) == (date(2026, 1, 26),
                                                             date(2026, 1, 26))
    # 26 January (the strikes) to the end of the announced week (Sunday 8 Feb, Kyiv).
    assert lanes.extent() == (utc(2026, 1, 26), utc(2026, 2, 8, 22))
    # On an axis drawn in Kyiv time the strikes' day starts two hours earlier.
    assert lanes.extent(KYIV) == (utc(2026, 1, 25, 22), utc(2026, 2, 8, 22))


# -- extent, part by part ------------------------------------------------------------------------

def _mark(window: ScheduledWindow, *moves: WindowMove) -> RoundMark:
    return RoundMark(1, "r", RoundStatus.SCHEDULED, window, "", moves, ())


def _move(old: ScheduledWindow, new: ScheduledWindow) -> WindowMove:
    return WindowMove(1, utc(2026, 1, 1), old, new, "", "",
                      Announcement.at_instant(utc(2026, 1, 1)))


def _tracks(*marks: RoundMark) -> tuple[TrackLane, ...]:
    return (TrackLane(1, "t", marks),)


DAY_3 = ScheduledWindow.days(date(2026, 3, 3), "UTC")
DAY_5 = ScheduledWindow.days(date(2026, 3, 5), "UTC")
DAY_9 = ScheduledWindow.days(date(2026, 3, 9), "UTC")
AT_NOON = ScheduledWindow.exact(datetime(2026, 3, 4, 12), None, "UTC")


@pytest.mark.parametrize(("lanes", "extent"), [
    (TimelineLanes(_tracks(_mark(DAY_5)), (), None, None), (utc(2026, 3, 5), utc(2026, 3, 6))),
    # An exact time without an end is still a place on the axis.
    (TimelineLanes(_tracks(_mark(AT_NOON)), (), None, None),
     (utc(2026, 3, 4, 12), utc(2026, 3, 4, 12))),
    (TimelineLanes(_tracks(_mark(ScheduledWindow.unknown())), (), None, None), None),
    # The window a round was moved from...
    (TimelineLanes(_tracks(_mark(DAY_5, _move(DAY_3, DAY_5))), (), None, None),
     (utc(2026, 3, 3), utc(2026, 3, 6))),
    # ...and to, when it has since been postponed to no date.
    (TimelineLanes(_tracks(_mark(ScheduledWindow.unknown(), _move(DAY_3, DAY_9))), (),
                   None, None), (utc(2026, 3, 3), utc(2026, 3, 10))),
    (TimelineLanes((), (FactorLane(1, "f", (
        ReadingSpan(1, utc(2026, 2, 1), utc(2026, 2, 9), FactorLevel.LOW, FactorTrend.STABLE, ""),
        ReadingSpan(2, utc(2026, 2, 9), None, FactorLevel.HIGH, FactorTrend.RISING, ""))),),
                   None, None), (utc(2026, 2, 1), utc(2026, 2, 9))),
    # One event day: the whole day.
    (TimelineLanes((), (), date(2026, 3, 4), date(2026, 3, 4)),
     (utc(2026, 3, 4), utc(2026, 3, 5))),
    (TimelineLanes(_tracks(_mark(AT_NOON)), (), date(2026, 3, 3), date(2026, 3, 9)),
     (utc(2026, 3, 3), utc(2026, 3, 10))),
    (TimelineLanes((), (), None, None), None),
])
def test_extent_part_by_part(lanes: TimelineLanes,
                             extent: tuple[datetime, datetime] | None) -> None:
    assert lanes.extent() == extent


def test_event_days_are_days_of_the_axis_zone() -> None:
    lanes = TimelineLanes((), (), date(2026, 3, 4), date(2026, 7, 4))
    # Kyiv is UTC+2 in March and UTC+3 in July.
    assert lanes.extent(KYIV) == (utc(2026, 3, 3, 22), utc(2026, 7, 4, 21))
    assert lanes.extent("America/New_York") == (utc(2026, 3, 4, 5), utc(2026, 7, 5, 4))


def test_a_round_postponed_without_a_new_date_keeps_its_last_window(
        sample_db: Database) -> None:
    with sample_db.transaction() as session:
        before = timeline_lanes(session)
        week = next(m for t in before.tracks for m in t.rounds if m.id == 2).window
        rounds.postpone(session, 2, rounds.ChangeNote(reason="talks off"))
    with sample_db.reading() as session:
        lanes = timeline_lanes(session)
    mark = next(m for t in lanes.tracks for m in t.rounds if m.id == 2)
    assert mark.status is RoundStatus.POSTPONED
    assert mark.window.start is None
    assert mark.last_dated == week
    extent = lanes.extent()
    assert extent is not None and extent[0] <= week.start  # type: ignore[operator]
    # A round that never had a date has nothing to show.
    assert next(m for t in lanes.tracks for m in t.rounds if m.id == 1).last_dated is None
