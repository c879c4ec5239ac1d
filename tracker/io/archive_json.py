"""The archive's JSON text, written and read a row at a time.

A database of a million events makes a file of gigabytes, so neither side holds it: the
writer prints the envelope by hand and one row per call, the reader walks the envelope
token by token and decodes one row at a time with ``json.JSONDecoder.raw_decode``.

The text is canonical: it equals ``json.dumps(document, indent=1, sort_keys=True,
ensure_ascii=False)`` plus a final newline, so two equal databases give equal bytes.
Tables are a list of ``{"name", "rows"}`` objects, which sorted keys leave in the order
written (the order foreign keys need on import), unlike an object keyed by table name.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from json.encoder import encode_basestring
from typing import Any, NoReturn, TextIO

from tracker.domain.errors import TrackerError

# About three hundred rows per read; a row longer than _LONGEST_VALUE is refused.
_CHUNK_CHARS = 1 << 18
_LONGEST_VALUE = 64 << 20
_WHITESPACE = " \t\n\r"
_ROW_INDENT = "\n    "
_FIELD_INDENT = "\n     "
_WORDS = ("null", "true", "false")


class ArchiveSyntaxError(TrackerError, ValueError):
    """The file is not an archive's JSON (broken, truncated, or reordered by hand)."""


def scalar_text(value: object) -> str:
    """One JSON scalar, as ``json.dumps`` writes it (floats by repr, text unescaped)."""
    if value is None:
        return "null"
    if isinstance(value, str):
        return str(encode_basestring(value))
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(f"{value!r} has no JSON form")
        return float.__repr__(value)
    raise TypeError(f"Not a JSON scalar: {value!r}")


class ArchiveWriter:
    """Writes the envelope around tables of rows; rows are flat mappings of scalars."""

    def __init__(self, stream: TextIO, header: Mapping[str, object]) -> None:
        self._stream = stream
        self._tables = 0
        self._rows = 0
        stream.write("{")
        for key in sorted(header):
            stream.write(f"\n {scalar_text(key)}: {scalar_text(header[key])},")
        stream.write('\n "tables": [')

    def begin_table(self, name: str) -> None:
        separator = "," if self._tables else ""
        self._stream.write(f'{separator}\n  {{\n   "name": {scalar_text(name)},\n   "rows": [')
        self._tables += 1
        self._rows = 0

    def row(self, fields: Mapping[str, object]) -> None:
        """One row, its keys sorted; the caller passes them already in sorted order."""
        body = ("," + _FIELD_INDENT).join(
            f"{scalar_text(key)}: {scalar_text(value)}" for key, value in fields.items())
        separator = "," if self._rows else ""
        self._stream.write(f"{separator}{_ROW_INDENT}{{{_FIELD_INDENT}{body}{_ROW_INDENT}}}"
                           if fields else f"{separator}{_ROW_INDENT}{{}}")
        self._rows += 1

    def end_table(self) -> None:
        self._stream.write("\n   ]\n  }" if self._rows else "]\n  }")

    def close(self) -> None:
        self._stream.write("\n ]\n}\n" if self._tables else "]\n}\n")


