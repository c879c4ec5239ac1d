"""The lossless archive: export, import into an empty database, export again, same bytes.

Also: the file is canonical JSON that the shipped schema accepts, and every refusal
(non-empty target, newer format, truncated or broken file, a bad value) names what is
wrong and leaves the database as it was.
"""

from __future__ import annotations

import io
import json
import sqlite3
import tracemalloc
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from sqlalchemy import func, select, text
from sqlalchemy.engine import URL

from tests.conftest import REAL_DATA, cli_database, database_dump, sqlite_dump
from tests.hostile_text import HOSTILE, NUL_TEXT
from tests.services.scenario import add_events
from tracker import resources
from tracker.cli import main
from tracker.domain.enums import LinkKind, Precision
from tracker.domain.events import BattlefieldEvent
from tracker.domain.models import Base
from tracker.domain.timewindow import ScheduledWindow
from tracker.services import rounds
from tracker.services.events.events import EventFilter, count_events
from tracker.services.events.link_operations import add_link
from tracker.services.events.linking import LinkSpec
from tracker.services.exports.archive import (
    ARCHIVE_TABLES,
    DERIVED_TABLES,
    PAGE_ROWS,
    SCHEMA_RESOURCE,
    archive_table,
    export_archive,
    write_archive,
)
from tracker.services.exports.archive_import import ArchiveError, import_archive
from tracker.services.imports.importing import ImportFormat, import_events
from tracker.services.records.citations import SourceDraft, cite, create_source
from tracker.services.rounds import list_rounds
from tracker.storage.database import Database, open_database

UCDP_2021 = REAL_DATA / "ucdp_ged_ukraine_2014-2021_ged221_api.csv"


def _archive(db: Database) -> str:
    stream = io.StringIO(newline="")
    with db.reading() as session:
        write_archive(session, stream)
    return stream.getvalue()


NewDatabase = Callable[[str], Path | URL]


def _round_trip(db: Database, tmp_path: Path,
                new_database: NewDatabase) -> tuple[str, Database]:
    """Export *db*, import the file into a new database of the same kind (file or
    server); the text and that database."""
    first = tmp_path / "first.json"
    with db.reading() as session:
        export_archive(session, first)
    copy = open_database(new_database("copy.db"))
    import_archive(copy, first)
    return first.read_text(encoding="utf-8"), copy


def _rounds_edited(db: Database) -> None:
    """A rescheduled round, a hidden (deleted) one, a link and a cited source."""
    with db.transaction() as session:
        [first, second] = [r.id for r in list_rounds(session)][:2]
        rounds.reschedule(session, first, ScheduledWindow.week_of(
            date(2026, 2, 9), "Europe/Kyiv"), rounds.ChangeNote("Moved a week", recorded_by="t"))
        rounds.delete(session, second, rounds.ChangeNote("Called off", recorded_by="t"))
        event_id = session.scalar(select(func.max(BattlefieldEvent.id)))
        assert event_id is not None
        link = add_link(session, LinkSpec(event_id, first, None, LinkKind.ESCALATION,
                                          note="struck during the talks")).record_id
        source = create_source(session, SourceDraft("Reuters", "Talks moved",
                                                    "https://example.org/a"))
        cite(session, source, "event_link_id", link, detail="para 3")


def test_the_sample_round_trips_byte_for_byte(sample_db: Database, tmp_path: Path,
                                              new_database: NewDatabase) -> None:
    first, copy = _round_trip(sample_db, tmp_path, new_database)
    try:
        assert _archive(copy) == first
    finally:
        copy.close()
    # Canonical: what json.dumps writes for the same document, with a final newline.
    document = json.loads(first)
    assert first == json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    assert [table["name"] for table in document["tables"]] == list(ARCHIVE_TABLES)
    party = document["tables"][0]["rows"][0]
    assert party == {"id": 1, "kind": "state", "name": "Ukraine", "short_name": "UA"}


