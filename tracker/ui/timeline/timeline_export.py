"""The timeline as a PNG or SVG file, drawn by the same painter as the screen.

The image is rendered into memory first and written whole or not at all; a PNG is
drawn at twice the screen's pixel size so it stays sharp in a report or on a slide.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QRect, QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QFileDialog, QWidget

from tracker.io.atomic import write_bytes_atomically
from tracker.ui.common.error_boundary import Failure, show_failure
from tracker.ui.common.language import QT_TRANSLATE_NOOP, translate
from tracker.ui.common.png_bytes import png_bytes
from tracker.ui.timeline.timeline_painter import TimelinePainter
from tracker.ui.timeline.timeline_scene import TimelineScene

PNG_SCALE = 2
FILE_FILTERS = QT_TRANSLATE_NOOP("timeline_export", "PNG image (*.png);;SVG drawing (*.svg)")


def image_bytes(scene: TimelineScene, width: int, suffix: str) -> bytes:
    """The scene *width* pixels wide as PNG or SVG bytes (*suffix* ".png" or ".svg")."""
    height = scene.height()
    if suffix == ".svg":
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setSize(QSize(width, height))
        generator.setViewBox(QRect(0, 0, width, height))
        generator.setTitle(translate("timeline_export", "Negotiation Tracker timeline"))
        generator.setDescription(translate(
            "timeline_export", "Rounds, factors and battlefield events; times in {zone}").format(
                zone=scene.tz))
        painter = QPainter(generator)
        try:
            TimelinePainter(scene, painter, width).paint()
        finally:
            painter.end()
        buffer.close()
        return bytes(buffer.data().data())
    image = QImage(width * PNG_SCALE, height * PNG_SCALE, QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(PNG_SCALE)
    painter = QPainter(image)
    try:
        TimelinePainter(scene, painter, width).paint()
    finally:
        painter.end()
    return png_bytes(image)


def write_timeline_image(path: Path, scene: TimelineScene, width: int) -> None:
    """Write *path* as PNG or SVG by its suffix; anything else is refused."""
    suffix = path.suffix.casefold()
    if suffix not in (".png", ".svg"):
        raise ValueError(translate("timeline_export", "{file}: choose a name ending in .png or "
                                   ".svg").format(file=path.name))
    write_bytes_atomically(path, image_bytes(scene, width, suffix))


def export_timeline_image(parent: QWidget, scene: TimelineScene, width: int) -> Path | None:
    """Ask where, then write the image; a name without a known suffix gets .png."""
    chosen, chosen_filter = QFileDialog.getSaveFileName(
        parent, translate("timeline_export", "Export Timeline"), str(Path.home() / "timeline.png"),
        translate("timeline_export", FILE_FILTERS))
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.casefold() not in (".png", ".svg"):
        path = path.with_name(path.name + (".svg" if "svg" in chosen_filter.lower() else ".png"))
    try:
        write_timeline_image(path, scene, width)
    except OSError as exc:
        show_failure(parent, translate("timeline_export", "Export Failed"),
                     Failure.of(exc, title=translate("timeline_export", "Export Timeline")))
        return None
    return path
