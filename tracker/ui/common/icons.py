"""Every toolbar and menu icon, from one set: Lucide (ISC licence), in resources/icons/lucide/.

The SVGs draw with ``stroke="currentColor"``. The engine below paints them in the palette's
text colour at the moment it draws, not when the icon is made, so one QIcon stays readable
when the colour scheme changes, and a disabled action greys out the way its text does.
Qt's standard pixmaps were the alternative, but they have no undo, redo or import picture
(issue 16: those showed as bare triangles), so the set is bundled instead. LineIconStyle
gives dialog buttons (OK, Cancel, Close…) their pictures from the same set.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

from tracker import resources

ICON_FOLDER = "icons/lucide"
ENGINE_KEY = "lucide"
_Pixmap = QStyle.StandardPixmap
# The dialog buttons' pictures; message-box signs keep the style's own, whose colour tells
# a warning from a question.
STYLE_ICONS = {
    _Pixmap.SP_DialogOkButton: "check", _Pixmap.SP_DialogApplyButton: "check",
    _Pixmap.SP_DialogYesButton: "check", _Pixmap.SP_DialogCancelButton: "x",
    _Pixmap.SP_DialogCloseButton: "x", _Pixmap.SP_DialogNoButton: "x",
    _Pixmap.SP_DialogSaveButton: "save",
}


@cache
def icon_names() -> frozenset[str]:
    """The names of the bundled icons ("undo-2"), without the .svg."""
    folder = resources.path(ICON_FOLDER)
    return frozenset(entry.name.removesuffix(".svg") for entry in folder.iterdir()
                     if entry.name.endswith(".svg"))


@cache
def _svg_text(name: str) -> str:
    if name not in icon_names():
        raise KeyError(f"No icon {name!r} in resources/{ICON_FOLDER}")
    return resources.read_text(f"{ICON_FOLDER}/{name}.svg")


def icon(name: str) -> QIcon:
    """The bundled icon *name*; a KeyError names a missing one (a spec's typo fails loudly)."""
    return QIcon(_LineIconEngine(name, _svg_text(name)))


def _stroke_colour(mode: QIcon.Mode) -> QColor:
    palette = QGuiApplication.palette()
    if mode is QIcon.Mode.Disabled:
        return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    if mode is QIcon.Mode.Selected:
        return palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.HighlightedText)
    return palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText)


class _LineIconEngine(QIconEngine):
    """Draws one line icon in the colour the palette gives for the icon's mode."""

    def __init__(self, name: str, svg: str) -> None:
        super().__init__()
        self._name = name
        self._svg = svg
        self._renderers: dict[str, QSvgRenderer] = {}  # by colour, so a redraw parses nothing

    def _renderer(self, colour: QColor) -> QSvgRenderer:
        key = colour.name(QColor.NameFormat.HexArgb)
        renderer = self._renderers.get(key)
        if renderer is None:
            svg = self._svg.replace("currentColor", colour.name(QColor.NameFormat.HexRgb))
            if colour.alpha() < 255:
                svg = svg.replace("<svg", f'<svg opacity="{colour.alphaF():.3f}"', 1)
            renderer = QSvgRenderer(QByteArray(svg.encode()))
            renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
            self._renderers[key] = renderer
        return renderer

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode,
              state: QIcon.State) -> None:
        """Override QIconEngine::paint."""
        self._renderer(_stroke_colour(mode)).render(painter, QRectF(rect))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        """Override QIconEngine::pixmap."""
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State,
                     scale: float) -> QPixmap:
        """Override QIconEngine::scaledPixmap: sharp on high-density screens."""
        pixels = size * scale
        pixmap = QPixmap(pixels)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.paint(painter, QRect(QPoint(0, 0), pixels), mode, state)
        painter.end()
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        """Override QIconEngine::actualSize: square, as large as asked."""
        side = min(size.width(), size.height())
        return QSize(side, side)

    def clone(self) -> QIconEngine:
        """Override QIconEngine::clone."""
        return _LineIconEngine(self._name, self._svg)

    def key(self) -> str:
        """Override QIconEngine::key."""
        return ENGINE_KEY

    def iconName(self) -> str:
        """Override QIconEngine::iconName: what QIcon.name() answers."""
        return self._name


class LineIconStyle(QProxyStyle):
    """The application's style, with the dialog buttons' pictures taken from the set."""

    def standardIcon(self, standardIcon: QStyle.StandardPixmap,
                     option: QStyleOption | None = None,
                     widget: QWidget | None = None) -> QIcon:
        """Override QProxyStyle::standardIcon."""
        name = STYLE_ICONS.get(standardIcon)
        if name is not None:
            return icon(name)
        return super().standardIcon(standardIcon, option, widget)


def use_line_icons(app: QApplication) -> None:
    """Wrap *app*'s style (whatever it is) so dialog buttons draw icons from the set."""
    if not isinstance(app.style(), LineIconStyle):
        app.setStyle(LineIconStyle(app.style().name()))