def test_the_archive_matches_the_shipped_schema(sample_db: Database) -> None:
    schema = json.loads(resources.read_text(SCHEMA_RESOURCE))
    jsonschema.Draft202012Validator.check_schema(schema)
    document = json.loads(_archive(sample_db))
    jsonschema.Draft202012Validator(schema).validate(document)
    document["tables"][6]["rows"][0]["window_start"] = "2026-02-02 00:00"  # not an instant
    assert not jsonschema.Draft202012Validator(schema).is_valid(document)


def test_the_schema_lists_every_table_and_column() -> None:
    schema = json.loads(resources.read_text(SCHEMA_RESOURCE))
    assert set(ARCHIVE_TABLES) | set(DERIVED_TABLES) == set(Base.metadata.tables)
    for name in ARCHIVE_TABLES:
        row = schema["$defs"][f"{name}_row"]
        columns = {column.name for column in archive_table(name).columns}
        assert set(row["required"]) == columns == set(row["properties"]), name


def test_a_full_database_round_trips(sample_db: Database, tmp_path: Path,
                                     new_database: NewDatabase) -> None:
    report = import_events(sample_db, UCDP_2021, ImportFormat.UCDP)
    assert report.added > 1000
    _rounds_edited(sample_db)
    first, copy = _round_trip(sample_db, tmp_path, new_database)
    try:
        assert _archive(copy) == first
        tables = {t["name"]: t["rows"] for t in json.loads(first)["tables"]}
        assert len(tables["battlefield_event_raw"]) == report.added
        assert len(tables["import_run"]) == 1
        [hidden] = [r for r in tables["round"] if r["deleted_at"] is not None]
        assert hidden["deleted_at"].endswith("Z")
        kinds = [change["kind"] for change in tables["schedule_change"]]
        assert "rescheduled" in kinds and "deleted" in kinds
        assert any(c["event_link_id"] is not None for c in tables["citation"])
        # What the archive leaves out was made again: day counts and full-text search.
        assert _day_counts(copy) == _day_counts(sample_db)
        assert _search(copy, "Donetsk") == _search(sample_db, "Donetsk") > 100
        # The copy keeps working: new rows get fresh ids after the kept ones.
        with copy.transaction() as session:
            source = create_source(session, SourceDraft("AP"))
        assert source == len(tables["source"]) + 1
    finally:
        copy.close()


def _day_counts(db: Database) -> list[Any]:
    """The rows of the per-day counts, days as ISO text (PostgreSQL's driver gives dates)."""
    with db.engine.connect() as connection:
        rows = connection.execute(text("SELECT * FROM event_day_count ORDER BY 1, 2, 3, 4"))
        return [tuple(v.isoformat() if isinstance(v, date) else v for v in row)
                for row in rows]


def _search(db: Database, word: str) -> int:
    """Events that hold *word*, through the full-text index (FTS5, or the tsvector)."""
    with db.reading() as session:
        return count_events(session, EventFilter(text=word))


def test_hostile_text_round_trips(sample_db: Database, tmp_path: Path,
                                  new_database: NewDatabase) -> None:
    with sample_db.transaction() as session:
        add_events(session, [{"event_date": date(2026, 1, 27), "summary": value,
                              "actor1": value, "latitude": 50.450001, "longitude": -0.1}
                             for value in HOSTILE])
        for value in HOSTILE:
            create_source(session, SourceDraft("Outlet", note=value))
    first, copy = _round_trip(sample_db, tmp_path, new_database)
    try:
        assert _archive(copy) == first
        with copy.reading() as session:
            summaries = set(session.scalars(select(BattlefieldEvent.summary)))
        assert set(HOSTILE) <= summaries
    finally:
        copy.close()
    assert "\\u0007" in first and "🕊️" in first  # controls escaped, the rest as UTF-8


