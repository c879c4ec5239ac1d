"""An archive is refused, naming the table, row and field, when a row breaks the domain's
rules or holds a value no database can (issue 14, F3 and F4). Each of these once ended in
a traceback, or in a restored database that no view could open."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import database_dump
from tracker.services.exports.archive import ARCHIVE_TABLES, write_archive
from tracker.services.exports.archive_import import ArchiveError, import_archive
from tracker.storage.database import Database

Edit = Callable[[dict[str, list[dict[str, Any]]]], None]
OUTSIDE = r"is outside the dates the tracker takes \(1 Jan 1900 to 31 Dec 2200\)"


def _document(sample_db: Database) -> dict[str, Any]:
    stream = io.StringIO(newline="")
    with sample_db.reading() as session:
        write_archive(session, stream)
    document: dict[str, Any] = json.loads(stream.getvalue())
    return document


def _refused(sample_db: Database, db: Database, tmp_path: Path, edit: Edit,
             match: str) -> None:
    document = _document(sample_db)
    tables = {name: document["tables"][ARCHIVE_TABLES.index(name)]["rows"]
              for name in ARCHIVE_TABLES}
    edit(tables)
    archive = tmp_path / "hostile.json"
    archive.write_text(json.dumps(document, indent=1), encoding="utf-8")
    before = database_dump(db)
    with pytest.raises(ArchiveError, match=match):
        import_archive(db, archive)
    assert database_dump(db) == before


def _set(table: str, row: int, **fields: Any) -> Edit:
    return lambda tables: tables[table][row - 1].update(fields)


@pytest.mark.parametrize(("edit", "match"), [
    (_set("round", 2, window_tz="Mars/Olympus"),
     r"table 'round', row 2, field 'window_tz': Unknown time zone: 'Mars/Olympus'"),
    (_set("schedule_change", 1, new_tz="Mars/Olympus"),
     r"table 'schedule_change', row 1, field 'new_tz': Unknown time zone"),
    (_set("round", 2, window_start="9999-12-27T22:00:00.000000Z",
          window_end="9999-12-31T22:00:00.000000Z"),
     rf"table 'round', row 2, field 'window_end': 9999-12-31T22:00:00.000000Z {OUTSIDE}"),
    # Inside what a window's end may reach, but a window cannot start there.
    (_set("round", 2, window_start="2201-01-20T22:00:00.000000Z",
          window_end="2201-01-27T22:00:00.000000Z"),
     rf"table 'round', row 2, field 'window_start': window: 2201-01-20 22:00 UTC {OUTSIDE}"),
    (_set("round", 2, window_start=None),
     r"table 'round', row 2, field 'window_start': A week window needs a start"),
    (_set("round", 2, window_end="2026-01-01T00:00:00.000000Z"),
     r"table 'round', row 2, field 'window_start': The end must be after the start"),
    (_set("battlefield_event", 1, event_date="0001-01-01"),
     rf"table 'battlefield_event', row 1, field 'event_date': 0001-01-01 {OUTSIDE}"),
    (_set("factor_reading", 1, observed_at="9999-12-31T23:59:59.000000Z"),
     rf"table 'factor_reading', row 1, field 'observed_at': .* {OUTSIDE}"),
    (_set("source", 1, published_on="1066-10-14"),
     rf"table 'source', row 1, field 'published_on': 1066-10-14 {OUTSIDE}"),
    (_set("party", 1, id=2**70),
     r"table 'party', row 1, field 'id': must be a whole number from -2\*\*63 to 2\*\*63-1; "
     r"found 1180591620717411303424"),
    (_set("battlefield_event", 1, latitude=10**400),
     r"table 'battlefield_event', row 1, field 'latitude': must be a number"),
    (_set("battlefield_event", 1, longitude=float("nan")),
     r"table 'battlefield_event', row 1, field 'longitude': must be a number; found nan"),
])
def test_a_row_breaking_a_rule_is_refused_naming_it(
        sample_db: Database, db: Database, tmp_path: Path, edit: Edit, match: str) -> None:
    _refused(sample_db, db, tmp_path, edit, match)


def _raw_refused(sample_db: Database, db: Database, tmp_path: Path,
                 change: Callable[[str], str], match: str) -> None:
    stream = io.StringIO(newline="")
    with sample_db.reading() as session:
        write_archive(session, stream)
    archive = tmp_path / "hostile.json"
    archive.write_text(change(stream.getvalue()), encoding="utf-8")
    before = database_dump(db)
    with pytest.raises(ArchiveError, match=match):
        import_archive(db, archive)
    assert database_dump(db) == before


def test_nesting_a_hundred_thousand_deep_is_refused_naming_the_row(
        sample_db: Database, db: Database, tmp_path: Path) -> None:
    def nest(text: str) -> str:
        rows = text.index('"rows": [') + len('"rows": [')
        return f"{text[:rows]}\n{'[' * 100_000}{']' * 100_000},{text[rows:]}"

    _raw_refused(sample_db, db, tmp_path, nest,
                 r"not a complete archive \(line \d+: table 'party', row 1: a value nested "
                 r"too deeply")


def test_a_five_thousand_digit_number_is_refused_naming_the_row(
        sample_db: Database, db: Database, tmp_path: Path) -> None:
    def lengthen(text: str) -> str:
        return text.replace('"fatalities": null', f'"fatalities": {"9" * 5000}', 1)

    _raw_refused(sample_db, db, tmp_path, lengthen,
                 r"not a complete archive \(line \d+: table 'battlefield_event', row \d+: a "
                 r"number too long to read \(more than 4,300 digits\)")
