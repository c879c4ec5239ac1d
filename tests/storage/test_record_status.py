"""Only current events count: a withdrawn or merged event leaves the day counts, and comes
back into them when it is current again (migration 0013, storage.counted_events)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import update

from tests.storage.test_day_counts import counts, event
from tracker.domain.events import BattlefieldEvent
from tracker.storage.counted_events import RecordStatus
from tracker.storage.database import Database
from tracker.storage.day_counts import recount

DAY = date(2024, 3, 1)


def _status(db: Database, external_id: str, status: RecordStatus) -> None:
    with db.transaction() as session:
        session.execute(update(BattlefieldEvent)
                        .where(BattlefieldEvent.external_id == external_id)
                        .values(record_status=status.value))


def _counted(db: Database) -> list[tuple[object, ...]]:
    """The day counts (checked equal to a GROUP BY of the counted events)."""
    with db.engine.connect() as connection:
        kept = [tuple(row) for row in connection.exec_driver_sql(
            "SELECT day, events, fatalities FROM event_day_count ORDER BY day")]
        expected = [tuple(row) for row in connection.exec_driver_sql(
            "SELECT event_date, count(*), coalesce(sum(fatalities), 0) FROM battlefield_event "
            "WHERE record_status = 'current' GROUP BY event_date ORDER BY event_date")]
    assert kept == expected
    return kept


def test_new_events_are_current(db: Database) -> None:
    with db.transaction() as session:
        session.add(event("a", DAY, fatalities=3))
    with db.reading() as session:
        stored = session.query(BattlefieldEvent).one()
        assert stored.record_status == RecordStatus.CURRENT
    assert counts(db)[0][4:6] == (1, 3)


def test_withdrawn_and_merged_events_leave_the_counts_and_come_back(db: Database) -> None:
    with db.transaction() as session:
        session.add_all([event("a", DAY, fatalities=3), event("b", DAY, fatalities=4),
                         event("c", DAY, fatalities=5)])
    assert [row[1:] for row in _counted(db)] == [(3, 12)]
    _status(db, "a", RecordStatus.WITHDRAWN)
    _status(db, "b", RecordStatus.MERGED)
    assert [row[1:] for row in _counted(db)] == [(1, 5)]
    _status(db, "a", RecordStatus.CURRENT)
    assert [row[1:] for row in _counted(db)] == [(2, 8)]
    # A withdrawn event's figures changing moves no count; deleting it takes none away.
    with db.transaction() as session:
        session.execute(update(BattlefieldEvent).where(BattlefieldEvent.external_id == "b")
                        .values(fatalities=40))
        session.execute(BattlefieldEvent.__table__.delete()
                        .where(BattlefieldEvent.external_id == "b"))
    assert [row[1:] for row in _counted(db)] == [(2, 8)]


def test_recount_counts_the_current_events_only(db: Database) -> None:
    with db.transaction() as session:
        session.add_all([event("a", DAY, fatalities=3), event("b", DAY, fatalities=4)])
    _status(db, "b", RecordStatus.WITHDRAWN)
    with db.engine.begin() as connection:
        recount(connection)
    assert [row[1:] for row in _counted(db)] == [(1, 3)]
