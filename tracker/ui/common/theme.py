"""Light and dark: the window's colour scheme, chosen in View › Appearance or by the system.

``apply_appearance`` asks the platform for the scheme first (Qt 6.8's
``QStyleHints.setColorScheme``). Where the platform gives no palette for it (the offscreen
and Xvfb platforms never do, nor does a plain X11 session) the Fusion style is used with
the palette below, so the same picture appears under test as on a desktop. Painted things
(the timeline, the charts) never keep colours of their own: they ask ``is_dark`` of their
palette when they paint and choose from role tables with a light and a dark value
(``chart_style.py``, ``timeline_colors.py``).
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QObject, Qt, Slot
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from tracker.ui.common.icons import LineIconStyle

FUSION = "Fusion"
# A window colour darker than this (HSL lightness, 0–255) is a dark scheme.
_DARK_LIGHTNESS = 128


class Appearance(StrEnum):
    """What View › Appearance offers (stored in settings by its value)."""

    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"

    @property
    def label(self) -> str:
        return {
            "system": QCoreApplication.translate("Appearance", "&System"),
            "light": QCoreApplication.translate("Appearance", "&Light"),
            "dark": QCoreApplication.translate("Appearance", "&Dark"),
        }[self.value]


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether *palette* (default: the application's) is a dark scheme."""
    if palette is None:
        palette = QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < _DARK_LIGHTNESS


# Role → (active colour, disabled colour). Text colours keep a contrast of at least 4.5:1
# with Base and Window (tests/ui/common/test_theme_contrast.py), links included.
_DARK_ROLES: dict[QPalette.ColorRole, tuple[str, str]] = {
    QPalette.ColorRole.Window: ("#2b2d30", "#2b2d30"),
    QPalette.ColorRole.WindowText: ("#e6e6e6", "#8c8f94"),
    QPalette.ColorRole.Base: ("#1e1f22", "#26272a"),
    QPalette.ColorRole.AlternateBase: ("#26282b", "#26282b"),
    QPalette.ColorRole.ToolTipBase: ("#3c3f44", "#3c3f44"),
    QPalette.ColorRole.ToolTipText: ("#f0f0f0", "#a0a0a0"),
    QPalette.ColorRole.PlaceholderText: ("#9a9da3", "#6f7277"),
    QPalette.ColorRole.Text: ("#e6e6e6", "#8c8f94"),
    QPalette.ColorRole.Button: ("#35383c", "#2f3235"),
    QPalette.ColorRole.ButtonText: ("#e6e6e6", "#8c8f94"),
    QPalette.ColorRole.BrightText: ("#ff6b6b", "#ff6b6b"),
    QPalette.ColorRole.Light: ("#4a4d52", "#4a4d52"),
    QPalette.ColorRole.Midlight: ("#3e4146", "#3e4146"),
    QPalette.ColorRole.Mid: ("#5a5e64", "#4a4d52"),
    QPalette.ColorRole.Dark: ("#1b1c1e", "#1b1c1e"),
    QPalette.ColorRole.Shadow: ("#0e0e0f", "#0e0e0f"),
    QPalette.ColorRole.Highlight: ("#2f65ca", "#3a3d42"),
    QPalette.ColorRole.HighlightedText: ("#ffffff", "#8c8f94"),
    QPalette.ColorRole.Link: ("#7fb2ff", "#7d8da6"),
    QPalette.ColorRole.LinkVisited: ("#c49cff", "#8c7fa6"),
}


# Red text (an error under a field, a cancelled round) for each scheme: Material's
# #d32f2f read at 4.3:1 on Fusion's light window and 2.8:1 on the dark one.
ALERT_TEXT = {False: QColor("#b71c1c"), True: QColor("#ff8a80")}


def alert_text_colour(palette: QPalette | None = None) -> QColor:
    """Red for text that must stand out, at 4.5:1 or more on *palette*'s window and base."""
    return QColor(ALERT_TEXT[is_dark(palette)])


def dark_palette() -> QPalette:
    """The dark scheme used where the platform offers none."""
    palette = QPalette()
    for role, (active, disabled) in _DARK_ROLES.items():
        palette.setColor(QPalette.ColorGroup.Active, role, QColor(active))
        palette.setColor(QPalette.ColorGroup.Inactive, role, QColor(active))
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled))
    palette.setColor(QPalette.ColorGroup.Inactive, QPalette.ColorRole.Highlight,
                     QColor("#3d5a8a"))
    return palette


def light_palette() -> QPalette:
    """Fusion's light palette, with the two roles whose text fell short of 4.5:1 darkened:
    white on the selection (3.7:1) and visited links (magenta, 3.1:1)."""
    style = QStyleFactory.create(FUSION)
    palette = QPalette(style.standardPalette()) if style is not None else QPalette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Highlight, QColor("#1f62a8"))
        palette.setColor(group, QPalette.ColorRole.LinkVisited, QColor("#7b1fa2"))
    return palette


class _Platform:
    """What the program started with, to go back to when the user chooses again."""

    def __init__(self, app: QApplication) -> None:
        style = app.style()
        base = style.baseStyle() if isinstance(style, LineIconStyle) else style
        self.style_name = base.name() if base is not None else FUSION
        self.palette = QPalette(app.palette())
        self.overridden = False


_platform: _Platform | None = None
_current = Appearance.SYSTEM


def current_appearance() -> Appearance:
    """The choice last applied (SYSTEM until ``apply_appearance`` is called)."""
    return _current


def apply_appearance(appearance: Appearance) -> None:
    """Show the window in *appearance* now: every open widget repaints in it."""
    global _platform, _current
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    if _platform is None:
        _platform = _Platform(app)
        follower = _SchemeFollower(app)  # parented to the application: lives as long
        app.styleHints().colorSchemeChanged.connect(follower.on_changed)
    _current = appearance
    scheme = {Appearance.LIGHT: Qt.ColorScheme.Light,
              Appearance.DARK: Qt.ColorScheme.Dark}.get(appearance)
    if scheme is None:
        app.styleHints().unsetColorScheme()
    else:
        app.styleHints().setColorScheme(scheme)
    _settle(app, _platform, _wants_dark(app, appearance))


def _wants_dark(app: QApplication, appearance: Appearance) -> bool:
    if appearance is Appearance.SYSTEM:
        return app.styleHints().colorScheme() == Qt.ColorScheme.Dark
    return appearance is Appearance.DARK


def _settle(app: QApplication, platform: _Platform, dark: bool) -> None:
    """Give *app* a *dark* (or light) palette: the platform's when it has one, ours if not."""
    if platform.overridden:  # back to what the platform draws before asking it again
        app.setStyle(LineIconStyle(platform.style_name))
        app.setPalette(platform.palette)
        platform.overridden = False
    if is_dark(app.palette()) == dark:
        return
    app.setStyle(LineIconStyle(FUSION))
    # Both are set, not left to the style: Fusion takes the platform's colours.
    app.setPalette(dark_palette() if dark else light_palette())
    platform.overridden = True


class _SchemeFollower(QObject):
    """Applies the system's scheme again when it changes while SYSTEM is chosen."""

    @Slot(Qt.ColorScheme)
    def on_changed(self, _scheme: Qt.ColorScheme) -> None:
        if _current is Appearance.SYSTEM:
            apply_appearance(Appearance.SYSTEM)

