"""The narrow race: another editor's commit lands between the version check and the UPDATE.

A hook on this editor's engine commits the other editor's change from a second database
connection just before this editor's UPDATE (or DELETE) goes out, so the check has
passed and the statement then finds the row moved on: PostgreSQL matches no row
(StaleDataError), SQLite refuses to write from the stale snapshot ("database is
locked"). Either way the save is refused with the same ConflictError as a plain stale
save, never a raw error, and nothing of it is written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.orm import Session

from tests.services.conflict_figures import CASES, Case, record_of
from tracker.services.common.errors import NotFoundError
from tracker.services.events.link_operations import remove_link
from tracker.services.records import record_edits
from tracker.services.records.conflicts import ConflictError
from tracker.services.records.record_edits import current, edit_record
from tracker.services.rounds.seating import unseat
from tracker.storage.database import Database


@contextmanager
def commit_before(db: Database, statement: str, table: str,
                  theirs: Callable[[], None]) -> Iterator[list[str]]:
    """Run *theirs* (a commit elsewhere) just before *db* first sends *statement* on
    *table*; yields the statements that triggered it (one, once it fired)."""
    pattern = re.compile(rf'\s*{statement}\s+(FROM\s+)?"?{table}"?\s', re.IGNORECASE)
    fired: list[str] = []

    def hook(_conn: Any, _cursor: Any, sql: str, *_rest: Any) -> None:
        if not fired and pattern.match(sql):
            fired.append(sql)
            theirs()

    event.listen(db.engine, "before_cursor_execute", hook)
    try:
        yield fired
    finally:
        event.remove(db.engine, "before_cursor_execute", hook)


@pytest.mark.parametrize("case", CASES, ids=[case.kind for case in CASES])
def test_a_commit_between_check_and_update_is_a_conflict(
        sample_db: Database, other: Database, case: Case) -> None:
    record_id = record_of(sample_db, case)
    with sample_db.reading() as session:
        opened, version = current(session, case.kind, record_id)
    table = record_edits.kind_of(case.kind).model.__tablename__

    def theirs() -> None:
        with other.transaction() as session:
            edit_record(session, case.kind, record_id, case.theirs, expected_version=version)

    with commit_before(sample_db, "UPDATE", table, theirs) as fired, \
            pytest.raises(ConflictError) as caught, sample_db.transaction() as session:
        edit_record(session, case.kind, record_id, {**opened, **case.mine},
                    expected_version=version)
    assert len(fired) == 1  # the check passed: the UPDATE itself was refused
    conflict = caught.value
    assert (conflict.mine_version, conflict.theirs_version) == (version, version + 1)
    assert [(d.field, d.mine_text, d.theirs_text) for d in conflict.differences] \
        == case.differences
    with sample_db.reading() as session:
        assert current(session, case.kind, record_id) == ({**opened, **case.theirs},
                                                          version + 1)


def _unlink(session: Session, link_id: int, version: int | None = None) -> object:
    return remove_link(session, link_id, expected_version=version)


def _unseat(session: Session, seat_id: int, version: int | None = None) -> object:
    return unseat(session, seat_id, expected_version=version)


REMOVALS = [("link", 1, "event_link", _unlink), ("participant", 1, "round_participant", _unseat)]


@pytest.mark.parametrize(("kind", "record_id", "table", "remove"), REMOVALS,
                         ids=[kind for kind, *_ in REMOVALS])
def test_removing_a_record_changed_since_it_was_shown_is_refused(
        sample_db: Database, other: Database, kind: str, record_id: int, table: str,
        remove: Callable[[Session, int, int | None], object]) -> None:
    with sample_db.reading() as session:
        _, version = current(session, kind, record_id)
    with other.transaction() as session:
        edit_record(session, kind, record_id, {"note": "Theirs"}, expected_version=version)
    with pytest.raises(ConflictError) as caught, sample_db.transaction() as session:
        remove(session, record_id, version)
    assert caught.value.theirs_version == version + 1 and caught.value.differences == ()
    with sample_db.reading() as session:  # still there, with their note
        assert current(session, kind, record_id)[0]["note"] == "Theirs"

    # The same in the narrow race: their change lands just before the DELETE.
    def theirs() -> None:
        with other.transaction() as session:
            edit_record(session, kind, record_id, {"note": "Theirs again"},
                        expected_version=version + 1)

    with commit_before(sample_db, "DELETE", table, theirs) as fired, \
            pytest.raises(ConflictError), sample_db.transaction() as session:
        remove(session, record_id, version + 1)
    assert len(fired) == 1
    with sample_db.reading() as session:
        assert current(session, kind, record_id) == (
            {**current(session, kind, record_id)[0], "note": "Theirs again"}, version + 2)

    # Removed already by the other editor: said so, plainly.
    with other.transaction() as session:
        remove(session, record_id, None)
    with pytest.raises(NotFoundError, match="already removed by someone else"), \
            sample_db.transaction() as session:
        remove(session, record_id, version + 2)


def test_an_update_racing_a_removal_says_the_record_is_gone(
        sample_db: Database, other: Database) -> None:
    with sample_db.reading() as session:
        opened, version = current(session, "link", 1)

    def theirs() -> None:
        with other.transaction() as session:
            remove_link(session, 1)

    with commit_before(sample_db, "UPDATE", "event_link", theirs), \
            pytest.raises(NotFoundError, match="removed by someone else"), \
            sample_db.transaction() as session:
        edit_record(session, "link", 1, {**opened, "note": "Mine"}, expected_version=version)
