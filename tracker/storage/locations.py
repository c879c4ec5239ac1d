"""Where databases live and how a --db argument becomes an SQLAlchemy URL."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_path
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from tracker.storage.errors import StorageError
from tracker.storage.url_secrets import shown_url

APP_NAME = "negotiation-tracker"


def data_folder() -> Path:
    return user_data_path(APP_NAME, appauthor=False)


def default_database_path() -> Path:
    return data_folder() / "tracker.db"


def sample_database_path() -> Path:
    return data_folder() / "sample.db"


def to_url(target: str | Path | None) -> URL:
    """A file path or an SQLAlchemy URL (``postgresql://…``, ``sqlite:///…``) to a URL."""
    if target is None:
        target = default_database_path()
    text = str(target)
    if "://" in text:
        try:
            url = make_url(text)
        except (ArgumentError, ValueError) as exc:
            # Not quoted back: the text may hold a password (issue 14, F14: "[::1").
            raise StorageError(
                "The database address is not a URL that can be read: write it as "
                "postgresql://user@host:port/name, with an IPv6 host in brackets "
                "([::1]), or give a file") from exc
        # A plain postgresql:// would pick psycopg2; the driver we install is psycopg 3.
        return url.set(drivername="postgresql+psycopg") if url.drivername == "postgresql" \
            else url
    path = Path(text).expanduser().resolve()
    return URL.create("sqlite", database=str(path))


def describe(url: URL) -> str:
    """What to show a user: the file for SQLite, the URL with its secrets masked
    otherwise."""
    if url.get_backend_name() == "sqlite":
        return url.database or "(in memory)"
    return shown_url(url)
