"""A large file's records read, checked and converted in a second process (issue 19).

The import's own process then spends its time writing: reading is about two fifths of
the time to usable, and a thread cannot overlap it with the writing (the GIL; see
importing.py). The second process runs the very RowReader the import would run here, on
its own handle of the same file, and sends each batch as it is cut; what the reader learnt
on the way (rejections, notes, the rows' countries and days) comes last.

The import's category rules (a third of the reading's time) go where there is time for
them (``Outbox.takes_the_rules``). A batch cut while the import is behind gets its
suggestions here (the very rule set services.targets.suggest_ahead would apply); a batch
the import is already waiting for goes at once, and the import applies the rules to it;
in step, every other batch. So neither process waits long for the other: with the rules
all here, the writing waited 7 s for batches at a million rows; with a third process for
them, it got two thirds of a core while they ran.

If that process dies or fails, or finds the file at the path is no longer the one the
import opened, the file is read again here, skipping the batches already written, and
the rest is suggested here: slower, never different. A refusal in a strict import comes
back as the same InputFileError, naming the same line and column.
"""

from __future__ import annotations

import logging
import marshal
import multiprocessing
import os
import pickle
import queue
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from types import TracebackType
from typing import Any, cast

from tracker.domain.target_rules import Found, RuleSet
from tracker.io.csv_records import CsvFile
from tracker.io.generic_layout import ColumnMapping
from tracker.io.import_formats import ImportFormat
from tracker.io.input_errors import InputFileError
from tracker.io.text_encoding import TextFacts
from tracker.services.common.cancelled import ImportCancelled
from tracker.services.common.interrupts import ignore_interrupts, interrupt_held
from tracker.services.imports.import_report import ImportReport, Rejection
from tracker.services.imports.import_rows import Raws, RowReader, Rows
from tracker.services.imports.releases import Release
from tracker.storage.suggested_category import rule_fields

log = logging.getLogger(__name__)

# From this many lines on, a file is read in a second process: below it, the process's
# start (half a second, mostly imports) is more than the reading it takes over.
READ_AHEAD_FROM_LINES = 50_000
# A file of this many bytes gets its process before its lines are counted.
START_EARLY_FROM_BYTES = 16 * 1024 * 1024
# Batches the second process may have cut and not yet sent: it reads on while the
# pipe waits for this process to take the last one.
_QUEUED_BATCHES = 2
# How often the import, waiting for a batch, looks at its Cancel and at the process.
_POLL_SECONDS = 0.25
# The first byte of a message: a batch, by marshal (rows of plain values: a third of
# pickle's time to write, three quarters of it to read, with its memo of every object);
# anything else, pickled.
_BATCH, _PICKLED = b"B", b"P"


@dataclass(frozen=True, slots=True)
class ReadRequest:
    """What the second process needs to read the file exactly as the import would."""

    fmt: ImportFormat
    mapping: ColumnMapping | None
    facts: TextFacts
    strict: bool
    release: Release
    constants: tuple[object, ...]
    batch_size: int
    # The import's category rules, applied here to the batches the import is not
    # waiting for (None: to none).
    rules: RuleSet | None
    # The file the import opened (CsvFile.identity): one put in its place since (a new
    # download renamed over it) is not read.
    identity: tuple[int, int, int, int]
    # The rules on every other batch, whatever the import is doing: an import that
    # commits once usable decides the other half after its commit (importing.py).
    half_the_rules: bool = False


@dataclass(frozen=True, slots=True)
class _Batch:
    rows: Rows
    raws: Raws
    found: list[Found] | None  # the rules' suggestion for each row
    records: int  # records read so far, accepted or rejected
    lines_read: int


@dataclass(frozen=True, slots=True)
class _Finished:
    """What the reader learnt, besides the rows: RowReader's state at its end."""

    accepted: int
    lines_read: int
    rejections: list[Rejection]
    flagged: list[Rejection]
    notes: list[str]
    countries: set[str]
    first_day: str | None
    last_day: str | None
    newest_stamp: int | None


