"""`tracker export --format html|pdf`: the chronology report, written headless.

The chart is drawn by the Timeline view's painter and the PDF printed by Qt, so Qt is
imported here only when a report is asked for, with an offscreen QGuiApplication when
there is no display (tracker/ui/report_pdf.py); the other exports never load it.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from tracker.services.export import ExportFormat
from tracker.services.export_formats import ExportContent, formats_holding
from tracker.storage.database import open_database

REPORT_FORMATS = tuple(formats_holding(ExportContent.REPORT))
EXIT_USAGE = 2


def run_export_report(args: argparse.Namespace, fmt: ExportFormat, date_from: date | None,
                      date_to: date | None) -> int:
    if not args.output:
        print(f"tracker: --format {fmt.value} needs -o FILE (a report is a file, with its "
              "chart, not a stream)", file=sys.stderr)
        return EXIT_USAGE
    from tracker.services.report import check_report_range

    check_report_range(date_from, date_to, args.tz)  # before Qt starts, for a quick refusal
    from tracker.ui.report_pdf import ensure_gui_application, export_report

    ensure_gui_application()
    db = open_database(args.sub_db or args.db, create=False)
    try:
        with db.reading() as session:
            try:
                count = export_report(session, Path(args.output), fmt, date_from=date_from,
                                      date_to=date_to, tz=args.tz)
            except OSError as exc:
                print(f"tracker: cannot write {args.output}: {exc.strerror or exc}",
                      file=sys.stderr)
                return EXIT_USAGE
    finally:
        db.close()
    print(f"Report with {count} entries listed written to {args.output}", file=sys.stderr)
    return 0
