"""A database written before the tracker's date range (issue 14, F1-F3): shared by the
tests that every view and export survives it.

The rows go in as SQL statements on the tables, as an older version, a hand edit or
another program could have written them: no entry of the tracker accepts them any more.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import insert, update

from tracker.domain.enums import Precision
from tracker.domain.events import BattlefieldEvent
from tracker.domain.factors import FactorReading
from tracker.domain.negotiation import Round
from tracker.services.common.sample import load_sample
from tracker.storage.database import Database, open_database

EXTREME_DAYS = (date(1, 1, 1), date(9999, 12, 31), date(9998, 6, 1))


def add_extreme_dates(db: Database) -> None:
    """Events on the first and last days of the calendar (and one reported to the week,
    in 9998); round 1 of the sample on the last day of 9999 in Kyiv (whose local end is
    past the calendar), round 2 at an exact time on 1 Jan 0001 in the zone "Mars/Olympus"
    (F3: a restored archive could hold one), and a factor reading in the last second of
    9999."""
    events = BattlefieldEvent.__table__
    rounds = Round.__table__
    readings = FactorReading.__table__
    with db.transaction() as session:
        session.execute(insert(events), [{
            "dataset": "old", "external_id": f"OLD{number}", "event_date": day,
            "date_precision": Precision.WEEK if number == 2 else Precision.DAY,
            "event_type": "Battles", "sub_event_type": "", "target_category": "energy",
            "actor1": "a", "actor2": "", "admin1": "Kyivska", "admin2": "",
            "location": "Kyiv", "summary": "stored before the rule",
            "imported_at": datetime.now(UTC), "interaction": "", "reported_by": "",
        } for number, day in enumerate(EXTREME_DAYS)])
        session.execute(update(rounds).where(rounds.c.id == 1).values(
            window_precision=Precision.DAY, window_tz="Europe/Kyiv",
            window_start=datetime(9999, 12, 30, 22, tzinfo=UTC),
            window_end=datetime(9999, 12, 31, 22, tzinfo=UTC)))
        session.execute(update(rounds).where(rounds.c.id == 2).values(
            window_precision=Precision.EXACT, window_tz="Mars/Olympus",
            window_start=datetime(1, 1, 1, tzinfo=UTC), window_end=None))
        latest = session.scalar(readings.select().with_only_columns(readings.c.id)
                                .order_by(readings.c.id.desc()).limit(1))
        session.execute(update(readings).where(readings.c.id == latest).values(
            observed_at=datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC)))


def old_sample_file(path: Path) -> Path:
    """The sample scenario at *path*, a file, with the extreme dates added."""
    db = open_database(path)
    try:
        with db.transaction() as session:
            load_sample(session)
        add_extreme_dates(db)
    finally:
        db.close()
    return path
