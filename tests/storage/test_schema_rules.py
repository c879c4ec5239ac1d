"""Rules the database itself enforces: append-only history, FTS sync, CHECK constraints."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from tracker.domain.enums import ChangeKind, LinkKind, Precision, RoundStatus
from tracker.domain.models import (
    BattlefieldEvent,
    Citation,
    EventLink,
    Factor,
    Party,
    Round,
    ScheduleChange,
    Source,
    Track,
    Venue,
)
from tracker.storage.database import Database


def add(db: Database, *objects: Any) -> list[int]:
    """Insert *objects* in one transaction and return their ids."""
    with db.transaction() as session:
        session.add_all(objects)
        session.flush()
        return [obj.id for obj in objects]


def event(external_id: str = "UKR1", **values: Any) -> BattlefieldEvent:
    values.setdefault("summary", "Missile strike on a thermal power plant")
    return BattlefieldEvent(
        dataset="ACLED", external_id=external_id, event_date=date(2026, 2, 5), **values
    )


@pytest.fixture
def picture(db: Database) -> dict[str, int]:
    """One of each thing that links and citations can point at."""
    with db.transaction() as session:
        track = Track(name="US-brokered trilateral talks")
        venue = Venue(name="Conference centre", city="Abu Dhabi", time_zone="Asia/Dubai")
        factor = Factor(name="U.S.–Iran tensions")
        party = Party(name="Ukraine")
        source = Source(outlet="Reuters", title="Talks set for the coming week")
        strike = event()
        session.add_all([track, venue, factor, party, source, strike])
        session.flush()
        round_ = Round(track_id=track.id, title="Round 1", venue_id=venue.id)
        session.add(round_)
        session.flush()
        change = ScheduleChange(
            round_id=round_.id, kind=ChangeKind.RESCHEDULED, reason="Iran tensions",
            old_precision=Precision.WEEK, old_tz="Asia/Dubai",
            old_start=datetime(2026, 2, 1, 20, tzinfo=UTC),
            old_end=datetime(2026, 2, 8, 20, tzinfo=UTC),
            new_precision=Precision.UNKNOWN, new_tz="Asia/Dubai",
            old_status=RoundStatus.SCHEDULED, new_status=RoundStatus.POSTPONED,
            factor_id=factor.id,
        )
        session.add(change)
        session.flush()
        return {
            "track": track.id, "venue": venue.id, "factor": factor.id, "party": party.id,
            "source": source.id, "event": strike.id, "round": round_.id, "change": change.id,
        }


# -- schedule history is append-only -----------------------------------------------------------


def change_row(db: Database, change_id: int) -> tuple[Any, ...]:
    with db.reading() as session:
        return tuple(
            session.execute(
                text("SELECT * FROM schedule_change WHERE id = :id"), {"id": change_id}
            ).one()
        )


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE schedule_change SET reason = 'rewritten' WHERE id = :id",
        "UPDATE schedule_change SET new_status = 'cancelled' WHERE id = :id",
        "DELETE FROM schedule_change WHERE id = :id",
    ],
)
def test_schedule_change_cannot_be_updated_or_deleted(
    db: Database, picture: dict[str, int], statement: str
) -> None:
    before = change_row(db, picture["change"])

    with pytest.raises(IntegrityError, match="append-only"), db.transaction() as session:
        session.execute(text(statement), {"id": picture["change"]})

    assert change_row(db, picture["change"]) == before


def test_schedule_change_cannot_be_changed_through_the_orm(
    db: Database, picture: dict[str, int]
) -> None:
    before = change_row(db, picture["change"])

    with pytest.raises(IntegrityError), db.transaction() as session:
        change = session.get(ScheduleChange, picture["change"])
        assert change is not None
        change.reason = "quietly edited"

    with pytest.raises(IntegrityError), db.transaction() as session:
        change = session.get(ScheduleChange, picture["change"])
        session.delete(change)

    assert change_row(db, picture["change"]) == before


def test_schedule_history_grows_by_appending(db: Database, picture: dict[str, int]) -> None:
    add(db, ScheduleChange(round_id=picture["round"], kind=ChangeKind.RESTORED))
    with db.reading() as session:
        kinds = session.scalars(select(ScheduleChange.kind).order_by(ScheduleChange.id)).all()
    assert kinds == [ChangeKind.RESCHEDULED, ChangeKind.RESTORED]


def test_a_round_with_history_cannot_be_deleted(db: Database, picture: dict[str, int]) -> None:
    with pytest.raises(IntegrityError), db.transaction() as session:
        session.execute(text("DELETE FROM round WHERE id = :id"), {"id": picture["round"]})
    with db.reading() as session:
        assert session.get(Round, picture["round"]) is not None


# -- full-text search follows battlefield_event ------------------------------------------------


def search(db: Database, query: str) -> list[int]:
    with db.reading() as session:
        return list(
            session.execute(
                text(
                    "SELECT rowid FROM battlefield_event_fts WHERE battlefield_event_fts "
                    "MATCH :query ORDER BY rowid"
                ),
                {"query": query},
            ).scalars()
        )


@pytest.mark.sqlite_only  # FTS5 itself; PostgreSQL's search: tests/services/events/test_events.py
def test_fts_finds_inserted_events(db: Database) -> None:
    first, second = add(
        db,
        event("A", summary="Drone attack damaged a substation", location="Odesa"),
        event("B", summary="Shelling of a railway depot", location="Kharkiv"),
    )

    assert search(db, "substation") == [first]
    assert search(db, "railway") == [second]
    assert search(db, "kharkiv") == [second]  # other columns are indexed too
    assert search(db, "tanker") == []


@pytest.mark.sqlite_only  # FTS5 itself; PostgreSQL's search: tests/services/events/test_events.py
def test_fts_follows_updates(db: Database) -> None:
    (event_id,) = add(db, event(summary="Strike on a substation"))

    with db.transaction() as session:
        row = session.get(BattlefieldEvent, event_id)
        assert row is not None
        row.summary = "Strike on a railway bridge"

    assert search(db, "railway") == [event_id]
    assert search(db, "substation") == []
    assert search(db, "strike") == [event_id]


@pytest.mark.sqlite_only  # FTS5 itself; PostgreSQL's search: tests/services/events/test_events.py
def test_fts_follows_deletes(db: Database) -> None:
    kept, removed = add(
        db, event("A", summary="Strike on a substation"), event("B", summary="Substation hit")
    )

    with db.transaction() as session:
        session.execute(text("DELETE FROM battlefield_event WHERE id = :id"), {"id": removed})

    assert search(db, "substation") == [kept]
    with db.transaction() as session:
        session.execute(text("DELETE FROM battlefield_event"))
    assert search(db, "substation") == []
    assert search(db, "strike") == []


@pytest.mark.sqlite_only  # FTS5 itself; PostgreSQL's search: tests/services/events/test_events.py
def test_fts_ignores_diacritics(db: Database) -> None:
    (event_id,) = add(db, event(location="Zaporízhzhia", summary="Strike"))
    assert search(db, "zaporizhzhia") == [event_id]


@pytest.mark.sqlite_only  # FTS5 itself; PostgreSQL's search: tests/services/events/test_events.py
def test_fts_is_unchanged_by_a_rolled_back_insert(db: Database) -> None:
    with pytest.raises(IntegrityError), db.transaction() as session:
        session.add(event("A", summary="Ghost substation"))
        session.flush()
        session.add(event("B", fatalities=-1))
    assert search(db, "ghost") == []


# -- CHECK constraints -----------------------------------------------------------------------


def test_event_link_needs_exactly_one_target(db: Database, picture: dict[str, int]) -> None:
    with pytest.raises(IntegrityError, match="one_target"):
        add(db, EventLink(event_id=picture["event"]))
    with pytest.raises(IntegrityError, match="one_target"):
        add(db, EventLink(event_id=picture["event"], round_id=picture["round"],
                          factor_id=picture["factor"]))

    to_round, to_factor = add(
        db,
        EventLink(event_id=picture["event"], round_id=picture["round"],
                  kind=LinkKind.ESCALATION),
        EventLink(event_id=picture["event"], factor_id=picture["factor"]),
    )
    with db.reading() as session:
        assert session.scalars(select(EventLink.id).order_by(EventLink.id)).all() == [
            to_round, to_factor,
        ]


@pytest.mark.parametrize("targets", [(), ("round", "factor"), ("event", "party", "venue")])
def test_citation_needs_exactly_one_target(
    db: Database, picture: dict[str, int], targets: tuple[str, ...]
) -> None:
    columns = {f"{name}_id": picture[name] for name in targets}
    with pytest.raises(IntegrityError, match="one_target"):
        add(db, Citation(source_id=picture["source"], **columns))
    with db.reading() as session:
        assert session.scalars(select(Citation)).all() == []


@pytest.mark.parametrize(
    ("column", "key"),
    [("round_id", "round"), ("schedule_change_id", "change"), ("factor_id", "factor"),
     ("event_id", "event"), ("party_id", "party"), ("venue_id", "venue")],
)
def test_citation_with_one_target_is_accepted(
    db: Database, picture: dict[str, int], column: str, key: str
) -> None:
    (citation_id,) = add(db, Citation(source_id=picture["source"], **{column: picture[key]}))
    with db.reading() as session:
        citation = session.get(Citation, citation_id)
        assert citation is not None and getattr(citation, column) == picture[key]


@pytest.mark.parametrize(
    ("values", "constraint"),
    [
        ({"fatalities": -1}, "fatalities"),
        ({"injuries": -3}, "injuries"),
        ({"latitude": 90.5, "longitude": 30.0}, "latitude"),
        ({"latitude": -91.0, "longitude": 30.0}, "latitude"),
        ({"latitude": 47.0, "longitude": 180.01}, "longitude"),
        ({"latitude": 47.0, "longitude": -181.0}, "longitude"),
    ],
)
def test_event_values_out_of_range_are_refused(
    db: Database, values: dict[str, Any], constraint: str
) -> None:
    with pytest.raises(IntegrityError, match=constraint):
        add(db, event(**values))
    with db.reading() as session:
        assert session.scalars(select(BattlefieldEvent)).all() == []


def test_event_values_at_the_limits_are_accepted(db: Database) -> None:
    add(
        db,
        event("A", fatalities=0, injuries=0, latitude=90.0, longitude=180.0),
        event("B", latitude=-90.0, longitude=-180.0),
        event("C", fatalities=None, latitude=None, longitude=None),
    )
    with db.reading() as session:
        assert len(session.scalars(select(BattlefieldEvent)).all()) == 3


def test_venue_latitude_out_of_range_is_refused(db: Database) -> None:
    with pytest.raises(IntegrityError, match="latitude"):
        add(db, Venue(name="Nowhere", latitude=-95.0, longitude=0.0))


def test_event_identity_is_unique_per_dataset(db: Database) -> None:
    add(db, event("UKR1"))
    with pytest.raises(IntegrityError, match=r"(?i)UNIQUE"):
        add(db, event("UKR1"))
    add(db, BattlefieldEvent(dataset="UCDP", external_id="UKR1", event_date=date(2026, 2, 5)))


def test_round_window_end_must_follow_start(db: Database, picture: dict[str, int]) -> None:
    with pytest.raises(IntegrityError, match="window_order"), db.transaction() as session:
        session.execute(
            text(
                "UPDATE round SET window_start = '2026-02-05 10:00:00', "
                "window_end = '2026-02-05 10:00:00' WHERE id = :id"
            ),
            {"id": picture["round"]},
        )


def test_deleting_an_event_removes_its_links(db: Database, picture: dict[str, int]) -> None:
    add(db, EventLink(event_id=picture["event"], round_id=picture["round"]))

    with db.transaction() as session:
        session.execute(text("DELETE FROM battlefield_event WHERE id = :id"),
                        {"id": picture["event"]})

    with db.reading() as session:
        assert session.scalars(select(EventLink)).all() == []
