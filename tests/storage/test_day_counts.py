"""The per-day event counts stay equal to a GROUP BY of the events, however they change.

Unknown fatalities or injuries count as none, so the reference GROUP BY sums with
coalesce(…, 0); every test also states the rows it expects, worked out by hand.
"""

from __future__ import annotations

import csv
import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, delete, select, text, update

from tests.acled_generator import write_acled_file
from tests.conftest import examples
from tracker.domain.enums import Precision
from tracker.domain.events import BattlefieldEvent, EventDayCount
from tracker.io.input_errors import InputFileError
from tracker.services.imports.importing import (
    ImportCancelled,
    ImportFormat,
    ImportProgress,
    import_events,
)
from tracker.storage import migrate
from tracker.storage.database import Database, open_database
from tracker.storage.day_counts import SQLITE_TRIGGERS

Row = tuple[str, str, str, str, int, int, int]

GROUP_BY = (
    "SELECT event_date, event_type, target_category, date_precision, count(*), "
    "coalesce(sum(fatalities), 0), coalesce(sum(injuries), 0) FROM battlefield_event "
    "GROUP BY event_date, event_type, target_category, date_precision "
    "ORDER BY event_date, event_type, target_category, date_precision"
)
COUNTS = (
    "SELECT day, event_type, target_category, date_precision, events, fatalities, injuries "
    "FROM event_day_count ORDER BY day, event_type, target_category, date_precision"
)
TRIGGERS = ("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
            "AND name LIKE 'battlefield_event_day_%' ORDER BY name")
BULK_ROWS = 12_000


def _as_text(row: Any) -> tuple[Any, ...]:
    """A row with its day as SQLite returns it (ISO text); PostgreSQL returns a date."""
    return tuple(value.isoformat() if isinstance(value, date) else value for value in row)


def counts(db: Database) -> list[Row]:
    """The day counts, after checking they are what a GROUP BY of the events gives."""
    with db.engine.connect() as connection:
        kept = [_as_text(row) for row in connection.exec_driver_sql(COUNTS)]
        counted = [_as_text(row) for row in connection.exec_driver_sql(GROUP_BY)]
    assert kept == counted
    return kept  # type: ignore[return-value]


def triggers(db: Database) -> dict[str, str]:
    with db.engine.connect() as connection:
        return dict(connection.exec_driver_sql(TRIGGERS).all())


def event(external_id: str, day: date, *, kind: str = "Battles", category: str = "",
          precision: Precision = Precision.DAY, fatalities: int | None = None,
          injuries: int | None = None) -> BattlefieldEvent:
    return BattlefieldEvent(
        dataset="TEST", external_id=external_id, event_date=day, event_type=kind,
        target_category=category, date_precision=precision, fatalities=fatalities,
        injuries=injuries, summary=f"event {external_id}")


D1, D2 = date(2024, 2, 28), date(2024, 2, 29)


@pytest.fixture
def three(db: Database) -> Database:
    """Two events under one key (D1, Battles, energy, day) and one alone under another."""
    with db.transaction() as session:
        session.add_all([
            event("a", D1, category="energy", fatalities=2, injuries=None),
            event("b", D1, category="energy", fatalities=None, injuries=5),
            event("c", D2, kind="Riots", precision=Precision.WEEK, fatalities=1, injuries=1),
        ])
    return db


def _set(db: Database, external_id: str, **values: Any) -> None:
    with db.transaction() as session:
        session.execute(update(BattlefieldEvent)
                        .where(BattlefieldEvent.external_id == external_id).values(**values))


# -- the triggers ------------------------------------------------------------------------


def test_inserts_are_counted_per_day_type_category_and_precision(three: Database) -> None:
    assert counts(three) == [
        ("2024-02-28", "Battles", "energy", "day", 2, 2, 5),
        ("2024-02-29", "Riots", "", "week", 1, 1, 1),
    ]
    with three.reading() as session:
        row = session.get(EventDayCount, (D1, "Battles", "energy", Precision.DAY))
    assert row is not None and (row.events, row.fatalities, row.injuries) == (2, 2, 5)


