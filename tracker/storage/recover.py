"""Saving what can still be read from a damaged SQLite database into a new file (F13).

The damaged file is only read. Two ways, the better first:

- SQLite's own ``.recover`` (the ``sqlite3`` command-line program, 3.29 and later): it
  reads the file page by page, past damaged ones, and puts rows it cannot place in a
  ``lost_and_found`` table;
- otherwise a row-by-row salvage: the schema, then every table's rows in rowid order,
  stepping over rowids that cannot be read, then the indexes.

Either way the new file is written whole or not at all, and must pass ``quick_check``;
the person checks it (``tracker log``, an export) and restores it with ``tracker restore``.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from tracker.storage.atomic_files import atomic_path
from tracker.storage.errors import StorageError
from tracker.storage.sqlite_files import check_intact, reading_connection

# A rowid that cannot be read is stepped over by growing strides, up to the last rowid.
_FIRST_STRIDE = 1


@dataclass(frozen=True, slots=True)
class RecoverResult:
    """What a recovery wrote and how.

    Attributes:
        written: the new database file.
        method: "sqlite3 .recover" or "row by row".
        rows: the rows saved per table (row by row only; .recover does not count).
        unreadable: tables some of whose rows could not be read (row by row only).
    """

    written: Path
    method: str
    rows: dict[str, int] = field(default_factory=dict)
    unreadable: tuple[str, ...] = ()


def recover(database: Path, destination: Path, *, use_cli: bool = True) -> RecoverResult:
    """Write what can be read of *database* to the new file *destination*.

    *use_cli* False skips the ``sqlite3`` program (tests of the salvage use it).
    """
    database, destination = Path(database), Path(destination)
    if not database.is_file():
        raise StorageError(f"{database} does not exist or is not a file")
    if destination.exists() and destination.resolve() == database.resolve():
        raise StorageError(f"The recovered copy cannot replace {database} itself")
    program = shutil.which("sqlite3") if use_cli else None
    with atomic_path(destination) as temporary:
        if program is not None and _recovered_by_cli(program, database, temporary):
            result = RecoverResult(destination, "sqlite3 .recover")
        else:
            temporary.write_bytes(b"")
            result = _salvage(database, temporary, destination)
        with reading_connection(temporary) as check:
            check_intact(check, destination, doing="the recovered copy was not kept")
    return result


def _recovered_by_cli(program: str, database: Path, temporary: Path) -> bool:
    """``sqlite3 -readonly DB .recover | sqlite3 NEW``; False when this sqlite3 has no
    .recover or it fails, so the salvage is tried instead (on what it left: emptied)."""
    reader = subprocess.Popen([program, "-readonly", str(database), ".recover"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert reader.stdout is not None
    writer = subprocess.run([program, "-bail", str(temporary)], stdin=reader.stdout,
                            capture_output=True, check=False)
    reader.stdout.close()
    _output, reader_error = reader.communicate()
    # SQLite 3.40's shell fails on some schemas ("SQL logic error"): then salvage instead.
    return reader.returncode == 0 and writer.returncode == 0 \
        and b"unknown command" not in reader_error.lower()


def _salvage(database: Path, temporary: Path, destination: Path) -> RecoverResult:
    with reading_connection(database, leave_no_trace=True) as source:
        try:
            schema = source.execute(
                "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL "
                "AND name NOT LIKE 'sqlite_%' ORDER BY rowid").fetchall()
        except sqlite3.DatabaseError as exc:
            raise StorageError(f"{database} is damaged where its list of tables is kept "
                               f"({exc}); nothing could be recovered from it") from exc
        target = sqlite3.connect(temporary)
        try:
            tables = _create(target, schema, ("table",))
            rows: dict[str, int] = {}
            unreadable: list[str] = []
            for name in tables:
                rows[name], whole = _copy_rows(source, target, name)
                if not whole:
                    unreadable.append(name)
            target.commit()
            _create(target, schema, ("index", "trigger", "view"))
            target.commit()
        finally:
            target.close()
    return RecoverResult(destination, "row by row", rows, tuple(unreadable))


def _create(target: sqlite3.Connection, schema: list[tuple[str, str, str]],
            kinds: tuple[str, ...]) -> list[str]:
    """Create the schema objects of *kinds*; the names of the ordinary tables made."""
    made: list[str] = []
    for kind, name, sql in schema:
        if kind not in kinds:
            continue
        try:
            target.execute(sql)
        except sqlite3.OperationalError as exc:
            if "already exists" in str(exc):
                continue  # a virtual table's shadow table, made with the virtual table
            raise
        if kind == "table" and not sql.upper().startswith("CREATE VIRTUAL"):
            made.append(name)
    return made


def _copy_rows(source: sqlite3.Connection, target: sqlite3.Connection,
               table: str) -> tuple[int, bool]:
    """Copy *table*'s rows in rowid order, stepping over what cannot be read; the number
    copied and whether every rowid up to the last could be read."""
    quoted = '"' + table.replace('"', '""') + '"'
    try:
        columns = len(source.execute(f"SELECT * FROM {quoted} LIMIT 0").description)
    except sqlite3.DatabaseError:
        return 0, False
    insert = f"INSERT OR IGNORE INTO {quoted} VALUES ({', '.join('?' * columns)})"
    try:
        (last,) = source.execute(f"SELECT max(rowid) FROM {quoted}").fetchone()
    except sqlite3.OperationalError as exc:
        if "rowid" not in str(exc):
            return 0, False
        return _copy_without_rowid(source, target, quoted, insert)
    except sqlite3.DatabaseError:
        return 0, False
    select = f"SELECT rowid, * FROM {quoted} WHERE rowid > ? ORDER BY rowid"
    copied, whole = 0, True
    position, stride = -(2 ** 63), _FIRST_STRIDE  # position: the last rowid dealt with
    while last is not None and position < last:
        try:
            for row in source.execute(select, (position,)):
                target.execute(insert, row[1:])
                copied += 1
                position, stride = row[0], _FIRST_STRIDE
            break
        except sqlite3.DatabaseError:
            whole = False
            position += stride
            stride *= 2
    return copied, whole


def _copy_without_rowid(source: sqlite3.Connection, target: sqlite3.Connection,
                        quoted: str, insert: str) -> tuple[int, bool]:
    """A WITHOUT ROWID table (the map's cell counts) has no rowid to step over damage
    with: copy it in its key order up to the first unreadable page."""
    copied = 0
    try:
        for row in source.execute(f"SELECT * FROM {quoted}"):
            target.execute(insert, row)
            copied += 1
    except sqlite3.DatabaseError:
        return copied, False
    return copied, True
