"""An import's categories, decided after its commit (issue 19).

The category rules are pure Python and were a seventh of a large import's time to usable
(bench/README.md). An import that commits its events first (storage.deferred_build)
therefore applies them to half its batches only (services.imports.importing): the rest
of its new events go in undecided (category "", no source: "nobody has looked yet",
which every view shows as uncategorised), and the pending list gets a mark naming the
run. A build step after the commit runs the rule pass over that run's undecided events
(storage.rule_pass, the very pass an import runs inside its transaction otherwise), in
a transaction of its own that also moves their day counts (and counts the map's cells
again if they are built), so no reader ever sees the categories and their counts
disagree. A build killed before that step leaves the mark, and the next open of the
database (or the next import) decides them.

Until then a reader that would publish a count or a list by category (an export, the
analysis, a category filter) refuses with StillBuilding, as a search refuses while its
index is built: an "energy: 0" told before the rules ran would be false.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from typing import Any, Protocol

from sqlalchemy import Connection, text

from tracker.storage import day_counts, map_cells
from tracker.storage.found_beside import RunFound, apply_found, move_day_counts
from tracker.storage.rule_pass import suggest_targets

log = logging.getLogger(__name__)

# What the rules found for each run, made beside the build (storage.found_beside's
# found_in_file, in another process).
FoundByRun = dict[int, RunFound]


class FoundBeside(Protocol):
    """The rules of the categories owed, running beside the build."""

    def ready(self) -> bool:
        """Whether they are done (or failed): ``result`` then answers at once."""

    def result(self) -> FoundByRun | None:
        """What they found, by run; None, or a run missing, when they failed: the
        categories step then applies the rules itself."""


# Starts the rules for the runs given (services.imports.categories_ahead); the build
# decides the categories once they are done, building what does not depend on them
# meanwhile (storage.deferred_build).
StartAhead = Callable[[list[int]], FoundBeside]

# How a run's categorising is written in the pending list, among CREATE statements: an
# SQL comment, so that nothing could mistake it for a statement to run.
MARK_PREFIX = "-- categorise the events of import run "
_MARK = re.compile(re.escape(MARK_PREFIX) + r"(\d+)$")
_COUNTED_BY_CATEGORY = (day_counts.TRIGGER_PREFIX, map_cells.TRIGGER_PREFIX)


def mark(run_id: int) -> str:
    """The pending list's entry for run *run_id*'s categories."""
    return f"{MARK_PREFIX}{run_id}"


def is_mark(entry: str) -> bool:
    return _MARK.match(entry) is not None


def runs_marked(entries: Iterable[str]) -> list[int]:
    """The runs whose categories *entries* (a pending list) still owe, oldest first."""
    return [int(found.group(1)) for entry in entries if (found := _MARK.match(entry))]


def categorise_runs(connection: Connection, run_ids: list[int],
                    found: FoundByRun | None = None) -> None:
    """Decide the categories of runs *run_ids*' events, in the caller's transaction: from
    what the rules *found* beside the build when given, or by the rule pass here.

    The day counts and the map's cells are kept by category: their triggers would move
    each event from "" to its category one row at a time (seconds a hundred thousand
    events). They are dropped here and put back before the caller's commit; meanwhile
    the day counts get the moves found beside (storage.found_beside), or are counted
    again from the events, and the map's cells, if built, are counted again."""
    kept = connection.execute(text(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
        "AND tbl_name = 'battlefield_event'")).all()
    counting = [(name, sql) for name, sql in kept if name.startswith(_COUNTED_BY_CATEGORY)]
    for name, _sql in counting:
        connection.exec_driver_sql(f'DROP TRIGGER "{name}"')
    names = {name for name, _sql in counting}
    days_kept = any(name.startswith(day_counts.TRIGGER_PREFIX) for name in names)
    moves: list[tuple[Any, ...]] = []
    exact = True  # whether the moves found beside hold for every run
    for run_id in run_ids:
        if found is not None and run_id in found and \
                apply_found(connection, run_id, found[run_id]):
            moves += found[run_id].day_moves
        else:  # not found beside, or written otherwise than read: the pass here
            if found is not None and run_id in found:
                log.warning("run %d's events changed since the rules read them; "
                            "counting the days again", run_id)
            suggest_targets(connection, run_id=run_id)
            exact = False
    if days_kept and exact:
        move_day_counts(connection, moves)
    elif days_kept:
        day_counts.recount(connection)
    if any(name.startswith(map_cells.TRIGGER_PREFIX) for name in names):
        map_cells.recount(connection)  # built already: by an earlier open, say
    for _name, sql in counting:
        connection.exec_driver_sql(sql)
