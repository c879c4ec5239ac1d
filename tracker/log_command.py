"""`tracker log`: the edit log, newest first — who added, changed or deleted what, and when."""

from __future__ import annotations

import argparse
import sys

from tracker.domain.timewindow import local_zone_name, zone
from tracker.services.edit_history import KIND_NOUNS, recent_edits
from tracker.storage.database import open_database


def add_log_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    log = sub.add_parser("log", help="show who added, changed or deleted what, and when "
                                     "(newest first)")
    log.add_argument("--db", dest="sub_db", metavar="DB")
    log.add_argument("--limit", type=int, default=50, metavar="N",
                     help="how many entries (default %(default)s)")
    log.add_argument("--kind", choices=sorted(KIND_NOUNS),
                     help="only edits of this kind of record")
    log.add_argument("--tz", metavar="ZONE", default=local_zone_name(),
                     help="zone the times are shown in (default: this computer's, "
                          "%(default)s)")


def run_log(args: argparse.Namespace) -> int:
    shown_in = zone(args.tz)
    db = open_database(args.sub_db or args.db, create=False)
    try:
        with db.reading() as session:
            entries = recent_edits(session, limit=max(args.limit, 0), record_kind=args.kind)
    finally:
        db.close()
    for entry in entries:
        local = entry.changed_at.astimezone(shown_in)
        print(f"{local:%Y-%m-%d %H:%M} {local.tzname()}  {entry.changed_by}  {entry.what}")
    if not entries:
        print("tracker: no edits recorded", file=sys.stderr)
    return 0
