"""The second process of a large import (services.targets.suggest_ahead): it holds the
import's rule set and applies it to each batch of rule fields sent to it.

Kept apart, with the domain's rules (and services.common.interrupts) as its only
imports, because the process imports this module to start: it is ready in a tenth of a
second, not the half-second SQLAlchemy takes.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Sequence
from multiprocessing.connection import wait
from typing import TYPE_CHECKING

from tracker.domain.target_rules import Found, RuleFields, RuleSet
from tracker.services.common.interrupts import ignore_interrupts

if TYPE_CHECKING:
    from tracker.storage.found_beside import RunFound

# The import's rule set, given once when the process starts.
_rules: RuleSet | None = None


def start(rules: RuleSet) -> None:
    global _rules
    _rules = rules
    # Ctrl+C interrupts the import, which then stops this process: not both at once.
    ignore_interrupts()
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_end_with, args=(parent.sentinel,), daemon=True,
                         name="ends with the import").start()


def _end_with(parent: int) -> None:
    """Exit once the importing process is gone. A killed import cannot stop its pool,
    and the pool's queue never tells its process the other end is closed (the process
    holds that end too): without this it would wait for work forever, holding the
    terminal or the pipe its parent wrote to."""
    wait([parent])
    os._exit(0)


def found_all(batch: Sequence[RuleFields]) -> list[Found]:
    assert _rules is not None, "the rules process was started without its rules"
    return _rules.found_all(batch)


def found_in_database(path: str, run_id: int) -> RunFound:
    """What the rules find for run *run_id*'s open events in the SQLite file *path*
    (storage.found_beside.found_in_file): the build after an import's commit asks for it
    (services.imports.categories_ahead). Imported here, not at the top: a process that
    only suggests an import's batches starts without SQLAlchemy."""
    from tracker.storage.found_beside import found_in_file

    assert _rules is not None, "the rules process was started without its rules"
    return found_in_file(path, run_id, _rules)
