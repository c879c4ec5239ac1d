"""Relocation moves the zone: the wall-clock time or the instant, as the user says."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from tests.services.scenario import build
from tracker.domain.enums import ChangeKind, Precision
from tracker.domain.timewindow import ScheduledWindow, WindowError
from tracker.services import rounds
from tracker.services.common.errors import ValidationError
from tracker.services.records import reference
from tracker.services.records.conflicts import ConflictError
from tracker.services.rounds.relocation import KeepTime, preview, window_at
from tracker.services.timeline.timeline_lanes import timeline_lanes
from tracker.storage.database import Database

KYIV, DUBAI, NEW_YORK, ISTANBUL = ("Europe/Kyiv", "Asia/Dubai", "America/New_York",
                                   "Europe/Istanbul")


def _utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def _kyiv(day: date, start: int, end: int) -> ScheduledWindow:
    return ScheduledWindow.exact(datetime(day.year, day.month, day.day, start),
                                 datetime(day.year, day.month, day.day, end), KYIV)


@pytest.mark.parametrize(("day", "tz", "keep", "start", "end"), [
    # Winter: Kyiv is UTC+2, Dubai UTC+4.
    (date(2026, 2, 5), DUBAI, KeepTime.WALL_CLOCK, _utc(2026, 2, 5, 6), _utc(2026, 2, 5, 14)),
    (date(2026, 2, 5), DUBAI, KeepTime.INSTANT, _utc(2026, 2, 5, 8), _utc(2026, 2, 5, 16)),
    # New York's clocks went forward on 8 March, Kyiv's not yet (UTC+2, New York UTC-4).
    (date(2026, 3, 26), NEW_YORK, KeepTime.WALL_CLOCK, _utc(2026, 3, 26, 14),
     _utc(2026, 3, 26, 22)),
    (date(2026, 3, 26), NEW_YORK, KeepTime.INSTANT, _utc(2026, 3, 26, 8),
     _utc(2026, 3, 26, 16)),
    # After Kyiv's change on 29 March too (UTC+3).
    (date(2026, 3, 30), NEW_YORK, KeepTime.WALL_CLOCK, _utc(2026, 3, 30, 14),
     _utc(2026, 3, 30, 22)),
    (date(2026, 3, 30), NEW_YORK, KeepTime.INSTANT, _utc(2026, 3, 30, 7),
     _utc(2026, 3, 30, 15)),
])
def test_an_exact_time_keeps_what_was_chosen(day: date, tz: str, keep: KeepTime,
                                             start: datetime, end: datetime) -> None:
    moved = window_at(_kyiv(day, 10, 18), tz, keep)
    assert moved == ScheduledWindow(Precision.EXACT, tz, start, end)


def test_the_preview_tells_both_choices() -> None:
    seen = preview(_kyiv(date(2026, 2, 5), 10, 18), DUBAI, "Emirates Palace")
    assert [(choice.keep, choice.text, choice.possible) for choice in seen.choices] == [
        (KeepTime.WALL_CLOCK, "still 10:00, now Dubai time: 5 Feb 2026 10:00–18:00 +04", True),
        (KeepTime.INSTANT, "now 12:00 in Dubai: 5 Feb 2026 12:00–20:00 +04", True)]
    assert seen.problem is None


@pytest.mark.parametrize("window", [
    ScheduledWindow.days(date(2026, 3, 28), KYIV, date(2026, 3, 30)),  # across Kyiv's change
    ScheduledWindow.week_of(date(2026, 2, 2), KYIV),
    ScheduledWindow.month_of(date(2026, 3, 1), KYIV),
])
@pytest.mark.parametrize("keep", list(KeepTime))
def test_days_weeks_and_months_keep_their_days(window: ScheduledWindow,
                                               keep: KeepTime) -> None:
    moved = window_at(window, NEW_YORK, keep)
    assert (moved.precision, moved.tz) == (window.precision, NEW_YORK)
    assert (moved.first_day(), moved.last_day()) == (window.first_day(), window.last_day())
    seen = preview(window, NEW_YORK, "UN Headquarters")
    assert seen.choices == ()  # nothing to choose
    assert seen.outcome.endswith("the same days, now New York time")


def test_an_unknown_date_takes_the_zone() -> None:
    assert window_at(ScheduledWindow.unknown(KYIV), DUBAI, KeepTime.WALL_CLOCK) == \
        ScheduledWindow.unknown(DUBAI)


def test_a_wall_clock_time_the_new_zone_skips_is_refused() -> None:
    # 02:30 on 8 March 2026 does not exist in New York: its clocks jumped from 02:00 to 03:00.
    window = ScheduledWindow.exact(datetime(2026, 3, 8, 2, 30), None, KYIV)
    with pytest.raises(WindowError, match="does not exist in America/New_York"):
        window_at(window, NEW_YORK, KeepTime.WALL_CLOCK)
    assert window_at(window, NEW_YORK, KeepTime.INSTANT).start == window.start
    wall = preview(window, NEW_YORK, "UN Headquarters").choice(KeepTime.WALL_CLOCK)
    assert not wall.possible and "keep the instant instead" in wall.text


def test_zones_whose_clocks_agree_offer_no_choice() -> None:
    window = ScheduledWindow.exact(datetime(2026, 7, 6, 10), None, KYIV)  # both UTC+3
    seen = preview(window, ISTANBUL, "Ciragan Palace")
    assert seen.choices == ()
    assert seen.outcome == "6 Jul 2026 10:00 +03: the same time in Istanbul"


# -- the operation ---------------------------------------------------------------------------


def _exact_round(db: Database, window: ScheduledWindow) -> int:
    with db.transaction() as session:
        ids = build(session)
        rounds.reschedule(session, ids.round, window, rounds.ChangeNote("Date set"))
    return ids.round


def test_relocating_across_zones_asks_which_to_keep(db: Database) -> None:
    round_id = _exact_round(db, _kyiv(date(2026, 2, 5), 10, 18))
    with pytest.raises(ValidationError) as refused, db.transaction() as session:
        rounds.relocate(session, round_id, 2, rounds.ChangeNote("Moved"))  # Abu Dhabi
    assert refused.value.field == "keep"
    assert "still 10:00, now Dubai time" in str(refused.value)
    assert "now 12:00 in Dubai" in str(refused.value)
    with db.reading() as session:
        assert rounds.get_round(session, round_id).window.tz == KYIV  # nothing written


@pytest.mark.parametrize(("keep", "start"), [
    (KeepTime.WALL_CLOCK, _utc(2026, 2, 5, 6)), (KeepTime.INSTANT, _utc(2026, 2, 5, 8))])
def test_relocating_moves_the_window_into_the_venues_zone(
        db: Database, keep: KeepTime, start: datetime) -> None:
    before = _kyiv(date(2026, 2, 5), 10, 18)
    round_id = _exact_round(db, before)
    with db.transaction() as session:
        outcome = rounds.relocate(session, round_id, 2, rounds.ChangeNote("Moved"), keep=keep)
        round_ = rounds.get_round(session, round_id)
        assert (round_.window.tz, round_.window.start) == (DUBAI, start)
        assert round_.venue_id == 2
        [*_, moved] = rounds.history(session, round_id)
        assert moved.kind is ChangeKind.RELOCATED  # a relocation, though the window moved
        assert "venue: unknown → Abu Dhabi" in moved.summary
        assert outcome.undo is not None
        back = outcome.undo(session)
        assert rounds.get_round(session, round_id).window == before
        assert rounds.get_round(session, round_id).venue_id is None
        assert rounds.history(session, round_id)[-1].kind is ChangeKind.RELOCATED
        assert back.undo is not None
        back.undo(session)  # redo: the same move again
        assert rounds.get_round(session, round_id).window.start == start


def test_a_week_moves_to_the_venues_zone_without_a_choice(db: Database) -> None:
    with db.transaction() as session:
        ids = build(session)
        rounds.relocate(session, ids.round, ids.abu_dhabi, rounds.ChangeNote("Venue set"))
        assert rounds.get_round(session, ids.round).window == \
            ScheduledWindow.week_of(date(2026, 2, 2), DUBAI)


def test_a_venue_whose_zone_is_not_known_is_refused(db: Database) -> None:
    round_id = _exact_round(db, _kyiv(date(2026, 2, 5), 10, 18))
    with pytest.raises(ValidationError) as refused, db.transaction() as session:
        venue = reference.create_venue(session, name="Somewhere")  # zone left at "UTC"
        rounds.relocate(session, round_id, venue, rounds.ChangeNote(),
                        keep=KeepTime.INSTANT)
    assert refused.value.field == "venue"
    assert "time zone of Somewhere is not known" in str(refused.value)


def test_no_venue_leaves_the_window_as_it_is(db: Database) -> None:
    window = _kyiv(date(2026, 2, 5), 10, 18)
    round_id = _exact_round(db, window)
    with db.transaction() as session:
        rounds.relocate(session, round_id, 2, rounds.ChangeNote(), keep=KeepTime.INSTANT)
        rounds.relocate(session, round_id, None, rounds.ChangeNote("Venue withdrawn"))
        round_ = rounds.get_round(session, round_id)
        assert (round_.venue_id, round_.window.tz) == (None, DUBAI)


def test_a_relocation_is_no_move_on_the_timeline(db: Database) -> None:
    round_id = _exact_round(db, _kyiv(date(2026, 2, 5), 10, 18))
    with db.transaction() as session:
        rounds.relocate(session, round_id, 2, rounds.ChangeNote(), keep=KeepTime.WALL_CLOCK)
        [track] = timeline_lanes(session).tracks
        [mark] = track.rounds
    assert [move.new.start for move in mark.moves] == [_kyiv(date(2026, 2, 5), 10, 18).start]


def test_a_conflict_carries_the_window_moved_into_the_venues_zone(db: Database) -> None:
    # What "Theirs + Reapply Mine" writes: their new date, in the zone of my venue.
    round_id = _exact_round(db, _kyiv(date(2026, 2, 5), 10, 18))
    with pytest.raises(ConflictError) as conflict, db.transaction() as session:
        seen = rounds.get_round(session, round_id).version
        rounds.reschedule(session, round_id, _kyiv(date(2026, 2, 6), 10, 18),
                          rounds.ChangeNote("someone else"))
        rounds.relocate(session, round_id, 2, rounds.ChangeNote(), keep=KeepTime.WALL_CLOCK,
                        expected_version=seen)
    assert conflict.value.mine["venue"] == 2
    assert conflict.value.mine["window"] == ScheduledWindow.exact(
        datetime(2026, 2, 6, 10), datetime(2026, 2, 6, 18), DUBAI)
