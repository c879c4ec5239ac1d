"""The one base of every error the tracker tells a user about.

Each layer raises its own subclass (a rule broken, a record gone, a file refused, a
database that cannot be opened), but a boundary — the window's and the command line's —
catches ``TrackerError`` alone and shows ``str(error)``: anything else is a bug, not a
message. Where known, an error carries the file, line and field it is about, so the
message and the dialog can point at them.
"""

from __future__ import annotations

from pathlib import Path


class TrackerError(Exception):
    """An error whose message is meant for the user.

    Attributes:
        file: the file the error is about, if any.
        line: the 1-based line (or row) in that file, if known.
        field: the field (a form field, or a file's column) it is about, if known.
    """

    file: Path | None = None
    line: int | None = None
    field: str | None = None
