"""Help › Guide (F1) and Help › Keyboard Shortcuts: made from the shipped guide and the
action table, opened by their keys, and kept in step with the actions they describe."""

from __future__ import annotations

import html
import re

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage, QKeySequence, QTextDocument
from PySide6.QtWidgets import QMenu, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from tests.ui.window.test_main_window import press
from tracker import resources
from tracker.domain.wording import Language
from tracker.ui.common.language import apply_language
from tracker.ui.common.settings import Settings
from tracker.ui.common.workspace import Workspace
from tracker.ui.window.actions import ACTIONS, Menu, shortcut_keys
from tracker.ui.window.help_guide import (
    GUIDE_FOLDER,
    GUIDE_PAGE,
    GUIDE_PAGES,
    GuideWindow,
    action_keys,
    guide_html,
)
from tracker.ui.window.help_shortcuts import (
    KEYS_COLUMN,
    SCOPED_MARK,
    ShortcutsDialog,
    plain_words,
    shortcut_rows,
)
from tracker.ui.window.main_window import MainWindow

# The offscreen platform warns when a top-level window is shown or raised; harmless here.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints",
                                       "This plugin does not support raise")

JOBS = ("Open a database or the sample", "Follow a round and edit its schedule",
        "See what happens on the ground", "Import ACLED or UCDP events",
        "Export a chronology, report, calendar or web timeline",
        "Look at the schedule as of a past day", "Undo, and see who changed what",
        "Keyboard shortcuts")
PICTURES_LIMIT = 1_500_000  # bytes, all pictures together
NATIVE = QKeySequence.SequenceFormat.NativeText


def pictures_named() -> list[str]:
    return re.findall(r'<img src="([^"]+)"', guide_html())


def open_guide(qtbot: QtBot, window: MainWindow) -> GuideWindow:
    press(qtbot, window, QKeySequence.StandardKey.HelpContents)
    qtbot.waitUntil(lambda: (guide := window.findChild(GuideWindow)) is not None
                    and guide.isVisible())
    guide = window.findChild(GuideWindow)
    assert guide is not None
    return guide


def test_f1_opens_the_guide_with_every_job_and_its_pictures(
        qtbot: QtBot, window: MainWindow) -> None:
    guide = open_guide(qtbot, window)
    text = guide.browser.toPlainText()
    for number, job in enumerate(JOBS, start=1):
        assert f"{number}. {job}" in text
    assert "{{" not in text
    assert f"Reschedule ({action_keys('reschedule-round-action')})" in text
    pictures = pictures_named()
    assert len(pictures) >= len(JOBS) - 1
    for name in pictures:
        image = guide.browser.loadResource(QTextDocument.ResourceType.ImageResource.value,
                                           QUrl(name))
        assert isinstance(image, QImage) and not image.isNull(), name
    # F1 again brings the same window forward instead of opening a second one.
    guide.close()
    assert open_guide(qtbot, window) is guide


def test_guide_links_scroll_to_their_section_or_do_their_action(
        qtbot: QtBot, window: MainWindow) -> None:
    guide = open_guide(qtbot, window)
    bar = guide.browser.verticalScrollBar()
    assert bar.value() == 0
    guide.browser.anchorClicked.emit(QUrl("#undo"))  # a line of the contents
    qtbot.waitUntil(lambda: bar.value() > 0)
    assert window.tabs.currentWidget() is window.rounds_view
    guide.browser.anchorClicked.emit(QUrl("action:show-timeline-action"))
    assert window.tabs.currentWidget() is window.timeline_view
    assert guide.isVisible()  # the guide stays open beside the tab it showed


def menu_items(window: MainWindow) -> set[tuple[str, str]]:
    """(menu, item) as the window's menu bar reads, submenus such as Open Recent included."""
    found = set()
    for top in window.menuBar().actions():
        menu = top.menu()
        assert isinstance(menu, QMenu)
        found |= {(plain_words(top.text()), plain_words(item.text()))
                  for item in menu.actions() if not item.isSeparator()}
    return found


def test_the_guide_names_only_menu_items_and_keys_that_exist(window: MainWindow) -> None:
    page = resources.read_text(f"{GUIDE_FOLDER}/guide.html")
    menu_items_shown = menu_items(window)
    named = re.findall(r"<b>(\w+) › ([^<]+)</b>", page)
    assert len(named) >= 15
    for menu, text in named:
        assert (menu, text) in menu_items_shown, f"the guide names {menu} › {text}"
    for action_id in re.findall(r"\{\{keys:([a-z0-9-]+)\}\}", page):
        assert action_keys(action_id)  # raises for an action that is gone or has no key
    linked = re.findall(r'href="action:([a-z0-9-]+)"', page)
    assert len(linked) >= 5
    assert set(linked) <= {item.id for item in ACTIONS}
    with pytest.raises(KeyError, match="no-such-action"):
        action_keys("no-such-action")


