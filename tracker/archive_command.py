"""``tracker export --format archive`` and ``tracker import --format json``: the lossless
archive of a whole database (services.archive, services.archive_import).

    tracker export [--db DB] --format archive [-o FILE.json]
    tracker import --db NEW --format json|archive FILE.json
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from tracker.services.archive import ArchiveSummary, export_archive, write_archive
from tracker.services.archive_import import ArchiveError, import_archive
from tracker.services.export_formats import ExportFormat
from tracker.storage.database import open_database

EXPORT_FORMAT = ExportFormat.ARCHIVE
IMPORT_FORMATS = ("json", "archive")
EXIT_REFUSED = 2


def run_export_archive(args: argparse.Namespace) -> int:
    db = open_database(args.sub_db or args.db, create=False)
    try:
        with db.reading() as session:
            if not args.output:
                write_archive(session, sys.stdout)
                sys.stdout.flush()  # a closed pipe must fail here, not at exit
                return 0
            try:
                summary = export_archive(session, Path(args.output))
            except OSError as exc:
                print(f"tracker: cannot write {args.output}: {exc.strerror or exc}",
                      file=sys.stderr)
                return EXIT_REFUSED
    finally:
        db.close()
    print(f"Archive of {summary.describe()} written to {args.output}", file=sys.stderr)
    return 0


def run_import_archive(args: argparse.Namespace) -> int:
    db = open_database(args.sub_db or args.db)
    try:
        summary: ArchiveSummary = import_archive(db, Path(args.file))
    except ArchiveError as exc:
        print(f"tracker: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    except SQLAlchemyError as exc:  # locked by another writer, disk full, …
        reason = getattr(exc, "orig", None) or exc
        print(f"tracker: the import failed, the database is as it was: {reason}",
              file=sys.stderr)
        return EXIT_REFUSED
    finally:
        db.close()
    print(f"Archive imported into {db.label}: {summary.describe()}")
    return 0