class ArchiveReader:
    """Reads an archive's header, then its tables one row at a time.

    Errors name the line they were found on. ``header`` must be read first; ``tables``
    then yields each table's name and an iterator over its rows, which is drained
    before the next table is read.
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._buffer = ""
        self._pos = 0
        self._line = 1  # the line of _buffer[0]
        self._eof = False
        self._in_tables = False
        self._decoder = json.JSONDecoder()
        self._where = ""  # "table 'round', row 3: " while a row is read

    # -- the envelope ----------------------------------------------------------------------

    def header(self) -> dict[str, Any]:
        """The keys before "tables" (format, version…); stops just inside "tables".

        A JSON object without "tables" ends the header too, so the caller can say what
        the file is (another program's JSON) before ``tables`` says it has none.
        """
        self._expect("{", "the archive to start with '{'")
        found: dict[str, Any] = {}
        while True:
            key = self._key()
            if key == "tables":
                self._expect("[", "a list of tables after \"tables\"")
                self._in_tables = True
                return found
            found[key] = self._value()
            if self._peek() == "}":
                return found
            self._expect(",", "',' then more of the header: \"tables\" comes last")

    def tables(self) -> Iterator[tuple[str, Iterator[Any]]]:
        if not self._in_tables:
            self._fail("\"tables\" as the header's last key")
        first = True
        while True:
            if self._peek() == "]":
                self._pos += 1
                break
            if not first:
                self._expect(",", "',' between tables or ']' after the last")
            first = False
            self._expect("{", "a table: {\"name\": …, \"rows\": […]}")
            if self._key() != "name":
                self._fail("a table's \"name\" first")
            name = self._value()
            if not isinstance(name, str):
                self._fail("a table name in quotes")
            self._expect(",", "',' then the table's \"rows\"")
            if self._key() != "rows":
                self._fail(f"the rows of table {name!r}")
            self._expect("[", f"a list of rows for table {name!r}")
            rows = self._rows(name)
            yield name, rows
            for _ in rows:  # whatever the caller left unread
                pass
            self._expect("}", f"the end of table {name!r}")
        self._expect("}", "the end of the archive")
        if self._peek() != "":
            self._fail("nothing after the end of the archive")

    def _rows(self, name: str) -> Iterator[Any]:
        if self._peek() == "]":
            self._pos += 1
            return
        number = 0
        while True:
            number += 1
            self._where = f"table {name!r}, row {number}: "
            value = self._value()
            self._where = ""
            yield value
            if self._peek() == "]":
                self._pos += 1
                return
            self._expect(",", "',' between rows or ']' after the last")

    # -- tokens ------------------------------------------------------------------------

    def _key(self) -> str:
        key = self._value()
        if not isinstance(key, str):
            self._fail("a key in quotes")
        self._expect(":", "':' after a key")
        return key

    def _expect(self, char: str, what: str) -> None:
        if self._peek() != char:
            self._fail(what)
        self._pos += 1

    def _peek(self) -> str:
        """The next character that is not white space ("" at the end of the file)."""
        while True:
            while self._pos < len(self._buffer) and self._buffer[self._pos] in _WHITESPACE:
                self._pos += 1
            if self._pos < len(self._buffer):
                return self._buffer[self._pos]
            if not self._fill():
                return ""

    def _value(self) -> Any:
        if self._peek() == "":
            self._fail("more, but the file ends: is it truncated?")
        while True:
            try:
                value, end = self._decoder.raw_decode(self._buffer, self._pos)
            except json.JSONDecodeError as exc:
                if len(self._buffer) - self._pos > _LONGEST_VALUE:
                    self._fail_at(exc.pos, f"{exc.msg} (or a value longer than "
                                           f"{_LONGEST_VALUE:,} characters)")
                if not self._fill():
                    self._fail_at(exc.pos, self._why(exc))
                # exc.pos is into the old buffer; the value is decoded again from the start.
                continue
            # Issue 14, F4: both escaped the decoder's JSONDecodeError as tracebacks.
            except RecursionError:
                self._fail_at(self._pos, f"{self._where}a value nested too deeply (lists or "
                                         "objects inside each other, thousands of levels "
                                         "down)")
            except ValueError:  # Python reads integers of at most 4,300 digits
                self._fail_at(self._pos, f"{self._where}a number too long to read (more "
                                         "than 4,300 digits)")
            # A number that ends with the buffer may go on in the next chunk.
            if end == len(self._buffer) and self._fill():
                continue
            self._pos = end
            return value

    def _why(self, exc: json.JSONDecodeError) -> str:
        """The decoder's complaint, or that the file stops inside a value."""
        rest = self._buffer[exc.pos:].rstrip(_WHITESPACE)
        # A cut inside null, true or false leaves the start of the word at the end.
        if exc.msg.startswith("Unterminated string") or not rest or \
                any(word.startswith(rest) for word in _WORDS):
            ends = self._line + self._buffer.count("\n")
            return f"the file ends inside a value, at line {ends}: is it truncated?"
        return exc.msg

    def _fill(self) -> bool:
        """Read another chunk, dropping what was consumed; False at the end of the file."""
        if self._eof:
            return False
        try:
            chunk = self._stream.read(_CHUNK_CHARS)
        except UnicodeDecodeError as exc:
            raise ArchiveSyntaxError(
                f"line {self._line + self._buffer.count(chr(10))}: the file is not UTF-8 "
                f"text ({exc.reason}); is it truncated or damaged?") from exc
        if not chunk:
            self._eof = True  # the buffer stays as it was, so error positions hold
            return False
        self._line += self._buffer.count("\n", 0, self._pos)
        self._buffer = self._buffer[self._pos:] + chunk
        self._pos = 0
        return True

    def _fail(self, what: str) -> NoReturn:
        found = self._buffer[self._pos:self._pos + 20]
        shown = f"found {found!r}" if found else "the file ends: is it truncated?"
        self._fail_at(self._pos, f"expected {what}; {shown}")

    def _fail_at(self, pos: int, message: str) -> NoReturn:
        line = self._line + self._buffer.count("\n", 0, pos)
        raise ArchiveSyntaxError(f"line {line}: {message}")
