"""Creating a factor, adding a reading and a dependency as operations: each Outcome's undo
puts the database back and the undo's undo does the step again. No Qt."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.services.table_state import assert_undo_and_redo, run, table_state, undo_of
from tracker.domain.enums import DependencyEffect, FactorLevel, FactorTrend
from tracker.services.common.errors import ValidationError
from tracker.services.common.topics import Topic
from tracker.services.factors.factors import DependencySpec, ReadingDraft
from tracker.services.factors.operations import new_dependency, new_factor, new_reading
from tracker.storage.database import Database

ANNOUNCED_ROUND, GRID = 2, 3
READING = ReadingDraft(datetime(2026, 2, 3, 9, tzinfo=UTC), FactorLevel.CRITICAL,
                       FactorTrend.RISING, "Blackouts in Kyiv")


def test_new_factor_is_undone_and_redone_under_the_same_id(sample_db: Database) -> None:
    done = assert_undo_and_redo(
        sample_db, lambda s: new_factor(s, " Grain  corridor ", "Shipping"), "factor")
    assert done.record_id is not None and done.topics == Topic.FACTORS


def test_undoing_a_factor_something_now_refers_to_keeps_it(sample_db: Database) -> None:
    done = run(sample_db, lambda s: new_factor(s, "Grain corridor"))
    assert done.record_id is not None
    factor_id = done.record_id
    run(sample_db, lambda s: new_reading(s, factor_id, READING))
    before = table_state(sample_db, "factor", "factor_reading")
    with pytest.raises(ValidationError, match="it is kept"):
        run(sample_db, undo_of(done))
    assert table_state(sample_db, "factor", "factor_reading") == before


def test_new_reading_is_undone_and_redone(sample_db: Database) -> None:
    # A reading comes back under a new id: nothing else names it.
    assert_undo_and_redo(sample_db, lambda s: new_reading(s, GRID, READING),
                         "factor_reading", new_ids=("factor_reading",))


def test_new_dependency_is_undone_and_redone(sample_db: Database) -> None:
    spec = DependencySpec(ANNOUNCED_ROUND, GRID, DependencyEffect.MAY_POSTPONE, "Blackouts")
    assert_undo_and_redo(sample_db, lambda s: new_dependency(s, spec), "dependency",
                         new_ids=("dependency",))
