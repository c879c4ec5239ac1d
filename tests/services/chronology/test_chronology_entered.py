"""A change nobody said the announcement of is dated when it was entered, and says so:
its chronology line must not read as the day the change was made public."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime, timedelta
from itertools import pairwise

from tests.services.scenario import announced_round, build
from tracker.cli.round_views import show_text
from tracker.domain.announcement import Announcement
from tracker.domain.base import utc_now
from tracker.domain.chronology import ChronologyEntry, EntryKind
from tracker.domain.timewindow import ScheduledWindow
from tracker.io.chronology_csv import FOR_DATA_TOOLS, write_csv
from tracker.io.chronology_markdown import write_markdown
from tracker.io.chronology_writers import write_json
from tracker.services import rounds
from tracker.services.chronology.chronology import iter_chronology
from tracker.services.common.sample import load_sample
from tracker.services.records.citations import SourceDraft, create_source
from tracker.services.rounds import reading
from tracker.services.rounds.as_of import AsOf
from tracker.services.timeline.timeline_as_of import known_lane
from tracker.services.timeline.timeline_lanes import timeline_lanes
from tracker.storage.database import Database

FOURTH = ScheduledWindow.exact(datetime(2026, 2, 4, 10), datetime(2026, 2, 5, 18), "Europe/Kyiv")
FIFTH = ScheduledWindow.exact(datetime(2026, 2, 5, 10), datetime(2026, 2, 6, 18), "Europe/Kyiv")
SIXTH = ScheduledWindow.exact(datetime(2026, 2, 6, 10), datetime(2026, 2, 7, 18), "Europe/Kyiv")
NOT_GIVEN = "(no announcement date given)"


def _round(db: Database) -> int:
    """A round announced on 31 Jan, then rescheduled four times: with no announcement
    and no source; on a typed day; with a source published on 1 Feb and no day typed;
    with a source that gives no day either."""
    with db.transaction() as session:
        ids = build(session)
        round_id = announced_round(session, ids.track, date(2026, 1, 31))
        rounds.reschedule(session, round_id, FOURTH, rounds.ChangeNote("typed, undated"))
        rounds.reschedule(session, round_id, FIFTH, rounds.ChangeNote(
            "typed with its day", announced=Announcement.on_day(date(2026, 2, 2))))
        source = create_source(session, SourceDraft("Wire", "Talks moved",
                                                    published_on=date(2026, 2, 1)))
        rounds.reschedule(session, round_id, SIXTH, rounds.ChangeNote(
            "from a source", source_id=source))
        undated = create_source(session, SourceDraft("Telegram channel", "Talks moved again"))
        rounds.reschedule(session, round_id, FOURTH, rounds.ChangeNote(
            "from a source with no day", source_id=undated))
    return round_id


def _changes(db: Database, tz: str = "Europe/Kyiv") -> dict[str, ChronologyEntry]:
    with db.reading() as session:
        return {entry.detail.rsplit("Reason: ", 1)[-1]: entry
                for entry in iter_chronology(session, tz=tz)
                if entry.kind is EntryKind.SCHEDULE_CHANGE}


def test_a_change_with_no_announcement_and_no_dated_source_says_it_is_dated_when_entered(
        db: Database) -> None:
    _round(db)
    changes = _changes(db)
    for reason in ("typed, undated", "from a source with no day"):
        assert changes[reason].when_text.startswith("entered ")
        assert changes[reason].when_text.endswith(NOT_GIVEN)
    # The rest are dated by what was said: a typed day, a source's day, the announcement.
    assert changes["typed with its day"].when_text == "2 Feb 2026"
    assert changes["from a source"].when_text == "1 Feb 2026"
    assert changes["announced"].when_text == "31 Jan 2026"
    assert not any(NOT_GIVEN in changes[reason].when_text
                   for reason in ("typed with its day", "from a source", "announced"))


def test_the_exported_line_says_when_entered_not_announced(db: Database) -> None:
    _round(db)
    with db.reading() as session:
        stream = io.StringIO()
        write_markdown(iter_chronology(session, tz="UTC"), stream, tz="UTC")
    [line] = [text for text in stream.getvalue().splitlines() if "typed, undated" in text]
    assert line.startswith("- **schedule change**, entered ")
    assert NOT_GIVEN in line
    assert "rescheduled" in line


def test_an_undone_and_redone_change_is_still_dated_when_entered_and_its_corrections_too(
        db: Database) -> None:
    with db.transaction() as session:
        ids = build(session)
        done = rounds.reschedule(session, ids.round, FOURTH, rounds.ChangeNote("undated move"))
        assert done.undo is not None
        undone = done.undo(session)
        assert undone.undo is not None
        undone.undo(session)
    changes = _changes(db)
    assert changes["undated move"].when_text.endswith(NOT_GIVEN)
    with db.reading() as session:
        corrections = [entry for entry in iter_chronology(session, tz="UTC", corrections=True)
                       if entry.title.endswith(": correction")]
    # A retraction is dated when entered by design, and its line says it is a correction
    # entered then: not marked as a change whose announcement is missing.
    assert len(corrections) == 2
    assert all(NOT_GIVEN not in entry.when_text and "Correction (entered " in entry.detail
               for entry in corrections)


def test_the_samples_changes_are_dated_by_their_announcement(db: Database) -> None:
    with db.transaction() as session:
        load_sample(session)
    with db.reading() as session:
        told = [entry.when_text for entry in iter_chronology(session, tz="UTC")
                if entry.kind is EntryKind.SCHEDULE_CHANGE]
    assert told and not any(NOT_GIVEN in when for when in told)


def test_the_csv_and_json_give_its_precision_as_entered(db: Database) -> None:
    """A data tool reads the precision, not the words: the entry's instant is exact, but
    it is not an announcement's, and the structured fields say so too."""
    _round(db)
    with db.reading() as session:
        as_csv, as_json = io.StringIO(), io.StringIO()
        write_csv(iter_chronology(session, tz="Europe/Kyiv"), as_csv, tz="Europe/Kyiv",
                  style=FOR_DATA_TOOLS)
        write_json(iter_chronology(session, tz="Europe/Kyiv"), as_json, tz="Europe/Kyiv")
    rows = {row["detail"].rsplit("Reason: ", 1)[-1]: row
            for row in csv.DictReader(io.StringIO(as_csv.getvalue()))
            if row["kind"] == "schedule change"}
    entries = {entry["detail"].rsplit("Reason: ", 1)[-1]: entry
               for entry in json.loads(as_json.getvalue())["entries"]
               if entry["kind"] == "schedule change"}
    for reason in ("typed, undated", "from a source with no day"):
        assert rows[reason]["precision"] == entries[reason]["precision"] == "entered"
        # The instant it was entered is still given, to the minute, with its zone.
        assert rows[reason]["time"] and rows[reason]["utc"]
        assert entries[reason]["when_utc"] is not None
    assert {rows[reason]["precision"] for reason in
            ("typed with its day", "from a source", "announced")} == {"day"}
    assert entries["typed with its day"]["precision"] == "day"


