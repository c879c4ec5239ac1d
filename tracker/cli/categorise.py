"""`tracker categorise`: suggest target categories for the events no analyst decided.

    tracker categorise [--db DB]

Runs the rules (resources/target_rules.toml and the database's own) over every event
whose category came from a rule or was never set; an analyst's category is kept. An
import does this for the rows it writes; run it after changing the rules, or once on a
database imported before the rules existed.
"""

from __future__ import annotations

import argparse
import sys
import threading

from tracker.cli.boundary import EXIT_OK, CommandError, Subparsers, add_command, opened, tell
from tracker.services.targets.categorising import categorise


def add_parsers(sub: Subparsers) -> None:
    add_command(sub, "categorise", run_categorise,
                summary="suggest target categories (energy, transport, …) from each "
                        "event's words, where no analyst has decided")


def run_categorise(args: argparse.Namespace) -> int:
    shown = [-1]

    def progress(done: int, total: int) -> None:
        percent = done * 100 // max(total, 1)
        if percent // 5 != shown[0]:
            shown[0] = percent // 5
            print(f"categorising: {done:,} of {total:,} events", file=sys.stderr, flush=True)

    with opened(args) as db:
        try:
            result = categorise(db, progress=progress, cancel=threading.Event())
        except KeyboardInterrupt as exc:
            raise CommandError("categorising interrupted; no category was changed") from exc
    tell(f"{result.examined:,} events looked at; the rules suggested a category for "
         f"{result.categorised:,}, the others are 'unknown'. An analyst's categories "
         f"were kept.")
    return EXIT_OK
