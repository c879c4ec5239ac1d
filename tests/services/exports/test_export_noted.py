"""``export_chronology_file``, the one intent the window and the command line share:
written whole or not at all, with progress, and noted as the last export (issue 17)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker.services.chronology.chronology import count_chronology
from tracker.services.exports.changes_since import last_export_at
from tracker.services.exports.export import ExportFormat, export_chronology_file
from tracker.storage.database import Database


class Stop(Exception):
    pass


def test_an_export_is_noted_with_its_progress_told(sample_db: Database,
                                                   tmp_path: Path) -> None:
    with sample_db.reading() as session:
        total = count_chronology(session)
        assert last_export_at(session) is None
    told: list[tuple[int, int]] = []
    target = tmp_path / "all.csv"
    assert export_chronology_file(sample_db, target, ExportFormat.CSV,
                                  progress=lambda *update: told.append(update)) == total
    assert told[0] == (0, total) and told[-1] == (total, total)
    with sample_db.reading() as session:
        assert last_export_at(session) is not None


@pytest.mark.parametrize("fmt", [ExportFormat.CSV, ExportFormat.JSON, ExportFormat.MD])
def test_a_stop_from_progress_leaves_no_file_and_notes_nothing(
        sample_db: Database, tmp_path: Path, fmt: ExportFormat) -> None:
    calls = 0

    def progress(_written: int, _total: int) -> None:
        nonlocal calls
        calls += 1
        if calls > 1:  # after the first entries: the file is half-written by now
            raise Stop

    folder = tmp_path / "exports"
    folder.mkdir()
    with pytest.raises(Stop):
        export_chronology_file(sample_db, folder / f"x{fmt.suffix}", fmt,
                               progress=progress)
    assert list(folder.iterdir()) == []  # no temporary file left either
    with sample_db.reading() as session:
        assert last_export_at(session) is None
