"""``tracker round list --as-of`` and ``tracker export --as-of``: the schedule, the
chronology and the calendar as they were known at the end of a past day, titled so."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import jsonschema
import pytest
from icalendar import Calendar
from PySide6.QtWidgets import QApplication

from tests.services.scenario import add_events, build
from tracker import resources
from tracker.cli import main
from tracker.domain.announcement import Announcement
from tracker.domain.enums import RoundFormat, RoundStatus
from tracker.domain.timewindow import ScheduledWindow
from tracker.services import rounds
from tracker.storage.database import open_database

KYIV = "Europe/Kyiv"
DUBAI = ZoneInfo("Asia/Dubai")
WEEK = ScheduledWindow.week_of(date(2026, 2, 2), "Asia/Dubai")
FOURTH = ScheduledWindow.exact(datetime(2026, 2, 4, 10), datetime(2026, 2, 5, 18), "Asia/Dubai")
EIGHTEENTH = ScheduledWindow.days(date(2026, 2, 18), "Europe/Istanbul")


def _on(day: int, month: int = 1) -> rounds.ChangeNote:
    return rounds.ChangeNote(f"announced {day}/{month}",
                             announced=Announcement.on_day(date(2026, month, day)))


@pytest.fixture
def history(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """The news as it came, entered through the operations:

    20 Jan  the Abu Dhabi round announced for the week of 2 Feb, and a Geneva round;
    27 Jan  the Abu Dhabi round set for 4-5 Feb, 10:00-18:00 Dubai time;
    30 Jan  moved to 18 Feb in Istanbul ("set for 18 Feb");
     2 Feb  the Geneva round deleted.
    Events were reported for 27 and 29 Jan; the scenario's own round was announced today.
    """
    path = tmp_path / "asof.db"
    db = open_database(path)
    try:
        with db.transaction() as session:
            ids = build(session)
            abu_dhabi = rounds.create_round(session, rounds.RoundDraft(
                ids.track, "Abu Dhabi round", RoundFormat.TRILATERAL,
                rounds.RoundState(WEEK, ids.abu_dhabi, RoundStatus.SCHEDULED)), _on(20))
            geneva = rounds.create_round(session, rounds.RoundDraft(
                ids.track, "Geneva round", RoundFormat.BILATERAL,
                rounds.RoundState(ScheduledWindow.days(date(2026, 2, 10), "Europe/Zurich"),
                                  None, RoundStatus.PROPOSED)), _on(20))
            assert abu_dhabi.record_id is not None and geneva.record_id is not None
            rounds.reschedule(session, abu_dhabi.record_id, FOURTH, _on(27))
            rounds.reschedule(session, abu_dhabi.record_id, EIGHTEENTH, rounds.ChangeNote(
                "set for 18 Feb", announced=Announcement.on_day(date(2026, 1, 30))))
            rounds.relocate(session, abu_dhabi.record_id, ids.istanbul, _on(30))
            rounds.delete(session, geneva.record_id, _on(2, 2))
            add_events(session, [
                {"event_date": date(2026, 1, 27), "summary": "Substation hit in Kyiv"},
                {"event_date": date(2026, 1, 29), "summary": "Rail depot hit in Lviv"}])
    finally:
        db.close()
    capsys.readouterr()
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    status = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_round_list_as_of_a_day(history: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "round", "list", "--db", history, "--as-of", "28 Jan 2026",
                           "--tz", KYIV)
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "Schedule as known on 28 Jan 2026 (Europe/Kyiv)"
    # Known then: the Geneva round (deleted since); not the round announced today.
    listed = [line.split("  ")[-1].strip() for line in lines[2:]]
    assert listed == ["Abu Dhabi round", "Geneva round"]
    abu_dhabi = lines[2]
    assert FOURTH.describe() in abu_dhabi and "Abu Dhabi" in abu_dhabi.split("  ")
    assert "Istanbul" not in out

    status, out, _ = run(capsys, "round", "list", "--db", history)
    assert status == 0 and "Schedule as known" not in out and "Geneva round" not in out
    assert EIGHTEENTH.describe() in out and "Trilateral round" in out


def test_round_list_as_of_in_json_keeps_the_heading_off_the_data(
        history: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "round", "list", "--db", history, "--format", "json",
                           "--as-of", "2026-01-20", "--tz", KYIV)
    assert status == 0
    assert err == "Schedule as known on 20 Jan 2026 (Europe/Kyiv)\n"
    listed = {row["title"]: row for row in json.loads(out)}
    assert set(listed) == {"Abu Dhabi round", "Geneva round"}
    assert listed["Abu Dhabi round"]["when"] == WEEK.describe()
    assert listed["Geneva round"]["status"] == "proposed"


@pytest.mark.parametrize(("typed", "message"), [
    ("1 Jan 2099", "tracker: --as-of: 1 Jan 2099 is after today"),
    ("31 Dec 1899", "tracker: --as-of: 31 Dec 1899 is before 1 Jan 1900"),
    ("the day after", "tracker: --as-of: 'the day after'"),
])
def test_an_as_of_day_that_cannot_be_known_is_refused(
        history: Path, capsys: pytest.CaptureFixture[str], typed: str, message: str) -> None:
    for command in (["round", "list", "--db", history],
                    ["export", "--db", history, "--format", "csv"]):
        status, out, err = run(capsys, *command, "--as-of", typed)
        assert (status, out) == (2, "")
        assert err.startswith(message), err


def _csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_export_csv_as_of_a_day(history: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "export", "--db", history, "--format", "csv", "--as-of",
                         "28 Jan 2026", "--tz", KYIV)
    assert status == 0
    rows = _csv_rows(out)
    assert {row["as_known_on"] for row in rows} == {"2026-01-28"}
    abu_dhabi = next(row for row in rows if row["kind"] == "round"
                     and row["title"] == "Abu Dhabi round")
    # The window known then: 4-5 Feb in Abu Dhabi, not 18 Feb in Istanbul.
    assert FOURTH.describe() in abu_dhabi["when"] and abu_dhabi["place"] == "Abu Dhabi"
    assert FOURTH.start is not None
    assert abu_dhabi["utc"] == f"{FOURTH.start.astimezone(UTC):%Y-%m-%d %H:%M}"
    assert (abu_dhabi["time"], abu_dhabi["time_zone"]) == ("08:00", KYIV)  # 10:00 in Dubai
    assert "Geneva round" in {row["title"] for row in rows}
    assert "Trilateral round" not in {row["title"] for row in rows}
    changes = [row for row in rows if row["kind"] == "schedule change"]
    assert len(changes) == 3  # two creations and the 27 Jan reschedule
    assert not any("18 Feb" in row["detail"] or "Istanbul" in row["detail"] for row in changes)
    events = [row["detail"] for row in rows if row["kind"] == "event"]
    assert events == ["Substation hit in Kyiv"]

    _, current, _ = run(capsys, "export", "--db", history, "--format", "csv")
    assert "as_known_on" not in current.splitlines()[0]
    assert any("set for 18 Feb" in row["detail"] for row in _csv_rows(current))


def test_export_as_of_keeps_the_rounds_of_the_range_as_known_then(
        history: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """4-5 Feb was the round's window then: in a range of 1-10 Feb it is, at 18 Feb not."""
    status, out, _ = run(capsys, "export", "--db", history, "--format", "csv", "--as-of",
                         "28 Jan 2026", "--tz", KYIV, "--from", "1 Feb 2026", "--to",
                         "10 Feb 2026")
    assert status == 0
    assert [row["title"] for row in _csv_rows(out)] == ["Abu Dhabi round", "Geneva round"]
    _, later, _ = run(capsys, "export", "--db", history, "--format", "csv", "--as-of",
                      "30 Jan 2026", "--tz", KYIV, "--from", "1 Feb 2026", "--to",
                      "10 Feb 2026")
    assert [row["title"] for row in _csv_rows(later)] == ["Geneva round"]


