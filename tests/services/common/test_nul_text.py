"""NUL (U+0000) never reaches either database (tracker/domain/nul_text.py).

PostgreSQL cannot store it and SQLite can; the rule keeps the two alike. A file that holds
one is refused where it does, naming the line and field (the calendar's and the archive's
own tests cover theirs); typed text loses it silently, as it is invisible. Every test runs
on both backends and expects the same.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from tests.conftest import cli_database, database_dump
from tests.hostile_text import NUL_TEXT
from tracker import cli
from tracker.domain.negotiation import Party, Round
from tracker.domain.sources import Source
from tracker.io.input_errors import InputFileError
from tracker.services.imports.importing import ImportFormat, import_events
from tracker.services.records import reference
from tracker.services.records.citations import SourceDraft, create_source
from tracker.services.records.record_edits import edit_record
from tracker.services.rounds import list_rounds
from tracker.storage.database import Database

ACLED_HEADER = ("event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,"
                "actor1,actor2,location,latitude,longitude,notes,fatalities,timestamp")


def _acled_row(event_id: str, notes: str) -> str:
    return (f"{event_id},2026-01-27,2026,1,Battles,Armed clash,Military Forces of Russia,"
            f"Military Forces of Ukraine,Kupiansk,49.71,37.61,{notes},0,1769500000")


def test_typed_text_loses_its_nul(sample_db: Database) -> None:
    with sample_db.transaction() as session:
        round_id = list_rounds(session)[0].id
        edit_record(session, "round", round_id, {"title": f"Talks {NUL_TEXT}",
                                                 "agenda": NUL_TEXT, "outcome": ""}, None)
        party = reference.create_party(session, f"Party {NUL_TEXT}")
        source = create_source(session, SourceDraft("Outlet", title=NUL_TEXT, note=NUL_TEXT))
    with sample_db.reading() as session:
        round_ = session.get(Round, round_id)
        assert round_ is not None
        assert (round_.title, round_.agenda) == ("Talks beforeafter", "beforeafter")
        assert session.scalar(select(Party.name).where(Party.id == party)) == \
            "Party beforeafter"
        assert session.execute(select(Source.title, Source.note).where(
            Source.id == source)).one() == ("beforeafter", "beforeafter")


def test_a_record_with_a_nul_is_refused_by_line_and_field(db: Database,
                                                          tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    path.write_text("\n".join([ACLED_HEADER, _acled_row("UKR1", "Shelling"),
                               _acled_row("UKR2", NUL_TEXT), _acled_row("UKR3", "Clash")]),
                    encoding="utf-8")
    report = import_events(db, path, ImportFormat.ACLED)
    assert (report.added, report.rejected) == (2, 1)
    [rejection] = report.rejections
    assert (rejection.line, rejection.column) == (3, "notes")
    assert "NUL character (U+0000)" in rejection.reason


def test_a_header_with_a_nul_refuses_the_file(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    path.write_text("\n".join([ACLED_HEADER.replace("notes", "no\x00tes"),
                               _acled_row("UKR1", "Shelling")]), encoding="utf-8")
    before = database_dump(db)
    for fmt in (ImportFormat.ACLED, ImportFormat.CSV):
        with pytest.raises(InputFileError, match=r"^acled.csv, line 1: column 12 of the "
                                                 r"first line contains a NUL character"):
            import_events(db, path, fmt)
    assert database_dump(db) == before


def test_the_command_line_says_which_event_and_writes_nothing(
        db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "talks.ics"
    path.write_text("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\n"
                    "UID:nul@x\r\nDTSTART;VALUE=DATE:20260302\r\n"
                    f"SUMMARY:{NUL_TEXT}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
                    encoding="utf-8", newline="")
    before = database_dump(db)
    assert cli.main(["import", "--db", cli_database(db), "--format", "ics", "--strict",
                     str(path)]) == 2
    error = capsys.readouterr().err
    assert "talks.ics, line 7, column 'SUMMARY': UID nul@x: contains a NUL" in error
    assert "Traceback" not in error
    assert database_dump(db) == before
