"""What the properties found, pinned with hand-checked answers."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from tracker.domain.dates import DateParseError, parse_window
from tracker.domain.timewindow import ScheduledWindow, WindowError, localize
from tracker.services.imports.importing import ImportFormat, import_events
from tracker.storage.database import Database


def test_the_first_day_of_the_calendar_east_of_utc_is_refused_not_a_crash() -> None:
    # Kyiv was UTC+2:02 in year 1: midnight there is 31 Dec of year 0, which has no datetime.
    with pytest.raises(WindowError, match="outside the dates that can be stored"):
        localize(datetime(1, 1, 1), "Europe/Kyiv")


def test_the_last_day_of_the_calendar_has_no_following_midnight() -> None:
    with pytest.raises(WindowError, match="9999-12-31 is outside"):
        ScheduledWindow.days(datetime(9999, 12, 31).date(), "UTC")
    with pytest.raises(DateParseError, match="outside"):
        parse_window("31 Dec 9999", "America/New_York")


def test_an_unknown_zone_abbreviation_is_refused_rather_than_dropped() -> None:
    # dateutil used to drop "EEST" with a warning, reading 10:00 in the window's zone.
    with pytest.raises(DateParseError, match="abbreviation"):
        parse_window("5 Feb 2026 10:00 EEST", "UTC")
    assert parse_window("5 Feb 2026 10:00 +03:00", "UTC").start == datetime.fromisoformat(
        "2026-02-05T07:00:00+00:00")


def test_a_time_skipped_by_the_spring_change_in_kyiv_is_refused() -> None:
    with pytest.raises(DateParseError, match="does not exist in Europe/Kyiv"):
        parse_window("2026-03-29 03:30", "Europe/Kyiv")


def test_the_figures_count_every_bad_value_as_a_clear_error() -> None:
    from tests.properties.parser_figures import BAD_FIELDS, bad_inputs, hypothesis_counts

    tried = sum(len(values) for _validate, values in BAD_FIELDS)
    assert bad_inputs() == (tried, tried) == (42, 42)
    counts = hypothesis_counts(examples=3)
    assert len(counts) == 11 and all(found >= 3 for found in counts.values())


def test_a_count_too_large_to_store_is_a_rejected_row_not_an_overflow(
        db: Database, tmp_path: Path) -> None:
    # Hypothesis put 2**63 in ACLED's fatalities: SQLite raised OverflowError mid-import.
    path = tmp_path / "acled.csv"
    path.write_text("event_id_cnty,event_date,event_type,fatalities,timestamp\n"
                    "UKR1,2024-03-01,Battles,9223372036854775808,1700000000\n"
                    "UKR2,2024-03-02,Battles,1000001,\n"
                    "UKR3,2024-03-02,Battles,1000000,99999999999999999999\n"
                    "UKR4,2024-03-03,Battles,1000000,1700000000\n", encoding="utf-8")
    report = import_events(db, path, ImportFormat.ACLED)
    assert (report.records, report.added, report.rejected) == (4, 1, 3)
    assert [(r.line, r.column) for r in report.rejections] == [
        (2, "fatalities"), (3, "fatalities"), (4, "timestamp")]
    assert "1,000,001 is more than 1,000,000" in report.rejections[1].reason