@dataclass(frozen=True, slots=True)
class _Unread:
    """Why the second process did not read the file: this process reads it instead."""

    reason: str


@dataclass(frozen=True, slots=True)
class _Refused:
    """A strict import's first rejection, as the InputFileError the reader raised."""

    line: int | None
    column: str | None
    reason: str


class ReaderProcess:
    """The second process, started as the import begins (its start, mostly imports, is
    then hidden behind the import's own) and idle until ``read`` says what to read. A
    context manager: leaving it stops the process, wherever it is."""

    def __init__(self) -> None:
        context = multiprocessing.get_context("spawn")  # why spawn: suggest_ahead.py
        self._connection, child_end = context.Pipe()
        self._process: BaseProcess | None = context.Process(
            target=_serve, args=(child_end,), name="tracker import reader", daemon=True)
        with interrupt_held():  # a Ctrl+C while it starts is the import's alone
            self._process.start()
        child_end.close()  # only the child's copy stays open: its end is then seen here

    def read(self, path: Path, request: ReadRequest) -> None:
        self._connection.send_bytes(_pickled((path, request)))

    def receive(self, cancel: threading.Event) -> object:
        """The next message; EOFError or OSError once the process is gone (or sends
        what does not read back), and ImportCancelled once *cancel* is set, whichever
        comes first."""
        while not self._connection.poll(_POLL_SECONDS):
            if cancel.is_set():
                raise ImportCancelled
            if self._process is None or not self._process.is_alive():
                if self._connection.poll():  # its last words, sent before it ended
                    break
                raise EOFError("the process reading the file ended")
        message = self._connection.recv_bytes()
        try:
            return _unpacked(message)
        except (ValueError, TypeError, pickle.UnpicklingError) as exc:
            # Never expected (the same program on both ends), but then read here.
            raise EOFError("a message from the process reading the file did not "
                           "read back") from exc

    def close(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        if process.is_alive():
            process.terminate()
        process.join()
        self._connection.close()

    def __enter__(self) -> ReaderProcess:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()


def reader_process(source: object, *, allowed: bool,
                   started: ReaderProcess | None = None) -> ReaderProcess | None:
    """A second process to read *source* in, when the caller allows one (only the
    program's own entry points do: importing.py) and it is a file of
    READ_AHEAD_FROM_LINES lines or more: *started* (``early_reader_process``) if one
    was, else a new one. *started* is stopped if the file is not read in it."""
    if not allowed or not isinstance(source, CsvFile) or \
            source.facts.lines < READ_AHEAD_FROM_LINES:
        if started is not None:
            started.close()
        return None
    return started or _new_process()


def early_reader_process(path: Path, *, allowed: bool) -> ReaderProcess | None:
    """The second process for *path*, started before the file is scanned (its start,
    0.15 s to ready, then overlaps the scan, a third of a second at a million lines) when
    the file is so large that it almost surely has READ_AHEAD_FROM_LINES lines: ACLED's
    and UCDP's run to 300 bytes and more. ``reader_process`` takes it, or stops it."""
    try:
        large = allowed and path.stat().st_size >= START_EARLY_FROM_BYTES
    except OSError:  # the scan that follows says what is wrong with the file
        return None
    return _new_process() if large else None


def _new_process() -> ReaderProcess | None:
    try:
        return ReaderProcess()
    except OSError:  # no process to be had (a limit on processes, or on memory)
        log.warning("no second process to read the file in; reading it here",
                    exc_info=True)
        return None


class ReadAhead(RowReader):
    """The import's RowReader, its batches read in the second *process*: the import
    uses it as it would the reader it is made from."""

    def __init__(self, reader: RowReader, process: ReaderProcess, fmt: ImportFormat,
                 mapping: ColumnMapping | None, cancel: threading.Event,
                 rules: RuleSet | None, *, half_the_rules: bool = False) -> None:
        super().__init__(reader.source, reader.layout, reader.report,
                         strict=reader.strict, release=reader.release)
        assert isinstance(reader.source, CsvFile)
        self._file: CsvFile = reader.source
        self._process = process
        self._fmt, self._mapping = fmt, mapping
        self._cancel = cancel
        self._rules = rules
        self._half_the_rules = half_the_rules
        self._found: list[Found] | None = None  # the last batch's, made there
        self._from_process = True  # until the process fails: then read here
        self._records = 0
        self._lines = 0

    @property
    def lines_read(self) -> int:
        return self._lines if self._from_process else self.source.lines_read

    @property
    def records_read(self) -> int:
        return self._records if self._from_process else super().records_read

    def found_by_reader(self) -> list[Found] | None:
        found, self._found = self._found, None
        return found

    def batches(self, constants: tuple[object, ...],
                batch_size: int) -> Iterator[tuple[Rows, Raws]]:
        received = 0
        try:
            self._process.read(self.source.path, ReadRequest(
                self._fmt, self._mapping, self.source.facts, self.strict, self.release,
                constants, batch_size, self._rules, self._file.identity(),
                self._half_the_rules))
            while True:
                message = self._process.receive(self._cancel)
                if isinstance(message, _Batch):
                    self._records, self._lines = message.records, message.lines_read
                    self._found = message.found
                    received += 1
                    yield message.rows, message.raws
                elif isinstance(message, _Refused):
                    raise InputFileError(self.source.path, message.line, message.column,
                                         message.reason)
                elif isinstance(message, _Unread):
                    log.warning("%s; reading it here", message.reason)
                    break
                else:
                    assert isinstance(message, _Finished)
                    self._take(message)
                    return
        except (EOFError, OSError):
            log.warning("the process reading the file stopped; reading it again here",
                        exc_info=True)
        self._process.close()
        self._from_process = False
        self._found = None  # what is read here is suggested here
        for done, batch in enumerate(super().batches(constants, batch_size)):
            if done >= received:  # the batches before were written already
                yield batch
            elif self._cancel.is_set():
                raise ImportCancelled

    def _take(self, finished: _Finished) -> None:
        self.accepted = finished.accepted
        self._lines = finished.lines_read
        self._records = finished.accepted + len(finished.rejections)
        report = self.report
        report.rejections.extend(finished.rejections)
        report.flagged.extend(finished.flagged)
        report.notes.extend(finished.notes)
        self.countries, self.newest_stamp = finished.countries, finished.newest_stamp
        self.first_day, self.last_day = finished.first_day, finished.last_day
        self._process.close()


def _serve(connection: Connection) -> None:
    """The second process: wait to be told what to read, then read it and send its
    batches, then what was learnt."""
    # Ctrl+C interrupts the import, which then stops this process: not both at once.
    ignore_interrupts()
    try:
        path, request = cast(tuple[Path, ReadRequest], _unpacked(connection.recv_bytes()))
    except EOFError:  # the import ended before it read (refused, cancelled)
        return
    outbox = Outbox(connection)
    try:
        outbox.put(_pickled(_read(path, request, outbox)))
    finally:
        outbox.close()


class Outbox:
    """The messages cut and not yet taken by the import, sent from a second thread: the
    reading goes on while the pipe waits for the import to take the last one."""

    def __init__(self, connection: Connection) -> None:
        self._queue: queue.Queue[bytes | None] = queue.Queue(_QUEUED_BATCHES)
        self._sending = False  # written by the mailer thread only
        self._alternate = False  # whether the last batch in step took the rules
        self._mailer = threading.Thread(target=self._send_all, args=(connection,),
                                        daemon=True)
        self._mailer.start()

    def put(self, message: bytes) -> None:
        self._queue.put(message)

    def takes_the_rules(self) -> bool:
        """Whether the batch about to be put should carry the rules' suggestions.

        Always while the import is two batches behind (the outbox is full); never while
        it has taken every message put so far (it will wait for the next, and has time
        on its hands); and every other batch while the two keep in step. In step, each
        process takes about as long over a batch without the rules (at a million ACLED
        rows, about 70 ms a batch of 5,000 reading, as much unpacking and writing, the
        rules 30 ms more), and sharing them so kept both busy: the import waiting at
        each other moment, or the reading doing most of the rules, left one of the two
        idle for a second or more."""
        if self._queue.full():
            return True
        if not self._sending and self._queue.empty():
            return False
        return self.takes_half()

    def takes_half(self) -> bool:
        """Every other batch, from the first (of those asked about): what the rules do
        in step, and all they do when the import categorises only what this process did
        and leaves the rest to after its commit."""
        self._alternate = not self._alternate
        return self._alternate

    def close(self) -> None:
        """Send what is left, then stop the mailer."""
        self._queue.put(None)
        self._mailer.join()

    def _send_all(self, connection: Connection) -> None:
        while (message := self._queue.get()) is not None:
            self._sending = True
            try:
                connection.send_bytes(message)
            except OSError:  # the import is gone (cancelled, failed or killed): stop
                os._exit(0)
            except BaseException:
                # Never a reader left waiting on a full outbox, nor an import on a
                # process that sends nothing: it sees this one end, and reads the file
                # itself.
                os._exit(1)
            self._sending = False


def _read(path: Path, request: ReadRequest,
          outbox: Outbox) -> _Finished | _Refused | _Unread:
    with CsvFile(path, request.facts) as source:
        if source.identity() != request.identity:
            return _Unread(f"{path.name} is no longer the file the import opened (it "
                           "was replaced or changed since)")
        header = source.header()
        assert request.fmt.layout is not None
        layout = request.fmt.layout(path, header, request.mapping)
        report = ImportReport(path, layout.description, layout.dataset, "")
        reader = RowReader(source, layout, report, strict=request.strict,
                           release=request.release)
        packed = _packer(request.constants)
        rules = request.rules
        try:
            for rows, raws in reader.batches(request.constants, request.batch_size):
                # The rules run here on every batch while the import is behind, on none
                # while it waits, on every other one in step (Outbox.takes_the_rules); the
                # import applies them to the rest (suggest_ahead).
                takes = outbox.takes_half() if request.half_the_rules \
                    else outbox.takes_the_rules()
                found = rules.found_all([rule_fields(row) for row in rows]) \
                    if rules is not None and takes else None
                outbox.put(packed(_Batch(rows, raws, found, reader.records_read,
                                         reader.lines_read)))
        except InputFileError as refused:
            return _Refused(refused.line, refused.column, refused.reason)
        return _Finished(reader.accepted, reader.lines_read, report.rejections,
                         report.flagged, report.notes, reader.countries,
                         reader.first_day, reader.last_day, reader.newest_stamp)


def _packer(constants: tuple[Any, ...]) -> Callable[[_Batch], bytes]:
    """How the batches go: by marshal when the rows hold plain values only. What the
    reader reads is (text, numbers, None); what the writer appends to every row may not
    be (PostgreSQL's stamp is a datetime, which marshal cannot write): then pickled."""
    try:
        marshal.dumps(constants)
    except ValueError:
        return _pickled
    return _marshalled


def _marshalled(batch: _Batch) -> bytes:
    return _BATCH + marshal.dumps((batch.rows, batch.raws, batch.found, batch.records,
                                   batch.lines_read))


def _pickled(message: object) -> bytes:
    return _PICKLED + pickle.dumps(message, pickle.HIGHEST_PROTOCOL)


def _unpacked(message: bytes) -> object:
    if message[:1] == _BATCH:
        return _Batch(*marshal.loads(memoryview(message)[1:]))
    if message[:1] == _PICKLED:
        return pickle.loads(memoryview(message)[1:])
    raise ValueError(f"a message of unknown kind {message[:1]!r}")