@pytest.mark.parametrize(("change", "expected"), [
    # "a" leaves the shared key for a day of its own.
    ({"event_date": D2}, [("2024-02-28", "Battles", "energy", "day", 1, 0, 5),
                          ("2024-02-29", "Battles", "energy", "day", 1, 2, 0),
                          ("2024-02-29", "Riots", "", "week", 1, 1, 1)]),
    ({"event_type": "Riots"}, [("2024-02-28", "Battles", "energy", "day", 1, 0, 5),
                               ("2024-02-28", "Riots", "energy", "day", 1, 2, 0),
                               ("2024-02-29", "Riots", "", "week", 1, 1, 1)]),
    ({"target_category": ""}, [("2024-02-28", "Battles", "", "day", 1, 2, 0),
                               ("2024-02-28", "Battles", "energy", "day", 1, 0, 5),
                               ("2024-02-29", "Riots", "", "week", 1, 1, 1)]),
    ({"date_precision": Precision.MONTH},
     [("2024-02-28", "Battles", "energy", "day", 1, 0, 5),
      ("2024-02-28", "Battles", "energy", "month", 1, 2, 0),
      ("2024-02-29", "Riots", "", "week", 1, 1, 1)]),
    ({"fatalities": 7}, [("2024-02-28", "Battles", "energy", "day", 2, 7, 5),
                         ("2024-02-29", "Riots", "", "week", 1, 1, 1)]),
    ({"fatalities": None}, [("2024-02-28", "Battles", "energy", "day", 2, 0, 5),
                            ("2024-02-29", "Riots", "", "week", 1, 1, 1)]),
    ({"injuries": 3}, [("2024-02-28", "Battles", "energy", "day", 2, 2, 8),
                       ("2024-02-29", "Riots", "", "week", 1, 1, 1)]),
    ({"injuries": 0}, [("2024-02-28", "Battles", "energy", "day", 2, 2, 5),
                       ("2024-02-29", "Riots", "", "week", 1, 1, 1)]),
    # Onto the other event's key: "c"'s row now counts two.
    ({"event_date": D2, "event_type": "Riots", "target_category": "",
      "date_precision": Precision.WEEK},
     [("2024-02-28", "Battles", "energy", "day", 1, 0, 5),
      ("2024-02-29", "Riots", "", "week", 2, 3, 1)]),
])
def test_an_update_of_a_counted_column_moves_the_event(
        three: Database, change: dict[str, Any], expected: list[Row]) -> None:
    _set(three, "a", **change)
    assert counts(three) == expected


@pytest.mark.parametrize(("external_id", "change", "expected"), [
    # NULL → number and number → NULL on the event whose value was unknown.
    ("b", {"fatalities": 4}, ("2024-02-28", "Battles", "energy", "day", 2, 6, 5)),
    ("b", {"injuries": None}, ("2024-02-28", "Battles", "energy", "day", 2, 2, 0)),
    ("a", {"injuries": 0}, ("2024-02-28", "Battles", "energy", "day", 2, 2, 5)),
])
def test_unknown_numbers_count_as_none(three: Database, external_id: str,
                                       change: dict[str, Any], expected: Row) -> None:
    _set(three, external_id, **change)
    assert counts(three)[0] == expected


def test_the_last_event_of_a_key_leaving_removes_its_row(three: Database) -> None:
    _set(three, "c", event_date=D1, event_type="Battles", target_category="energy",
         date_precision=Precision.DAY)
    assert counts(three) == [("2024-02-28", "Battles", "energy", "day", 3, 3, 6)]


def test_other_columns_leave_the_counts_alone(three: Database) -> None:
    before = counts(three)
    _set(three, "a", summary="rewritten", location="Kharkiv", sub_event_type="Armed clash")
    # Setting a counted column to its own value removes and adds the same numbers.
    with three.transaction() as session:
        session.execute(text("UPDATE battlefield_event SET fatalities = fatalities, "
                             "event_date = event_date"))
    assert counts(three) == before


