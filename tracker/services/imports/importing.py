"""Importing a dataset file: every record added, updated, unchanged or rejected, in one
transaction that a cancel, an error or a killed process leaves unwritten.

Records are read, checked and written a batch at a time, so memory stays flat whatever
the file's size. Reading on a second thread was tried and dropped: the GIL hands over
after every row SQLite steps, and it was no faster (15.0 and 13.7 s against 16.0 and
17.1 s for 200,000 ACLED rows).
"""

from __future__ import annotations

import csv
import io
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import insert, update
from sqlalchemy.orm import Session

from tracker.domain.base import utc_now
from tracker.domain.errors import TrackerError
from tracker.domain.imports import ImportRun
from tracker.io.csv_records import CsvFile
from tracker.io.event_layouts import Layout, column_positions
from tracker.io.generic_layout import ColumnMapping
from tracker.io.import_formats import (
    ImportFormat,
    ImportTarget,
    formats_for,
    open_file_filter,
    sniff_format,
)
from tracker.io.input_errors import InputFileError
from tracker.io.text_encoding import TextFacts, scan_text_file
from tracker.io.ucdp_layout import is_headerless
from tracker.io.zipped_release import unzipped
from tracker.services.imports.import_mappings import recall, remember
from tracker.services.imports.import_report import ImportReport
from tracker.services.imports.import_rows import RowReader
from tracker.services.targets.suggest_pass import suggest_targets
from tracker.storage.database import Database
from tracker.storage.event_upsert import EventUpsert, count_dataset, refresh_planner_statistics

_BATCH = 5000
# Import Events…'s file dialog: every event format's file names, then all files.
EVENTS_FILE_FILTER = open_file_filter(formats_for(ImportTarget.EVENTS), "CSV files")


# The registry's names (io.import_formats), here for the callers of import_events.
__all__ = [
    "EVENTS_FILE_FILTER", "FilePreview", "ImportCancelled", "ImportFormat", "ImportProgress",
    "ImportTarget", "formats_for", "guess_format", "import_events", "open_file_filter",
    "preview",
]


class ImportCancelled(TrackerError):
    """The user cancelled; the transaction was rolled back. The window's runner raises it
    too, for any operation that stops on request (ui.common.db_op.OpHandle.check): one
    cancel error, whichever layer noticed the request."""


@dataclass(frozen=True, slots=True)
class ImportProgress:
    """How far an import is. After every record is read, a large import into a small
    table builds its indexes again: *indexes_built* of *indexes_total* then say how far
    that is (both 0 while reading)."""

    records: int
    lines_read: int
    total_lines: int
    elapsed: float
    indexes_built: int = 0
    indexes_total: int = 0

    @property
    def indexing(self) -> bool:
        return self.indexes_total > 0

    @property
    def fraction(self) -> float:
        return min(1.0, self.lines_read / self.total_lines) if self.total_lines else 0.0

    @property
    def records_per_second(self) -> float:
        return self.records / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def seconds_left(self) -> float | None:
        if self.fraction <= 0.01 or self.elapsed < 0.5:
            return None  # too early for an honest estimate
        return self.elapsed * (1 - self.fraction) / self.fraction


@dataclass(frozen=True)
class FilePreview:
    """What a file is, read from its bytes and header only: for choosing how to import."""

    path: Path
    facts: TextFacts
    header: list[str]
    format: ImportFormat | None


def preview(path: Path) -> FilePreview:
    with unzipped(path) as readable:  # a release as distributed: the CSV inside
        facts = scan_text_file(readable)
        with CsvFile(readable, facts) as source:
            header = source.header()
    rounds = sniff_format(header, ImportTarget.ROUNDS)
    if rounds is not None:  # no column mapping can make events of it
        raise InputFileError(path, 1, None,
                             f"is an {rounds.label}, not a file of events; import it as "
                             f"rounds (Import Calendar…, or tracker import --format "
                             f"{rounds.value})")
    if not is_headerless(header):
        column_positions(path, header)  # a repeated name is refused before any choice
    return FilePreview(path, facts, header, guess_format(header))


def guess_format(header: list[str]) -> ImportFormat | None:
    """The event format a file's header is in, by the registry's sniffing (None: a CSV
    whose columns the user maps)."""
    return sniff_format(header, ImportTarget.EVENTS)


def _layout(db: Database, path: Path, header: list[str], fmt: ImportFormat,
            mapping: ColumnMapping | None) -> Layout:
    if fmt.layout is None:
        raise InputFileError(path, None, None,
                             f"is imported as {fmt.label}, which holds no events")
    if fmt.needs_mapping and mapping is None:
        with db.reading() as session:
            mapping = recall(session, header)
    return fmt.layout(path, header, mapping)


