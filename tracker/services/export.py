"""Exporting the chronology: the one entry point the window and the command line share."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import TextIO

from sqlalchemy.orm import Session

from tracker.domain.chronology import ChronologyEntry
from tracker.domain.timewindow import is_known_zone
from tracker.io.atomic import atomic_text_writer
from tracker.io.chronology_writers import write_csv, write_json, write_markdown
from tracker.io.report_html import ReportChart
from tracker.services.chronology import iter_chronology
from tracker.services.errors import ValidationError
from tracker.services.report import write_report


class ExportFormat(StrEnum):
    CSV = "csv"
    JSON = "json"
    MD = "md"
    HTML = "html"  # the report (services/report.py); its chart is drawn by the caller
    PDF = "pdf"  # the report printed by Qt: tracker/ui/report_pdf.py, not written here

    @property
    def suffix(self) -> str:
        return f".{self.value}"


def write_chronology(
    session: Session, stream: TextIO, fmt: ExportFormat, *,
    date_from: date | None = None, date_to: date | None = None, tz: str = "UTC",
    chart: ReportChart | None = None,
) -> int:
    """Stream the chronology in *fmt* to an open text stream; return the entry count.

    *tz* is the reader's zone: the days of the range, and the times of schedule changes
    and factor readings, are in it (see services/chronology.py). *chart* is the timeline
    image of an HTML report (drawn by Qt, so by the caller).
    """
    if date_from and date_to and date_to < date_from:
        raise ValidationError("date_to", "The end date is before the start date")
    if not is_known_zone(tz):
        raise ValidationError("tz", f"Unknown time zone: {tz!r}")
    if fmt is ExportFormat.HTML:
        return write_report(session, stream, date_from=date_from, date_to=date_to, tz=tz,
                            chart=chart)
    if fmt is ExportFormat.PDF:
        raise ValidationError("format", "A PDF is printed by the window or the command line "
                                        "(tracker/ui/report_pdf.py), not written as text")
    writers: dict[ExportFormat, Callable[[Iterable[ChronologyEntry], TextIO], int]] = {
        ExportFormat.CSV: write_csv,
        ExportFormat.JSON: partial(write_json, date_from=date_from, date_to=date_to, tz=tz),
        ExportFormat.MD: partial(write_markdown, date_from=date_from, date_to=date_to, tz=tz),
    }
    entries = iter_chronology(session, date_from=date_from, date_to=date_to, tz=tz)
    return writers[fmt](entries, stream)


def export_chronology(
    session: Session, destination: Path, fmt: ExportFormat, *,
    date_from: date | None = None, date_to: date | None = None, tz: str = "UTC",
    chart: ReportChart | None = None,
) -> int:
    """Write the chronology to *destination* atomically; return how many entries it holds."""
    # csv does its own line endings; the others write "\n" as is.
    newline = "" if fmt is ExportFormat.CSV else None
    with atomic_text_writer(Path(destination), newline=newline) as stream:
        return write_chronology(session, stream, fmt, date_from=date_from, date_to=date_to,
                                tz=tz, chart=chart)


def format_for_path(path: Path) -> ExportFormat | None:
    """The format a file name asks for by its suffix, if any."""
    suffix = path.suffix.lower().lstrip(".")
    if suffix == "markdown":
        return ExportFormat.MD
    try:
        return ExportFormat(suffix)
    except ValueError:
        return None
