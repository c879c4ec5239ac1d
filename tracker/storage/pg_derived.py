"""PostgreSQL's bulk mode: what keeps derived data current, switched off for one load.

On PostgreSQL the per-day counts (storage.day_counts) and the map cells (storage.map_cells)
are kept by row-level plpgsql triggers, and battlefield_event carries a dozen secondary
indexes (the GIN index of its full-text tsvector among them). A bulk load (a large import,
storage.pg_bulk_load; the rule pass over a whole database, storage.rule_pass)
switches the triggers off and drops the secondary indexes inside its transaction, then
recounts the counts once and builds each index once (storage.derived_structures
.rebuild_derived): each trigger runs 17 statements per row written, and a B-tree filled
row by row in random key order costs several times its one sorted build.

``ALTER TABLE … DISABLE TRIGGER`` and ``DROP INDEX`` are transactional in PostgreSQL: a
failed or cancelled load gets them back on rollback, and other sessions never see them
missing, since both statements lock the table until the commit (readers of
battlefield_event wait for the load; that is the price of bulk mode, which is why it is
kept for loads at least as large as the table).

An import's bulk mode (storage.pg_bulk_load) also drops the record texts' foreign key to
the events (battlefield_event_raw's) and adds it back after the load. Kept, it looked each
new text's event up in the events' primary key, one probe a row: 2.7 s of a 300,000-row
load, against 0.8 s without it. Added back, it checks every row at once in one join
(0.2 s), and a text without its event fails the load as the per-row check would have.

The change-notification trigger (storage.change_feed) stays on: it runs once per
statement, and a set-based load writes in a few statements, so other windows still hear
that the events changed.

What is switched off is returned as the statements that switch it on again: the indexes'
own CREATE INDEX text (from pg_indexes), the foreign key's ADD CONSTRAINT, then ENABLE
TRIGGER, which derived_structures.rebuild_derived runs after its recount.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from tracker.storage import day_counts, map_cells

EVENTS_TABLE = "battlefield_event"
RECORDS_TABLE = "battlefield_event_raw"
# The row-level triggers that keep derived data; the rule triggers (none on this table
# today) and the statement-level notification are never switched off.
DERIVED_TRIGGERS = (*day_counts.POSTGRES_TRIGGERS, *map_cells.POSTGRES_TRIGGERS)


def secondary_indexes(connection: Connection, table: str = EVENTS_TABLE) -> list[tuple[str, str]]:
    """(name, CREATE INDEX statement) of *table*'s indexes that back no constraint (the
    primary key and the unique (dataset, external_id) key stay: the load needs them)."""
    return [(str(name), str(sql)) for name, sql in connection.execute(text(
        "SELECT i.indexname, i.indexdef FROM pg_indexes i "
        "WHERE i.schemaname = current_schema() AND i.tablename = :table "
        "AND NOT EXISTS (SELECT 1 FROM pg_constraint c "
        "WHERE c.conindid = to_regclass(quote_ident(i.indexname)) AND c.contype IN "
        "('p', 'u', 'x')) ORDER BY i.indexname"), {"table": table})]


# The triggers cost 1–3 ms for each row written (17 statements), a recount about 0.1 ms
# for each row of the table: switching them off pays once a load writes this share of it.
TRIGGERS_OFF_SHARE = 0.05


def triggers_pay_off(written: int, table_rows: int) -> bool:
    """Whether writing *written* rows into a table of *table_rows* is cheaper with the
    derived triggers off and one recount at the end."""
    return written > 0 and written >= table_rows * TRIGGERS_OFF_SHARE


def switch_off(connection: Connection, *, indexes: bool = True,
               records: bool = False) -> list[str]:
    """Disable battlefield_event's derived triggers and, with *indexes*, drop its secondary
    indexes, in the caller's transaction; with *records* (a load that writes record texts
    too) drop their foreign key as well. Return the statements that build, add and enable
    them again. Without *indexes* readers are not kept waiting (the triggers' lock lets
    them read): what a load that is small beside the table, but large for the triggers,
    does."""
    again: list[str] = []
    for name, sql in secondary_indexes(connection) if indexes else ():
        connection.exec_driver_sql(f'DROP INDEX "{name}"')
        again.append(sql)
    for name, definition in _foreign_keys(connection, RECORDS_TABLE) if records else ():
        connection.exec_driver_sql(f'ALTER TABLE {RECORDS_TABLE} DROP CONSTRAINT "{name}"')
        again.append(f'ALTER TABLE {RECORDS_TABLE} ADD CONSTRAINT "{name}" {definition}')
    present = set(connection.execute(text(
        "SELECT tgname FROM pg_trigger WHERE tgrelid = to_regclass(:table) "
        "AND NOT tgisinternal AND tgenabled <> 'D'"), {"table": EVENTS_TABLE}).scalars())
    for name in DERIVED_TRIGGERS:
        if name in present:
            connection.exec_driver_sql(f"ALTER TABLE {EVENTS_TABLE} DISABLE TRIGGER {name}")
            again.append(f"ALTER TABLE {EVENTS_TABLE} ENABLE TRIGGER {name}")
    return again


def _foreign_keys(connection: Connection, table: str) -> list[tuple[str, str]]:
    """(name, definition) of *table*'s foreign keys."""
    return [(str(name), str(definition)) for name, definition in connection.execute(text(
        "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
        "WHERE conrelid = to_regclass(:table) AND contype = 'f' ORDER BY conname"),
        {"table": table})]
