"""``tracker analyse``: escalation before, during and after rounds, headless.

    tracker analyse [--db DB] --round ID|--all [--window 7] [--baseline weeks|trailing]
                    [--baseline-weeks 4] [--baseline-windows 4]
                    [--by category|region|type|none] [--around rounds|changes|readings]
                    [--measure events|fatalities|injuries] [--tz ZONE]
                    [--format csv|json] [-o FILE]

The same service as the window's Analysis view (services/escalation.py). Exit status 0,
or 2 with a message when the database, the round or an option is wrong.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from tracker.io.analysis_writers import AnalysisFormat
from tracker.services.errors import NotFoundError, ValidationError
from tracker.services.escalation import (
    Around,
    BaselineMode,
    EscalationResult,
    EscalationSettings,
    Measure,
    SplitBy,
    analyse,
)
from tracker.services.escalation_export import export_result, write_result
from tracker.storage.database import open_database

EXIT_USAGE = 2


def _choices(enum: Any) -> list[str]:
    return [member.value for member in enum]


def add_analyse_parser(sub: Any) -> None:
    parser = sub.add_parser(
        "analyse", help="count events, fatalities and injuries before, during and after "
                        "rounds (or schedule changes, or factor readings) against a baseline",
        description="Only events reported to the day are counted; week- and "
                    "month-precision events are listed apart as 'imprecise'.")
    parser.add_argument("--db", dest="sub_db", metavar="DB")
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--round", type=int, metavar="ID", dest="round_id",
                       help="one round (with --around changes: its schedule changes; "
                            "readings: the readings of the factors it depends on)")
    which.add_argument("--all", action="store_true", help="every round, change or reading")
    parser.add_argument("--around", choices=_choices(Around), default=Around.ROUNDS.value,
                        help="what the windows are around (default %(default)s)")
    parser.add_argument("--window", type=int, default=7, metavar="DAYS",
                        help="days before and after (default %(default)s)")
    parser.add_argument("--baseline", choices=_choices(BaselineMode),
                        default=BaselineMode.WEEKS.value,
                        help="weeks: the same days --baseline-weeks earlier; trailing: the "
                             "mean of the --baseline-windows windows just before "
                             "(default %(default)s)")
    parser.add_argument("--baseline-weeks", type=int, default=4, metavar="N",
                        help="default %(default)s")
    parser.add_argument("--baseline-windows", type=int, default=4, metavar="K",
                        help="default %(default)s")
    parser.add_argument("--by", choices=_choices(SplitBy), default=SplitBy.NONE.value,
                        help="split by target category, region (admin1) or event type "
                             "(default %(default)s: totals)")
    parser.add_argument("--measure", choices=_choices(Measure), default=Measure.EVENTS.value,
                        help="what the ratio and difference compare (default %(default)s)")
    parser.add_argument("--tz", metavar="ZONE", default="UTC",
                        help="zone whose days factor readings fall on (default %(default)s)")
    parser.add_argument("--format", choices=_choices(AnalysisFormat),
                        default=AnalysisFormat.CSV.value, help="default %(default)s")
    parser.add_argument("-o", "--output", metavar="FILE",
                        help="file to write (whole or not at all); default stdout")


# The settings' fields by the option that sets them, for error messages.
_OPTIONS = {"window_days": "--window", "baseline_weeks": "--baseline-weeks",
            "trailing_windows": "--baseline-windows", "tz": "--tz"}


def _settings(args: argparse.Namespace) -> EscalationSettings:
    """Raises ValidationError (reported by cli.main) naming the option out of range."""
    try:
        return EscalationSettings(
            around=Around(args.around), window_days=args.window,
            baseline=BaselineMode(args.baseline), baseline_weeks=args.baseline_weeks,
            trailing_windows=args.baseline_windows, split=SplitBy(args.by),
            measure=Measure(args.measure), tz=args.tz)
    except ValidationError as exc:
        option = _OPTIONS.get(exc.field, exc.field)
        raise ValidationError(exc.field, f"{option}: {exc.message}") from exc


def run_analyse(args: argparse.Namespace) -> int:
    settings = _settings(args)
    fmt = AnalysisFormat(args.format)
    db = open_database(args.sub_db or args.db, create=False)
    try:
        with db.reading() as session:
            try:
                result = analyse(session, settings, round_id=args.round_id)
            except NotFoundError as exc:
                print(f"tracker: {exc}", file=sys.stderr)
                return EXIT_USAGE
    finally:
        db.close()
    _note_skipped(result)
    if not args.output:
        write_result(result, sys.stdout, fmt)
        sys.stdout.flush()
        return 0
    try:
        count = export_result(result, Path(args.output), fmt)
    except OSError as exc:
        print(f"tracker: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    print(f"{count} rows for {len(result.anchors)} {settings.around.value} written to "
          f"{args.output}", file=sys.stderr)
    return 0


def _note_skipped(result: EscalationResult) -> None:
    if result.skipped:
        print(f"left out: {'; '.join(result.skipped)}", file=sys.stderr)
    if not result.anchors:
        print(f"nothing to analyse: no {result.settings.around.value} with a known date",
              file=sys.stderr)
