"""File › Update from Source… against the local API server: credentials typed into the
keyring, the update on the runner with its progress and result, Cancel during a wait the
server asked for, and a refusal told with nothing changed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.services.sync.conftest import MemoryKeyring, apis, memory_keyring
from tests.services.sync.fake_apis import UCDP_TOKEN, FakeApis
from tests.ui.imports.test_import_dialog import Warnings, click, dump
from tests.ui.window.test_main_window import open_dialog, status_text
from tracker.services.sync.credentials import SERVICE
from tracker.ui.imports.import_result import ImportResultDialog
from tracker.ui.imports.sync_dialog import CredentialsDialog, SyncDialog
from tracker.ui.imports.sync_flow import SyncProgressDialog
from tracker.ui.window.main_window import MainWindow

__all__ = ["apis", "memory_keyring"]
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def open_sync(qtbot: QtBot, window: MainWindow) -> SyncDialog:
    action = window.findChild(QAction, "update-from-source-action")
    assert action is not None
    action.trigger()
    return open_dialog(qtbot, window, SyncDialog)


def ask_for_atlantis(qtbot: QtBot, window: MainWindow) -> SyncDialog:
    """The dialog, after OK with a country UCDP's API has no number for: still open."""
    dialog = open_sync(qtbot, window)
    dialog.country_edit.setText("Atlantis")
    click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Ok))
    assert dialog.isVisible()
    return dialog


def ask_ucdp(qtbot: QtBot, window: MainWindow, token: str) -> SyncDialog:
    """The dialog with UCDP GED 22.1 for Ukraine chosen and *token* kept for it."""
    memory = open_sync(qtbot, window)
    assert memory.credentials_label.text() == "None stored: set them before updating"
    click(qtbot, memory.credentials_button)
    qtbot.waitUntil(lambda: memory.findChild(CredentialsDialog) is not None)
    credentials = memory.findChild(CredentialsDialog)
    assert credentials is not None
    qtbot.keyClicks(credentials.fields["ucdp-api-token"], token)
    click(qtbot, credentials.buttons.button(credentials.buttons.StandardButton.Ok))
    qtbot.waitUntil(lambda: memory.credentials_label.text() == "Stored in the keyring")
    memory.version_edit.setText("22.1")
    return memory


def test_an_update_fetches_imports_and_shows_the_result(
        qtbot: QtBot, window: MainWindow, apis: FakeApis,
        memory_keyring: MemoryKeyring) -> None:
    before = window.events_view.model.total
    dialog = ask_ucdp(qtbot, window, UCDP_TOKEN)
    assert memory_keyring.entries == {(SERVICE, "ucdp-api-token"): UCDP_TOKEN}
    click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Ok))
    result = open_dialog(qtbot, window, ImportResultDialog)
    assert result.counts_label.text() == "25 added · 0 updated · 0 unchanged · 0 rejected"
    assert status_text(window) == ("Updated UCDP GED 22.1, Ukraine from 127.0.0.1: 25 added · "
                                   "0 updated · 0 unchanged · 0 rejected")
    qtbot.waitUntil(lambda: window.events_view.model.total == before + 25)
    qtbot.keyClick(result, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.dialog is None)
    # The next update opens with what was asked last.
    again = open_sync(qtbot, window)
    assert (again.country_edit.text(), again.version_edit.text()) == ("Ukraine", "22.1")


def test_cancel_during_a_wait_the_server_asked_for(
        qtbot: QtBot, window: MainWindow, apis: FakeApis,
        memory_keyring: MemoryKeyring) -> None:
    apis.fail("ucdp:0", "429:100")  # the runner would wait 100 s before asking again
    before = dump(window)
    dialog = ask_ucdp(qtbot, window, UCDP_TOKEN)
    click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Ok))
    progress = open_dialog(qtbot, window, SyncProgressDialog)
    assert progress.title_label.text() == "Updating UCDP GED 22.1, Ukraine…"
    qtbot.waitUntil(lambda: apis.pages_asked("ucdp") == ["0"])
    click(qtbot, progress.cancel_button)
    qtbot.waitUntil(lambda: window.dialog is None and not window.syncer.is_busy())
    assert status_text(window) == "Update cancelled. The database is unchanged."
    assert dump(window) == before
    assert apis.pages_asked("ucdp") == ["0"]


def test_a_refused_token_is_told_and_nothing_changes(
        qtbot: QtBot, window: MainWindow, apis: FakeApis, memory_keyring: MemoryKeyring,
        monkeypatch: pytest.MonkeyPatch) -> None:
    warnings = Warnings()
    monkeypatch.setattr(QMessageBox, "warning", warnings)
    before = dump(window)
    dialog = ask_ucdp(qtbot, window, "not-the-token")
    click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Ok))
    qtbot.waitUntil(lambda: bool(warnings))
    title, text = warnings[0]
    assert title == "Update Failed"
    assert "127.0.0.1 refused the credentials (HTTP 401" in text
    assert dump(window) == before


def test_a_request_the_source_cannot_answer_keeps_the_dialog_open(
        qtbot: QtBot, window: MainWindow, apis: FakeApis,
        memory_keyring: MemoryKeyring) -> None:
    dialog = ask_for_atlantis(qtbot, window)
    assert "Gleditsch–Ward number" in dialog.error_label.message
    dialog.allow_older_check.setChecked(True)
    assert dialog.request().allow_older
    dialog.source_combo.setCurrentIndex(1)  # ACLED takes any country name
    assert not dialog.version_edit.isEnabled()
    assert dialog.credentials_button.accessibleName() == "Set credentials for ACLED"
    assert apis.requests == []
    dialog.reject()
    qtbot.waitUntil(lambda: window.dialog is None)
