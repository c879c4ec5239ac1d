"""The first load's rollback journal (storage.first_load): WAL again afterwards, and an
interrupt that closed the connection under it (SQLAlchemy closes the driver's connection
when Ctrl+C lands in one of its statements) is raised as itself."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, func, select

from tests.acled_generator import write_acled_file
from tests.conftest import REAL_DATA
from tests.storage.test_backup import journal_mode
from tracker.domain.events import BattlefieldEvent
from tracker.io.import_formats import ImportFormat
from tracker.services.imports.importing import import_events
from tracker.storage import event_upsert
from tracker.storage.database import Database

pytestmark = pytest.mark.sqlite_only

UCDP = REAL_DATA / "ucdp_ged_ukraine_2014-2023_ged221+candidate_excel_cp1252.csv"


def test_a_first_import_leaves_the_file_in_wal_mode(db: Database) -> None:
    import_events(db, UCDP, ImportFormat.UCDP)
    db.engine.dispose()
    assert db.engine.url.database is not None
    assert journal_mode(Path(db.engine.url.database)) == "wal"


def _interrupted_import(db: Database, tmp_path: Path) -> None:
    """Import a file large enough for bulk mode, which the test has made interrupted:
    the interrupt comes out as itself, and nothing is written."""
    path = tmp_path / "acled.csv"
    write_acled_file(path, 12_000)
    with pytest.raises(KeyboardInterrupt):
        import_events(db, path, ImportFormat.ACLED)
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(BattlefieldEvent)) == 0


def test_an_interrupt_that_closed_the_connection_is_raised_as_itself(
        db: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    drop = event_upsert.drop_derived

    def interrupted(connection: Connection, *args: Any, **kwargs: Any) -> Any:
        drop(connection, *args, **kwargs)
        connection.invalidate()  # what SQLAlchemy does when Ctrl+C hits a statement
        raise KeyboardInterrupt

    monkeypatch.setattr(event_upsert, "drop_derived", interrupted)
    _interrupted_import(db, tmp_path)
    db.engine.dispose()
    assert db.engine.url.database is not None
    assert journal_mode(Path(db.engine.url.database)) == "wal"  # set by every open


def test_an_interrupt_after_the_rows_are_written_is_raised_as_itself(
        db: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The writer gives its connection back its settings on the way out: not on a
    connection an interrupt closed, which would hide the interrupt."""
    def interrupted(connection: Connection, *_args: Any) -> None:
        connection.invalidate()
        raise KeyboardInterrupt

    monkeypatch.setattr(event_upsert, "rebuild_derived", interrupted)
    _interrupted_import(db, tmp_path)
