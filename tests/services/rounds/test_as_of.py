"""The schedule as known on any day, rebuilt from when each change was announced."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from tests.services.scenario import Ids, build
from tracker.domain.announcement import Announcement
from tracker.domain.enums import Precision, RoundFormat, RoundStatus
from tracker.domain.negotiation import ScheduleChange
from tracker.domain.sources import Source
from tracker.domain.timewindow import ScheduledWindow
from tracker.services import rounds
from tracker.services.common.errors import NotFoundError, ValidationError
from tracker.storage.database import Database

KYIV = "Europe/Kyiv"
WEEK = ScheduledWindow.week_of(date(2026, 2, 2), "Asia/Dubai")
FOURTH = ScheduledWindow.exact(datetime(2026, 2, 4, 10), datetime(2026, 2, 5, 18), "Asia/Dubai")
EIGHTEENTH = ScheduledWindow.days(date(2026, 2, 18), "Europe/Istanbul")


def _announcements(db: Database) -> tuple[Ids, int]:
    """A round's history as the news told it, entered on the day (and one slip undone):

    20 Jan  announced for the week of 2 Feb in Abu Dhabi (a day: the source's date);
    28 Jan  set for 4-5 Feb, at 15:00 Kyiv time;
    29 Jan  a reschedule typed by mistake, then undone;
     1 Feb  postponed (a day);
    10 Feb  set for 18 Feb in Istanbul.
    """
    with db.transaction() as session:
        ids = build(session)
        created = rounds.create_round(session, rounds.RoundDraft(
            ids.track, "Abu Dhabi round", RoundFormat.TRILATERAL,
            rounds.RoundState(WEEK, ids.abu_dhabi, RoundStatus.SCHEDULED)),
            rounds.ChangeNote("announced", announced=Announcement.on_day(date(2026, 1, 20))))
        round_id = created.record_id
        assert round_id is not None
        rounds.reschedule(session, round_id, FOURTH, rounds.ChangeNote(
            "dates set", announced=Announcement.at_instant(
                datetime(2026, 1, 28, 13, tzinfo=UTC))))
        slip = rounds.reschedule(session, round_id, EIGHTEENTH, rounds.ChangeNote(
            "typed in the wrong round", announced=Announcement.on_day(date(2026, 1, 29))))
        assert slip.undo is not None
        slip.undo(session)
        rounds.postpone(session, round_id, rounds.ChangeNote(
            "postponed", announced=Announcement.on_day(date(2026, 2, 1))))
        rounds.reschedule(session, round_id, EIGHTEENTH, rounds.ChangeNote(
            "set again", announced=Announcement.on_day(date(2026, 2, 10))))
        rounds.relocate(session, round_id, ids.istanbul, rounds.ChangeNote(
            "moved to Istanbul", announced=Announcement.on_day(date(2026, 2, 10))))
    return ids, round_id


def _expected(day: date, ids: Ids) -> tuple[ScheduledWindow, int | None, RoundStatus] | None:
    if day < date(2026, 1, 20):
        return None
    if day < date(2026, 1, 28):
        return WEEK, ids.abu_dhabi, RoundStatus.SCHEDULED
    if day < date(2026, 2, 1):
        return FOURTH, ids.abu_dhabi, RoundStatus.SCHEDULED
    if day < date(2026, 2, 10):
        return ScheduledWindow.unknown("Asia/Dubai"), ids.abu_dhabi, RoundStatus.POSTPONED
    return EIGHTEENTH, ids.istanbul, RoundStatus.SCHEDULED


def test_the_schedule_as_known_on_every_day_of_its_history(db: Database) -> None:
    ids, round_id = _announcements(db)
    day = date(2026, 1, 15)
    with db.reading() as session:
        while day <= date(2026, 2, 20):
            known = {row.id: row for row in rounds.list_rounds(session, rounds.AsOf(day, KYIV))}
            expected = _expected(day, ids)
            if expected is None:
                assert round_id not in known, day
            else:
                row = known[round_id]
                venue = row.venue.id if row.venue else None
                assert (row.window, venue, row.status) == expected, day
            day += timedelta(days=1)


def test_an_instant_counts_on_its_local_day_and_a_date_on_itself(db: Database) -> None:
    """28 Jan 13:00 UTC is 15:00 in Kyiv but already 29 Jan 02:00 in Auckland."""
    _, round_id = _announcements(db)
    with db.reading() as session:
        in_kyiv = {r.id: r for r in rounds.list_rounds(session, rounds.AsOf(date(2026, 1, 28),
                                                                             KYIV))}
        in_auckland = {r.id: r for r in rounds.list_rounds(
            session, rounds.AsOf(date(2026, 1, 28), "Pacific/Auckland"))}
        assert in_kyiv[round_id].window == FOURTH
        assert in_auckland[round_id].window.precision is Precision.WEEK
        # A day's announcement is that date in every zone, never the day before.
        west = {r.id: r for r in rounds.list_rounds(
            session, rounds.AsOf(date(2026, 2, 1), "America/Los_Angeles"))}
        assert west[round_id].status is RoundStatus.POSTPONED


def test_a_round_deleted_later_was_still_known_before(db: Database) -> None:
    _, round_id = _announcements(db)
    with db.transaction() as session:
        rounds.delete(session, round_id, rounds.ChangeNote(
            "entered twice", announced=Announcement.on_day(date(2026, 2, 12))))
    with db.reading() as session:
        assert round_id in {r.id for r in rounds.list_rounds(session, rounds.AsOf(
            date(2026, 2, 11), KYIV))}
        assert round_id not in {r.id for r in rounds.list_rounds(session, rounds.AsOf(
            date(2026, 2, 12), KYIV))}
        assert round_id not in {r.id for r in rounds.list_rounds(session)}


def test_a_change_cannot_be_announced_after_it_was_entered(db: Database) -> None:
    tomorrow = datetime.now(UTC) + timedelta(days=2)
    with db.transaction() as session:
        ids = build(session)
        with pytest.raises(ValidationError, match="after it was entered") as raised:
            rounds.cancel(session, ids.round, rounds.ChangeNote(
                "called off", announced=Announcement.on_day(tomorrow.date())))
        assert raised.value.field == "announced"
        with pytest.raises(ValidationError, match="after it was entered"):
            rounds.cancel(session, ids.round, rounds.ChangeNote(
                "called off", announced=Announcement.at_instant(tomorrow)))
        with pytest.raises(ValidationError, match="from 01 Jan 1900"):
            rounds.cancel(session, ids.round, rounds.ChangeNote(
                "called off", announced=Announcement.on_day(date(1899, 12, 31))))


def test_a_change_defaults_to_its_sources_publication_day(db: Database) -> None:
    with db.transaction() as session:
        ids = build(session)
        source = Source(outlet="Reuters", title="Talks postponed",
                        published_on=date(2026, 2, 1))
        session.add(source)
        session.flush()
        done = rounds.postpone(session, ids.round, rounds.ChangeNote(
            "postponed", source_id=source.id))
        change = session.get(ScheduleChange, done.change_id)
        assert change is not None
        assert change.announced == Announcement.on_day(date(2026, 2, 1))
        assert change.recorded_at.date() > date(2026, 2, 1)


def test_the_detail_as_known_on_a_day_has_the_history_announced_by_then(
        db: Database) -> None:
    _, round_id = _announcements(db)
    with db.reading() as session:
        detail = rounds.round_detail(session, round_id, rounds.AsOf(date(2026, 2, 5), KYIV))
        assert detail.row.status is RoundStatus.POSTPONED
        # Announced by 5 Feb: the creation, 28 Jan, the slip said to be of 29 Jan (struck
        # through in the pane) and the postponement; not the undo, entered today.
        assert [record.reason for record in detail.history] == [
            "announced", "dates set", "typed in the wrong round", "postponed"]
        assert detail.history[2].retracted
        with pytest.raises(NotFoundError):
            rounds.round_detail(session, round_id, rounds.AsOf(date(2026, 1, 19), KYIV))
