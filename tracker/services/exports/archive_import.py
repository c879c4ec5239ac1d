"""Loading an archive (services.exports.archive) into an empty database, ids and all.

``tracker import --format json`` and File › Import Archive… call ``import_archive``. The
file is read a row at a time and written in batches (Core executemany) in one
transaction: a refused, broken or truncated file, or any error, leaves the database as
it was. Every row is checked before it is written, and a refusal names the table, the
row (counted from 1) and the field. Links, factors, readings, dependencies and seats are
written here as table rows, not through their operations (link_operations.add_link,
factors.operations, rounds.seating): a restore puts back a whole database as it was, ids,
timestamps and versions included, which no user intent does.

What the archive leaves out is made again: on SQLite the full-text index and the
per-day event counts, the way a bulk event import does it (storage.derived_structures:
drop the derived triggers and the secondary indexes of battlefield_event, insert, rebuild
once); on PostgreSQL each id sequence is moved past the ids inserted.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, insert, literal_column, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError

from tracker.domain.errors import TrackerError
from tracker.io.archive_json import ArchiveReader, ArchiveSyntaxError
from tracker.services.exports.archive import (
    ARCHIVE_TABLES,
    COLUMNS_SINCE,
    DERIVED_TABLES,
    FORMAT_NAME,
    FORMAT_VERSION,
    TABLES_SINCE,
    ArchiveProgress,
    ArchiveSummary,
    archive_table,
)
from tracker.services.exports.archive_columns import ColumnCodec, ColumnValueError, table_codecs
from tracker.services.exports.archive_rules import RowRuleError, check_row
from tracker.storage import migrate
from tracker.storage.database import Database
from tracker.storage.derived_structures import drop_derived, rebuild_derived
from tracker.storage.event_upsert import refresh_planner_statistics

_BATCH = 500
_HEADER_KEYS = {"format", "format_version", "schema_revision"}


class ArchiveError(TrackerError, ValueError):
    """The archive was refused or could not be loaded; the database was not changed."""


@dataclass(frozen=True, slots=True)
class _Batch:
    table: str
    first_row: int  # the 1-based number of the batch's first row in its table
    values: list[dict[str, Any]]


def import_archive(db: Database, path: Path, *,
                   progress: ArchiveProgress | None = None) -> ArchiveSummary:
    """Load the archive at *path* into *db*, which must be empty; return the row counts."""
    try:
        # utf-8-sig: an archive re-saved by an editor that adds a BOM reads the same.
        with Path(path).open(encoding="utf-8-sig", newline="") as stream:
            reader = ArchiveReader(stream)
            header = reader.header()
            _check_header(header, path)
            with db.engine.begin() as connection:
                _check_target(connection, db.label)
                summary = _load(connection, reader, progress, header["schema_revision"])
    except ArchiveSyntaxError as exc:
        raise ArchiveError(f"{path} is not a complete archive ({exc}); nothing was "
                           "imported") from exc
    except OSError as exc:
        raise ArchiveError(f"Cannot read {path}: {exc.strerror or exc}") from exc
    refresh_planner_statistics(db.engine, summary.count("battlefield_event"))
    return summary


def _check_header(found: dict[str, Any], path: Path) -> None:
    if found.get("format") != FORMAT_NAME:
        raise ArchiveError(f"{path} is not a Negotiation Tracker archive (its \"format\" is "
                           f"{found.get('format')!r}, not {FORMAT_NAME!r})")
    version = found.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ArchiveError(f"{path}: \"format_version\" must be a whole number from 1; "
                           f"found {version!r}")
    if version > FORMAT_VERSION:
        raise ArchiveError(f"{path} was written by a newer version of Negotiation Tracker "
                           f"(archive format {version}; this one reads format "
                           f"{FORMAT_VERSION}). Update the program to import it.")
    revision = found.get("schema_revision")
    if revision not in migrate.REVISIONS:
        raise ArchiveError(f"{path} comes from a database schema this program does not "
                           f"know ({revision!r}); update the program to import it")
    unknown = set(found) - _HEADER_KEYS
    if unknown:
        raise ArchiveError(f"{path}: unknown header keys {', '.join(sorted(unknown))}")


def _check_target(connection: Connection, label: str) -> None:
    if migrate.current_revision(connection) != migrate.head_revision():
        raise ArchiveError(f"{label} is not at this program's schema "
                           f"({migrate.head_revision()}); open it once to upgrade it")
    filled = [name for name in (*ARCHIVE_TABLES, *DERIVED_TABLES)
              if connection.scalar(select(literal_column("1")).select_from(
                  archive_table(name)).limit(1)) is not None]
    if filled:
        raise ArchiveError(f"{label} already holds data ({', '.join(filled)}); an archive "
                           "is imported into a new, empty database only")


def _load(connection: Connection, reader: ArchiveReader,
          progress: ArchiveProgress | None, revision: str) -> ArchiveSummary:
    dropped = drop_derived(connection)  # SQLite only; elsewhere nothing is dropped
    counts: list[tuple[str, int]] = []
    expected = iter(ARCHIVE_TABLES)
    for name, rows in reader.tables():
        wanted = next(expected, None)
        if name != wanted:
            raise ArchiveError(f"table {name!r} where the archive should have "
                               f"{wanted or 'no more tables'} (tables come in the order "
                               f"{', '.join(ARCHIVE_TABLES)})")
        written = 0
        for batch in _batches(name, rows, revision):
            _insert(connection, batch)
            written += len(batch.values)
            if progress is not None:
                progress(name, written)
        counts.append((name, written))
    written_before = migrate.REVISIONS.index(revision)
    missing = [name for name in expected if name not in TABLES_SINCE
               or migrate.REVISIONS.index(TABLES_SINCE[name]) <= written_before]
    if missing:
        raise ArchiveError(f"the archive lacks the tables {', '.join(missing)}")
    rebuild_derived(connection, dropped)
    if connection.dialect.name == "postgresql":
        _move_sequences(connection)
    return ArchiveSummary(tuple(counts))


def _batches(name: str, rows: Iterator[Any], revision: str) -> Iterator[_Batch]:
    codecs = table_codecs(archive_table(name))
    names = {codec.name for codec in codecs}
    added = (_added_since(archive_table(name), revision)
             if revision != migrate.head_revision() else {})
    values: list[dict[str, Any]] = []
    first = 1
    for number, row in enumerate(rows, start=1):
        values.append(_checked(name, number, row, codecs, names, added))
        if len(values) == _BATCH:
            yield _Batch(name, first, values)
            first, values = number + 1, []
    if values:
        yield _Batch(name, first, values)


@dataclass(frozen=True, slots=True)
class _CopyOf:
    """A column an older archive lacks that its migration filled from another column."""

    column: str


# Migration 0011 dated every change's announcement when it was entered.
_COPIED = {("schedule_change", "announced_at"): _CopyOf("recorded_at")}


def _added_since(table: Table, revision: str) -> dict[str, Any]:
    """What a column an archive written at *revision* may lack reads as: the value its
    migration gave the rows that were there (its server default, or NULL, or a copy of
    another column), as round.modality's "unknown". A column added at or before
    *revision* (COLUMNS_SINCE) is not among them: an archive without it is damaged."""
    written = migrate.REVISIONS.index(revision)
    had = {name for (owner, name), since in COLUMNS_SINCE.items()
           if owner == table.name and migrate.REVISIONS.index(since) <= written}
    found: dict[str, Any] = {name: copy for (owner, name), copy in _COPIED.items()
                             if owner == table.name and name not in had}
    for column in table.columns:
        if column.name in found or column.name in had:
            continue
        default = getattr(column.server_default, "arg", None)
        if isinstance(default, str):  # '' or '1' or 'unknown': text the type reads
            found[column.name] = column.type.python_type(default)
        elif column.nullable:
            found[column.name] = None
    return found


def _checked(table: str, number: int, row: Any, codecs: tuple[ColumnCodec, ...],
             names: set[str], added: dict[str, Any]) -> dict[str, Any]:
    """The row's values, checked; a field *added* lists (an archive written before the
    schema's newest revision) may be missing, and takes the value given there."""
    where = f"table {table!r}, row {number}"
    if not isinstance(row, dict):
        raise ArchiveError(f"{where}: a row must be an object of fields")
    extra = set(row) - names
    if extra:
        raise ArchiveError(f"{where}: unknown field {sorted(extra)[0]!r}")
    values: dict[str, Any] = {}
    for codec in codecs:
        if codec.name not in row:
            if codec.name in added:
                value = added[codec.name]
                values[codec.name] = (values[value.column] if isinstance(value, _CopyOf)
                                      else value)
                continue
            raise ArchiveError(f"{where}, field {codec.name!r}: missing")
        try:
            values[codec.name] = codec.read(row[codec.name])
        except ColumnValueError as exc:
            raise ArchiveError(f"{where}, field {codec.name!r}: {exc}") from exc
    try:
        check_row(table, values)
    except RowRuleError as exc:
        raise ArchiveError(f"{where}, field {exc.field!r}: {exc}") from exc
    return values


