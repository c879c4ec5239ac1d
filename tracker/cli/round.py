"""``tracker round``: the schedule from the command line, through the window's operations.

    tracker round list [--status S] [--format table|csv|json] [--as-of DATE [--tz ZONE]]
    tracker round show ID [--tz ZONE]
    tracker round reschedule ID --start WHEN [--end WHEN] [--precision day|week|month|exact]
                             [--tz ZONE] [--dayfirst] --reason TEXT [--factor ID] [--source ID]
    tracker round relocate ID --venue ID|NAME [--keep wall-clock|instant] --reason TEXT
                           [--factor ID] [--source ID]
    tracker round postpone|cancel|held|delete|restore ID --reason TEXT [--factor ID] [--source ID]
    (each change also takes [--announced WHEN]: when it was made public, a day or a time)
    tracker round edit ID [--title T] [--format F] [--modality in-person|virtual|hybrid|unknown]
                          [--agenda TEXT] [--outcome TEXT] [--if-version N]

Each change is one operation in one transaction, writing one history entry; a refused
change (a date that cannot be read, an unknown venue, a status move the rules forbid, a
round that does not exist) is told with the window's own message, exit status 2, and the
database is left as it was. ``edit`` changes what a round is about (its fields that are
not its schedule, one option each, from the round's field table) through ``edit_record``,
as the window's Edit Round dialog does. Typed dates are read by the Reschedule dialog's
functions (domain/dates.py), in the round's current zone unless --tz says otherwise.
A relocation to a venue in another zone moves the round's times into it, keeping the
wall-clock time or the instant as --keep says; without it, such a move is refused with
what each would make of the round (services/rounds/relocation.py).
``list --as-of DATE`` lists the rounds as they were known at the end of that day in --tz,
under a line that says so (on standard error for csv and json, which stay data).
"""

from __future__ import annotations

import argparse
import sys
from typing import Protocol

from sqlalchemy.orm import Session

from tracker.cli.boundary import (
    EXIT_OK,
    CommandError,
    Subparsers,
    add_command,
    for_option,
    reading,
    tell,
    transaction,
)
from tracker.cli.date_options import add_as_of_option, as_of_from
from tracker.cli.numbers import record_id
from tracker.cli.round_views import ListFormat, as_of_heading, show_text, write_rounds
from tracker.domain.dates import parse_announcement, parse_window, widen_window, window_with_end
from tracker.domain.enums import Precision, RoundStatus
from tracker.domain.timewindow import ScheduledWindow, local_zone_name, zone
from tracker.domain.whole_numbers import is_whole_number
from tracker.services import rounds
from tracker.services.common.errors import NotFoundError, ValidationError
from tracker.services.common.outcome import Outcome
from tracker.services.records.conflicts_kinds import (
    DETAIL_FIELDS,
    DETAIL_WORDS,
    ROUND,
    choice_words,
    value_of_word,
    value_text,
)
from tracker.services.records.record_edits import current, edit_record
from tracker.services.records.reference import list_venues
from tracker.services.rounds import ChangeNote, history, list_rounds, round_detail, round_row
from tracker.services.rounds.relocation import KeepTime


class _Intent(Protocol):
    def __call__(self, session: Session, round_id: int, note: ChangeNote, *,
                 expected_version: int | None = None) -> Outcome: ...


# The intents that need nothing but the round and a note, by subcommand.
# Each is the window's own operation (tracker.services.rounds): the service decides every
# rule, the status a change leads to included.
_STATUS_INTENTS: dict[str, tuple[_Intent, str]] = {
    "postpone": (rounds.postpone, "postpone a round: its date becomes unknown"),
    "cancel": (rounds.cancel, "cancel a round (it was called off)"),
    "held": (rounds.mark_held, "mark a round held"),
    "delete": (rounds.delete, "delete a round: hidden, with its history kept (restore brings "
                        "it back)"),
    "restore": (rounds.restore, "bring back a deleted round"),
}
# The --precision choices: what a typed date may be taken as (default: as typed).
PRECISIONS = {precision.value: precision for precision in
              (Precision.DAY, Precision.WEEK, Precision.MONTH, Precision.EXACT)}


