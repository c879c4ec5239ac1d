"""ACLED's list of deleted events is refused, never applied or read as events."""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker.io.acled_layout import acled_layout
from tracker.io.input_errors import InputFileError


def test_a_deletions_list_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "acled_deleted.csv"
    with pytest.raises(InputFileError) as refused:
        acled_layout(path, ["event_id_cnty", "deleted_timestamp"])
    assert refused.value.column == "deleted_timestamp"
    assert "deleted events" in str(refused.value)
    assert str(refused.value).startswith("acled_deleted.csv, line 1")


def test_an_export_missing_its_date_names_the_column(tmp_path: Path) -> None:
    with pytest.raises(InputFileError) as refused:
        acled_layout(tmp_path / "x.csv", ["event_id_cnty", "event_type", "notes"])
    assert "'event_date'" in str(refused.value)
