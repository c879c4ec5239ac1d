"""Factors: creating one, and deleting it only while nothing refers to it (undo of create)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from tracker.domain.enums import DependencyEffect, FactorLevel, FactorTrend
from tracker.domain.factors import Factor
from tracker.services import rounds
from tracker.services.common.errors import NotFoundError, ValidationError
from tracker.services.factors import factors
from tracker.services.factors.factors import DependencySpec, ReadingDraft
from tracker.services.rounds import ChangeNote
from tracker.storage.database import Database

ROUND = 2  # the sample's round announced for the coming week


def _names(db: Database) -> list[str]:
    with db.reading() as session:
        return list(session.scalars(select(Factor.name).order_by(Factor.name)))


def test_create_tidies_the_name_and_refuses_blank_or_duplicate(db: Database) -> None:
    with db.transaction() as session:
        factors.create_factor(session, "  Black Sea   grain deal ", " Shipping corridor ")
    assert _names(db) == ["Black Sea grain deal"]
    for name, message in (("   ", "needs a name"), ("Black Sea grain deal", "already")):
        with pytest.raises(ValidationError, match=message) as raised, \
                db.transaction() as session:
            factors.create_factor(session, name)
        assert raised.value.field == "name"
    assert _names(db) == ["Black Sea grain deal"]


def test_delete_then_recreate_under_the_same_id(db: Database) -> None:
    with db.transaction() as session:
        factor_id = factors.create_factor(session, "Energy truce", "Moratorium on strikes")
    with db.transaction() as session:
        factors.delete_factor(session, factor_id)
    assert _names(db) == []
    with db.transaction() as session:
        again = factors.create_factor(session, "Energy truce", factor_id=factor_id)
    assert again == factor_id


@pytest.mark.parametrize("refer", ["reading", "dependency", "schedule change"])
def test_a_factor_something_refers_to_is_kept(sample_db: Database, refer: str) -> None:
    with sample_db.transaction() as session:
        factor_id = factors.create_factor(session, "Prisoner exchange delays")
        if refer == "reading":
            factors.add_reading(session, factor_id, ReadingDraft(
                datetime(2026, 2, 1, 9, tzinfo=UTC), FactorLevel.LOW, FactorTrend.STABLE))
        elif refer == "dependency":
            factors.add_dependency(session, DependencySpec(ROUND, factor_id,
                                                           DependencyEffect.PRECONDITION))
        else:
            rounds.postpone(session, ROUND, ChangeNote("Exchange stalled", factor_id))
    with pytest.raises(ValidationError, match="it is kept"), \
            sample_db.transaction() as session:
        factors.delete_factor(session, factor_id)
    assert "Prisoner exchange delays" in _names(sample_db)


def test_delete_of_a_missing_factor_is_not_found(db: Database) -> None:
    with pytest.raises(NotFoundError), db.transaction() as session:
        factors.delete_factor(session, 99)
