"""``tracker analysis``: battlefield events before, during and after rounds, headless.

    tracker analysis [--db DB] --round ID|--all [--window 7] [--baseline weeks|trailing]
                    [--baseline-weeks 4] [--baseline-windows 4]
                    [--by category|region|type|none] [--around rounds|changes|readings]
                    [--measure events|fatalities|injuries] [--tz ZONE]
                    [--format csv|json] [-o FILE]

The same service as the window's Analysis view (services/analysis/). Exit status 0,
or 2 with a message when the database, the round or an option is wrong. ``tracker
analyse``, the command's first name, still works.
"""

from __future__ import annotations

import argparse
import sys
from enum import Enum
from pathlib import Path

from tracker.cli.boundary import (
    EXIT_OK,
    Subparsers,
    add_command,
    add_force_option,
    file_errors,
    reading,
    tell,
)
from tracker.cli.numbers import record_id
from tracker.io.analysis_writers import AnalysisFormat
from tracker.services.analysis.analysis import (
    AnalysisResult,
    AnalysisSettings,
    Around,
    BaselineMode,
    Measure,
    SplitBy,
    analyse,
)
from tracker.services.analysis.export import export_result, write_result
from tracker.services.common.errors import ValidationError

# The --format choices, in one place.
FORMATS = [fmt.value for fmt in AnalysisFormat]


def _choices(enum: type[Enum]) -> list[str]:
    return [member.value for member in enum]


def add_parsers(sub: Subparsers) -> None:
    parser = add_command(
        sub, "analysis", run_analysis, aliases=("analyse",),
        summary="count events, fatalities and injuries before, during and after rounds (or "
                "schedule changes, or factor readings) against a baseline",
        description="Only events reported to the day are counted; week- and "
                    "month-precision events are listed apart as 'imprecise'.")
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--round", type=record_id, metavar="ID", dest="round_id",
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
                        help="split by target category, region (admin1 and country) or "
                             "event type (default %(default)s: totals)")
    parser.add_argument("--measure", choices=_choices(Measure), default=Measure.EVENTS.value,
                        help="what the ratio and difference compare (default %(default)s)")
    parser.add_argument("--tz", metavar="ZONE", default="UTC",
                        help="zone whose days factor readings fall on (default %(default)s)")
    parser.add_argument("--format", choices=FORMATS,
                        default=AnalysisFormat.CSV.value, help="default %(default)s")
    parser.add_argument("-o", "--output", metavar="FILE",
                        help="file to write (whole or not at all); default stdout")
    add_force_option(parser)


# The settings' fields by the option that sets them, for error messages.
_OPTIONS = {"window_days": "--window", "baseline_weeks": "--baseline-weeks",
            "trailing_windows": "--baseline-windows", "tz": "--tz"}


def _settings(args: argparse.Namespace) -> AnalysisSettings:
    """Raises ValidationError naming the option out of range."""
    try:
        return AnalysisSettings(
            around=Around(args.around), window_days=args.window,
            baseline=BaselineMode(args.baseline), baseline_weeks=args.baseline_weeks,
            trailing_windows=args.baseline_windows, split=SplitBy(args.by),
            measure=Measure(args.measure), tz=args.tz)
    except ValidationError as exc:
        option = _OPTIONS.get(exc.field, exc.field)
        raise ValidationError(exc.field, f"{option}: {exc.message}") from exc


def run_analysis(args: argparse.Namespace) -> int:
    settings = _settings(args)
    fmt = AnalysisFormat(args.format)
    with reading(args) as session:
        result = analyse(session, settings, round_id=args.round_id)
    _note_skipped(result)
    if not args.output:
        write_result(result, sys.stdout, fmt)
        return EXIT_OK
    with file_errors("write", args.output, force=args.force):
        count = export_result(result, Path(args.output), fmt)
    tell(f"{count} rows for {len(result.anchors)} {settings.around.value} written to "
         f"{args.output}")
    return EXIT_OK


def _note_skipped(result: AnalysisResult) -> None:
    if result.skipped:
        tell(f"left out: {'; '.join(result.skipped)}")
    if not result.anchors:
        tell(f"nothing to analyse: no {result.settings.around.value} with a known date")
