"""A change nobody said the announcement of is dated when it was entered, and says so:
its chronology line must not read as the day the change was made public."""

from __future__ import annotations

import io
from datetime import date, datetime

from tests.services.scenario import announced_round, build
from tracker.domain.announcement import Announcement
from tracker.domain.chronology import ChronologyEntry, EntryKind
from tracker.domain.timewindow import ScheduledWindow
from tracker.io.chronology_markdown import write_markdown
from tracker.services import rounds
from tracker.services.chronology.chronology import iter_chronology
from tracker.services.common.sample import load_sample
from tracker.services.records.citations import SourceDraft, create_source
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
