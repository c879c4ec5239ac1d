"""Files that are not tracker databases, or are damaged ones, for the open-refuses tests."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable
from pathlib import Path

from tracker.services.common.sample import load_sample
from tracker.storage.database import open_database


def tracker_bytes(folder: Path) -> bytes:
    """The bytes of a closed sample database (WAL checkpointed into the file)."""
    path = folder / "whole.db"
    db = open_database(path)
    with db.transaction() as session:
        load_sample(session)
    db.close()
    return path.read_bytes()


def _truncated(fraction: float) -> Callable[[Path, bytes], bytes]:
    return lambda _folder, whole: whole[:int(len(whole) * fraction)]


def _random_bytes(_folder: Path, _whole: bytes) -> bytes:
    return random.Random(6).randbytes(64 * 1024)


def _random_after_header(_folder: Path, _whole: bytes) -> bytes:
    return b"SQLite format 3\x00" + random.Random(7).randbytes(8 * 1024)


def _other_program(folder: Path, _whole: bytes) -> bytes:
    path = folder / "notes.sqlite"
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        connection.execute("INSERT INTO notes (body) VALUES ('keep me')")
    connection.close()
    return path.read_bytes()


def _zeroed_pages(_folder: Path, whole: bytes) -> bytes:
    # The schema page survives; the pages after it are overwritten with zeros.
    return whole[:4096] + bytes(len(whole) - 4096)


def _text(_folder: Path, _whole: bytes) -> bytes:
    return b"date,event\n2026-02-05,strike on substation\n"


# name -> bytes to write, given a scratch folder and a whole tracker database's bytes.
BAD_FILES: dict[str, Callable[[Path, bytes], bytes]] = {
    "truncated to 5%": _truncated(0.05),
    "truncated to half": _truncated(0.5),
    "truncated by the last half page": lambda _f, whole: whole[:len(whole) - 2048],
    "random bytes": _random_bytes,
    "SQLite header, random pages": _random_after_header,
    "another program's SQLite file": _other_program,
    "pages after the first zeroed": _zeroed_pages,
    "a CSV file named .db": _text,
}


def neighbours(path: Path) -> list[str]:
    """Files beside *path* whose names start with its own (-wal, -shm, -journal, .bak)."""
    return sorted(entry.name for entry in path.parent.iterdir()
                  if entry.name.startswith(path.name) and entry != path)
