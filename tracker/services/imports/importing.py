"""Importing a dataset file: every record added, updated, unchanged or rejected, in one
transaction that a cancel, an error or a killed process leaves unwritten.

Records are read, checked and written a batch at a time, so memory stays flat whatever
the file's size. Reading on a second thread was tried and dropped: the GIL hands over
after every row SQLite steps, and it was no faster (15.0 and 13.7 s against 16.0 and
17.1 s for 200,000 ACLED rows). A large file is read in a second process instead
(read_ahead).
"""

from __future__ import annotations

import csv
import io
import threading
import time
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from sqlalchemy import insert, update
from sqlalchemy.orm import Session

from tracker.domain.base import utc_now
from tracker.domain.imports import ImportRun
from tracker.domain.target_rules import Found
from tracker.domain.whole_numbers import is_whole_number
from tracker.io.csv_records import BrokenRecord, CsvFile
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
from tracker.services.common.cancelled import ImportCancelled
from tracker.services.imports.categories_ahead import categories_ahead
from tracker.services.imports.fetched_records import FetchedRecords, FetchedSource
from tracker.services.imports.import_mappings import recall, remember
from tracker.services.imports.import_report import ImportReport
from tracker.services.imports.import_rows import Raws, RowReader, Rows
from tracker.services.imports.import_scope import Scope, file_scope
from tracker.services.imports.read_ahead import (
    ReadAhead,
    ReaderProcess,
    early_reader_process,
    reader_process,
)
from tracker.services.imports.releases import (
    Release,
    ReleaseKind,
    dated_release,
    ucdp_release,
)
from tracker.services.imports.withdrawing import superseded_by, withdraw_missing
from tracker.services.reconcile.same_file import first_batch_check
from tracker.services.targets.suggest_ahead import (
    BatchSuggestions,
    Suggester,
    import_suggester,
)
from tracker.storage.database import Database
from tracker.storage.dataset_lock import hold_dataset
from tracker.storage.deferred_build import build_pending
from tracker.storage.event_upsert import (
    EventUpsert,
    count_dataset,
    refresh_planner_statistics,
)
from tracker.storage.first_load import first_load_journal
from tracker.storage.pg_bulk_load import PgBulkLoad
from tracker.storage.rule_pass import suggest_targets
from tracker.storage.write_counts import WriteCounts

# PostgreSQL imports stage each batch with COPY and merge it set-based (issue 19).
EventWriter = EventUpsert | PgBulkLoad

_BATCH = 5000
# Import Events…'s file dialog: every event format's file names, then all files.
EVENTS_FILE_FILTER = open_file_filter(formats_for(ImportTarget.EVENTS), "CSV files")


# The registry's names (io.import_formats), here for the callers of import_events.
__all__ = [
    "EVENTS_FILE_FILTER", "FetchedRecords", "FilePreview", "ImportCancelled", "ImportFormat",
    "ImportProgress", "ImportTarget", "ReleaseOptions", "build_after_import", "formats_for",
    "guess_format",
    "import_events", "import_records", "open_file_filter", "preview",
]


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
    # After the commit (build_after_import, *after_commit*): the name of the build step
    # just finished ("" before the first), CATEGORIES_STEP once the categories are decided.
    step_built: str = ""
    after_commit: bool = False

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


def _mapping(db: Database, header: list[str], fmt: ImportFormat,
             mapping: ColumnMapping | None, dayfirst: bool | None) -> ColumnMapping | None:
    """The mapping to read with: the one given, else the one last used for this header;
    *dayfirst*, when given, overrides its day order (a re-import with --dayfirst)."""
    if fmt.needs_mapping and mapping is None:
        with db.reading() as session:
            mapping = recall(session, header)
    if mapping is not None and dayfirst is not None:
        mapping = replace(mapping, dayfirst=dayfirst)
    return mapping


def _layout(path: Path, header: list[str], fmt: ImportFormat,
            mapping: ColumnMapping | None) -> Layout:
    if fmt.layout is None:
        raise InputFileError(path, None, None,
                             f"is imported as {fmt.label}, which holds no events")
    return fmt.layout(path, header, mapping)


@dataclass(frozen=True, slots=True)
class ReleaseOptions:
    """What the user says of a release (issue 17); the defaults read it from the file.

    *release*: the release itself (a UCDP version read by releases.given_ucdp_release,
    or the sync's); None reads it from the file (ACLED's timestamps, UCDP's version in
    the file name or its years). *release_date*: a generic CSV's release date. *scope*:
    what the release speaks for (default: the file's own countries and days).
    *allow_older*: an older release overwrites a newer one's values.
    """

    release: Release | None = None
    release_date: date | None = None
    scope: Scope | None = None
    allow_older: bool = False


