"""``tracker restore-archive``: an archive back into a new, empty database, refused (with
nothing written) into one that holds data; ``import --format json`` stays its alias."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import sqlite_dump
from tracker.cli import main


@pytest.fixture
def archive(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    source, path = tmp_path / "talks.db", tmp_path / "talks.json"
    assert main(["sample", "--db", str(source)]) == 0
    assert main(["export", "--db", str(source), "--format", "archive", "-o", str(path)]) == 0
    capsys.readouterr()
    return path


def test_restore_into_a_new_database(archive: Path, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    restored = tmp_path / "restored.db"
    assert main(["restore-archive", "--db", str(restored), str(archive)]) == 0
    assert capsys.readouterr().out.startswith(f"Archive imported into {restored}: ")
    again = tmp_path / "again.json"
    assert main(["export", "--db", str(restored), "--format", "archive", "-o", str(again)]) == 0
    assert again.read_bytes() == archive.read_bytes()


def test_a_database_with_data_is_refused_and_left_alone(
        archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "talks.db"
    before = sqlite_dump(target)
    assert main(["restore-archive", "--db", str(target), str(archive)]) == 2
    assert "already holds data" in capsys.readouterr().err
    assert sqlite_dump(target) == before


def test_import_format_json_is_an_alias(archive: Path, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    restored = tmp_path / "restored.db"
    assert main(["import", "--db", str(restored), "--format", "json", str(archive)]) == 0
    assert capsys.readouterr().out.startswith(f"Archive imported into {restored}: ")
