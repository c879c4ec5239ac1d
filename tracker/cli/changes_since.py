"""``tracker export --changed-since DATE|last-export``: what changed since then, and the
record of every export that "last-export" reads (issue 17)."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from tracker.cli.boundary import EXIT_OK, CommandError, file_errors, opened, tell
from tracker.cli.date_options import optional_date
from tracker.io.atomic import atomic_text_writer
from tracker.services.exports.changes_since import (
    changed_since,
    last_export_at,
    write_changes,
)
from tracker.services.exports.export import note_export
from tracker.storage.changed_events import LAST_EXPORT

STANDARD_OUTPUT = "(standard output)"  # where an export without -o went, as noted


def add_changed_since_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--changed-since", metavar="DATE|last-export",
        help="with --format csv: list the events added, corrected or withdrawn since that "
             "day (from its start in --tz) or since the last export made")


def export_changes(args: argparse.Namespace) -> int:
    if args.format != "csv":
        raise CommandError("--changed-since writes CSV: give --format csv")
    with opened(args, read_only=True) as db, db.reading() as session:
        since = _since(args, last_export_at(session))
        changes = changed_since(session, since)
    if not args.output:
        write_changes(changes, sys.stdout)
    else:
        with file_errors("write", args.output, force=args.force), \
                atomic_text_writer(Path(args.output), newline="") as stream:
            write_changes(changes, stream)
        tell(f"{len(changes)} changed events written to {args.output}")
    tell(f"Changes since {since.isoformat(timespec='seconds')}: "
         + (", ".join(f"{sum(c.change == kind for c in changes)} {kind.value}"
                      for kind in sorted({c.change for c in changes})) or "none"))
    return EXIT_OK


def _since(args: argparse.Namespace, last: datetime | None) -> datetime:
    if args.changed_since == LAST_EXPORT:
        if last is None:
            raise CommandError("--changed-since last-export: nothing was exported from this "
                               "database yet; give a day instead")
        return last
    day = optional_date(args.changed_since, dayfirst=args.dayfirst, option="--changed-since")
    assert day is not None
    return datetime.combine(day, time.min, ZoneInfo(args.tz))


def record_export_made(args: argparse.Namespace) -> None:
    """Note the export just made, for --changed-since last-export. A database this user
    cannot write is exported from all the same; its exports are just not noted."""
    with opened(args, read_only=True) as db:
        note_export(db, args.format, args.output or STANDARD_OUTPUT)
