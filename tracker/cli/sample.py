"""``tracker sample --db FILE``: the sample scenario written into a new database."""

from __future__ import annotations

import argparse

from tracker.cli.boundary import EXIT_OK, CommandError, Subparsers, add_command, opened
from tracker.services.common.sample import is_empty, load_sample


def add_parsers(sub: Subparsers) -> None:
    parser = add_command(sub, "sample", run_sample, database=False,
                         summary="write the sample scenario into a new database")
    parser.add_argument("--db", required=True, dest="sub_db", metavar="DB")


def run_sample(args: argparse.Namespace) -> int:
    with opened(args, create=True) as db, db.transaction() as session:
        if not is_empty(session):
            raise CommandError(f"{db.label} already holds data; the sample goes into "
                               "a new database")
        summary = load_sample(session)
    print(f"Sample scenario written to {db.label}: {summary.rounds} rounds, "
          f"{summary.factors} factors, {summary.events} events, {summary.links} links, "
          f"{summary.sources} sources")
    return EXIT_OK