def test_a_nul_is_refused_naming_table_row_and_field(sample_db: Database, db: Database,
                                                     tmp_path: Path) -> None:
    """NUL is not text (tracker/domain/nul_text.py): neither database holds one, so an
    archive with one (an older SQLite file's, say) is refused, on either database."""
    document = json.loads(_archive(sample_db))
    sources = document["tables"][ARCHIVE_TABLES.index("source")]["rows"]
    sources[1]["title"] = NUL_TEXT
    archive = tmp_path / "nul.json"
    archive.write_text(json.dumps(document), encoding="utf-8")
    before = database_dump(db)
    with pytest.raises(ArchiveError, match=r"table 'source', row 2, field 'title': contains "
                                           r"a NUL character \(U\+0000\)"):
        import_archive(db, archive)
    assert database_dump(db) == before


def test_a_database_with_data_is_refused_and_unchanged(sample_db: Database,
                                                       tmp_path: Path) -> None:
    archive = tmp_path / "a.json"
    with sample_db.reading() as session:
        export_archive(session, archive)
    before = database_dump(sample_db)
    with pytest.raises(ArchiveError, match=r"already holds data \(party, person"):
        import_archive(sample_db, archive)
    assert database_dump(sample_db) == before


def _refused(tmp_path: Path, content: str, match: str) -> None:
    archive = tmp_path / "bad.json"
    archive.write_text(content, encoding="utf-8")
    db = open_database(tmp_path / "empty.db")
    before = sqlite_dump(tmp_path / "empty.db")
    try:
        with pytest.raises(ArchiveError, match=match):
            import_archive(db, archive)
    finally:
        db.close()
    assert sqlite_dump(tmp_path / "empty.db") == before


def test_a_newer_format_is_refused(sample_db: Database, tmp_path: Path) -> None:
    newer = _archive(sample_db).replace('"format_version": 1,', '"format_version": 2,')
    _refused(tmp_path, newer, r"newer version of Negotiation Tracker \(archive format 2; "
                              r"this one reads format 1\)")


def test_another_json_file_is_refused(tmp_path: Path) -> None:
    _refused(tmp_path, '{"format": "negotiation-tracker/chronology", "format_version": 1, '
                       '"entries": []}', "is not a Negotiation Tracker archive")


@pytest.mark.parametrize("cut", [0.999, 0.5, 0.02])
def test_a_truncated_file_is_refused(sample_db: Database, tmp_path: Path, cut: float) -> None:
    whole = _archive(sample_db)
    _refused(tmp_path, whole[:int(len(whole) * cut)],
             r"is not a complete archive \(line \d+: .*is it truncated\?\); nothing was "
             "imported")


def test_a_file_cut_inside_null_is_told_as_truncated(sample_db: Database,
                                                     tmp_path: Path) -> None:
    whole = _archive(sample_db)
    cut = whole.index(": null") + len(": nu")
    _refused(tmp_path, whole[:cut],
             r"is not a complete archive \(line \d+: .*is it truncated\?\); nothing was "
             "imported")


def test_a_file_cut_inside_a_character_is_refused(tmp_path: Path, sample_db: Database) -> None:
    data = _archive(sample_db).encode("utf-8")
    cut = data.index("–".encode()) + 1  # inside the en dash of "U.S.–Iran"
    (tmp_path / "cut.json").write_bytes(data[:cut])
    db = open_database(tmp_path / "empty.db")
    try:
        with pytest.raises(ArchiveError, match="not UTF-8 text"):
            import_archive(db, tmp_path / "cut.json")
    finally:
        db.close()


def test_a_bad_value_is_named_by_table_row_and_field(sample_db: Database,
                                                     tmp_path: Path) -> None:
    document = json.loads(_archive(sample_db))
    rounds = document["tables"][ARCHIVE_TABLES.index("round")]["rows"]
    rounds[1]["status"] = "maybe"
    _refused(tmp_path, json.dumps(document, indent=1),
             r"table 'round', row 2, field 'status': must be one of 'proposed'.*; "
             r"found 'maybe'")
    del rounds[1]["status"]
    _refused(tmp_path, json.dumps(document), r"table 'round', row 2, field 'status': missing")


