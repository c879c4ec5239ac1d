"""``tracker import``: a dataset file into the database, with a progress line and a summary.

    tracker import [--db DB] --format acled|ucdp|csv FILE [--strict]
                   [--map FIELD=COLUMN ...] [--dataset NAME] [--dayfirst] [--report OUT]
                   [--release VERSION] [--release-date DAY] [--scope SCOPE] [--allow-older]
                   [--force]
    tracker import [--db DB] --format ics FILE [--strict]   (rounds, added or updated by UID)
    tracker import --db NEW --format json|archive FILE.json (= tracker restore-archive)

Exit status 0 when every record was imported, 1 when some were rejected (they are listed,
and saved with --report), 2 when the file was refused or the import stopped: then
nothing was written.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from tracker.cli.archive import run_restore_archive
from tracker.cli.boundary import (
    EXIT_OK,
    EXIT_SOME_REFUSED,
    CommandError,
    Subparsers,
    add_command,
    opened,
    tell,
    unchanged_on_failure,
)
from tracker.cli.release_options import add_release_arguments, release_options
from tracker.io.generic_layout import MAPPABLE_FIELDS, ColumnMapping
from tracker.io.input_errors import InputFileError
from tracker.services.imports.import_report import ImportReport, write_report
from tracker.services.imports.importing import (
    ImportFormat,
    ImportProgress,
    ImportTarget,
    build_after_import,
    formats_for,
    import_events,
)
from tracker.services.rounds.calendar_import import import_calendar_file

_LISTED_REJECTIONS = 20


def _import_events(args: argparse.Namespace) -> int:
    path = Path(args.file)
    fmt = ImportFormat(args.format)
    mapping = _mapping(args)
    releases = release_options(args, fmt)
    # --dayfirst alone reads the file again with the mapping last used (issue 17).
    dayfirst = True if args.dayfirst and mapping is None else None
    report_path = _report_target(args.report)
    started = time.monotonic()
    with opened(args, create=True) as db, _ProgressLine() as line:
        with unchanged_on_failure("import", db):
            try:
                # The command line never cancels: Ctrl+C does, by interrupting.
                report = import_events(db, path, fmt, strict=args.strict, mapping=mapping,
                                       progress=line, cancel=threading.Event(),
                                       releases=releases, dayfirst=dayfirst,
                                       force=args.force, defer_build=args.usable_first,
                                       second_processes=True)  # the program's own process
            except KeyboardInterrupt as exc:
                raise CommandError("import interrupted; the database is as it was") from exc
        usable = time.monotonic() - started
        try:
            built = build_after_import(db, progress=line, second_processes=True)
        except KeyboardInterrupt as exc:
            raise CommandError("the events are imported; their categories, the search "
                               "index, map cells and sort indexes will be built when the "
                               "database is next opened") from exc
    _print_report(report)
    # Both times from the command's start: a plain import builds everything before it
    # commits, so its events are usable only then; --usable-first commits them first.
    finished = time.monotonic() - started if built else usable
    print(f"  usable after {usable:.1f} s, everything built after {finished:.1f} s")
    if report_path is not None:
        try:
            write_report(report, report_path)
        except OSError as exc:
            raise CommandError(f"the import is done, but the report could not be written "
                               f"to {report_path}: {exc.strerror or exc}") from exc
        tell(f"Report written to {report_path}")
    return EXIT_SOME_REFUSED if report.rejected else EXIT_OK


def _report_target(text: str | None) -> Path | None:
    """--report, checked before the import commits: a folder or a missing one used to
    fail only after it, with a traceback (issue 14, F14)."""
    if text is None:
        return None
    path = Path(text)
    if path.is_dir():
        raise CommandError(f"--report {text} is a folder; name the file to write")
    folder = path.parent
    if not folder.is_dir():
        raise CommandError(f"--report {text}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise CommandError(f"--report {text}: cannot write in the folder {folder}")
    return path


def _import_calendar(args: argparse.Namespace) -> int:
    """Rounds from an iCalendar file; each refused event is listed with its line and UID."""
    with opened(args, create=True) as db, unchanged_on_failure("import", db):
        result = import_calendar_file(db, Path(args.file), strict=args.strict)
    print(result.summary())
    for problem in result.refused:
        print(f"  refused: {problem}")
    return EXIT_SOME_REFUSED if result.refused else EXIT_OK


# What imports each kind of file the import formats' registry holds (io.import_formats).
_BY_TARGET: dict[ImportTarget, Callable[[argparse.Namespace], int]] = {
    ImportTarget.EVENTS: _import_events,
    ImportTarget.ROUNDS: _import_calendar,
}
# Every --format and what imports it: the one list of this command's choices. "json" and
# "archive" are the older spelling of `tracker restore-archive`.
_IMPORTERS: dict[str, Callable[[argparse.Namespace], int]] = {
    **{fmt.value: _BY_TARGET[fmt.target] for fmt in ImportFormat},
    "json": run_restore_archive,
    "archive": run_restore_archive,
}


def add_parsers(sub: Subparsers) -> None:
    parser = add_command(
        sub, "import", run_import,
        summary="import battlefield events from an ACLED, UCDP or other CSV file, or "
                "rounds from a calendar")
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("--format", required=True, choices=list(_IMPORTERS),
                        help=_format_help())
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
                        help="save the summary, every rejected record, every changed field "
                             "(old and new value) and every withdrawn event as CSV")
    add_release_arguments(parser)
    parser.add_argument("--force", action="store_true",
                        help="import even when another dataset already holds these rows")
    parser.add_argument("--usable-first", action="store_true",
                        help="commit the events as soon as they can be browsed, counted "
                             "and filtered, then build the search index, map cells and "
                             "sort indexes (a build cut short is finished on next open)")


def _format_help() -> str:
    """--format's help, naming the registry's formats of each kind of file."""
    def either(formats: list[ImportFormat]) -> str:
        names = [fmt.value for fmt in formats]
        return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"

    return (f"{either(formats_for(ImportTarget.EVENTS))}: battlefield events; "
            f"{either(formats_for(ImportTarget.ROUNDS))}: rounds from a calendar, added "
            "or updated by UID; json or archive: an alias of `tracker restore-archive` "
            "(into a new, empty --db)")


def run_import(args: argparse.Namespace) -> int:
    return _IMPORTERS[args.format](args)


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
    """One line on standard error, rewritten in place on a terminal, every ~2 % otherwise.

    Used as a context manager, it ends the line it rewrote, so the summary or an error
    message that follows starts on a line of its own.
    """

    def __init__(self) -> None:
        self.terminal = sys.stderr.isatty()
        self.last_shown = -1
        self.open_line = False  # a line ended by "\r", that the next output would overwrite

    def __enter__(self) -> _ProgressLine:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if self.open_line:
            print(file=sys.stderr)

    def __call__(self, progress: ImportProgress) -> None:
        end = "\r" if self.terminal else "\n"
        self.open_line = self.terminal
        if progress.after_commit:  # the events are usable: what is still being built
            built = f" ({progress.step_built})" if progress.step_built else ""
            text = f"building: {progress.indexes_built} of {progress.indexes_total} done{built}"
            print(f"{text:<70}", end=end, file=sys.stderr, flush=True)
            return
        if progress.indexing:
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
        print(f"{text:<70}", end=end, file=sys.stderr, flush=True)


def _print_report(report: ImportReport) -> None:
    print(report.summary())
    if report.release:
        print(f"  release: {report.release}; scope: {report.scope}")
    for note in report.notes:
        print(f"  note: {note}")
    for rejection in report.rejections[:_LISTED_REJECTIONS]:
        print(f"  rejected: {rejection}")
    if report.rejected > _LISTED_REJECTIONS:
        print(f"  … and {report.rejected - _LISTED_REJECTIONS:,} more rejected records "
              "(--report OUT saves them all)")
