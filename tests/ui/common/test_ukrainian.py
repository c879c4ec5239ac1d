"""The window in Ukrainian (issue 16): no English left in the main window, any of its tabs
or any dialog, and dates in Ukrainian; the .qm files are those the .ts files compile to."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from tests.ui.common.dialog_catalogue import make_all
from tests.ui.common.english_left import data_words, english_left, zone_words
from tracker.domain import wording
from tracker.domain.enums import Precision
from tracker.domain.event_time import EventTime
from tracker.domain.wording import Language
from tracker.ui.common.date_text import day_text
from tracker.ui.common.language import (
    LanguageChoice,
    apply_language,
    language_of,
    stored_choice,
    translations_folder,
)
from tracker.ui.common.settings import Settings
from tracker.ui.common.workspace import Workspace
from tracker.ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)")

# Latin words the Ukrainian window may show: dialogs' sample input (dialog_catalogue).
CATALOGUE_INPUT = {"Dolmabahce", "Palace", "Istanbul", "Mine", "Theirs", "Olena", "Kyiv",
                   "Strike", "on", "a", "substation", "when", "where", "what", "reports",
                   "big", "Trilateral", "talks", "Round", "Europe", "Berlin"}
# What a tooltip shows as it is to be typed: UCDP's release word, the datasets' Latin
# place names and ISO country codes.
TYPED_AS_IS = {"candidate", "khark", "UKR"}


@pytest.fixture
def ukrainian(qapp: object) -> Iterator[None]:
    apply_language(Language.UKRAINIAN)
    yield
    apply_language(Language.ENGLISH)


def test_the_system_locale_chooses_the_language_unless_one_is_stored() -> None:
    from PySide6.QtCore import QLocale
    ukraine = QLocale(QLocale.Language.Ukrainian, QLocale.Country.Ukraine)
    germany = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    assert language_of(LanguageChoice.SYSTEM, ukraine) is Language.UKRAINIAN
    assert language_of(LanguageChoice.SYSTEM, germany) is Language.ENGLISH
    assert language_of(LanguageChoice.ENGLISH, ukraine) is Language.ENGLISH
    assert language_of(LanguageChoice.UKRAINIAN, germany) is Language.UKRAINIAN


def test_dates_read_in_ukrainian(ukrainian: None) -> None:
    assert wording.current_language() is Language.UKRAINIAN
    assert day_text(date(2026, 2, 3)).startswith("3 лют. 2026")
    week = EventTime.of(date(2026, 2, 2), Precision.WEEK)
    assert week.describe() == "тиждень від 2 лют. 2026"
    month = EventTime.of(date(2026, 2, 1), Precision.MONTH)
    assert month.describe() == "лютий 2026 (місяць)"
    span = EventTime.of(date(2022, 2, 24), Precision.DAY, date(2022, 9, 30))
    assert span.describe() == "24 лют. – 30 вер. 2022 (повідомлено одним записом)"


def test_english_stays_the_default_for_tests(qapp: object) -> None:
    assert wording.current_language() is Language.ENGLISH
    assert EventTime.of(date(2026, 2, 2), Precision.WEEK).describe() == "week of 2 Feb 2026"


def test_no_english_is_left_in_the_window_and_its_dialogs(
        qtbot: QtBot, ukrainian: None, sample_workspace: Workspace, settings: Settings,
        tmp_path: Path) -> None:
    allowed = data_words(sample_workspace.db.engine) | CATALOGUE_INPUT | TYPED_AS_IS | zone_words()
    window = MainWindow(sample_workspace, settings)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    left: list[str] = []
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.waitUntil(window.tabs.widget(index).isVisible)
        qtbot.waitUntil(lambda: not sample_workspace.runner.is_busy())
        left += english_left(window, allowed)
    for name, dialog in make_all(sample_workspace, tmp_path):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        left += [f"{name}: {found}" for found in english_left(dialog, allowed)]
        dialog.done(QDialog.DialogCode.Rejected)
    assert not sorted(set(left)), "\n".join(sorted(set(left)))


def test_the_ukrainian_window_fits_a_1280_by_800_screen(
        qtbot: QtBot, ukrainian: None, sample_workspace: Workspace,
        settings: Settings) -> None:
    """Ukrainian words are longer than English ones: no tab may need more room than a
    1280×800 screen leaves (the Events tab's claims row once made the window 1,305 px)."""
    window = MainWindow(sample_workspace, settings)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.waitUntil(window.tabs.widget(index).isVisible)
    needed = window.minimumSizeHint()
    assert needed.width() <= 1280 - 64 and needed.height() <= 800 - 80, needed


def _messages(ts_file: Path) -> list[ElementTree.Element]:
    return list(ElementTree.parse(ts_file).getroot().iter("message"))


@pytest.mark.parametrize("language", ["uk", "en"])
def test_every_message_is_translated_and_the_qm_is_compiled_from_the_ts(
        language: str, tmp_path: Path) -> None:
    ts_file = translations_folder() / f"tracker_{language}.ts"
    unfinished = [message.findtext("source") for message in _messages(ts_file)
                  if message.find("translation") is not None
                  and message.find("translation").get("type") == "unfinished"]  # type: ignore[union-attr]
    assert not unfinished, unfinished
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    if not lrelease.exists() and shutil.which("pyside6-lrelease") is None:
        pytest.skip("pyside6-lrelease is not installed")
    compiled = tmp_path / f"tracker_{language}.qm"
    subprocess.run([str(lrelease) if lrelease.exists() else "pyside6-lrelease",
                    str(ts_file), "-qm", str(compiled)], check=True, capture_output=True)
    assert compiled.read_bytes() == (translations_folder() / compiled.name).read_bytes()


def test_numerus_messages_have_every_ukrainian_form() -> None:
    ts_file = translations_folder() / "tracker_uk.ts"
    for message in _messages(ts_file):
        if message.get("numerus") == "yes":
            forms = [form.text or "" for form in message.iter("numerusform")]
            assert len(forms) == 3 and all(forms), message.findtext("source")
            # %Ln is the count with the locale's digit grouping (1,234 · 1 234).
            assert all(re.search("%L?n", form) for form in forms), forms


def test_view_language_stores_the_choice_for_the_next_start(
        qtbot: QtBot, window: MainWindow, settings: Settings,
        monkeypatch: pytest.MonkeyPatch) -> None:
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda _parent, _title, text: told.append(text))
    menu = window.findChild(QMenu, "language-menu")
    assert menu is not None
    choices = {action.objectName(): action for action in menu.actions()}
    assert choices["language-system-action"].isChecked()  # nothing stored yet
    choices["language-uk-action"].trigger()
    assert stored_choice(settings) is LanguageChoice.UKRAINIAN
    assert told == ["The language changes when Negotiation Tracker is next started."]
    assert wording.current_language() is Language.ENGLISH  # this window stays as it is
