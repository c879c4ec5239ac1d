"""The window's one error boundary: every failure of its work becomes a message here.

A failure arrives as an exception. A ``TrackerError`` is shown as its message, with the
file, line and field it is about where set and not already said. An ``OSError`` is the
system refusing (a folder gone, a full disk, no permission) and is shown as such, naming
the file; a full disk is said as such, naming the folder. A database failure
(``SQLAlchemyError``: a full disk, a lost connection) is said like a ``StorageError``,
with the database's reason. Anything else is a bug: logged
with its traceback and shown as an unexpected error, never as a silent stop. No caller
picks exceptions of its own.

Messages quote titles and notes the user typed, so they are always shown as plain text.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy.exc import SQLAlchemyError

from tracker.domain.errors import TrackerError
from tracker.storage.errors import database_failure, disk_full, is_disk_full
from tracker.storage.url_secrets import mask_secrets
from tracker.ui.common.language import QT_TRANSLATE_NOOP, translate
from tracker.ui.common.table_model import as_plain

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Failure:
    """How an operation failed, said once for every caller.

    Attributes:
        error: the exception the operation raised.
        message: what to show the user.
        cancelled: the user (or closing the window) asked the operation to stop.
    """

    error: Exception
    message: str
    cancelled: bool = False

    @classmethod
    def of(cls, error: Exception, *, title: str, cancelled: bool = False) -> Failure:
        """Classify *error*; a bug is logged here, with its traceback. A driver's message
        can quote a database URL as typed: its secrets are masked."""
        failure = cls._classified(error, title=title, cancelled=cancelled)
        return cls(failure.error, mask_secrets(failure.message), failure.cancelled)

    @classmethod
    def _classified(cls, error: Exception, *, title: str, cancelled: bool) -> Failure:
        if isinstance(error, TrackerError):
            return cls(error, _with_location(error), cancelled)
        if isinstance(error, OSError) and is_disk_full(error) and error.filename:
            folder = Path(str(error.filename)).resolve().parent
            return cls(error, str(disk_full(folder, "it was not written")), cancelled)
        if isinstance(error, OSError):
            reason = error.strerror or str(error)
            return cls(error, f"{error.filename}: {reason}" if error.filename else reason,
                       cancelled)
        if isinstance(error, SQLAlchemyError | sqlite3.OperationalError):
            log.warning("%s failed: %s", title, error)
            return cls(error, str(database_failure(error, title)), cancelled)
        log.error("%s failed", title, exc_info=error)
        return cls(error, translate("ErrorBoundary", "Unexpected error ({kind}): {error}").format(
            kind=type(error).__name__, error=error), cancelled)


def _with_location(error: TrackerError) -> str:
    """The message, plus the file, line and field it is about where it does not say so."""
    message = str(error)
    where = [part for part in (
        error.file.name if error.file is not None and error.file.name not in message
        else "",
        translate("ErrorBoundary", "line {number}").format(number=error.line)
        if error.line is not None and f"line {error.line}" not in message else "",
        translate("ErrorBoundary", "field “{field}”").format(field=error.field)
        if error.field and error.field not in message else "",
    ) if part]
    return f"{message} ({', '.join(where)})" if where else message


WRITTEN = QT_TRANSLATE_NOOP("ErrorBoundary", "Nothing was written.")


def show_failure(parent: QWidget, title: str, failure: Failure, *,
                 outcome: str = WRITTEN) -> None:
    """Tell the user that work which writes a file or the database failed, and why:
    *outcome* says what that left ("Nothing was imported."), the failure's message why."""
    said = translate("ErrorBoundary", outcome)  # WRITTEN, or the caller's own (translated)
    QMessageBox.warning(parent, title, as_plain(f"{said}\n\n{failure.message}"))

