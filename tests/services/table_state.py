"""What some tables hold, row by row with every column: to say an undo put the database
back exactly (ids, versions and creation times included) and a redo did the step again."""

from __future__ import annotations

from collections.abc import Callable, Collection

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.domain.base import Base
from tracker.services.common.outcome import Outcome
from tracker.storage.database import Database

State = dict[str, list[tuple[object, ...]]]


def table_state(db: Database, *tables: str, new_ids: Collection[str] = ()) -> State:
    """Every row of *tables*, in primary-key order; for the tables in *new_ids*, whose
    rows a redo re-creates under new ids by design (a citation, a reading: nothing else
    names them), without the id and sorted."""
    with db.reading() as session:
        return {name: _rows(session, name, with_id=name not in new_ids) for name in tables}


def _rows(session: Session, name: str, *, with_id: bool) -> list[tuple[object, ...]]:
    table = Base.metadata.tables[name]
    columns = [column for column in table.columns if with_id or column.name != "id"]
    rows = [tuple(row) for row in session.execute(
        select(*columns).order_by(*table.primary_key.columns))]
    return rows if with_id else sorted(rows, key=repr)


def run(db: Database, step: Callable[[Session], Outcome]) -> Outcome:
    """One step (an operation, or an Outcome's undo) in its own transaction."""
    with db.transaction() as session:
        return step(session)


def undo_of(outcome: Outcome) -> Callable[[Session], Outcome]:
    assert outcome.undo is not None, "the step has nothing to take back"
    return outcome.undo


def assert_undo_and_redo(db: Database, operation: Callable[[Session], Outcome],
                         *tables: str, new_ids: Collection[str] = ()) -> Outcome:
    """Run *operation*, undo it, redo it and undo it again: each undo gives back the
    tables as they were before, each redo as the operation left them. Returns the
    operation's Outcome."""
    def state() -> State:
        return table_state(db, *tables, new_ids=new_ids)

    before = state()
    done = run(db, operation)
    after = state()
    assert after != before, "the operation changed nothing"
    undone = run(db, undo_of(done))
    assert state() == before
    redone = run(db, undo_of(undone))
    assert state() == after
    run(db, undo_of(redone))
    assert state() == before
    return done
