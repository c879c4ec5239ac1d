"""The rule pass: suggest a category for every event nobody has decided, in bulk.

An event is open to the rules while no analyst has decided it: its target_source is
'rule' (an earlier suggestion, which a rule change may revise) or it has no category
and no source yet. An analyst's category (target_source 'analyst', or any category
stored before migration 0015) is never touched, so a re-import or a rule change keeps
every choice a person made.

The pass reads the open rows in id order a page at a time (a keyset, never an OFFSET),
applies the compiled rules in Python (domain.target_rules: Cyrillic needs Python's case
folding, which SQLite's lower() lacks) and writes each page back with one executemany
in the caller's transaction. Inside an import it reads only the rows that run wrote.
Over a whole database it drops the derived structures first when it rewrites most of
the table, as a bulk import does (storage.derived_structures), and builds them at the
end: keeping the day counts and the indexes row by row would cost several times more.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Connection, Table, and_, bindparam, func, or_, select, update
from sqlalchemy.orm import Session

from tracker.domain.base import utc_now
from tracker.domain.errors import TrackerError
from tracker.domain.events import BattlefieldEvent
from tracker.domain.target_rules import RuleSet
from tracker.services.targets.rulebook import rule_set
from tracker.storage.database import Database
from tracker.storage.derived_structures import DroppedStructures, drop_derived, rebuild_derived

RULE = "rule"
ANALYST = "analyst"
_PAGE = 20_000
# As for an import (storage.event_upsert): dropping and rebuilding pays off from here.
_BULK_ROWS = 10_000
_BULK_SHARE = 0.5

# Told after each page: rows done, rows to do.
PassProgress = Callable[[int, int], None]


class CategorisingCancelled(TrackerError):
    """The pass was cancelled: nothing it suggested is kept (its transaction rolls back)."""

    def __init__(self) -> None:
        super().__init__("Categorising was cancelled; no category was changed.")


@dataclass(frozen=True, slots=True)
class PassResult:
    """What a pass did: rows it looked at, and how many got a category other than unknown."""

    examined: int
    categorised: int


def open_to_rules() -> Any:
    """The condition of an event whose category the rules may (re)suggest."""
    event = BattlefieldEvent
    return or_(event.target_source == RULE,
               and_(event.target_source.is_(None), event.target_category == ""))


def suggest_targets(connection: Connection, *, run_id: int | None = None,
                    rules: RuleSet | None = None, progress: PassProgress | None = None,
                    cancel: threading.Event | None = None) -> PassResult:
    """Suggest categories for the open events (those an import run *run_id* wrote, or
    all); in the caller's transaction. Raises CategorisingCancelled when *cancel* is set."""
    if rules is None:
        with Session(bind=connection) as session:
            rules = rule_set(session)
    event = BattlefieldEvent
    where = open_to_rules()
    if run_id is not None:
        where = and_(event.import_run_id == run_id, where)
    total = connection.scalar(select(func.count()).select_from(event).where(where)) or 0
    dropped = DroppedStructures()
    if run_id is None and total >= _BULK_ROWS:
        all_rows = connection.scalar(select(func.count()).select_from(event)) or 0
        if total >= all_rows * _BULK_SHARE:
            dropped = drop_derived(connection)
    table = cast(Table, event.__table__)
    write = update(table).where(table.c.id == bindparam("event_id")).values(
        target_category=bindparam("category"), target_source=RULE,
        target_rule=bindparam("rule"), target_confidence=bindparam("confidence"),
        target_decided_at=bindparam("decided_at"))
    reads_actors = rules.reads("actors")
    columns = [event.id, event.summary, event.sub_event_type]
    if reads_actors:
        columns += [event.actor1, event.actor2]
    done = categorised = 0
    last_id = 0
    decided_at = utc_now()
    while True:
        if cancel is not None and cancel.is_set():
            raise CategorisingCancelled
        page: list[Any] = list(connection.execute(
            select(*columns).where(where, event.id > last_id).order_by(event.id)
            .limit(_PAGE)).all())
        if not page:
            break
        values = []
        for row in page:
            found = rules.suggest(row[1], row[2], *(row[3:5] if reads_actors else ()))
            categorised += found.rule_id != ""
            values.append({"event_id": row[0], "category": found.category,
                           "rule": found.rule_id or None,
                           "confidence": found.confidence if found.rule_id else None,
                           "decided_at": decided_at})
        connection.execute(write, values)
        last_id = page[-1][0]
        done += len(page)
        if progress is not None:
            progress(done, total)
    if dropped.statements:
        rebuild_derived(connection, dropped, None)
    return PassResult(done, categorised)


def categorise(db: Database, *, progress: PassProgress | None = None,
               cancel: threading.Event | None = None) -> PassResult:
    """Run the rules over every event of *db* no analyst decided, in one transaction
    (Events › Suggest Target Categories…, `tracker categorise`)."""
    db.check_intact(doing="no category was changed")
    with db.engine.connect() as connection, connection.begin():
        return suggest_targets(connection, progress=progress, cancel=cancel)
