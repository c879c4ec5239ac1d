"""``tracker reconcile``: one event told by two datasets, from the command line.

    tracker reconcile find --left ACLED --right "UCDP GED" [--km 10]
    tracker reconcile list [--status proposed|accepted|rejected|all] [--limit N]
    tracker reconcile accept ID [ID ...] | --above SCORE [--left A --right B]
    tracker reconcile reject ID [ID ...]
    tracker reconcile prefer DATASET [DATASET ...]

The window's Reconciliation dialog and these commands call the same services
(services/reconcile): a search proposes pairs, each decision is one transaction, and an
accepted pair counts once, with the figures of the dataset preferred (``prefer``).
"""

from __future__ import annotations

import argparse
import sys

from tracker.cli.boundary import (
    EXIT_OK,
    CommandError,
    Subparsers,
    add_command,
    reading,
    tell,
    transaction,
)
from tracker.cli.numbers import record_id
from tracker.domain.matches import DEFAULT_MAX_KM, MatchStatus
from tracker.services.reconcile import decisions
from tracker.services.reconcile.finding import FindProgress, find_candidates, search_terms
from tracker.services.reconcile.pairs import PAGE, PairRow, count_pairs, list_pairs


def add_parsers(sub: Subparsers) -> None:
    group = sub.add_parser(
        "reconcile", help="pair events that two datasets both report, and decide the pairs",
        description="Find events that two datasets both report (the same days, within a "
                    "distance, of compatible types), list the pairs, and accept or reject "
                    "them. An accepted pair counts once.")
    actions = group.add_subparsers(dest="reconcile_command", metavar="ACTION", required=True)
    find = add_command(actions, "find", _run_find,
                       summary="propose pairs between two datasets")
    _dataset_options(find, required=True)
    find.add_argument("--km", type=float, default=DEFAULT_MAX_KM,
                      help="the largest distance between the two places (default "
                           "%(default)s km)")
    listing = add_command(actions, "list", _run_list, summary="the pairs, best score first")
    listing.add_argument("--status", default=MatchStatus.PROPOSED.value,
                         choices=[*(status.value for status in MatchStatus), "all"],
                         help="default %(default)s")
    listing.add_argument("--limit", type=record_id, default=50,
                         help="at most this many pairs (default %(default)s)")
    accept = add_command(actions, "accept", _run_accept,
                         summary="accept pairs: each counts as one event")
    accept.add_argument("ids", nargs="*", type=record_id, metavar="ID",
                        help="the pairs' ids (tracker reconcile list)")
    accept.add_argument("--above", type=float, metavar="SCORE",
                        help="accept every proposed pair scoring at least SCORE (0..1)")
    _dataset_options(accept, required=False)
    reject = add_command(actions, "reject", _run_reject,
                         summary="reject pairs: they are two events")
    reject.add_argument("ids", nargs="+", type=record_id, metavar="ID")
    prefer = add_command(actions, "prefer", _run_prefer,
                         summary="whose figures an accepted pair shows, most preferred "
                                 "first (the project's setting)")
    prefer.add_argument("datasets", nargs="+", metavar="DATASET")


def _dataset_options(parser: argparse.ArgumentParser, *, required: bool) -> None:
    parser.add_argument("--left", required=required, metavar="DATASET",
                        help="the dataset searched from (e.g. ACLED)")
    parser.add_argument("--right", required=required, metavar="DATASET",
                        help="the dataset compared with it (e.g. 'UCDP GED')")


def _run_find(args: argparse.Namespace) -> int:
    terms = search_terms(args.left, args.right, args.km)
    shown = -1

    def progress(update: FindProgress) -> None:
        nonlocal shown
        percent = int(update.fraction * 100)
        if percent // 10 != shown // 10:
            shown = percent
            tell(f"{percent:3d}%  searching")

    with transaction(args, what="search") as session:
        result = find_candidates(session, terms, progress=progress)
    print(result.summary())
    return EXIT_OK


def _run_list(args: argparse.Namespace) -> int:
    status = None if args.status == "all" else MatchStatus(args.status)
    with reading(args) as session:
        rows = list_pairs(session, status, limit=min(args.limit, PAGE))
        total = count_pairs(session, status)
    for row in rows:
        print(_pair_text(row))
    tell(f"{len(rows):,} of {total:,} pairs shown")
    return EXIT_OK


def _pair_text(row: PairRow) -> str:
    lines = [f"#{row.match_id}  score {row.score:.3f}  {row.distance_km:.1f} km  "
             f"{row.status.value}"]
    for side in (row.left, row.right):
        lines.append(f"    {side.dataset} {side.external_id}: {side.when}, {side.place}, "
                     f"{side.event_type}, fatalities {side.figures}")
    return "\n".join(lines)


def _run_accept(args: argparse.Namespace) -> int:
    if (args.above is None) == (not args.ids):
        raise CommandError("give the pairs' ids, or --above SCORE (not both)")
    if (args.left is None) != (args.right is None):
        raise CommandError("--left and --right go together")
    with transaction(args) as session:
        if args.above is not None:
            datasets = (args.left, args.right) if args.left is not None else None
            ids = decisions.pairs_above(session, args.above, datasets)
        else:
            ids = list(args.ids)
        decisions.accept(session, ids)
    print(f"{len(ids):,} pairs accepted")
    return EXIT_OK


def _run_reject(args: argparse.Namespace) -> int:
    with transaction(args) as session:
        decisions.reject(session, list(args.ids))
    print(f"{len(args.ids):,} pairs rejected")
    return EXIT_OK


def _run_prefer(args: argparse.Namespace) -> int:
    with transaction(args) as session:
        decisions.set_preferred(session, args.datasets)
    print("Accepted pairs now show the figures of: " + " > ".join(args.datasets),
          file=sys.stdout)
    return EXIT_OK
