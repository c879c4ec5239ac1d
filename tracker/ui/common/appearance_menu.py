"""View › Appearance: System, Light or Dark, remembered in the settings and applied at once."""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from tracker.ui.common import settings as options
from tracker.ui.common.settings import Settings
from tracker.ui.common.theme import Appearance, apply_appearance


class AppearanceMenu(QObject):
    """The submenu and its three exclusive choices (``appearance-dark-action`` …).

    Made with the window, it applies the stored choice, so the window opens in it.
    """

    def __init__(self, settings: Settings, parent: QWidget) -> None:
        super().__init__(parent)
        self._settings = settings
        self.menu = QMenu(self.tr("A&ppearance"), parent)
        self.menu.setObjectName("appearance-menu")
        self.menu.setToolTipsVisible(True)
        group = QActionGroup(self)
        group.setExclusive(True)
        tips = {Appearance.SYSTEM: self.tr("Follow the computer's light or dark setting"),
                Appearance.LIGHT: self.tr("Dark text on a light background"),
                Appearance.DARK: self.tr("Light text on a dark background")}
        self.actions: dict[Appearance, QAction] = {}
        for appearance in Appearance:
            action = QAction(appearance.label, self.menu)
            action.setObjectName(f"appearance-{appearance.value}-action")
            action.setCheckable(True)
            action.setStatusTip(tips[appearance])
            action.setToolTip(tips[appearance])
            action.setData(appearance.value)
            group.addAction(action)
            self.menu.addAction(action)
            self.actions[appearance] = action
        stored = Appearance(settings.get(options.APPEARANCE))
        self.actions[stored].setChecked(True)
        apply_appearance(stored)
        group.triggered.connect(self._on_chosen)

    def choose(self, appearance: Appearance) -> None:
        """Switch to *appearance* as if chosen in the menu."""
        self.actions[appearance].trigger()

    @Slot(QAction)
    def _on_chosen(self, action: QAction) -> None:
        appearance = Appearance(action.data())
        self._settings.set(options.APPEARANCE, appearance.value)
        apply_appearance(appearance)
