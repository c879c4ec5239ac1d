"""The migrations build exactly the schema the ORM models describe."""

from __future__ import annotations

from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from tracker.domain.models import Base
from tracker.storage.database import Database

# The FTS5 index is created by raw SQL in the migration and has no ORM model on purpose:
# it is queried by name only, and its shadow tables belong to SQLite.
FTS_TABLES = {"battlefield_event_fts", "battlefield_event_fts_config",
              "battlefield_event_fts_data", "battlefield_event_fts_docsize",
              "battlefield_event_fts_idx"}


def _include(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    return not (type_ == "table" and name in FTS_TABLES)


def test_migrated_database_matches_the_models(db: Database) -> None:
    with db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_object": _include}
        )
        differences = compare_metadata(context, Base.metadata)
    assert differences == []
