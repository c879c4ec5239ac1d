"""The rules of an import's deferred categories, applied in a second process beside the
build after its commit (issue 19).

The build after an import's commit writes one structure at a time on one core: the
full-text index first takes seconds at a million events. The categories owed
(storage.deferred_categories) need the rules, pure Python, over every event the load
left undecided: a second process reads those events from the committed file (WAL lets
it read while the build writes) and applies the rules meanwhile, and the categories
step then only writes what it found. If that process fails, the step applies the rules
itself: slower, never different (the same rule set, the same rows).

Only for a database file, and only where the program's own entry points allow second
processes (services.imports.importing's *second_processes*).
"""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager

from sqlalchemy.orm import Session

from tracker.services.common.interrupts import interrupt_held
from tracker.services.targets import rules_process
from tracker.storage.database import Database
from tracker.storage.deferred_categories import FoundBeside, FoundByRun, StartAhead
from tracker.storage.found_beside import RunFound
from tracker.storage.rules_in_force import rule_set

log = logging.getLogger(__name__)


@contextmanager
def categories_ahead(db: Database, *, allowed: bool) -> Iterator[StartAhead | None]:
    """A starter of the rules beside the build (storage.deferred_build's *ahead*), or None
    where no second process may or can be used. Leaving the block stops the process."""
    path = db.url.database
    if not allowed or db.url.get_backend_name() != "sqlite" or not path or path == ":memory:":
        yield None
        return
    pools: list[ProcessPoolExecutor] = []

    def start(run_ids: list[int]) -> FoundBeside:
        with Session(db.engine) as session:
            rules = rule_set(session)
        try:
            with interrupt_held():  # a Ctrl+C while it starts is the build's alone
                pool = ProcessPoolExecutor(
                    1, mp_context=multiprocessing.get_context("spawn"),
                    initializer=rules_process.start, initargs=(rules,))
                pools.append(pool)
                futures = {run_id: pool.submit(rules_process.found_in_database, path, run_id)
                           for run_id in run_ids}
        except OSError:  # no process to be had: the categories step applies the rules
            log.warning("no second process for the categories; deciding them in this one",
                        exc_info=True)
            return _Beside({})
        return _Beside(futures)

    try:
        yield start
    finally:
        for pool in pools:
            pool.shutdown(wait=False, cancel_futures=True)


class _Beside:
    """The rules' futures, one per run (storage.deferred_categories.FoundBeside)."""

    def __init__(self, futures: dict[int, Future[RunFound]]) -> None:
        self._futures = futures

    def ready(self) -> bool:
        return all(future.done() for future in self._futures.values())

    def result(self) -> FoundByRun | None:
        if not self._futures:
            return None
        found: FoundByRun = {}
        for run_id, future in self._futures.items():
            try:
                found[run_id] = future.result()
            except Exception:
                # Died (killed, out of memory) or failed: the step applies the rules.
                log.warning("the process applying the rules stopped; deciding the "
                            "categories in this one", exc_info=True)
                return None
        return found
