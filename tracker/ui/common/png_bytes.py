"""A QImage as PNG bytes in memory: what the image exports write whole (io/atomic.py)."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImage


def png_bytes(image: QImage) -> bytes:
    """*image* encoded as PNG; OSError if Qt cannot encode it."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6 takes the format as str; its stubs say bytes, which it refuses at run time.
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]
        raise OSError("The image could not be encoded as PNG")
    buffer.close()
    return bytes(data.data())
