"""Files written completely or not at all: a temporary file beside the target, then rename.

How the destination is placed (a link followed, a device or FIFO written in place,
another user's read-only file refused) is ``tracker.storage.atomic_files``'s business.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from tracker.storage.atomic_files import replacing, sync


@contextmanager
def atomic_text_writer(destination: Path, *, newline: str | None = None) -> Iterator[TextIO]:
    """Yield a UTF-8 text stream; the destination appears only if the block succeeds.

    The temporary file lives in the destination's folder so the final ``os.replace`` is a
    rename on one file system, which readers see either before or after, never half-way.
    The file ends up with the permissions a plain ``open(destination, "w")`` would give
    it: those of the file it replaces, or 0o666 less the umask for a new one. Failing to
    create or rename raises an OSError that names *destination*, not the temporary file.
    """
    with (replacing(Path(destination)) as descriptor,
          os.fdopen(descriptor, "w", encoding="utf-8", newline=newline) as stream):
        yield stream
        stream.flush()
        sync(stream.fileno())


def write_bytes_atomically(destination: Path, data: bytes) -> None:
    """Write *data* (an image, say) the way ``atomic_text_writer`` writes text."""
    with replacing(Path(destination)) as descriptor, os.fdopen(descriptor, "wb") as stream:
        stream.write(data)
        stream.flush()
        sync(stream.fileno())
