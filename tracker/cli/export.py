"""``tracker export``: the chronology, its report, the schedule, the archive, a timeline.

    tracker export [--db DB] --format csv|json|md [--from DATE] [--to DATE] [--tz ZONE]
                   [--corrections] [-o OUT]
    tracker export [--db DB] --format csv [--csv-for spreadsheets|data-tools]
                   [--bom|--no-bom] ...
    tracker export [--db DB] --format html|pdf [--from DATE] [--to DATE] [--tz ZONE]
                   [--corrections] [--title T] [--author A] [--organisation O]
                   [--marking M] -o OUT
    tracker export [--db DB] --format ics -o OUT
    tracker export [--db DB] --format archive [-o FILE.json]
    tracker export [--db DB] --format timelinejs [--events linked|all] [--from DATE]
                   [--to DATE] [--tz ZONE] [--max-events N] [--timelinejs-assets DIR]
                   -o FILE.json
    tracker export [--db DB] --format csv|json|md|ics|timelinejs --as-of DATE [--tz ZONE] ...
    tracker export [--db DB] --format csv --changed-since DATE|last-export [--tz ZONE] [-o OUT]

``--changed-since`` lists the events added, corrected or withdrawn since then (a day, from
its start in --tz, or the last export made); every export is recorded for it.

``--as-of DATE`` writes the chronology, or the calendar, as it was known at the end of
that day in --tz (tracker/cli/date_options.py), and its title says so.

Files are written whole or not at all; what was written, and what was left out, is said
on standard error, so standard output carries only the data.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from tracker.cli.boundary import (
    EXIT_OK,
    CommandError,
    Subparsers,
    add_command,
    add_force_option,
    file_errors,
    opened,
    reading,
    tell,
)
from tracker.cli.changes_since import add_changed_since_option, export_changes, record_export_made
from tracker.cli.date_options import add_as_of_option, as_of_from, optional_date
from tracker.cli.numbers import LARGEST_COUNT, whole_number
from tracker.domain.timewindow import local_zone_name
from tracker.io.chronology_csv import CsvFlavour, CsvStyle
from tracker.io.report_html import TITLE, ReportTitlePage
from tracker.services.exports.export import (
    ExportFormat,
    export_chronology_file,
    write_chronology,
)
from tracker.services.exports.export_formats import ExportContent, formats_holding
from tracker.services.exports.report import check_report_range
from tracker.services.exports.timelinejs_selection import (
    DEFAULT_MAX_EVENTS,
    EventScope,
    TimelineRequest,
)
from tracker.services.rounds.as_of import AsOf

# The writers of the calendar, the archive, the timeline and the report are imported by
# their own functions below: a CSV export does not wait for icalendar and the rest
# (about 0.2 s of its start-up, issue 19).
_FORMAT_HELP = ("csv, json or md: the chronology; html or pdf: the chronology report with "
                "its summary and timeline chart; ics: the rounds' schedule as an iCalendar "
                "file (--from and --to do not apply, --tz only to --as-of); archive: the "
                "whole database, losslessly, as JSON that `tracker restore-archive` loads; "
                "timelinejs: a TimelineJS timeline (JSON) and a web page that shows it")

# What --as-of writes: the chronology's data, its report, the calendar and the timeline
# (an archive is the whole database, as it is).
_AS_OF_FORMATS = tuple(fmt.value for fmt in formats_holding(
    ExportContent.CHRONOLOGY, ExportContent.REPORT, ExportContent.SCHEDULE,
    ExportContent.TIMELINE))


def add_parsers(sub: Subparsers) -> None:
    export = add_command(sub, "export", run_export,
                         summary="export the chronology (rounds, changes, factor readings, "
                                 "events) in time order")
    export.add_argument("--format", required=True, choices=list(_WRITERS), help=_FORMAT_HELP)
    export.add_argument("--from", dest="date_from", metavar="DATE",
                        help="first day to include (any format dateutil reads)")
    export.add_argument("--to", dest="date_to", metavar="DATE", help="last day to include")
    export.add_argument("--tz", metavar="ZONE", default=local_zone_name(),
                        help="IANA zone whose days --from/--to/--as-of mean and in which "
                             "changes and readings are told (default: this computer's, "
                             "%(default)s)")
    export.add_argument("--dayfirst", action="store_true",
                        help="read 03/02/2026 as 3 February, not March 2")
    export.add_argument("--corrections", action="store_true",
                        help="csv, json, md, html, pdf: show undone entries as corrections "
                             "(the entry marked withdrawn, and a line for each undo and "
                             "redo); by default they are left out")
    add_as_of_option(export, what=f"{', '.join(_AS_OF_FORMATS)}: the chronology or calendar")
    add_changed_since_option(export)
    export.add_argument("-o", "--output", metavar="OUT",
                        help="file to write (written whole or not at all); default stdout")
    add_force_option(export)
    csv = export.add_argument_group("csv")
    csv.add_argument("--csv-for", choices=[flavour.value for flavour in CsvFlavour],
                     help="spreadsheets: UTF-8 with a byte-order mark, formula-like text "
                          "guarded by a leading ' (what Excel and LibreOffice open right); "
                          "data-tools (pandas, R, a pipe): no mark, text as it is "
                          "(default: spreadsheets, to a file or standard output alike)")
    csv.add_argument("--bom", action=argparse.BooleanOptionalAction,
                     help="write the UTF-8 byte-order mark, or not, whatever --csv-for says "
                          "(default: for spreadsheets only)")
    _add_title_page_options(export)
    group = export.add_argument_group("timelinejs")
    group.add_argument("--events", choices=[scope.value for scope in EventScope],
                       default=EventScope.LINKED.value,
                       help="battlefield events on the timeline: those linked to a round or "
                            "factor (default), or all in --from/--to")
    group.add_argument("--max-events", type=whole_number(0, LARGEST_COUNT),
                       default=DEFAULT_MAX_EVENTS, metavar="N",
                       help="at most N events, the earliest first; the rest are counted "
                            "and named as left out (default %(default)s)")
    group.add_argument("--timelinejs-assets", metavar="DIR",
                       help="a copy of the npm package @knight-lab/timelinejs (or its dist "
                            "folder) to copy beside the page, which then loads nothing from "
                            "the network; default: the page loads TimelineJS from Knight "
                            "Lab's CDN")


def _csv_style(args: argparse.Namespace) -> CsvStyle:
    """Spreadsheets unless told otherwise, to a file or to standard output alike: the
    window's default, the formula guard kept (a CSV redirected to a file is opened by a
    double-click as often as one written with -o), and the same bytes either way."""
    return CsvStyle(CsvFlavour(args.csv_for or CsvFlavour.SPREADSHEETS), args.bom)


def _add_title_page_options(export: argparse.ArgumentParser) -> None:
    group = export.add_argument_group("html and pdf report: its title page")
    group.add_argument("--title", default=TITLE,
                       help="the report's title (default: %(default)s)")
    group.add_argument("--author", default="", help="who wrote it")
    group.add_argument("--organisation", "--organization", dest="organisation", default="",
                       help="the organisation it is from")
    group.add_argument("--marking", default="", metavar="TEXT",
                       help='a handling marking, "OFFICIAL – SENSITIVE", at the top and '
                            "bottom of every page")


def run_export(args: argparse.Namespace) -> int:
    if args.changed_since is not None:
        status = export_changes(args)
    else:
        status = _run_export(args)
        if _WRITERS[args.format] is _chronology:
            return status  # noted by the chronology's own export, as in the window
    record_export_made(args)
    return status


def _run_export(args: argparse.Namespace) -> int:
    if args.as_of is not None and args.format not in _AS_OF_FORMATS:
        raise CommandError(f"--as-of applies to --format {', '.join(_AS_OF_FORMATS)}, not "
                           f"{args.format}")
    if (args.csv_for or args.bom is not None) and args.format != ExportFormat.CSV.value:
        raise CommandError(f"--csv-for and --bom apply to --format csv, not {args.format}")
    return _WRITERS[args.format](args)


def _needs_output(args: argparse.Namespace, why: str) -> Path:
    if not args.output:
        raise CommandError(f"--format {args.format} needs -o {why}")
    return Path(args.output)


def _date_range(args: argparse.Namespace) -> tuple[date | None, date | None]:
    return (optional_date(args.date_from, dayfirst=args.dayfirst, option="--from"),
            optional_date(args.date_to, dayfirst=args.dayfirst, option="--to"))


def _chronology(args: argparse.Namespace) -> int:
    date_from, date_to = _date_range(args)
    as_of = as_of_from(args, args.tz)
    fmt = ExportFormat(args.format)
    csv_style = _csv_style(args)
    if not args.output:
        with reading(args) as session:
            write_chronology(session, sys.stdout, fmt, date_from=date_from, date_to=date_to,
                             tz=args.tz, corrections=args.corrections, as_of=as_of,
                             csv_style=csv_style)
        record_export_made(args)
        return EXIT_OK
    # The window's Export Chronology… is the same service, which notes the export too.
    with opened(args, read_only=True) as db, \
            file_errors("write", args.output, force=args.force):
        count = export_chronology_file(db, Path(args.output), fmt, date_from=date_from,
                                       date_to=date_to, tz=args.tz,
                                       corrections=args.corrections, as_of=as_of,
                                       csv_style=csv_style)
    tell(f"{count} entries written to {args.output}" + _known_on(as_of))
    return EXIT_OK


def _known_on(as_of: AsOf | None) -> str:
    """What a note on standard error adds about an export as of a past day."""
    return f" ({as_of.describe()}, end of day in {as_of.tz})" if as_of else ""


def _report(args: argparse.Namespace) -> int:
    """The chart is drawn by the Timeline view's painter, so Qt is imported only when a
    report is asked for, with an offscreen QGuiApplication when there is no display
    (tracker/ui/exports/report_pdf.py); the other exports never load it. The report
    itself is the window's service (services/exports/report_file.py)."""
    date_from, date_to = _date_range(args)
    output = _needs_output(args, "FILE (a report is a file, with its chart, not a stream)")
    as_of = as_of_from(args, args.tz)
    check_report_range(date_from, date_to, args.tz)  # before Qt starts, for a quick refusal
    title_page = ReportTitlePage(args.title, args.author, args.organisation, args.marking)
    from tracker.services.exports.report_file import export_report
    from tracker.ui.exports.report_pdf import ensure_gui_application, report_chart
    from tracker.ui.map.map_report import report_map

    ensure_gui_application()
    with reading(args) as session, file_errors("write", output, force=args.force):
        chart = report_chart(session, date_from, date_to, args.tz, as_of)
        places = None if as_of is not None else report_map(session, date_from, date_to)
        count = export_report(session, output, ExportFormat(args.format),
                              date_from=date_from, date_to=date_to, tz=args.tz,
                              corrections=args.corrections, as_of=as_of,
                              title_page=title_page, chart=chart, map_figure=places)
    tell(f"Report with {count} entries listed written to {output}")
    return EXIT_OK


