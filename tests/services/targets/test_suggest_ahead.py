"""The category rules beside a large import, in a second process: the same suggestions as
in the import's own process, the rest found here when that process dies, and no process
left behind when the import ends or is cancelled."""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from tests.conftest import REAL_DATA
from tests.killed_parent import PROC, kill_and_watch
from tracker.domain.events import BattlefieldEvent
from tracker.domain.target_rules import Found, RuleFields, RuleSet
from tracker.io.csv_records import CsvFile
from tracker.io.import_formats import ImportFormat
from tracker.io.text_encoding import scan_text_file
from tracker.services.common.cancelled import ImportCancelled
from tracker.services.imports.import_report import ImportReport
from tracker.services.imports.import_rows import RowReader, Rows
from tracker.services.imports.importing import ImportProgress, import_events
from tracker.services.targets import suggest_ahead
from tracker.services.targets.suggest_ahead import Suggester
from tracker.storage.database import Database
from tracker.storage.rules_in_force import (
    file_harm,
    file_rules,
    file_setting,
    file_skipped_headlines,
)

UCDP = REAL_DATA / "ucdp_ged_ukraine_2014-2023_ged221+candidate_excel_cp1252.csv"


def _batches(path: Path = UCDP, size: int = 1000) -> list[Rows]:
    """The real file's rows as an import batches them."""
    facts = scan_text_file(path)
    with CsvFile(path, facts) as source:
        read_layout = ImportFormat.UCDP.layout
        assert read_layout is not None
        layout = read_layout(path, source.header(), None)
        reader = RowReader(source, layout, ImportReport(path, "", layout.dataset, ""),
                           strict=False)
        return [rows for rows, _raws in reader.batches(("ucdp", 1, "", ""), size)]


def _rules(db: Database) -> Suggester:
    return suggest_ahead.import_suggester(db, 0, second_process=False)


def _ours(before: set[int]) -> list[multiprocessing.process.BaseProcess]:
    return [child for child in multiprocessing.active_children() if child.pid not in before]


def _children() -> set[int]:
    return {child.pid for child in multiprocessing.active_children() if child.pid}


@pytest.mark.sqlite_only  # the rules are the same on either database
def test_the_second_process_suggests_what_this_one_does(db: Database) -> None:
    batches = _batches()
    here = _rules(db)
    expected = [here.ahead(rows).all() for rows in batches]
    before = _children()
    with Suggester(here.rules, second_process=True) as there:
        assert there.in_second_process and len(_ours(before)) == 1
        ahead = [there.ahead(rows) for rows in batches]  # all sent before any is read
        assert [batch.all() for batch in ahead] == expected
    assert not _ours(before)  # stopped with the import
    found = [found for batch in expected for found in batch]
    assert len(found) == 3883 and 500 < sum(item is not None for item in found) < 3883


class _StuckAfterOneBatch(RuleSet):
    """Rules whose second batch never ends in the second process, which is killed there:
    the batch is certainly under way when the process dies (a fast child could finish
    it first, and the test then met no death at all)."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self._home = os.getpid()
        self._batches = 0

    def found_all(self, batch: Sequence[RuleFields]) -> list[Found]:
        if os.getpid() != self._home:
            self._batches += 1
            if self._batches > 1:
                threading.Event().wait()  # until the test kills this process
        return super().found_all(batch)


@pytest.mark.sqlite_only
def test_a_killed_second_process_leaves_the_rest_to_this_one(
        db: Database, caplog: pytest.LogCaptureFixture) -> None:
    first, second, third = _batches(size=1300)
    here = _rules(db)
    rules = _StuckAfterOneBatch(file_rules(), file_skipped_headlines(), file_setting(),
                                file_harm())
    before = _children()
    with Suggester(rules, second_process=True) as there:
        try:
            assert there.ahead(first).all() == here.ahead(first).all()
            assert there.in_second_process  # the first batch was the second process's
            waiting = there.ahead(second)
            (child,) = _ours(before)
            assert child.pid is not None
            os.kill(child.pid, signal.SIGKILL)  # the system ran out of memory, say
            child.join(10)
            with caplog.at_level(logging.WARNING, logger=suggest_ahead.__name__):
                assert waiting.all() == here.ahead(second).all()
            assert "suggesting in this one" in caplog.text
            assert not there.in_second_process
            assert there.ahead(third).all() == here.ahead(third).all()
        finally:
            # A failed assertion above must not leave the stuck process for the pool's
            # shutdown to wait on forever: the run would hang instead of failing.
            for stuck in _ours(before):
                if stuck.pid is not None:
                    os.kill(stuck.pid, signal.SIGKILL)
    assert not _ours(before)


class _RulesOnlyHere(RuleSet):
    """Rules that fail in the second process (a module missing from a bundle, say)."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self._home = os.getpid()

    def found_all(self, batch: Sequence[RuleFields]) -> list[Found]:
        if os.getpid() != self._home:
            raise RuntimeError("these rules work only in the importing process")
        return super().found_all(batch)


@pytest.mark.sqlite_only
def test_rules_the_second_process_cannot_take_are_applied_here(
        db: Database, caplog: pytest.LogCaptureFixture) -> None:
    (batch,) = _batches(size=5000)
    here = _rules(db)  # the file's rules (this database has no rules of its own)
    rules = _RulesOnlyHere(file_rules(), file_skipped_headlines(), file_setting(),
                           file_harm())
    before = _children()
    with caplog.at_level(logging.WARNING, logger=suggest_ahead.__name__), \
            Suggester(rules, second_process=True) as there:
        assert there.ahead(batch).all() == here.ahead(batch).all()
        assert not there.in_second_process
    assert "suggesting in this one" in caplog.text
    assert not _ours(before)


def test_a_cancelled_import_stops_its_second_process(
        db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(suggest_ahead, "SECOND_PROCESS_FROM_LINES", 1)
    before = _children()
    cancel = threading.Event()
    seen: list[int] = []

    def progress(done: ImportProgress) -> None:
        seen.append(len(_ours(before)))
        cancel.set()  # after the first batch

    with pytest.raises(ImportCancelled):
        import_events(db, UCDP, ImportFormat.UCDP, progress=progress, cancel=cancel,
                      second_processes=True)
    assert seen == [1]  # the rules were in the second process
    assert not _ours(before)
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(BattlefieldEvent)) == 0


# A process that starts the rules' second process, says its pid, and waits to be killed.
_KILLED_IMPORT = """
import multiprocessing, time
from tracker.domain.target_rules import Found, RuleFields, RuleSet
from tracker.storage.rules_in_force import (
    file_harm,
    file_rules,
    file_setting,
    file_skipped_headlines,
)
from tracker.services.targets.suggest_ahead import Suggester
if __name__ == "__main__":
    suggester = Suggester(RuleSet([]), second_process=True)
    suggester.ahead([]).all()  # the second process is up and has its rules
    print(*(child.pid for child in multiprocessing.active_children()), flush=True)
    time.sleep(120)
"""


@pytest.mark.sqlite_only
@pytest.mark.skipif(not PROC.is_dir(), reason="reads /proc for the process state")
def test_the_second_process_ends_with_a_killed_import(tmp_path: Path) -> None:
    """A killed import cannot stop its second process: the process sees its parent go
    and exits, instead of waiting for work forever (holding its parent's pipes open)."""
    kill_and_watch(tmp_path, _KILLED_IMPORT)
