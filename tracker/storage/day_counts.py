"""The per-day event counts (EventDayCount): filled from the events, kept by triggers.

The migration that adds the table creates the SQLite triggers below and counts the
events already there; a bulk import drops the triggers with the other derived
structures and calls ``recount`` once at the end (storage.event_upsert). On PostgreSQL
one plpgsql function runs the same statements (migration 0006).
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection

_KEY = "day, event_type, target_category, date_precision"
_SUMS = "events, fatalities, injuries"

RECOUNT_SQL = (
    f"INSERT INTO event_day_count ({_KEY}, {_SUMS}) "
    "SELECT event_date, event_type, target_category, date_precision, count(*), "
    "coalesce(sum(fatalities), 0), coalesce(sum(injuries), 0) "
    "FROM battlefield_event GROUP BY event_date, event_type, target_category, date_precision"
)

# What one event adds to its day's row, and what removing it takes away. The update
# trigger fires only when a counted column changes: re-importing an unchanged summary
# must not touch the counts.
_ADD = (
    f"INSERT INTO event_day_count ({_KEY}, {_SUMS}) VALUES (new.event_date, new.event_type, "
    "new.target_category, new.date_precision, 1, coalesce(new.fatalities, 0), "
    "coalesce(new.injuries, 0)) "
    f"ON CONFLICT ({_KEY}) DO UPDATE SET events = events + 1, "
    "fatalities = fatalities + excluded.fatalities, injuries = injuries + excluded.injuries;"
)
_OLD_KEY = ("day = old.event_date AND event_type = old.event_type "
            "AND target_category = old.target_category AND date_precision = old.date_precision")
_REMOVE = (
    "UPDATE event_day_count SET events = events - 1, "
    "fatalities = fatalities - coalesce(old.fatalities, 0), "
    f"injuries = injuries - coalesce(old.injuries, 0) WHERE {_OLD_KEY}; "
    f"DELETE FROM event_day_count WHERE {_OLD_KEY} AND events = 0;"
)
COUNTED_COLUMNS = ("event_date", "event_type", "target_category", "date_precision",
                   "fatalities", "injuries")

SQLITE_TRIGGERS = {
    "battlefield_event_day_insert":
        f"CREATE TRIGGER battlefield_event_day_insert AFTER INSERT ON battlefield_event "
        f"BEGIN {_ADD} END",
    "battlefield_event_day_delete":
        f"CREATE TRIGGER battlefield_event_day_delete AFTER DELETE ON battlefield_event "
        f"BEGIN {_REMOVE} END",
    "battlefield_event_day_update":
        f"CREATE TRIGGER battlefield_event_day_update AFTER UPDATE OF "
        f"{', '.join(COUNTED_COLUMNS)} ON battlefield_event BEGIN {_REMOVE} {_ADD} END",
}
TRIGGER_PREFIX = "battlefield_event_day_"

# PostgreSQL: one row-level function for all three events, with the statements above.
POSTGRES_FUNCTION = "battlefield_event_day_count"
POSTGRES_TRIGGERS = {
    "battlefield_event_day_insert_delete": "AFTER INSERT OR DELETE",
    "battlefield_event_day_update": f"AFTER UPDATE OF {', '.join(COUNTED_COLUMNS)}",
}


# PostgreSQL reads a bare "events" in DO UPDATE as ambiguous (the row or excluded).
_POSTGRES_ADD = _ADD.replace(
    "SET events = events + 1, fatalities = fatalities + ",
    "SET events = event_day_count.events + 1, "
    "fatalities = event_day_count.fatalities + ",
).replace("injuries = injuries + ", "injuries = event_day_count.injuries + ")


def postgres_ddl() -> list[str]:
    """The function and triggers that keep the counts current on PostgreSQL."""
    function = (
        f"CREATE FUNCTION {POSTGRES_FUNCTION}() RETURNS trigger AS $$ BEGIN "
        f"IF TG_OP IN ('DELETE', 'UPDATE') THEN {_REMOVE} END IF; "
        f"IF TG_OP IN ('INSERT', 'UPDATE') THEN {_POSTGRES_ADD} END IF; "
        "RETURN NULL; END; $$ LANGUAGE plpgsql"
    )
    return [function] + [
        f"CREATE TRIGGER {name} {when} ON battlefield_event FOR EACH ROW "
        f"EXECUTE FUNCTION {POSTGRES_FUNCTION}()"
        for name, when in POSTGRES_TRIGGERS.items()
    ]


def drop_postgres_ddl() -> list[str]:
    return [f"DROP TRIGGER IF EXISTS {name} ON battlefield_event"
            for name in POSTGRES_TRIGGERS] + [
        f"DROP FUNCTION IF EXISTS {POSTGRES_FUNCTION}()"]


def recount(connection: Connection) -> None:
    """Count every day again from the events (after a bulk import, or once on upgrade)."""
    connection.execute(text("DELETE FROM event_day_count"))
    connection.execute(text(RECOUNT_SQL))


def counts_are_kept(connection: Connection) -> bool:
    """Whether triggers keep the counts current on this database (SQLite, and PostgreSQL
    from migration 0006; elsewhere readers count the events themselves)."""
    return connection.dialect.name in ("sqlite", "postgresql")
