"""``tracker categorise``: the rules run again over the events no analyst decided."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tracker.cli import main

ACLED = Path(__file__).resolve().parents[1] / "data" / "acled" / "acled_export_iso.csv"


def _categories(path: Path) -> dict[str, tuple[str, str | None]]:
    connection = sqlite3.connect(path)
    try:
        return {row[0]: (row[1], row[2]) for row in connection.execute(
            "SELECT external_id, target_category, target_source FROM battlefield_event")}
    finally:
        connection.close()


def test_categorise_resuggests_and_keeps_the_analysts_choice(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "talks.db"
    assert main(["import", "--db", str(db), "--format", "acled", str(ACLED)]) == 0
    imported = _categories(db)
    assert {source for _category, source in imported.values()} == {"rule"}
    chosen, *others = sorted(imported)
    connection = sqlite3.connect(db)
    with connection:
        connection.execute("UPDATE battlefield_event SET target_category = 'water', "
                           "target_source = 'analyst' WHERE external_id = ?", (chosen,))
        # As if the rules had changed since: the pass must suggest these again.
        connection.execute("UPDATE battlefield_event SET target_category = 'other' "
                           "WHERE external_id <> ?", (chosen,))
    connection.close()
    capsys.readouterr()

    assert main(["categorise", "--db", str(db)]) == 0

    _out, err = capsys.readouterr()
    # The analyst's event is not looked at; progress and the summary go to stderr.
    assert f"{len(others):,} events looked at" in err
    assert "categorising:" in err
    after = _categories(db)
    assert after[chosen] == ("water", "analyst")
    assert {name: after[name] for name in others} == {name: imported[name] for name in others}


def test_categorise_refuses_a_missing_database(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["categorise", "--db", str(tmp_path / "none.db")]) != 0
    assert "none.db" in capsys.readouterr().err
