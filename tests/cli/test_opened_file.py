"""`tracker /path/to/talks.db`, as the menu entry's `Exec=tracker %f` runs it, opens that file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker import cli
from tracker.ui.window import app


@pytest.fixture
def window_runs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str | None, bool]]:
    """The windows main() would open (database, sample?), instead of opening them."""
    runs: list[tuple[str | None, bool]] = []

    def run(db_target: str | None, *, sample: bool = False, smoke_test: bool = False) -> int:
        runs.append((db_target, sample))
        return 0

    monkeypatch.setattr(app, "run", run)
    return runs


def test_a_lone_absolute_path_opens_that_database(
        tmp_path: Path, window_runs: list[tuple[str | None, bool]]) -> None:
    target = tmp_path / "Переговори 2026" / "talks.db"
    assert cli.main([str(target)]) == 0
    assert window_runs == [(str(target), False)]


def test_commands_and_options_keep_their_meaning() -> None:
    assert cli.opened_file_as_db([]) == []
    assert cli.opened_file_as_db(["--sample"]) == ["--sample"]
    assert cli.opened_file_as_db(["log"]) == ["log"]
    assert cli.opened_file_as_db(["talks.db"]) == ["talks.db"]  # relative: still an error
    assert cli.opened_file_as_db(["--db", "/a.db"]) == ["--db", "/a.db"]
    assert cli.opened_file_as_db(["/a.db", "/b.db"]) == ["/a.db", "/b.db"]


def test_a_relative_file_name_is_still_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["talks.db"])
    assert exit_info.value.code == 2
    assert "invalid choice: 'talks.db'" in capsys.readouterr().err
