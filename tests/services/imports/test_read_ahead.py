"""A large file read in a second process while the import writes (services.imports.
read_ahead): the same events, report and refusals as when it is read in the import's own
process, the file read again here when that process dies, and no process left behind."""

from __future__ import annotations

import functools
import logging
import multiprocessing
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import URL, select

from tests.conftest import REAL_DATA, TESTS
from tests.killed_parent import PROC, kill_and_watch
from tracker.domain.events import BattlefieldEvent, BattlefieldEventRaw
from tracker.io.import_formats import ImportFormat
from tracker.io.input_errors import InputFileError
from tracker.services.common.cancelled import ImportCancelled
from tracker.services.imports import importing, read_ahead
from tracker.services.imports.import_report import ImportReport
from tracker.services.imports.importing import ImportProgress, import_events
from tracker.services.targets import suggest_ahead
from tracker.storage import event_upsert
from tracker.storage.database import Database, open_database
from tracker.storage.suggested_category import rule_fields

DATA = TESTS / "data"
# Real files whose reading has something to say: the HXL row of HDX, rejected records and
# their notes (a quote never closed, impossible dates, fields a short row lacks), a
# code page, records of other countries.
FILES = [
    (REAL_DATA / "ucdp_ged_ukraine_2014-2021_hdx_hxl.csv", ImportFormat.UCDP),
    (REAL_DATA / "ucdp_ged_ukraine_2014-2023_ged221+candidate_excel_cp1252.csv",
     ImportFormat.UCDP),
    (DATA / "acled" / "releases" / "acled_northern_four_countries.csv", ImportFormat.ACLED),
    (DATA / "bad" / "bad_dates.csv", ImportFormat.ACLED),
    (DATA / "bad" / "truncated_in_quote.csv", ImportFormat.ACLED),
]
# Columns that differ between two imports of one file: the instants each ran at.
_WHEN = {"first_imported_at", "imported_at", "status_changed_at", "target_decided_at"}


