"""Errors about a data file the user brought, naming the file, line and field."""

from __future__ import annotations

from pathlib import Path

from tracker.domain.errors import TrackerError


class InputFileError(TrackerError):
    """The whole file is refused: nothing was written to the database.

    *line* is the 1-based line of the file where the problem shows, and *column* the
    header name of the field, when either is known.
    """

    def __init__(self, path: Path, line: int | None, column: str | None, reason: str) -> None:
        self.path = path
        self.file = path
        self.line = line
        self.column = column
        self.field = column
        self.reason = reason
        where = path.name if line is None else f"{path.name}, line {line}"
        field = f", column {column!r}" if column else ""
        super().__init__(f"{where}{field}: {reason}")


class FieldError(TrackerError, ValueError):
    """One field of one record cannot be read; the record is rejected, not the file."""

    def __init__(self, column: str, reason: str) -> None:
        self.column = column
        self.field = column
        self.reason = reason
        super().__init__(f"{column}: {reason}")


def shortened(text: str, limit: int = 60) -> str:
    """*text* quoted for a message, cut to *limit* characters with its length said: a
    header cell can be megabytes long, and a message prints every character it holds."""
    if len(text) <= limit:
        return repr(text)
    return f"{text[:limit]!r}… ({len(text):,} characters)"
