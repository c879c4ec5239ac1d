"""The change feed: others' writes are reported, ours are not, an import is a few
notifications, and a dropped server connection comes back (PostgreSQL's LISTEN/NOTIFY of
migration 0008; SQLite's data version)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL

from tests.acled_generator import write_acled_file
from tests.conftest import rename_round
from tracker.domain.base import Base
from tracker.services.factors.operations import new_factor
from tracker.services.imports.importing import ImportFormat, import_events
from tracker.storage import change_feed
from tracker.storage.application_name import unique_application_name
from tracker.storage.change_feed import (
    ANY_TABLE,
    CHANNEL,
    RETRY_FIRST_S,
    WATCHED_TABLES,
    ChangeFeed,
    PostgresFeed,
    SqliteFeed,
    open_change_feed,
)
from tracker.storage.database import Database, open_database

ROUND = 2
WAIT_S = 10.0  # at most, for a notification the server has committed to send


@pytest.fixture
def feed(sample_db: Database) -> Iterator[ChangeFeed]:
    opened = open_change_feed(sample_db)
    assert opened is not None
    yield opened
    opened.close()


def collect(feed: ChangeFeed, until: Callable[[set[str]], bool]) -> set[str]:
    """What the feed reports until *until* holds of it (at once on SQLite; on PostgreSQL
    the server sends notifications shortly after the writer's commit returns)."""
    seen = feed.poll()
    if isinstance(feed, PostgresFeed):
        deadline = time.monotonic() + WAIT_S
        while not until(seen) and time.monotonic() < deadline:
            feed.wait(deadline - time.monotonic())
            seen |= feed.poll()
    return seen


def test_a_round_saved_elsewhere_is_reported_and_our_own_save_is_not(
        sample_db: Database, other: Database, feed: ChangeFeed, backend: str) -> None:
    assert feed.poll() == set()
    with sample_db.transaction() as session:  # ours: the window announces it itself
        new_factor(session, "Grain corridor")
    feed.own_write()
    rename_round(other, ROUND, "Renamed elsewhere")
    # Ours committed first, so it would be seen before theirs if it were reported.
    seen = collect(feed, lambda tables: bool(tables))
    assert seen == ({"round"} if backend == "postgresql" else {ANY_TABLE})
    assert feed.poll() == set()  # reported once


def test_an_import_of_10000_rows_is_one_notification_per_table(
        sample_db: Database, other: Database, feed: ChangeFeed, backend: str,
        tmp_path: Path) -> None:
    source = write_acled_file(tmp_path / "acled.csv", 10_000)
    written = {"battlefield_event", "battlefield_event_raw", "import_run"}
    if backend == "sqlite":
        assert import_events(other, source, ImportFormat.ACLED).added == 10_000
        assert feed.poll() == {ANY_TABLE}
        assert feed.poll() == set()
        return
    with psycopg.connect(_libpq(sample_db.url), autocommit=True) as listener:
        listener.execute(f"LISTEN {CHANNEL}")
        assert import_events(other, source, ImportFormat.ACLED).added == 10_000
        rename_round(other, ROUND, "After the import")  # the last to arrive
        heard = []
        for notice in listener.notifies(timeout=WAIT_S):
            heard.append(notice.payload.partition(" ")[0])
            if heard[-1] == "round":
                break
    # Two batches of 5,000 rows, each an upsert and a record-text statement, plus the
    # run's row written and updated: one notification per table all the same.
    assert sorted(heard[:-1]) == sorted(written)
    assert collect(feed, lambda tables: "round" in tables) == written | {"round"}


def _libpq(url: URL) -> str:
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def test_the_feed_listens_again_after_the_server_drops_its_connection(
        pg: Database) -> None:
    feed = open_change_feed(pg)
    assert isinstance(feed, PostgresFeed)
    theirs = open_database(pg.url)
    try:
        first = feed.listener_pid
        with pg.engine.connect() as connection:
            assert connection.scalar(
                text("SELECT pg_terminate_backend(:pid, 5000)"), {"pid": first})
        assert feed.wait(WAIT_S)  # the server's goodbye
        # Whatever happened while nobody listened is unknown: everything may have changed.
        assert feed.poll() == {ANY_TABLE}
        assert feed.listener_pid not in (None, first)
        with theirs.transaction() as session:
            new_factor(session, "Grain corridor")
        assert collect(feed, bool) == {"factor"}
    finally:
        feed.close()
        theirs.close()


def test_a_server_that_is_down_is_tried_again_less_and_less_often(
        monkeypatch: pytest.MonkeyPatch) -> None:
    attempts: list[float] = []
    now = [100.0]

    def refuse(*_args: Any, **_kwargs: Any) -> Any:
        attempts.append(now[0])
        raise psycopg.OperationalError("connection refused")

    monkeypatch.setattr(psycopg, "connect", refuse)
    engine = create_engine("postgresql+psycopg://tracker@127.0.0.1:9/talks")
    feed = PostgresFeed(engine, "ours", clock=lambda: now[0])
    for second in (101, 104, 105, 106, 114, 115, 134, 135, 174, 175, 234, 235, 295):
        now[0] = float(second)
        assert feed.poll() == set()
    # 100 at once, then 5, 10, 20, 40 and at most 60 seconds apart.
    assert attempts == [100, 105, 115, 135, 175, 235, 295]
    assert RETRY_FIRST_S == 5.0
    feed.close()
    engine.dispose()


def test_every_table_a_window_shows_is_watched() -> None:
    # export_record (issue 17): the command line's export log, which no window shows.
    # event_map_cell, like event_day_count, follows battlefield_event, which is watched.
    shown = set(Base.metadata.tables) - {"event_day_count", "event_map_cell", "edit_log",
                                         "import_mapping", "export_record"}
    assert set(WATCHED_TABLES) == shown
    migration = _migration_0008()
    assert migration.TABLES == WATCHED_TABLES


def _migration_0008() -> Any:
    import importlib.util

    path = Path(change_feed.__file__).parent / "migrations" / "versions" \
        / "0008_change_notifications.py"
    spec = importlib.util.spec_from_file_location("migration_0008", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_triggers_are_per_statement_on_every_watched_table(pg: Database) -> None:
    with pg.engine.connect() as connection:
        rows = connection.execute(text(
            "SELECT tgrelid::regclass::text, tgtype FROM pg_trigger "
            "WHERE tgname LIKE '%\\_notify\\_change'")).all()
    assert {table.strip('"') for table, _ in rows} == set(WATCHED_TABLES)
    # tgtype: bit 0 is FOR EACH ROW; 2-5 are INSERT, DELETE, UPDATE, TRUNCATE.
    assert {tgtype & 0b1 for _, tgtype in rows} == {0}
    assert {tgtype & 0b111100 for _, tgtype in rows} == {0b111100}


def test_every_open_has_a_name_of_its_own_that_the_server_uses(pg: Database) -> None:
    again = open_database(pg.url)
    try:
        assert pg.application_name and again.application_name
        assert pg.application_name != again.application_name
        assert pg.application_name.startswith("negotiation-tracker ")
        with again.engine.connect() as connection:
            assert connection.scalar(text("SELECT current_setting('application_name')")) \
                == again.application_name
    finally:
        again.close()


def test_a_name_given_in_the_url_is_kept_as_the_prefix() -> None:
    url = URL.create("postgresql", host="db", database="talks",
                     query={"application_name": "desk “A” ő"})
    name = unique_application_name(url)
    assert name is not None
    # Printable ASCII only, as the server keeps it, then the part unique to this open.
    prefix, unique = name.rsplit(" ", 1)
    assert prefix == "desk A "
    assert len(unique) == 16 and int(unique, 16) >= 0
    assert unique_application_name(URL.create("sqlite", database="x.db")) is None


def test_a_database_in_memory_has_no_feed(tmp_path: Path) -> None:
    memory = open_database(URL.create("sqlite", database=":memory:"))
    try:
        assert open_change_feed(memory) is None
    finally:
        memory.close()
    on_file = open_database(tmp_path / "talks.db")
    try:
        feed = open_change_feed(on_file)
        assert isinstance(feed, SqliteFeed)
        feed.close()
    finally:
        on_file.close()
