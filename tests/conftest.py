"""Shared fixtures: a fresh migrated database per test, and the gui marker."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

# Tests never need a screen; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tracker.storage.database import Database, open_database


def _find_shared() -> Path:
    """The team's shared folder (real UCDP files, tools) beside the clone, wherever it is.

    A clone normally sits next to it (../shared); CI's fresh clone may be elsewhere on the
    same machine, so TRACKER_SHARED or the workspace's own path are tried too. The real
    files are required, not optional: tests that need them fail when they are missing.
    """
    candidates = [Path(os.environ["TRACKER_SHARED"])] if "TRACKER_SHARED" in os.environ else []
    candidates += [Path(__file__).resolve().parents[2] / "shared", Path("/work/shared")]
    for candidate in candidates:
        if (candidate / "data" / "real").is_dir():
            return candidate
    return candidates[0]


SHARED = _find_shared()
REAL_DATA = SHARED / "data" / "real"


def sqlite_dump(path: Path | str) -> str:
    """Every table and row of an SQLite file as SQL: equal dumps mean nothing changed."""
    connection = sqlite3.connect(path)
    try:
        return "\n".join(connection.iterdump())
    finally:
        connection.close()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that uses Qt's fixtures as gui, so `-m "not gui"` runs headless."""
    for item in items:
        if {"qtbot", "qapp", "qtmodeltester"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.gui)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "tracker.db")
    yield database
    database.close()


@pytest.fixture
def sample_db(tmp_path: Path) -> Iterator[Database]:
    from tracker.services.sample import load_sample

    database = open_database(tmp_path / "sample.db")
    with database.transaction() as session:
        load_sample(session)
    yield database
    database.close()
