"""Help › Guide: the main jobs, each with a picture, read from resources/guide/.

The guide is HTML shipped with the program (tracker.resources finds it in a checkout and
in an installed wheel alike). Its pictures are read the same way, so nothing is fetched
from the network; a link to a web page opens in the desktop's browser. A link
``action:ID`` does what the window's action ID does ("show me the Timeline tab").
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QEvent, QUrl, Slot
from PySide6.QtGui import (
    QAction,
    QDesktopServices,
    QGuiApplication,
    QImage,
    QKeySequence,
    QTextDocument,
)
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from tracker import resources
from tracker.domain.wording import Language, current_language
from tracker.ui.common.language import QT_TRANSLATE_NOOP
from tracker.ui.window.actions import ACTIONS, shortcut_keys
from tracker.ui.window.help_windows import show_single

GUIDE_FOLDER = "guide"
GUIDE_PAGE = "guide.html"
# The guide in each language the window speaks other than English, beside guide.html.
GUIDE_PAGES = {Language.UKRAINIAN: "guide.uk.html"}
GUIDE_TITLE = QT_TRANSLATE_NOOP("GuideWindow", "Negotiation Tracker Guide")
# "{{keys:undo-action}}" in the guide stands for that action's keys, filled in from the
# action table when the guide opens, so the text never names a key the program changed.
KEYS_MARK = re.compile(r"\{\{keys:([a-z0-9-]+)\}\}")
ACTION_SCHEME = "action"


def action_keys(action_id: str) -> str:
    """The main key of the action *action_id* as this computer names it ("Ctrl+R").

    Only the first: the others a standard key brings (Alt+Backspace for undo, a keyboard's
    own Undo key) are in Help › Keyboard Shortcuts.
    """
    found = [item for item in ACTIONS if item.id == action_id]
    if not found:
        raise KeyError(f"The guide names an action that does not exist: {action_id}")
    native = QKeySequence.SequenceFormat.NativeText
    keys = [key.toString(native) for key in shortcut_keys(found[0])]
    if not keys:
        raise KeyError(f"The guide names keys for {action_id}, which has none")
    return keys[0]


def guide_html() -> str:
    """The guide's page in the window's language with every action's keys filled in."""
    name = GUIDE_PAGES.get(current_language(), GUIDE_PAGE)
    page = resources.read_text(f"{GUIDE_FOLDER}/{name}")
    return KEYS_MARK.sub(lambda mark: html.escape(action_keys(mark.group(1))), page)


class GuideBrowser(QTextBrowser):
    """A text browser whose pictures come from the packaged guide folder."""

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        """Override QTextBrowser::loadResource: relative image names are guide files."""
        url = QUrl(name)
        if kind == QTextDocument.ResourceType.ImageResource.value and url.isRelative():
            try:
                data = resources.read_bytes(f"{GUIDE_FOLDER}/{url.path()}")
            except (OSError, ValueError):
                return QImage()  # a missing picture leaves a gap, not an error box
            return QImage.fromData(data)
        return super().loadResource(kind, name)

    def changeEvent(self, event: QEvent) -> None:
        """Override QWidget.changeEvent: links take their colour from the palette when
        the page is read, so a switch to light or dark reads it again."""
        if event.type() == QEvent.Type.PaletteChange and not self.document().isEmpty():
            position = self.verticalScrollBar().value()
            self.setHtml(guide_html())
            self.verticalScrollBar().setValue(position)
        super().changeEvent(event)


class GuideWindow(QDialog):
    """The guide in a window of its own, not modal, so it can stay open beside the tabs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guide-window")
        self.setWindowTitle(self.tr(GUIDE_TITLE))
        self.browser = GuideBrowser()
        self.browser.setObjectName("guide-browser")
        self.browser.setAccessibleName(self.tr("Guide"))
        self.browser.setOpenLinks(False)  # links are followed in _on_link below
        self.browser.anchorClicked.connect(self._on_link)
        self.browser.setHtml(guide_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self._fit_to_screen()

    def _fit_to_screen(self) -> None:
        screen = self.screen() or QGuiApplication.primaryScreen()
        width, height = 900, 760
        if screen is not None:
            room = screen.availableGeometry()
            width = min(width, room.width() * 9 // 10)
            height = min(height, room.height() * 9 // 10)
        self.resize(width, height)

    def show_section(self, anchor: str) -> None:
        """Scroll to the section named *anchor* ("schedule")."""
        self.browser.scrollToAnchor(anchor)

    @Slot(QUrl)
    def _on_link(self, url: QUrl) -> None:
        if url.scheme() == ACTION_SCHEME:
            parent = self.parentWidget()
            action = parent.findChild(QAction, url.path()) if parent is not None else None
            if action is not None and action.isEnabled():
                action.trigger()
        elif url.isRelative() and url.hasFragment():
            self.show_section(url.fragment())
        else:
            QDesktopServices.openUrl(url)


def show_guide(parent: QWidget) -> GuideWindow:
    """Open the guide over *parent*, or bring the open one forward."""
    return show_single(parent, GuideWindow)
