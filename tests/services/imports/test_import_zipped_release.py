"""Issue 14: a release zipped as distributed is read directly (UCDP ships
``ged231-csv.zip``); an archive holding anything else is named for what it holds."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tracker.io.input_errors import InputFileError
from tracker.services.imports.importing import ImportFormat, import_events, preview
from tracker.storage.database import Database

ACLED = ("event_id_cnty,event_date,event_type,notes,timestamp\n"
         "UKR1,2024-03-01,Battles,first,\n"
         "UKR2,2024-03-02,Battles,second,\n"
         "UKR3,2024-03-03,Battles,\"unclosed\n")


def _zipped(path: Path, members: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return path


def test_a_zip_holding_one_csv_is_imported_as_that_csv(db: Database, tmp_path: Path) -> None:
    path = _zipped(tmp_path / "acled-csv.zip", {"release/acled.csv": ACLED})
    assert preview(path).format is ImportFormat.ACLED
    report = import_events(db, path, ImportFormat.ACLED)
    assert (report.records, report.added, report.rejected) == (3, 2, 1)
    assert report.file.name == "acled.csv"  # messages name the CSV inside
    assert report.rejections[0].line == 4


def test_a_zip_holding_several_files_is_named_as_such(db: Database, tmp_path: Path) -> None:
    path = _zipped(tmp_path / "bundle.zip", {"a.csv": ACLED, "b.csv": ACLED})
    with pytest.raises(InputFileError, match=r"is a ZIP archive holding 'a\.csv', 'b\.csv'"):
        import_events(db, path, ImportFormat.ACLED)
