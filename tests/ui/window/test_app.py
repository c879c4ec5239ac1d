"""Starting the window: which database opens, what is remembered, settings, entry points."""

from __future__ import annotations

import gc
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy.engine import make_url

from tracker import __version__
from tracker.services import rounds
from tracker.storage import locations
from tracker.storage.database import Database, open_database
from tracker.storage.errors import NotATrackerDatabaseError, StorageError
from tracker.ui.common import settings as options
from tracker.ui.common.settings import Settings
from tracker.ui.window import app
from tracker.ui.window.database_files import remembered_target, short_label

NOT_A_DATABASE = b"Minutes of the Istanbul meeting\n" * 8


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user data folder, moved under tmp_path so nothing touches the real home."""
    home = tmp_path / "home"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    folder = home / "data" / locations.APP_NAME
    monkeypatch.setattr(locations, "data_folder", lambda: folder)
    assert tmp_path in locations.default_database_path().parents
    assert tmp_path in locations.sample_database_path().parents
    return folder


@pytest.fixture
def opened() -> Iterator[list[Database]]:
    """Databases a test opened; closed at the end even when the test fails."""
    databases: list[Database] = []
    yield databases
    for db in databases:
        db.close()


def start(opened: list[Database], target: str | None, settings: Settings, *,
          sample: bool = False) -> tuple[Database, list[str]]:
    db, warnings = app.open_startup_database(target, sample=sample, settings=settings)
    opened.append(db)
    return db, warnings


def round_titles(db: Database) -> list[str]:
    with db.reading() as session:
        return [row.title for row in rounds.list_rounds(session)]


def make_empty_database(path: Path) -> Path:
    open_database(path).close()
    return path


def test_db_target_is_opened_and_remembered(tmp_path: Path, data_home: Path,
                                            settings: Settings,
                                            opened: list[Database]) -> None:
    target = tmp_path / "talks" / "talks.db"
    db, warnings = start(opened, str(target), settings)
    assert warnings == []
    assert Path(db.url.database or "") == target.resolve()
    assert target.exists()  # created, with parent folders
    assert settings.get(options.LAST_DATABASE) == str(target.resolve())
    assert not locations.default_database_path().exists()


def test_without_target_the_last_database_reopens(tmp_path: Path, data_home: Path,
                                                  settings: Settings,
                                                  opened: list[Database]) -> None:
    last = make_empty_database(tmp_path / "last.db")
    settings.set(options.LAST_DATABASE, str(last))
    db, warnings = start(opened, None, settings)
    assert warnings == []
    assert db.url.database == str(last)
    assert settings.get(options.LAST_DATABASE) == str(last)
    assert not locations.default_database_path().exists()


def test_first_start_opens_and_remembers_the_default(data_home: Path, settings: Settings,
                                                     opened: list[Database]) -> None:
    db, warnings = start(opened, None, settings)
    assert warnings == []
    default = locations.default_database_path()
    assert db.url.database == str(default)
    assert default.exists()
    assert settings.get(options.LAST_DATABASE) == str(default)
    assert round_titles(db) == []


def test_vanished_last_database_warns_and_opens_the_default(
        tmp_path: Path, data_home: Path, settings: Settings, opened: list[Database]) -> None:
    gone = tmp_path / "unplugged" / "talks.db"
    settings.set(options.LAST_DATABASE, str(gone))
    db, warnings = start(opened, None, settings)
    assert len(warnings) == 1
    assert "could not be opened" in warnings[0]
    assert f"{gone} does not exist" in warnings[0]
    assert db.url.database == str(locations.default_database_path())
    assert not gone.exists() and not gone.parent.exists()  # nothing created in its place
    assert settings.get(options.LAST_DATABASE) == str(locations.default_database_path())


def test_remembered_file_that_is_not_ours_warns_and_is_left_alone(
        tmp_path: Path, data_home: Path, settings: Settings, opened: list[Database]) -> None:
    notes = tmp_path / "notes.db"
    notes.write_bytes(NOT_A_DATABASE)
    settings.set(options.LAST_DATABASE, str(notes))
    db, warnings = start(opened, None, settings)
    assert "not a Negotiation Tracker database" in warnings[0]
    assert db.url.database == str(locations.default_database_path())
    assert notes.read_bytes() == NOT_A_DATABASE


def test_sample_is_filled_once_and_not_duplicated(data_home: Path, settings: Settings,
                                                  opened: list[Database]) -> None:
    settings.set(options.LAST_DATABASE, "/somewhere/talks.db")
    db, warnings = start(opened, None, settings, sample=True)
    assert warnings == []
    assert db.url.database == str(locations.sample_database_path())
    titles = round_titles(db)
    assert "Trilateral talks announced for the coming week" in titles
    db.close()

    again, _ = start(opened, None, settings, sample=True)
    assert round_titles(again) == titles  # the same two rounds, not four
    # The sample is a demonstration: the user's own last database stays remembered.
    assert settings.get(options.LAST_DATABASE) == "/somewhere/talks.db"


@pytest.mark.parametrize("kind", ["text file", "foreign sqlite"])
def test_a_file_that_is_not_a_tracker_database_is_refused_unchanged(
        tmp_path: Path, data_home: Path, settings: Settings, kind: str) -> None:
    path = tmp_path / "other.db"
    if kind == "text file":
        path.write_bytes(NOT_A_DATABASE)
    else:
        with sqlite3.connect(path) as connection:
            connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
            connection.execute("INSERT INTO invoices (total) VALUES (12.5)")
        connection.close()
    before = path.read_bytes()
    with pytest.raises(NotATrackerDatabaseError) as refused:
        app.open_startup_database(str(path), sample=False, settings=settings)
    assert isinstance(refused.value, StorageError)
    assert str(path) in str(refused.value)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("other")) == \
        ["other.db"]  # no -wal or -shm left beside it
    assert settings.get(options.LAST_DATABASE) == ""  # a refused file is not remembered


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")  # the frame
def test_run_reports_a_refused_database_and_starts_nothing(
        qapp: QApplication, tmp_path: Path, data_home: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "other.db"
    path.write_bytes(NOT_A_DATABASE)
    shown: list[str] = []
    frozen: list[int] = []  # what the start-up made, frozen while the window runs

    def critical(_parent: object, _title: str, text: str) -> None:
        shown.append(text)
        frozen.append(gc.get_freeze_count())

    monkeypatch.setattr(QMessageBox, "critical", staticmethod(critical))
    built: list[object] = []  # the frame is shown first; no window is attached to a database
    monkeypatch.setattr(app.MainWindow, "attach", lambda _window, *args: built.append(args))
    names = (qapp.organizationName(), qapp.applicationName(), qapp.applicationVersion())
    try:
        code = app.run(str(path), settings_file=str(tmp_path / "settings.ini"))
        assert qapp.applicationName() == "Negotiation Tracker"
    finally:  # run() names the running application; give the test session its names back
        qapp.setOrganizationName(names[0])
        qapp.setApplicationName(names[1])
        qapp.setApplicationVersion(names[2])
    assert code == app.EXIT_CANNOT_OPEN
    assert len(shown) == 1 and "not a Negotiation Tracker database" in shown[0]
    assert path.read_bytes() == NOT_A_DATABASE
    assert built == []  # no window was built
    # Collection was the GUI thread's while the window ran; Python's own again after.
    assert frozen[0] > 0
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_typed_settings_round_trip_through_the_file(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    geometry = QByteArray(bytes(range(256)))
    store = Settings.from_file(path)
    store.set(options.WINDOW_GEOMETRY, geometry)
    store.set(options.DETAIL_VISIBLE, False)
    store.set(options.DAY_FIRST, True)
    store.set(options.LAST_DATABASE, str(tmp_path / "Переговори" / "talks.db"))
    store.set(options.DISPLAY_TIME_ZONE, "Asia/Dubai")
    store.set(options.SUGGEST_DAYS, 14)
    store.sync()

    again = Settings.from_file(path)
    assert again.get(options.WINDOW_GEOMETRY) == geometry
    assert again.get(options.DETAIL_VISIBLE) is False
    assert again.get(options.DAY_FIRST) is True
    assert again.get(options.LAST_DATABASE) == str(tmp_path / "Переговори" / "talks.db")
    assert again.get(options.DISPLAY_TIME_ZONE) == "Asia/Dubai"
    assert again.get(options.SUGGEST_DAYS) == 14
    assert again.get(options.VERSION) == options.SETTINGS_VERSION
    again.reset(options.DAY_FIRST)
    assert again.get(options.DAY_FIRST) is False


def test_settings_written_by_another_process_read_back_typed(tmp_path: Path) -> None:
    # Once the writing process has gone, QSettings gives back strings: the options
    # convert them. The writer is a real other process, so no in-process cache helps.
    path = tmp_path / "settings.ini"
    writer = (
        "import sys\n"
        "from PySide6.QtCore import QByteArray\n"
        "from tracker.ui.common import settings as o\n"
        "s = o.Settings.from_file(sys.argv[1])\n"
        "s.set(o.WINDOW_STATE, QByteArray(b'\\x00state\\xff'))\n"
        "s.set(o.DETAIL_VISIBLE, False)\n"
        "s.set(o.DAY_FIRST, True)\n"
        "s.set(o.SUGGEST_DAYS, 30)\n"
        "s.set(o.EXPORT_FOLDER, '/tmp/exports')\n"
        "s.sync()\n"
    )
    subprocess.run([sys.executable, "-c", writer, str(path)], check=True, timeout=60)
    store = Settings.from_file(path)
    assert store.get(options.WINDOW_STATE) == QByteArray(b"\x00state\xff")
    assert store.get(options.DETAIL_VISIBLE) is False
    assert store.get(options.DAY_FIRST) is True
    assert store.get(options.SUGGEST_DAYS) == 30
    assert store.get(options.EXPORT_FOLDER) == "/tmp/exports"


def test_bad_stored_values_fall_back_to_defaults(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    path.write_text("[display]\ntime_zone=Mars/Olympus_Mons\nday_first=perhaps\n"
                    "[linking]\nsuggest_days=400\n[window]\ngeometry=not bytes\n",
                    encoding="utf-8")
    store = Settings.from_file(path)
    assert store.get(options.DISPLAY_TIME_ZONE) == options.system_zone_name()
    assert store.get(options.DAY_FIRST) is False
    assert store.get(options.SUGGEST_DAYS) == 7
    assert store.get(options.WINDOW_GEOMETRY).isEmpty()
    with pytest.raises(ValueError, match="suggest_days"):
        store.set(options.SUGGEST_DAYS, -1)
    with pytest.raises(ValueError, match="time_zone"):
        store.set(options.DISPLAY_TIME_ZONE, "Mars/Olympus_Mons")


def test_remembered_target_never_keeps_a_password(tmp_path: Path) -> None:
    db = make_empty_database(tmp_path / "talks.db")
    with_file = open_database(db, create=False)
    try:
        assert remembered_target(with_file) == str(db)
        assert short_label(with_file) == "talks.db"
    finally:
        with_file.close()
    url = make_url("postgresql://analyst:s3cret@db.example.org:5432/talks")
    server = Database(engine=None, url=url, sessions=None)  # type: ignore[arg-type]
    assert remembered_target(server) == "postgresql://analyst@db.example.org:5432/talks"
    assert "s3cret" not in short_label(server)


def cli(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, HOME=str(home), XDG_DATA_HOME=str(home / "share"),
               XDG_CONFIG_HOME=str(home / "config"), QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "tracker", *args], env=env,
                          capture_output=True, text=True, timeout=120, check=False)


def test_module_version_in_a_fresh_process(tmp_path: Path) -> None:
    result = cli("--version", home=tmp_path)
    assert result.returncode == 0
    assert result.stdout.strip() == f"tracker {__version__}"
    assert result.stderr == ""


def test_sample_subcommand_writes_a_database_the_window_opens(
        tmp_path: Path, data_home: Path, settings: Settings, opened: list[Database]) -> None:
    target = tmp_path / "new sample.db"
    result = cli("sample", "--db", str(target), home=tmp_path / "home")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"Sample scenario written to {target}: 2 rounds, "
                                    "3 factors, 7 events")
    db, warnings = start(opened, str(target), settings)
    assert warnings == []
    assert len(round_titles(db)) == 2


def test_sample_subcommand_refuses_a_foreign_file(tmp_path: Path) -> None:
    target = tmp_path / "notes.db"
    target.write_bytes(NOT_A_DATABASE)
    result = cli("sample", "--db", str(target), home=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("tracker: ")
    assert "not a Negotiation Tracker database" in result.stderr
    assert "Traceback" not in result.stderr
    assert target.read_bytes() == NOT_A_DATABASE
