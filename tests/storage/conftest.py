"""Fixtures for storage tests: exact snapshots of a database file and its neighbours."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest


@dataclass(frozen=True)
class FileState:
    """Everything that would show a file was touched: bytes, logical content, neighbours."""

    sha256: str
    dump: tuple[str, ...] | None
    folder: frozenset[tuple[str, int]]


def file_state(path: Path) -> FileState:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    folder = frozenset(
        (entry.name, entry.stat().st_size)
        for entry in path.parent.iterdir()
        if entry.name.startswith(path.name) and entry.is_file()
    )
    dump: tuple[str, ...] | None = None
    if path.read_bytes()[:16] == b"SQLite format 3\x00":
        # Dump a copy: even a read-only connection leaves -wal/-shm files beside a WAL
        # database, and the snapshot must not be what changes the folder.
        with tempfile.TemporaryDirectory() as scratch:
            copy = Path(scratch) / path.name
            shutil.copyfile(path, copy)
            connection = sqlite3.connect(copy)
            try:
                dump = tuple(connection.iterdump())
            finally:
                connection.close()
    return FileState(digest, dump, folder)


@pytest.fixture
def snapshot() -> Callable[[Path], FileState]:
    return file_state
