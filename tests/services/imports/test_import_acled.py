"""ACLED files: the export tool's 31 columns and the API's 33 in another order, three date
styles, numeric or text actor types, and the Unix timestamp that says a row changed.

The three fixtures in tests/data/acled hold the same twelve Ukraine events (hand-written,
after the real export described in tests/data/ucdp/SOURCES.md): ``acled_export_iso.csv``
(export layout, ISO dates, text labels, newest first), ``acled_export_long_dates.csv``
(``14 August 2020``) and ``acled_api_ukraine.csv`` (API layout, ``DD/MM/YYYY 00:00:00``,
numeric codes, rows unsorted, the ``id``/``iso``/``actor_dyad`` extras).
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from tracker.domain.enums import Precision
from tracker.domain.events import BattlefieldEvent
from tracker.services.imports.importing import ImportFormat, import_events
from tracker.storage.database import Database, open_database

FIXTURES = Path(__file__).resolve().parents[2] / "data" / "acled"
ISO = FIXTURES / "acled_export_iso.csv"
LONG = FIXTURES / "acled_export_long_dates.csv"
API = FIXTURES / "acled_api_ukraine.csv"
LAYOUTS = {ISO: "ACLED export", LONG: "ACLED export", API: "ACLED API export"}
DAY, WEEK, MONTH = Precision.DAY, Precision.WEEK, Precision.MONTH
# id -> (date, time_precision read, fatalities, timestamp). Dates with a day of 12 or
# less are the ones a month-first read of the API file would silently get wrong.
EXPECTED = {
    "UKR15033": ("2024-04-02", DAY, 0, 1712620806),
    "UKR13911": ("2023-12-31", WEEK, 0, 1704757211),
    "UKR12044": ("2023-06-11", WEEK, 0, 1687165204),
    "UKR11502": ("2023-01-31", MONTH, 0, 1675728005),
    "UKR10712": ("2022-11-01", MONTH, 0, 1668388212),
    "UKR10210": ("2022-10-10", DAY, 4, 1665993610),
    "UKR9310": ("2022-03-05", DAY, 3, 1647302402),
    "UKR9001": ("2022-02-24", DAY, 10, 1646040003),
    "UKR8807": ("2021-12-09", DAY, 0, 1639395607),
    "UKR7401": ("2020-08-14", DAY, 1, 1598990001),
    "UKR5408": ("2019-07-04", DAY, 1, 1562587208),
    "UKR3309": ("2018-01-13", DAY, 2, 1516040409),
}
# Columns an import fills, compared between layouts (interaction has tests of its own).
COMPARED = ("external_id", "event_date", "date_precision", "event_type", "sub_event_type",
            "actor1", "actor2", "admin1", "admin2", "location", "latitude", "longitude",
            "fatalities", "summary", "reported_by", "source_updated")


def events(db: Database, *names: str) -> dict[str, tuple[Any, ...]]:
    columns = [getattr(BattlefieldEvent, name) for name in names or COMPARED]
    with db.reading() as session:
        rows = session.execute(select(BattlefieldEvent.external_id, *columns)
                               .where(BattlefieldEvent.dataset == "ACLED"))
        return {row[0]: tuple(row[1:]) for row in rows}


def import_into_new_database(path: Path, tmp_path: Path) -> Database:
    other = open_database(tmp_path / f"{path.stem}.db")
    import_events(other, path, ImportFormat.ACLED)
    return other


def file_column(path: Path, column: str) -> dict[str, str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["event_id_cnty"]: row[column] for row in csv.DictReader(handle)}


@pytest.mark.parametrize("path", [ISO, LONG, API], ids=lambda p: p.stem)
def test_each_layout_imports_every_event_with_its_date(db: Database, path: Path) -> None:
    report = import_events(db, path, ImportFormat.ACLED)

    assert (report.records, report.added, report.updated, report.unchanged,
            report.rejected) == (12, 12, 0, 0, 0), report.rejections
    assert (report.layout, report.dataset, report.encoding) == (LAYOUTS[path], "ACLED",
                                                                "UTF-8")
    stored = events(db, "event_date", "date_precision", "fatalities", "source_updated")
    assert {key: (day.isoformat(), *rest) for key, (day, *rest) in stored.items()} == EXPECTED


def test_api_dates_are_day_first_like_the_notes_say(db: Database) -> None:
    """``02/04/2024 00:00:00`` is 2 April: the notes open with "On 2 April 2024"."""
    import_events(db, API, ImportFormat.ACLED)
    dates = {key: day for key, (day,) in events(db, "event_date").items()}
    notes = file_column(API, "notes")
    checked = 0
    for key, day in dates.items():
        if notes[key].startswith("On "):
            assert notes[key].startswith(f"On {day.day} {day:%B %Y},"), (key, day)
            checked += 1
    assert checked == 8
    assert sum(day.day <= 12 and day.day != day.month for day in dates.values()) >= 5


def test_time_precision_codes_become_day_week_month(db: Database) -> None:
    import_events(db, API, ImportFormat.ACLED)
    read = {key: precision for key, (precision,) in events(db, "date_precision").items()}
    codes = file_column(API, "time_precision")
    assert {codes[key]: precision for key, precision in read.items()} == {
        "1": DAY, "2": WEEK, "3": MONTH}
    assert Counter(read.values()) == {DAY: 8, WEEK: 2, MONTH: 2}


def test_the_api_layout_is_read_by_header_name(db: Database, tmp_path: Path) -> None:
    import_events(db, ISO, ImportFormat.ACLED)
    api = import_into_new_database(API, tmp_path)
    try:
        assert events(api) == events(db)
    finally:
        api.close()
    assert events(db, "actor2")["UKR15033"] == ("",)  # empty actor2 stays empty
    assert events(db, "summary")["UKR8807"][0].startswith('On 9 December 2021, rioters threw '
                                                          '"smoke bombs"')


def test_interaction_from_numeric_codes_equals_text_labels(db: Database,
                                                            tmp_path: Path) -> None:
    import_events(db, ISO, ImportFormat.ACLED)
    api = import_into_new_database(API, tmp_path)
    try:
        assert events(api, "interaction") == events(db, "interaction")
    finally:
        api.close()


@pytest.mark.parametrize("path", [ISO, API], ids=lambda p: p.stem)
def test_interaction_is_acleds_own_label(db: Database, path: Path) -> None:
    """Stored as the export tool writes ``interaction``: "State forces-External/Other
    forces" for code 18 whichever actor came first, "Protesters only" for 60."""
    import_events(db, path, ImportFormat.ACLED)
    stored = {key: value for key, (value,) in events(db, "interaction").items()}
    assert stored == file_column(ISO, "interaction")


