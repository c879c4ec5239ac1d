"""New events go in without the columns no row of their batch has (storage.new_event_rows),
and the database holds exactly what it holds when every column is bound."""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from tests.acled_generator import write_acled_file
from tests.conftest import REAL_DATA
from tracker.services.imports.importing import ImportFormat, import_events
from tracker.services.targets.suggest_ahead import BatchSuggestions
from tracker.storage import day_tally, new_event_rows
from tracker.storage.database import Database, open_database
from tracker.storage.day_counts import recount
from tracker.storage.event_compare import ROW_COLUMNS
from tracker.storage.event_upsert import EventUpsert

pytestmark = pytest.mark.sqlite_only  # PostgreSQL's load copies every column

API = REAL_DATA / "ucdp_ged_ukraine_2014-2021_ged221_api.csv"
# The import's instant, in three columns: the same events imported at another moment.
_STAMPS = ("imported_at", "first_imported_at", "target_decided_at")


def _acled_with_gaps(tmp_path: Path, rows: int = 12_000) -> Path:
    """*rows* ACLED rows (batches of 5,000): in the second batch some rows have no
    coordinates, in the third no row has a death toll."""
    source = write_acled_file(tmp_path / "generated.csv", 12_000)
    with source.open(encoding="utf-8", newline="") as handle:
        records = list(csv.DictReader(handle))[:rows]
    for number, record in enumerate(records):
        if 5_000 <= number < 10_000 and number % 7 == 0:
            record["latitude"] = record["longitude"] = ""
        if number >= 10_000:
            record["fatalities"] = ""
    gaps = tmp_path / f"acled_{rows}.csv"
    with gaps.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(records[0]))
        writer.writeheader()
        writer.writerows(records)
    return gaps


def _stored(db: Database) -> list[tuple[Any, ...]]:
    with db.engine.connect() as connection:
        names = [row[1] for row in connection.execute(text(
            "PRAGMA table_info(battlefield_event)")) if row[1] not in _STAMPS]
        events = [tuple(row) for row in connection.execute(text(
            f"SELECT {', '.join(names)} FROM battlefield_event ORDER BY id"))]
        days = [tuple(row) for row in connection.execute(text(
            "SELECT * FROM event_day_count ORDER BY 1, 2, 3, 4"))]
    return [*events, *days]


def _import_twice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                  imports: list[tuple[Path, ImportFormat]]) -> list[tuple[str, ...]]:
    """*imports* into a new database with columns left out, then into another with every
    column bound: each holds the same events and day counts. The shapes made, by the
    columns they leave out."""
    shapes: list[tuple[str, ...]] = []
    made = new_event_rows._shape

    def shape(left_out: tuple[int, ...]) -> new_event_rows.InsertShape:
        shapes.append(tuple(ROW_COLUMNS[place] for place in left_out))
        return made(left_out)

    monkeypatch.setattr(new_event_rows, "_shape", shape)
    stored = {}
    for name in ("left out", "all bound"):
        db = open_database(tmp_path / f"{name}.db")
        try:
            for path, fmt in imports:
                import_events(db, path, fmt)
            stored[name] = _stored(db)
            with db.engine.connect() as connection, connection.begin() as transaction:
                before = [tuple(row) for row in connection.execute(text(
                    "SELECT * FROM event_day_count ORDER BY 1, 2, 3, 4"))]
                recount(connection)
                assert before == [tuple(row) for row in connection.execute(text(
                    "SELECT * FROM event_day_count ORDER BY 1, 2, 3, 4"))]
                transaction.rollback()
        finally:
            db.close()
        monkeypatch.setattr(new_event_rows, "_LEFT_OUT_WHEN_NONE", ())
    assert stored["left out"] == stored["all bound"]
    return shapes


