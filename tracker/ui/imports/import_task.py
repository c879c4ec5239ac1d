"""Importing a dataset file as operations on the window's runner: the preview, the import.

Both read the whole file (the encoding scan alone takes seconds for a full ACLED
export), so both run on the runner's worker thread, one after the other: a second file
waits for the first instead of competing for SQLite's write lock. The import is one
transaction, so a cancel, an error or a killed process leaves the database as it was;
nothing here has to undo anything. While it runs it holds the write lock, so edits
pause (edit_pause.py) and the window says until when.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tracker.io.generic_layout import ColumnMapping
from tracker.services.imports.import_report import ImportReport
from tracker.services.imports.importing import (
    FilePreview,
    ImportFormat,
    ImportProgress,
    ReleaseOptions,
    build_after_import,
    import_events,
    preview,
)
from tracker.storage.database import Database
from tracker.ui.common.db_op import DbOp, OpHandle
from tracker.ui.common.language import translate


@dataclass(frozen=True, slots=True)
class ImportRequest:
    """What to import and how: the choices of the import (and column-mapping) dialog."""

    path: Path
    fmt: ImportFormat
    strict: bool = False
    mapping: ColumnMapping | None = None
    # Which release the file is and whether an older one may overwrite (issue 17).
    releases: ReleaseOptions = field(default_factory=ReleaseOptions)
    # Import even rows another dataset already holds ("Import Anyway", reconcile.same_file).
    force: bool = False


def preview_op(path: Path) -> DbOp[FilePreview]:
    """Read *path* to say what it is (the import dialog shows it)."""
    return DbOp(translate("ImportTask", "Reading {file}").format(file=path),
                translate("ImportTask", "reading {file}").format(file=path.name),
                lambda _db, _handle: preview(path)).cancelled_on_leave()


def import_op(request: ImportRequest) -> DbOp[ImportReport]:
    """Import the file of *request*: progress as ImportProgress; cancelling rolls back."""

    def work(db: Database, handle: OpHandle) -> ImportReport:
        return import_events(db, request.path, request.fmt, strict=request.strict,
                             mapping=request.mapping, progress=handle.report,
                             cancel=handle.cancel_event, releases=request.releases,
                             force=request.force, defer_build=True,
                             second_processes=True)  # the program's own process

    return (DbOp(translate("ImportTask", "Importing {file}").format(file=request.path),
                 translate("ImportTask", "the import"), work)
            .cancelled_on_leave()
            .pausing_edits(translate("ImportTask", "{file} is being imported; edits can be "
                                     "saved after the import finishes").format(
                                         file=request.path.name)))


def build_op() -> DbOp[int]:
    """After an import that committed its events first: decide their categories, build
    the full-text index, the map's cells and the sort indexes, one at a time, progress
    as ImportProgress. A cancel (leaving the database) stops between two; the rest is
    built on next open."""

    def work(db: Database, handle: OpHandle) -> int:
        def built(progress: ImportProgress) -> None:
            handle.report(progress)

        return build_after_import(db, progress=built, cancel=handle.cancel_event,
                                  second_processes=True)  # the program's own process

    return (DbOp(translate("ImportTask", "Deciding categories and building the search "
                           "index after the import"),
                 translate("ImportTask", "the categories and search index"), work)
            .cancelled_on_leave())
