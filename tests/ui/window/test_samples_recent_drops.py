"""File › Open Sample…, File › Open Recent, and files dropped on the window."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QRadioButton
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from tests.ui.imports.test_import_dialog import drop
from tracker.domain.negotiation import Round
from tracker.services.analysis.analysis import Phase
from tracker.services.common import sample_scenarios
from tracker.services.common.sample import load_sample
from tracker.services.exports.schedule_calendar import schedule_calendar
from tracker.storage import locations
from tracker.storage.database import open_database
from tracker.ui.common import settings as options
from tracker.ui.imports.import_dialog import ImportDialog
from tracker.ui.window import recent_databases
from tracker.ui.window.main_window import APP_TITLE, MainWindow
from tracker.ui.window.sample_files import OpenSampleDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
LeftButton = Qt.MouseButton.LeftButton


@pytest.fixture
def data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user data folder, under tmp_path."""
    folder = tmp_path / "user-data"
    monkeypatch.setattr(locations, "data_folder", lambda: folder)
    return folder


@pytest.fixture
def closes_databases(window: MainWindow) -> Iterator[MainWindow]:
    """The window, whose database (if it opened another) is closed at the end."""
    yield window
    if window.workspace.db.url.database and "user-data" in window.workspace.db.url.database:
        window.workspace.db.close()


def _dialog(qtbot: QtBot, window: MainWindow) -> OpenSampleDialog:
    qtbot.waitUntil(lambda: isinstance(window.dialog, OpenSampleDialog)
                    and window.dialog.isVisible())
    assert isinstance(window.dialog, OpenSampleDialog)
    return window.dialog


def _open_button(dialog: OpenSampleDialog) -> QAction | None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    return box.button(QDialogButtonBox.StandardButton.Open)


def _rounds(window: MainWindow) -> int:
    return window.workspace.read(lambda session: session.scalar(select(func.count(Round.id))))


def _menu_entries(window: MainWindow) -> list[tuple[str, bool]]:
    window.recent.rebuild()
    return [(a.text(), a.isEnabled()) for a in window.recent.menu.actions()
            if a.objectName().startswith("recent-database-")]


# -- File › Open Sample… ---------------------------------------------------------------------


def test_open_sample_builds_the_2022_scenario_in_the_data_folder_and_opens_it(
        qtbot: QtBot, closes_databases: MainWindow, data_folder: Path) -> None:
    window = closes_databases
    last = window.settings.get(options.LAST_DATABASE)
    window.action_map["open-sample-action"].trigger()
    dialog = _dialog(qtbot, window)
    choices = [button.objectName() for button in dialog.findChildren(QRadioButton)]
    assert choices == ["sample-2026", "sample-2022"]
    assert dialog.findChild(QRadioButton, "sample-2026").isChecked()  # the seed's first
    historical = dialog.findChild(QRadioButton, "sample-2022")
    # On its round indicator: a click past a short label's end does not count.
    qtbot.mouseClick(historical, LeftButton, pos=QPoint(6, historical.height() // 2))
    assert historical.isChecked()
    button = _open_button(dialog)
    assert button is not None
    qtbot.mouseClick(button, LeftButton)

    target = data_folder / "sample-2022.db"
    qtbot.waitUntil(lambda: window.workspace.db.url.database == str(target))
    assert window.windowTitle() == f"sample-2022.db — {APP_TITLE}"  # no "*" (issue 16, #6)
    assert _rounds(window) == 7
    assert window.rounds_view.model.rowCount() == 7
    # A demonstration: the user's own last database stays the one opened next time,
    # but the sample is in the recent list, first.
    assert window.settings.get(options.LAST_DATABASE) == last
    assert window.recent.targets()[0] == str(target)
    # The Analysis tab counts days at once: the exchange of September 2022 against
    # UCDP's day-dated records, the Istanbul round against a strike reported that day.
    window.show_analysis()
    view = window.analysis_view
    qtbot.waitUntil(lambda: view.result is not None and len(view.result.anchors) == 7)
    assert view.result is not None
    during = {row.anchor.label: row.events for row in view.result.rows
              if row.phase is Phase.DURING}
    assert during["Istanbul round, Dolmabahçe Palace"] == 1
    assert during["Prisoner exchange mediated by Türkiye and Saudi Arabia"] == 14
    # No partial build left behind (the open database has its WAL files beside it).
    assert {item.name.removesuffix("-wal").removesuffix("-shm")
            for item in data_folder.iterdir()} == {"sample-2022.db"}


def test_open_sample_reopens_the_file_as_the_user_left_it(
        qtbot: QtBot, closes_databases: MainWindow, data_folder: Path) -> None:
    window = closes_databases
    data_folder.mkdir(parents=True)
    existing = open_database(data_folder / "sample.db")
    with existing.transaction() as session:
        load_sample(session)
        session.execute(Round.__table__.update().values(title="Renamed by the user"))
    existing.close()
    window.action_map["open-sample-action"].trigger()
    dialog = _dialog(qtbot, window)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # the first choice, the 2026 seed
    qtbot.waitUntil(lambda: window.workspace.db.url.database == str(data_folder / "sample.db"))
    titles = window.workspace.read(lambda session: set(session.scalars(select(Round.title))))
    assert titles == {"Renamed by the user"}


def test_a_sample_that_cannot_be_built_is_reported_and_nothing_changes(
        qtbot: QtBot, window: MainWindow, data_folder: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object) -> None:
        raise ValueError("The sample scenario names an unknown round 'x'")

    monkeypatch.setattr(sample_scenarios, "load_scenario", broken)
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(
        lambda _parent, title, text: shown.append((title, text))))
    before = window.workspace.db
    window.action_map["open-sample-action"].trigger()
    qtbot.keyClick(_dialog(qtbot, window), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(shown))
    title, text = shown[0]
    assert title == "Cannot Open the Sample"
    assert text.startswith("The sample was not written; your database is as it was.")
    assert "unknown round 'x'" in text
    assert window.workspace.db is before
    assert list(data_folder.iterdir()) == []  # the partial build was removed


def test_cancelling_open_sample_changes_nothing(
        qtbot: QtBot, window: MainWindow, data_folder: Path) -> None:
    before = window.workspace.db
    window.action_map["open-sample-action"].trigger()
    dialog = _dialog(qtbot, window)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.dialog is None)
    assert window.workspace.db is before
    assert not data_folder.exists()


