"""Alembic revisions: head on open, downgrade to nothing, upgrade back to a working schema."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from tracker.domain.models import Base, BattlefieldEvent
from tracker.storage import migrate
from tracker.storage.database import Database, open_database

# Revisions walked through sqlite_master and SQLite files; PostgreSQL's own walk is in
# test_postgres_schema.py.
pytestmark = pytest.mark.sqlite_only

APPEND_ONLY_TRIGGERS = {"schedule_change_no_update", "schedule_change_no_delete"}
FTS_TRIGGERS = {
    "battlefield_event_fts_insert", "battlefield_event_fts_delete", "battlefield_event_fts_update",
}


def schema_objects(engine: Engine, kind: str) -> set[str]:
    with engine.connect() as connection:
        return set(
            connection.execute(
                text("SELECT name FROM sqlite_master WHERE type = :kind"), {"kind": kind}
            ).scalars()
        )


def run(engine: Engine, action: str, target: str) -> None:
    with engine.begin() as connection:
        getattr(command, action)(migrate.alembic_config(connection), target)


def _not_fts(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    return not (type_ == "table" and name is not None and name.startswith("battlefield_event_fts"))


def test_head_is_the_single_newest_revision() -> None:
    script = ScriptDirectory.from_config(migrate.alembic_config())
    assert script.get_heads() == [migrate.head_revision()]
    # The chain is linear and starts from nothing.
    revisions = list(script.walk_revisions())
    assert revisions[-1].down_revision is None
    assert len({rev.revision for rev in revisions}) == len(revisions)
    # What open_database checks without loading Alembic is exactly the scripts' chain.
    assert tuple(rev.revision for rev in reversed(revisions)) == migrate.REVISIONS


def test_the_revision_read_without_alembic_is_alembics(db: Database) -> None:
    with db.engine.connect() as connection:
        assert migrate.current_revision(connection) == \
            MigrationContext.configure(connection).get_current_revision()


def test_opening_a_current_database_does_not_load_alembic(db: Database) -> None:
    db.close()
    code = ("import sys; from tracker.storage.database import open_database; "
            f"open_database({str(db.url.database)!r}).close(); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "[]"


def test_env_refuses_to_run_without_a_connection() -> None:
    with pytest.raises(RuntimeError, match="connection"):
        command.upgrade(migrate.alembic_config(), "head")


def test_opened_database_is_at_head(db: Database) -> None:
    with db.engine.connect() as connection:
        assert migrate.current_revision(connection) == migrate.head_revision()
    assert schema_objects(db.engine, "trigger") >= APPEND_ONLY_TRIGGERS | FTS_TRIGGERS
    assert "battlefield_event_fts" in schema_objects(db.engine, "table")


def test_downgrade_to_base_removes_everything_and_upgrade_restores_it(db: Database) -> None:
    tables_at_head = schema_objects(db.engine, "table")
    indexes_at_head = schema_objects(db.engine, "index")

    run(db.engine, "downgrade", "base")

    with db.engine.connect() as connection:
        assert migrate.current_revision(connection) is None
    assert schema_objects(db.engine, "table") <= {"alembic_version"}
    assert schema_objects(db.engine, "trigger") == set()
    assert not {name for name in schema_objects(db.engine, "index") if name.startswith("ix_")}

    run(db.engine, "upgrade", "head")

    with db.engine.connect() as connection:
        assert migrate.current_revision(connection) == migrate.head_revision()
        context = MigrationContext.configure(connection, opts={"include_object": _not_fts})
        assert compare_metadata(context, Base.metadata) == []
    assert schema_objects(db.engine, "table") == tables_at_head
    assert schema_objects(db.engine, "index") == indexes_at_head
    assert schema_objects(db.engine, "trigger") >= APPEND_ONLY_TRIGGERS | FTS_TRIGGERS


def test_rules_work_again_after_a_downgrade_upgrade_cycle(db: Database) -> None:
    run(db.engine, "downgrade", "base")
    run(db.engine, "upgrade", "head")

    with db.transaction() as session:
        session.add(
            BattlefieldEvent(
                dataset="ACLED", external_id="1", event_date=date(2026, 2, 5),
                summary="Drone strike on a substation",
            )
        )
        session.execute(text("INSERT INTO track (name, description) VALUES ('t', '')"))
        session.execute(
            text(
                "INSERT INTO round (track_id, title, format, status, window_precision, "
                "window_tz, agenda, outcome, created_at, updated_at, version) VALUES "
                "(1, 'r', 'trilateral', 'proposed', 'unknown', 'UTC', '', '', "
                "'2026-01-01', '2026-01-01', 1)"
            )
        )
        session.execute(
            text(
                "INSERT INTO schedule_change (round_id, kind, recorded_at, recorded_by, reason) "
                "VALUES (1, 'created', '2026-01-01', '', '')"
            )
        )

    with db.reading() as session:
        found = session.execute(
            text("SELECT rowid FROM battlefield_event_fts WHERE battlefield_event_fts "
                 "MATCH 'substation'")
        ).scalars().all()
    assert found == [1]
    with pytest.raises(IntegrityError, match="append-only"), db.transaction() as session:
        session.execute(text("DELETE FROM schedule_change"))


def test_open_upgrades_a_database_left_at_base(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    database = open_database(path)
    run(database.engine, "downgrade", "base")
    database.close()
    connection = sqlite3.connect(path)
    assert connection.execute("SELECT count(*) FROM alembic_version").fetchone() == (0,)
    connection.close()

    reopened = open_database(path)
    try:
        with reopened.engine.connect() as conn:
            assert migrate.current_revision(conn) == migrate.head_revision()
        assert "round" in schema_objects(reopened.engine, "table")
    finally:
        reopened.close()


def test_upgrade_at_head_changes_nothing(db: Database) -> None:
    with db.engine.connect() as connection:
        before = connection.execute(text("PRAGMA schema_version")).scalar_one()

    migrate.upgrade(db.engine)

    with db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA schema_version")).scalar_one() == before


def test_0010_gives_every_existing_round_an_unknown_modality(db: Database) -> None:
    run(db.engine, "downgrade", "0009")
    assert "modality" not in _round_columns(db.engine)
    with db.engine.begin() as connection:
        connection.execute(text("INSERT INTO track (name, description) VALUES ('t', '')"))
        connection.execute(text(
            "INSERT INTO round (track_id, title, format, status, window_precision, "
            "window_tz, agenda, outcome, created_at, updated_at, version) VALUES "
            "(1, 'before 0010', 'trilateral', 'proposed', 'unknown', 'UTC', '', '', "
            "'2026-01-01', '2026-01-01', 1)"))

    run(db.engine, "upgrade", "head")

    with db.engine.connect() as connection:
        assert connection.execute(text("SELECT title, modality FROM round")).all() == [
            ("before 0010", "unknown")]
    # The column is checked like the round's other enums: no value outside the four.
    with pytest.raises(IntegrityError), db.engine.begin() as connection:
        connection.execute(text("UPDATE round SET modality = 'by post'"))


def _round_columns(engine: Engine) -> set[str]:
    with engine.connect() as connection:
        return {row[1] for row in connection.execute(text("PRAGMA table_info(round)"))}