def _calendar(args: argparse.Namespace) -> int:
    from tracker.services.exports.schedule_calendar import write_calendar

    output = _needs_output(args, "FILE (calendars are files, not a stream)")
    as_of = as_of_from(args, args.tz)
    with reading(args) as session, file_errors("write", output, force=args.force):
        export = write_calendar(session, output, as_of)
    rounds = "1 round" if export.rounds == 1 else f"{export.rounds} rounds"
    tell(f"{rounds} written to {output}" + _known_on(as_of))
    if export.withdrawn:
        tell(f"written as cancelled (no date any more, or deleted): {'; '.join(export.withdrawn)}")
    if export.undated:
        tell(f"left out, their date is unknown: {'; '.join(export.undated)}")
    return EXIT_OK


def _archive(args: argparse.Namespace) -> int:
    from tracker.services.exports.archive import export_archive, write_archive

    with reading(args) as session:
        if not args.output:
            write_archive(session, sys.stdout)
            return EXIT_OK
        with file_errors("write", args.output, force=args.force):
            summary = export_archive(session, Path(args.output))
    tell(f"Archive of {summary.describe()} written to {args.output}")
    return EXIT_OK


def _timelinejs(args: argparse.Namespace) -> int:
    """FILE.json (the data TimelineJS3 reads) and FILE.html beside it, which shows it in a
    browser, from disk too. How many events are on it, and how many the cap left out, is
    said on standard error and on the timeline's title slide: never silently."""
    from tracker.io.timelinejs_page import page_path
    from tracker.services.exports.timelinejs import write_timeline

    date_from, date_to = _date_range(args)
    destination = _needs_output(args, "FILE.json (the page is written beside it)")
    request = TimelineRequest(tz=args.tz, date_from=date_from, date_to=date_to,
                              events=EventScope(args.events), max_events=args.max_events,
                              as_of=as_of_from(args, args.tz))
    assets = Path(args.timelinejs_assets) if args.timelinejs_assets else None
    with reading(args) as session, file_errors("write", destination, name_from_error=True,
                                               force=args.force):
        export = write_timeline(session, destination, request, assets=assets)
    tell(f"Timeline written to {destination} and {page_path(destination)}: "
         f"{export.summary()} (times in {request.tz})" + _known_on(request.as_of))
    if export.capped:
        tell(f"tracker: {export.cap_note()} (--from/--to, or --max-events)")
    if export.undated:
        tell(f"left out, their date is unknown: {'; '.join(export.undated)}")
    return EXIT_OK


# What writes each kind of content the export formats' registry holds
# (services.exports.export_formats).
_BY_CONTENT: dict[ExportContent, Callable[[argparse.Namespace], int]] = {
    ExportContent.CHRONOLOGY: _chronology,
    ExportContent.REPORT: _report,
    ExportContent.SCHEDULE: _calendar,
    ExportContent.ARCHIVE: _archive,
    ExportContent.TIMELINE: _timelinejs,
}
# Every --format and what writes it: the one list of this command's choices.
_WRITERS = {fmt.value: _BY_CONTENT[fmt.content] for fmt in ExportFormat}
