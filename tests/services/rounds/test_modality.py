"""The round's modality, the field added to prove the redesign: one entry in the round's
field table, and edit_record, conflicts, the edit log, every export and calendar import
know it."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from icalendar import Calendar
from sqlalchemy import select

from tracker.domain.edit_log import EditLogEntry
from tracker.domain.enums import RoundModality, RoundStatus
from tracker.domain.negotiation import Round
from tracker.services.exports.archive import export_archive
from tracker.services.exports.archive_import import ArchiveError, import_archive
from tracker.services.exports.export import ExportFormat, write_chronology
from tracker.services.exports.schedule_calendar import schedule_calendar, write_calendar
from tracker.services.exports.timelinejs import build_timeline
from tracker.services.exports.timelinejs_selection import TimelineRequest
from tracker.services.records.conflicts import ConflictError
from tracker.services.records.edit_history import recent_edits
from tracker.services.records.record_edits import current, edit_record
from tracker.services.rounds import round_detail
from tracker.services.rounds.calendar_import import import_calendar_file
from tracker.storage.database import Database, open_database

# The sample's round announced for the coming week (the only one with a date).
ANNOUNCED = 2


def _set(db: Database, modality: RoundModality, round_id: int = ANNOUNCED) -> None:
    with db.transaction() as session:
        edit_record(session, "round", round_id, {"modality": modality}, None)


def _modality(db: Database, round_id: int = ANNOUNCED) -> RoundModality:
    with db.reading() as session:
        round_ = session.get(Round, round_id)
        assert round_ is not None
        return round_.modality


def test_a_round_starts_unknown_and_edit_record_changes_it_with_undo(
        sample_db: Database) -> None:
    with sample_db.reading() as session:
        values, version = current(session, "round", ANNOUNCED)
        assert values["modality"] is RoundModality.UNKNOWN
        assert round_detail(session, ANNOUNCED).row.modality is RoundModality.UNKNOWN
    with sample_db.transaction() as session:
        outcome = edit_record(session, "round", ANNOUNCED,
                              {"modality": RoundModality.HYBRID}, version)
    assert _modality(sample_db) is RoundModality.HYBRID
    assert outcome.undo is not None
    with sample_db.transaction() as session:
        outcome.undo(session)
    assert _modality(sample_db) is RoundModality.UNKNOWN


def test_a_conflict_and_the_edit_log_name_the_modality(sample_db: Database,
                                                       other: Database) -> None:
    with sample_db.reading() as session:
        _values, version = current(session, "round", ANNOUNCED)
    with other.transaction() as session:
        edit_record(session, "round", ANNOUNCED, {"modality": RoundModality.VIRTUAL}, version)
    with pytest.raises(ConflictError) as caught, sample_db.transaction() as session:
        edit_record(session, "round", ANNOUNCED, {"modality": RoundModality.IN_PERSON},
                    version)
    conflict = caught.value
    assert [(d.field, d.mine, d.theirs) for d in conflict.differences] == [
        ("modality", RoundModality.IN_PERSON, RoundModality.VIRTUAL)]
    # What the conflict dialog shows: the field table's label and the value's words.
    assert conflict.kind.fields["modality"] == "Modality"
    assert conflict.text("modality", RoundModality.IN_PERSON) == "in person"
    assert _modality(sample_db) is RoundModality.VIRTUAL
    with sample_db.reading() as session:
        last = session.scalars(select(EditLogEntry).order_by(EditLogEntry.id.desc())).first()
        assert last is not None and last.fields == "modality"
        assert recent_edits(session, limit=1)[0].field_labels == ("modality",)


def _chronology(db: Database, fmt: ExportFormat) -> str:
    buffer = io.StringIO(newline="")
    with db.reading() as session:
        write_chronology(session, buffer, fmt)
    return buffer.getvalue()


def test_the_chronology_exports_tell_it_on_the_rounds_line(sample_db: Database) -> None:
    unknown = _chronology(sample_db, ExportFormat.CSV)
    assert "(unknown)" not in unknown and "(in person)" not in unknown  # not announced
    _set(sample_db, RoundModality.IN_PERSON)
    line = "Scheduled trilateral round (in person), US-brokered trilateral talks."
    rows = list(csv.DictReader(io.StringIO(_chronology(sample_db, ExportFormat.CSV))))
    assert any(line in " ".join(row.values()) for row in rows)
    entries = json.loads(_chronology(sample_db, ExportFormat.JSON))["entries"]
    assert any(entry["detail"].startswith(line) for entry in entries)
    assert line in _chronology(sample_db, ExportFormat.MD)
    assert line in _chronology(sample_db, ExportFormat.HTML)  # the report, as the PDF prints
    with sample_db.reading() as session:
        timeline = json.dumps(build_timeline(session, TimelineRequest()).data,
                              ensure_ascii=False)
    assert line in timeline


def test_the_calendar_carries_it_as_a_property_and_in_the_description(
        sample_db: Database) -> None:
    _set(sample_db, RoundModality.IN_PERSON)
    with sample_db.reading() as session:
        calendar = schedule_calendar(session).calendar
    event = calendar.walk("VEVENT")[0]
    assert str(event["X-TRACKER-MODALITY"]) == "IN-PERSON"
    assert str(event["DESCRIPTION"]).startswith("Scheduled; trilateral; in person. When:")
    # Escaped as iCalendar TEXT like any property, so the file reads back whole.
    again = Calendar.from_ical(calendar.to_ical())
    assert str(again.walk("VEVENT")[0]["X-TRACKER-MODALITY"]) == "IN-PERSON"


def _export_calendar(db: Database, path: Path) -> Path:
    with db.reading() as session:
        write_calendar(session, path)
    return path


def _raise_sequence(path: Path, modality_line: str | None) -> None:
    """The exported file as a calendar would send it back: a newer SEQUENCE, and the
    modality property replaced by *modality_line* (left out when None)."""
    lines = []
    for line in path.read_bytes().decode("utf-8").split("\r\n"):
        if line.startswith("SEQUENCE:"):
            line = f"SEQUENCE:{int(line.removeprefix('SEQUENCE:')) + 5}"
        if line.startswith("X-TRACKER-MODALITY"):
            if modality_line is None:
                continue
            line = modality_line
        lines.append(line)
    path.write_text("\r\n".join(lines), encoding="utf-8", newline="")


def test_export_then_import_round_trips_the_modality(sample_db: Database,
                                                     tmp_path: Path) -> None:
    _set(sample_db, RoundModality.VIRTUAL)
    path = _export_calendar(sample_db, tmp_path / "talks.ics")
    _set(sample_db, RoundModality.UNKNOWN)
    _raise_sequence(path, "X-TRACKER-MODALITY:VIRTUAL")

    result = import_calendar_file(sample_db, path)

    assert (result.updated, result.refused) == (1, ())
    assert _modality(sample_db) is RoundModality.VIRTUAL
    with sample_db.transaction() as session:  # the import is one undo step
        assert result.outcome.undo is not None
        result.outcome.undo(session)
    assert _modality(sample_db) is RoundModality.UNKNOWN


def test_a_calendar_without_it_leaves_the_modality_as_it_is(sample_db: Database,
                                                            tmp_path: Path) -> None:
    _set(sample_db, RoundModality.HYBRID)
    path = _export_calendar(sample_db, tmp_path / "talks.ics")
    _raise_sequence(path, None)

    result = import_calendar_file(sample_db, path)

    assert result.refused == ()
    assert _modality(sample_db) is RoundModality.HYBRID


def test_a_new_round_from_a_calendar_takes_it_or_stays_unknown(sample_db: Database,
                                                               tmp_path: Path) -> None:
    path = tmp_path / "other.ics"
    events = "".join(
        "BEGIN:VEVENT\r\n"
        f"UID:{uid}@example.org\r\nDTSTAMP:20260120T100000Z\r\n"
        f"DTSTART;VALUE=DATE:20260310\r\nSUMMARY:Talks {uid}\r\n{extra}"
        "END:VEVENT\r\n"
        for uid, extra in (("a", "X-TRACKER-MODALITY:in person\r\n"), ("b", "")))
    path.write_text("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\n"
                    f"{events}END:VCALENDAR\r\n", encoding="utf-8", newline="")

    result = import_calendar_file(sample_db, path)

    assert result.added == 2
    with sample_db.reading() as session:
        found = dict(session.execute(select(Round.title, Round.modality)
                                     .where(Round.calendar_uid.is_not(None))).all())
    assert found == {"Talks a": RoundModality.IN_PERSON, "Talks b": RoundModality.UNKNOWN}


def test_a_modality_the_tracker_does_not_know_refuses_that_event(sample_db: Database,
                                                                 tmp_path: Path) -> None:
    path = _export_calendar(sample_db, tmp_path / "talks.ics")
    _raise_sequence(path, "X-TRACKER-MODALITY:BY-CARRIER-PIGEON")
    with sample_db.reading() as session:
        status_before = session.get(Round, ANNOUNCED).status  # type: ignore[union-attr]

    result = import_calendar_file(sample_db, path)

    assert result.updated == 0
    [problem] = result.refused
    assert problem.field == "X-TRACKER-MODALITY"
    assert "'BY-CARRIER-PIGEON' is not one of in-person, virtual, hybrid, unknown" in \
        problem.reason
    assert _modality(sample_db) is RoundModality.UNKNOWN
    with sample_db.reading() as session:
        assert session.get(Round, ANNOUNCED).status is status_before  # type: ignore[union-attr]
    assert status_before is RoundStatus.SCHEDULED


def _restored_modality(folder: Path, document: object) -> RoundModality:
    """Restore *document* into a new database; the announced round's modality there."""
    path = folder / f"archive-{len(list(folder.iterdir()))}.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    copy = open_database(folder / f"{path.stem}.db")
    try:
        import_archive(copy, path)
        return _modality(copy)
    finally:
        copy.close()


def test_an_archive_written_before_the_modality_restores_as_unknown(
        sample_db: Database, tmp_path: Path) -> None:
    _set(sample_db, RoundModality.VIRTUAL)
    archive = tmp_path / "talks.json"
    with sample_db.reading() as session:
        export_archive(session, archive)
    document = json.loads(archive.read_text(encoding="utf-8"))
    assert _restored_modality(tmp_path, document) is RoundModality.VIRTUAL
    [rounds_table] = [table for table in document["tables"] if table["name"] == "round"]
    assert [row.pop("modality") for row in rounds_table["rows"]] == ["unknown", "virtual"]

    document["schema_revision"] = "0009"  # written before migration 0010
    assert _restored_modality(tmp_path, document) is RoundModality.UNKNOWN  # as migrated
    document["schema_revision"] = "0010"  # from a schema that had it: missing is damage
    with pytest.raises(ArchiveError, match="table 'round', row 1, field 'modality': missing"):
        _restored_modality(tmp_path, document)