def add_parsers(sub: Subparsers) -> None:
    group = sub.add_parser("round", help="list, show and edit rounds and their schedules",
                           description="List, show and edit rounds; reschedule, relocate, "
                                       "postpone, cancel, mark held, delete or restore one, "
                                       "saying why. Each change is one history entry.")
    actions = group.add_subparsers(dest="round_command", metavar="ACTION", required=True)
    listing = add_command(actions, "list", _run_list,
                          summary="the rounds (not deleted), by date; unknown dates last")
    listing.add_argument("--status", choices=[status.value for status in RoundStatus])
    listing.add_argument("--format", choices=[fmt.value for fmt in ListFormat],
                         default=ListFormat.TABLE.value, help="default %(default)s")
    add_as_of_option(listing, what="the rounds")
    listing.add_argument("--tz", metavar="ZONE", default=local_zone_name(),
                         help="the zone whose end of the --as-of day counts (default: this "
                              "computer's, %(default)s)")
    listing.add_argument("--dayfirst", action="store_true",
                         help="read --as-of 03/02/2026 as 3 February, not March 2")
    show = add_command(actions, "show", _run_show,
                       summary="one round: its window in its zone and in UTC, venue, status "
                               "and history")
    _round_id(show)
    show.add_argument("--tz", metavar="ZONE", default=local_zone_name(),
                      help="zone the history's times are shown in (default: this "
                           "computer's, %(default)s)")
    moved = add_command(actions, "reschedule", _run_reschedule,
                        summary="give a round a new date, as precise as it was announced")
    _round_id(moved)
    moved.add_argument("--start", required=True, metavar="WHEN",
                       help="'5 Feb 2026 10:00', '5 Feb 2026', 'week of 2 Feb 2026', "
                            "'Feb 2026', 'the coming week', or 'unknown'")
    moved.add_argument("--end", metavar="WHEN",
                       help="for an exact time, its end ('18:00'); for a day, the last day")
    moved.add_argument("--precision", choices=list(PRECISIONS),
                       help="take the date typed as this wide (default: as typed)")
    moved.add_argument("--tz", metavar="ZONE",
                       help="the zone the date is in (default: the round's current zone)")
    moved.add_argument("--dayfirst", action="store_true",
                       help="read 03/02/2026 as 3 February, not March 2")
    _note_arguments(moved)
    relocated = add_command(actions, "relocate", _run_relocate,
                            summary="move a round to another venue")
    _round_id(relocated)
    relocated.add_argument("--venue", required=True, metavar="ID|NAME",
                           help="the venue's id, or its name")
    relocated.add_argument("--keep", choices=[keep.value for keep in KeepTime],
                           help="for a venue in another time zone: keep the round's "
                                "wall-clock time (10:00 there) or its instant (the same "
                                "moment, read there)")
    _note_arguments(relocated)
    for name, (_intent, summary) in _STATUS_INTENTS.items():
        parser = add_command(actions, name, _run_status_intent, summary=summary)
        _round_id(parser)
        _note_arguments(parser)
    edit = add_command(actions, "edit", _run_edit,
                       summary=f"change a round's {DETAIL_WORDS}")
    _round_id(edit)
    for field in DETAIL_FIELDS:  # one option per field of the round's table
        words = choice_words(field)
        edit.add_argument(f"--{field}", choices=words, metavar=None if words else "TEXT",
                          help=f"the round's new {ROUND.fields[field].lower()}")
    _if_version(edit)


def _round_id(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("round_id", type=record_id, metavar="ID", help="the round's id "
                                                                 "(tracker round list)")


def _note_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--reason", required=True, metavar="TEXT",
                        help="why: kept in the round's history")
    parser.add_argument("--factor", type=record_id, metavar="ID",
                        help="the factor that caused the change")
    parser.add_argument("--source", type=record_id, metavar="ID",
                        help="the source that reported it")
    parser.add_argument("--announced", metavar="WHEN",
                        help="when it was announced: a day (2026-02-01) or a time (in "
                             "--tz, or your zone, or with an offset); default: the "
                             "source's publication day, otherwise now")
    _if_version(parser)


def _if_version(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--if-version", type=record_id, metavar="N", dest="if_version",
                        help="refuse the change if the round is no longer at version N "
                             "(the version tracker round show printed)")


def _note(args: argparse.Namespace) -> ChangeNote:
    announced = None
    if args.announced is not None:
        zone_name = getattr(args, "tz", None) or local_zone_name()
        announced = parse_announcement(args.announced, zone_name,
                                       dayfirst=getattr(args, "dayfirst", False))
    return ChangeNote(reason=args.reason, factor_id=args.factor, source_id=args.source,
                      announced=announced)


