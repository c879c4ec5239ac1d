"""``tracker restore-archive``: a whole database back from its archive.

    tracker restore-archive [--db NEW] FILE.json

The archive is what ``tracker export --format archive`` (or File › Export Archive…)
writes; it is restored into an empty database only (a new file, or a new server
database), so nothing already there is overwritten or merged. ``tracker import --format
json`` (or ``archive``), the older spelling, does the same.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from tracker.cli.boundary import EXIT_OK, Subparsers, add_command, opened, unchanged_on_failure
from tracker.services.exports.archive_import import import_archive


def add_parsers(sub: Subparsers) -> None:
    parser = add_command(
        sub, "restore-archive", run_restore_archive,
        summary="restore a whole database from an archive (export --format archive) into "
                "a new, empty database",
        description="Load an archive written by `tracker export --format archive` into an "
                    "empty database: a new file, or a new server database. A database "
                    "that already holds data is refused, and nothing is written.")
    parser.add_argument("file", metavar="FILE", help="the archive (JSON)")


def run_restore_archive(args: argparse.Namespace) -> int:
    with opened(args, create=True) as db, unchanged_on_failure("import"):
        summary = import_archive(db, Path(args.file))
    print(f"Archive imported into {db.label}: {summary.describe()}")
    return EXIT_OK