def test_deletes_take_the_numbers_away_and_empty_rows_disappear(three: Database) -> None:
    with three.transaction() as session:
        session.execute(delete(BattlefieldEvent).where(BattlefieldEvent.external_id == "a"))
    assert counts(three) == [("2024-02-28", "Battles", "energy", "day", 1, 0, 5),
                             ("2024-02-29", "Riots", "", "week", 1, 1, 1)]
    with three.transaction() as session:
        session.execute(delete(BattlefieldEvent).where(BattlefieldEvent.external_id == "c"))
    assert counts(three) == [("2024-02-28", "Battles", "energy", "day", 1, 0, 5)]
    with three.transaction() as session:
        session.execute(delete(BattlefieldEvent))
    assert counts(three) == []


def test_a_rolled_back_change_leaves_the_counts_as_they_were(three: Database) -> None:
    before = counts(three)
    with pytest.raises(RuntimeError), three.transaction() as session:
        session.add(event("d", D2, fatalities=9))
        session.execute(delete(BattlefieldEvent).where(BattlefieldEvent.external_id == "a"))
        session.flush()
        raise RuntimeError("abandon")
    assert counts(three) == before


_VALUES = {
    "event_date": st.sampled_from(["2024-12-31", "2025-01-01", "2025-01-02"]),
    "event_type": st.sampled_from(["Battles", "Riots"]),
    "target_category": st.sampled_from(["", "energy"]),
    "date_precision": st.sampled_from(["day", "week"]),
    "fatalities": st.none() | st.integers(0, 3),
    "injuries": st.none() | st.integers(0, 3),
}
_INSERT = st.fixed_dictionaries(_VALUES).map(lambda values: ("insert", values))
_UPDATE = st.tuples(
    st.integers(0, 20),
    st.sets(st.sampled_from(sorted(_VALUES)), min_size=1, max_size=3).flatmap(
        lambda names: st.fixed_dictionaries({name: _VALUES[name] for name in names})),
).map(lambda pick: ("update", pick))
_DELETE = st.integers(0, 20).map(lambda index: ("delete", index))


@pytest.fixture(scope="module")
def scratch_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = open_database(tmp_path_factory.mktemp("hypothesis") / "scratch.db")
    yield database
    database.close()


@settings(max_examples=examples(150), deadline=None)
@given(first=st.lists(_INSERT, min_size=1, max_size=8),
       then=st.lists(st.one_of(_UPDATE, _INSERT, _DELETE), max_size=15))
def test_any_sequence_of_changes_keeps_the_counts_equal_to_the_events(
        scratch_db: Database, first: list[tuple[str, Any]],
        then: list[tuple[str, Any]]) -> None:
    with scratch_db.transaction() as session:
        session.execute(delete(BattlefieldEvent))
    assert counts(scratch_db) == []
    with scratch_db.transaction() as session:
        for serial, (action, argument) in enumerate([*first, *then]):
            ids = list(session.scalars(select(BattlefieldEvent.id).order_by(BattlefieldEvent.id)))
            if action == "insert":
                session.execute(text(
                    "INSERT INTO battlefield_event (dataset, external_id, event_date, "
                    "event_type, target_category, date_precision, fatalities, injuries, "
                    "sub_event_type, actor1, actor2, admin1, admin2, location, summary, "
                    "imported_at) VALUES ('H', :id, :event_date, :event_type, "
                    ":target_category, :date_precision, :fatalities, :injuries, '', '', '', "
                    "'', '', '', '', '2025-01-01')"), {"id": str(serial), **argument})
            elif ids and action == "update":
                index, values = argument
                assignments = ", ".join(f"{name} = :{name}" for name in values)
                session.execute(text(f"UPDATE battlefield_event SET {assignments} "
                                     "WHERE id = :row_id"),
                                {**values, "row_id": ids[index % len(ids)]})
            elif ids and action == "delete":
                session.execute(text("DELETE FROM battlefield_event WHERE id = :row_id"),
                                {"row_id": ids[argument % len(ids)]})
            # After every step: a later delete of a key's last event would hide a wrong sum.
            assert session.execute(text(COUNTS)).all() == session.execute(text(GROUP_BY)).all()
    counts(scratch_db)


# -- imports -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def acled_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """12,000 synthetic ACLED rows: enough for bulk mode into an empty database."""
    return write_acled_file(tmp_path_factory.mktemp("acled") / "acled.csv", BULK_ROWS)


def _import(db: Database, path: Path, **options: Any) -> list[ImportProgress]:
    seen: list[ImportProgress] = []
    import_events(db, path, ImportFormat.ACLED, progress=seen.append, **options)
    return seen


