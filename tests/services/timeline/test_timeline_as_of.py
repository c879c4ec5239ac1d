"""The timeline's "as known then" lane: the rounds as known on a day, as the lane shows them."""

from __future__ import annotations

from datetime import date

from tests.services.rounds.test_as_of import EIGHTEENTH, FOURTH, KYIV, WEEK, _announcements
from tracker.domain.announcement import Announcement
from tracker.domain.enums import RoundStatus
from tracker.services import rounds
from tracker.services.timeline.timeline_as_of import known_lane
from tracker.storage.database import Database


def test_the_lane_holds_each_round_as_known_on_the_day_with_its_track_and_venue(
        db: Database) -> None:
    ids, round_id = _announcements(db)
    with db.reading() as session:
        before = known_lane(session, rounds.AsOf(date(2026, 1, 19), KYIV))
        assert round_id not in {mark.round_id for mark in before.marks}

        lane = known_lane(session, rounds.AsOf(date(2026, 1, 27), KYIV))
        assert lane.label == "As known on 27 Jan"
        mark = lane.mark(round_id)
        assert mark is not None
        assert (mark.window, mark.status, mark.venue) == (
            WEEK, RoundStatus.SCHEDULED, "Abu Dhabi")
        assert mark.track_id == ids.track and mark.title == "Abu Dhabi round"
        assert mark.announced == Announcement.on_day(date(2026, 1, 20))
        assert lane.of_track(ids.track) == tuple(
            m for m in lane.marks if m.track_id == ids.track)
        assert lane.of_track(ids.track + 1000) == ()
        assert lane.extent() == (WEEK.start, WEEK.end)
        assert before.extent() is None

        dated = known_lane(session, rounds.AsOf(date(2026, 1, 28), KYIV)).mark(round_id)
        assert dated is not None and dated.window == FOURTH

        later = known_lane(session, rounds.AsOf(date(2026, 2, 10), KYIV)).mark(round_id)
        assert later is not None
        assert (later.window, later.venue) == (EIGHTEENTH, "Istanbul")


def test_a_round_deleted_since_keeps_its_ghost_for_the_days_it_was_known(db: Database) -> None:
    _, round_id = _announcements(db)
    with db.transaction() as session:
        rounds.delete(session, round_id, rounds.ChangeNote(
            "entered twice", announced=Announcement.on_day(date(2026, 2, 12))))
    with db.reading() as session:
        assert known_lane(session, rounds.AsOf(date(2026, 2, 11), KYIV)).mark(round_id)
        assert known_lane(session, rounds.AsOf(date(2026, 2, 12), KYIV)).mark(round_id) is None
