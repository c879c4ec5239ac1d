"""The bad-file figure for docs/RELIABILITY.md (found by tests/reliability_figures.py)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from tests.storage.bad_files import BAD_FILES, neighbours, tracker_bytes
from tracker.storage.database import open_database
from tracker.storage.errors import NotATrackerDatabaseError


def try_bad_file(folder: Path, name: str, whole: bytes) -> bool:
    """Open one bad file; True when it was refused clearly and left exactly as it was."""
    path = folder / f"{name.replace(' ', '-').replace(chr(39), '')}.db"
    content = BAD_FILES[name](folder, whole)
    path.write_bytes(content)
    try:
        open_database(path).close()
    except NotATrackerDatabaseError as exc:
        clear = "not a Negotiation Tracker database" in str(exc) and str(path) in str(exc)
    else:
        clear = False
    return clear and path.read_bytes() == content and neighbours(path) == []


def bad_files() -> tuple[int, int]:
    """(files tried, refused with a clear message and left byte-for-byte unchanged)."""
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        whole = tracker_bytes(folder / "source")
        return len(BAD_FILES), sum(try_bad_file(folder, name, whole) for name in BAD_FILES)
