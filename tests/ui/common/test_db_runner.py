"""The window's one runner for database work: order, progress, cancel, the error boundary,
settling before the window closes, and edits paused (visibly) while a long write runs."""

from __future__ import annotations

import logging
import sqlite3
import threading
import weakref
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from tests.ui.imports.test_import_dialog import acled_file, click, close, finish, start_import
from tests.ui.imports.test_import_progress import Gate
from tests.ui.window.test_main_window import action, child, click_ok, ok_button, open_dialog
from tracker.domain.errors import TrackerError
from tracker.domain.events import BattlefieldEvent
from tracker.services.factors import factors
from tracker.services.imports.importing import ImportCancelled
from tracker.storage.database import Database
from tracker.ui.common import db_op, db_runner, error_boundary
from tracker.ui.common.db_op import DbOp, OpHandle
from tracker.ui.common.db_runner import DbRunner, WorkerStopped
from tracker.ui.common.error_boundary import Failure
from tracker.ui.common.workspace import EditsPausedError, Topic, Workspace
from tracker.ui.events.link_target_dialog import LinkTargetDialog
from tracker.ui.factors.factor_dialogs import NewFactorDialog
from tracker.ui.imports.import_progress import ImportProgressDialog
from tracker.ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
PAUSED = "the test holds the database; edits can be saved after it finishes"


class Held:
    """An operation's work that waits, in the worker, until the test lets it go."""

    def __init__(self, result: object = None) -> None:
        self.started = threading.Event()
        self.release = threading.Event()
        self.result = result

    def __call__(self, _db: Database, handle: OpHandle) -> object:
        self.started.set()
        while not self.release.wait(0.01):
            if handle.is_cancelled():
                raise TrackerError("stopped on request")
        return self.result


@pytest.fixture
def runner(qtbot: QtBot, sample_workspace: Workspace) -> Iterator[DbRunner]:
    yield sample_workspace.runner
    # Never leave the worker running past the test.
    sample_workspace.runner.settle(lambda _text: None)


def _nothing(_db: Database, _handle: OpHandle) -> None:
    """Work that is done at once."""


def _done(qtbot: QtBot, runner: DbRunner) -> None:
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=10_000)


def test_operations_run_one_at_a_time_in_the_order_submitted(
        qtbot: QtBot, runner: DbRunner) -> None:
    events: list[str] = []
    lock = threading.Lock()
    results: list[int] = []

    def step(number: int) -> DbOp[int]:
        def work(db: Database, _handle: OpHandle) -> int:
            with lock:
                events.append(f"start {number}")
            with db.reading() as session:
                found = len(factors.list_factors(session))
            with lock:
                events.append(f"end {number}")
            return number * 10 + found

        return DbOp(f"Step {number}", f"step {number}", work).on_success(results.append)

    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: not busy):
        for number in (1, 2, 3):
            runner.submit(step(number))
        assert runner.is_busy()
    assert events == ["start 1", "end 1", "start 2", "end 2", "start 3", "end 3"]
    assert results == [13, 23, 33]  # success callbacks on the GUI thread, in order


