"""The temporary files the atomic writer leaves beside a destination, named and cleaned.

A writer killed with SIGKILL cannot remove its temporary file (one attack left 280 MB
behind, issue 14). Each temporary name carries the writer's process id, so the next write
to the same destination can tell a dead writer's file from a live one's: it removes the
file of a writer that no longer runs (and has not touched it for a minute, in case the id
is another machine's on a shared folder), and any such file untouched for an hour (older
names carry no id). A live writer's file is never touched.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import time
from pathlib import Path

PARTIAL_SUFFIX = ".partial"
# What SQLite itself writes beside a database file it has open (a backup being written).
SQLITE_NEIGHBOURS = ("-journal", "-wal", "-shm")
# Untouched this long, the file of a writer whose process is gone is stale.
DEAD_WRITER_AFTER_S = 60.0
# Untouched this long, any temporary file is stale: no writer pauses for an hour.
ANY_WRITER_AFTER_S = 3600.0
# .talks.csv.1234-9f86d081.partial (this version), .talks.csv.9f86d081.partial (older),
# .talks.db.k3j_x9a2.part (older backups), each maybe followed by one of SQLite's suffixes.
_NAME = re.compile(r"\.(?:(?P<pid>\d+)-)?[0-9A-Za-z_]{8}\.(?:partial|part)"
                   r"(?:-journal|-wal|-shm)?")


def partial_name(destination: Path) -> str:
    """A fresh temporary name for *destination*: hidden, with this process's id."""
    return f".{destination.name}.{os.getpid()}-{secrets.token_hex(4)}{PARTIAL_SUFFIX}"


def remove_stale_partials(folder: Path, destination_name: str, *,
                          now: float | None = None) -> list[Path]:
    """Remove the temporary files that dead or long-stalled writers left for
    *destination_name* in *folder*; return those removed. Never raises: cleaning up is a
    courtesy, and the write that asked for it goes on whatever happens here."""
    now = time.time() if now is None else now
    prefix = f".{destination_name}"
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not entry.name.startswith(prefix):
            continue
        matched = _NAME.fullmatch(entry.name[len(prefix):])
        if matched is None:
            continue
        try:
            found = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        untouched = now - found.st_mtime
        pid = matched.group("pid")
        stale = untouched >= ANY_WRITER_AFTER_S or (
            pid is not None and untouched >= DEAD_WRITER_AFTER_S
            and not _running(int(pid)))
        if stale:
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


def _running(pid: int) -> bool:
    """Whether process *pid* exists; True whenever that cannot be known."""
    if pid == os.getpid():
        return True
    if os.name == "nt":
        return True  # os.kill(pid, 0) would terminate the process on Windows
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # EPERM: it runs, as another user
        return True
    return True
