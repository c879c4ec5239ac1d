"""``tracker import --format ics``: rounds from an iCalendar file, added or updated by UID.

    tracker import [--db DB] --format ics FILE [--strict]

Prints what was added, updated, left unchanged and refused (each refusal with its line,
UID and field). Exit status 0 when every event was imported, 1 when some were refused,
2 when the file was refused (with --strict, at its first bad event): then nothing was
written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from tracker.services.calendar_import import import_calendar_file
from tracker.services.importing import ImportFormat
from tracker.storage.database import open_database

CALENDAR_FORMAT = ImportFormat.ICS
EXIT_REFUSED_EVENTS = 1
EXIT_REFUSED_FILE = 2


def run_import_calendar(args: argparse.Namespace) -> int:
    """InputFileError (a file that is not a calendar) is left to the caller's handler."""
    db = open_database(args.sub_db or args.db)
    try:
        result = import_calendar_file(db, Path(args.file), strict=args.strict)
    except SQLAlchemyError as exc:  # locked by another writer, disk full, …
        reason = getattr(exc, "orig", None) or exc
        print(f"tracker: the import failed, the database is as it was: {reason}",
              file=sys.stderr)
        return EXIT_REFUSED_FILE
    finally:
        db.close()
    print(result.summary())
    for problem in result.refused:
        print(f"  refused: {problem}")
    return EXIT_REFUSED_EVENTS if result.refused else 0
