"""Where a ``tracker import`` spends its time, phase by phase, in one process.

    python bench/import_phases.py CSV DB [--usable-first]

The app's own functions are wrapped with timers (no cProfile overhead on the row path):
reading and converting (RowReader.batches), writing (EventUpsert.write), the category
rules on load (what is sent to them and what the writing waits for), the rule pass, the
day counts, the map cells, the full-text index and the indexes (each SQL statement the
rebuild or the build runs), and what is left (start-up, withdrawals, commit). Run it
against another checkout (PYTHONPATH=/other/checkout) for a before and after; functions
that checkout lacks are skipped.

It also says how busy the two processes were until the events were usable: the CPU
time of this process and of the processes it started (the reading process, or the
rules'), set against the wall time. When both are near the wall time on a two-core
machine, both cores are busy: the import is then bound by the work each row takes, not
by one process waiting for the other, and only less work per row makes it faster.
"""

from __future__ import annotations

import inspect
import resource
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

SPENT: dict[str, float] = defaultdict(float)


def _timed(owner: object, name: str, phase: str | Callable[..., str]) -> None:
    original = getattr(owner, name, None)
    if original is None:
        return

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            label = phase if isinstance(phase, str) else phase(*args, **kwargs)
            SPENT[label] += time.perf_counter() - started

    setattr(owner, name, wrapper)


def _timed_generator(owner: object, name: str, phase: str) -> None:
    original = getattr(owner, name)

    def wrapper(*args: Any, **kwargs: Any) -> Iterator[Any]:
        iterator = original(*args, **kwargs)
        while True:
            started = time.perf_counter()
            try:
                item = next(iterator)
            except StopIteration:
                SPENT[phase] += time.perf_counter() - started
                return
            SPENT[phase] += time.perf_counter() - started
            yield item

    setattr(owner, name, wrapper)


def _statement(connection: object, sql: str, *args: Any, **kwargs: Any) -> str:
    text = str(sql).strip().upper()
    if "FTS" in text and "REBUILD" in text:
        return "full-text index"
    if text.startswith("CREATE INDEX"):
        return "secondary indexes"
    if text.startswith("CREATE TRIGGER"):
        return "triggers"
    return "other SQL of the build"


def main() -> None:
    from sqlalchemy import Connection

    import tracker.services.imports.importing as importing
    from tracker.services.imports import import_rows
    from tracker.storage import day_counts, event_upsert, map_cells
    from tracker.storage.database import open_database

    csv, db = Path(sys.argv[1]), Path(sys.argv[2])
    usable_first = "--usable-first" in sys.argv
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    _timed_generator(import_rows.RowReader, "batches", "read, check, convert")
    # A large file is read in a second process: what the writing waits for its batches.
    read_ahead = sys.modules.get("tracker.services.imports.read_ahead")
    if read_ahead is not None:
        _timed_generator(read_ahead.ReadAhead, "batches", "waiting for the reading process")
    _timed(event_upsert.EventUpsert, "write", "upsert + raw records")
    _timed(importing, "suggest_targets", "category rule pass")
    # The rules on load (services.targets.suggest_ahead): the fields sent, and the time
    # the writing waits for their suggestions (all of it when they run in this process).
    suggest_ahead = sys.modules.get("tracker.services.targets.suggest_ahead")
    if suggest_ahead is not None:
        _timed(suggest_ahead.Suggester, "ahead", "category rules on load: sent")
        _timed(suggest_ahead.BatchSuggestions, "all", "category rules on load: waited")
    _timed(map_cells, "recount", "map cells")
    for module in ("tracker.storage.derived_structures", "tracker.storage.deferred_build"):
        if module in sys.modules:
            _timed(sys.modules[module], "recount", "day counts")
            _timed(sys.modules[module], "recount_days", "day counts")
    _timed(day_counts, "recount", "day counts")
    _timed(Connection, "exec_driver_sql", _statement)
    started, cpu_started = time.perf_counter(), time.process_time()
    database = open_database(db)
    SPENT["open"] = time.perf_counter() - started
    kwargs: dict[str, Any] = {"defer_build": usable_first}
    # As `tracker import` does: this script's top level is guarded (importing.py). The
    # flag's name before the reading had a process of its own too: rules_process.
    accepted = inspect.signature(importing.import_events).parameters
    for flag in ("second_processes", "rules_process"):
        if flag in accepted:
            kwargs[flag] = True
    importing.import_events(database, csv, importing.ImportFormat.ACLED, **kwargs)
    usable = time.perf_counter() - started
    # The second processes have ended by now (joined as the import closed them), so
    # their CPU time is in RUSAGE_CHILDREN.
    here = time.process_time() - cpu_started
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    beside = children.ru_utime + children.ru_stime
    if usable_first:
        importing.build_after_import(database)
    total = time.perf_counter() - started
    database.close()
    counted = sum(SPENT.values())
    SPENT["rest (withdrawals, commit, checks)"] = total - counted
    print(f"{'phase':36} {'s':>7} {'share':>6}")
    for phase, seconds in sorted(SPENT.items(), key=lambda item: -item[1]):
        print(f"{phase:36} {seconds:7.2f} {seconds / total:6.1%}")
    print(f"{'usable after':36} {usable:7.2f}")
    print(f"{'  CPU of this process until then':36} {here:7.2f} {here / usable:6.1%}")
    print(f"{'  CPU of the processes it started':36} {beside:7.2f} {beside / usable:6.1%}")
    print(f"{'everything built after':36} {total:7.2f}")


if __name__ == "__main__":
    main()
