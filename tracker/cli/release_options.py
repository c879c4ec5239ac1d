"""``tracker import``'s release options (issue 17): which release a file is, what it
speaks for, and whether an older one may overwrite a newer one."""

from __future__ import annotations

import argparse
from datetime import date

from tracker.cli.boundary import CommandError
from tracker.services.imports.import_scope import parse_scope
from tracker.services.imports.importing import ImportFormat, ReleaseOptions
from tracker.services.imports.releases import given_ucdp_release


def add_release_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--release", metavar="VERSION",
        help="for --format ucdp: the GED version (23.1, or candidate); default: read "
             "from the file name, else from the years the file covers")
    parser.add_argument(
        "--release-date", metavar="DAY",
        help="for --format csv: the day this release of the dataset was published "
             "(2024-05-31); an older release never overwrites a newer one")
    parser.add_argument(
        "--scope", metavar="SCOPE",
        help='what the release covers, e.g. "country=Ukraine, 2014-01-01..2023-12-31": '
             "its events missing from the file are marked withdrawn (default: the "
             "file's own countries and first to last day)")
    parser.add_argument(
        "--allow-older", action="store_true",
        help="let an older release overwrite the values of a newer one (by default its "
             "differences are reported and skipped)")


def release_options(args: argparse.Namespace, fmt: ImportFormat) -> ReleaseOptions:
    """The release options given, checked before anything is read."""
    release = None
    if args.release is not None:
        if fmt is not ImportFormat.UCDP:
            raise CommandError("--release is for --format ucdp; give a CSV's release "
                               "as --release-date")
        release = given_ucdp_release(args.release)
    release_date = None
    if args.release_date is not None:
        if fmt is not ImportFormat.CSV:
            raise CommandError("--release-date is for --format csv (ACLED's timestamps "
                               "and UCDP's version say which release a row is)")
        try:
            release_date = date.fromisoformat(args.release_date)
        except ValueError as exc:
            raise CommandError(f"--release-date {args.release_date!r}: write the day as "
                               "2024-05-31") from exc
    scope = parse_scope(args.scope) if args.scope is not None else None
    return ReleaseOptions(release=release, release_date=release_date, scope=scope,
                          allow_older=args.allow_older)