def import_events(
    db: Database, path: Path, fmt: ImportFormat, *, strict: bool = False,
    mapping: ColumnMapping | None = None,
    progress: Callable[[ImportProgress], None] | None = None,
    cancel: threading.Event | None = None,
    releases: ReleaseOptions | None = None, dayfirst: bool | None = None,
    force: bool = False, defer_build: bool = False, second_processes: bool = False,
) -> ImportReport:
    """Import *path* (a CSV file, or a ZIP holding one); raises InputFileError (nothing
    written) or ImportCancelled.

    With *defer_build*, a bulk import commits its events as soon as they are usable
    (browsed, counted, filtered by date and type) and leaves the events' categories
    (storage.deferred_categories), the full-text index, the map's cells and the
    secondary indexes pending: the caller then calls
    ``build_after_import`` (the report's *seconds* are the time to usable).

    *releases* says which release the file is (default: read from it); *dayfirst*
    overrides the day order of the mapping last used, when no *mapping* is given.

    *second_processes* lets a large file be read, and its category rules applied to the
    batches the writing is not waiting for (services.imports.read_ahead), or a smaller
    file's rules applied (services.targets.suggest_ahead), in a second process, beside
    the writing. Only the program's own entry points allow it (the window and the
    command line): the processes are started by spawn, which imports the starting script
    again, and a caller's unguarded script would run again in them.

    In *strict* mode the first rejected record aborts the import and is raised as an
    InputFileError; otherwise the good records are imported and the rest reported.
    A damaged database file is refused first (Database.check_intact): a large write
    would fail half-way on a damaged page, or spread the damage. A file whose rows another
    dataset already holds is refused (reconcile.same_file) unless *force*.
    """
    db.check_intact(doing="nothing was imported")
    with unzipped(path) as readable, \
            (early_reader_process(readable, allowed=second_processes) or nullcontext()
             ) as early:
        facts = scan_text_file(readable)
        with CsvFile(readable, facts) as source:
            return _import_source(db, source, fmt, _Options(
                strict, mapping, progress, cancel, releases or ReleaseOptions(),
                file_name=path.name, dayfirst=dayfirst, force=force,
                defer_build=defer_build, second_processes=second_processes), early)


def import_records(
    db: Database, records: FetchedRecords, fmt: ImportFormat, *,
    releases: ReleaseOptions | None = None, strict: bool = False,
    progress: Callable[[ImportProgress], None] | None = None,
    cancel: threading.Event | None = None,
) -> ImportReport:
    """Import records fetched from a source (an API), as a file of them would be: the
    same layouts, release and withdrawal rules, one transaction, the same report."""
    db.check_intact(doing="nothing was imported")
    return _import_source(db, FetchedSource(records), fmt, _Options(
        strict, None, progress, cancel, releases or ReleaseOptions(), file_name=""))


@dataclass(frozen=True, slots=True)
class _Options:
    strict: bool
    mapping: ColumnMapping | None
    progress: Callable[[ImportProgress], None] | None
    cancel: threading.Event | None
    releases: ReleaseOptions
    file_name: str
    dayfirst: bool | None = None
    force: bool = False  # import even a copy of another dataset (reconcile.same_file)
    defer_build: bool = False  # commit once usable; build_after_import builds the rest
    second_processes: bool = False  # a large file may be read and categorised beside


def _import_source(db: Database, source: CsvFile | FetchedSource, fmt: ImportFormat,
                   options: _Options, early: ReaderProcess | None = None) -> ImportReport:
    # A large file's records are read, and its category rules applied to most batches,
    # beside the load in a second process, which starts now (or started before the scan,
    # *early*, for a file of many megabytes): ready once the import's own setup (the
    # run, the count, bulk mode) is done. A file too small for that, but not
    # small, has only its rules applied beside. Never both: three busy processes would
    # share two cores.
    allowed = options.second_processes
    with (reader_process(source, allowed=allowed, started=early) or nullcontext()) as reader, \
            import_suggester(db, source.facts.lines,
                             second_process=allowed and reader is None) as suggester:
        return _import_with(db, source, fmt, options, suggester, reader)


