"""Exporting the chronology: the one entry point the window and the command line share."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TextIO

from sqlalchemy.orm import Session

from tracker.domain.timewindow import is_known_zone
from tracker.io.atomic import atomic_text_writer
from tracker.io.chronology_csv import FOR_SPREADSHEETS, CsvStyle
from tracker.io.report_html import ReportChart
from tracker.services.common.errors import ValidationError
from tracker.services.exports.export_formats import (
    ChronologyRange,
    ExportFormat,
    format_for_path,
)
from tracker.services.rounds.as_of import AsOf

# The registry's (services.exports.export_formats), named here for the callers of these functions.
__all__ = ["ExportFormat", "export_chronology", "format_for_path", "write_chronology"]


def write_chronology(
    session: Session, stream: TextIO, fmt: ExportFormat, *,
    date_from: date | None = None, date_to: date | None = None, tz: str = "UTC",
    chart: ReportChart | None = None, corrections: bool = False,
    as_of: AsOf | None = None, csv_style: CsvStyle = FOR_SPREADSHEETS,
) -> int:
    """Stream the chronology in *fmt* to an open text stream; return the entry count.

    *tz* is the reader's zone: the days of the range, and the times of schedule changes
    and factor readings, are in it (see services/chronology/chronology.py). *chart* is the timeline
    image of an HTML report (drawn by Qt, so by the caller). *corrections*: retracted
    changes and their retractions are written as corrections instead of left out.
    *as_of*: the chronology as known at the end of that day, titled so
    (services/chronology/chronology_as_of.py). *csv_style*: a CSV for spreadsheets (the
    default) or for data tools (io/chronology_csv.py).
    """
    if date_from and date_to and date_to < date_from:
        raise ValidationError("date_to", "The end date is before the start date")
    if not is_known_zone(tz):
        raise ValidationError("tz", f"Unknown time zone: {tz!r}")
    if fmt.write is None:
        raise ValidationError("format", f"A {fmt.description} is written by {fmt.written_by}, "
                                        "not as chronology text")
    return fmt.write(session, stream, ChronologyRange(date_from, date_to, tz, chart,
                                                      corrections, as_of,
                                                      csv_style=csv_style))


def export_chronology(
    session: Session, destination: Path, fmt: ExportFormat, *,
    date_from: date | None = None, date_to: date | None = None, tz: str = "UTC",
    chart: ReportChart | None = None, corrections: bool = False,
    as_of: AsOf | None = None, csv_style: CsvStyle = FOR_SPREADSHEETS,
) -> int:
    """Write the chronology to *destination* atomically; return how many entries it holds."""
    with atomic_text_writer(Path(destination), newline=fmt.newline) as stream:
        return write_chronology(session, stream, fmt, date_from=date_from, date_to=date_to,
                                tz=tz, chart=chart, corrections=corrections, as_of=as_of,
                                csv_style=csv_style)