def _totals(db: Database) -> tuple[int, int]:
    with db.engine.connect() as connection:
        events, rows = connection.exec_driver_sql(
            "SELECT sum(events), count(*) FROM event_day_count").one()
    return events, rows


@pytest.mark.sqlite_only  # SQLite's bulk mode and trigger SQL
def test_a_bulk_import_counts_once_and_puts_the_triggers_back(
        db: Database, acled_file: Path) -> None:
    expected_triggers = triggers(db)
    assert set(expected_triggers) == set(SQLITE_TRIGGERS)
    seen = _import(db, acled_file)
    assert any(p.indexing for p in seen)  # bulk mode: the triggers were dropped
    counts(db)
    assert _totals(db)[0] == BULK_ROWS
    assert triggers(db) == expected_triggers
    # The triggers work again: a typed-in event lands in the counts.
    with db.transaction() as session:
        session.add(event("typed", date(2031, 1, 1), fatalities=3))
    assert counts(db)[-1] == ("2031-01-01", "Battles", "", "day", 1, 3, 0)


def _rewrite(source: Path, target: Path) -> None:
    """The export again with three records changed (newer timestamps) and two added."""
    with source.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    changes = {
        "UKR1": {"event_date": "2031-03-01", "year": "2031", "fatalities": "7",
                 "time_precision": "1", "event_type": "Battles"},
        "UKR2": {"event_date": "2031-03-01", "year": "2031", "fatalities": "0",
                 "time_precision": "1", "event_type": "Battles"},
        "UKR3": {"event_type": "Riots", "event_date": "2031-03-02", "year": "2031",
                 "time_precision": "3", "fatalities": "4"},
    }
    for row in rows:
        if row["event_id_cnty"] in changes:
            row.update(changes[row["event_id_cnty"]])
            row["timestamp"] = str(int(row["timestamp"]) + 10**6)
    for number, day in ((BULK_ROWS + 1, "2031-03-02"), (BULK_ROWS + 2, "2031-03-02")):
        rows.append({**rows[-1], "event_id_cnty": f"UKR{number}", "event_date": day,
                     "year": "2031", "event_type": "Riots", "time_precision": "3",
                     "fatalities": "1", "timestamp": str(2_000_000_000 + number)})
    with target.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def test_an_incremental_reimport_moves_the_changed_rows(
        db: Database, acled_file: Path, tmp_path: Path) -> None:
    _import(db, acled_file)
    changed = tmp_path / "changed.csv"
    _rewrite(acled_file, changed)
    seen = _import(db, changed)
    assert not any(p.indexing for p in seen)  # the triggers did the counting
    rows = counts(db)
    assert _totals(db)[0] == BULK_ROWS + 2
    # UKR1 and UKR2 share a new key; UKR3 and the two new records share another. No
    # target rule fires on their text, so the import's rule pass calls them "unknown".
    assert rows[-2:] == [("2031-03-01", "Battles", "unknown", "day", 2, 7, 0),
                         ("2031-03-02", "Riots", "unknown", "month", 3, 6, 0)]


def _bad_last_record(source: Path, target: Path) -> None:
    lines = source.read_text(encoding="utf-8").splitlines()
    last = lines[-1].split(",")
    last[0], last[1] = f"UKR{BULK_ROWS + 1}", "not a date"
    target.write_text("\n".join([*lines, ",".join(last)]) + "\n", encoding="utf-8")


@pytest.mark.parametrize("stop", ["cancel while writing", "cancel while rebuilding",
                                  "bad record in a strict import"])
