"""Factors: creating one, and deleting it only while nothing refers to it (undo of create)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from tests.services.table_state import undo_of
from tracker.domain.enums import DependencyEffect, FactorLevel, FactorTrend
from tracker.domain.factors import Factor
from tracker.services import rounds
from tracker.services.common.errors import NotFoundError, ValidationError
from tracker.services.factors.factors import DependencySpec, ReadingDraft
from tracker.services.factors.operations import new_dependency, new_factor, new_reading
from tracker.services.rounds import ChangeNote
from tracker.storage.database import Database

ROUND = 2  # the sample's round announced for the coming week


def _names(db: Database) -> list[str]:
    with db.reading() as session:
        return list(session.scalars(select(Factor.name).order_by(Factor.name)))


def test_create_tidies_the_name_and_refuses_blank_or_duplicate(db: Database) -> None:
    with db.transaction() as session:
        new_factor(session, "  Black Sea   grain deal ", " Shipping corridor ")
    assert _names(db) == ["Black Sea grain deal"]
    for name, message in (("   ", "needs a name"), ("Black Sea grain deal", "already")):
        with pytest.raises(ValidationError, match=message) as raised, \
                db.transaction() as session:
            new_factor(session, name)
        assert raised.value.field == "name"
    assert _names(db) == ["Black Sea grain deal"]


def test_delete_then_recreate_under_the_same_id(db: Database) -> None:
    with db.transaction() as session:
        created = new_factor(session, "Energy truce", "Moratorium on strikes")
    factor_id = created.record_id
    with db.transaction() as session:
        deleted = undo_of(created)(session)
    assert _names(db) == []
    with db.transaction() as session:
        again = undo_of(deleted)(session).record_id
    assert again == factor_id


@pytest.mark.parametrize("refer", ["reading", "dependency", "schedule change"])
def test_a_factor_something_refers_to_is_kept(sample_db: Database, refer: str) -> None:
    with sample_db.transaction() as session:
        created = new_factor(session, "Prisoner exchange delays")
        factor_id = created.record_id
        assert factor_id is not None
        if refer == "reading":
            new_reading(session, factor_id, ReadingDraft(
                datetime(2026, 2, 1, 9, tzinfo=UTC), FactorLevel.LOW, FactorTrend.STABLE))
        elif refer == "dependency":
            new_dependency(session, DependencySpec(ROUND, factor_id,
                                                   DependencyEffect.PRECONDITION))
        else:
            rounds.postpone(session, ROUND, ChangeNote("Exchange stalled", factor_id))
    with pytest.raises(ValidationError, match="it is kept"), \
            sample_db.transaction() as session:
        undo_of(created)(session)
    assert "Prisoner exchange delays" in _names(sample_db)


def test_delete_of_a_missing_factor_is_not_found(db: Database) -> None:
    with db.transaction() as session:
        created = new_factor(session, "Energy truce")
    with db.transaction() as session:  # gone by another way than this step's undo
        session.delete(session.get(Factor, created.record_id))
    with pytest.raises(NotFoundError), db.transaction() as session:
        undo_of(created)(session)
