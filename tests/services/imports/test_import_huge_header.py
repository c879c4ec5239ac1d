"""Issue 14: a huge header cell is refused in a short message, never stored.

The attack: a 50 MB header cell was accepted into import_run.header (679 MB peak), and
the generic CSV error printed all of it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from tracker import cli
from tracker.domain.imports import ImportRun
from tracker.io.event_layouts import MAX_COLUMN_NAME_CHARS
from tracker.io.input_errors import InputFileError
from tracker.services.imports.importing import ImportFormat, import_events
from tracker.storage.database import Database

HUGE = "N" * 200_000


@pytest.mark.parametrize(("fmt", "header"), [
    (ImportFormat.ACLED, f"event_id_cnty,event_date,event_type,{HUGE}"),
    (ImportFormat.CSV, f"date,type,{HUGE}"),
])
def test_a_huge_header_cell_is_refused_in_a_short_message(
        db: Database, tmp_path: Path, fmt: ImportFormat, header: str) -> None:
    path = tmp_path / "huge_header.csv"
    path.write_text(f"{header}\nUKR1,2024-03-01,Battles,x\n", encoding="utf-8")
    with pytest.raises(InputFileError) as caught:
        import_events(db, path, fmt)
    message = str(caught.value)
    assert len(message) < 1_000
    assert "200,000 characters" in message
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(ImportRun)) == 0


def test_the_command_line_prints_a_short_message(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "huge_header.csv"
    path.write_text(f"date,type,{HUGE}\n2024-03-01,Battles,x\n", encoding="utf-8")
    status = cli.main(["import", "--db", str(tmp_path / "t.db"), "--format", "csv",
                       str(path)])
    err = capsys.readouterr().err
    assert status == 2 and len(err) < 1_000 and "200,000 characters" in err


def test_a_long_but_plausible_name_is_accepted(db: Database, tmp_path: Path) -> None:
    long_name = "n" * MAX_COLUMN_NAME_CHARS
    path = tmp_path / "long_name.csv"
    path.write_text(f"event_id_cnty,event_date,event_type,{long_name}\n"
                    "UKR1,2024-03-01,Battles,x\n", encoding="utf-8")
    assert import_events(db, path, ImportFormat.ACLED).added == 1
