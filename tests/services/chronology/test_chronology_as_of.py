"""The chronology as known at the end of a past day: the changes announced by then, the
rounds as known then, the readings and events reported by then; every way of reading it
(streamed, paged, counted, the report) agrees."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

from sqlalchemy import select

from tests.services.scenario import add_events, build
from tracker.domain.announcement import Announcement
from tracker.domain.chronology import ChronologyEntry, EntryKind
from tracker.domain.enums import FactorLevel, FactorTrend, LinkKind, RoundFormat, RoundStatus
from tracker.domain.events import BattlefieldEvent
from tracker.domain.timewindow import ScheduledWindow
from tracker.services import rounds
from tracker.services.chronology.chronology import (
    chronology_page,
    count_chronology,
    iter_chronology,
)
from tracker.services.events.link_operations import add_link
from tracker.services.events.linking import LinkSpec
from tracker.services.exports.export import ExportFormat, write_chronology
from tracker.services.factors.factors import ReadingDraft
from tracker.services.factors.operations import new_reading
from tracker.services.rounds.relocation import KeepTime
from tracker.storage.database import Database

KYIV = "Europe/Kyiv"
THEN = rounds.AsOf(date(2026, 1, 28), KYIV)
FOURTH = ScheduledWindow.exact(datetime(2026, 2, 4, 10), datetime(2026, 2, 5, 18), "Asia/Dubai")


def _history(db: Database) -> int:
    """A round announced on 20 Jan, set for 4-5 Feb on 27 Jan, moved to Istanbul on
    30 Jan; readings on 27 and 29 Jan; events reported for 27 and 29 Jan, both linked to
    the round."""
    with db.transaction() as session:
        ids = build(session)
        created = rounds.create_round(session, rounds.RoundDraft(
            ids.track, "Abu Dhabi round", RoundFormat.TRILATERAL, rounds.RoundState(
                ScheduledWindow.week_of(date(2026, 2, 2), "Asia/Dubai"), ids.abu_dhabi,
                RoundStatus.SCHEDULED)),
            rounds.ChangeNote("announced", announced=Announcement.on_day(date(2026, 1, 20))))
        round_id = created.record_id
        assert round_id is not None
        rounds.reschedule(session, round_id, FOURTH, rounds.ChangeNote(
            "dates set", announced=Announcement.on_day(date(2026, 1, 27))))
        rounds.relocate(session, round_id, ids.istanbul, rounds.ChangeNote(
            "moved", announced=Announcement.at_instant(datetime(2026, 1, 30, 9, tzinfo=UTC))),
            keep=KeepTime.WALL_CLOCK)
        for day in (27, 29):
            new_reading(session, ids.tensions, ReadingDraft(
                datetime(2026, 1, day, 10, tzinfo=UTC), FactorLevel.HIGH, FactorTrend.RISING,
                f"reading of {day} Jan"))
        add_events(session, [
            {"event_date": date(2026, 1, 27), "summary": "Substation hit", "location": "Kyiv"},
            {"event_date": date(2026, 1, 29), "summary": "Depot hit", "location": "Lviv"}])
        for event_id in session.scalars(select(BattlefieldEvent.id)):
            add_link(session, LinkSpec(event_id, round_id, None, LinkKind.CONTEXT))
    return round_id


def _texts(entries: list[ChronologyEntry]) -> str:
    return "\n".join(" ".join((entry.title, entry.detail, entry.place, *entry.links))
                     for entry in entries)


def test_the_chronology_holds_what_was_known_then(db: Database) -> None:
    round_id = _history(db)
    with db.reading() as session:
        entries = list(iter_chronology(session, tz=KYIV, as_of=THEN))
    kinds = [entry.kind for entry in entries]
    assert kinds.count(EntryKind.SCHEDULE_CHANGE) == 2  # the creation and the 27 Jan move
    assert kinds.count(EntryKind.FACTOR_READING) == 1
    assert [entry.detail for entry in entries if entry.kind is EntryKind.EVENT] == [
        "Substation hit"]
    known = next(entry for entry in entries
                 if entry.kind is EntryKind.ROUND and entry.record_id == round_id)
    assert (known.when, known.place) == (FOURTH.start, "Abu Dhabi")
    assert known.detail.startswith("Scheduled trilateral round")
    # Its links name the event reported by then, not the later one.
    assert [link for link in known.links if link.startswith("event")] == [
        "event 27 Jan 2026 Kyiv (context)"]
    text = _texts(entries)
    assert "Istanbul" not in text and "Lviv" not in text and "29 Jan" not in text
    # The scenario's own round was announced today: not known then.
    assert "Trilateral round" not in text


def test_streamed_paged_and_counted_as_of_a_day_agree(db: Database) -> None:
    _history(db)
    with db.reading() as session:
        whole = list(iter_chronology(session, tz=KYIV, as_of=THEN))
        total = count_chronology(session, tz=KYIV, as_of=THEN)
        assert total == len(whole)
        for size in (1, 2, 3):
            for offset in range(total):
                page = chronology_page(session, offset=offset, limit=size, tz=KYIV,
                                       as_of=THEN)
                assert page == whole[offset:offset + size], (offset, size)
                assert chronology_page(session, offset=offset, limit=size, tz=KYIV,
                                       as_of=THEN, total=total) == page
                if offset:
                    assert chronology_page(session, offset=offset, limit=size, tz=KYIV,
                                           as_of=THEN, after=whole[offset - 1]) == page
        assert len(list(iter_chronology(session, tz=KYIV))) > total


def test_the_report_as_of_a_day_says_so_and_counts_what_was_reported(db: Database) -> None:
    _history(db)
    stream = io.StringIO()
    with db.reading() as session:
        write_chronology(session, stream, ExportFormat.HTML, tz=KYIV, as_of=THEN)
    report = stream.getvalue()
    assert "<title>Chronology report as known on 28 Jan 2026</title>" in report
    assert "<h1><bdi>Chronology report as known on 28 Jan 2026</bdi></h1>" in report
    assert "not the current one" in report
    assert "Substation hit" in report and "Depot hit" not in report
    assert "Istanbul" not in report.split("<h2", 1)[1]  # the venues known then only
