"""A change typed in after later ones is told from what had been announced before it."""

from __future__ import annotations

from datetime import date, datetime

from tests.services.scenario import announced_round, build
from tracker.domain.announcement import Announcement
from tracker.domain.chronology import EntryKind
from tracker.domain.timewindow import ScheduledWindow
from tracker.services import rounds
from tracker.services.chronology.chronology import iter_chronology
from tracker.services.rounds.relocation import KeepTime
from tracker.storage.database import Database

FEB_1 = Announcement.on_day(date(2026, 2, 1))
FOURTH = ScheduledWindow.exact(datetime(2026, 2, 4, 10), datetime(2026, 2, 5, 18), "Europe/Kyiv")


def _entered_out_of_order(db: Database) -> int:
    """A round announced on 31 Jan for the week of 2 Feb; rescheduled to 4-5 Feb and
    moved to Abu Dhabi (announced when typed, today); then a postponement typed in,
    announced on 1 Feb, before either."""
    with db.transaction() as session:
        ids = build(session)
        round_id = announced_round(session, ids.track, date(2026, 1, 31))
        rounds.reschedule(session, round_id, FOURTH, rounds.ChangeNote("dates set"))
        rounds.relocate(session, round_id, ids.abu_dhabi, rounds.ChangeNote("moved"),
                        keep=KeepTime.WALL_CLOCK)
        rounds.postpone(session, round_id, rounds.ChangeNote("postponed", announced=FEB_1))
    return round_id


def test_a_late_entry_is_told_from_the_state_announced_before_it(db: Database) -> None:
    _entered_out_of_order(db)
    with db.reading() as session:
        changes = [entry for entry in iter_chronology(session, tz="Europe/Kyiv")
                   if entry.kind is EntryKind.SCHEDULE_CHANGE and entry.record_id > 1]
    _, postponed, *later = changes
    rescheduled, relocated = sorted(later, key=lambda entry: entry.record_id)
    # On 1 Feb the round was for the week of 2 Feb, venue unknown: not 4-5 Feb in Abu
    # Dhabi, which was announced (entered) later.
    assert postponed.day == date(2026, 2, 1)
    assert postponed.detail.startswith(
        "status: scheduled → postponed; week of 2 Feb 2026 (to 8 Feb 2026) → date unknown.")
    assert postponed.place == ""
    assert rescheduled.detail.startswith("date unknown → 4 Feb 2026 10:00 – 5 Feb 2026 18:00 EET")
    assert "venue: unknown → Abu Dhabi" in relocated.detail
    assert relocated.place == "Abu Dhabi"


def test_the_schedule_as_known_follows_the_announcements_not_the_typing(
        db: Database) -> None:
    round_id = _entered_out_of_order(db)
    with db.reading() as session:
        [row] = [r for r in rounds.list_rounds(session, rounds.AsOf(date(2026, 2, 2),
                                                                    "Europe/Kyiv"))
                 if r.id == round_id]
    assert row.status.value == "postponed" and row.venue is None