# What a translation of the guide keeps exactly as guide.html has it, in the same order:
# the keys marks, the links (to sections and to actions), the sections' anchors and the
# pictures.
KEPT_MARKS = (r"\{\{keys:[a-z0-9-]+\}\}", r'href="[^"]+"', r'name="[^"]+"', r'<img src="[^"]+"')


def kept_marks(page: str) -> list[list[str]]:
    return [re.findall(pattern, page) for pattern in KEPT_MARKS]


@pytest.mark.parametrize("language", sorted(GUIDE_PAGES))
def test_each_translated_guide_keeps_the_keys_links_and_pictures_of_the_english(
        language: Language) -> None:
    english = resources.read_text(f"{GUIDE_FOLDER}/{GUIDE_PAGE}")
    translated = resources.read_text(f"{GUIDE_FOLDER}/{GUIDE_PAGES[language]}")
    assert kept_marks(translated) == kept_marks(english)
    assert all(kept_marks(english))  # each kind of mark is there to compare
    assert f'<html lang="{language.value}">' in translated


def test_the_guide_is_read_in_the_window_s_language(qapp: object) -> None:
    english = guide_html()
    apply_language(Language.UKRAINIAN)
    try:
        ukrainian = guide_html()
    finally:
        apply_language(Language.ENGLISH)
    assert "Трекер переговорів: короткий посібник" in ukrainian
    assert "Negotiation Tracker: a short guide" in english
    assert not re.search(r"\{\{keys:[a-z]", ukrainian)  # every mark filled in
    assert f"Перенести</b> ({html.escape(action_keys('reschedule-round-action'))})" in ukrainian
    assert guide_html() == english


def test_the_ukrainian_guide_names_menu_items_as_the_ukrainian_window_does(
        qtbot: QtBot, sample_workspace: Workspace, settings: Settings) -> None:
    page = resources.read_text(f"{GUIDE_FOLDER}/{GUIDE_PAGES[Language.UKRAINIAN]}")
    apply_language(Language.UKRAINIAN)
    try:
        window = MainWindow(sample_workspace, settings)
        qtbot.addWidget(window)
        menu_items_shown = menu_items(window)
    finally:
        apply_language(Language.ENGLISH)
    named = re.findall(r"<b>(\w+) › ([^<]+)</b>", page)
    assert len(named) == len(re.findall(r"<b>(\w+) › ([^<]+)</b>",
                                        resources.read_text(f"{GUIDE_FOLDER}/{GUIDE_PAGE}")))
    for menu, text in named:
        assert (menu, text) in menu_items_shown, f"the guide names {menu} › {text}"


def test_the_guide_pictures_are_all_used_and_small() -> None:
    folder = resources.path(f"{GUIDE_FOLDER}/images")
    files = {entry.name: len(entry.read_bytes()) for entry in folder.iterdir()}
    assert {f"images/{name}" for name in files} == set(pictures_named())
    assert sum(files.values()) < PICTURES_LIMIT


def keys_in_window(window: MainWindow) -> dict[str, str]:
    """Every action of the window that has a key, with its keys as the list shows them."""
    shown = {}
    for item in ACTIONS:
        action = window.action_map[item.id]
        if action.shortcuts():
            keys = ", ".join(key.toString(NATIVE) for key in action.shortcuts())
            shown[item.id] = keys + (SCOPED_MARK if item.scoped else "")
    return shown


def test_the_shortcut_list_has_every_action_with_a_key_by_menu(
        qtbot: QtBot, window: MainWindow) -> None:
    press(qtbot, window, "Ctrl+/")
    qtbot.waitUntil(lambda: (found := window.findChild(ShortcutsDialog)) is not None
                    and found.isVisible())
    dialog = window.findChild(ShortcutsDialog)
    assert dialog is not None
    tree = dialog.tree
    listed: dict[str, str] = {}
    menus: list[str] = []
    for top in range(tree.topLevelItemCount()):
        menu = tree.topLevelItem(top)
        assert isinstance(menu, QTreeWidgetItem)
        menus.append(menu.text(0))
        for row in range(menu.childCount()):
            item = menu.child(row)
            action_id = item.data(0, Qt.ItemDataRole.UserRole)
            assert plain_words(window.action_map[action_id].text()) == item.text(0)
            listed[action_id] = item.text(KEYS_COLUMN)
    assert listed == keys_in_window(window)
    assert len(listed) >= 15
    assert menus == [plain_words(menu.value) for menu in Menu
                     if any(item.menu is menu for item in ACTIONS if shortcut_keys(item))]


def test_no_two_actions_share_a_key() -> None:
    owners: dict[str, str] = {}
    for row in shortcut_rows():
        for key in row.keys:
            assert key not in owners, f"{key}: {owners.get(key)} and {row.action_id}"
            owners[key] = row.action_id
    assert owners[action_keys("guide-action")] == "guide-action"
