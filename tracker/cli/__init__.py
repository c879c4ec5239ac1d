"""The `tracker` command: no subcommand opens the window; subcommands work headless.

    tracker [--db DB | --sample] [--smoke-test]
    tracker /path/to/FILE.db                         (as `--db`: the menu entry's Exec=tracker %f)
    tracker sample --db FILE
    tracker export [--db DB] --format csv|json|md|html|pdf|ics|archive|timelinejs …
    tracker import [--db DB] --format acled|ucdp|csv|ics FILE …
    tracker sync ucdp|acled [--db DB] --country NAME [--since DATE] [--version 25.1]
    tracker restore-archive [--db NEW] FILE.json
    tracker round list|show|reschedule|relocate|postpone|cancel|held|restore …
    tracker claim add|list|remove|status|rule …
    tracker analysis [--db DB] --round ID|--all …     (also spelled `analyse`)
    tracker backup [--db DB] -o FILE
    tracker categorise [--db DB]
    tracker restore [--db DB] FILE
    tracker recover [--db DB] -o NEW
    tracker log [--db DB] [--limit N] [--kind KIND] [--tz ZONE]
    tracker reconcile find|list|accept|reject|prefer …

One module per command group registers its subcommands; each runs through
``boundary.run_command``, the one place that turns errors into messages and exit
statuses. The window and these subcommands call the same services.

Only the group of the command typed is imported (the table _GROUPS says which group
registers which command), and none when the window is wanted: the subcommands bring
SQLAlchemy, the analysis and the exporters, which cost the window half a second before
its first paint (issue 19). ``tracker --help`` and a mistyped command import them all.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from tracker import __version__

# Each command group's module (tracker/cli/<module>.py) and the commands it registers, in
# the order of `tracker --help`. tests/cli/test_command_groups.py checks it.
_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("sample", ("sample",)),
    ("export", ("export",)),
    ("imports", ("import",)),
    ("sync", ("sync",)),
    ("archive", ("restore-archive",)),
    ("round", ("round",)),
    ("claim", ("claim",)),
    ("analysis", ("analysis", "analyse")),
    ("reconcile", ("reconcile",)),
    ("backup", ("backup", "restore", "recover")),
    ("log", ("log",)),
    ("categorise", ("categorise",)),
)
_OPTIONS_WITH_VALUE = ("--db",)


def _top_parser() -> argparse.ArgumentParser:
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
    return parser


def group_modules(command: str | None = None) -> list[str]:
    """The group modules to import for *command*: its own, or all (None, or unknown)."""
    owning = [module for module, commands in _GROUPS if command in commands]
    return owning or [module for module, _commands in _GROUPS]


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The `tracker` parser: every subcommand, or only *command*'s group when it is known
    (the parse is the same for a line naming that command, and the others stay unimported)."""
    parser = _top_parser()
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in group_modules(command):
        importlib.import_module(f"tracker.cli.{module}").add_parsers(sub)
    return parser


def command_word(argv: Sequence[str]) -> str | None:
    """The subcommand *argv* names: its first word that is neither an option nor the value
    of one (`tracker --db talks.db log` names `log`); None for the window."""
    words = iter(argv)
    for word in words:
        if word in _OPTIONS_WITH_VALUE:
            next(words, None)
        elif word == "--" or not word.startswith("-"):
            return word
    return None


def _wants_help(argv: Sequence[str]) -> bool:
    return any(word in ("-h", "--help") for word in argv)


def opened_file_as_db(argv: Sequence[str]) -> list[str]:
    """`tracker /path/to/talks.db` means `tracker --db /path/to/talks.db`: what a file manager
    runs for the menu entry's `Exec=tracker %f` when a database file is opened with it. Only
    a lone absolute path is taken so, which no command name or option can be."""
    if len(argv) == 1 and os.path.isabs(argv[0]):
        return ["--db", argv[0]]
    return list(argv)


# What a command ended by Ctrl+C exits with: the shells' own 128 + SIGINT.
EXIT_INTERRUPTED = 130


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command (or the window) *argv* names. A Ctrl+C that no command turned into
    a message of its own (an import says what it kept) ends it with one line, not a
    traceback: pressed while the command still starts (its modules take a second to
    load, and the database to open), or in a command that does not catch it."""
    try:
        return _run(argv)
    except KeyboardInterrupt:
        print("tracker: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED


def _run(argv: Sequence[str] | None) -> int:
    words = opened_file_as_db(sys.argv[1:] if argv is None else argv)
    command = command_word(words)
    if command is None and not _wants_help(words):
        # The window: the same options and the same errors, no subcommand imported.
        window_parser = _top_parser()
        window_parser.add_subparsers(dest="command", metavar="COMMAND")
        args = window_parser.parse_args(words)
    else:
        args = build_parser(command).parse_args(words)
    if args.command is not None:
        from tracker.cli.boundary import run_command  # SQLAlchemy: the commands' path only

        return run_command(args.run, args)
    # The CLI sits above the window in the layers: Qt is imported only when a window is
    # wanted, so every subcommand runs where there is no display and no PySide6.
    from tracker.ui.window.app import run

    return run(args.db, sample=args.sample, smoke_test=args.smoke_test)
