"""Where a file written whole goes: a temporary file beside the target, then a rename.

The atomic writers (``tracker.io.atomic``) and the database backups write through here.

What the destination names decides how it is written (issue 14, F8: renaming over
whatever was named replaced devices, pipes, links and other people's files):

- nothing yet, or a regular file: a temporary file beside it, renamed over it when whole;
- a symbolic link: the same beside the file it points to, so the link stays a link;
- a character device or a FIFO (``/dev/null``, ``/dev/stdout``, a named pipe): written in
  place, as a shell's ``>`` does. Renaming would put a regular file where the device was
  (as root, the system's /dev/null) and leave a FIFO's reader waiting forever;
- any other kind of file (a block device, a socket): refused;
- a regular file the user can neither write nor owns (another user's read-only file in a
  shared folder, which a rename would silently replace): refused, unless the caller runs
  the write inside ``replacing_protected_files()`` (the command line's ``--force``).
  A read-only file of one's own is replaced, keeping its mode, as before.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import BinaryIO

from tracker.storage.partial_files import SQLITE_NEIGHBOURS, partial_name, remove_stale_partials

# Like tempfile.mkstemp: exclusive creation, no following a planted symlink, not inherited
# by child processes, and no CRT newline translation on Windows (TextIOWrapper does it).
_CREATE_FLAGS = (os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
                 | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
# A device or pipe is opened as it is: no creating, no truncating (neither applies).
_IN_PLACE_FLAGS = os.O_WRONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
_ATTEMPTS = 100

# Set by replacing_protected_files(): a context variable rather than a parameter, so the
# command line's --force reaches the writer without every exporter passing it along.
_replace_protected: ContextVar[bool] = ContextVar("replace_protected", default=False)


@contextmanager
def replacing_protected_files() -> Iterator[None]:
    """Within the block, files the user cannot write (but may rename over) are replaced."""
    token = _replace_protected.set(True)
    try:
        yield
    finally:
        _replace_protected.reset(token)


@contextmanager
def atomic_path(destination: Path) -> Iterator[Path]:
    """A path for a writer that writes by name (SQLite's backup): an empty temporary file
    which becomes *destination* if the block succeeds, the same way as above.

    For a device or pipe the temporary file is in the system's temporary folder and its
    bytes are copied into the device afterwards. On failure, the temporary file and the
    files SQLite keeps beside one (``-journal``, ``-wal``, ``-shm``) are removed.
    """
    destination = Path(destination)
    target, in_place = _target(destination)
    if in_place:
        with tempfile.TemporaryDirectory(prefix="tracker-") as folder:
            temporary = Path(folder) / destination.name
            temporary.touch()
            yield temporary
            with temporary.open("rb") as source, _in_place(target, destination) as sink:
                shutil.copyfileobj(source, sink)
        return
    descriptor, temporary = _create_beside(target, destination)
    os.close(descriptor)
    try:
        yield temporary
        with temporary.open("rb+") as handle:
            os.fsync(handle.fileno())
        _rename(temporary, target, destination)
    except BaseException:
        for leftover in (temporary, *(Path(f"{temporary}{end}") for end in SQLITE_NEIGHBOURS)):
            leftover.unlink(missing_ok=True)
        raise


@contextmanager
def replacing(destination: Path) -> Iterator[int]:
    """A descriptor to write *destination*'s new content to: a temporary file that replaces
    the destination if the block succeeds (removed if it fails), or the device itself."""
    target, in_place = _target(destination)
    if in_place:
        yield _open_in_place(target, destination)
        return
    descriptor, temporary = _create_beside(target, destination)
    try:
        yield descriptor
        _rename(temporary, target, destination)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _target(destination: Path) -> tuple[Path, bool]:
    """The file to write for *destination* (a link's target) and whether to write it in
    place; an OSError naming *destination* for what must not be written at all."""
    target = Path(os.path.realpath(destination)) if os.path.islink(destination) \
        else destination
    try:
        found = os.stat(target)
    except OSError:
        return target, False  # nothing there yet: creating it says what is wrong, if anything
    mode = found.st_mode
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        return target, True
    if stat.S_ISREG(mode):
        if not _replace_protected.get() and not os.access(target, os.W_OK) \
                and found.st_uid != _euid():
            raise PermissionError(
                errno.EACCES, "it belongs to another user and you may not write to it, so "
                "it was left as it was (--force replaces it all the same)", str(destination))
        return target, False
    if stat.S_ISDIR(mode):
        return target, False  # the rename says "Is a directory", naming the destination
    raise OSError(errno.EINVAL, "it is a special file (a block device or a socket), not a "
                  "file to write to", str(destination))


def _euid() -> int:
    return os.geteuid() if hasattr(os, "geteuid") else -1


def _open_in_place(target: Path, destination: Path) -> int:
    try:
        return os.open(target, _IN_PLACE_FLAGS)
    except OSError as exc:
        raise _naming(exc, destination) from exc


@contextmanager
def _in_place(target: Path, destination: Path) -> Iterator[BinaryIO]:
    with os.fdopen(_open_in_place(target, destination), "wb") as sink:
        yield sink


def sync(descriptor: int) -> None:
    """Flush to the disk; a device or a pipe has no disk to flush to (fsync: EINVAL)."""
    if stat.S_ISREG(os.fstat(descriptor).st_mode):
        os.fsync(descriptor)


def _rename(temporary: Path, target: Path, destination: Path) -> None:
    try:
        os.replace(temporary, target)
    except OSError as exc:
        raise _naming(exc, destination) from exc


def _create_beside(target: Path, destination: Path) -> tuple[int, Path]:
    """Create an empty, uniquely named file beside *target*; its descriptor and path.

    Not tempfile.mkstemp: that creates the file 0o600, and os.replace keeps the mode, so
    every export would be readable by its owner only. Stale temporary files of earlier,
    killed writes to the same file are removed first.
    """
    folder = target.parent if str(target.parent) else Path(".")
    remove_stale_partials(folder, target.name)
    existing_mode = _existing_mode(target)
    for _ in range(_ATTEMPTS):
        temporary = folder / partial_name(target)
        try:
            # 0o666 goes through the umask (and any default ACL) exactly as for open().
            descriptor = os.open(temporary, _CREATE_FLAGS, 0o666)
        except FileExistsError:
            continue
        except OSError as exc:
            raise _naming(exc, destination) from exc
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
