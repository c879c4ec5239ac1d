"""Files written completely or not at all: a temporary file beside the target, then rename."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO


@contextmanager
def atomic_text_writer(destination: Path, *, newline: str | None = None) -> Iterator[TextIO]:
    """Yield a UTF-8 text stream; the destination appears only if the block succeeds.

    The temporary file lives in the destination's folder so the final ``os.replace`` is a
    rename on one file system, which readers see either before or after, never half-way.
    """
    destination = Path(destination)
    folder = destination.parent if str(destination.parent) else Path(".")
    descriptor, temporary = tempfile.mkstemp(
        prefix=f".{destination.name}.", suffix=".partial", dir=folder
    )
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline=newline) as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, destination)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