def import_events(
    db: Database, path: Path, fmt: ImportFormat, *, strict: bool = False,
    mapping: ColumnMapping | None = None,
    progress: Callable[[ImportProgress], None] | None = None,
    cancel: threading.Event | None = None,
) -> ImportReport:
    """Import *path* (a CSV file, or a ZIP holding one); raises InputFileError (nothing
    written) or ImportCancelled.

    In *strict* mode the first rejected record aborts the import and is raised as an
    InputFileError; otherwise the good records are imported and the rest reported.
    A damaged database file is refused first (Database.check_intact): a large write
    would fail half-way on a damaged page, or spread the damage.
    """
    db.check_intact(doing="nothing was imported")
    with unzipped(path) as readable:
        return _import_file(db, readable, fmt, strict=strict, mapping=mapping,
                            progress=progress, cancel=cancel)


def _import_file(
    db: Database, path: Path, fmt: ImportFormat, *, strict: bool,
    mapping: ColumnMapping | None, progress: Callable[[ImportProgress], None] | None,
    cancel: threading.Event | None,
) -> ImportReport:
    started = time.monotonic()
    started_at = utc_now()
    cancel = cancel or threading.Event()
    facts = scan_text_file(path)
    with CsvFile(path, facts) as source:
        header = source.header()
        layout = _layout(db, path, header, fmt, mapping)
        report = ImportReport(path, layout.description, layout.dataset, facts.label)
        rows = RowReader(source, layout, report, strict=strict)
        with db.engine.connect() as connection, connection.begin():
            run_id = connection.execute(insert(ImportRun).values(
                dataset=layout.dataset, layout=layout.description, file_name=path.name,
                file_size=facts.size, encoding=facts.label, header=_csv_line(layout.names),
                started_at=started_at, finished_at=started_at,
            ).returning(ImportRun.id)).scalar_one()
            before = count_dataset(connection, layout.dataset)
            writer = EventUpsert(
                connection, dataset=layout.dataset, run_id=run_id, imported_at=started_at,
                # Lines, less the dataset's rows already here: the new rows, roughly.
                expected_new_rows=max(0, facts.lines - before),
            )
            try:
                changed = _pump(rows, writer, cancel, progress, facts, started)
                suggest_targets(connection, run_id=run_id, cancel=cancel,
                                cancelled=ImportCancelled)
                _rebuild(writer, rows, cancel, progress, facts, started)
            finally:
                writer.close()
            report.added = count_dataset(connection, layout.dataset) - before
            report.updated = changed - report.added
            report.unchanged = rows.accepted - changed
            report.records = rows.accepted + report.rejected
            report.lines = rows.lines_read
            connection.execute(update(ImportRun).where(ImportRun.id == run_id).values(
                finished_at=utc_now(), records=report.records, added=report.added,
                updated=report.updated, unchanged=report.unchanged,
                rejected=report.rejected))
            if fmt.needs_mapping and mapping is not None:
                # In the import's transaction: remembered exactly when the import is.
                with Session(bind=connection) as session:
                    remember(session, header, mapping)
                    session.flush()
            if cancel.is_set():
                raise ImportCancelled
    refresh_planner_statistics(db.engine, report.added + report.updated)
    report.seconds = time.monotonic() - started
    return report


def _csv_line(names: list[str]) -> str:
    """The header as one CSV line (names can hold commas), to read raw records with."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="").writerow(names)
    return buffer.getvalue()


def _rebuild(writer: EventUpsert, rows: RowReader, cancel: threading.Event,
             progress: Callable[[ImportProgress], None] | None, facts: TextFacts,
             started: float) -> None:
    """Build the indexes bulk mode dropped, saying how far it is, honouring Cancel."""
    total = writer.rebuild_steps

    def built(done: int) -> None:
        if progress is not None:
            progress(ImportProgress(
                rows.accepted + rows.report.rejected, rows.lines_read, facts.lines,
                time.monotonic() - started, done, total))
        if cancel.is_set():
            raise ImportCancelled

    writer.finish(built)


def _pump(rows: RowReader, writer: EventUpsert, cancel: threading.Event,
          progress: Callable[[ImportProgress], None] | None, facts: TextFacts,
          started: float) -> int:
    """Read and write batch by batch; returns how many rows the writes changed."""
    changed = 0
    for batch, raws in rows.batches(writer.constants, _BATCH):
        if cancel.is_set():
            raise ImportCancelled
        changed += writer.write(batch, raws)
        if progress is not None:
            progress(ImportProgress(rows.accepted + len(rows.report.rejections),
                                    rows.lines_read, facts.lines, time.monotonic() - started))
    if cancel.is_set():
        raise ImportCancelled
    return changed