def test_export_markdown_as_of_a_day(history: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "export", "--db", history, "--format", "md", "--as-of",
                         "28 Jan 2026", "--tz", KYIV)
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == "# Chronology as known on 28 Jan 2026"
    assert lines[2].startswith("**This is the record as known on 28 Jan 2026 (the end of "
                               "that day in Europe/Kyiv), not the current one")
    assert "## 27 January 2026" in lines and "## 29 January 2026" not in lines
    assert "set for 18 Feb" not in out and "Rail depot" not in out
    assert any(line.startswith("- **round**") and "Abu Dhabi round" in line
               and "4 Feb 2026" in line for line in lines)


def test_export_json_as_of_a_day(history: Path, tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "then.json"
    status, out, err = run(capsys, "export", "--db", history, "--format", "json", "--as-of",
                           "28 Jan 2026", "--tz", KYIV, "-o", output)
    assert (status, out) == (0, "")
    assert err.endswith("written to " + str(output) + " (as known on 28 Jan 2026, end of "
                        "day in Europe/Kyiv)\n")
    document = json.loads(output.read_text(encoding="utf-8"))
    schema = json.loads(resources.read_text("schemas/chronology.schema.json"))
    jsonschema.validate(document, schema)
    assert document["title"] == "Chronology as known on 28 Jan 2026"
    assert document["filters"]["as_of"] == {"day": "2026-01-28", "time_zone": KYIV}
    entries = document["entries"]
    assert not any("set for 18 Feb" in entry["detail"] for entry in entries)
    round_entry = next(entry for entry in entries if entry["title"] == "Abu Dhabi round")
    assert round_entry["place"] == "Abu Dhabi" and "4 Feb 2026" in round_entry["when"]


def _events(path: Path) -> dict[str, object]:
    calendar = Calendar.from_ical(path.read_bytes())
    return {str(event.get("summary")).split(" (")[0]: event
            for event in calendar.walk("VEVENT")}


def test_export_ics_as_of_a_day(history: Path, tmp_path: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    then, now = tmp_path / "then.ics", tmp_path / "now.ics"
    status, _, err = run(capsys, "export", "--db", history, "--format", "ics", "--as-of",
                         "28 Jan 2026", "--tz", KYIV, "-o", then)
    assert status == 0 and "as known on 28 Jan 2026" in err, err
    assert run(capsys, "export", "--db", history, "--format", "ics", "-o", now)[0] == 0

    calendar = Calendar.from_ical(then.read_bytes())
    assert "as known on 28 Jan 2026" in str(calendar.get("x-wr-calname"))
    past, current = _events(then), _events(now)
    assert set(past) == {"Abu Dhabi round", "Geneva round"}  # not yet the Trilateral round
    known = past["Abu Dhabi round"]
    assert known.get("dtstart").dt == datetime(2026, 2, 4, 10, tzinfo=DUBAI)  # type: ignore[attr-defined]
    assert known.get("dtend").dt == datetime(2026, 2, 5, 18, tzinfo=DUBAI)  # type: ignore[attr-defined]
    assert str(known.get("location")).startswith("Abu Dhabi")  # type: ignore[attr-defined]
    assert str(known.get("status")) == "TENTATIVE"  # type: ignore[attr-defined]
    # Same UID as today's file, with a lower SEQUENCE: the later file supersedes it.
    moved = current["Abu Dhabi round"]
    assert str(known.get("uid")) == str(moved.get("uid"))  # type: ignore[attr-defined]
    assert int(known.get("sequence")) < int(moved.get("sequence"))  # type: ignore[attr-defined]
    assert moved.get("dtstart").dt == date(2026, 2, 18)  # type: ignore[attr-defined]
    # The Geneva round was still on then; it is cancelled now.
    assert str(past["Geneva round"].get("status")) != "CANCELLED"  # type: ignore[attr-defined]
    assert str(current["Geneva round"].get("status")) == "CANCELLED"  # type: ignore[attr-defined]


def test_as_of_is_refused_where_it_does_not_apply(
        history: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "export", "--db", history, "--format", "archive",
                         "--as-of", "28 Jan 2026", "-o", tmp_path / "out.json")
    assert status == 2
    assert err.startswith("tracker: --as-of applies to --format csv, json, md, html, pdf")
    assert err.endswith("not archive\n")
    assert not (tmp_path / "out.json").exists()


def test_the_report_as_of_a_day_says_so_and_has_no_chart_of_today(
        qapp: QApplication, history: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    """(qapp first: the report draws with Qt, and a QGuiApplication made by the command
    would leave no QApplication for the window tests after it.)"""
    output = tmp_path / "then.html"
    status, _, err = run(capsys, "export", "--db", history, "--format", "html", "--as-of",
                         "28 Jan 2026", "--tz", KYIV, "-o", output)
    assert status == 0, err
    page = output.read_text(encoding="utf-8")
    assert "as known on 28 Jan 2026" in page
    assert "18 Feb" not in page  # the reschedule announced after the day
    assert "data:image/png" not in page  # the timeline chart draws today's schedule


def test_export_timelinejs_as_of_a_day(history: Path, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "then.json"
    status, _, err = run(capsys, "export", "--db", history, "--format", "timelinejs",
                         "--events", "all", "--as-of", "28 Jan 2026", "--tz", KYIV,
                         "-o", output)
    assert status == 0, err
    assert "1 event" in err and "(as known on 28 Jan 2026, end of day in Europe/Kyiv)" in err
    data = json.loads(output.read_text(encoding="utf-8"))
    title = data["title"]["text"]
    assert title["headline"].endswith("as known on 28 Jan 2026")
    assert "not the current one" in title["text"]
    slides = {slide["unique_id"]: slide for slide in data["events"]}
    headlines = [slide["text"]["headline"] for slide in data["events"]]
    assert "Trilateral round" not in " ".join(headlines)
    assert not any("18 Feb" in slide["text"].get("text", "") for slide in data["events"])
    abu_dhabi = next(slide for slide in slides.values()
                     if slide["text"]["headline"] == "Abu Dhabi round")
    assert (abu_dhabi["start_date"]["month"], abu_dhabi["start_date"]["day"]) == (2, 4)
    assert "as known on 28 Jan 2026" in (tmp_path / "then.html").read_text(encoding="utf-8")


def test_today_is_a_day_the_schedule_is_known_as_of(
        history: Path, capsys: pytest.CaptureFixture[str]) -> None:
    today = datetime.now(UTC).astimezone(ZoneInfo(KYIV)).date()
    status, out, _ = run(capsys, "round", "list", "--db", history, "--as-of",
                         today.isoformat(), "--tz", KYIV)
    assert status == 0 and "Trilateral round" in out and "Geneva round" not in out
