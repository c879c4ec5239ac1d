"""Files dropped on the window, sorted by what they are for.

A database file (.db, .sqlite, .sqlite3) is opened, as File › Open Database… would; an
event file (.csv, or a .zip release holding one) starts File › Import Events… with it;
an iCalendar file (.ics) is imported as File › Import Calendar… would. Anything else (a
web link, a folder, a picture) is not taken, so the drag shows it will not drop.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path

from PySide6.QtCore import QMimeData

from tracker.services.imports.importing import ImportTarget, formats_for

DATABASE_SUFFIXES = (".db", ".sqlite", ".sqlite3")
# A release as distributed (UCDP's, ACLED's) is a .zip holding the CSV; the importer
# reads it inside (io/zipped_release.py).
ARCHIVE_SUFFIXES = (".zip",)


def _patterns(target: ImportTarget) -> tuple[str, ...]:
    """The import formats' file patterns for *target* ("*.csv", "*.ics"), from the registry."""
    return tuple(dict.fromkeys(pattern.casefold() for fmt in formats_for(target)
                               for pattern in fmt.patterns))


@dataclass(frozen=True)
class DroppedFiles:
    """The local files of one drag, by what the window does with them."""

    databases: list[Path] = field(default_factory=list)
    events: list[Path] = field(default_factory=list)
    calendars: list[Path] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.databases or self.events or self.calendars)


def dropped_files(mime: QMimeData) -> DroppedFiles:
    """Sort a drag's local files; the rest are left out."""
    found = DroppedFiles()
    if not mime.hasUrls():
        return found
    events, calendars = _patterns(ImportTarget.EVENTS), _patterns(ImportTarget.ROUNDS)
    for url in mime.urls():
        if not url.isLocalFile():
            continue
        path = Path(url.toLocalFile())
        name = path.name.casefold()
        if path.suffix.casefold() in DATABASE_SUFFIXES:
            found.databases.append(path)
        elif path.suffix.casefold() in ARCHIVE_SUFFIXES or any(
                fnmatch(name, pattern) for pattern in events):
            found.events.append(path)
        elif any(fnmatch(name, pattern) for pattern in calendars):
            found.calendars.append(path)
    return found
