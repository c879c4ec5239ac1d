"""`tracker export --format timelinejs -o FILE.json`: a TimelineJS timeline and its page.

Writes FILE.json (the data TimelineJS3 reads) and FILE.html beside it, which shows it in
a browser, from disk too. How many events are on it, and how many were left out by the
cap, is said on standard error and on the timeline's title slide: never silently.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from tracker.io.timelinejs_page import page_path
from tracker.services.export_formats import ExportFormat
from tracker.services.timelinejs import write_timeline
from tracker.services.timelinejs_selection import (
    DEFAULT_MAX_EVENTS,
    EventScope,
    TimelineRequest,
)
from tracker.storage.database import open_database

TIMELINEJS_FORMAT = ExportFormat.TIMELINEJS
EXIT_USAGE = 2


def add_timelinejs_arguments(export: argparse.ArgumentParser) -> None:
    """The options only the timelinejs format reads."""
    group = export.add_argument_group("timelinejs")
    group.add_argument("--events", choices=[scope.value for scope in EventScope],
                       default=EventScope.LINKED.value,
                       help="battlefield events on the timeline: those linked to a round or "
                            "factor (default), or all in --from/--to")
    group.add_argument("--max-events", type=int, default=DEFAULT_MAX_EVENTS, metavar="N",
                       help="at most N events, the earliest first; the rest are counted "
                            "and named as left out (default %(default)s)")
    group.add_argument("--timelinejs-assets", metavar="DIR",
                       help="a copy of the npm package @knight-lab/timelinejs (or its dist "
                            "folder) to copy beside the page, for use offline; default: "
                            "the page loads TimelineJS from Knight Lab's CDN")


def run_export_timelinejs(args: argparse.Namespace, date_from: date | None,
                          date_to: date | None) -> int:
    if not args.output:
        print("tracker: --format timelinejs needs -o FILE.json (the page is written "
              "beside it)", file=sys.stderr)
        return EXIT_USAGE
    request = TimelineRequest(tz=args.tz, date_from=date_from, date_to=date_to,
                              events=EventScope(args.events), max_events=args.max_events)
    assets = Path(args.timelinejs_assets) if args.timelinejs_assets else None
    destination = Path(args.output)
    db = open_database(args.sub_db or args.db, create=False)
    try:
        with db.reading() as session:
            try:
                export = write_timeline(session, destination, request, assets=assets)
            except OSError as exc:
                print(f"tracker: cannot write {exc.filename or args.output}: "
                      f"{exc.strerror or exc}", file=sys.stderr)
                return EXIT_USAGE
    finally:
        db.close()
    print(f"Timeline written to {destination} and {page_path(destination)}: "
          f"{export.summary()} (times in {request.tz})", file=sys.stderr)
    if export.capped:
        print(f"tracker: {export.cap_note()} (--from/--to, or --max-events)",
              file=sys.stderr)
    if export.undated:
        print(f"left out, their date is unknown: {'; '.join(export.undated)}",
              file=sys.stderr)
    return 0
