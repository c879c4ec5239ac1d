"""Issue 17, failure 5: country and associated actors are fields, and regions are told
apart by country ("Northern" is an admin1 of Ghana, Uganda, Sierra Leone and Malawi).

tests/data/acled/releases/acled_northern_four_countries.csv is hand-written in ACLED's
export layout (see the README there); the UCDP files are the real ones.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from alembic import command
from sqlalchemy import text

from tests.conftest import REAL_DATA
from tests.services.imports.test_import_real_data import GED231, HDX
from tracker.services.analysis.counts import DayRange, tally_ranges
from tracker.services.analysis.sources import SplitBy, count_source
from tracker.services.imports.importing import ImportFormat, import_events
from tracker.storage import migrate
from tracker.storage.database import Database, open_database

NORTHERN = (Path(__file__).resolve().parents[2] / "data" / "acled" / "releases"
            / "acled_northern_four_countries.csv")
FIELDS = ("country", "country_code", "admin1", "assoc_actor_1", "assoc_actor_2")


def stored(db: Database, dataset: str) -> dict[str, tuple[str, ...]]:
    with db.engine.connect() as connection:
        return {row[0]: tuple(row[1:]) for row in connection.execute(text(
            f"SELECT external_id, {', '.join(FIELDS)} FROM battlefield_event "
            "WHERE dataset = :d"), {"d": dataset})}


def file_fields() -> dict[str, tuple[str, ...]]:
    codes = {"288": "GHA", "800": "UGA", "694": "SLE", "454": "MWI"}
    with NORTHERN.open(encoding="utf-8", newline="") as handle:
        return {row["event_id_cnty"]: (row["country"], codes[row["iso"]], row["admin1"],
                                       row["assoc_actor_1"], row["assoc_actor_2"])
                for row in csv.DictReader(handle)}


def test_country_code_and_associated_actors_are_columns(db: Database) -> None:
    import_events(db, NORTHERN, ImportFormat.ACLED)
    assert stored(db, "ACLED") == file_fields()


def test_regions_of_the_same_name_in_four_countries_stay_apart(db: Database) -> None:
    import_events(db, NORTHERN, ImportFormat.ACLED)
    with db.reading() as session:
        found = tally_ranges(session, [DayRange(date(2024, 2, 1), date(2024, 2, 29))],
                             count_source(session, None, SplitBy.REGION))
    assert {group: tallies[0].events for group, tallies in found.items()} == {
        "Northern, Ghana": 1, "Northern, Uganda": 1, "Northern, Sierra Leone": 1,
        "Northern, Malawi": 1, "Central, Malawi": 1}


def test_ucdp_countries_get_their_iso_code(db: Database) -> None:
    import_events(db, REAL_DATA / GED231, ImportFormat.UCDP)
    import_events(db, REAL_DATA / HDX, ImportFormat.UCDP)
    with db.engine.connect() as connection:
        pairs = set(connection.execute(text(
            "SELECT DISTINCT country, country_code FROM battlefield_event")).all())
    assert pairs == {("Ukraine", "UKR"), ("Russia (Soviet Union)", "RUS")}


def test_the_migration_fills_both_from_the_raw_records(tmp_path: Path) -> None:
    """A database imported before 0013 gets its codes and actors from what it stored."""
    path = tmp_path / "old.db"
    db = open_database(path)
    try:
        import_events(db, NORTHERN, ImportFormat.ACLED)
        with db.engine.begin() as connection:
            command.downgrade(migrate.alembic_config(connection), "0012")
    finally:
        db.close()
    upgraded = open_database(path)
    try:
        assert stored(upgraded, "ACLED") == file_fields()
        # And a re-import of the same file finds nothing to change.
        again = import_events(upgraded, NORTHERN, ImportFormat.ACLED)
        assert (again.updated, again.unchanged) == (0, 5)
    finally:
        upgraded.close()
