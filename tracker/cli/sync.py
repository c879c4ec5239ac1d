"""``tracker sync``: a country's events pulled from UCDP's or ACLED's API and imported.

    tracker sync ucdp [--db DB] --country Ukraine [--version 25.1] [--since DATE]
                      [--allow-older] [--report OUT]
    tracker sync acled [--db DB] --country Ukraine [--since DATE] [--allow-older] [--report OUT]
    tracker sync ucdp|acled --set-credentials     (asks, and keeps them in the OS keyring)

The records go through the same import as the dataset's file (``tracker import``), with
its summary, report and exit statuses: 0 every record imported, 1 some rejected, 2
nothing changed (no network, refused credentials, a server failing past its retries,
Ctrl+C). The pages are fetched before the database is opened, so a sync that cannot
reach its source creates no database file either.
"""

from __future__ import annotations

import argparse
import getpass
import sys
import threading

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
from tracker.cli.date_options import optional_date
from tracker.cli.imports import _print_report, _ProgressLine, _report_target
from tracker.services.imports.import_report import write_report
from tracker.services.imports.importing import ImportProgress
from tracker.services.sync.credentials import SECRETS, store_credentials
from tracker.services.sync.sources import DEFAULT_UCDP_VERSION, Source, SyncRequest
from tracker.services.sync.syncing import FetchProgress, fetched_records, import_fetched


def add_parsers(sub: Subparsers) -> None:
    parser = add_command(
        sub, "sync", run_sync,
        summary="update a country's battlefield events from UCDP's or ACLED's API "
                "(the same import as their files)")
    parser.add_argument("source", choices=[source.value for source in Source],
                        help="ucdp: UCDP GED (an access token); acled: ACLED (your myACLED "
                             "e-mail and password)")
    parser.add_argument("--country", metavar="NAME",
                        help="the country whose events to fetch (for UCDP a name it knows, "
                             "or its Gleditsch–Ward number: 369 for Ukraine)")
    parser.add_argument("--since", metavar="DATE",
                        help="only events from this day on (default: all of them)")
    parser.add_argument("--version", default=DEFAULT_UCDP_VERSION, metavar="RELEASE",
                        help=f"ucdp: the GED release (default {DEFAULT_UCDP_VERSION}; "
                             "e.g. 25.0.10 for a Candidate release)")
    parser.add_argument("--allow-older", action="store_true",
                        help="let an older release's values overwrite newer ones already "
                             "stored (otherwise they are listed and skipped)")
    parser.add_argument("--set-credentials", action="store_true",
                        help="ask for the source's credentials and keep them in the "
                             "operating system's keyring (then sync, if --country is given)")
    parser.add_argument("--report", metavar="OUT",
                        help="save the summary and every rejected record as CSV")


def run_sync(args: argparse.Namespace) -> int:
    source = Source(args.source)
    if args.set_credentials:
        _ask_credentials(source)
        if args.country is None:
            return EXIT_OK
    if args.country is None:
        raise CommandError(f"name the country to update: tracker sync {source.value} "
                           "--country NAME")
    since = optional_date(args.since, dayfirst=False, option="--since")
    request = SyncRequest(source, args.country, since, args.version,
                          allow_older=args.allow_older).checked()
    report_path = _report_target(args.report)
    cancel = threading.Event()  # the command line never cancels: Ctrl+C does
    line = _SyncProgressLine()
    with line:
        try:
            with fetched_records(request, progress=line, cancel=cancel) as fetched:
                if fetched.path is None:  # the source has no such events: no database
                    line.close()
                    print(_nothing_fetched(request))
                    return EXIT_OK
                with opened(args, create=True) as db, unchanged_on_failure("sync", db):
                    result = import_fetched(db, fetched, progress=line, cancel=cancel,
                                            second_processes=True)
        except KeyboardInterrupt as exc:
            raise CommandError("sync interrupted; the database is as it was") from exc
    print(result.summary())
    assert result.report is not None
    _print_report(result.report)
    if report_path is not None:
        try:
            write_report(result.report, report_path)
        except OSError as exc:
            raise CommandError(f"the sync is done, but the report could not be written "
                               f"to {report_path}: {exc.strerror or exc}") from exc
        tell(f"Report written to {report_path}")
    return EXIT_SOME_REFUSED if result.report.rejected else EXIT_OK


def _nothing_fetched(request: SyncRequest) -> str:
    return f"{request.describe()}: the source has no events for this; nothing was changed"


def _ask_credentials(source: Source) -> None:
    """Ask for each of *source*'s credentials on the terminal (secrets without echo) and
    keep them in the keyring; an empty answer forgets that one."""
    if not sys.stdin.isatty():
        raise CommandError("--set-credentials asks on a terminal; run it in one")
    values = {}
    for secret in SECRETS[source]:
        prompt = f"{secret.label} (empty to forget): "
        values[secret.account] = getpass.getpass(prompt) if secret.hidden else input(prompt)
    store_credentials(source, values)
    tell(f"{source.label} credentials kept in the operating system's keyring")


class _SyncProgressLine(_ProgressLine):
    """The import's progress line, with the pages of the download before it."""

    def __call__(self, progress: ImportProgress | FetchProgress) -> None:
        if isinstance(progress, ImportProgress):
            super().__call__(progress)
            return
        end = "\r" if self.terminal else "\n"
        self.open_line = self.terminal
        total = f" of {progress.total_pages}" if progress.total_pages else ""
        text = (f"fetching from {progress.host}: page {progress.pages}{total}, "
                f"{progress.records:,} events")
        print(f"{text:<70}", end=end, file=sys.stderr, flush=True)

    def close(self) -> None:
        """End a line left open, so what follows starts on its own."""
        if self.open_line:
            print(file=sys.stderr)
            self.open_line = False
