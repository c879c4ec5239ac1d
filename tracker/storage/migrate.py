"""Alembic migrations applied on open, and refusal of databases from a newer version."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection, Engine

from tracker.storage.errors import DatabaseTooNewError
from tracker.storage.locations import describe

SCRIPT_LOCATION = "tracker.storage:migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def refuse_newer(engine: Engine) -> str | None:
    """The current revision; DatabaseTooNewError for one this program does not know."""
    script = ScriptDirectory.from_config(alembic_config())
    with engine.connect() as connection:
        current = current_revision(connection)
    if current is not None and current not in {rev.revision for rev in script.walk_revisions()}:
        raise DatabaseTooNewError(
            f"{describe(engine.url)} was written by a newer version of Negotiation Tracker "
            f"(schema {current}). Update the program to open it; the database was not changed."
        )
    return current


def upgrade(engine: Engine) -> None:
    """Bring the schema to head; refuse, untouched, a revision this program does not know."""
    script = ScriptDirectory.from_config(alembic_config())
    current = refuse_newer(engine)
    if current == script.get_current_head():
        return
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
