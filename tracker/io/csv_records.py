"""CSV records with the file line each starts on and the text it was read from.

A record can span lines (UCDP puts raw line breaks in quoted fields), so its line number
is where it starts, not the reader's position after it. The text is kept as it was in the
file so an imported event can show the row it came from, without re-encoding it.
"""

from __future__ import annotations

import csv
import os
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from tracker.domain.nul_text import NUL, NUL_REASON
from tracker.io.input_errors import InputFileError
from tracker.io.text_encoding import TextFacts

# Fields are checked for length one by one (to name the column), so the csv module's own
# limit, which only says "field larger than field limit", is lifted past any real field.
csv.field_size_limit(2**31 - 1)
# Longest field accepted: the longest ACLED note is a few thousand characters.
MAX_FIELD_CHARS = 100_000
# A record longer than this is a quote never closed (or not CSV at all), not data: UCDP's
# multi-line notes run to a few lines. The limits bound what is held in memory; the
# characters' one is far above MAX_FIELD_CHARS so that an overlong field is still read
# and refused by its column's name, up to this size.
MAX_RECORD_LINES = 1_000
MAX_RECORD_CHARS = 16 * 1024 * 1024


# (line the record starts on, its fields, its text as in the file). A plain tuple, not a
# class: a million of them are made per import, and a tuple is the cheapest to build.
Record = tuple[int, list[str], str]


@dataclass(frozen=True, slots=True)
class BrokenRecord:
    """A record the CSV parser itself could not read (a stray quote, a cut-off file)."""

    line: int
    reason: str
    # Reading went on from the line after *line* (a quote never closed): the lines that
    # follow may be the rest of its field, not records (see import_rows.RowReader).
    resumed: bool = False


class _Runaway(Exception):
    """A record swallowed more lines or characters than any real one has."""


class CsvFile:
    """An open CSV file: its header, then its records, read once, in order.

    A quote that is never closed makes the csv module read the rest of the file as one
    field: one stray character would then drop every later record, and hold them all in
    memory. So a record is cut off when it runs past MAX_RECORD_LINES physical lines or
    MAX_RECORD_CHARS characters, or to the file's end inside quotes: it is rejected at the
    line its quote opened, and reading starts again on the line after it, from the lines
    already read (at most one record's worth is ever held).
    """

    def __init__(self, path: Path, facts: TextFacts) -> None:
        self.path = path
        self.facts = facts
        self._handle: TextIO = path.open(encoding=facts.codec, newline="")
        self._lines: list[str] = []  # the physical lines of the record being read
        self._chars = 0
        self._line = 0  # physical lines the reader has taken
        self._replay: deque[str] = deque()  # lines to read again after a cut-off record
        self._reader = csv.reader(self._tap(), strict=True)
        # The first record as read, for a headerless file whose first line is data.
        self.header_record: Record | BrokenRecord | None = None

    def close(self) -> None:
        self._handle.close()

    def __enter__(self) -> CsvFile:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _tap(self) -> Iterator[str]:
        lines, replay, handle = self._lines, self._replay, self._handle
        while True:
            # A physical line longer than the limit comes in pieces; the first piece is
            # already too long, so the rest is never held.
            line = replay.popleft() if replay else handle.readline(MAX_RECORD_CHARS + 1)
            if not line:
                return
            lines.append(line)
            self._line += 1
            self._chars += len(line)
            if len(lines) > MAX_RECORD_LINES or self._chars > MAX_RECORD_CHARS:
                raise _Runaway
            yield line

    @property
    def lines_read(self) -> int:
        """Physical lines consumed so far, for progress against ``TextFacts.lines``."""
        return self._line

    def identity(self) -> tuple[int, int, int, int]:
        """The open file's device, inode, size and modification time: another handle on
        the same path holds the same bytes only if its identity is this one."""
        facts = os.fstat(self._handle.fileno())
        return facts.st_dev, facts.st_ino, facts.st_size, facts.st_mtime_ns

    def header(self) -> list[str]:
        """The first record, its cells trimmed; refuses an empty file."""
        first = next(self.records(), None)
        self.header_record = first
        if first is None:
            raise InputFileError(self.path, None, None, "is empty: no header line")
        if isinstance(first, BrokenRecord):
            raise InputFileError(self.path, first.line, None, first.reason)
        line, names, _text = first
        for position, name in enumerate(names, start=1):
            if NUL in name:  # see domain/nul_text.py
                raise InputFileError(self.path, line, None,
                                     f"column {position} of the first line {NUL_REASON}")
        # Trimmed but not checked: a headerless file's first line is data, whose values
        # repeat; the layout that reads it as names checks them (event_layouts.Columns).
        return [name.strip() for name in names]

    def records(self) -> Iterator[Record | BrokenRecord]:
        lines = self._lines
        while True:
            start = self._line + 1
            try:
                fields = next(self._reader)
            except StopIteration:
                return
            except _Runaway:
                yield BrokenRecord(start, self._cut_off(start, at_end=False), resumed=True)
                continue
            except csv.Error as exc:
                if "unexpected end of data" in str(exc):
                    yield BrokenRecord(start, self._cut_off(start, at_end=True),
                                       resumed=True)
                    continue
                self._reset()
                yield BrokenRecord(start, f"is not valid CSV ({exc})")
                continue
            text = lines[0] if len(lines) == 1 else "".join(lines)
            self._reset()
            yield start, fields, text.rstrip("\r\n")

    def _reset(self) -> None:
        self._lines.clear()
        self._chars = 0

    def _cut_off(self, start: int, *, at_end: bool) -> str:
        """Set reading to resume on the line after *start*; the rejection's reason."""
        lines = self._lines
        # One physical line over the limit: it is the record; the rest of it is skipped
        # unread (the piece read so far ends without a line end).
        overlong = not at_end and len(lines) == 1
        if overlong and not lines[0].endswith(("\n", "\r")):
            while (piece := self._handle.readline(MAX_RECORD_CHARS + 1)) and \
                    not piece.endswith(("\n", "\r")):
                pass
        # The reader is rebuilt: the old one is inside a quoted field (or ended).
        self._replay.extendleft(reversed(lines[1:]))
        self._line = start
        self._reset()
        self._reader = csv.reader(self._tap(), strict=True)
        if overlong:
            return (f"is over {MAX_RECORD_CHARS:,} characters long on one line; it was "
                    "skipped")
        if at_end:
            return (f"the file ends inside a quoted field: the quote opened on line "
                    f"{start} is never closed, or the file was cut off; reading went on "
                    "from the next line")
        return (f"a quote opened on line {start} is not closed within "
                f"{MAX_RECORD_LINES:,} lines or {MAX_RECORD_CHARS:,} characters; "
                "reading went on from the next line")
