"""The map as a PNG or SVG file: what the view shows, drawn again by the scene.

Rendered into memory first and written whole or not at all (io/atomic.py); a PNG at
twice the view's pixel size, so it stays sharp on a slide or in a report.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QRect, QRectF, QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QFileDialog, QGraphicsView, QWidget

from tracker.io.atomic import write_bytes_atomically
from tracker.ui.common.error_boundary import Failure, show_failure
from tracker.ui.common.language import translate
from tracker.ui.common.png_bytes import png_bytes

PNG_SCALE = 2
SUFFIXES = (".png", ".svg")


def _render(view: QGraphicsView, painter: QPainter, size: QSize) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene = view.scene()
    source = view.mapToScene(view.viewport().rect()).boundingRect()
    painter.fillRect(QRectF(0, 0, size.width(), size.height()), scene.backgroundBrush())
    scene.render(painter, QRectF(0, 0, size.width(), size.height()), source)


def map_image_bytes(view: QGraphicsView, suffix: str) -> bytes:
    """What *view* shows, as PNG or SVG bytes (*suffix* ".png" or ".svg")."""
    size = view.viewport().size()
    if suffix == ".svg":
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setSize(size)
        generator.setViewBox(QRect(0, 0, size.width(), size.height()))
        generator.setTitle("Negotiation Tracker map")
        generator.setDescription("Battlefield events and venues; base map: Natural Earth")
        painter = QPainter(generator)
        try:
            _render(view, painter, size)
        finally:
            painter.end()
        buffer.close()
        return bytes(buffer.data().data())
    image = QImage(size * PNG_SCALE, QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(PNG_SCALE)
    painter = QPainter(image)
    try:
        _render(view, painter, size)
    finally:
        painter.end()
    return png_bytes(image)


def write_map_image(path: Path, view: QGraphicsView) -> None:
    """Write *path* as PNG or SVG by its suffix; anything else is refused."""
    suffix = path.suffix.casefold()
    if suffix not in SUFFIXES:
        raise ValueError(f"{path.name}: choose a name ending in .png or .svg")
    write_bytes_atomically(path, map_image_bytes(view, suffix))


def export_map_image(parent: QWidget, view: QGraphicsView) -> Path | None:
    """Ask where, then write the image; a name without a known suffix gets .png."""
    title = translate("MapExport", "Export Map")
    chosen, chosen_filter = QFileDialog.getSaveFileName(
        parent, title, str(Path.home() / "map.png"),
        translate("MapExport", "PNG image (*.png);;SVG drawing (*.svg)"))
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.casefold() not in SUFFIXES:
        path = path.with_name(path.name + (".svg" if "svg" in chosen_filter.lower() else ".png"))
    try:
        write_map_image(path, view)
    except OSError as exc:
        show_failure(parent, translate("MapExport", "Export Failed"), Failure.of(exc, title=title))
        return None
    return path