@pytest.fixture
def small_files_ahead(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every file is read in the second process; returns the kinds of the messages
    received from it, in order (the batches are made small, so a file has several)."""
    monkeypatch.setattr(read_ahead, "READ_AHEAD_FROM_LINES", 1)
    monkeypatch.setattr(importing, "_BATCH", 50)
    received: list[str] = []
    receive = read_ahead.ReaderProcess.receive

    def noted(process: read_ahead.ReaderProcess, cancel: threading.Event) -> object:
        message = receive(process, cancel)
        received.append(type(message).__name__)
        return message

    monkeypatch.setattr(read_ahead.ReaderProcess, "receive", noted)
    return received


def _read_there_whole(received: list[str]) -> bool:
    """Whether the second process read the whole file: batches, then what it learnt."""
    return received.count("_Batch") >= 1 and received[-1] == "_Finished" and \
        set(received) == {"_Batch", "_Finished"}


def _open(new_database: Callable[[str], Path | URL], name: str) -> Iterator[Database]:
    database = open_database(new_database(name))
    try:
        yield database
    finally:
        database.close()


@pytest.fixture
def here_db(new_database: Callable[[str], Path | URL]) -> Iterator[Database]:
    yield from _open(new_database, "read_here.db")


def _events(db: Database) -> list[tuple[Any, ...]]:
    columns = [column for column in BattlefieldEvent.__table__.columns
               if column.key not in _WHEN]
    with db.reading() as session:
        events = session.execute(select(*columns).order_by(BattlefieldEvent.id)).all()
        raws = session.execute(select(BattlefieldEventRaw.event_id, BattlefieldEventRaw.raw)
                               .order_by(BattlefieldEventRaw.event_id)).all()
    return [tuple(row) for row in events] + [tuple(row) for row in raws]


def _said(report: ImportReport) -> tuple[Any, ...]:
    return (report.records, report.added, report.updated, report.unchanged, report.lines,
            report.rejections, report.flagged, report.notes, report.release, report.scope,
            report.summary().rsplit(" in ", 1)[0])


@pytest.mark.parametrize(("path", "fmt"), FILES, ids=[path.name for path, _ in FILES])
def test_a_file_read_in_a_second_process_imports_as_one_read_here(
        db: Database, here_db: Database, small_files_ahead: list[str],
        path: Path, fmt: ImportFormat) -> None:
    ahead = import_events(db, path, fmt, second_processes=True)
    assert _read_there_whole(small_files_ahead)
    here = import_events(here_db, path, fmt)
    assert _said(ahead) == _said(here)
    assert ahead.records and ahead.lines
    assert _events(db) == _events(here_db)


@pytest.mark.sqlite_only  # on PostgreSQL its own writer runs the parametrised test above
def test_a_writer_whose_constants_marshal_cannot_write_is_sent_pickled_batches(
        db: Database, here_db: Database, small_files_ahead: list[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The portable writer (PostgreSQL's way) stamps its rows with a datetime, which
    marshal refuses: the batches are then pickled, and still all come from the second
    process, with the same result as reading here."""
    stamped = ("ACLED", 1, datetime(2026, 12, 6, tzinfo=UTC), "")
    assert read_ahead._packer(stamped) is read_ahead._pickled
    assert read_ahead._packer(("ACLED", 1, "2026-12-06 00:00:00.000000", "")) \
        is read_ahead._marshalled
    monkeypatch.setattr(importing, "EventUpsert",
                        functools.partial(event_upsert.EventUpsert, portable=True))
    path, fmt = FILES[1]
    ahead = import_events(db, path, fmt, second_processes=True)
    assert _read_there_whole(small_files_ahead)
    here = import_events(here_db, path, fmt)
    assert _said(ahead) == _said(here)
    assert _events(db) == _events(here_db)


def test_whichever_process_applies_the_rules_the_categories_are_the_same(
        db: Database, here_db: Database, small_files_ahead: list[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The rules run where the file is read, or here for a batch the import waited for
    (how the batches split depends on timing; the next test makes each way happen): no
    third process is started for them, and the categories are those the rules give
    here."""
    here = import_events(here_db, FILES[1][0], FILES[1][1])
    suggesters: list[suggest_ahead.Suggester] = []
    made = suggest_ahead.import_suggester

    def noted(*args: Any, **kwargs: Any) -> suggest_ahead.Suggester:
        suggesters.append(made(*args, **kwargs))
        return suggesters[-1]

    monkeypatch.setattr(importing, "import_suggester", noted)
    ahead = import_events(db, FILES[1][0], FILES[1][1], second_processes=True)
    assert _read_there_whole(small_files_ahead)
    assert [suggester.in_second_process for suggester in suggesters] == [False]
    assert _said(ahead) == _said(here)
    assert _events(db) == _events(here_db)


class _Outbox:
    """In place of read_ahead.Outbox: keeps the messages; the import is behind, so the
    batches here take the rules (*behind*), or waiting for the next."""

    def __init__(self, *, behind: bool) -> None:
        self._behind = behind
        self.batches: list[Any] = []

    def takes_the_rules(self) -> bool:
        return self._behind

    def put(self, message: bytes) -> None:
        self.batches.append(read_ahead._unpacked(message))


def test_the_reading_process_applies_the_rules_while_the_import_is_behind(
        db: Database, small_files_ahead: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A batch cut while the import is behind comes with its suggestions, the rules'
    own; one the import is waiting for goes at once, without."""
    requests: list[tuple[Path, read_ahead.ReadRequest]] = []
    read = read_ahead.ReaderProcess.read

    def noted(process: read_ahead.ReaderProcess, path: Path,
              request: read_ahead.ReadRequest) -> None:
        requests.append((path, request))
        read(process, path, request)

    monkeypatch.setattr(read_ahead.ReaderProcess, "read", noted)
    import_events(db, FILES[1][0], FILES[1][1], second_processes=True)
    [(path, request)] = requests
    rules = request.rules
    assert rules is not None
    busy, waiting = _Outbox(behind=True), _Outbox(behind=False)
    assert isinstance(read_ahead._read(path, request, busy), read_ahead._Finished)
    assert isinstance(read_ahead._read(path, request, waiting), read_ahead._Finished)
    assert len(busy.batches) == len(waiting.batches) > 2
    assert [batch.found for batch in busy.batches] == [
        rules.found_all([rule_fields(row) for row in batch.rows]) for batch in busy.batches]
    assert any(found is not None for batch in busy.batches for found in batch.found)
    assert [batch.found for batch in waiting.batches] == [None] * len(waiting.batches)
    assert [batch.rows for batch in busy.batches] == [batch.rows for batch in waiting.batches]


def test_progress_counts_what_the_second_process_read(
        db: Database, small_files_ahead: list[str]) -> None:
    path, fmt = FILES[1]
    seen: list[ImportProgress] = []
    report = import_events(db, path, fmt, second_processes=True, progress=seen.append)
    assert _read_there_whole(small_files_ahead)
    reading = [step for step in seen if not step.indexing]
    assert len(reading) > 2
    assert [step.records for step in reading] == sorted(step.records for step in reading)
    assert reading[-1].records == report.records
    assert reading[-1].lines_read == report.lines


def test_a_strict_import_refuses_the_same_line_either_way(
        db: Database, here_db: Database, small_files_ahead: list[str]) -> None:
    path = DATA / "bad" / "bad_dates.csv"
    with pytest.raises(InputFileError) as ahead:
        import_events(db, path, ImportFormat.ACLED, strict=True, second_processes=True)
    assert small_files_ahead[-1] == "_Refused"  # the refusal came from there
    with pytest.raises(InputFileError) as here:
        import_events(here_db, path, ImportFormat.ACLED, strict=True)
    assert str(ahead.value) == str(here.value)
    assert (ahead.value.line, ahead.value.column) == (here.value.line, here.value.column)
    assert _events(db) == []


def test_a_killed_second_process_leaves_the_rest_to_this_one(
        db: Database, here_db: Database, small_files_ahead: list[str],
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    path, fmt = FILES[1]
    receive = read_ahead.ReaderProcess.receive  # the noting one
    killed: list[int] = []

    def killing(process: read_ahead.ReaderProcess, cancel: threading.Event) -> object:
        message = receive(process, cancel)
        # Killed with its third batch in hand (the batches already in the pipe still
        # arrive after it, then its end).
        if len(small_files_ahead) == 3:
            pid = process._process.pid if process._process is not None else None
            assert pid is not None
            os.kill(pid, signal.SIGKILL)
            process._process.join()  # type: ignore[union-attr]
            killed.append(pid)
        return message

    monkeypatch.setattr(read_ahead.ReaderProcess, "receive", killing)
    with caplog.at_level(logging.WARNING, logger=read_ahead.__name__):
        ahead = import_events(db, path, fmt, second_processes=True)
    assert killed
    assert "reading it again here" in caplog.text
    assert "_Finished" not in small_files_ahead
    here = import_events(here_db, path, fmt)
    assert _said(ahead) == _said(here)
    assert _events(db) == _events(here_db)


def test_a_batch_that_does_not_read_back_leaves_the_rest_to_this_one(
        db: Database, here_db: Database, small_files_ahead: list[str],
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    """A message from the reading process that does not unmarshal (never expected: the
    same program on both ends) is a stopped process: the file is read again here."""
    path, fmt = FILES[1]
    unpacked = read_ahead._unpacked
    seen: list[bytes] = []

    def garbling(message: bytes) -> object:
        seen.append(message)
        if len(seen) == 3:  # the third batch, garbled: no such kind of message
            return unpacked(b"?" + message[1:])
        return unpacked(message)

    monkeypatch.setattr(read_ahead, "_unpacked", garbling)
    with caplog.at_level(logging.WARNING, logger=read_ahead.__name__):
        ahead = import_events(db, path, fmt, second_processes=True)
    assert "did not read back" in caplog.text
    assert "reading it again here" in caplog.text
    assert small_files_ahead == ["_Batch", "_Batch"]  # the third never became one
    here = import_events(here_db, path, fmt)
    assert _said(ahead) == _said(here)
    assert _events(db) == _events(here_db)


@pytest.mark.sqlite_only
def test_the_reading_process_starts_without_sqlalchemy() -> None:
    """Its start is hidden behind the import's own only while it stays short: the
    modules it runs must not bring SQLAlchemy (0.3 s of imports)."""
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, tracker.services.imports.read_ahead; "
         "print(sorted(name for name in sys.modules if name.startswith('sqlalchemy')))"],
        capture_output=True, text=True, check=True, cwd=TESTS.parent).stdout
    assert loaded.strip() == "[]"


def test_a_cancelled_import_stops_its_reading_process(
        db: Database, small_files_ahead: list[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    processes: list[read_ahead.ReaderProcess] = []
    start = read_ahead.ReaderProcess.__init__

    def noted(process: read_ahead.ReaderProcess) -> None:
        start(process)
        processes.append(process)

    monkeypatch.setattr(read_ahead.ReaderProcess, "__init__", noted)
    cancel = threading.Event()
    path, fmt = FILES[1]
    with pytest.raises(ImportCancelled):
        import_events(db, path, fmt, second_processes=True, cancel=cancel,
                      progress=lambda _step: cancel.set())
    (process,) = processes
    assert process._process is None  # stopped and joined
    assert _events(db) == []


def test_a_small_file_is_read_here(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    def refused() -> None:
        raise AssertionError("a second process was started for a small file")

    monkeypatch.setattr(read_ahead, "ReaderProcess", refused)
    path, fmt = FILES[1]
    assert import_events(db, path, fmt, second_processes=True).added


# A process that starts the reading process, says its pid, and waits to be killed: with
# the process idle (told nothing yet), or reading (its batches waiting to be taken).
_KILLED_IMPORT = """
import os, sys, time
from pathlib import Path
from threading import Event
from tracker.domain.target_rules import RuleSet
from tracker.io.import_formats import ImportFormat
from tracker.io.text_encoding import scan_text_file
from tracker.services.imports.read_ahead import ReaderProcess, ReadRequest
from tracker.services.imports.releases import Release, ReleaseKind
if __name__ == "__main__":
    process = ReaderProcess()
    if sys.argv[1] == "reading":
        path = Path(sys.argv[2])
        facts = os.stat(path)
        process.read(path, ReadRequest(ImportFormat.UCDP, None, scan_text_file(path), False,
                                       Release(ReleaseKind.UNKNOWN), ("ucdp", 1, "", ""), 10,
                                       None, (facts.st_dev, facts.st_ino, facts.st_size,
                                        facts.st_mtime_ns)))
        assert type(process.receive(Event())).__name__ == "_Batch"  # the rest wait
    print(process._process.pid, flush=True)
    time.sleep(120)
"""


@pytest.mark.sqlite_only
@pytest.mark.skipif(not PROC.is_dir(), reason="reads /proc for the process state")
@pytest.mark.parametrize("state", ["idle", "reading"])
def test_the_reading_process_ends_with_a_killed_import(tmp_path: Path, state: str) -> None:
    """A killed import cannot stop its reading process: that process sees the import's
    end of the pipe close and exits, instead of holding its parent's pipes open."""
    kill_and_watch(tmp_path, _KILLED_IMPORT, state, str(FILES[1][0]))


def test_without_second_processes_the_file_is_read_and_categorised_here(
        db: Database, here_db: Database, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    """No process can be started (a limit on processes): neither the reading nor the
    rules' process fails the import; both are done in the import's own process."""
    def no_process(_self: BaseProcess) -> None:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(read_ahead, "READ_AHEAD_FROM_LINES", 1)
    monkeypatch.setattr(suggest_ahead, "SECOND_PROCESS_FROM_LINES", 1)
    monkeypatch.setattr(BaseProcess, "start", no_process)
    path, fmt = FILES[1]
    with caplog.at_level(logging.WARNING):
        ahead = import_events(db, path, fmt, second_processes=True)
    assert "no second process to read the file in; reading it here" in caplog.text
    assert "suggesting in this one" in caplog.text
    here = import_events(here_db, path, fmt)
    assert _said(ahead) == _said(here)
    assert _events(db) == _events(here_db)


def test_a_file_replaced_after_it_was_opened_is_not_read_there(
        db: Database, here_db: Database, small_files_ahead: list[str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    """A new download renamed over the file while the import sets up: the import reads
    the file it opened, in its own process, not the one now at the path."""
    path = tmp_path / "ucdp_ged_ukraine_2014-2023_ged221+candidate_excel_cp1252.csv"
    path.write_bytes(FILES[1][0].read_bytes())
    other = tmp_path / "other.csv"
    other.write_bytes(FILES[0][0].read_bytes())
    read = read_ahead.ReaderProcess.read

    def replaced_first(process: read_ahead.ReaderProcess, where: Path,
                       request: read_ahead.ReadRequest) -> None:
        other.replace(where)
        read(process, where, request)

    monkeypatch.setattr(read_ahead.ReaderProcess, "read", replaced_first)
    with caplog.at_level(logging.WARNING, logger=read_ahead.__name__):
        ahead = import_events(db, path, ImportFormat.UCDP, second_processes=True)
    assert small_files_ahead == ["_Unread"]
    assert "is no longer the file the import opened" in caplog.text
    here = import_events(here_db, FILES[1][0], ImportFormat.UCDP)
    assert _said(ahead)[:-1] == _said(here)[:-1]  # the summary names the file
    assert _events(db) == _events(here_db)


def test_cancel_is_honoured_while_the_process_sends_nothing(
        db: Database, small_files_ahead: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A reading process that is alive but never sends (stuck starting) cannot hold the
    import: Cancel ends it, and the process is stopped."""
    processes: list[read_ahead.ReaderProcess] = []

    def never_sent(process: read_ahead.ReaderProcess, _where: Path,
                   _request: read_ahead.ReadRequest) -> None:
        processes.append(process)  # told nothing: it waits, alive, for ever

    monkeypatch.setattr(read_ahead.ReaderProcess, "read", never_sent)
    cancel = threading.Event()
    timer = threading.Timer(0.5, cancel.set)
    timer.start()
    path, fmt = FILES[1]
    try:
        with pytest.raises(ImportCancelled):
            import_events(db, path, fmt, second_processes=True, cancel=cancel)
    finally:
        timer.cancel()
    (process,) = processes
    assert process._process is None  # stopped and joined
    assert small_files_ahead == []
    assert _events(db) == []


def test_the_rules_go_with_a_batch_as_far_as_the_import_is_behind() -> None:
    """The outbox's answer, from its state: the import two batches behind (the queue
    full) gets every batch suggested; one that has taken everything, none; one in step
    (a message on its way), every other batch."""
    here, there = multiprocessing.get_context("spawn").Pipe()
    outbox = read_ahead.Outbox(here)
    outbox.close()  # the mailer gone: the queue and the flag are set by hand below
    queued = outbox._queue
    assert [outbox.takes_the_rules() for _ in range(3)] == [False] * 3  # waiting
    outbox._sending = True
    assert [outbox.takes_the_rules() for _ in range(4)] == [True, False, True, False]
    queued.put_nowait(b"a batch")
    assert [outbox.takes_the_rules() for _ in range(2)] == [True, False]  # in step
    queued.put_nowait(b"a batch")
    assert [outbox.takes_the_rules() for _ in range(3)] == [True] * 3  # behind
    here.close()
    there.close()


@pytest.mark.parametrize("lines_needed", [1, 10**9], ids=["enough lines", "too few lines"])
def test_a_large_file_gets_its_process_before_its_lines_are_counted(
        db: Database, small_files_ahead: list[str], monkeypatch: pytest.MonkeyPatch,
        lines_needed: int) -> None:
    """A file of many bytes gets its process before the scan: the import reads in that
    very process when the scan finds lines enough, and stops it unused when not."""
    monkeypatch.setattr(read_ahead, "START_EARLY_FROM_BYTES", 1)
    monkeypatch.setattr(read_ahead, "READ_AHEAD_FROM_LINES", lines_needed)
    started: list[read_ahead.ReaderProcess] = []
    scanned_after: list[int] = []
    start = read_ahead.ReaderProcess.__init__
    scan = importing.scan_text_file

    def noted(process: read_ahead.ReaderProcess) -> None:
        start(process)
        started.append(process)

    def counted(path: Path) -> Any:
        scanned_after.append(len(started))
        return scan(path)

    monkeypatch.setattr(read_ahead.ReaderProcess, "__init__", noted)
    monkeypatch.setattr(importing, "scan_text_file", counted)
    import_events(db, FILES[1][0], FILES[1][1], second_processes=True)
    assert scanned_after == [1]  # the process was there before the scan
    assert len(started) == 1  # and no other was started
    if lines_needed == 1:
        assert _read_there_whole(small_files_ahead)
    else:
        assert small_files_ahead == []  # read here
    assert started[0]._process is None  # stopped, whether it read or not