def test_progress_reaches_the_gui_thread_and_cancel_stops_the_work(
        qtbot: QtBot, runner: DbRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(db_op, "PROGRESS_INTERVAL", 0.0)  # every update, for the test
    held = Held()
    seen: list[tuple[object, bool]] = []
    failures: list[Failure] = []

    def work(db: Database, handle: OpHandle) -> object:
        for done in range(3):
            handle.report(done)
        return held(db, handle)

    handle = runner.submit(DbOp("Counting", "the count", work)
                           .on_progress(lambda update: seen.append(
                               (update, threading.current_thread() is threading.main_thread())))
                           .on_failure(failures.append))
    qtbot.waitUntil(lambda: len(seen) == 3)
    assert seen == [(0, True), (1, True), (2, True)]
    handle.cancel()
    _done(qtbot, runner)
    [failure] = failures
    assert failure.cancelled and failure.message == "stopped on request"


def test_the_error_boundary_says_tracker_errors_and_logs_bugs(
        qtbot: QtBot, runner: DbRunner, caplog: pytest.LogCaptureFixture) -> None:
    class Refused(TrackerError):
        pass

    refused = Refused("the date is not a date")
    refused.file, refused.line, refused.field = Path("/data/feb.csv"), 12, "event_date"

    def fail(error: Exception) -> DbOp[None]:
        def work(_db: Database, _handle: OpHandle) -> None:
            raise error
        return DbOp("Checking", "the check", work).on_failure(failures.append)

    failures: list[Failure] = []
    with caplog.at_level(logging.ERROR, logger=error_boundary.__name__):
        for error in (refused, FileNotFoundError(2, "No such file or directory", "/gone/x.csv"),
                      KeyError("entry kind")):
            runner.submit(fail(error))
        _done(qtbot, runner)
    assert [failure.message for failure in failures] == [
        "the date is not a date (feb.csv, line 12, field “event_date”)",
        "/gone/x.csv: No such file or directory",
        "Unexpected error (KeyError): 'entry kind'",
    ]
    assert not any(failure.cancelled for failure in failures)
    # Only the bug is logged, with its traceback.
    [record] = [r for r in caplog.records if r.name == error_boundary.__name__]
    assert record.exc_info is not None and record.exc_info[0] is KeyError

    # Without a failure callback, the failure goes to the runner's own signal.
    def broken(_db: Database, _handle: OpHandle) -> None:
        raise Refused("nothing to export")

    with qtbot.waitSignal(runner.failed) as failed:
        runner.submit(DbOp("Export", "the export", broken))
    assert failed.args == ["Export", "nothing to export"]


def test_a_database_failure_is_told_as_such_not_as_a_bug(
        qtbot: QtBot, runner: DbRunner, caplog: pytest.LogCaptureFixture) -> None:
    def locked(_db: Database, _handle: OpHandle) -> None:
        raise OperationalError("UPDATE round", {}, sqlite3.OperationalError("disk I/O error"))

    failures: list[Failure] = []
    with caplog.at_level(logging.ERROR, logger=error_boundary.__name__):
        runner.submit(DbOp("Export Schedule", "the export", locked)
                      .on_failure(failures.append))
        _done(qtbot, runner)
    [failure] = failures
    assert failure.message == ("Export Schedule failed, the database is as it was: "
                               "disk I/O error")
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_a_base_exception_in_the_work_does_not_stop_the_runner(
        qtbot: QtBot, runner: DbRunner) -> None:
    class Stopped(BaseException):
        pass

    def stop(_db: Database, _handle: OpHandle) -> None:
        raise Stopped

    failures: list[Failure] = []
    after: list[str] = []
    with qtbot.capture_exceptions() as raised:
        runner.submit(DbOp("Stop", "the stop", stop).on_failure(failures.append))
        runner.submit(DbOp("Next", "the next", lambda _db, _handle: "ran")
                      .on_success(after.append))
        _done(qtbot, runner)
    assert after == ["ran"]  # the queue went on
    [failure] = failures
    assert isinstance(failure.error, WorkerStopped) and not failure.cancelled
    # The BaseException itself still reaches the thread's handler.
    assert [kind for kind, *_ in raised] == [Stopped]


def test_a_cancel_checked_in_the_work_is_the_services_cancel_error(
        qtbot: QtBot, runner: DbRunner) -> None:
    started = threading.Event()
    failures: list[Failure] = []

    def checked(_db: Database, handle: OpHandle) -> object:
        # Work that only notices a cancel where it checks (a service's progress hook):
        # it goes on until the request has been made, then checks.
        started.set()
        handle.cancel_event.wait(10)
        handle.check()
        return None

    handle = runner.submit(DbOp("Check", "the check", checked).on_failure(failures.append))
    qtbot.waitUntil(started.is_set)
    handle.cancel()
    _done(qtbot, runner)
    [failure] = failures
    assert isinstance(failure.error, ImportCancelled) and failure.cancelled


def test_a_newer_request_replaces_a_queued_one_with_the_same_key(
        qtbot: QtBot, runner: DbRunner) -> None:
    held = Held("first")
    answered: list[object] = []
    runner.submit(DbOp("Hold", "the hold", held).on_success(answered.append))
    qtbot.waitUntil(held.started.is_set)
    for text in ("older", "newer"):
        runner.submit(DbOp("Count", "the count", lambda _db, _h, text=text: text)
                      .replacing("count").on_success(answered.append))
    held.release.set()
    _done(qtbot, runner)
    assert answered == ["first", "newer"]


def test_the_callbacks_of_a_deleted_owner_are_not_called(
        qtbot: QtBot, runner: DbRunner) -> None:
    owner = QObject()
    held = Held("counted")
    told: list[object] = []
    runner.submit(DbOp("Count", "the count", held).owned_by(owner)
                  .on_success(told.append).on_failure(told.append))
    qtbot.waitUntil(held.started.is_set)
    with qtbot.waitSignal(owner.destroyed):
        owner.deleteLater()  # the view closed while its count ran
    held.release.set()
    _done(qtbot, runner)
    assert told == []


def test_an_operation_and_its_owner_die_on_the_gui_thread_though_the_worker_lingers(
        qtbot: QtBot, runner: DbRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    """The pool deletes a finished job on its worker thread. A job still holding its
    operation then let the owner die there: a dialog nobody else held was destroyed off
    the GUI thread while that thread painted (an intermittent segfault in the GUI tests).
    Here the worker lingers after saying "done" until the GUI thread is through."""
    lingering = threading.Event()

    class LingeringJob(db_runner._Job):
        def __init__(self, running: Any, db: Database, done: Callable[[int], None]) -> None:
            def done_then_linger(serial: int) -> None:
                done(serial)
                lingering.wait(10)

            super().__init__(running, db, done_then_linger)

    monkeypatch.setattr(db_runner, "_Job", LingeringJob)
    died_on: list[int] = []
    owner = QObject()  # held by nobody but the operation, like a closed dialog
    weakref.finalize(owner, lambda: died_on.append(threading.get_ident()))
    runner.submit(DbOp("Read", "the read", _nothing).owned_by(owner))
    del owner
    _done(qtbot, runner)
    lingering.set()
    assert runner.wait(10_000)
    assert died_on == [threading.get_ident()]


def test_settling_cancels_what_may_be_cancelled_waits_for_the_rest_and_drops_the_queue(
        qtbot: QtBot, runner: DbRunner) -> None:
    said: list[str] = []
    outcomes: list[str] = []
    held = Held()
    never_run = threading.Event()

    def after_import(failure: Failure) -> None:
        outcomes.append(f"import cancelled={failure.cancelled}")
        # A view re-reading once the import has ended: queued, then dropped, never run.
        runner.submit(DbOp("Count", "the count", lambda _db, _h: never_run.set())
                      .on_failure(lambda f: outcomes.append(f"count cancelled={f.cancelled}")))

    runner.submit(DbOp("Import", "the import", held).cancelled_on_leave()
                  .on_success(lambda _r: outcomes.append("imported"))
                  .on_failure(after_import))
    runner.submit(DbOp("Export", "the export", lambda _db, _h: None)
                  .on_success(lambda _r: outcomes.append("exported"))
                  .on_failure(lambda f: outcomes.append(f"export cancelled={f.cancelled}")))
    qtbot.waitUntil(held.started.is_set)

    runner.settle(said.append)

    # Everything has ended, and been told, before settle returns.
    assert said == ["Cancelling the import…"]
    assert outcomes == ["export cancelled=True", "import cancelled=True",
                        "count cancelled=True"]
    assert not runner.is_busy() and not never_run.is_set()

    exporting = Held("written")
    runner.submit(DbOp("Export", "the export", exporting)
                  .on_success(lambda result: outcomes.append(str(result))))
    qtbot.waitUntil(exporting.started.is_set)
    exporting.release.set()  # an export is waited for, not cancelled
    runner.settle(said.append)
    assert said[-1] == "Waiting for the export to finish…"
    assert outcomes[-1] == "written"


def test_an_import_pauses_edits_visibly_and_they_come_back_when_it_ends(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = Gate()
    gate.install(monkeypatch)
    try:
        new_round = action(window, "new-round-action")
        tip = new_round.toolTip()
        window.workspace.undo_stack.push(QUndoCommand("Rename round"))  # something to undo
        assert action(window, "undo-action").isEnabled()
        assert new_round.isEnabled() and window.workspace.runner.pause_reason() == ""
        dialog = start_import(qtbot, window, acled_file(tmp_path, 12_000), monkeypatch)
        click(qtbot, dialog.ok_button)
        open_dialog(qtbot, window, ImportProgressDialog)
        qtbot.waitUntil(gate.reported.is_set)

        reason = "acled.csv is being imported; edits can be saved after the import finishes"
        paused = child(window, QLabel, "status-edits-paused")
        assert paused.isVisible() and paused.text() == f"Editing paused: {reason}"
        for name in ("new-round-action", "new-factor-action", "undo-action",
                     "import-calendar-action", "edit-round-action"):
            assert not action(window, name).isEnabled(), name
            assert action(window, name).toolTip() == reason
        assert action(window, "export-chronology-action").isEnabled()  # reading goes on
        assert window.workspace.runner.pause_reason() == reason
        # The last guard: an edit reaching the workspace is refused with the reason,
        # at once, instead of waiting on the import's write lock.
        with pytest.raises(EditsPausedError, match=r"acled\.csv is being imported"):
            window.workspace.write(lambda _session: None, Topic.ROUNDS)
    finally:
        gate.opened.set()
    close(qtbot, window, finish(qtbot, window))  # the import's result
    assert paused.isHidden()
    assert new_round.isEnabled() and new_round.toolTip() == tip
    assert action(window, "undo-action").isEnabled()  # the stack says so again
    assert not action(window, "redo-action").isEnabled()
    window.workspace.write(lambda _session: None, Topic.ROUNDS)  # no longer refused


def test_an_open_edit_dialog_keeps_what_was_typed_and_saves_after_the_write(
        qtbot: QtBot, window: MainWindow) -> None:
    action(window, "new-factor-action").trigger()
    dialog = open_dialog(qtbot, window, NewFactorDialog)
    name = child(dialog, QLineEdit, "factor-name")
    name.insert("Black Sea grain corridor")
    save = ok_button(dialog)
    assert save.isEnabled()

    held = Held()
    runner = window.workspace.runner
    runner.submit(DbOp("Hold", "the hold", held).pausing_edits(PAUSED))
    qtbot.waitUntil(held.started.is_set)
    qtbot.waitUntil(lambda: not save.isEnabled())
    assert save.toolTip() == PAUSED
    # Typing goes on; a field that makes the form valid again does not re-enable Save.
    qtbot.keyClicks(child(dialog, QPlainTextEdit, "factor-description"), "Shipping lanes")
    name.clear()
    name.insert("Black Sea grain corridor")
    assert not save.isEnabled() and dialog.isVisible()

    held.release.set()
    qtbot.waitUntil(lambda: save.isEnabled(), timeout=10_000)
    assert save.toolTip() != PAUSED
    click_ok(qtbot, window, dialog)
    saved = {row.name: row for row in window.workspace.read(factors.list_factors)}
    assert "Black Sea grain corridor" in saved


def test_a_dialog_opened_during_the_write_is_held_too(
        qtbot: QtBot, window: MainWindow) -> None:
    held = Held()
    window.workspace.runner.submit(DbOp("Hold", "the hold", held).pausing_edits(PAUSED))
    qtbot.waitUntil(held.started.is_set)
    # Through the method, as a pane's button would: the action itself is disabled.
    window.new_factor()
    dialog = open_dialog(qtbot, window, NewFactorDialog)
    child(dialog, QLineEdit, "factor-name").insert("Grain corridor")
    assert not ok_button(dialog).isEnabled() and ok_button(dialog).toolTip() == PAUSED
    held.release.set()
    qtbot.waitUntil(lambda: ok_button(dialog).isEnabled(), timeout=10_000)
    dialog.reject()


def test_every_dialog_that_pushes_a_command_is_held_during_the_write(
        qtbot: QtBot, window: MainWindow) -> None:
    """Edit dialogs are found by their kind (EditDialog), not a hand-kept list: the
    Link Event dialog of the events pane, left out of the list once, is held too."""
    event_id = window.workspace.read(lambda s: s.scalar(select(BattlefieldEvent.id)))
    held = Held()
    window.workspace.runner.submit(DbOp("Hold", "the hold", held).pausing_edits(PAUSED))
    try:
        qtbot.waitUntil(held.started.is_set)
        dialog = LinkTargetDialog(window.workspace, event_id, window)
        qtbot.addWidget(dialog)
        dialog.show()
        save = ok_button(dialog)
        assert not save.isEnabled() and save.toolTip() == PAUSED
    finally:
        held.release.set()
    qtbot.waitUntil(save.isEnabled, timeout=10_000)
    dialog.reject()


def test_a_workspace_deleted_while_its_runner_works_ends_the_work_then_starts_nothing(
        qtbot: QtBot, sample_db: Database) -> None:
    """Qt's destructor of the runner's thread pool waits for a running job with Python's
    lock held, which the job needs: a workspace deleted as a job started hung a test run.
    Workspace.deleteLater stops the runner first (DbRunner.stop), from Python."""
    workspace = Workspace(sample_db)
    held = Held("counted")
    told: list[object] = []
    workspace.runner.submit(DbOp("Count", "the count", held).cancelled_on_leave()
                            .on_failure(lambda failure: told.append(failure.cancelled)))
    qtbot.waitUntil(held.started.is_set)
    later = Held("never")
    with qtbot.waitSignal(workspace.destroyed):
        workspace.deleteLater()
        assert told == [True]  # cancelled, ended and told before deleteLater returned
        workspace.runner.submit(DbOp("Count", "the count again", later))
    assert not later.started.is_set()
