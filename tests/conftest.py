"""Shared fixtures: a fresh migrated database per test, and the gui marker."""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings as hypothesis_settings
from sqlalchemy.engine import URL

# Tests never need a screen; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.postgres import SKIP_REASON, TestServer, server_url
from tracker.storage.database import Database, open_database
from tracker.storage.locations import describe

# Tests here run once per backend: on SQLite and on the PostgreSQL server, if given.
# services and io are to follow: on PostgreSQL some still fail (see issue 6's notes).
BOTH_BACKENDS = ("storage", "services", "io")
# Modules about SQLite files themselves (they read db.url.database as a path); better
# marked in the module (pytestmark = pytest.mark.sqlite_only), listed here until then.
SQLITE_FILE_MODULES = ("test_backup.py", "test_bad_files.py")
BACKENDS = ("sqlite", "postgresql")
TESTS = Path(__file__).resolve().parent


# Hypothesis profiles. `make test` loads "default": every property runs, with a fifth of
# its examples, so the suite stays quick on two cores. `make test-full` loads "full"
# (HYPOTHESIS_PROFILE=full, or pytest's --hypothesis-profile full): the numbers the suite
# ran before it had profiles, hypothesis's own 100 or what a test asks for with examples().
FULL_EXAMPLES = 100
hypothesis_settings.register_profile("full", max_examples=FULL_EXAMPLES)
hypothesis_settings.register_profile("default", max_examples=FULL_EXAMPLES // 5)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


def examples(full: int) -> int:
    """The examples a property runs that asks for *full* under the full profile: the same
    share of it as the loaded profile gives every other property (read when called, so
    --hypothesis-profile, loaded after this file, counts too)."""
    return max(1, full * hypothesis_settings().max_examples // FULL_EXAMPLES)


# The real UCDP files the tests read, byte-exact copies with their licence and sources
# beside them (tests/data/ucdp/README.md): a clone needs nothing outside the repository.
REAL_DATA = TESTS / "data" / "ucdp"


def sqlite_dump(path: Path | str) -> str:
    """Every table and row of an SQLite file as SQL: equal dumps mean nothing changed."""
    connection = sqlite3.connect(path)
    try:
        return "\n".join(connection.iterdump())
    finally:
        connection.close()


def database_dump(db: Database) -> str:
    """Every row of every table of *db*, SQLite file or server: equal dumps mean nothing
    changed (on SQLite, the file's own dump, schema and all)."""
    if db.is_sqlite:
        return sqlite_dump(str(db.url.database))
    from sqlalchemy import select

    from tracker.domain.models import Base

    with db.engine.connect() as connection:
        return "\n".join(
            f"{table.name}: {tuple(row)!r}" for table in Base.metadata.sorted_tables
            for row in connection.execute(select(table).order_by(*table.primary_key)))


def cli_database(db: Database) -> str:
    """What a user passes as ``--db`` to reach *db*: the file, or the server's URL as it
    is typed (postgresql://user:password@host/name)."""
    if db.is_sqlite:
        return str(db.url.database)
    return db.url.set(drivername=db.url.get_backend_name()).render_as_string(
        hide_password=False)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only: SQLite by nature (PRAGMA, sqlite_master, FTS5 plans, file "
        "dumps); not run against PostgreSQL")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run the database tests under storage, services and io on both backends."""
    if "backend" not in metafunc.fixturenames:  # no db of ours (or a module's own db)
        return
    # The layer's folder (tests/services/rounds/test_x.py → "services"): the tests sit in
    # feature folders below it.
    layer = Path(str(metafunc.definition.path)).resolve().relative_to(TESTS).parts[0]
    if layer not in BOTH_BACKENDS or metafunc.definition.get_closest_marker("sqlite_only") \
            or metafunc.definition.path.name in SQLITE_FILE_MODULES:
        return
    metafunc.parametrize("backend", BACKENDS, indirect=True)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[TestServer | None]:
    url = server_url()
    if url is None:
        yield None
        return
    server = TestServer(url)
    yield server
    server.close()


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """Which database the test runs on ("sqlite" unless parametrized)."""
    name: str = getattr(request, "param", "sqlite")
    if name == "postgresql" and server_url() is None:
        pytest.skip(SKIP_REASON)
    return name


@pytest.fixture(scope="session")
def migrated_sqlite_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty SQLite database migrated to the head, made once per test process.

    Each test's file is a copy of it, as each PostgreSQL test's database is a copy of a
    template (tests/postgres.py): a copy takes milliseconds where creating and migrating
    a file takes about a seventh of a second, in two thirds of the suite's tests. The
    tests of creating and migrating a database open files of their own."""
    path = tmp_path_factory.mktemp("migrated") / "tracker.db"
    open_database(path).close()  # closed: its write-ahead log is folded into the file
    return path


@pytest.fixture
def new_database(backend: str, tmp_path: Path, postgres_server: TestServer | None,
                 migrated_sqlite_file: Path) -> Iterator[Callable[[str], Path | URL]]:
    """Makes fresh migrated databases: files under tmp_path, or databases on the server
    (each its own, dropped after the test)."""
    with ExitStack() as cleanup:
        def make(file_name: str) -> Path | URL:
            if backend == "sqlite":
                path = tmp_path / file_name
                shutil.copyfile(migrated_sqlite_file, path)
                return path
            assert postgres_server is not None
            return cleanup.enter_context(postgres_server.fresh_database())

        yield make


def pytest_terminal_summary(terminalreporter: Any) -> None:
    skipped = [report for report in terminalreporter.stats.get("skipped", [])
               if SKIP_REASON in str(getattr(report, "longrepr", ""))]
    if skipped:
        terminalreporter.write_line(
            f"PostgreSQL: {len(skipped)} tests skipped, no server URL "
            "(set TRACKER_TEST_POSTGRES_URL)")
    elif (url := server_url()) is not None:
        terminalreporter.write_line(f"PostgreSQL: tests ran against {describe(url)}")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that uses Qt's fixtures as gui, so `-m "not gui"` runs headless."""
    for item in items:
        if {"qtbot", "qapp", "qtmodeltester"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.gui)


@pytest.fixture
def db(new_database: Callable[[str], Path | URL]) -> Iterator[Database]:
    database = open_database(new_database("tracker.db"))
    yield database
    database.close()


@pytest.fixture
def sample_db(new_database: Callable[[str], Path | URL]) -> Iterator[Database]:
    from tracker.services.common.sample import load_sample

    database = open_database(new_database("sample.db"))
    with database.transaction() as session:
        load_sample(session)
    yield database
    database.close()


@pytest.fixture
def other(sample_db: Database) -> Iterator[Database]:
    """A colleague's program on the same database: its own engine and connections."""
    database = open_database(sample_db.url)
    yield database
    database.close()


@pytest.fixture
def pg(postgres_server: TestServer | None) -> Iterator[Database]:
    """A fresh migrated database on the PostgreSQL server; skipped without one."""
    if postgres_server is None:
        pytest.skip(SKIP_REASON)
    with postgres_server.fresh_database() as url:
        database = open_database(url)
        yield database
        database.close()


def rename_round(db: Database, round_id: int, title: str) -> None:
    """Change a round's title the way the Edit Details dialog does (a colleague's edit)."""
    from tracker.services.records.record_edits import edit_record

    with db.transaction() as session:
        edit_record(session, "round", round_id, {"title": title}, None)