def test_a_row_the_database_refuses_is_named(sample_db: Database, tmp_path: Path) -> None:
    document = json.loads(_archive(sample_db))
    links = document["tables"][ARCHIVE_TABLES.index("event_link")]["rows"]
    links[3]["event_id"] = 999_999  # no such event
    _refused(tmp_path, json.dumps(document),
             r"table 'event_link', row 4: the database refused it: FOREIGN KEY")


def test_tables_out_of_order_are_refused(sample_db: Database, tmp_path: Path) -> None:
    document = json.loads(_archive(sample_db))
    tables = document["tables"]
    tables[0], tables[1] = tables[1], tables[0]
    _refused(tmp_path, json.dumps(document), r"table 'person' where the archive should "
                                             r"have party")


def test_instants_are_utc_with_microseconds(db: Database) -> None:
    with db.transaction() as session:
        source = create_source(session, SourceDraft("Kyiv Independent",
                                                    published_on=date(2026, 1, 26)))
        add_events(session, [{"event_date": date(2026, 1, 27), "imported_at": datetime(
            2026, 1, 27, 3, 4, 5, 6, tzinfo=UTC)}])
    tables = {t["name"]: t["rows"] for t in json.loads(_archive(db))["tables"]}
    [event] = tables["battlefield_event"]
    assert event["imported_at"] == "2026-01-27T03:04:05.000006Z"
    assert event["event_date"] == "2026-01-27"
    assert event["date_precision"] == Precision.DAY.value
    assert tables["source"][0]["id"] == source
    assert tables["source"][0]["published_on"] == "2026-01-26"


def _peak(work: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_export_and_import_stream_rather_than_hold_the_events(db: Database,
                                                              tmp_path: Path) -> None:
    count = 5 * PAGE_ROWS
    with db.transaction() as session:
        add_events(session, [{"event_date": date(2025, 1, 1 + n % 28),
                              "summary": f"strike number {n} " + "x" * 600}
                             for n in range(count)])
    archive = tmp_path / "big.json"
    with db.reading() as session:
        export_peak = _peak(lambda: export_archive(session, archive))
    # Loading the document whole, the yardstick: a page of rows or a batch and a chunk of
    # text at a time take a small part of it, whatever the number of events.
    whole_peak = _peak(lambda: json.loads(archive.read_text(encoding="utf-8")))
    assert whole_peak > archive.stat().st_size > 12_000_000
    assert export_peak < whole_peak / 5
    copy = open_database(tmp_path / "copy.db")
    try:
        import_peak = _peak(lambda: import_archive(copy, archive))
    finally:
        copy.close()
    assert import_peak < whole_peak / 5
    assert sqlite3.connect(tmp_path / "copy.db").execute(
        "SELECT count(*) FROM battlefield_event").fetchone() == (count,)


def test_the_command_line_round_trips_and_refuses(sample_db: Database, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    source = cli_database(sample_db)
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    assert main(["export", "--db", source, "--format", "archive", "-o", str(first)]) == 0
    assert main(["import", "--db", str(tmp_path / "new.db"), "--format", "json",
                 str(first)]) == 0
    assert main(["export", "--db", str(tmp_path / "new.db"), "--format", "archive",
                 "-o", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()
    capsys.readouterr()
    assert main(["import", "--db", source, "--format", "archive", str(first)]) == 2
    assert "already holds data" in capsys.readouterr().err


def test_an_archive_with_a_utf8_bom_is_read(tmp_path: Path) -> None:
    """Issue 14: an archive re-saved by an editor that adds a BOM was refused."""
    source = tmp_path / "source.db"
    assert main(["sample", "--db", str(source)]) == 0
    archive = tmp_path / "archive.json"
    assert main(["export", "--db", str(source), "--format", "archive", "-o", str(archive)]) == 0
    archive.write_bytes(b"\xef\xbb\xbf" + archive.read_bytes())
    assert main(["restore-archive", "--db", str(tmp_path / "copy.db"), str(archive)]) == 0
