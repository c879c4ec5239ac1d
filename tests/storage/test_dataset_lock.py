"""storage.dataset_lock: on PostgreSQL a second import of a dataset waits for the first to
end, and counts what it left; other datasets do not wait. Skipped without a PostgreSQL
server (tests/postgres.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from tracker.services.imports.importing import ImportFormat, import_events
from tracker.storage.database import Database, open_database
from tracker.storage.dataset_lock import hold_dataset

ACLED = Path(__file__).resolve().parents[1] / "data" / "acled" / "releases"
FIRST = ACLED / "acled_ukr_export_2024-01-10.csv"
LATER = ACLED / "acled_ukr_export_2024-01-17.csv"


def impatient(db: Database) -> Database:
    """The same database, its sessions giving up on a lock after 300 ms."""
    url = db.engine.url.update_query_dict({"options": "-c lock_timeout=300"})
    return open_database(url)


def gave_up_waiting(error: OperationalError) -> bool:
    """The lock timeout's own SQLSTATE (lock_not_available), whatever the server's language."""
    return getattr(error.orig, "sqlstate", None) == "55P03"


def test_a_dataset_held_by_one_transaction_makes_another_wait(pg: Database) -> None:
    other = impatient(pg)
    try:
        with pg.engine.begin() as first:
            hold_dataset(first, "ACLED")
            with pytest.raises(OperationalError) as waited, other.engine.begin() as second:
                hold_dataset(second, "ACLED")
            assert gave_up_waiting(waited.value)
            with other.engine.begin() as second:
                hold_dataset(second, "UCDP GED")  # another dataset: no wait
        with other.engine.begin() as second:
            hold_dataset(second, "ACLED")  # the first ended: its lock went with it
    finally:
        other.close()


def test_an_import_waits_for_another_import_of_its_dataset(pg: Database) -> None:
    """While another transaction imports ACLED (it holds the dataset, its rows not yet
    committed), a second import of ACLED does not count the dataset as empty and go on:
    it waits (here, gives up after 300 ms and changes nothing); once the first has
    committed it updates the rows the first wrote and withdraws what its release lacks."""
    other = impatient(pg)
    try:
        with pg.engine.connect() as connection, connection.begin():
            hold_dataset(connection, "ACLED")
            with pytest.raises(OperationalError) as waited:
                import_events(other, LATER, ImportFormat.ACLED)
            assert gave_up_waiting(waited.value)
        with pg.engine.connect() as connection:
            assert connection.scalar(text("SELECT count(*) FROM battlefield_event")) == 0
        import_events(pg, FIRST, ImportFormat.ACLED)
        later = import_events(other, LATER, ImportFormat.ACLED)
        assert [event.external_id for event in later.withdrawn] == ["UKR143804"]
    finally:
        other.close()
