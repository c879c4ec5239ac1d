"""``tracker reconcile`` end to end: find, list, accept, reject, prefer; and ``tracker import
--force`` for a file another dataset already holds."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.conftest import REAL_DATA
from tests.services.reconcile.events_for_matching import add_event, north_of
from tracker.cli import main
from tracker.storage.database import open_database

DAY = date(2024, 1, 2)


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    status = main([*map(str, argv)])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    path = tmp_path / "two.db"
    db = open_database(path)
    with db.transaction() as session:
        add_event(session, "ACLED", DAY, fatalities=3)
        add_event(session, "UCDP GED", DAY, north_of(3), fatalities=3)
        add_event(session, "ACLED", date(2024, 3, 1))
        add_event(session, "UCDP GED", date(2024, 3, 1), north_of(8))
    db.close()
    return path


def _statuses(path: Path) -> list[str]:
    db = open_database(path)
    try:
        with db.engine.connect() as connection:
            return list(connection.scalars(text(
                "SELECT record_status FROM battlefield_event ORDER BY id")))
    finally:
        db.close()


def test_find_list_accept_reject(db_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _err = run(capsys, "reconcile", "find", "--db", db_file, "--left", "ACLED",
                            "--right", "UCDP GED")
    assert status == 0 and out.startswith("2 candidate pairs between ACLED and UCDP GED")

    status, out, err = run(capsys, "reconcile", "list", "--db", db_file)
    assert status == 0 and "2 of 2 pairs shown" in err
    first, second = (line.split()[0] for line in out.splitlines() if line.startswith("#"))
    assert "ACLED ACLED-" in out and "fatalities 3" in out and "3.0 km" in out

    assert run(capsys, "reconcile", "accept", "--db", db_file, first[1:])[1] == \
        "1 pairs accepted\n"
    assert _statuses(db_file) == ["current", "merged", "current", "current"]
    assert run(capsys, "reconcile", "prefer", "--db", db_file, "UCDP GED")[0] == 0
    assert _statuses(db_file) == ["merged", "current", "current", "current"]
    assert run(capsys, "reconcile", "reject", "--db", db_file, second[1:])[0] == 0
    status, out, _err = run(capsys, "reconcile", "list", "--db", db_file, "--status", "all")
    assert "accepted" in out and "rejected" in out


def test_accept_above_a_score(db_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "reconcile", "find", "--db", db_file, "--left", "ACLED", "--right",
        "UCDP GED")
    status, out, _err = run(capsys, "reconcile", "accept", "--db", db_file, "--above", "0.8")
    assert (status, out) == (0, "1 pairs accepted\n")


def test_refusals(db_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _out, err = run(capsys, "reconcile", "find", "--db", db_file, "--left", "ACLED",
                            "--right", "ACLED")
    assert status == 2 and "two different datasets" in err
    status, _out, err = run(capsys, "reconcile", "accept", "--db", db_file)
    assert status == 2 and "--above" in err


def test_import_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ucdp.db"
    ged = REAL_DATA / "ucdp_ged_ukraine_2014-2022_ged231.csv"
    assert run(capsys, "import", "--db", path, "--format", "csv", "--map", "event_date=date_start",
               "--map", "latitude=latitude", "--map", "longitude=longitude",
               "--map", "fatalities=best", "--map", "external_id=id", ged)[0] == 0
    status, _out, err = run(capsys, "import", "--db", path, "--format", "ucdp", ged)
    assert status == 2 and "already in the database" in err and "--force" in err
    assert run(capsys, "import", "--db", path, "--format", "ucdp", "--force", ged)[0] == 0
