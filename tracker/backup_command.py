"""`tracker backup` and `tracker restore`: copies of an SQLite database file, headless.

    tracker backup --db DB -o FILE
    tracker restore --db DB FILE

Both work on the file as it is, without migrating it; restore checks the backup first
(integrity, a schema this program knows) and keeps the replaced content beside the file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tracker.storage.backup import back_up_file, restore, sqlite_file
from tracker.storage.errors import StorageError


def add_backup_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    backup = sub.add_parser("backup", help="copy the database to a file with SQLite's "
                                           "online backup API (safe while it is in use)")
    backup.add_argument("--db", dest="sub_db", metavar="DB")
    backup.add_argument("-o", "--output", required=True, metavar="FILE",
                        help="the backup file to write (written whole or not at all)")
    restore_parser = sub.add_parser(
        "restore", help="replace the database's content with a backup, after checking it "
                        "(close the window first)")
    restore_parser.add_argument("--db", dest="sub_db", metavar="DB")
    restore_parser.add_argument("backup", metavar="FILE", help="a file written by "
                                "`tracker backup` or File › Back Up…")


def _database(args: argparse.Namespace) -> Path:
    return sqlite_file(args.sub_db or args.db)


def run_backup(args: argparse.Namespace) -> int:
    database = _database(args)
    try:
        written = back_up_file(database, Path(args.output))
    except OSError as exc:
        raise StorageError(f"cannot write {args.output}: {exc.strerror or exc}") from exc
    print(f"{database} backed up to {written}", file=sys.stderr)
    return 0


def run_restore(args: argparse.Namespace) -> int:
    database = _database(args)
    try:
        result = restore(Path(args.backup), database)
    except OSError as exc:
        raise StorageError(f"cannot restore {args.backup}: {exc.strerror or exc}") from exc
    kept = (f"; what it held before is in {result.previous_saved_to}"
            if result.previous_saved_to else "")
    print(f"{database} restored from {result.restored_from}{kept}", file=sys.stderr)
    return 0