def test_the_history_and_the_command_line_do_not_give_an_entry_as_announced(
        db: Database) -> None:
    round_id = _round(db)
    with db.reading() as session:
        history = {record.reason: record for record in reading.history(session, round_id)}
        detail = reading.round_detail(session, round_id)
    assert history["typed, undated"].announced.entered
    assert history["from a source with no day"].announced.entered
    assert not any(history[reason].announced.entered
                   for reason in ("typed with its day", "from a source"))
    printed = show_text(detail, "Europe/Kyiv").splitlines()
    # Each change is a line, then its reason on the next: the two undated ones say so.
    told = {reason_line.strip().split(";")[0]: line.strip()
            for line, reason_line in pairwise(printed)
            if line.lstrip().startswith("announced ")}
    assert told["typed, undated"].startswith("announced not given, entered 20")
    assert told["from a source with no day"].startswith("announced not given, entered ")
    assert told["typed with its day"].startswith("announced 2026-02-02, entered ")
    assert told["from a source"].startswith("announced 2026-02-01, entered ")


def test_the_timeline_moves_carry_the_same_mark(db: Database) -> None:
    round_id = _round(db)
    with db.reading() as session:
        lanes = timeline_lanes(session)
    [mark] = [mark for track in lanes.tracks for mark in track.rounds if mark.id == round_id]
    entered = {move.reason: move.announced.entered for move in mark.moves}
    assert entered == {"typed, undated": True, "typed with its day": False,
                       "from a source": False, "from a source with no day": True}


def test_a_ghost_as_known_on_a_day_says_whether_its_change_was_dated_when_entered(
        db: Database) -> None:
    round_id = _round(db)
    with db.reading() as session:
        # Known on 3 Feb: the last change announced by then is the one typed with its day.
        then = known_lane(session, AsOf(date(2026, 2, 3), "Europe/Kyiv")).mark(round_id)
        # Known today: the last is one of the two nobody dated (announced "when entered").
        now = known_lane(session, AsOf(utc_now().date() + timedelta(days=1))).mark(round_id)
    assert then is not None and not then.announced.entered
    assert then.announced == Announcement.on_day(date(2026, 2, 2))
    assert now is not None and now.announced.entered
