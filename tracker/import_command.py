"""``tracker import``: a dataset file into the database, with a progress line and a summary.

    tracker import [--db DB] --format acled|ucdp|csv FILE [--strict]
                   [--map FIELD=COLUMN ...] [--dataset NAME] [--dayfirst] [--report OUT]
    tracker import --db NEW --format json FILE.json   (an archive: tracker.archive_command)
    tracker import [--db DB] --format ics FILE [--strict]   (rounds: calendar_import_command)

Exit status 0 when every record was imported, 1 when some were rejected (they are listed,
and saved with --report), 2 when the file was refused or the import stopped.
"""

from __future__ import annotations

import argparse
import sys
import threading
from pathlib import Path
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from tracker.archive_command import IMPORT_FORMATS as ARCHIVE_FORMATS
from tracker.archive_command import run_import_archive
from tracker.calendar_import_command import CALENDAR_FORMAT, run_import_calendar
from tracker.io.generic_layout import MAPPABLE_FIELDS, ColumnMapping
from tracker.io.input_errors import InputFileError
from tracker.services.import_report import ImportReport, write_report
from tracker.services.importing import ImportCancelled, ImportFormat, ImportProgress, import_events
from tracker.storage.database import open_database

EXIT_REJECTED = 1
EXIT_REFUSED = 2
_LISTED_REJECTIONS = 20


def _add_import_parser(sub: Any) -> None:
    parser = sub.add_parser(
        "import", help="import battlefield events from an ACLED, UCDP or other CSV file")
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("--db", dest="sub_db", metavar="DB")
    parser.add_argument("--format", required=True,
                        choices=[*(f.value for f in ImportFormat), *ARCHIVE_FORMATS],
                        help="json (or archive): a whole archive written by `tracker "
                             "export --format archive`, into a new, empty --db; "
                             "ics: rounds from a calendar, added or updated by UID")
    parser.add_argument("--strict", action="store_true",
                        help="stop at the first bad record and import nothing")
    parser.add_argument("--map", action="append", default=[], metavar="FIELD=COLUMN",
                        help="for --format csv: which column holds an event field "
                             f"({', '.join(MAPPABLE_FIELDS)}); without --map, the mapping "
                             "last used for the same columns")
    parser.add_argument("--dataset", metavar="NAME",
                        help="for --format csv: the dataset name (default: the file name)")
    parser.add_argument("--dayfirst", action="store_true",
                        help="for --format csv: read 03/02/2026 as 3 February")
    parser.add_argument("--report", metavar="OUT",
                        help="save the summary and every rejected record as CSV")


def _mapping(args: argparse.Namespace) -> ColumnMapping | None:
    if not args.map:
        return None
    columns: dict[str, str] = {}
    for item in args.map:
        field, separator, column = item.partition("=")
        if not separator or field.strip() not in MAPPABLE_FIELDS:
            raise InputFileError(Path(args.file), None, None,
                                 f"--map {item!r}: use FIELD=COLUMN with FIELD one of "
                                 f"{', '.join(MAPPABLE_FIELDS)}")
        columns[field.strip()] = column.strip()
    return ColumnMapping(columns, dayfirst=args.dayfirst,
                         dataset=args.dataset or Path(args.file).stem)


class _ProgressLine:
    """One line on standard error, rewritten in place on a terminal, every ~2 % otherwise."""

    def __init__(self) -> None:
        self.terminal = sys.stderr.isatty()
        self.last_shown = -1

    def __call__(self, progress: ImportProgress) -> None:
        if progress.indexing:
            end = "\r" if self.terminal else "\n"
            text = (f"indexing: {progress.indexes_built} of {progress.indexes_total} "
                    f"indexes built")
            print(f"{text:<70}", end=end, file=sys.stderr, flush=True)
            return
        step = int(progress.fraction * 50)
        if not self.terminal and step == self.last_shown:
            return
        self.last_shown = step
        left = progress.seconds_left
        eta = f", about {left:.0f} s left" if left is not None else ""
        text = (f"{progress.fraction:4.0%}  {progress.records:,} records, "
                f"{progress.records_per_second:,.0f}/s{eta}")
        end = "\r" if self.terminal else "\n"
        print(f"{text:<70}", end=end, file=sys.stderr, flush=True)


def run_import(args: argparse.Namespace) -> int:
    if args.format in ARCHIVE_FORMATS:
        return run_import_archive(args)
    if args.format == CALENDAR_FORMAT:
        return run_import_calendar(args)
    path = Path(args.file)
    fmt = ImportFormat(args.format)
    mapping = _mapping(args)
    db = open_database(args.sub_db or args.db)
    try:
        line = _ProgressLine()
        try:
            report = import_events(db, path, fmt, strict=args.strict, mapping=mapping,
                                   progress=line, cancel=threading.Event())
        except KeyboardInterrupt:
            print("\ntracker: import interrupted; the database is as it was",
                  file=sys.stderr)
            return EXIT_REFUSED
        except ImportCancelled:
            print("tracker: import cancelled; the database is as it was", file=sys.stderr)
            return EXIT_REFUSED
        except SQLAlchemyError as exc:  # locked by another writer, disk full, …
            reason = getattr(exc, "orig", None) or exc
            print(f"\ntracker: the import failed, the database is as it was: {reason}",
                  file=sys.stderr)
            return EXIT_REFUSED
        if line.terminal:
            print(file=sys.stderr)
    finally:
        db.close()
    _print_report(report)
    if args.report:
        write_report(report, Path(args.report))
        print(f"Report written to {args.report}", file=sys.stderr)
    return EXIT_REJECTED if report.rejected else 0


def _print_report(report: ImportReport) -> None:
    print(report.summary())
    for note in report.notes:
        print(f"  note: {note}")
    for rejection in report.rejections[:_LISTED_REJECTIONS]:
        print(f"  rejected: {rejection}")
    if report.rejected > _LISTED_REJECTIONS:
        print(f"  … and {report.rejected - _LISTED_REJECTIONS:,} more rejected records "
              "(--report OUT saves them all)")
