"""A QImage as PNG bytes in memory: what the image exports write whole (io/atomic.py)."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImage


def png_bytes(image: QImage, quality: int = -1) -> bytes:
    """*image* encoded as PNG; OSError if Qt cannot encode it. *quality* 0–100 trades
    size for speed (Qt's PNG writer compresses less the higher it is; -1: its default)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6 takes the format as str; its stubs say bytes, which it refuses at run time.
    if not image.save(buffer, "PNG", quality):  # type: ignore[call-overload]
        raise OSError("The image could not be encoded as PNG")
    buffer.close()
    return bytes(data.data())