def _import_with(db: Database, source: CsvFile | FetchedSource, fmt: ImportFormat,
                 options: _Options, suggester: Suggester,
                 reader: ReaderProcess | None) -> ImportReport:
    started = time.monotonic()
    started_at = utc_now()
    cancel = options.cancel or threading.Event()
    progress, facts, path = options.progress, source.facts, source.path
    header = source.header()
    mapping = _mapping(db, header, fmt, options.mapping, options.dayfirst)
    layout = _layout(path, header, fmt, mapping)
    release = _release(fmt, layout, source, options)
    report = ImportReport(path, layout.description, layout.dataset, facts.label)
    rows = RowReader(source, layout, report, strict=options.strict, release=release)
    # A build an earlier import left pending first: this one's bulk mode drops only
    # what exists, and what it leaves pending is then the whole list.
    build_pending(db.engine)
    with db.engine.connect() as connection, first_load_journal(connection), \
            connection.begin():
        run_id = connection.execute(insert(ImportRun).values(
            dataset=layout.dataset, layout=layout.description, file_name=path.name,
            file_size=facts.size, encoding=facts.label, header=_csv_line(layout.names),
            started_at=started_at, finished_at=started_at,
        ).returning(ImportRun.id)).scalar_one()
        hold_dataset(connection, layout.dataset)
        before = count_dataset(connection, layout.dataset)
        # What a release lacks can only be among the events stored before it: with none,
        # its ids need no noting (a second or two of every first import of a large file).
        withdraws = release.ordered and before > 0
        writer_type = PgBulkLoad if connection.dialect.name == "postgresql" else EventUpsert
        writer: EventWriter = writer_type(
            connection, dataset=layout.dataset, run_id=run_id, imported_at=started_at,
            # Lines, less the dataset's rows already here: the new rows, roughly.
            expected_new_rows=max(0, facts.lines - before),
            allow_older=options.releases.allow_older,
            superseded=superseded_by(connection, layout.dataset, run_id),
            track_seen=withdraws,
            nothing_stored=before == 0,
        )
        # An import that commits once usable leaves part of a bulk load's categories to
        # the build after its commit (storage.deferred_categories): the rules were a
        # seventh of its time to usable. The reading process applies them to every
        # other batch; the rest go in undecided, and the rule pass decides them then.
        # Half and half: each half the load leaves costs the build more than it saved
        # (every event it decides later is written twice), so neither wait holds all.
        later = options.defer_build and writer.categorise_after_commit()
        rules_now = None if later else suggester
        if reader is not None:
            rows = ReadAhead(rows, reader, fmt, mapping, cancel, suggester.rules,
                             half_the_rules=later)
        try:
            _pump(rows, writer, rules_now, cancel, progress, facts, started,
                  first_batch_check(connection, layout.dataset, options.force))
            # The rule pass over the run's events finds nothing to do when every new
            # event went in with its suggestion and no stored one was written over
            # (every first import): its scan is then left out (0.8 s at a million).
            if not later and (writer.counts.unsuggested or writer.counts.updated):
                suggest_targets(connection, run_id=run_id, cancel=cancel,
                                cancelled=ImportCancelled)
            if options.defer_build:
                writer.finish_usable()
            else:
                _rebuild(writer, rows, cancel, progress, facts, started)
        finally:
            writer.close()
        analysed = writer.analysed
        _count(report, writer.counts, rows)
        if release.kind is ReleaseKind.ACLED:
            release = Release(ReleaseKind.ACLED, rows.newest_stamp)
        scope = options.releases.scope or file_scope(rows.countries, rows.first_day,
                                                     rows.last_day)
        report.release, report.scope = release.label, scope.describe()
        if withdraws and rows.accepted:
            withdraw_missing(connection, layout.dataset, release, scope, report, started_at)
        connection.execute(update(ImportRun).where(ImportRun.id == run_id).values(
            finished_at=utc_now(), records=report.records, added=report.added,
            updated=report.updated, unchanged=report.unchanged,
            rejected=report.rejected, release_kind=release.kind.value,
            release_rank=release.rank, scope=scope.to_json() if release.ordered else "",
            older=report.older, withdrawn=len(report.withdrawn)))
        if fmt.needs_mapping and mapping is not None and (
                options.mapping is not None or options.dayfirst is not None):
            # In the import's transaction: remembered exactly when the import is.
            with Session(bind=connection) as session:
                remember(session, header, mapping)
                session.flush()
        if cancel.is_set():
            raise ImportCancelled
    refresh_planner_statistics(db.engine, report.added + report.updated, analysed=analysed)
    report.seconds = time.monotonic() - started
    return report


def build_after_import(db: Database,
                       progress: Callable[[ImportProgress], None] | None = None,
                       cancel: threading.Event | None = None, *,
                       second_processes: bool = False) -> int:
    """Build what an import with *defer_build* left pending, its categories and then a
    structure per transaction (storage.deferred_build); returns how many were built.
    *progress* is told each one done (as ImportProgress's indexes); a *cancel* stops
    between two, leaving the rest pending: they are built on the database's next open,
    or by the next import. *second_processes* (as for ``import_events``): the rules of
    the categories owed run in a second process, while the structures that do not read
    the categories are built (services.imports.categories_ahead)."""
    started = time.monotonic()

    def built(done: int, total: int, step: str) -> None:
        if progress is not None:
            progress(ImportProgress(0, 0, 0, time.monotonic() - started, done, total, step,
                                    after_commit=True))
        if cancel is not None and cancel.is_set():
            raise ImportCancelled

    with categories_ahead(db, allowed=second_processes) as ahead:
        return build_pending(db.engine, built, ahead)


