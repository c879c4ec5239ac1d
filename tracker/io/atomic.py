"""Files written completely or not at all: a temporary file beside the target, then rename."""

from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

# Like tempfile.mkstemp: exclusive creation, no following a planted symlink, not inherited
# by child processes, and no CRT newline translation on Windows (TextIOWrapper does it).
_CREATE_FLAGS = (os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
                 | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
_ATTEMPTS = 100


@contextmanager
def atomic_text_writer(destination: Path, *, newline: str | None = None) -> Iterator[TextIO]:
    """Yield a UTF-8 text stream; the destination appears only if the block succeeds.

    The temporary file lives in the destination's folder so the final ``os.replace`` is a
    rename on one file system, which readers see either before or after, never half-way.
    The file ends up with the permissions a plain ``open(destination, "w")`` would give
    it: those of the file it replaces, or 0o666 less the umask for a new one. Failing to
    create or rename raises an OSError that names *destination*, not the temporary file.
    """
    with (_replacing(destination) as descriptor,
          os.fdopen(descriptor, "w", encoding="utf-8", newline=newline) as stream):
        yield stream
        stream.flush()
        os.fsync(stream.fileno())


def write_bytes_atomically(destination: Path, data: bytes) -> None:
    """Write *data* (an image, say) the way ``atomic_text_writer`` writes text."""
    with _replacing(destination) as descriptor, os.fdopen(descriptor, "wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())


@contextmanager
def _replacing(destination: Path) -> Iterator[int]:
    """The descriptor of a new temporary file beside *destination*, which replaces the
    destination if the block succeeds and is removed if it fails."""
    destination = Path(destination)
    folder = destination.parent if str(destination.parent) else Path(".")
    try:
        descriptor, temporary = _create_beside(destination, folder)
    except OSError as exc:
        raise _naming(exc, destination) from exc
    try:
        yield descriptor
        try:
            os.replace(temporary, destination)
        except OSError as exc:
            raise _naming(exc, destination) from exc
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _create_beside(destination: Path, folder: Path) -> tuple[int, Path]:
    """Create an empty, uniquely named file in *folder*; return its descriptor and path.

    Not tempfile.mkstemp: that creates the file 0o600, and os.replace keeps the mode, so
    every export would be readable by its owner only.
    """
    existing_mode = _existing_mode(destination)
    for _ in range(_ATTEMPTS):
        temporary = folder / f".{destination.name}.{secrets.token_hex(4)}.partial"
        try:
            # 0o666 goes through the umask (and any default ACL) exactly as for open().
            descriptor = os.open(temporary, _CREATE_FLAGS, 0o666)
        except FileExistsError:
            continue
        if existing_mode is not None and hasattr(os, "fchmod"):
            try:
                os.fchmod(descriptor, existing_mode)
            except BaseException:
                os.close(descriptor)
                temporary.unlink(missing_ok=True)
                raise
        return descriptor, temporary
    raise FileExistsError(f"No free temporary name beside {destination}")


def _existing_mode(destination: Path) -> int | None:
    """The permission bits of the file being replaced, if there is one."""
    try:
        found = os.stat(destination)
    except OSError:
        return None
    # Permission bits only: a set-user-ID bit is not something an export should copy.
    return stat.S_IMODE(found.st_mode) & 0o777 if stat.S_ISREG(found.st_mode) else None


def _naming(exc: OSError, destination: Path) -> OSError:
    """The same error (errno, subclass), reported against the user's file."""
    if exc.errno is None:
        return OSError(f"{destination}: {exc}")
    return OSError(exc.errno, exc.strerror, str(destination))
