"""Alembic migrations applied on open, and refusal of databases from a newer version.

Opening a database that is already at the head revision is the common case (every
launch), so it is decided by one SQL query against ``REVISIONS``, without importing
Alembic: that import costs about 0.3 s and 17 MiB, a quarter of the window's start-up.
Alembic is loaded only when a migration has to run, and a test keeps ``REVISIONS`` equal
to the migration scripts.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine

from tracker.storage.backup import backup_before_migration
from tracker.storage.errors import DatabaseTooNewError
from tracker.storage.locations import describe
from tracker.storage.revisions import REVISIONS, head_revision

if TYPE_CHECKING:
    from alembic.config import Config

SCRIPT_LOCATION = "tracker.storage:migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def current_revision(connection: Connection) -> str | None:
    """The revision recorded in the database (None for a new, empty one)."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def refuse_newer(engine: Engine) -> str | None:
    """The current revision; DatabaseTooNewError for one this program does not know."""
    with engine.connect() as connection:
        current = current_revision(connection)
    if current is not None and current not in REVISIONS:
        raise DatabaseTooNewError(
            f"{describe(engine.url)} was written by a newer version of Negotiation Tracker "
            f"(schema {current}). Update the program to open it; the database was not changed."
        )
    return current


def upgrade(engine: Engine) -> Path | None:
    """Bring the schema to head; refuse, untouched, a revision this program does not know.

    Before an existing file database is migrated, a copy is taken with the backup API;
    its path is returned (None when nothing ran, or for a new or server database).
    """
    current = refuse_newer(engine)
    if current == head_revision():
        return None
    saved = None if current is None else backup_before_migration(
        engine, current, head_revision())
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
    return saved
