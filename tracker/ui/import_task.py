"""Importing a dataset file off the GUI thread: the file's preview, then the import.

Both read the whole file (the encoding scan alone takes seconds for a full ACLED export),
so neither runs on the GUI thread. ``import_events`` calls its progress hook from the
importing thread; the hook here emits a signal of an object that lives in the GUI thread,
so the slot runs there (a queued connection), and it emits at most every
``PROGRESS_INTERVAL`` seconds so a fast import does not flood the event queue.

One worker thread: a second file waits for the first instead of competing for SQLite's
write lock. The import is one transaction, so a cancel, an error or a killed process
leaves the database as it was; nothing here has to undo anything.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from sqlalchemy.exc import SQLAlchemyError

from tracker.io.generic_layout import ColumnMapping
from tracker.io.input_errors import InputFileError
from tracker.services.importing import (
    ImportCancelled,
    ImportFormat,
    ImportProgress,
    import_events,
    preview,
)
from tracker.storage.database import Database
from tracker.storage.errors import StorageError

log = logging.getLogger(__name__)
PROGRESS_INTERVAL = 0.1  # seconds: ten updates a second read as smooth


@dataclass(frozen=True, slots=True)
class ImportRequest:
    """What to import and how: the choices of the import (and column-mapping) dialog."""

    path: Path
    fmt: ImportFormat
    strict: bool = False
    mapping: ColumnMapping | None = None


class ImportSignals(QObject):
    """Signals (emitted from the worker thread, received in the GUI thread):
        previewed(FilePreview): the file was read; what it is.
        progressed(ImportProgress): the import got this far.
        finished(ImportReport): the import was committed.
        refused(str): the file was refused (names file, line and column); nothing written.
        cancelled(): the import stopped on request; nothing written.
        failed(str): anything else went wrong; nothing written.
    """

    previewed = Signal(object)
    progressed = Signal(object)
    finished = Signal(object)
    refused = Signal(str)
    cancelled = Signal()
    failed = Signal(str)


class _Throttle:
    """The progress hook: passes an update on when the last one is old enough."""

    def __init__(self, signals: ImportSignals) -> None:
        self._signals = signals
        self._last = float("-inf")

    def __call__(self, progress: ImportProgress) -> None:
        now = time.monotonic()
        if now - self._last >= PROGRESS_INTERVAL:
            self._last = now
            self._signals.progressed.emit(progress)


class _Task(QRunnable):
    """Runs in the worker thread and never touches a widget; results go out as signals."""

    def __init__(self, signals: ImportSignals, what: str) -> None:
        super().__init__()
        self._signals = signals
        self._what = what

    def run(self) -> None:
        """Override QRunnable.run: the work, with every way it can end turned into a signal."""
        try:
            self.work()
        except InputFileError as exc:
            self._signals.refused.emit(str(exc))
        except ImportCancelled:
            self._signals.cancelled.emit()
        except (OSError, SQLAlchemyError, StorageError) as exc:
            self._signals.failed.emit(str(exc))
        except Exception as exc:
            # Anything else would end the worker silently and leave the progress dialog up
            # for good: log it with its traceback and say it failed.
            log.exception("%s failed", self._what)
            self._signals.failed.emit(f"Unexpected error ({type(exc).__name__}): {exc}")

    def work(self) -> None:
        raise NotImplementedError


class _PreviewTask(_Task):
    def __init__(self, signals: ImportSignals, path: Path) -> None:
        super().__init__(signals, f"Reading {path}")
        self._path = path

    def work(self) -> None:
        self._signals.previewed.emit(preview(self._path))


class _ImportTask(_Task):
    def __init__(self, signals: ImportSignals, db: Database, request: ImportRequest,
                 cancel: threading.Event) -> None:
        super().__init__(signals, f"Importing {request.path}")
        self._db = db
        self._request = request
        self._cancel = cancel

    def work(self) -> None:
        request = self._request
        report = import_events(self._db, request.path, request.fmt, strict=request.strict,
                               mapping=request.mapping, progress=_Throttle(self._signals),
                               cancel=self._cancel)
        self._signals.finished.emit(report)


class Importer(QObject):
    """Previews and imports files one at a time in a worker thread.

    Signals: as ImportSignals, re-emitted from this object.
    """

    previewed = Signal(object)
    progressed = Signal(object)
    finished = Signal(object)
    refused = Signal(str)
    cancelled = Signal()
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._cancel = threading.Event()
        self._signals = ImportSignals(self)
        for name in ("previewed", "progressed", "finished", "refused", "cancelled", "failed"):
            getattr(self._signals, name).connect(getattr(self, name))

    def preview(self, path: Path) -> None:
        self._pool.start(_PreviewTask(self._signals, path))

    def start(self, db: Database, request: ImportRequest) -> None:
        self._cancel = threading.Event()  # one per import: a late click cancels no other
        self._pool.start(_ImportTask(self._signals, db, request, self._cancel))

    def cancel(self) -> None:
        """Ask the running import to stop; it rolls back and reports ``cancelled``."""
        self._cancel.set()

    def is_busy(self) -> bool:
        return self._pool.activeThreadCount() > 0

    def wait(self, msecs: int = -1) -> bool:
        """Block until the worker is idle (closing the window, replacing the database)."""
        return self._pool.waitForDone(msecs)
