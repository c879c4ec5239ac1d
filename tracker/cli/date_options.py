"""Date options the commands share: days typed in any form dateutil reads, and ``--as-of``.

``--as-of DATE`` asks for the schedule as it was known at the end of that day in the
command's zone (``--tz``), rebuilt from when each change was announced
(services/rounds/as_of.py): ``tracker round list --as-of`` and ``tracker export --as-of``.
A date that cannot be read, or a day the schedule cannot be known as of (after today,
before 1900), is refused with the option's name first.
"""

from __future__ import annotations

import argparse
from datetime import date

from tracker.cli.boundary import for_option
from tracker.domain.dates import parse_date
from tracker.services.common.as_of_day import AS_OF_FIELD, as_of_day
from tracker.services.common.errors import ValidationError
from tracker.services.rounds.as_of import AsOf


def optional_date(text: str | None, *, dayfirst: bool, option: str,
                  any_day: bool = False) -> date | None:
    """The day typed for *option*, if any; refused with the option's name (see
    parse_date for *any_day*)."""
    if text is None:
        return None
    with for_option(option):
        return parse_date(text, dayfirst=dayfirst, any_day=any_day)


def add_as_of_option(parser: argparse.ArgumentParser, *, what: str) -> None:
    """--as-of DATE (read with the command's --dayfirst)."""
    parser.add_argument("--as-of", dest="as_of", metavar="DATE",
                        help=f"{what} as known at the end of DATE in --tz: only the "
                             "schedule changes announced by then (any format dateutil "
                             "reads; today or earlier)")


def as_of_from(args: argparse.Namespace, tz: str) -> AsOf | None:
    """The --as-of day's end in zone *tz*; None when the option was not given."""
    # as_of_day has its own rule and words for the days before the first it takes.
    day = optional_date(args.as_of, dayfirst=args.dayfirst, option="--as-of", any_day=True)
    if day is None:
        return None
    try:
        return as_of_day(day, tz)
    except ValidationError as exc:
        if exc.field != AS_OF_FIELD:
            raise
        raise ValidationError(exc.field, f"--as-of: {exc.message}") from exc
