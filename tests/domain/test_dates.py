"""Typed dates to windows: the precision typed is the precision kept."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tracker.domain.dates import DateParseError, parse_date, parse_instant, parse_window
from tracker.domain.enums import Precision
from tracker.domain.timewindow import ScheduledWindow

KYIV = "Europe/Kyiv"
NEW_YORK = "America/New_York"
WEDNESDAY = date(2026, 2, 4)  # the day "the coming week" was announced


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-02-05 10:00", ScheduledWindow.exact(datetime(2026, 2, 5, 10), None, KYIV)),
        ("2026-02-05T10:00", ScheduledWindow.exact(datetime(2026, 2, 5, 10), None, KYIV)),
        ("5 Feb 2026 10:00", ScheduledWindow.exact(datetime(2026, 2, 5, 10), None, KYIV)),
        ("10am 5 Feb 2026", ScheduledWindow.exact(datetime(2026, 2, 5, 10), None, KYIV)),
        ("5 Feb 2026 00:00", ScheduledWindow.exact(datetime(2026, 2, 5, 0), None, KYIV)),
        ("2026-02-05 10:15:30",
         ScheduledWindow.exact(datetime(2026, 2, 5, 10, 15, 30), None, KYIV)),
        ("5 Feb 2026", ScheduledWindow.days(date(2026, 2, 5), KYIV)),
        ("2026-02-05", ScheduledWindow.days(date(2026, 2, 5), KYIV)),
        ("February 5, 2026", ScheduledWindow.days(date(2026, 2, 5), KYIV)),
        ("Feb 2026", ScheduledWindow.month_of(date(2026, 2, 1), KYIV)),
        ("December 2026", ScheduledWindow.month_of(date(2026, 12, 1), KYIV)),
        ("week of 2 Feb 2026", ScheduledWindow.week_of(date(2026, 2, 2), KYIV)),
        ("week of 5 Feb 2026", ScheduledWindow.week_of(date(2026, 2, 2), KYIV)),
        ("Week starting 9 Feb 2026", ScheduledWindow.week_of(date(2026, 2, 9), KYIV)),
        ("the week beginning 2026-02-09", ScheduledWindow.week_of(date(2026, 2, 9), KYIV)),
    ],
)
def test_precision_is_read_from_what_was_typed(text: str, expected: ScheduledWindow) -> None:
    window = parse_window(text, KYIV, today=WEDNESDAY)

    assert window == expected
    assert window.tz == KYIV


def test_exact_time_is_wall_clock_in_the_given_zone() -> None:
    assert parse_window("2026-02-05 10:00", KYIV).start == datetime(2026, 2, 5, 8, tzinfo=UTC)
    assert parse_window("2026-02-05 10:00", NEW_YORK).start == datetime(
        2026, 2, 5, 15, tzinfo=UTC
    )


def test_exact_time_keeps_no_end() -> None:
    window = parse_window("2026-02-05 10:00", KYIV)
    assert window.precision is Precision.EXACT
    assert window.end is None


@pytest.mark.parametrize(
    ("text", "offset_weeks_monday"),
    [
        ("the coming week", date(2026, 2, 9)),
        ("The  Coming   Week", date(2026, 2, 9)),
        ("coming week", date(2026, 2, 9)),
        ("next week", date(2026, 2, 9)),
        ("  NEXT WEEK ", date(2026, 2, 9)),
        ("this week", date(2026, 2, 2)),
        ("the week after next", date(2026, 2, 16)),
    ],
)
def test_relative_weeks_count_from_today(text: str, offset_weeks_monday: date) -> None:
    window = parse_window(text, KYIV, today=WEDNESDAY)

    assert window.precision is Precision.WEEK
    assert window == ScheduledWindow.week_of(offset_weeks_monday, KYIV)


def test_coming_week_said_on_a_sunday_is_the_next_iso_week() -> None:
    sunday = date(2026, 2, 8)
    window = parse_window("the coming week", KYIV, today=sunday)
    assert window.first_day() == date(2026, 2, 9)
    assert window.last_day() == date(2026, 2, 15)


def test_coming_week_said_at_year_end_crosses_into_january() -> None:
    window = parse_window("next week", NEW_YORK, today=date(2026, 12, 30))
    assert window.first_day() == date(2027, 1, 4)


@pytest.mark.parametrize("text", ["", "   ", "unknown", "UNKNOWN", "TBD", "tba", "?",
                                  "Date unknown", " tbd\n"])
def test_unknown_words_give_an_unknown_window(text: str) -> None:
    window = parse_window(text, KYIV)

    assert window.precision is Precision.UNKNOWN
    assert window.start is None and window.end is None
    assert window.tz == KYIV


def test_slashed_dates_are_month_first_unless_dayfirst() -> None:
    assert parse_date("03/02/2026") == date(2026, 3, 2)
    assert parse_date("03/02/2026", dayfirst=True) == date(2026, 2, 3)
    assert parse_window("03/02/2026", KYIV) == ScheduledWindow.days(date(2026, 3, 2), KYIV)
    assert parse_window("03/02/2026", KYIV, dayfirst=True) == ScheduledWindow.days(
        date(2026, 2, 3), KYIV
    )
    assert parse_window("week of 03/02/2026", KYIV, dayfirst=True) == (
        ScheduledWindow.week_of(date(2026, 2, 3), KYIV)
    )


def test_explicit_offset_overrides_the_zone() -> None:
    window = parse_window("2026-02-05T10:00+02:00", NEW_YORK)

    assert window.precision is Precision.EXACT
    assert window.start == datetime(2026, 2, 5, 8, tzinfo=UTC)
    assert window.tz == NEW_YORK  # still announced for a New York venue
    assert parse_window("2026-02-05 10:00Z", KYIV).start == datetime(2026, 2, 5, 10, tzinfo=UTC)
    assert parse_window("2026-02-05 10:00 UTC", KYIV).start == datetime(
        2026, 2, 5, 10, tzinfo=UTC
    )


@pytest.mark.parametrize(
    "text",
    [
        "not a date",
        "soon",
        "32 Jan 2026",
        "2026-02-30",
        "2026",  # a year alone has no month
        "5 Feb",  # no year
        "Feb",
        "10:00",
        "week of Feb 2026",  # a week needs a day to start from
        "week of unknown",
        "week of ",
        "25:00 5 Feb 2026",
    ],
)
def test_garbage_raises_date_parse_error(text: str) -> None:
    with pytest.raises(DateParseError):
        parse_window(text, KYIV, today=WEDNESDAY)


def test_parse_error_message_quotes_the_text() -> None:
    with pytest.raises(DateParseError, match="'not a date'"):
        parse_window("not a date", KYIV)
    with pytest.raises(DateParseError, match="'2026'"):
        parse_window("2026", KYIV)


def test_a_time_in_the_spring_gap_is_a_parse_error() -> None:
    with pytest.raises(DateParseError, match="does not exist"):
        parse_window("2026-03-29 03:30", KYIV)
    with pytest.raises(DateParseError):
        parse_instant("2026-03-08 02:30", NEW_YORK)


def test_a_time_in_the_autumn_repeat_takes_the_first_occurrence() -> None:
    window = parse_window("2026-10-25 03:30", KYIV)
    assert window.start == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    "text",
    ["9999-12-31", "Dec 9999", "week of 31 Dec 9999", "0001-01-01 00:30", "0001-01-01"],
)
def test_dates_at_the_edge_of_the_calendar_are_parse_errors(text: str) -> None:
    # Kyiv is ahead of UTC, so 00:30 on 1 Jan 0001 is before the first representable
    # instant, and the day after 31 Dec 9999 does not exist.
    with pytest.raises(DateParseError):
        parse_window(text, KYIV)


def test_parse_date_wants_a_single_day() -> None:
    assert parse_date("5 Feb 2026") == date(2026, 2, 5)
    assert parse_date("2026-02-05 23:30") == date(2026, 2, 5)
    for text in ("Feb 2026", "2026", "nonsense", ""):
        with pytest.raises(DateParseError):
            parse_date(text)


def test_parse_instant_returns_utc() -> None:
    instant = parse_instant("2026-07-05 10:00", KYIV)
    assert instant == datetime(2026, 7, 5, 7, tzinfo=UTC)
    assert instant.utcoffset() == timedelta(0)
    # A day is read as its first instant.
    assert parse_instant("5 Feb 2026", KYIV) == datetime(2026, 2, 4, 22, tzinfo=UTC)


@pytest.mark.parametrize("text", ["unknown", "", "TBD"])
def test_parse_instant_refuses_no_date(text: str) -> None:
    with pytest.raises(DateParseError):
        parse_instant(text, KYIV)


# -- properties ------------------------------------------------------------------------------

_TOKENS = [
    "2026", "9999", "0001", "1", "5", "12", "29", "31", "60", "0", "-", "/", ":", ".", ",",
    "Feb", "February", "Dec", "Mon", "Sunday", "of", "week", "the", "coming", "next", "at",
    "am", "pm", "10:00", "03:30", "24:00", "T", "Z", "+02:00", "-0500", "UTC", "GMT",
    "2026-03-29", "2026-10-25", "1e9", "99999999999999999999", "\u0665", "\x00",
]

date_like = st.lists(st.sampled_from(_TOKENS), max_size=8).map(" ".join)
zones = st.sampled_from([KYIV, NEW_YORK, "UTC", "Asia/Tehran", "Pacific/Apia"])


def _parses_or_refuses(text: str, tz: str, dayfirst: bool) -> None:
    try:
        window = parse_window(text, tz, dayfirst=dayfirst, today=WEDNESDAY)
    except DateParseError:
        return
    assert isinstance(window, ScheduledWindow)
    assert window.tz == tz
    if window.start is not None:
        assert window.start.utcoffset() == timedelta(0)


@pytest.mark.filterwarnings("ignore::dateutil.parser.UnknownTimezoneWarning")
@given(text=st.text(), tz=zones, dayfirst=st.booleans())
@example(text="9999-12-31", tz=KYIV, dayfirst=False)
@example(text="0001-01-01 00:30", tz=KYIV, dayfirst=False)
@example(text="Dec 9999", tz=KYIV, dayfirst=False)
def test_any_text_is_a_window_or_a_date_parse_error(text: str, tz: str, dayfirst: bool) -> None:
    _parses_or_refuses(text, tz, dayfirst)


@pytest.mark.filterwarnings("ignore::dateutil.parser.UnknownTimezoneWarning")
@given(text=date_like, tz=zones, dayfirst=st.booleans())
@example(text="2026-03-29 2026-03-29", tz=KYIV, dayfirst=False)  # offset of -29 h
def test_date_like_text_is_a_window_or_a_date_parse_error(
    text: str, tz: str, dayfirst: bool
) -> None:
    _parses_or_refuses(text, tz, dayfirst)
