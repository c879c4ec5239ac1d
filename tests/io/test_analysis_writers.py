"""Analysis files: CSV with formulas guarded, JSON with the settings, written atomically."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.services.analysis_scenario import Scenario, build_analysis_scenario
from tracker.io import analysis_writers
from tracker.io.analysis_writers import CSV_COLUMNS, AnalysisFormat, write_csv, write_json
from tracker.services.analysis.analysis import AnalysisSettings, SplitBy, analyse
from tracker.services.analysis.export import export_result, result_records
from tracker.services.events.events import EventFilter
from tracker.storage.database import Database


def _record(**overrides: Any) -> dict[str, Any]:
    record: dict[str, Any] = dict.fromkeys(CSV_COLUMNS)
    record.update(anchor_kind="round", anchor_id=3, anchor="Talks", phase="during",
                  events=4, baseline_events=1.5, ratio=4 / 1.5, difference=2.5,
                  group=None, group_label="all events")
    record.update(overrides)
    return record


def _csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_has_every_column_and_readable_numbers() -> None:
    stream = io.StringIO(newline="")
    assert write_csv([_record(), _record(ratio=None, baseline_events=0.0)], stream) == 2
    first, second = _csv_rows(stream.getvalue())
    assert list(first) == list(CSV_COLUMNS)
    assert (first["events"], first["baseline_events"], first["ratio"],
            first["difference"]) == ("4", "1.5", "2.6667", "2.5")
    # No ratio is an empty cell, never "inf"; a whole mean has no ".0".
    assert (second["ratio"], second["baseline_events"], second["round_id"]) == ("", "0", "")


@pytest.mark.parametrize("hostile", ["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)"])
def test_csv_neutralises_formulas_in_names(hostile: str) -> None:
    stream = io.StringIO(newline="")
    write_csv([_record(anchor=hostile, group=hostile, group_label=hostile,
                       difference=-2.0)], stream)
    [row] = _csv_rows(stream.getvalue())
    assert row["anchor"] == row["group"] == row["group_label"] == "'" + hostile
    assert row["difference"] == "-2"  # a number we wrote ourselves stays a number


def test_json_holds_settings_skipped_and_rows() -> None:
    stream = io.StringIO()
    when = datetime(2026, 2, 1, 12, tzinfo=UTC)
    count = write_json([_record()], stream, settings={"window_days": 7}, skipped=["x"],
                       generated_at=when)
    document = json.loads(stream.getvalue())
    assert count == 1
    assert document["format"] == analysis_writers.FORMAT_NAME
    assert document["generated_at"] == when.isoformat()
    assert document["settings"] == {"window_days": 7}
    assert document["skipped"] == ["x"]
    assert document["rows"][0]["ratio"] == pytest.approx(4 / 1.5)
    assert document["rows"][0]["group"] is None


def test_save_is_atomic(tmp_path: Path) -> None:
    target = tmp_path / "analysis.csv"
    target.write_text("old", encoding="utf-8")

    def failing() -> Any:
        yield _record()
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError):
        analysis_writers.save(target, AnalysisFormat.CSV, failing(), settings={})
    assert target.read_text(encoding="utf-8") == "old"
    assert [path.name for path in tmp_path.iterdir()] == ["analysis.csv"]
    assert analysis_writers.save(target, AnalysisFormat.CSV, [_record()], settings={}) == 1
    assert target.read_bytes().count(b"\r\n") == 2


@pytest.fixture
def scenario_db(db: Database) -> tuple[Database, Scenario]:
    with db.transaction() as session:
        scenario = build_analysis_scenario(session)
    return db, scenario


def test_a_result_exports_with_its_settings_and_filter(
        scenario_db: tuple[Database, Scenario], tmp_path: Path) -> None:
    db, scenario = scenario_db
    settings = AnalysisSettings(window_days=3, baseline_weeks=2, split=SplitBy.CATEGORY)
    with db.reading() as session:
        result = analyse(session, settings, flt=EventFilter(event_types=("Battles",)))
    target = tmp_path / "analysis.json"
    assert export_result(result, target, AnalysisFormat.JSON) == len(result.rows)
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["settings"]["split"] == "category"
    assert document["settings"]["window_days"] == 3
    assert document["settings"]["event_filter"]["event_types"] == ["Battles"]
    first = document["rows"][0]
    assert (first["anchor_kind"], first["round_id"], first["phase"], first["first_day"],
            first["anchor_precision"]) == ("round", scenario.round, "before", "2025-03-07",
                                           "day")
    csv_target = tmp_path / "analysis.csv"
    export_result(result, csv_target, AnalysisFormat.CSV)
    rows = _csv_rows(csv_target.read_text(encoding="utf-8"))
    assert [row["phase"] for row in rows] == [record["phase"]
                                              for record in result_records(result)]
    during = next(row for row in rows if row["phase"] == "during")
    assert (during["group_label"], during["events"], during["first_day"]) == (
        "energy", "1", date(2025, 3, 10).isoformat())