def _insert(connection: Connection, batch: _Batch) -> None:
    statement = insert(archive_table(batch.table))
    try:
        with connection.begin_nested():
            connection.execute(statement, batch.values)
    except (IntegrityError, DBAPIError, UnicodeEncodeError) as exc:
        # Find the row the database refused (a duplicate id, a missing parent, a value
        # out of range), so the message can name it.
        for offset, values in enumerate(batch.values):
            try:
                with connection.begin_nested():
                    connection.execute(statement, [values])
            except (IntegrityError, DBAPIError, UnicodeEncodeError) as row_exc:
                reason = getattr(row_exc, "orig", None) or row_exc
                raise ArchiveError(f"table {batch.table!r}, row {batch.first_row + offset}: "
                                   f"the database refused it: {reason}") from exc
        raise


def _move_sequences(connection: Connection) -> None:
    """PostgreSQL hands out ids from sequences that explicit ids did not advance."""
    for name in ARCHIVE_TABLES:
        table = archive_table(name)
        [key] = table.primary_key.columns
        if key.type.python_type is not int:
            continue
        sequence = connection.scalar(text("SELECT pg_get_serial_sequence(:t, :c)"),
                                     {"t": name, "c": key.name})
        if sequence:
            connection.execute(text(
                f'SELECT setval(:s, coalesce((SELECT max("{key.name}") FROM "{name}"), 0) + 1, '
                "false)"), {"s": sequence})

