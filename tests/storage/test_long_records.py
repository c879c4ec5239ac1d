"""The SQL "long record" condition answers as EventTime.is_long does, for every shape of date
(on PostgreSQL too, where TRACKER_TEST_POSTGRES_URL names a server)."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import product

from sqlalchemy import select

from tests.services.scenario import add_events
from tracker.domain.enums import Precision
from tracker.domain.event_time import LONG_RECORD_DAYS, EventTime
from tracker.domain.events import MIDWEEK_DATASETS, BattlefieldEvent
from tracker.storage.database import Database
from tracker.storage.long_records import is_long_record, is_short_record

FIRSTS = (date(2022, 2, 24), date(2022, 2, 1), date(2024, 2, 29), date(1899, 12, 25),
          date(2200, 12, 28))
# No end, an end before, on and after the first day, up to just past the long limit.
LENGTHS = (None, -3, 0, 1, LONG_RECORD_DAYS - 1, LONG_RECORD_DAYS, LONG_RECORD_DAYS + 1,
           27, 28, 30, 218)


def test_the_sql_condition_is_event_time_is_long(db: Database) -> None:
    rows = []
    for first, precision, length, dataset in product(FIRSTS, Precision, LENGTHS,
                                                     ("UCDP GED", *MIDWEEK_DATASETS)):
        end = None if length is None else first + timedelta(days=length)
        rows.append({"event_date": first, "event_date_end": end, "date_precision": precision,
                     "dataset": dataset})
    with db.transaction() as session:
        add_events(session, rows)
    event = BattlefieldEvent
    with db.reading() as session:
        long_ids = set(session.scalars(select(event.id).where(is_long_record())))
        short_ids = set(session.scalars(select(event.id).where(is_short_record())))
        stored = session.execute(select(event.id, event.event_date, event.date_precision,
                                        event.event_date_end, event.dataset)).all()
    expected = {row_id for row_id, first, precision, end, dataset in stored
                if EventTime.of(first, precision, end,
                                midweek=dataset in MIDWEEK_DATASETS).is_long}
    assert long_ids == expected
    assert short_ids == {row[0] for row in stored} - expected
    # The cases that matter are there: a month, a long span, a week-long span.
    assert 10 < len(expected) < len(stored) - 10
