"""Shared column types: instants stored as UTC and enums stored as their values."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError, StatementError

from tracker.domain.base import UTCDateTime
from tracker.domain.enums import FactorLevel, FactorTrend, PartyKind, Precision, RoundStatus
from tracker.domain.models import BattlefieldEvent, Factor, FactorReading, Party, Round, Track
from tracker.storage.database import Database

KYIV = ZoneInfo("Europe/Kyiv")


def add_reading(db: Database, observed_at: datetime) -> int:
    with db.transaction() as session:
        factor = Factor(name=f"factor {observed_at!r}")
        session.add(factor)
        session.flush()
        reading = FactorReading(
            factor_id=factor.id, observed_at=observed_at,
            level=FactorLevel.HIGH, trend=FactorTrend.RISING,
        )
        session.add(reading)
        session.flush()
        return reading.id


# -- UTCDateTime ----------------------------------------------------------------------------


def test_aware_kyiv_datetime_round_trips_as_the_same_instant_in_utc(db: Database) -> None:
    kyiv_evening = datetime(2026, 7, 5, 21, 30, 15, 250, tzinfo=KYIV)  # EEST, +03:00
    reading_id = add_reading(db, kyiv_evening)

    with db.reading() as session:
        stored = session.execute(
            select(FactorReading.observed_at).where(FactorReading.id == reading_id)
        ).scalar_one()
        raw = session.execute(
            text("SELECT observed_at FROM factor_reading WHERE id = :id"), {"id": reading_id}
        ).scalar_one()

    assert stored == kyiv_evening
    assert stored.tzinfo is UTC
    assert (stored.hour, stored.minute, stored.second, stored.microsecond) == (18, 30, 15, 250)
    # SQLite holds the UTC wall time, so text comparisons in SQL order instants correctly.
    assert raw.startswith("2026-07-05 18:30:15")


def test_instants_sort_in_sql_by_time_not_by_their_original_offset(db: Database) -> None:
    # 10:00 in Kyiv is earlier than 09:00 in London on the same day.
    later = add_reading(db, datetime(2026, 2, 5, 9, 0, tzinfo=ZoneInfo("Europe/London")))
    earlier = add_reading(db, datetime(2026, 2, 5, 10, 0, tzinfo=KYIV))

    with db.reading() as session:
        ordered = session.scalars(
            select(FactorReading.id).order_by(FactorReading.observed_at)
        ).all()

    assert ordered == [earlier, later]


def test_naive_datetime_is_refused_on_bind(db: Database) -> None:
    with pytest.raises(StatementError, match="Naive datetime") as caught:
        add_reading(db, datetime(2026, 2, 5, 10, 0))
    assert isinstance(caught.value.orig, ValueError)

    with db.reading() as session:
        assert session.scalars(select(FactorReading)).all() == []
        assert session.scalars(select(Factor)).all() == []  # the whole unit rolled back


def test_defaults_are_aware_utc(db: Database) -> None:
    with db.transaction() as session:
        track = Track(name="trilateral")
        session.add(track)
        session.flush()
        session.add(Round(track_id=track.id, title="Round 1"))

    with db.reading() as session:
        created = session.scalars(select(Round.created_at)).one()

    assert created.tzinfo is UTC
    assert abs(datetime.now(UTC) - created) < timedelta(days=1)


def test_bind_converts_for_each_dialect() -> None:
    column = UTCDateTime()
    value = datetime(2026, 2, 5, 10, 0, tzinfo=KYIV)

    for_sqlite = column.process_bind_param(value, sqlite.dialect())
    for_postgres = column.process_bind_param(value, postgresql.dialect())

    assert for_sqlite == datetime(2026, 2, 5, 8, 0)  # naive, UTC wall time
    assert for_sqlite is not None and for_sqlite.tzinfo is None
    assert for_postgres == value
    assert for_postgres is not None and for_postgres.utcoffset() == timedelta(0)
    assert column.process_bind_param(None, sqlite.dialect()) is None
    with pytest.raises(ValueError, match="Naive"):
        column.process_bind_param(datetime(2026, 2, 5), postgresql.dialect())


def test_result_is_aware_utc_for_each_dialect() -> None:
    column = UTCDateTime()
    from_sqlite = column.process_result_value(datetime(2026, 2, 5, 8), sqlite.dialect())
    plus_five = datetime(2026, 2, 5, 13, tzinfo=timezone(timedelta(hours=5)))
    from_postgres = column.process_result_value(plus_five, postgresql.dialect())

    assert from_sqlite == datetime(2026, 2, 5, 8, tzinfo=UTC)
    assert from_sqlite is not None and from_sqlite.tzinfo is UTC
    assert from_postgres == datetime(2026, 2, 5, 8, tzinfo=UTC)
    assert from_postgres is not None and from_postgres.tzinfo is UTC
    assert column.process_result_value(None, sqlite.dialect()) is None


# -- enum_type ---------------------------------------------------------------------------------


def test_enums_are_stored_as_their_values(db: Database) -> None:
    with db.transaction() as session:
        session.add(Party(name="Wagner", kind=PartyKind.ARMED_GROUP))
        session.add(
            BattlefieldEvent(
                dataset="ACLED", external_id="UKR1", event_date=date(2026, 2, 5),
                date_precision=Precision.WEEK,
            )
        )

    with db.reading() as session:
        raw_kind = session.execute(text("SELECT kind FROM party")).scalar_one()
        raw_precision = session.execute(
            text("SELECT date_precision FROM battlefield_event")
        ).scalar_one()
        party = session.scalars(select(Party)).one()

    assert raw_kind == "armed group"
    assert raw_precision == "week"
    assert party.kind is PartyKind.ARMED_GROUP


def test_enum_value_strings_are_read_as_members(db: Database) -> None:
    with db.transaction() as session:
        session.execute(text("INSERT INTO party (name, short_name, kind) "
                             "VALUES ('ICRC', '', 'organisation')"))

    with db.reading() as session:
        assert session.scalars(select(Party.kind)).one() is PartyKind.ORGANISATION


def test_unknown_enum_string_is_refused_before_sql(db: Database) -> None:
    with pytest.raises(StatementError) as caught, db.transaction() as session:
        session.add(Party(name="X", kind="bogus"))
    assert isinstance(caught.value.orig, LookupError)


@pytest.mark.parametrize("value", ["bogus", "SCHEDULED", "Scheduled"])
def test_database_check_refuses_values_outside_the_enum(db: Database, value: str) -> None:
    with db.transaction() as session:
        session.add(Track(name="t"))
    with pytest.raises(IntegrityError), db.transaction() as session:
        session.execute(
            text(
                "INSERT INTO round (track_id, title, format, status, window_precision, "
                "window_tz, agenda, outcome, created_at, updated_at, version) VALUES "
                "(1, 'r', 'trilateral', :status, 'unknown', 'UTC', '', '', "
                "'2026-01-01', '2026-01-01', 1)"
            ),
            {"status": value},
        )
    with db.transaction() as session:  # the value, not the member name, is what is accepted
        session.execute(
            text(
                "INSERT INTO round (track_id, title, format, status, window_precision, "
                "window_tz, agenda, outcome, created_at, updated_at, version) VALUES "
                "(1, 'r', 'trilateral', :status, 'unknown', 'UTC', '', '', "
                "'2026-01-01', '2026-01-01', 1)"
            ),
            {"status": RoundStatus.SCHEDULED.value},
        )
