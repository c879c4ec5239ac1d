"""The dates the tracker takes, 1 Jan 1900 to 31 Dec 2200 (issue 14, F1-F3): one rule,
refused wherever a date is typed or a window is written, and read safely where a
database written before the rule holds one outside it."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from tests.extreme_dates import add_extreme_dates
from tracker.domain.date_range import (
    EARLIEST,
    EARLIEST_INSTANT,
    LATEST,
    DateRangeError,
    check_day,
    check_instant,
    clamp_instant,
    instant_in_range,
)
from tracker.domain.dates import DateParseError, parse_date, parse_window, window_with_end
from tracker.domain.enums import Precision
from tracker.domain.negotiation import Round
from tracker.domain.timewindow import ScheduledWindow, WindowError, WindowRangeError
from tracker.services.common.sample import load_sample
from tracker.storage.database import Database

KYIV = "Europe/Kyiv"
OUTSIDE = r"is outside the dates the tracker takes \(1 Jan 1900 to 31 Dec 2200\)"


def test_the_range_and_its_checks() -> None:
    assert (date(1900, 1, 1), date(2200, 12, 31)) == (EARLIEST, LATEST)
    assert check_day(EARLIEST, "day") == EARLIEST
    with pytest.raises(DateRangeError, match=rf"^event_date: 1899-12-31 {OUTSIDE}$") as refused:
        check_day(date(1899, 12, 31), "event_date")
    assert refused.value.field == "event_date"
    # An instant counts when some zone reads it as a day in the range.
    assert check_instant(datetime(1899, 12, 31, 12, tzinfo=UTC), "at")
    with pytest.raises(DateRangeError, match=rf"at: 0001-01-01 00:00 UTC {OUTSIDE}"):
        check_instant(datetime(1, 1, 1, tzinfo=UTC), "at")


@pytest.mark.parametrize("make", [
    lambda: ScheduledWindow.days(date(9999, 12, 31), KYIV),
    lambda: ScheduledWindow.days(date(2026, 2, 1), KYIV, date(9998, 1, 1)),
    lambda: ScheduledWindow.week_of(date(1, 1, 1), KYIV),
    lambda: ScheduledWindow.month_of(date(2201, 1, 1), KYIV),
    lambda: ScheduledWindow.exact(datetime(1899, 12, 30, 10), None, KYIV),
    lambda: ScheduledWindow.exact(datetime(2026, 2, 1, 10), datetime(9000, 1, 1), KYIV),
])
def test_no_window_is_made_outside_the_range(make: object) -> None:
    assert callable(make)
    with pytest.raises(WindowRangeError, match=OUTSIDE) as refused:
        make()
    # Both: the dialogs catch WindowError, the entries' checks DateRangeError.
    assert isinstance(refused.value, WindowError)
    assert isinstance(refused.value, DateRangeError)


def test_the_edges_of_the_range_make_windows() -> None:
    assert ScheduledWindow.days(EARLIEST, KYIV).first_day() == EARLIEST
    assert ScheduledWindow.days(LATEST, "America/New_York").last_day() == LATEST
    # A week or month that starts inside may end after the last day.
    assert ScheduledWindow.week_of(LATEST, KYIV).last_day() > LATEST
    assert ScheduledWindow.month_of(LATEST, "Pacific/Kiritimati").first_day() == date(2200, 12, 1)


@pytest.mark.parametrize("text", ["9999-12-31", "31 Dec 9999", "Dec 9998", "week of 1 Jan 2201",
                                  "1899-12-31", "1899-12-31 10:00", "0001-01-01"])
def test_a_typed_window_outside_the_range_is_a_parse_error(text: str) -> None:
    with pytest.raises(DateParseError, match="outside"):
        parse_window(text, KYIV)


def test_a_typed_end_or_day_outside_the_range_is_a_parse_error() -> None:
    with pytest.raises(DateParseError, match=OUTSIDE):
        window_with_end(parse_window("5 Feb 2026", KYIV), "31 Dec 9999")
    with pytest.raises(DateParseError, match=rf"'9999-12-31' {OUTSIDE}"):
        parse_date("9999-12-31")
    assert parse_date("31 Dec 2200") == LATEST


def test_writing_a_window_outside_the_range_is_refused() -> None:
    round_ = Round(title="Far")
    far = ScheduledWindow(Precision.DAY, "UTC", datetime(9000, 1, 1, tzinfo=UTC),
                          datetime(9000, 1, 2, tzinfo=UTC))
    with pytest.raises(WindowRangeError, match=OUTSIDE):
        round_.window = far


def test_a_stored_window_reads_in_utc_when_its_zone_is_unknown() -> None:
    start = datetime(2026, 2, 1, tzinfo=UTC)
    window = ScheduledWindow.stored(Precision.DAY, "Mars/Olympus", start, start)
    assert (window.tz, window.start, window.end) == ("UTC", start, start + timedelta(days=1))
    assert ScheduledWindow.stored(Precision.WEEK, KYIV, None, None) == \
        ScheduledWindow.unknown(KYIV)


def test_an_instant_stored_outside_the_range_reads_a_day_past_its_edge(db: Database) -> None:
    assert clamp_instant(datetime(2026, 2, 1, tzinfo=UTC)) == datetime(2026, 2, 1, tzinfo=UTC)
    with db.transaction() as session:
        load_sample(session)
    add_extreme_dates(db)  # round 2 at 1 Jan 0001, round 1 on 31 Dec 9999 in Kyiv
    with db.reading() as session:
        early = session.get(Round, 2)
        late = session.get(Round, 1)
        assert early is not None and late is not None
        assert early.window_start == EARLIEST_INSTANT - timedelta(days=1)
        assert not instant_in_range(early.window_start)
        # Its own zone reads it without an OverflowError.
        assert late.window.last_day() is not None and late.window.describe()
