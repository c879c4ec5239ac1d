"""File › Update from Source… in a window that speaks Ukrainian: why the update failed
(refused credentials, none stored, a request the source cannot answer) is told in
Ukrainian, from the local API server, with nothing changed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.services.sync.conftest import MemoryKeyring, apis, memory_keyring
from tests.services.sync.fake_apis import FakeApis
from tests.ui.imports.test_import_dialog import Warnings, click, dump
from tests.ui.imports.test_sync_flow import ask_for_atlantis, open_sync
from tracker.domain.wording import Language
from tracker.services.sync.credentials import store_credentials
from tracker.services.sync.sources import Source
from tracker.ui.common.language import apply_language
from tracker.ui.window.main_window import MainWindow

__all__ = ["apis", "memory_keyring"]
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def ukrainian(window: MainWindow) -> Iterator[None]:
    apply_language(Language.UKRAINIAN)
    yield
    apply_language(Language.ENGLISH)


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> Warnings:
    shown = Warnings()
    monkeypatch.setattr(QMessageBox, "warning", shown)
    return shown


def update_ucdp(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_sync(qtbot, window)
    dialog.version_edit.setText("22.1")
    click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Ok))


def test_a_refused_token_is_told_in_ukrainian(
        qtbot: QtBot, window: MainWindow, apis: FakeApis, memory_keyring: MemoryKeyring,
        ukrainian: None, warnings: Warnings) -> None:
    store_credentials(Source.UCDP, {"ucdp-api-token": "not-the-token"})
    before = dump(window)
    update_ucdp(qtbot, window)
    qtbot.waitUntil(lambda: bool(warnings))
    _title, text = warnings[0]
    assert "127.0.0.1 не прийняв облікові дані (HTTP 401" in text
    assert "refused" not in text and "nothing was changed" not in text
    assert dump(window) == before


def test_missing_credentials_are_told_in_ukrainian(
        qtbot: QtBot, window: MainWindow, apis: FakeApis, memory_keyring: MemoryKeyring,
        ukrainian: None, warnings: Warnings) -> None:
    update_ucdp(qtbot, window)
    qtbot.waitUntil(lambda: bool(warnings))
    _title, text = warnings[0]
    assert "для UCDP GED не збережено: токен доступу до API UCDP" in text
    assert "Файл › Оновити з джерела…" in text
    assert apis.requests == []  # nothing was asked of the source


def test_a_country_the_source_cannot_answer_is_refused_in_ukrainian(
        qtbot: QtBot, window: MainWindow, apis: FakeApis, memory_keyring: MemoryKeyring,
        ukrainian: None) -> None:
    dialog = ask_for_atlantis(qtbot, window)
    assert "API UCDP відбирає країни за номером Gleditsch–Ward" in dialog.error_label.message
    dialog.reject()
