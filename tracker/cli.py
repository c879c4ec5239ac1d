"""The `tracker` command: no subcommand opens the window; subcommands work headless.

    tracker [--db DB | --sample]
    tracker sample --db FILE
    tracker export [--db DB] --format csv|json|md [--from DATE] [--to DATE] [--tz ZONE] [-o OUT]
    tracker export [--db DB] --format ics -o OUT
    tracker export [--db DB] --format html|pdf [--from DATE] [--to DATE] [--tz ZONE] -o OUT
    tracker export [--db DB] --format archive [-o FILE.json]
    tracker export [--db DB] --format timelinejs [--events linked|all] [--from DATE] [--to DATE]
                   [--tz ZONE] [--max-events N] [--timelinejs-assets DIR] -o FILE.json
    tracker import [--db DB] --format acled|ucdp|csv FILE [--strict] [--map FIELD=COLUMN ...]
    tracker import [--db DB] --format ics FILE [--strict]
    tracker analyse [--db DB] --round ID|--all [--window 7] [--format csv|json] [-o OUT]
    tracker backup [--db DB] -o FILE
    tracker log [--db DB] [--limit N] [--kind KIND] [--tz ZONE]
    tracker restore [--db DB] FILE

The window and these subcommands call the same services.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from tracker import __version__
from tracker.analyse_command import add_analyse_parser, run_analyse
from tracker.archive_command import EXPORT_FORMAT as ARCHIVE_FORMAT
from tracker.archive_command import run_export_archive
from tracker.backup_command import add_backup_parsers, run_backup, run_restore
from tracker.domain.dates import DateParseError, parse_date
from tracker.domain.timewindow import WindowError, local_zone_name
from tracker.import_command import _add_import_parser, run_import
from tracker.io.input_errors import InputFileError
from tracker.log_command import add_log_parser, run_log
from tracker.report_command import REPORT_FORMATS, run_export_report
from tracker.services.errors import ValidationError
from tracker.services.export import ExportFormat, export_chronology, write_chronology
from tracker.services.sample import is_empty, load_sample
from tracker.services.schedule_calendar import write_calendar
from tracker.storage.database import open_database
from tracker.storage.errors import StorageError
from tracker.timelinejs_command import (
    TIMELINEJS_FORMAT,
    add_timelinejs_arguments,
    run_export_timelinejs,
)

EXIT_USAGE = 2
CALENDAR_FORMAT = ExportFormat.ICS
EXIT_BROKEN_PIPE = 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tracker",
        description="Follow peace talks against battlefield events. "
                    "Without a subcommand, open the window.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--db", help="database file or SQLAlchemy URL (default: the last "
                                     "one used, or tracker.db in your user data folder)")
    parser.add_argument("--sample", action="store_true",
                        help="open the sample scenario database (created on first use)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    sample = sub.add_parser("sample", help="write the sample scenario into a new database")
    sample.add_argument("--db", required=True, dest="sub_db", metavar="DB")

    export = sub.add_parser("export", help="export the chronology (rounds, changes, "
                                           "factor readings, events) in time order")
    export.add_argument("--db", dest="sub_db", metavar="DB")
    export.add_argument("--format", required=True,
                        choices=[f.value for f in ExportFormat],  # the registry's
                        help="csv, json or md: the chronology; html or pdf: the chronology "
                             "report with its summary and timeline chart; "
                             "ics: the rounds' schedule as "
                             "an iCalendar file (--from, --to and --tz do not apply); "
                             "archive: the whole database, losslessly, as JSON that "
                             "`tracker import --format json` loads; "
                             "timelinejs: a TimelineJS timeline (JSON) and a web page "
                             "that shows it")
    export.add_argument("--from", dest="date_from", metavar="DATE",
                        help="first day to include (any format dateutil reads)")
    export.add_argument("--to", dest="date_to", metavar="DATE", help="last day to include")
    export.add_argument("--tz", metavar="ZONE", default=local_zone_name(),
                        help="IANA zone whose days --from/--to mean and in which changes "
                             "and readings are told (default: this computer's, "
                             "%(default)s)")
    export.add_argument("--dayfirst", action="store_true",
                        help="read 03/02/2026 as 3 February, not March 2")
    export.add_argument("-o", "--output", metavar="OUT",
                        help="file to write (written whole or not at all); default stdout")
    add_timelinejs_arguments(export)
    _add_import_parser(sub)
    add_analyse_parser(sub)
    add_backup_parsers(sub)
    add_log_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "sample":
            return _sample(args.sub_db)
        if args.command == "export":
            return _export(args)
        if args.command == "import":
            return run_import(args)
        if args.command == "backup":
            return run_backup(args)
        if args.command == "restore":
            return run_restore(args)
        if args.command == "log":
            try:
                return run_log(args)
            except BrokenPipeError:  # tracker log | head
                return _reader_went_away()
        if args.command == "analyse":
            try:
                return run_analyse(args)
            except BrokenPipeError:
                return _reader_went_away()
    except (StorageError, ValidationError, DateParseError, InputFileError, WindowError) as exc:
        print(f"tracker: {exc}", file=sys.stderr)
        return EXIT_USAGE
    from tracker.ui.app import run  # Qt is imported only when a window is wanted

    return run(args.db, sample=args.sample)


def _sample(target: str) -> int:
    db = open_database(target)
    try:
        with db.transaction() as session:
            if not is_empty(session):
                print(f"tracker: {db.label} already holds data; the sample goes into a new "
                      "database", file=sys.stderr)
                return EXIT_USAGE
            summary = load_sample(session)
    finally:
        db.close()
    print(f"Sample scenario written to {db.label}: {summary.rounds} rounds, "
          f"{summary.factors} factors, {summary.events} events, {summary.links} links, "
          f"{summary.sources} sources")
    return 0


def _optional_date(text: str | None, *, dayfirst: bool, option: str) -> date | None:
    if text is None:
        return None
    try:
        return parse_date(text, dayfirst=dayfirst)
    except DateParseError as exc:
        raise DateParseError(f"{option}: {exc}") from exc


def _export_calendar(args: argparse.Namespace) -> int:
    if not args.output:
        print("tracker: --format ics needs -o FILE (calendars are files, not a stream)",
              file=sys.stderr)
        return EXIT_USAGE
    db = open_database(args.sub_db or args.db, create=False)
    try:
        with db.reading() as session:
            try:
                export = write_calendar(session, Path(args.output))
            except OSError as exc:
                print(f"tracker: cannot write {args.output}: {exc.strerror or exc}",
                      file=sys.stderr)
                return EXIT_USAGE
    finally:
        db.close()
    rounds = "1 round" if export.rounds == 1 else f"{export.rounds} rounds"
    print(f"{rounds} written to {args.output}", file=sys.stderr)
    if export.undated:
        print(f"left out, their date is unknown: {'; '.join(export.undated)}",
              file=sys.stderr)
    return 0


def _export(args: argparse.Namespace) -> int:
    if args.format == CALENDAR_FORMAT:
        return _export_calendar(args)
    if args.format == ARCHIVE_FORMAT:
        try:
            return run_export_archive(args)
        except BrokenPipeError:
            return _reader_went_away()
    date_from = _optional_date(args.date_from, dayfirst=args.dayfirst, option="--from")
    date_to = _optional_date(args.date_to, dayfirst=args.dayfirst, option="--to")
    if args.format == TIMELINEJS_FORMAT:
        return run_export_timelinejs(args, date_from, date_to)
    fmt = ExportFormat(args.format)
    if fmt in REPORT_FORMATS:
        return run_export_report(args, fmt, date_from, date_to)
    db = open_database(args.sub_db or args.db, create=False)
    try:
        with db.reading() as session:
            if args.output:
                try:
                    count = export_chronology(session, Path(args.output), fmt,
                                              date_from=date_from, date_to=date_to,
                                              tz=args.tz)
                except OSError as exc:
                    # No folder, no permission, a full disk: the user's own file is
                    # what failed, whatever temporary name the writer used.
                    print(f"tracker: cannot write {args.output}: {exc.strerror or exc}",
                          file=sys.stderr)
                    return EXIT_USAGE
                print(f"{count} entries written to {args.output}", file=sys.stderr)
            else:
                try:
                    write_chronology(session, sys.stdout, fmt, date_from=date_from,
                                     date_to=date_to, tz=args.tz)
                    sys.stdout.flush()  # a closed pipe must fail here, not at exit
                except BrokenPipeError:
                    return _reader_went_away()
    finally:
        db.close()
    return 0


def _reader_went_away() -> int:
    """The reader of standard output closed it (``tracker export ... | head``).

    Not an error worth a traceback: point standard output at the null device, so the
    interpreter's final flush of what is still buffered cannot fail again, and exit 1
    (the recipe in the Python documentation of SIGPIPE).
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # stdout is not a real file (replaced, or closed)
        pass
    return EXIT_BROKEN_PIPE
