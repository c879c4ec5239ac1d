"""`tracker backup` and `tracker restore`: copies of an SQLite database file, headless.

    tracker backup --db DB -o FILE [--force]
    tracker restore --db DB FILE
    tracker recover --db DB -o NEW [--force]

Both work on the file as it is, without migrating it; a damaged database is not copied.
Restore checks the backup first (integrity, a schema this program knows) and keeps the
replaced content beside the file, a new copy each time, also when it was damaged.
Recover saves what can still be read from a damaged database into a new file.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from tracker.cli.boundary import (
    EXIT_OK,
    Subparsers,
    add_command,
    add_force_option,
    database_target,
    file_errors,
    tell,
)
from tracker.storage.backup import back_up_file, sqlite_file
from tracker.storage.recover import recover
from tracker.storage.restore import restore


def add_parsers(sub: Subparsers) -> None:
    backup = add_command(sub, "backup", run_backup,
                         summary="copy the database to a file with SQLite's online backup "
                                 "API (safe while it is in use)")
    backup.add_argument("-o", "--output", required=True, metavar="FILE",
                        help="the backup file to write (written whole or not at all)")
    add_force_option(backup)
    restore_parser = add_command(
        sub, "restore", run_restore,
        summary="replace the database's content with a backup, after checking it (close "
                "the window first)")
    restore_parser.add_argument("backup", metavar="FILE", help="a file written by "
                                "`tracker backup` or File › Back Up…")

    recover_parser = add_command(
        sub, "recover", run_recover,
        summary="save what can still be read from a damaged database into a new file "
                "(then check it and restore it)")
    recover_parser.add_argument("-o", "--output", required=True, metavar="NEW",
                                help="the new database file to write")
    add_force_option(recover_parser)


def _database(args: argparse.Namespace) -> Path:
    return sqlite_file(database_target(args))


def run_backup(args: argparse.Namespace) -> int:
    database = _database(args)
    with file_errors("write", args.output, force=args.force):
        written = back_up_file(database, Path(args.output))
    tell(f"{database} backed up to {written}")
    return EXIT_OK


def run_restore(args: argparse.Namespace) -> int:
    database = _database(args)
    with file_errors("restore", args.backup):
        result = restore(Path(args.backup), database)
    kept = ""
    if result.previous_saved_to and result.previous_was_damaged:
        kept = (f"; it was damaged, and its bytes as they were are in "
                f"{result.previous_saved_to}")
    elif result.previous_saved_to:
        kept = f"; what it held before is in {result.previous_saved_to}"
    tell(f"{database} restored from {result.restored_from}{kept}")
    return EXIT_OK


def run_recover(args: argparse.Namespace) -> int:
    database = _database(args)
    with file_errors("write", args.output, force=args.force):
        result = recover(database, Path(args.output))
    tell(f"What could be read of {database} was saved to {result.written} "
         f"({result.method})")
    if result.unreadable:
        tell(f"Some rows could not be read in: {', '.join(result.unreadable)}")
    tell(f"Check it (tracker log --db {result.written}), then: "
         f"tracker restore --db {database} {result.written}")
    return EXIT_OK
