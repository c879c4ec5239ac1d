"""What the command line's export tests share."""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker.cli import main


@pytest.fixture
def sample(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """The sample scenario in a new database file, made by ``tracker sample``."""
    path = tmp_path / "s.db"
    assert main(["sample", "--db", str(path)]) == 0
    capsys.readouterr()
    return path
