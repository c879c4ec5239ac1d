"""storage.pg_derived: PostgreSQL's bulk mode puts back exactly what it switched off, and
the record texts' foreign key, dropped for an import's load, still refuses a text whose
event is missing. Skipped without a PostgreSQL server (tests/postgres.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Connection, text
from sqlalchemy.exc import IntegrityError

from tests.acled_generator import write_acled_file
from tracker.services.common.sample import load_sample
from tracker.services.imports.importing import ImportFormat, import_events
from tracker.storage import pg_bulk_load
from tracker.storage.database import Database
from tracker.storage.derived_structures import (
    DroppedStructures,
    drop_derived,
    rebuild_derived,
)

TABLES = ("battlefield_event", "battlefield_event_raw")


def catalogue(connection: Connection) -> dict[str, list[tuple[str, ...]]]:
    """The two tables' indexes, constraints and triggers (with whether each is on)."""
    tables = {"tables": list(TABLES)}
    return {
        "indexes": [tuple(row) for row in connection.execute(text(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = ANY(:tables) "
            "ORDER BY indexname"), tables)],
        "constraints": [tuple(row) for row in connection.execute(text(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
            "FROM pg_constraint WHERE conrelid::regclass::text = ANY(:tables) "
            "ORDER BY 1, 2"), tables)],
        "triggers": [tuple(row) for row in connection.execute(text(
            "SELECT tgrelid::regclass::text, tgname, tgenabled::text FROM pg_trigger "
            "WHERE tgrelid::regclass::text = ANY(:tables) AND NOT tgisinternal "
            "ORDER BY 1, 2"), tables)],
    }


def foreign_keys(connection: Connection) -> list[str]:
    return list(connection.execute(text(
        "SELECT conname FROM pg_constraint WHERE contype = 'f' "
        "AND conrelid = 'battlefield_event_raw'::regclass")).scalars())


def test_an_import_s_bulk_mode_puts_back_every_index_key_and_trigger(pg: Database) -> None:
    with pg.transaction() as session:
        load_sample(session)
    with pg.engine.begin() as connection:
        before = catalogue(connection)
        dropped = drop_derived(connection, records=True)
        assert foreign_keys(connection) == []
        assert len(catalogue(connection)["indexes"]) < len(before["indexes"])
        rebuild_derived(connection, dropped)
        assert catalogue(connection) == before
    # A pass that writes no record texts (the category rules) leaves their key alone.
    with pg.engine.begin() as connection:
        dropped = drop_derived(connection)
        assert foreign_keys(connection) == ["fk_battlefield_event_raw_event_id_battlefield_event"]
        rebuild_derived(connection, dropped)
        assert catalogue(connection) == before


def test_a_record_text_without_its_event_still_fails_the_load(pg: Database) -> None:
    with pg.transaction() as session:
        load_sample(session)
    with pg.engine.connect() as connection:
        before = catalogue(connection)
        missing = connection.scalar(text("SELECT max(id) + 1 FROM battlefield_event"))
        texts = connection.scalar(text("SELECT count(*) FROM battlefield_event_raw"))
    with pytest.raises(IntegrityError, match="fk_battlefield_event_raw"), \
            pg.engine.begin() as connection:
        dropped = drop_derived(connection, records=True)
        connection.execute(text(
            "INSERT INTO battlefield_event_raw (event_id, raw) VALUES (:id, 'orphan')"),
            {"id": missing})
        rebuild_derived(connection, dropped)
    with pg.engine.connect() as connection:
        assert catalogue(connection) == before
        assert connection.scalar(text("SELECT count(*) FROM battlefield_event_raw")) == texts


def test_a_bulk_import_drops_and_adds_back_the_key_of_its_record_texts(
        pg: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pg.engine.connect() as connection:
        before = catalogue(connection)
    asked: list[bool] = []

    def dropping(connection: Connection, *, records: bool = False) -> DroppedStructures:
        asked.append(records)
        dropped = drop_derived(connection, records=records)
        assert foreign_keys(connection) == []
        return dropped

    monkeypatch.setattr(pg_bulk_load, "drop_derived", dropping)
    report = import_events(pg, write_acled_file(tmp_path / "acled.csv", 12_000),
                           ImportFormat.ACLED)
    assert (report.added, asked) == (12_000, [True])  # bulk mode, with the texts' key
    with pg.engine.connect() as connection:
        assert catalogue(connection) == before
        assert connection.scalar(text("SELECT count(*) FROM battlefield_event_raw")) == 12_000
