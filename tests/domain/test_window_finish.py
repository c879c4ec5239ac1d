"""widen_window and window_with_end: a typed window taken wider, and given a separate end,
as the Reschedule dialog's date field and `tracker round reschedule` both finish it."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tracker.domain.dates import DateParseError, parse_window, widen_window, window_with_end
from tracker.domain.enums import Precision
from tracker.domain.timewindow import ScheduledWindow, WindowError

KYIV = "Europe/Kyiv"


@pytest.mark.parametrize(("typed", "precision", "expected"), [
    ("5 Feb 2026 10:00", None, ScheduledWindow.exact(datetime(2026, 2, 5, 10), None, KYIV)),
    ("5 Feb 2026 10:00", Precision.DAY, ScheduledWindow.days(date(2026, 2, 5), KYIV)),
    ("5 Feb 2026", Precision.WEEK, ScheduledWindow.week_of(date(2026, 2, 2), KYIV)),
    ("week of 2 Feb 2026", Precision.MONTH, ScheduledWindow.month_of(date(2026, 2, 1), KYIV)),
])
def test_a_typed_window_is_widened_in_its_own_zone(
        typed: str, precision: Precision | None, expected: ScheduledWindow) -> None:
    assert widen_window(parse_window(typed, KYIV), precision) == expected


@pytest.mark.parametrize(("typed", "precision", "message"), [
    ("5 Feb 2026", Precision.EXACT, "An exact window needs a time, e.g. 5 Feb 2026 10:00"),
    ("Feb 2026", Precision.DAY, "“February 2026 (month)” is wider than a day; type a date "
                                "inside it"),
])
def test_a_window_is_never_narrowed(typed: str, precision: Precision, message: str) -> None:
    with pytest.raises(DateParseError) as refused:
        widen_window(parse_window(typed, KYIV), precision)
    assert str(refused.value) == message


def test_an_exact_window_ends_at_a_time_on_its_own_day() -> None:
    start = parse_window("5 Feb 2026 10:00", KYIV)
    assert window_with_end(start, " 18:00 ") == ScheduledWindow.exact(
        datetime(2026, 2, 5, 10), datetime(2026, 2, 5, 18), KYIV)
    assert window_with_end(start, "") == start


def test_days_end_on_a_last_day_read_day_first_if_asked() -> None:
    start = parse_window("5 Feb 2026", KYIV)
    assert window_with_end(start, "07/02/2026", dayfirst=True) == ScheduledWindow.days(
        date(2026, 2, 5), KYIV, date(2026, 2, 7))


@pytest.mark.parametrize(("typed", "end", "error", "message"), [
    ("week of 2 Feb 2026", "8 Feb 2026", DateParseError,
     "Only an exact time or a day can have a separate end"),
    ("5 Feb 2026 10:00", "6 Feb 2026", DateParseError,
     "The end of an exact window needs a time, e.g. 18:00"),
    ("5 Feb 2026", "Mar 2026", DateParseError, "The last day needs a date, e.g. 7 Feb 2026"),
    ("5 Feb 2026 10:00", "09:00", WindowError, "The end must be after the start"),
])
def test_an_end_that_cannot_close_the_window_is_refused(
        typed: str, end: str, error: type[Exception], message: str) -> None:
    with pytest.raises(error) as refused:
        window_with_end(parse_window(typed, KYIV), end)
    assert str(refused.value) == message
