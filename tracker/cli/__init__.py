"""The `tracker` command: no subcommand opens the window; subcommands work headless.

    tracker [--db DB | --sample] [--smoke-test]
    tracker /path/to/FILE.db                         (as `--db`: the menu entry's Exec=tracker %f)
    tracker sample --db FILE
    tracker export [--db DB] --format csv|json|md|html|pdf|ics|archive|timelinejs …
    tracker import [--db DB] --format acled|ucdp|csv|ics FILE …
    tracker sync ucdp|acled [--db DB] --country NAME [--since DATE] [--version 25.1]
    tracker restore-archive [--db NEW] FILE.json
    tracker round list|show|reschedule|relocate|postpone|cancel|held|restore …
    tracker analysis [--db DB] --round ID|--all …     (also spelled `analyse`)
    tracker backup [--db DB] -o FILE
    tracker restore [--db DB] FILE
    tracker recover [--db DB] -o NEW
    tracker log [--db DB] [--limit N] [--kind KIND] [--tz ZONE]

One module per command group registers its subcommands; each runs through
``boundary.run_command``, the one place that turns errors into messages and exit
statuses. The window and these subcommands call the same services.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from tracker import __version__
from tracker.cli import analysis, archive, backup, export, imports, log, sample, sync
from tracker.cli import round as round_group  # not the builtin round()
from tracker.cli.boundary import run_command

# The order of `tracker --help`.
_GROUPS = (sample, export, imports, sync, archive, round_group, analysis, backup, log)


def build_parser() -> argparse.ArgumentParser:
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
    parser.add_argument("--smoke-test", action="store_true",
                        help="open the window, draw each tab, print what was shown and close "
                             "it: a check that an installed copy starts (status 1 if not)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for group in _GROUPS:
        group.add_parsers(sub)
    return parser


def opened_file_as_db(argv: Sequence[str]) -> list[str]:
    """`tracker /path/to/talks.db` means `tracker --db /path/to/talks.db`: what a file manager
    runs for the menu entry's `Exec=tracker %f` when a database file is opened with it. Only
    a lone absolute path is taken so, which no command name or option can be."""
    if len(argv) == 1 and os.path.isabs(argv[0]):
        return ["--db", argv[0]]
    return list(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(opened_file_as_db(sys.argv[1:] if argv is None else argv))
    if args.command is not None:
        return run_command(args.run, args)
    # The CLI sits above the window in the layers: Qt is imported only when a window is
    # wanted, so every subcommand runs where there is no display and no PySide6.
    from tracker.ui.window.app import run

    return run(args.db, sample=args.sample, smoke_test=args.smoke_test)