def _run_list(args: argparse.Namespace) -> int:
    as_of = as_of_from(args, args.tz)
    with reading(args) as session:
        rows = list_rounds(session, as_of)
    if args.status:
        rows = [row for row in rows if row.status.value == args.status]
    fmt = ListFormat(args.format)
    if as_of is not None and fmt is ListFormat.TABLE:
        print(as_of_heading(as_of))  # never to be mistaken for the current schedule
    elif as_of is not None:
        tell(as_of_heading(as_of))  # csv and json on standard output stay data
    write_rounds(rows, fmt, sys.stdout)
    return EXIT_OK


def _run_show(args: argparse.Namespace) -> int:
    zone(args.tz)  # an unknown zone is refused before anything is read
    with reading(args) as session:
        detail = round_detail(session, args.round_id)
    print(show_text(detail, args.tz))
    return EXIT_OK


def _run_reschedule(args: argparse.Namespace) -> int:
    with transaction(args) as session:
        current = round_row(session, args.round_id)
        window = typed_window(args, args.tz or current.window.tz)
        done = rounds.reschedule(session, args.round_id, window, _note(args),
                                 expected_version=args.if_version)
        told = _told_change(session, args.round_id, done)
    print(told)
    return EXIT_OK


def _run_relocate(args: argparse.Namespace) -> int:
    with transaction(args) as session:
        round_row(session, args.round_id)  # "Round N does not exist" before the venue
        keep = KeepTime(args.keep) if args.keep else None
        try:
            done = rounds.relocate(session, args.round_id, venue_id(session, args.venue),
                                   _note(args), keep=keep,
                                   expected_version=args.if_version)
        except ValidationError as exc:
            if exc.field != "keep":
                raise
            raise CommandError(f"--keep wall-clock|instant is needed: {exc}") from exc
        told = _told_change(session, args.round_id, done)
    print(told)
    return EXIT_OK


def _run_status_intent(args: argparse.Namespace) -> int:
    intent, _summary = _STATUS_INTENTS[args.round_command]
    with transaction(args) as session:
        done = intent(session, args.round_id, _note(args), expected_version=args.if_version)
        told = _told_change(session, args.round_id, done)
    print(told)
    return EXIT_OK


def _run_edit(args: argparse.Namespace) -> int:
    typed = {field: getattr(args, field) for field in DETAIL_FIELDS
             if getattr(args, field) is not None}
    if not typed:
        raise CommandError("nothing to change: give at least one of "
                           + ", ".join(f"--{field}" for field in DETAIL_FIELDS))
    values = {field: value_of_word(field, text) if choice_words(field) else text
              for field, text in typed.items()}
    with transaction(args) as session:
        before, _version = current(session, "round", args.round_id)
        outcome = edit_record(session, "round", args.round_id, values, args.if_version)
        after, _version = current(session, "round", args.round_id)
        told = "; ".join(
            f"{field}: {value_text(session, field, before[field])} → "
            f"{value_text(session, field, after[field])}"
            for field in values if before[field] != after[field])
    print(f"Round {args.round_id} (version {outcome.version}): {told or 'unchanged'}")
    return EXIT_OK


def typed_window(args: argparse.Namespace, tz: str) -> ScheduledWindow:
    """--start, --precision and --end read as the Reschedule dialog reads its date field;
    a refusal names the option, with the dialog's message."""
    zone(tz)
    with for_option("--start"):
        typed = parse_window(args.start, tz, dayfirst=args.dayfirst)
        window = widen_window(typed, PRECISIONS.get(args.precision or ""))
    with for_option("--end"):
        return window_with_end(window, args.end or "", dayfirst=args.dayfirst)


def venue_id(session: Session, typed: str) -> int:
    """The venue typed as its id or its name (any case); a name two venues share is
    refused with their ids, so the change never lands on the wrong one."""
    if is_whole_number(typed.strip()):
        return int(typed)
    wanted = " ".join(typed.split()).casefold()
    matches = [venue for venue in list_venues(session) if venue.name.casefold() == wanted]
    if not matches:
        raise NotFoundError(f"No venue is named {typed!r} (tracker round relocate takes a "
                            "venue's name or id)")
    if len(matches) > 1:
        ids = ", ".join(str(venue.id) for venue in matches)
        raise CommandError(f"{len(matches)} venues are named {typed!r}: give the id ({ids})")
    return matches[0].id


def _told_change(session: Session, round_id: int, done: Outcome) -> str:
    """The history entry the change *done* just wrote, as the round's history tells it:
    by its id, not by its place (the history runs in announcement order, and a change
    announced earlier than others lands before them)."""
    change = next(record for record in history(session, round_id)
                  if record.id == done.change_id)
    return f"Round {round_id}: {change.kind.value}: {change.summary}"
