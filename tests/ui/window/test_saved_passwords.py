"""Issue 14, F15: the window keeps a server's password in the OS keyring, never in its
settings; without a keyring it keeps none (libpq then reads PGPASSWORD or ~/.pgpass)."""

from __future__ import annotations

from collections.abc import Iterator
from types import SimpleNamespace
from typing import cast

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from sqlalchemy.engine import URL

from tracker.storage.database import Database
from tracker.storage.locations import to_url
from tracker.ui.window.database_files import last_database, remembered_target
from tracker.ui.window.saved_passwords import SERVICE

SECRET = "s3cr3t-Pa55"


class MemoryKeyring(KeyringBackend):
    """A keyring in a dict: what a desktop's Secret Service or Keychain would hold."""

    priority = 1  # type: ignore[assignment]  # keyring declares it as a class property

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.entries.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        yield
    finally:
        keyring.set_keyring(previous)


def _db(typed: str) -> Database:
    return cast(Database, SimpleNamespace(url=to_url(typed), is_sqlite=False))


@pytest.mark.parametrize("typed", [
    f"postgresql://u:{SECRET}@db.example:5432/talks",
    f"postgresql://u@db.example:5432/talks?password={SECRET}&sslmode=require",
])
def test_the_password_goes_to_the_keyring_and_comes_back(
        memory_keyring: MemoryKeyring, typed: str) -> None:
    stored = remembered_target(_db(typed))
    assert SECRET not in stored  # what the settings file gets
    assert list(memory_keyring.entries) == [(SERVICE, "postgresql://u@db.example:5432/talks")]
    reopened = last_database(stored)
    assert isinstance(reopened, URL)
    assert (reopened.password, reopened.host, reopened.database) == (
        SECRET, "db.example", "talks")


def test_without_a_keyring_no_password_is_kept_anywhere(no_keyring: None) -> None:
    stored = remembered_target(_db(f"postgresql://u:{SECRET}@db.example/talks"))
    assert SECRET not in stored
    reopened = last_database(stored)
    assert isinstance(reopened, URL) and reopened.password is None  # libpq's turn


def test_a_file_is_remembered_as_it_is() -> None:
    assert last_database("/data/tracker.db") == "/data/tracker.db"
