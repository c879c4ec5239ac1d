"""A real PostgreSQL server for the tests: a fresh database per test, dropped afterwards.

The server comes from TRACKER_TEST_POSTGRES_URL (``.ci/run`` starts a throwaway cluster
and sets it). The URL's user must be allowed to create databases. Without it the
PostgreSQL half of the storage, service and import tests is skipped, and the summary
says how many.

Migrating a new database costs about a second; copying a migrated template costs a
tenth of that, so the first test migrates a template and every test copies it.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, Engine

from tracker.storage.locations import to_url

URL_VARIABLE = "TRACKER_TEST_POSTGRES_URL"
SKIP_REASON = f"no PostgreSQL server URL (set {URL_VARIABLE})"
_PREFIX = "tracker_test_"


def server_url() -> URL | None:
    """The test server's URL (any database on it), or None when none was given."""
    value = os.environ.get(URL_VARIABLE, "").strip()
    return to_url(value) if value else None


class TestServer:
    """Creates and drops uniquely named databases on one server."""

    __test__ = False  # not a test class, whatever its name

    def __init__(self, url: URL) -> None:
        self.url = url
        self._admin: Engine = create_engine(url, isolation_level="AUTOCOMMIT")
        self._template: str | None = None

    def _execute(self, sql: str) -> None:
        with self._admin.connect() as connection:
            connection.execute(text(sql))

    def _template_name(self) -> str:
        if self._template is None:
            from tracker.storage.database import open_database

            name = f"{_PREFIX}template_{uuid.uuid4().hex[:12]}"
            self._execute(f'CREATE DATABASE "{name}"')
            open_database(self.url.set(database=name)).close()  # runs every migration
            self._template = name
        return self._template

    @contextmanager
    def fresh_database(self) -> Iterator[URL]:
        """A migrated, empty database of its own, dropped (with its sessions) after use."""
        name = f"{_PREFIX}{uuid.uuid4().hex[:16]}"
        self._execute(f'CREATE DATABASE "{name}" TEMPLATE "{self._template_name()}"')
        try:
            yield self.url.set(database=name)
        finally:
            self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    @contextmanager
    def empty_database(self) -> Iterator[URL]:
        """A database with no tables at all, for tests of migrations themselves."""
        name = f"{_PREFIX}{uuid.uuid4().hex[:16]}"
        self._execute(f'CREATE DATABASE "{name}"')
        try:
            yield self.url.set(database=name)
        finally:
            self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def close(self) -> None:
        if self._template is not None:
            self._execute(f'DROP DATABASE IF EXISTS "{self._template}" WITH (FORCE)')
        self._admin.dispose()
