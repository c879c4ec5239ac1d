"""Databases damaged, locked or caught mid-write on purpose, for the attacks of issue 14."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

from tracker.domain.models import Track
from tracker.storage.database import Database, open_database


def add_track(db: Database, name: str) -> None:
    with db.transaction() as session:
        session.add(Track(name=name))


def track_names(path: Path) -> list[str]:
    """The tracks in the database *path*, read from a copy (with its -wal, if any) so the
    reading itself leaves nothing beside the file."""
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / path.name
        shutil.copyfile(path, copy)
        wal = path.with_name(f"{path.name}-wal")
        if wal.exists():
            shutil.copyfile(wal, Path(scratch) / wal.name)
        connection = sqlite3.connect(copy)
        try:
            return [row[0] for row in connection.execute("SELECT name FROM track ORDER BY id")]
        finally:
            connection.close()


def tracker_file(path: Path, *names: str) -> Path:
    """A closed tracker database at *path* holding tracks *names*."""
    db = open_database(path)
    for name in names:
        add_track(db, name)
    db.close()
    return path


def with_rows_only_in_its_wal(folder: Path, name: str = "source.db") -> Path:
    """A tracker database whose last commit is still in its -wal: a copy of the file and
    its -wal taken while a connection had them open (as a copy of a live database, or a
    writer that was killed)."""
    live = folder / "live" / name
    live.parent.mkdir()
    db = open_database(live)
    add_track(db, "In the main file")
    with db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    add_track(db, "Only in the -wal")
    copy = folder / name
    shutil.copyfile(live, copy)
    shutil.copyfile(live.with_name(f"{name}-wal"), copy.with_name(f"{name}-wal"))
    db.close()
    return copy


def checkpointed(path: Path) -> Path:
    """Everything of *path*'s -wal written into the file itself, the -wal emptied."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()
    return path


def damage_table(path: Path, table: str) -> None:
    """Overwrite the root page of *table* with garbage, as a failing disk would."""
    connection = sqlite3.connect(checkpointed(path))
    try:
        (page_size,) = connection.execute("PRAGMA page_size").fetchone()
        (root,) = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()
    finally:
        connection.close()
    with path.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\xff" * page_size)


def damage_header(path: Path) -> None:
    """One byte of SQLite's magic header changed: no longer recognised as SQLite at all."""
    checkpointed(path)
    with path.open("r+b") as handle:
        handle.seek(3)
        handle.write(b"X")


_HOLD_LOCK = """
import sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(600)
"""


def started_child(code: str, *args: str, says: str) -> subprocess.Popen[str]:
    """A Python child running *code*, once it has printed the line *says* (it is then
    where the test wants it: holding a lock, half-way through a write)."""
    process = subprocess.Popen([sys.executable, "-c", code, *args],
                               stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    assert process.stdout.readline().strip() == says
    return process


def hold_write_lock(path: Path) -> subprocess.Popen[str]:
    """Another process holding SQLite's write lock on *path* until it is killed."""
    return started_child(_HOLD_LOCK, str(path), says="locked")
