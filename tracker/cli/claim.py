"""`tracker claim`: record, list and remove casualty and damage claims (about an event,
or about a day and a place), and choose the figure rule (issue 18). The same operations
as the event pane's Claims section and Edit › Claims on a Day and Place…."""

from __future__ import annotations

import argparse
from datetime import date

from tracker.cli.boundary import EXIT_OK, Subparsers, add_command, reading, tell, transaction
from tracker.cli.numbers import LARGEST_COUNT, record_id, whole_number
from tracker.domain.claims import ClaimantKind, ClaimStatus, Measure
from tracker.services.claims.claim_operations import (
    ClaimDraft,
    add_claim,
    remove_claim,
    set_claim_status,
)
from tracker.services.claims.claims import claims_on_days, event_claims, get_claim
from tracker.services.claims.figure_rule import FigureRule, figure_rule, set_figure_rule
from tracker.services.common.errors import ValidationError

_ID = record_id
_FIGURE = whole_number(0, LARGEST_COUNT)


def add_parsers(sub: Subparsers) -> None:
    group = sub.add_parser(
        "claim", help="record, list and remove casualty and damage claims",
        description="Figures about an event (killed, injured, drones intercepted…) by who "
                    "claims them, with their source and status; and which figure counts.")
    actions = group.add_subparsers(dest="claim_command", metavar="ACTION", required=True)
    add = add_command(actions, "add", _run_add,
                      summary="record a claim about an event, or about a day and a place")
    add.add_argument("event_id", type=_ID, metavar="EVENT_ID", nargs="?",
                     help="the event; leave out for a claim on --day (and --place)")
    add.add_argument("--day", metavar="YYYY-MM-DD",
                     help="the day a claim no recorded event carries speaks of")
    add.add_argument("--place", default="", help="where, for a claim on --day")
    add.add_argument("--measure", required=True,
                     help="what it counts: " + ", ".join(m.value for m in Measure) +
                          ", or a measure of your own")
    add.add_argument("--claimant", required=True, help="who gives the figure")
    add.add_argument("--kind", choices=[kind.value for kind in ClaimantKind],
                     default=ClaimantKind.OTHER.value, help="default %(default)s")
    add.add_argument("--value", type=_FIGURE, help="the figure (its best estimate)")
    add.add_argument("--low", type=_FIGURE, help="the low end of a range")
    add.add_argument("--high", type=_FIGURE, help="the high end of a range")
    add.add_argument("--source", type=_ID, metavar="SOURCE_ID", help="the source's id")
    add.add_argument("--status", choices=[status.value for status in ClaimStatus],
                     default=ClaimStatus.CLAIMED.value, help="default %(default)s")
    add.add_argument("--note", default="")
    listing = add_command(actions, "list", _run_list,
                          summary="every claim of an event, its dataset's figures first")
    listing.add_argument("event_id", type=_ID, metavar="EVENT_ID")
    days = add_command(actions, "days", _run_days,
                       summary="the claims on a day and a place (no event), by day")
    days.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD")
    days.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD")
    remove = add_command(actions, "remove", _run_remove, summary="remove a recorded claim")
    remove.add_argument("claim_id", type=_ID, metavar="CLAIM_ID")
    status = add_command(actions, "status", _run_status,
                         summary="mark a claim claimed, corroborated or disputed")
    status.add_argument("claim_id", type=_ID, metavar="CLAIM_ID")
    status.add_argument("status", choices=[value.value for value in ClaimStatus])
    rule = add_command(actions, "rule", _run_rule,
                       summary="show or choose which figure counts as killed and injured")
    rule.add_argument("rule", nargs="?", choices=[value.value for value in FigureRule])


def _run_add(args: argparse.Namespace) -> int:
    day = _day(args.day, "--day")
    with transaction(args) as session:
        done = add_claim(session, ClaimDraft(
            measure=args.measure, claimant=args.claimant, best=args.value, low=args.low,
            high=args.high, event_id=args.event_id, day=day, place=args.place,
            claimant_kind=args.kind, source_id=args.source, status=args.status,
            note=args.note))
        assert done.record_id is not None
        told = get_claim(session, done.record_id)
    print(f"claim {done.record_id}: {told.attribution}")
    return EXIT_OK


def _run_list(args: argparse.Namespace) -> int:
    with reading(args) as session:
        claims = event_claims(session, args.event_id)
    for claim in claims:
        label = "dataset" if claim.claim_id is None else f"claim {claim.claim_id}"
        print(f"{label}: {claim.attribution}")
    if not claims:
        tell(f"tracker: event {args.event_id} has no figures and no claims")
    return EXIT_OK


def _run_days(args: argparse.Namespace) -> int:
    first, last = _day(args.date_from, "--from"), _day(args.date_to, "--to")
    with reading(args) as session:
        claims = claims_on_days(session, first, last)
    for claim in claims:
        where = f" at {claim.place}" if claim.place else ""
        print(f"claim {claim.claim_id}: {claim.day}{where}: {claim.attribution}")
    if not claims:
        tell("tracker: no claims on a day and place")
    return EXIT_OK


def _day(text: str | None, option: str) -> date | None:
    """A YYYY-MM-DD day typed for *option*, if any."""
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValidationError(option, f"{option} wants a day as YYYY-MM-DD, not "
                                      f"{text!r}") from None


def _run_remove(args: argparse.Namespace) -> int:
    with transaction(args) as session:
        told = get_claim(session, args.claim_id)
        remove_claim(session, args.claim_id)
    print(f"removed claim {args.claim_id}: {told.attribution}")
    return EXIT_OK


def _run_status(args: argparse.Namespace) -> int:
    with transaction(args) as session:
        set_claim_status(session, args.claim_id, args.status)
        told = get_claim(session, args.claim_id)
    print(f"claim {args.claim_id}: {told.attribution}")
    return EXIT_OK


def _run_rule(args: argparse.Namespace) -> int:
    if args.rule is None:
        with reading(args) as session:
            rule = figure_rule(session)
    else:
        with transaction(args) as session:
            set_figure_rule(session, args.rule)
            rule = figure_rule(session)
    print(f"{rule.value}: {rule.sentence}")
    return EXIT_OK
