"""Text sorts in code-point order on both databases, whatever the server's locale.

SQLite's BINARY collation, Python's sorted() and PostgreSQL's "C" collation (migration
0007 gives it to every text column) all order by code point: capitals before small
letters, accented letters after z. A server whose databases sort as a language does
(en-US here, through ICU) must not change the order of the Events view or of lists.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from uuid import uuid4

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from tests.postgres import SKIP_REASON, TestServer
from tests.services.scenario import add_events
from tracker.domain.enums import PartyKind
from tracker.domain.negotiation import Party
from tracker.services.events.events import EventFilter, event_position, fetch_events
from tracker.services.records.reference import add_named, list_parties
from tracker.storage.database import Database, open_database

NAMES = ["b", "Zhytomyr", "a", "Åland", "ärger", "B", "état", "Kyiv", "kyiv", "Z-1", "Z 1"]
CODE_POINT_ORDER = ["B", "Kyiv", "Z 1", "Z-1", "Zhytomyr", "a", "b", "kyiv", "Åland", "ärger",
                    "état"]


def _fill(db: Database) -> None:
    with db.transaction() as session:
        add_events(session, [{"event_date": date(2026, 1, 1), "location": name}
                             for name in NAMES])
        for name in NAMES:
            add_named(session, Party(name=name, kind=PartyKind.STATE), "name", "party")


def _check_order(db: Database) -> None:
    assert sorted(NAMES) == CODE_POINT_ORDER  # Python's order, the yardstick
    with db.reading() as session:
        rows = fetch_events(session, sort="location")
        assert [row.location for row in rows] == CODE_POINT_ORDER
        descending = fetch_events(session, sort="location", descending=True)
        assert [row.location for row in descending] == CODE_POINT_ORDER[::-1]
        # The keyset pages and positions compare as the ORDER BY sorts.
        middle = rows[5]
        after = fetch_events(session, sort="location", after=middle, limit=3)
        assert [row.location for row in after] == CODE_POINT_ORDER[6:9]
        assert event_position(session, EventFilter(), middle.id, sort="location") == 5
        assert [party.name for party in list_parties(session)] == CODE_POINT_ORDER


def test_text_sorts_by_code_point(db: Database) -> None:
    _fill(db)
    _check_order(db)


@pytest.fixture
def language_sorted_db(postgres_server: TestServer | None) -> Iterator[Database]:
    """A database created to sort as American English does (ICU's en-US), migrated."""
    if postgres_server is None:
        pytest.skip(SKIP_REASON)
    name = f"tracker_test_{uuid4().hex[:16]}"
    admin = create_engine(postgres_server.url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            try:
                connection.execute(text(
                    f'CREATE DATABASE "{name}" TEMPLATE template0 LOCALE_PROVIDER icu '
                    "ICU_LOCALE 'en-US' LOCALE 'C.UTF-8' ENCODING 'UTF8'"))
            except DBAPIError as exc:  # before PostgreSQL 15, or built without ICU
                pytest.skip(f"the server cannot make an ICU database: {exc.orig}")
        database = open_database(postgres_server.url.set(database=name))
        try:
            yield database
        finally:
            database.close()
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def test_a_server_that_sorts_by_language_still_sorts_by_code_point(
        language_sorted_db: Database) -> None:
    with language_sorted_db.engine.connect() as connection:
        # The server's own order, which the columns must not follow.
        assert connection.execute(text(
            "SELECT string_agg(x, ',' ORDER BY x) FROM (VALUES ('b'), ('B'), ('a')) v(x)")
        ).scalar() == "a,b,B"
    _fill(language_sorted_db)
    _check_order(language_sorted_db)