@pytest.mark.sqlite_only  # SQLite's bulk mode and trigger SQL
def test_a_cancelled_or_failed_bulk_import_changes_no_count(
        db: Database, acled_file: Path, tmp_path: Path, stop: str) -> None:
    with db.transaction() as session:
        session.add_all([event("x", D1, fatalities=1), event("y", D1, injuries=2)])
    before, kept = counts(db), triggers(db)
    cancel = threading.Event()

    def progress(update: ImportProgress) -> None:
        if stop == "cancel while writing" or (stop == "cancel while rebuilding"
                                              and update.indexing):
            cancel.set()

    path = acled_file
    expected: type[Exception] = ImportCancelled
    if stop.startswith("bad record"):
        path, expected = tmp_path / "bad.csv", InputFileError
        _bad_last_record(acled_file, path)
    with pytest.raises(expected):
        import_events(db, path, ImportFormat.ACLED, progress=progress, cancel=cancel,
                      strict=True)
    assert counts(db) == before == [("2024-02-28", "Battles", "", "day", 2, 1, 2)]
    assert triggers(db) == kept
    with db.transaction() as session:
        session.add(event("z", D1, fatalities=4))
    assert counts(db) == [("2024-02-28", "Battles", "", "day", 3, 5, 2)]


# -- migrations ------------------------------------------------------------------------------


_EVENT_SQL = (
    "INSERT INTO battlefield_event (dataset, external_id, event_date, date_precision, "
    "event_type, sub_event_type, target_category, actor1, actor2, admin1, admin2, "
    "location, fatalities, injuries, summary, imported_at) VALUES ('OLD', :id, :day, "
    ":precision, :kind, '', :category, '', '', '', '', '', :fatalities, :injuries, '', "
    "'2025-01-01 00:00:00')"
)


def test_upgrading_from_0002_counts_the_events_already_there(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        command.upgrade(migrate.alembic_config(connection), "0002")
        connection.execute(text(_EVENT_SQL), [
            {"id": "1", "day": "2023-12-31", "precision": "day", "kind": "Battles",
             "category": "energy", "fatalities": 3, "injuries": None},
            {"id": "2", "day": "2023-12-31", "precision": "day", "kind": "Battles",
             "category": "energy", "fatalities": None, "injuries": 4},
            {"id": "3", "day": "2024-01-01", "precision": "month", "kind": "Riots",
             "category": "", "fatalities": 0, "injuries": 1},
        ])
        assert migrate.current_revision(connection) == "0002"
    engine.dispose()

    upgraded = open_database(path)
    try:
        with upgraded.engine.connect() as connection:
            assert migrate.current_revision(connection) == migrate.head_revision()
        assert counts(upgraded) == [("2023-12-31", "Battles", "energy", "day", 2, 3, 4),
                                    ("2024-01-01", "Riots", "", "month", 1, 0, 1)]
        assert set(triggers(upgraded)) == set(SQLITE_TRIGGERS)
        with upgraded.transaction() as session:
            session.add(event("4", date(2024, 1, 1), kind="Riots",
                              precision=Precision.MONTH, fatalities=2))
        assert counts(upgraded)[-1] == ("2024-01-01", "Riots", "", "month", 2, 2, 1)
    finally:
        upgraded.close()


@pytest.mark.sqlite_only  # SQLite's bulk mode and trigger SQL
def test_downgrading_below_0003_leaves_events_writable(db: Database) -> None:
    with db.engine.begin() as connection:
        command.downgrade(migrate.alembic_config(connection), "0002")
    assert triggers(db) == {}
    with db.engine.begin() as connection:
        connection.execute(text(_EVENT_SQL), {
            "id": "1", "day": "2024-01-01", "precision": "day", "kind": "Battles",
            "category": "", "fatalities": 1, "injuries": None})
        connection.execute(text("UPDATE battlefield_event SET fatalities = 2"))
        connection.execute(text("DELETE FROM battlefield_event"))
    with db.engine.begin() as connection:
        command.upgrade(migrate.alembic_config(connection), "head")
    assert counts(db) == []
    assert set(triggers(db)) == set(SQLITE_TRIGGERS)


@pytest.mark.sqlite_only  # SQLite's bulk mode and trigger SQL
def test_recorded_instants_are_not_counted_columns(three: Database) -> None:
    # imported_at changes on every re-import of a changed row; only the six counted
    # columns may fire the update trigger (its SQL names them and nothing else).
    update_sql = triggers(three)["battlefield_event_day_update"]
    assert "imported_at" not in update_sql and "summary" not in update_sql
    _set(three, "a", imported_at=datetime(2030, 1, 1, tzinfo=UTC))
    assert counts(three)[0] == ("2024-02-28", "Battles", "energy", "day", 2, 2, 5)
