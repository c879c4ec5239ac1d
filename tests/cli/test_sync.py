"""``tracker sync`` end to end against the local API server: credentials asked on the
terminal into the keyring, a sync's summary and exit status, and no network told plainly
with nothing changed, not even a new database file."""

from __future__ import annotations

import io
import socket
import sqlite3
import threading
from pathlib import Path

import pytest

from tests.services.sync.conftest import MemoryKeyring, apis, memory_keyring
from tests.services.sync.fake_apis import ACLED_PASSWORD, ACLED_USER, UCDP_TOKEN, FakeApis
from tracker.cli import main
from tracker.services.sync import syncing
from tracker.services.sync.credentials import SERVICE
from tracker.services.sync.http_json import JsonClient, RetryPolicy

__all__ = ["apis", "memory_keyring"]


class Terminal(io.StringIO):
    """Standard input typed on a terminal (what --set-credentials asks on)."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The waits between retries, recorded instead of slept."""
    waited: list[float] = []

    def client(policy: RetryPolicy, cancel: threading.Event, _sleep: object) -> JsonClient:
        return JsonClient(policy, cancel, waited.append)

    monkeypatch.setattr(syncing, "JsonClient", client)
    return waited


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    status = main(["sync", *map(str, argv)])
    out, err = capsys.readouterr()
    return status, out, err


def count(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return int(connection.execute("SELECT count(*) FROM battlefield_event").fetchone()[0])
    finally:
        connection.close()


def set_credentials(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                    source: str, typed: str, secret: str) -> int:
    monkeypatch.setattr("sys.stdin", Terminal(typed))
    monkeypatch.setattr("getpass.getpass", lambda _prompt: secret)
    return run(capsys, source, "--set-credentials")[0]


def test_credentials_are_asked_and_kept_in_the_keyring(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        memory_keyring: MemoryKeyring, apis: FakeApis) -> None:
    assert set_credentials(monkeypatch, capsys, "acled", f"{ACLED_USER}\n", ACLED_PASSWORD) == 0
    assert memory_keyring.entries == {(SERVICE, "acled-username"): ACLED_USER,
                                      (SERVICE, "acled-password"): ACLED_PASSWORD}
    assert apis.requests == []  # asked nothing of the source


def test_a_sync_prints_what_it_fetched_and_imported(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        memory_keyring: MemoryKeyring, apis: FakeApis, sleeps: list[float]) -> None:
    set_credentials(monkeypatch, capsys, "ucdp", "", UCDP_TOKEN)
    apis.fail("ucdp:0", "503")
    path = tmp_path / "synced.db"
    status, out, err = run(capsys, "ucdp", "--db", path, "--country", "Ukraine",
                           "--version", "22.1")
    assert status == 0, err
    assert out.startswith("UCDP GED 22.1, Ukraine: 25 events fetched from 127.0.0.1 in 1 "
                          "page (1 retry)\n")
    assert "25 records: 25 added, 0 updated, 0 unchanged, 0 rejected" in out
    assert "fetching from 127.0.0.1: page 1 of 1, 25 events" in err
    assert sleeps == [2.0]
    assert count(path) == 25


def test_acled_since(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                     capsys: pytest.CaptureFixture[str], memory_keyring: MemoryKeyring,
                     apis: FakeApis) -> None:
    set_credentials(monkeypatch, capsys, "acled", f"{ACLED_USER}\n", ACLED_PASSWORD)
    path = tmp_path / "acled.db"
    status, out, _err = run(capsys, "acled", "--db", path, "--country", "Ukraine",
                            "--since", "2022-03-01")
    assert status == 0
    assert out.startswith("ACLED, Ukraine, since 2022-03-01: 7 events fetched")
    assert count(path) == 7


def test_without_network_nothing_is_changed_not_even_a_new_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        memory_keyring: MemoryKeyring, sleeps: list[float]) -> None:
    monkeypatch.setenv("TRACKER_UCDP_TOKEN", UCDP_TOKEN)
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]  # closed again below: nothing listens there
    monkeypatch.setenv("TRACKER_UCDP_API_URL", f"http://127.0.0.1:{port}")
    path = tmp_path / "never.db"
    status, out, err = run(capsys, "ucdp", "--db", path, "--country", "Ukraine")
    assert status == 2 and out == ""
    assert err.startswith("tracker: could not reach 127.0.0.1: ")
    assert err.rstrip().endswith("after 5 tries; nothing was changed")
    assert sleeps == [2.0, 4.0, 8.0, 16.0]
    assert not path.exists()


def test_missing_credentials_and_country_are_told(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], memory_keyring: MemoryKeyring,
        apis: FakeApis) -> None:
    status, _out, err = run(capsys, "ucdp", "--db", tmp_path / "x.db", "--country", "Ukraine")
    assert status == 2 and "--set-credentials" in err and "nothing was changed" in err
    status, _out, err = run(capsys, "acled", "--db", tmp_path / "x.db")
    assert status == 2 and "--country NAME" in err
    assert not (tmp_path / "x.db").exists()
    assert apis.requests == []


def test_an_older_release_is_skipped_unless_allowed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        memory_keyring: MemoryKeyring, apis: FakeApis) -> None:
    monkeypatch.setenv("TRACKER_UCDP_TOKEN", UCDP_TOKEN)
    path = tmp_path / "releases.db"
    apis.ucdp[0]["best"] = 7
    assert run(capsys, "ucdp", "--db", path, "--country", "369", "--version", "23.1")[0] == 0
    apis.ucdp[0]["best"] = 5
    status, out, _err = run(capsys, "ucdp", "--db", path, "--country", "369",
                            "--version", "22.1")
    assert status == 0 and "1 record of an older release than the one stored" in out
    status, out, _err = run(capsys, "ucdp", "--db", path, "--country", "369",
                            "--version", "22.1", "--allow-older")
    assert status == 0 and "0 added, 1 updated" in out
