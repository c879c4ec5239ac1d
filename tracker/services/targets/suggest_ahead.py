"""The category rules applied to an import's batches, in a second process when it is large.

The rules are pure Python and cost an import about a fifth of its time. A thread cannot
run them beside the reading and writing (the GIL), but a second process can: each batch's
rule fields go to it as soon as the batch is read, and its suggestions are collected when
the batch is written, one batch later. A small import keeps them in its own process: the
second one takes a few tenths of a second to start. A large one applies them where its
file is read (services.imports.read_ahead), and most of its batches come with their
suggestions; one that comes without (the import was waiting for it) is suggested here.

The suggestions are the same either way (the rules are a function of the four fields,
and the process gets the very rule set the import loaded). If the second process dies,
the rest is suggested here: slower, never different.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from types import TracebackType
from typing import Any

from tracker.domain.target_rules import Found, RuleFields, RuleSet
from tracker.services.common.interrupts import interrupt_held
from tracker.services.targets import rules_process
from tracker.storage.database import Database
from tracker.storage.rules_in_force import rule_set
from tracker.storage.suggested_category import rule_fields

log = logging.getLogger(__name__)

# From this many lines on, an import suggests in a second process (its start-up, about
# a tenth of a second, is then hidden behind the reading of the first batch).
SECOND_PROCESS_FROM_LINES = 20_000


class BatchSuggestions:
    """One batch's suggestions, by place in the batch: None where no rule fires."""

    def __init__(self, suggester: Suggester, fields: list[RuleFields],
                 pending: Future[list[Found]] | None,
                 found: list[Found] | None = None) -> None:
        self._suggester = suggester
        self._fields = fields
        self._pending = pending
        self._found = found

    def all(self) -> list[Found]:
        if self._found is None:
            self._found = self._suggester.collect(self._fields, self._pending)
        return self._found


class Suggester:
    """The import's rules; ``ahead`` starts a batch's suggestions, in the second process
    when there is one. A context manager: leaving it stops that process."""

    def __init__(self, rules: RuleSet, *, second_process: bool) -> None:
        self.rules = rules
        self._pool: ProcessPoolExecutor | None = None
        if second_process:
            # spawn, not fork: the window imports on a thread of a Qt process, which a
            # fork would copy half-way through whatever its other threads were doing.
            self._pool = ProcessPoolExecutor(
                1, mp_context=multiprocessing.get_context("spawn"))
            try:
                # The process starts at once, with the rules as its first task (one
                # process, so the batches sent after find them there).
                with interrupt_held():  # a Ctrl+C while it starts is the import's alone
                    self._pool.submit(rules_process.start, rules)
            except OSError:  # no process to be had (a limit on processes, or on memory)
                self._lost(exc_info=True)

    @property
    def in_second_process(self) -> bool:
        return self._pool is not None

    def ahead(self, rows: Sequence[tuple[Any, ...]],
              found: list[Found] | None = None) -> BatchSuggestions:
        """The suggestions of a batch just read: *found* when the reader made them (the
        process that reads a large file applies these very rules: read_ahead.py)."""
        if found is not None:
            return BatchSuggestions(self, [], None, found)
        fields = [rule_fields(row) for row in rows]
        pending = None
        if self._pool is not None:
            try:
                pending = self._pool.submit(rules_process.found_all, fields)
            except BrokenProcessPool:
                self._lost()
        return BatchSuggestions(self, fields, pending)

    def collect(self, fields: list[RuleFields], pending: Future[list[Found]] | None
                ) -> list[Found]:
        if pending is not None:
            try:
                return pending.result()
            except Exception:
                # Died (killed, out of memory) or failed to start: the rules here give
                # the same suggestions, or raise what the rules themselves raise.
                self._lost(exc_info=True)
        return self.rules.found_all(fields)

    def _lost(self, *, exc_info: bool = False) -> None:
        """The second process is gone or failed: the rest is suggested in this one."""
        log.warning("the process suggesting categories stopped; suggesting in this one",
                    exc_info=exc_info)
        self.close()

    def close(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> Suggester:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()


def import_suggester(db: Database, lines: int, *, second_process: bool) -> Suggester:
    """The rules as an import applies them to its rows (file rules, then the analyst's),
    in a second process when the import allows one (*second_process*; importing.py says
    who may) and its file has SECOND_PROCESS_FROM_LINES *lines* or more.

    Read just before the import's transaction: a rule saved after it is applied by the
    rule pass the window offers then, as to every event (services.targets.rulebook)."""
    with db.reading() as session:
        rules = rule_set(session)
    return Suggester(rules, second_process=second_process
                     and lines >= SECOND_PROCESS_FROM_LINES)
