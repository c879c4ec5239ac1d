"""PostgreSQL's own schema: the tsvector search and the day-count triggers of 0006, and a
walk down to no schema and back up (test_migrations walks SQLite's)."""

from __future__ import annotations

from datetime import date

import pytest
from alembic import command
from sqlalchemy import inspect, text

from tracker.domain.events import BattlefieldEvent
from tracker.services.events.events import EventFilter, count_events
from tracker.storage import migrate
from tracker.storage.database import Database
from tracker.storage.day_counts import POSTGRES_TRIGGERS, counts_are_kept


def _two_events(db: Database) -> None:
    with db.transaction() as session:
        session.add_all([
            BattlefieldEvent(dataset="A", external_id="1", event_date=date(2024, 1, 1),
                             location="Kharkivska oblast", summary="Shelling near the railway",
                             event_type="Battles", fatalities=2),
            BattlefieldEvent(dataset="A", external_id="2", event_date=date(2024, 1, 1),
                             location="Kyiv", summary="Kharkiv named in the text only",
                             event_type="Battles", fatalities=3),
        ])


@pytest.mark.parametrize(("flt", "expected"), [
    (EventFilter(place="kharkiv"), 1),          # the place is a prefix, in the place only
    (EventFilter(place="kharkivska obl"), 1),   # a phrase whose last word is a prefix
    (EventFilter(place="oblast kharkivska"), 0),  # a phrase keeps its order
    (EventFilter(text="kharkiv"), 2),           # words are found in every column
    (EventFilter(text="rail near"), 1),         # every word must be there
    (EventFilter(text="!! ??"), 0),             # no word at all matches nothing
    (EventFilter(text="a:* | b"), 0),           # tsquery syntax is not read as syntax
])
def test_words_and_places_use_the_tsvector(pg: Database, flt: EventFilter,
                                           expected: int) -> None:
    _two_events(pg)
    with pg.reading() as session:
        assert count_events(session, flt) == expected


def test_triggers_keep_the_day_counts(pg: Database) -> None:
    _two_events(pg)
    with pg.transaction() as session:
        session.execute(text("UPDATE battlefield_event SET event_date = '2024-01-02' "
                             "WHERE external_id = '2'"))
    with pg.reading() as session:
        assert counts_are_kept(session.connection())
        rows = session.execute(text(
            "SELECT day, events, fatalities FROM event_day_count ORDER BY day")).all()
    assert [tuple(row) for row in rows] == [(date(2024, 1, 1), 1, 2), (date(2024, 1, 2), 1, 3)]


def test_downgrade_to_base_and_upgrade_back(pg: Database) -> None:
    with pg.engine.begin() as connection:
        command.downgrade(migrate.alembic_config(connection), "base")
    with pg.engine.connect() as connection:
        assert set(inspect(connection).get_table_names()) <= {"alembic_version"}
    with pg.engine.begin() as connection:
        command.upgrade(migrate.alembic_config(connection), "head")
    with pg.engine.connect() as connection:
        columns = {c["name"] for c in inspect(connection).get_columns("battlefield_event")}
        triggers = set(connection.execute(text(
            "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")).scalars())
    assert "search" in columns
    assert set(POSTGRES_TRIGGERS) | {"schedule_change_append_only"} <= triggers
    _two_events(pg)
    with pg.reading() as session:
        assert count_events(session, EventFilter(text="railway")) == 1


def test_a_failed_upgrade_leaves_the_database_as_it_was(pg: Database) -> None:
    # PostgreSQL's DDL is transactional and every revision runs in one transaction: what
    # stands in for the copy SQLite files get before a migration. The events are written
    # by today's model, before the downgrade takes away the columns 0005 did not have.
    _two_events(pg)
    with pg.engine.begin() as connection:
        command.downgrade(migrate.alembic_config(connection), "0005")
        # 0006 adds the search column, then fails to create its index over this one.
        connection.execute(text("CREATE INDEX ix_battlefield_event_search "
                                "ON battlefield_event (location)"))

    with pytest.raises(Exception, match="ix_battlefield_event_search"):
        migrate.upgrade(pg.engine)

    with pg.engine.connect() as connection:
        assert migrate.current_revision(connection) == "0005"
        columns = {c["name"] for c in inspect(connection).get_columns("battlefield_event")}
        assert "search" not in columns
        assert connection.execute(text("SELECT count(*) FROM battlefield_event")).scalar() == 2
        connection.execute(text("DROP INDEX ix_battlefield_event_search"))
        connection.commit()
    migrate.upgrade(pg.engine)
    with pg.reading() as session:
        assert count_events(session, EventFilter(text="railway")) == 1
