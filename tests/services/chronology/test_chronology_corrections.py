"""Issue 13: the chronology dates a change by its announcement, and an undone change is no
move: left out of every view and export, or told as a correction when asked for."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime

import jsonschema
from sqlalchemy.orm import Session

from tests.services.scenario import Ids, add_events, build
from tracker import resources
from tracker.domain.announcement import Announcement
from tracker.domain.chronology import ChronologyEntry, EntryKind
from tracker.domain.enums import Precision
from tracker.domain.timewindow import ScheduledWindow
from tracker.services import rounds
from tracker.services.analysis.anchors import Around, find_anchors
from tracker.services.chronology.chronology import (
    chronology_page,
    count_chronology,
    iter_chronology,
)
from tracker.services.exports.export import ExportFormat, write_chronology
from tracker.services.exports.timelinejs import build_timeline
from tracker.services.exports.timelinejs_selection import TimelineRequest
from tracker.services.timeline.timeline_lanes import timeline_lanes
from tracker.storage.database import Database

FEB_1 = Announcement.on_day(date(2026, 2, 1))
NEW_WINDOW = ScheduledWindow.days(date(2026, 2, 10), "Europe/Kyiv")


def _announced_late(db: Database) -> Ids:
    """The week-of-2-Feb round moved to 10 Feb: announced on 1 Feb, typed in today."""
    with db.transaction() as session:
        ids = build(session)
        add_events(session, [{"event_date": date(2026, 1, 28), "summary": "strike A"},
                             {"event_date": date(2026, 2, 3), "summary": "strike B"}])
        rounds.reschedule(session, ids.round, NEW_WINDOW, rounds.ChangeNote(
            "Delegations asked for more time", ids.tensions, announced=FEB_1))
    return ids


def _changes(entries: list[ChronologyEntry]) -> list[ChronologyEntry]:
    return [e for e in entries if e.kind is EntryKind.SCHEDULE_CHANGE]


def test_a_change_entered_late_sorts_and_is_dated_under_its_announcement(
        db: Database) -> None:
    _announced_late(db)
    with db.reading() as session:
        # Until March: the round's creation, announced when entered (today), is later.
        entries = list(iter_chronology(session, date_from=date(2026, 1, 1),
                                       date_to=date(2026, 3, 1), tz="America/New_York"))
    assert [(e.kind, e.detail if e.kind is EntryKind.EVENT else e.title) for e in entries] == [
        (EntryKind.EVENT, "strike A"),
        (EntryKind.SCHEDULE_CHANGE, "Trilateral round: rescheduled"),
        (EntryKind.EVENT, "strike B"),
        (EntryKind.ROUND, "Trilateral round"),
    ]
    change = entries[1]
    # A day's announcement has no time, and is 1 Feb in New York as anywhere.
    assert (change.when_text, change.day, change.precision) == \
        ("1 Feb 2026", date(2026, 2, 1), Precision.DAY)
    assert change.when == datetime(2026, 2, 1, 12, tzinfo=UTC)


def test_the_range_filter_takes_a_change_by_its_announcement(db: Database) -> None:
    _announced_late(db)
    with db.reading() as session:
        for tz in ("Pacific/Auckland", "UTC", "America/Los_Angeles"):
            [change] = _changes(list(iter_chronology(
                session, date_from=date(2026, 2, 1), date_to=date(2026, 2, 1), tz=tz)))
            assert change.day == date(2026, 2, 1)
        # Entered today, announced in February: not among today's entries.
        today = datetime.now(UTC).date()
        titles = [e.title for e in _changes(list(iter_chronology(session, date_from=today)))]
        assert titles == ["Trilateral round: created"]


def test_an_exact_announcement_is_told_in_the_readers_zone(db: Database) -> None:
    with db.transaction() as session:
        ids = build(session)
        rounds.reschedule(session, ids.round, NEW_WINDOW, rounds.ChangeNote(
            "", announced=Announcement.at_instant(datetime(2026, 1, 31, 23, 30, tzinfo=UTC))))
    with db.reading() as session:
        kyiv = _changes(list(iter_chronology(session, date_from=date(2026, 1, 1),
                                             date_to=date(2026, 3, 1), tz="Europe/Kyiv")))
        utc = _changes(list(iter_chronology(session, date_from=date(2026, 1, 31),
                                            date_to=date(2026, 1, 31))))
    assert [(e.when_text, e.day) for e in kyiv] == [("1 Feb 2026 01:30 EET", date(2026, 2, 1))]
    assert [e.when_text for e in utc] == ["31 Jan 2026 23:30 UTC"]


def _moved_undone_redone(db: Database) -> Ids:
    """One real move, then its undo and its redo (two retractions)."""
    with db.transaction() as session:
        ids = build(session)
        done = rounds.reschedule(session, ids.round, NEW_WINDOW, rounds.ChangeNote(
            "Delegations asked for more time", ids.tensions, announced=FEB_1))
        assert done.undo is not None
        undone = done.undo(session)
        assert undone.undo is not None
        undone.undo(session)
    return ids


def _export(session: Session, fmt: ExportFormat, *, corrections: bool = False) -> str:
    stream = io.StringIO()
    write_chronology(session, stream, fmt, tz="Europe/Kyiv", corrections=corrections)
    return stream.getvalue()


def test_undo_and_redo_leave_one_move_in_every_export(db: Database) -> None:
    _moved_undone_redone(db)
    with db.reading() as session:
        rows = list(csv.DictReader(io.StringIO(_export(session, ExportFormat.CSV))))
        document = json.loads(_export(session, ExportFormat.JSON))
        markdown = _export(session, ExportFormat.MD)
        html = _export(session, ExportFormat.HTML)
    assert [r["title"] for r in rows if r["kind"] == "schedule change"] == \
        ["Trilateral round: rescheduled", "Trilateral round: created"]
    assert [e["title"] for e in document["entries"] if e["kind"] == "schedule change"] == \
        ["Trilateral round: rescheduled", "Trilateral round: created"]
    # The report's key developments tell the move once more, before its chronology.
    developments = html[html.index("Key developments"):html.index("Summary</h2>")]
    assert developments.count("rescheduled") == 1
    for text in (markdown, html.replace(developments, "")):
        assert text.count("rescheduled") == 1
        assert "Undo" not in text and "Redo" not in text and "orrection" not in text


def test_with_the_corrections_the_undo_and_redo_are_told_as_corrections(
        db: Database) -> None:
    _moved_undone_redone(db)
    with db.reading() as session:
        rows = list(csv.DictReader(io.StringIO(_export(session, ExportFormat.CSV,
                                                       corrections=True))))
        document = json.loads(_export(session, ExportFormat.JSON, corrections=True))
        markdown = _export(session, ExportFormat.MD, corrections=True)
        html = _export(session, ExportFormat.HTML, corrections=True)
    changes = [r for r in rows if r["kind"] == "schedule change"]
    assert [r["title"] for r in changes] == [
        "Trilateral round: rescheduled", "Trilateral round: created",
        "Trilateral round: correction", "Trilateral round: correction"]
    # The move stands (the redo withdrew the undo), so it is not marked withdrawn.
    assert "Withdrawn" not in changes[0]["detail"]
    undo, redo = changes[2]["detail"], changes[3]["detail"]
    assert undo.startswith("Correction (entered ")
    assert "the entry of 1 Feb 2026 “rescheduled: week of 2 Feb 2026 (to 8 Feb 2026) → " \
           "10 Feb 2026” was withdrawn." in undo
    assert "was itself withdrawn; the entry stands." in redo
    assert "the withdrawal entered " in redo
    assert [e["title"] for e in document["entries"]].count("Trilateral round: correction") == 2
    assert document["filters"]["corrections"] is True
    jsonschema.validate(document, json.loads(resources.read_text(
        "schemas/chronology.schema.json")))
    for text in (markdown, html):
        assert text.count("was withdrawn") == 1
        assert text.count("the entry stands") == 1


def test_an_undone_change_is_marked_withdrawn_with_the_corrections(db: Database) -> None:
    with db.transaction() as session:
        ids = build(session)
        done = rounds.reschedule(session, ids.round, NEW_WINDOW,
                                 rounds.ChangeNote("typo", announced=FEB_1))
        assert done.undo is not None
        done.undo(session)
    with db.reading() as session:
        plain = [e.title for e in _changes(list(iter_chronology(session)))]
        told = _changes(list(iter_chronology(session, corrections=True)))
        assert count_chronology(session, corrections=True) == \
            count_chronology(session) + 2
        paged = chronology_page(session, offset=0, limit=10, corrections=True)
    assert plain == ["Trilateral round: created"]
    assert [e.title for e in told] == ["Trilateral round: rescheduled (withdrawn)",
                                       "Trilateral round: created",
                                       "Trilateral round: correction"]
    assert "Withdrawn by the correction entered " in told[0].detail
    assert told[2].detail.endswith("“rescheduled: week of 2 Feb 2026 (to 8 Feb 2026) → "
                                   "10 Feb 2026” was withdrawn.")
    assert [e.title for e in _changes(paged)] == [e.title for e in told]


def test_the_timeline_analysis_and_timelinejs_count_one_move(db: Database) -> None:
    ids = _moved_undone_redone(db)
    with db.reading() as session:
        [mark] = [m for t in timeline_lanes(session).tracks for m in t.rounds]
        anchors = find_anchors(session, Around.CHANGES, round_id=ids.round).anchors
        timeline = build_timeline(session, TimelineRequest(tz="Europe/Kyiv"))
    assert len(mark.moves) == 1
    assert mark.moves[0].announced == FEB_1
    assert [(a.label, a.first_day) for a in anchors] == [
        ("Trilateral round: rescheduled", date(2026, 2, 1)),
        # Created with no announcement date: at the day it was entered, and said so.
        ("Trilateral round: created (entered, no announcement date given)",
         anchors[1].first_day)]
    # Announced on 1 Feb, a day: the anchor is known to the day, not to the minute.
    assert [a.precision for a in anchors] == [Precision.DAY, Precision.EXACT]
    assert timeline.changes == 2
    [slide] = [s for s in timeline.data["events"]
               if s["text"]["headline"] == "Trilateral round: rescheduled"]
    assert slide["start_date"] == {"year": 2026, "month": 2, "day": 1}  # no time: a day
