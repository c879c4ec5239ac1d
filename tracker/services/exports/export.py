"""Exporting the chronology: the one entry point the window and the command line share."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TextIO

from sqlalchemy.orm import Session

from tracker.domain.timewindow import is_known_zone
from tracker.io.atomic import atomic_text_writer
from tracker.io.chronology_csv import FOR_SPREADSHEETS, CsvStyle
from tracker.io.report_html import ReportChart
from tracker.services.chronology.chronology import count_chronology
from tracker.services.common.errors import ValidationError
from tracker.services.exports.changes_since import record_export
from tracker.services.exports.export_formats import (
    ChronologyRange,
    ExportFormat,
    format_for_path,
)
from tracker.services.rounds.as_of import AsOf
from tracker.storage.database import Database
from tracker.storage.deferred_build import require_categories

# The registry's (services.exports.export_formats), named here for the callers of these functions.
__all__ = ["ExportFormat", "export_chronology", "export_chronology_file", "format_for_path",
           "note_export", "write_chronology"]

# Told how many entries are written, of how many (a window's progress; it may raise to
# stop the export, which then leaves no file).
ExportProgress = Callable[[int, int], None]


def write_chronology(
    session: Session, stream: TextIO, fmt: ExportFormat, *,
    date_from: date | None = None, date_to: date | None = None, tz: str = "UTC",
    chart: ReportChart | None = None, corrections: bool = False,
    as_of: AsOf | None = None, csv_style: CsvStyle = FOR_SPREADSHEETS,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Stream the chronology in *fmt* to an open text stream; return the entry count.

    *tz* is the reader's zone: the days of the range, and the times of schedule changes
    and factor readings, are in it (see services/chronology/chronology.py). *chart* is the timeline
    image of an HTML report (drawn by Qt, so by the caller). *corrections*: retracted
    changes and their retractions are written as corrections instead of left out.
    *as_of*: the chronology as known at the end of that day, titled so
    (services/chronology/chronology_as_of.py). *csv_style*: a CSV for spreadsheets (the
    default) or for data tools (io/chronology_csv.py). *progress* is told the entries
    written so far, now and then.
    """
    if date_from and date_to and date_to < date_from:
        raise ValidationError("date_to", "The end date is before the start date")
    if not is_known_zone(tz):
        raise ValidationError("tz", f"Unknown time zone: {tz!r}")
    if fmt.write is None:
        raise ValidationError("format", f"A {fmt.description} is written by {fmt.written_by}, "
                                        "not as chronology text")
    require_categories(session.connection())  # never an event told before its category
    return fmt.write(session, stream, ChronologyRange(date_from, date_to, tz, chart,
                                                      corrections, as_of,
                                                      csv_style=csv_style,
                                                      progress=progress))


def export_chronology(
    session: Session, destination: Path, fmt: ExportFormat, *,
    date_from: date | None = None, date_to: date | None = None, tz: str = "UTC",
    chart: ReportChart | None = None, corrections: bool = False,
    as_of: AsOf | None = None, csv_style: CsvStyle = FOR_SPREADSHEETS,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write the chronology to *destination* atomically; return how many entries it holds.
    An error on the way, a cancel raised by *progress* included, leaves no file."""
    with atomic_text_writer(Path(destination), newline=fmt.newline) as stream:
        return write_chronology(session, stream, fmt, date_from=date_from, date_to=date_to,
                                tz=tz, chart=chart, corrections=corrections, as_of=as_of,
                                csv_style=csv_style, progress=progress)


def export_chronology_file(
    db: Database, destination: Path, fmt: ExportFormat, *,
    date_from: date | None = None, date_to: date | None = None, tz: str = "UTC",
    corrections: bool = False, as_of: AsOf | None = None,
    csv_style: CsvStyle = FOR_SPREADSHEETS, progress: ExportProgress | None = None,
) -> int:
    """Export the chronology to a file, the one intent the window and ``tracker export -o``
    share: written atomically from one read session, then noted as an export (what
    "changed since my last export" counts from, issue 17). *progress* is told the
    entries written of the total; raising from it stops the export and leaves no file,
    and nothing is noted."""
    with db.reading() as session:
        told: Callable[[int], None] | None = None
        if progress is not None:
            total = count_chronology(session, date_from=date_from, date_to=date_to, tz=tz,
                                     corrections=corrections, as_of=as_of)
            progress(0, total)

            def told(written: int) -> None:
                progress(written, total)

        count = export_chronology(session, destination, fmt, date_from=date_from,
                                  date_to=date_to, tz=tz, corrections=corrections,
                                  as_of=as_of, csv_style=csv_style, progress=told)
    note_export(db, fmt.value, str(destination))
    return count


def note_export(db: Database, kind: str, destination: str) -> None:
    """Note an export just made (its own transaction). A database this user cannot write
    is exported from all the same; its exports are just not noted."""
    if db.read_only_note:
        return
    with db.transaction() as session:
        record_export(session, kind, destination)
