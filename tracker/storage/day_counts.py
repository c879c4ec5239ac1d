"""The per-day event counts (EventDayCount): filled from the events, kept by triggers.

The migration that adds the table creates the SQLite triggers below and counts the
events already there; a bulk import drops the triggers with the other derived
structures and calls ``recount`` once at the end (storage.event_upsert), or, into an
empty table, writes the counts it tallied as the rows went in (storage.day_tally). On
PostgreSQL one plpgsql function runs the same statements (migration 0006).

Only counted events are counted (storage.counted_events: record_status 'current'; a
withdrawn or merged event keeps its row but leaves the counts). Migration 0013 rewrites
the triggers so; migrations before it build the status-blind form (``by_status=False``),
as the column does not exist yet when they run.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection

from tracker.storage.counted_events import COUNTED_SQL

_KEY = "day, event_type, target_category, date_precision"
_SUMS = "events, fatalities, injuries"
# A day-count row's columns, in order (storage.day_tally writes them too).
DAY_COUNT_COLUMNS = f"{_KEY}, {_SUMS}"


def recount_sql(*, by_status: bool = True) -> str:
    """Count every day from the events (the counted ones, *by_status*)."""
    where = f"WHERE {COUNTED_SQL} " if by_status else ""
    return (
        f"INSERT INTO event_day_count ({_KEY}, {_SUMS}) "
        "SELECT event_date, event_type, target_category, date_precision, count(*), "
        "coalesce(sum(fatalities), 0), coalesce(sum(injuries), 0) "
        f"FROM battlefield_event {where}"
        "GROUP BY event_date, event_type, target_category, date_precision"
    )


RECOUNT_SQL = recount_sql()


def _counted(row: str, by_status: bool) -> str:
    """The trigger's test that the *row* ('new' or 'old') is counted; always true for the
    status-blind form."""
    return f"{row}.{COUNTED_SQL}" if by_status else "1 = 1"


# What one event adds to its day's row, and what removing it takes away. The update
# trigger fires only when a counted column changes: re-importing an unchanged summary
# must not touch the counts. INSERT … SELECT … WHERE (not VALUES) so an uncounted event
# adds nothing; the WHERE also keeps SQLite from reading ON CONFLICT as a join clause.
def _add(by_status: bool) -> str:
    return (
        f"INSERT INTO event_day_count ({_KEY}, {_SUMS}) SELECT new.event_date, "
        "new.event_type, new.target_category, new.date_precision, 1, "
        "coalesce(new.fatalities, 0), coalesce(new.injuries, 0) "
        f"WHERE {_counted('new', by_status)} "
        f"ON CONFLICT ({_KEY}) DO UPDATE SET events = events + 1, "
        "fatalities = fatalities + excluded.fatalities, injuries = injuries + excluded.injuries;"
    )


_OLD_KEY = ("day = old.event_date AND event_type = old.event_type "
            "AND target_category = old.target_category AND date_precision = old.date_precision")


def _remove(by_status: bool) -> str:
    return (
        "UPDATE event_day_count SET events = events - 1, "
        "fatalities = fatalities - coalesce(old.fatalities, 0), "
        f"injuries = injuries - coalesce(old.injuries, 0) WHERE {_OLD_KEY} "
        f"AND {_counted('old', by_status)}; "
        f"DELETE FROM event_day_count WHERE {_OLD_KEY} AND events = 0;"
    )


COUNTED_COLUMNS = ("event_date", "event_type", "target_category", "date_precision",
                   "fatalities", "injuries")
# A change of status moves an event in or out of the counts, as a change of its figures.
STATUS_COLUMNS = ("record_status",)


def _update_columns(by_status: bool) -> str:
    return ", ".join(COUNTED_COLUMNS + (STATUS_COLUMNS if by_status else ()))


def sqlite_triggers(*, by_status: bool = True) -> dict[str, str]:
    """The SQLite triggers, by name (status-blind for the migrations before 0013)."""
    add, remove = _add(by_status), _remove(by_status)
    return {
        "battlefield_event_day_insert":
            f"CREATE TRIGGER battlefield_event_day_insert AFTER INSERT ON battlefield_event "
            f"BEGIN {add} END",
        "battlefield_event_day_delete":
            f"CREATE TRIGGER battlefield_event_day_delete AFTER DELETE ON battlefield_event "
            f"BEGIN {remove} END",
        "battlefield_event_day_update":
            f"CREATE TRIGGER battlefield_event_day_update AFTER UPDATE OF "
            f"{_update_columns(by_status)} ON battlefield_event BEGIN {remove} {add} END",
    }


SQLITE_TRIGGERS = sqlite_triggers()
TRIGGER_PREFIX = "battlefield_event_day_"

# PostgreSQL: one row-level function for all three events, with the statements above.
POSTGRES_FUNCTION = "battlefield_event_day_count"


def postgres_triggers(*, by_status: bool = True) -> dict[str, str]:
    return {
        "battlefield_event_day_insert_delete": "AFTER INSERT OR DELETE",
        "battlefield_event_day_update": f"AFTER UPDATE OF {_update_columns(by_status)}",
    }


POSTGRES_TRIGGERS = postgres_triggers()


def _postgres_add(by_status: bool) -> str:
    # PostgreSQL reads a bare "events" in DO UPDATE as ambiguous (the row or excluded).
    return _add(by_status).replace(
        "SET events = events + 1, fatalities = fatalities + ",
        "SET events = event_day_count.events + 1, "
        "fatalities = event_day_count.fatalities + ",
    ).replace("injuries = injuries + ", "injuries = event_day_count.injuries + ")


def postgres_ddl(*, by_status: bool = True) -> list[str]:
    """The function and triggers that keep the counts current on PostgreSQL."""
    function = (
        f"CREATE FUNCTION {POSTGRES_FUNCTION}() RETURNS trigger AS $$ BEGIN "
        f"IF TG_OP IN ('DELETE', 'UPDATE') THEN {_remove(by_status)} END IF; "
        f"IF TG_OP IN ('INSERT', 'UPDATE') THEN {_postgres_add(by_status)} END IF; "
        "RETURN NULL; END; $$ LANGUAGE plpgsql"
    )
    return [function] + [
        f"CREATE TRIGGER {name} {when} ON battlefield_event FOR EACH ROW "
        f"EXECUTE FUNCTION {POSTGRES_FUNCTION}()"
        for name, when in postgres_triggers(by_status=by_status).items()
    ]


def drop_postgres_ddl() -> list[str]:
    return [f"DROP TRIGGER IF EXISTS {name} ON battlefield_event"
            for name in POSTGRES_TRIGGERS] + [
        f"DROP FUNCTION IF EXISTS {POSTGRES_FUNCTION}()"]


def recount(connection: Connection, *, by_status: bool = True) -> None:
    """Count every day again from the events (after a bulk import, or once on upgrade)."""
    connection.execute(text("DELETE FROM event_day_count"))
    connection.execute(text(recount_sql(by_status=by_status)))


def counts_are_kept(connection: Connection) -> bool:
    """Whether triggers keep the counts current on this database (SQLite, and PostgreSQL
    from migration 0006; elsewhere readers count the events themselves)."""
    return connection.dialect.name in ("sqlite", "postgresql")