def _count(report: ImportReport, counts: WriteCounts, rows: RowReader) -> None:
    report.added, report.updated = counts.added, counts.updated
    report.unchanged, report.older = counts.unchanged, counts.older
    report.dates_moved, report.restored = counts.dates_moved, counts.restored
    report.arrived_withdrawn = counts.arrived_withdrawn
    report.changes, report.changes_found = counts.changes, counts.changes_found
    report.older_changes = counts.older_changes
    report.records = rows.accepted + report.rejected
    report.lines = rows.lines_read
    if report.dates_moved:
        report.notes.append(f"{report.dates_moved:,} events' dates moved (a different "
                            "mapping or day order read them again)")


def _release(fmt: ImportFormat, layout: Layout, source: CsvFile | FetchedSource,
             options: _Options) -> Release:
    """The release being imported: the user's, or read from the file."""
    given = options.releases
    if given.release is not None:
        return given.release
    if fmt is ImportFormat.ACLED:
        return Release(ReleaseKind.ACLED)
    if fmt is ImportFormat.UCDP:
        headerless = layout.first_record_is_data
        named = ucdp_release(options.file_name, headerless=headerless, years=[])
        if headerless or named.rank is not None or not isinstance(source, CsvFile):
            return named
        return ucdp_release(None, headerless=False, years=_years(source.path, layout))
    return dated_release(given.release_date)


_GED_FIRST_YEAR, _GED_LAST_YEAR = 1989, 2098


def _years(path: Path, layout: Layout) -> list[int]:
    """The years of a UCDP file's rows, read ahead: GED YY.1 holds the years to 20YY-1."""
    if "year" not in layout.names:
        return []
    position = layout.names.index("year")
    years = set()
    with CsvFile(path, scan_text_file(path)) as ahead:
        ahead.header()
        for record in ahead.records():
            if isinstance(record, BrokenRecord) or len(record[1]) <= position:
                continue
            value = record[1][position].strip()
            # Only years a GED release can hold (1989 on, named 20YY): a row with any other
            # year is rejected by the import itself, and must not name the release.
            if is_whole_number(value) and _GED_FIRST_YEAR <= int(value) <= _GED_LAST_YEAR:
                years.add(int(value))
    return sorted(years)


def _csv_line(names: list[str]) -> str:
    """The header as one CSV line (names can hold commas), to read raw records with."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="").writerow(names)
    return buffer.getvalue()


def _rebuild(writer: EventWriter, rows: RowReader, cancel: threading.Event,
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


@dataclass(frozen=True, slots=True)
class _ReadBatch:
    """A batch read and not yet written: its rows, record texts and categories (being
    suggested), and how far the file had been read with it (what its progress says)."""

    rows: Rows
    raws: Raws
    # Being suggested; or what the reading process found (a list); or None: the
    # categories are decided after the commit.
    suggestions: BatchSuggestions | list[Found] | None
    records: int
    lines_read: int


def _pump(rows: RowReader, writer: EventWriter, suggester: Suggester | None,
          cancel: threading.Event, progress: Callable[[ImportProgress], None] | None,
          facts: TextFacts, started: float,
          check: Callable[[list[tuple[object, ...]]], None]) -> None:
    """Read and write batch by batch (the writer counts what each batch did). A batch is
    written once the next is read: its categories are suggested meanwhile (suggest_ahead);
    with no *suggester*, a batch has those the reading process found, or none (they are
    decided after the commit). Progress is told as each batch is written, as far as the
    file was read with it."""
    read: _ReadBatch | None = None

    def write(batch: _ReadBatch) -> None:
        suggestions = batch.suggestions
        writer.write(batch.rows, batch.raws, suggestions.all()
                     if isinstance(suggestions, BatchSuggestions) else suggestions)
        if progress is not None:
            progress(ImportProgress(batch.records, batch.lines_read, facts.lines,
                                    time.monotonic() - started))

    for batch, raws in rows.batches(writer.constants, _BATCH):
        if cancel.is_set():
            raise ImportCancelled
        check(batch)
        found = rows.found_by_reader()
        suggestions = suggester.ahead(batch, found) if suggester is not None else found
        ahead = _ReadBatch(batch, raws, suggestions, rows.records_read, rows.lines_read)
        if read is not None:
            write(read)
        read = ahead
    if cancel.is_set():
        raise ImportCancelled
    if read is not None:
        write(read)
    writer.flush()  # the last batch written (PostgreSQL merges it while the next is read)
    if cancel.is_set():
        raise ImportCancelled
