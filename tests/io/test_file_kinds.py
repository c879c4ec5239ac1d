"""Issue 14, misleading messages: a binary file is named for what it is.

The attack: a PNG, an .xlsx workbook, a gzip file, an ELF program and an SQLite database
picked for import were refused as text that "mixes encodings" or is "UTF-16"; a release
zipped as distributed was refused the same way.
"""

from __future__ import annotations

import sqlite3
import zipfile
from contextlib import closing
from pathlib import Path

import pytest

from tracker.io.calendar_file import read_calendar
from tracker.io.input_errors import InputFileError
from tracker.io.text_encoding import scan_text_file


def _zip(path: Path, members: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return path


def _sqlite(path: Path) -> Path:
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("CREATE TABLE t (x)")
        connection.execute("INSERT INTO t VALUES (x'00ff80')")
        connection.commit()
    return path


FILES = {
    "image.png": (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\x80"),
                  "is a PNG image"),
    "data.csv.gz": (lambda p: p.write_bytes(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\xff\xfe\x92"),
                    "gzip-compressed"),
    "program": (lambda p: p.write_bytes(b"\x7fELF\x02\x01\x01\x00" + b"\x00\xff" * 64),
                "ELF program"),
    "tracker.db": (_sqlite, "is an SQLite database"),
    "events.xlsx": (lambda p: _zip(p, {"[Content_Types].xml": "<x/>",
                                       "xl/workbook.xml": "<x/>"}),
                    "is an Excel workbook (.xlsx, a ZIP file), not CSV: save it as CSV"),
    "ged231-csv.zip": (lambda p: _zip(p, {"ged231.csv": "id,year\n1,2022\n"}),
                       "is a ZIP archive holding 'ged231.csv'"),
}


@pytest.mark.parametrize("name", sorted(FILES))
def test_a_binary_file_is_named_for_what_it_is(tmp_path: Path, name: str) -> None:
    make, expected = FILES[name]
    path = tmp_path / name
    make(path)
    with pytest.raises(InputFileError) as caught:
        scan_text_file(path)
    message = str(caught.value)
    assert expected in message
    assert "encoding" not in message and "UTF-16" not in message


def test_a_binary_file_chosen_as_a_calendar_is_named_too(tmp_path: Path) -> None:
    path = _zip(tmp_path / "talks.ics", {"[Content_Types].xml": "<x/>", "xl/a.xml": "<x/>"})
    with pytest.raises(InputFileError, match="Excel workbook"):
        read_calendar(path)


def test_text_that_starts_like_a_magic_number_is_still_text(tmp_path: Path) -> None:
    path = tmp_path / "bz.csv"
    path.write_text("BZh,MZ\nPK,GIF\n", encoding="utf-8")
    assert scan_text_file(path).codec == "utf-8"
