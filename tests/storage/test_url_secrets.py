"""Issue 14, F15: a password in a database URL is never shown, printed or stored.

The attack: ``--db 'postgresql://u@host/db?password=…'`` printed the password in every
error, showed it in the window's label and stored it in the settings; SQLAlchemy's
hide_password masks only ``user:password@``.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import cast

import pytest
from sqlalchemy.engine import make_url

from tracker import cli
from tracker.storage.database import Database
from tracker.storage.locations import describe, to_url
from tracker.storage.url_secrets import mask_secrets, shown_url, without_secrets

SECRET = "s3cr3t-Pa55"
URLS = [
    f"postgresql://u@127.0.0.1:1/db?password={SECRET}",
    f"postgresql://u:{SECRET}@127.0.0.1:1/db",
    f"postgresql://u@127.0.0.1:1/db?sslpassword={SECRET}&sslmode=require",
    f"postgresql://u@127.0.0.1:1/db?passfile=/home/u/{SECRET}",
    f"postgresql+psycopg://u:{SECRET}@127.0.0.1:1/db?PASSWORD={SECRET}",
]


@pytest.mark.parametrize("typed", URLS)
def test_a_shown_url_masks_every_secret(typed: str) -> None:
    url = to_url(typed)
    assert SECRET not in shown_url(url)
    assert SECRET not in describe(url)
    assert describe(url).startswith("postgresql://u")
    assert "127.0.0.1:1/db" in describe(url)


@pytest.mark.parametrize("typed", URLS)
def test_a_kept_url_has_no_secret_and_the_rest_is_kept(typed: str) -> None:
    kept = without_secrets(make_url(typed))
    assert kept.password is None
    assert SECRET not in kept.render_as_string(hide_password=False)
    assert (kept.username, kept.host, kept.port, kept.database) == ("u", "127.0.0.1", 1, "db")
    if "sslmode" in typed:
        assert kept.query == {"sslmode": "require"}


@pytest.mark.parametrize("typed", URLS)
def test_the_window_remembers_the_url_without_its_secrets(typed: str) -> None:
    from tracker.ui.window.database_files import remembered_target

    db = cast(Database, SimpleNamespace(url=to_url(typed), is_sqlite=False))
    remembered = remembered_target(db)
    assert SECRET not in remembered
    assert make_url(remembered).host == "127.0.0.1"


@pytest.mark.parametrize("typed", URLS)
def test_no_command_error_prints_the_password(
        typed: str, capsys: pytest.CaptureFixture[str]) -> None:
    # Port 1 refuses at once: the "cannot open" error names the database.
    assert cli.main(["--db", typed, "log"]) == 2
    err = capsys.readouterr().err
    assert "127.0.0.1" in err
    assert SECRET not in err


@pytest.mark.parametrize("text", [
    f"Could not parse SQLAlchemy URL from string 'postgresql://u:{SECRET}@[::1/db'",
    f"host=db password={SECRET} dbname=x",
    f"Cannot open postgresql://u@h/db?password={SECRET}: refused",
    f"postgresql://u@h/db?sslpassword={SECRET}&password={SECRET}",
])
def test_text_quoting_a_url_as_typed_is_masked(text: str) -> None:
    masked = mask_secrets(text)
    assert SECRET not in masked
    assert "***" in masked


def test_masking_keeps_what_is_not_secret() -> None:
    text = "Cannot open postgresql://u@h/db?password=x: connection refused (sslmode=require)"
    assert mask_secrets(text) == ("Cannot open postgresql://u@h/db?password=***: "
                                  "connection refused (sslmode=require)")


def test_masking_a_long_message_is_one_pass() -> None:
    """A message quoting a 200,000-character cell: the first patterns tried every letter
    as a name's start and took minutes (found while fixing the huge-header message).
    Linear work takes milliseconds; 16x the text must not take 100x the time."""
    import time

    def best(text: str) -> float:
        times = []
        for _ in range(3):
            started = time.perf_counter()
            mask_secrets(text)
            times.append(time.perf_counter() - started)
        return min(times)

    small, large = "N" * 20_000, "N" * 320_000
    assert best(large) / max(best(small), 1e-6) < 100
