"""`tracker log`: the edit log, newest first — who added, changed or deleted what, and when."""

from __future__ import annotations

import argparse

from tracker.cli.boundary import EXIT_OK, Subparsers, add_command, reading, tell
from tracker.cli.numbers import LARGEST_COUNT, whole_number
from tracker.domain.timewindow import local_zone_name, zone
from tracker.services.records.edit_history import KIND_NOUNS, recent_edits


def add_parsers(sub: Subparsers) -> None:
    log = add_command(sub, "log", run_log,
                      summary="show who added, changed or deleted what, and when (newest "
                              "first)")
    log.add_argument("--limit", type=whole_number(0, LARGEST_COUNT), default=50, metavar="N",
                     help="how many entries (default %(default)s)")
    log.add_argument("--kind", choices=sorted(KIND_NOUNS),
                     help="only edits of this kind of record")
    log.add_argument("--tz", metavar="ZONE", default=local_zone_name(),
                     help="zone the times are shown in (default: this computer's, "
                          "%(default)s)")


def run_log(args: argparse.Namespace) -> int:
    shown_in = zone(args.tz)
    with reading(args) as session:
        entries = recent_edits(session, limit=args.limit, record_kind=args.kind)
    for entry in entries:
        local = entry.changed_at.astimezone(shown_in)
        print(f"{local:%Y-%m-%d %H:%M} {local.tzname()}  {entry.changed_by}  {entry.what}")
    if not entries:
        tell("tracker: no edits recorded")
    return EXIT_OK