@pytest.mark.parametrize("source", ["acled", "ucdp"])
def test_the_events_stored_are_those_every_column_bound_stores(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, source: str) -> None:
    recounts: list[int] = []
    monkeypatch.setattr(day_tally, "recount", lambda *_args, **_kwargs: recounts.append(1))
    path, fmt = ((_acled_with_gaps(tmp_path), ImportFormat.ACLED) if source == "acled"
                 else (API, ImportFormat.UCDP))
    shapes = _import_twice(tmp_path, monkeypatch, [(path, fmt)])
    usual = ("event_date_end", "fatalities_low", "fatalities_high", "raw_digest")
    # ACLED has no end date, no low or high toll, and a stamp instead of a digest; the
    # third batch has no toll at all, the second kept its few coordinates. UCDP has no
    # stamp. The import with every column bound leaves nothing out.
    assert shapes == ([usual, (*usual[:1], "fatalities", *usual[1:]), ()]
                      if source == "acled" else [("source_updated",), ()])
    if source == "acled":
        assert recounts == []  # the counts checked above are the tally's, batch by batch


def test_new_events_beside_stored_ones_and_undecided_ones_go_in_alike(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The second import finds the first's 6,000 events in its batches: the new ones go
    # in beside them (EventUpsert.write's comparison), with no suggestion given.
    monkeypatch.setattr(BatchSuggestions, "all", lambda _self: None)
    beside: list[int] = []  # new events the comparison found, batch by batch
    execute = EventUpsert._execute

    def counted(self: EventUpsert, inserts: list[Any], *args: Any) -> None:
        beside.append(len(inserts))
        execute(self, inserts, *args)

    monkeypatch.setattr(EventUpsert, "_execute", counted)
    _import_twice(tmp_path, monkeypatch, [
        (_acled_with_gaps(tmp_path, 6_000), ImportFormat.ACLED),
        (_acled_with_gaps(tmp_path), ImportFormat.ACLED)])
    # Each time: the first batch all stored, the second 1,000 stored and 4,000 new (the
    # third, all new, goes in as a first import's do).
    assert beside == [0, 4_000] * 2


def test_what_every_row_of_an_import_shares_is_bound_once_a_tail(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The import's dataset, run and instant, and what the rules decided, are read from a
    few tails; every event holds its own tail's values, and the tails go with the import."""
    tails: list[tuple[Any, ...]] = []
    close = new_event_rows.NewEventRows.close

    def closing(self: new_event_rows.NewEventRows) -> None:
        tails.extend(self._cursor.execute(  # what the table holds at the end
            f"SELECT {', '.join(new_event_rows.TAIL_COLUMNS)} FROM temp.import_row_tail"))
        close(self)

    monkeypatch.setattr(new_event_rows.NewEventRows, "close", closing)
    db = open_database(tmp_path / "tails.db")
    try:
        report = import_events(db, _acled_with_gaps(tmp_path), ImportFormat.ACLED)
        with db.engine.connect() as connection:
            stored = {tuple(row) for row in connection.execute(text(
                f"SELECT DISTINCT {', '.join(new_event_rows.TAIL_COLUMNS)} "
                "FROM battlefield_event"))}
            assert connection.exec_driver_sql(
                "SELECT count(*) FROM sqlite_temp_master WHERE name = 'import_row_tail'"
            ).scalar() == 0
            run = connection.exec_driver_sql("SELECT max(id) FROM import_run").scalar()
    finally:
        db.close()
    assert report.added == 12_000
    assert set(tails) == stored and len(tails) == len(stored) < 50
    for dataset, run, instant, category, source, rule, confidence, decided, first in tails:
        assert (dataset, run, source) == ("ACLED", run, "rule")
        assert instant == decided == first
        assert category and (rule is None) == (confidence is None)


def test_a_row_that_is_not_of_the_import_is_refused() -> None:
    cursor = sqlite3.connect(":memory:").cursor()
    rows = new_event_rows.NewEventRows(cursor, "2026-12-07 06:00:00.000000")
    row = dict.fromkeys(ROW_COLUMNS, "text") | {"dataset": "ACLED", "import_run_id": 1}
    other = row | {"import_run_id": 2}
    shape, inserted = rows.inserted([tuple(row.values())] * 2, [None, None])
    assert inserted[0][-1] == inserted[1][-1] == 1 and shape.columns[-1] == "tail"
    with pytest.raises(ValueError, match="import_run_id"):
        rows.inserted([tuple(row.values()), tuple(other.values())], [None, None])
    rows.close()
    assert cursor.execute("SELECT name FROM sqlite_temp_master").fetchall() == []