# -- File › Open Recent ----------------------------------------------------------------------


def test_recent_databases_are_remembered_and_a_missing_one_is_disabled(
        qtbot: QtBot, closes_databases: MainWindow, data_folder: Path, tmp_path: Path) -> None:
    window = closes_databases
    first = window.workspace.db.url.database
    assert first is not None
    assert window.recent.targets() == [first]  # the database it opened with
    menu_action = window.findChild(QAction, "recent-menu-action")
    assert menu_action is not None and menu_action.menu() is window.recent.menu

    other = tmp_path / "other.db"
    open_database(other).close()
    gone = tmp_path / "gone.db"
    window.recent.remember(str(gone))  # listed once, then deleted
    window.recent.remember(str(other))
    assert window.recent.targets() == [str(other), str(gone), first]
    assert _menu_entries(window) == [("&1 other.db", True),
                                     ("&2 gone.db (missing)", False),
                                     (f"&3 {Path(first).name}", True)]

    asked: list[str] = []
    window.ask = lambda title, _text: asked.append(title) is None and False
    window.recent.menu.findChild(QAction, "recent-database-1").trigger()
    qtbot.waitUntil(lambda: window.workspace.db.url.database == str(other))
    assert window.settings.get(options.LAST_DATABASE) == str(other)
    assert asked == ["Empty Database"]  # an empty file: the sample is offered, as on Open
    # Settings keep the list for the next session; the newest first, each once.
    assert window.settings.get(options.RECENT_DATABASES).splitlines()[0] == str(other)

    window.recent.menu.findChild(QAction, "recent-remove-missing-action").trigger()
    assert window.recent.targets() == [str(other), first]
    window.recent.menu.findChild(QAction, "recent-clear-action").trigger()
    assert window.recent.targets() == []
    window.workspace.db.close()


def test_the_list_keeps_the_newest_few(window: MainWindow, tmp_path: Path) -> None:
    for number in range(recent_databases.KEEP + 3):
        window.recent.remember(str(tmp_path / f"{number}.db"))
    targets = window.recent.targets()
    assert len(targets) == recent_databases.KEEP
    assert targets[0] == str(tmp_path / f"{recent_databases.KEEP + 2}.db")


# -- files dropped on the window (drop() builds the QDragEnterEvent and QDropEvent) ---------


def test_a_dropped_database_is_opened(qtbot: QtBot, window: MainWindow,
                                      tmp_path: Path) -> None:
    other = tmp_path / "colleague.sqlite"
    open_database(other).close()
    window.ask = lambda _title, _text: False  # it is empty: no sample, thanks
    assert drop(window, other)
    qtbot.waitUntil(lambda: window.workspace.db.url.database == str(other))
    assert window.recent.targets()[0] == str(other)
    window.workspace.db.close()


def test_a_dropped_zip_starts_import_events_with_it(qtbot: QtBot, window: MainWindow,
                                                    tmp_path: Path) -> None:
    archive = tmp_path / "release.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("events.csv", "id,year,type_of_violence,date_start\n"
                                      "1,2022,1,2022-09-21\n")
    assert drop(window, archive)
    qtbot.waitUntil(lambda: isinstance(window.dialog, ImportDialog))
    assert isinstance(window.dialog, ImportDialog)
    assert window.dialog.preview.path == archive
    window.dialog.reject()


def test_a_dropped_calendar_is_imported_as_rounds(
        qtbot: QtBot, window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    calendar = tmp_path / "rounds.ics"
    calendar.write_bytes(window.workspace.read(
        lambda session: schedule_calendar(session).calendar.to_ical()))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(
        lambda _parent, _title, text: shown.append(text)))
    assert drop(window, calendar)
    qtbot.waitUntil(lambda: bool(shown))
    assert shown[0] == "0 rounds added, 0 updated, 1 unchanged, 0 refused, from rounds.ics."


def test_other_files_are_not_taken(window: MainWindow, tmp_path: Path) -> None:
    picture = tmp_path / "map.png"
    picture.write_bytes(b"\x89PNG")
    assert not drop(window, picture)
    assert window.dialog is None