@pytest.mark.parametrize("path", [ISO, LONG, API], ids=lambda p: p.stem)
def test_the_same_events_with_the_same_timestamps_are_unchanged(db: Database,
                                                                path: Path) -> None:
    import_events(db, ISO, ImportFormat.ACLED)
    before = events(db)

    report = import_events(db, path, ImportFormat.ACLED)

    assert (report.records, report.added, report.updated, report.unchanged) == (12, 0, 0, 12)
    assert events(db) == before


def _edited_copy(tmp_path: Path, event_id: str, changes: dict[str, str]) -> Path:
    with ISO.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = [row | changes if row["event_id_cnty"] == event_id else row for row in reader]
        header = list(reader.fieldnames or ())
    path = tmp_path / "acled_export_later.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_a_row_with_a_new_timestamp_is_updated(db: Database, tmp_path: Path) -> None:
    import_events(db, ISO, ImportFormat.ACLED)
    before = events(db)
    later = _edited_copy(tmp_path, "UKR9310", {"fatalities": "5", "timestamp": "1650000000"})

    report = import_events(db, later, ImportFormat.ACLED)

    assert (report.records, report.added, report.updated, report.unchanged) == (12, 0, 1, 11)
    after = events(db, "fatalities", "source_updated")
    assert after["UKR9310"] == (5, 1650000000)
    assert {key: row for key, row in events(db).items() if key != "UKR9310"} == {
        key: row for key, row in before.items() if key != "UKR9310"}


def test_an_edit_without_a_new_timestamp_is_an_update(db: Database, tmp_path: Path) -> None:
    """Issue 17, failure 2: stored fields decide, not ACLED's timestamp. A value changed
    under the same timestamp is a correction (this test asserted the opposite before)."""
    import_events(db, ISO, ImportFormat.ACLED)
    before = events(db)
    same_stamp = _edited_copy(tmp_path, "UKR9310", {"fatalities": "5"})

    report = import_events(db, same_stamp, ImportFormat.ACLED)

    assert (report.added, report.updated, report.unchanged) == (0, 1, 11)
    after = events(db)
    assert after["UKR9310"] != before["UKR9310"]
    assert events(db, "fatalities")["UKR9310"] == (5,)
    assert {key: row for key, row in after.items() if key != "UKR9310"} == {
        key: row for key, row in before.items() if key != "UKR9310"}
