"""``tracker analyse``: the analysis numbers headless, with clear errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.services.analysis_scenario import build_analysis_scenario, new_round
from tracker.cli import main
from tracker.domain.timewindow import ScheduledWindow
from tracker.storage.database import open_database


@pytest.fixture
def scenario_file(tmp_path: Path) -> tuple[Path, int]:
    path = tmp_path / "analysis.db"
    db = open_database(path)
    try:
        with db.transaction() as session:
            scenario = build_analysis_scenario(session)
            new_round(session, scenario.track, "Someday", ScheduledWindow.unknown("UTC"))
    finally:
        db.close()
    return path, scenario.round


def _csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_one_round_as_csv_on_stdout(scenario_file: tuple[Path, int],
                                    capsys: pytest.CaptureFixture[str]) -> None:
    path, round_id = scenario_file
    assert main(["analyse", "--db", str(path), "--round", str(round_id), "--window", "3",
                 "--baseline-weeks", "2"]) == 0
    rows = _csv(capsys.readouterr().out)
    assert [(row["phase"], row["events"], row["imprecise"], row["baseline_events"],
             row["ratio"], row["difference"]) for row in rows] == [
        ("before", "2", "1", "2", "1", "0"),
        ("during", "3", "1", "2", "1.5", "1"),
        ("after", "2", "0", "0", "", "2"),
    ]


def test_all_rounds_as_json_to_a_file(scenario_file: tuple[Path, int], tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    path, _round_id = scenario_file
    out = tmp_path / "analysis.json"
    assert main(["analyse", "--db", str(path), "--all", "--window", "3", "--baseline",
                 "trailing", "--baseline-windows", "2", "--by", "type", "--format", "json",
                 "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "Someday: date unknown" in err
    assert f"written to {out}" in err
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["settings"]["baseline"] == "trailing"
    assert document["settings"]["trailing_windows"] == 2
    assert document["skipped"] == ["Someday: date unknown"]
    assert {row["group"] for row in document["rows"]} == {
        "Battles", "Explosions/Remote violence"}
    before = document["rows"][0]
    # Strikes 1–6 Mar: none reported to the day; Battles: one (6 Mar) → mean 0.5.
    assert (before["group"], before["baseline_events"]) == ("Battles", 0.5)


def test_around_schedule_changes(scenario_file: tuple[Path, int],
                                 capsys: pytest.CaptureFixture[str]) -> None:
    path, round_id = scenario_file
    assert main(["analyse", "--db", str(path), "--round", str(round_id), "--around",
                 "changes"]) == 0
    rows = _csv(capsys.readouterr().out)
    assert {row["anchor_kind"] for row in rows} == {"schedule change"}
    # The scenario's round was created with no announcement date: dated when entered,
    # and its anchor says so rather than pass the typing day off as the announcement.
    assert rows[0]["anchor"] == \
        "Kyiv talks: created (entered, no announcement date given)"


def test_an_unknown_round_is_a_clear_error(scenario_file: tuple[Path, int],
                                           capsys: pytest.CaptureFixture[str]) -> None:
    path, _round_id = scenario_file
    assert main(["analyse", "--db", str(path), "--round", "99"]) == 2
    captured = capsys.readouterr()
    assert captured.err.strip() == "tracker: Round 99 does not exist"
    assert captured.out == ""


@pytest.mark.parametrize(("option", "value", "message"), [
    ("--window", "0", "--window: must be between 1 and 366"),
    ("--baseline-weeks", "-1", "--baseline-weeks: must be between 1"),
    ("--tz", "Mars/Base", "--tz: Unknown time zone"),
])
def test_bad_settings_name_the_option(scenario_file: tuple[Path, int], option: str,
                                      value: str, message: str,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    path, _round_id = scenario_file
    assert main(["analyse", "--db", str(path), "--all", option, value]) == 2
    assert message in capsys.readouterr().err


def test_round_or_all_is_required(scenario_file: tuple[Path, int],
                                  capsys: pytest.CaptureFixture[str]) -> None:
    path, _round_id = scenario_file
    with pytest.raises(SystemExit) as exited:
        main(["analyse", "--db", str(path)])
    assert exited.value.code == 2
    assert "--round" in capsys.readouterr().err


def test_a_missing_database_is_not_created(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "none.db"
    assert main(["analyse", "--db", str(missing), "--all"]) == 2
    assert not missing.exists()
    assert capsys.readouterr().err.startswith("tracker: ")


def test_an_unwritable_output_leaves_nothing(scenario_file: tuple[Path, int], tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    path, _round_id = scenario_file
    target = tmp_path / "no" / "such" / "folder.csv"
    assert main(["analyse", "--db", str(path), "--all", "-o", str(target)]) == 2
    assert "cannot write" in capsys.readouterr().err
    assert not target.parent.exists()


def test_analysis_is_the_commands_name_and_analyse_its_alias(
        scenario_file: tuple[Path, int], capsys: pytest.CaptureFixture[str]) -> None:
    path, round_id = scenario_file
    outputs = []
    for name in ("analysis", "analyse"):
        assert main([name, "--db", str(path), "--round", str(round_id)]) == 0
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1] != ""
