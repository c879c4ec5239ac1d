"""ScheduledWindow: local days, weeks and months as UTC instants, across clock changes."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tracker.domain.enums import Precision
from tracker.domain.timewindow import (
    ScheduledWindow,
    WindowError,
    describe_day,
    is_ambiguous,
    is_known_zone,
    localize,
    reported_days,
    zone,
)

KYIV = "Europe/Kyiv"
NEW_YORK = "America/New_York"
CLOCK_TIME = re.compile(r"\d{1,2}:\d{2}")


def hours(window: ScheduledWindow) -> float:
    assert window.start is not None and window.end is not None
    return (window.end - window.start) / timedelta(hours=1)


def local(instant: datetime | None, tz: str) -> datetime:
    assert instant is not None
    return instant.astimezone(ZoneInfo(tz))


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


# -- days ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tz", "day", "length"),
    [
        (KYIV, date(2026, 3, 29), 23),  # spring forward 03:00 -> 04:00
        (KYIV, date(2026, 10, 25), 25),  # fall back 04:00 -> 03:00
        (KYIV, date(2026, 3, 28), 24),
        (KYIV, date(2026, 3, 30), 24),
        (NEW_YORK, date(2026, 3, 8), 23),
        (NEW_YORK, date(2026, 11, 1), 25),
        (NEW_YORK, date(2026, 7, 4), 24),
    ],
)
def test_day_length_follows_the_local_clock(tz: str, day: date, length: int) -> None:
    window = ScheduledWindow.days(day, tz)

    assert window.precision is Precision.DAY
    assert hours(window) == length
    assert local(window.start, tz) == datetime.combine(day, time(), ZoneInfo(tz))
    assert local(window.end, tz).replace(tzinfo=None) == datetime.combine(
        day + timedelta(days=1), time()
    )


def test_day_boundaries_are_local_midnights_in_utc() -> None:
    window = ScheduledWindow.days(date(2026, 3, 29), KYIV)

    # 00:00 EET (+02) and 00:00 EEST (+03) on the next day.
    assert window.start == utc(2026, 3, 28, 22, 0)
    assert window.end == utc(2026, 3, 29, 21, 0)


def test_several_days_span_the_dst_change() -> None:
    window = ScheduledWindow.days(date(2026, 3, 28), KYIV, date(2026, 3, 30))

    assert hours(window) == 24 + 23 + 24
    assert window.first_day() == date(2026, 3, 28)
    assert window.last_day() == date(2026, 3, 30)


def test_days_refuses_last_before_first() -> None:
    with pytest.raises(WindowError):
        ScheduledWindow.days(date(2026, 3, 5), KYIV, date(2026, 3, 4))


def test_day_starting_at_a_skipped_midnight_starts_at_the_change() -> None:
    # Tehran moved its clocks at 24:00 until 2022: 22 March 2022 began at 01:00.
    window = ScheduledWindow.days(date(2022, 3, 22), "Asia/Tehran")

    assert local(window.start, "Asia/Tehran").replace(tzinfo=None) == datetime(2022, 3, 22, 1)
    assert hours(window) == 23


def test_day_before_a_skipped_calendar_day_ends_when_the_next_existing_day_begins() -> None:
    # Samoa skipped 30 December 2011 entirely: 29 Dec 23:59:59 (-10) was followed by
    # 31 Dec 00:00 (+14). The 29th is an ordinary 24-hour day.
    window = ScheduledWindow.days(date(2011, 12, 29), "Pacific/Apia")

    assert hours(window) == 24
    assert local(window.end, "Pacific/Apia").replace(tzinfo=None) == datetime(2011, 12, 31)


def test_a_calendar_day_that_never_happened_is_refused() -> None:
    with pytest.raises(WindowError):
        ScheduledWindow.days(date(2011, 12, 30), "Pacific/Apia")


# -- weeks and months ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "monday", "length"),
    [
        (date(2026, 3, 25), date(2026, 3, 23), 167),  # contains the spring change
        (date(2026, 10, 21), date(2026, 10, 19), 169),  # contains the autumn change
        (date(2026, 2, 4), date(2026, 2, 2), 168),
        (date(2026, 2, 2), date(2026, 2, 2), 168),  # a Monday is its own week's start
        (date(2026, 2, 8), date(2026, 2, 2), 168),  # a Sunday belongs to the week before
        (date(2026, 3, 29), date(2026, 3, 23), 167),  # the short day itself
    ],
)
def test_week_runs_from_local_monday_to_next_monday(
    day: date, monday: date, length: int
) -> None:
    window = ScheduledWindow.week_of(day, KYIV)

    assert window.precision is Precision.WEEK
    start, end = local(window.start, KYIV), local(window.end, KYIV)
    assert start.replace(tzinfo=None) == datetime.combine(monday, time())
    assert end.replace(tzinfo=None) == datetime.combine(monday + timedelta(days=7), time())
    assert start.weekday() == 0 and end.weekday() == 0
    assert hours(window) == length
    assert window.first_day() == monday
    assert window.last_day() == monday + timedelta(days=6)


def test_week_in_new_york_across_the_november_change() -> None:
    window = ScheduledWindow.week_of(date(2026, 11, 4), NEW_YORK)

    assert window.first_day() == date(2026, 11, 2)
    assert hours(window) == 168  # 1 Nov (the 25-hour day) is in the week before

    window = ScheduledWindow.week_of(date(2026, 11, 1), NEW_YORK)
    assert window.first_day() == date(2026, 10, 26)
    assert hours(window) == 169


@pytest.mark.parametrize(
    ("day", "first", "following", "days_long"),
    [
        (date(2026, 2, 17), date(2026, 2, 1), date(2026, 3, 1), 28),
        (date(2024, 2, 29), date(2024, 2, 1), date(2024, 3, 1), 29),
        (date(2026, 12, 31), date(2026, 12, 1), date(2027, 1, 1), 31),
        (date(2026, 12, 1), date(2026, 12, 1), date(2027, 1, 1), 31),
        (date(2026, 1, 31), date(2026, 1, 1), date(2026, 2, 1), 31),
    ],
)
def test_month_covers_the_calendar_month(
    day: date, first: date, following: date, days_long: int
) -> None:
    window = ScheduledWindow.month_of(day, KYIV)

    assert window.precision is Precision.MONTH
    assert local(window.start, KYIV).replace(tzinfo=None) == datetime.combine(first, time())
    assert local(window.end, KYIV).replace(tzinfo=None) == datetime.combine(following, time())
    assert hours(window) == days_long * 24  # no clock change in these months
    assert window.last_day() == following - timedelta(days=1)


def test_month_with_a_clock_change_is_an_hour_short() -> None:
    assert hours(ScheduledWindow.month_of(date(2026, 3, 10), KYIV)) == 31 * 24 - 1
    assert hours(ScheduledWindow.month_of(date(2026, 10, 10), KYIV)) == 31 * 24 + 1


# -- exact times and the wall clock ---------------------------------------------------------


def test_exact_converts_wall_time_to_utc() -> None:
    window = ScheduledWindow.exact(datetime(2026, 2, 5, 10), datetime(2026, 2, 5, 12), KYIV)

    assert window.precision is Precision.EXACT
    assert window.start == utc(2026, 2, 5, 8)
    assert window.end == utc(2026, 2, 5, 10)
    assert window.start.tzinfo is UTC


def test_exact_accepts_aware_datetimes_as_instants() -> None:
    start = datetime(2026, 2, 5, 10, tzinfo=ZoneInfo(NEW_YORK))

    window = ScheduledWindow.exact(start, None, KYIV)

    assert window.start == utc(2026, 2, 5, 15)
    assert window.tz == KYIV


@pytest.mark.parametrize("fold", [0, 1])
def test_exact_refuses_a_wall_time_in_the_spring_gap(fold: int) -> None:
    # 2026-03-29 03:00 -> 04:00 in Kyiv: 03:30 never shows on a clock there.
    with pytest.raises(WindowError, match="does not exist"):
        ScheduledWindow.exact(datetime(2026, 3, 29, 3, 30), None, KYIV, fold=fold)


def test_exact_refuses_an_end_in_the_spring_gap() -> None:
    with pytest.raises(WindowError):
        ScheduledWindow.exact(datetime(2026, 3, 29, 1), datetime(2026, 3, 29, 3, 15), KYIV)


def test_spring_gap_in_new_york_is_refused_but_the_minute_before_is_not() -> None:
    with pytest.raises(WindowError):
        localize(datetime(2026, 3, 8, 2, 30), NEW_YORK)
    assert localize(datetime(2026, 3, 8, 1, 59), NEW_YORK) == utc(2026, 3, 8, 6, 59)
    assert localize(datetime(2026, 3, 8, 3, 0), NEW_YORK) == utc(2026, 3, 8, 7, 0)


def test_repeated_autumn_hour_gives_two_instants_an_hour_apart() -> None:
    wall = datetime(2026, 10, 25, 3, 30)  # 04:00 EEST -> 03:00 EET: 03:xx happens twice

    first = ScheduledWindow.exact(wall, None, KYIV, fold=0)
    second = ScheduledWindow.exact(wall, None, KYIV, fold=1)

    assert first.start == utc(2026, 10, 25, 0, 30)
    assert second.start == utc(2026, 10, 25, 1, 30)
    assert local(first.start, KYIV).replace(tzinfo=None) == wall
    assert local(second.start, KYIV).replace(tzinfo=None) == wall


def test_is_ambiguous_only_for_the_repeated_hour() -> None:
    assert is_ambiguous(datetime(2026, 10, 25, 3, 30), KYIV)
    assert is_ambiguous(datetime(2026, 11, 1, 1, 30), NEW_YORK)
    assert not is_ambiguous(datetime(2026, 10, 25, 4, 30), KYIV)
    assert not is_ambiguous(datetime(2026, 2, 5, 10, 0), KYIV)
    # A skipped time does not happen twice; it does not happen at all.
    assert not is_ambiguous(datetime(2026, 3, 29, 3, 30), KYIV)
    assert not is_ambiguous(datetime(2026, 3, 8, 2, 30), NEW_YORK)


# -- invariants of the constructor ----------------------------------------------------------


def test_unknown_window_has_no_instants() -> None:
    window = ScheduledWindow.unknown(KYIV)

    assert window.precision is Precision.UNKNOWN
    assert window.start is None and window.end is None
    assert window.tz == KYIV
    assert window.first_day() is None and window.last_day() is None
    assert window.local_start() is None and window.local_end() is None
    assert window.describe() == "date unknown"


@pytest.mark.parametrize(
    ("start", "end"),
    [(utc(2026, 2, 5), None), (None, utc(2026, 2, 5)), (utc(2026, 2, 5), utc(2026, 2, 6))],
)
def test_unknown_window_refuses_instants(start: datetime | None, end: datetime | None) -> None:
    with pytest.raises(WindowError):
        ScheduledWindow(Precision.UNKNOWN, "UTC", start, end)


@pytest.mark.parametrize("precision", [p for p in Precision if p is not Precision.UNKNOWN])
def test_known_precision_needs_a_start(precision: Precision) -> None:
    with pytest.raises(WindowError, match="needs a start"):
        ScheduledWindow(precision, "UTC", None, utc(2026, 2, 5))


@pytest.mark.parametrize("delta", [timedelta(0), timedelta(hours=-1)])
def test_end_not_after_start_is_refused(delta: timedelta) -> None:
    start = utc(2026, 2, 5, 10)
    with pytest.raises(WindowError, match="after the start"):
        ScheduledWindow(Precision.EXACT, "UTC", start, start + delta)
    with pytest.raises(WindowError, match="after the start"):
        ScheduledWindow.exact(
            datetime(2026, 2, 5, 10), datetime(2026, 2, 5, 10) + delta, KYIV
        )


def test_end_one_microsecond_after_start_is_accepted() -> None:
    start = utc(2026, 2, 5, 10)
    window = ScheduledWindow(Precision.EXACT, "UTC", start, start + timedelta(microseconds=1))
    assert window.end == start + timedelta(microseconds=1)


@pytest.mark.parametrize(
    "name",
    ["Mars/Olympus_Mons", "", " Europe/Kyiv", "Europe/Kyiv ", "\tUTC\n", "europe/kyiv ",
     "../etc/passwd", "/etc/localtime", "America"],
)
def test_unknown_zone_is_refused(name: str) -> None:
    with pytest.raises(WindowError, match="Unknown time zone"):
        zone(name)
    with pytest.raises(WindowError):
        ScheduledWindow.unknown(name)
    with pytest.raises(WindowError):
        ScheduledWindow.days(date(2026, 2, 5), name)
    assert not is_known_zone(name)


def test_known_zones_are_accepted() -> None:
    for name in (KYIV, NEW_YORK, "UTC", "Asia/Tehran"):
        assert is_known_zone(name)
        assert zone(name).key == name


@pytest.mark.parametrize(
    "instant",
    [
        datetime(2026, 2, 5, 10),  # naive
        datetime(2026, 2, 5, 10, tzinfo=ZoneInfo(KYIV)),
        datetime(2026, 7, 5, 10, tzinfo=ZoneInfo("Europe/London")),  # +01:00 in summer
    ],
)
def test_constructor_refuses_instants_not_in_utc(instant: datetime) -> None:
    with pytest.raises(WindowError, match="UTC"):
        ScheduledWindow(Precision.EXACT, KYIV, instant)
    with pytest.raises(WindowError, match="UTC"):
        ScheduledWindow(Precision.EXACT, KYIV, utc(2026, 1, 1), instant)


# -- describe, days and ordering ---------------------------------------------------------------


def test_describe_never_shows_a_clock_time_for_coarse_precisions() -> None:
    for window in (
        ScheduledWindow.days(date(2026, 2, 5), KYIV),
        ScheduledWindow.days(date(2026, 2, 5), KYIV, date(2026, 2, 7)),
        ScheduledWindow.week_of(date(2026, 2, 4), KYIV),
        ScheduledWindow.month_of(date(2026, 2, 4), KYIV),
    ):
        for shown in (None, KYIV, "UTC", NEW_YORK, "Asia/Tokyo"):
            text = window.describe(shown)
            assert not CLOCK_TIME.search(text), text
            assert "EET" not in text and "UTC" not in text


def test_describe_coarse_windows_in_their_own_days() -> None:
    assert ScheduledWindow.days(date(2026, 2, 5), KYIV).describe() == "5 Feb 2026"
    assert (
        ScheduledWindow.days(date(2026, 2, 5), KYIV, date(2026, 2, 7)).describe()
        == "5 Feb 2026 – 7 Feb 2026"
    )
    assert (
        ScheduledWindow.week_of(date(2026, 2, 4), KYIV).describe()
        == "week of 2 Feb 2026 (to 8 Feb 2026)"
    )
    assert ScheduledWindow.month_of(date(2026, 12, 9), KYIV).describe() == (
        "December 2026 (month)"
    )
    # A Kyiv day seen from New York is still the Kyiv day (it starts at 17:00 the day
    # before there); showing "4 Feb" would move the announced date.
    assert ScheduledWindow.days(date(2026, 2, 5), KYIV).describe(NEW_YORK) == "5 Feb 2026"


def test_describe_exact_shows_time_and_zone_abbreviation() -> None:
    winter = ScheduledWindow.exact(datetime(2026, 2, 5, 10), datetime(2026, 2, 5, 12, 30), KYIV)
    summer = ScheduledWindow.exact(datetime(2026, 7, 5, 10), None, KYIV)

    assert winter.describe() == "5 Feb 2026 10:00–12:30 EET"
    assert summer.describe() == "5 Jul 2026 10:00 EEST"


def test_describe_exact_in_another_zone_converts() -> None:
    window = ScheduledWindow.exact(datetime(2026, 2, 5, 10), datetime(2026, 2, 5, 12), KYIV)

    assert window.describe("UTC") == "5 Feb 2026 08:00–10:00 UTC"
    assert window.describe(NEW_YORK) == "5 Feb 2026 03:00–05:00 EST"
    # Converted across midnight, the end gets its own date.
    late = ScheduledWindow.exact(datetime(2026, 2, 5, 22), datetime(2026, 2, 6, 2), NEW_YORK)
    assert late.describe(KYIV) == "6 Feb 2026 05:00–09:00 EET"
    assert late.describe() == "5 Feb 2026 22:00 – 6 Feb 2026 02:00 EST"


@pytest.mark.parametrize(("start", "end", "tz", "text"), [
    # Spring forward: clocks jump from 02:00 EST to 03:00 EDT in New York...
    (datetime(2026, 3, 8, 1, 30), datetime(2026, 3, 8, 4, 30), NEW_YORK,
     "8 Mar 2026 01:30 EST – 04:30 EDT"),
    # ...and from 03:00 EET to 04:00 EEST in Kyiv.
    (datetime(2026, 3, 29, 1, 30), datetime(2026, 3, 29, 5), KYIV,
     "29 Mar 2026 01:30 EET – 05:00 EEST"),
    (datetime(2026, 3, 28, 22), datetime(2026, 3, 29, 5), KYIV,
     "28 Mar 2026 22:00 EET – 29 Mar 2026 05:00 EEST"),
    # Fall back: 01:30 happens twice; the window ends at the second one.
    (datetime(2026, 11, 1, 0, 30, tzinfo=ZoneInfo(NEW_YORK)),
     datetime(2026, 11, 1, 1, 30, fold=1, tzinfo=ZoneInfo(NEW_YORK)), NEW_YORK,
     "1 Nov 2026 00:30 EDT – 01:30 EST"),
    (datetime(2026, 10, 25, 2), datetime(2026, 10, 25, 6), KYIV,
     "25 Oct 2026 02:00 EEST – 06:00 EET"),
    # On either side of the change the one label still ends the text.
    (datetime(2026, 3, 8, 4), datetime(2026, 3, 8, 6), NEW_YORK, "8 Mar 2026 04:00–06:00 EDT"),
])
def test_describe_ends_an_exact_window_in_its_own_offset(
        start: datetime, end: datetime, tz: str, text: str) -> None:
    assert ScheduledWindow.exact(start, end, tz).describe() == text


def test_describe_in_another_zone_labels_each_end_there() -> None:
    # Kyiv has no change on 8 Mar; New York does, so shown there the ends differ.
    window = ScheduledWindow.exact(datetime(2026, 3, 8, 8, 30), datetime(2026, 3, 8, 11, 30), KYIV)
    assert window.describe() == "8 Mar 2026 08:30–11:30 EET"
    assert window.describe(NEW_YORK) == "8 Mar 2026 01:30 EST – 05:30 EDT"  # 3 hours


def test_first_and_last_day_treat_the_end_as_exclusive() -> None:
    until_midnight = ScheduledWindow.exact(
        datetime(2026, 2, 5, 22), datetime(2026, 2, 6, 0), KYIV
    )
    past_midnight = ScheduledWindow.exact(
        datetime(2026, 2, 5, 22), datetime(2026, 2, 6, 0, 1), KYIV
    )
    open_ended = ScheduledWindow.exact(datetime(2026, 2, 5, 22), None, KYIV)

    assert until_midnight.first_day() == until_midnight.last_day() == date(2026, 2, 5)
    assert past_midnight.last_day() == date(2026, 2, 6)
    assert open_ended.first_day() == open_ended.last_day() == date(2026, 2, 5)


def test_first_day_is_in_the_windows_own_zone() -> None:
    # 01:00 in Kyiv on the 5th is still the 4th in UTC.
    window = ScheduledWindow.exact(datetime(2026, 2, 5, 1), None, KYIV)
    assert window.start is not None and window.start.date() == date(2026, 2, 4)
    assert window.first_day() == date(2026, 2, 5)


def test_local_start_and_end_in_named_zone() -> None:
    window = ScheduledWindow.days(date(2026, 2, 5), KYIV)
    assert window.local_start(NEW_YORK) == datetime(2026, 2, 4, 17, tzinfo=ZoneInfo(NEW_YORK))
    assert window.local_end() == datetime(2026, 2, 6, tzinfo=ZoneInfo(KYIV))


def test_sort_key_puts_unknown_last() -> None:
    unknown = ScheduledWindow.unknown(KYIV)
    month = ScheduledWindow.month_of(date(2026, 3, 1), KYIV)
    day = ScheduledWindow.days(date(2026, 2, 5), KYIV)
    early = ScheduledWindow.exact(datetime(2026, 1, 1, 9), None, NEW_YORK)

    ordered = sorted([unknown, month, day, early], key=ScheduledWindow.sort_key)

    assert ordered == [early, day, month, unknown]
    assert unknown.sort_key().tzinfo is not None  # comparable with aware instants


# -- properties over many dates and zones ------------------------------------------------------

PROPERTY_ZONES = [
    KYIV, NEW_YORK, "Asia/Tehran", "Australia/Lord_Howe", "Pacific/Apia",
]


def _day_was_skipped(day: date, tz: str) -> bool:
    """True when no instant at all had *day* as its local date (Samoa, 30 Dec 2011)."""
    midnight = datetime.combine(day, time(), ZoneInfo(tz)).astimezone(UTC)
    return midnight.astimezone(ZoneInfo(tz)).date() > day


@given(
    day=st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31)),
    tz=st.sampled_from(PROPERTY_ZONES),
)
@example(day=date(2026, 3, 29), tz=KYIV)
@example(day=date(2026, 10, 4), tz="Australia/Lord_Howe")  # 02:00 -> 02:30
@example(day=date(2026, 4, 5), tz="Australia/Lord_Howe")  # 02:00 -> 01:30
@example(day=date(2021, 3, 22), tz="Asia/Tehran")  # midnight skipped
@example(day=date(2010, 9, 26), tz="Pacific/Apia")  # midnight skipped
@example(day=date(2011, 12, 29), tz="Pacific/Apia")  # the day before a skipped day
@example(day=date(2011, 12, 30), tz="Pacific/Apia")  # the skipped day
def test_days_and_weeks_hold_for_any_date_and_zone(day: date, tz: str) -> None:
    tzinfo = ZoneInfo(tz)
    if _day_was_skipped(day, tz):
        with pytest.raises(WindowError):
            ScheduledWindow.days(day, tz)
    else:
        window = ScheduledWindow.days(day, tz)
        assert window.start is not None and window.end is not None
        start = window.start.astimezone(tzinfo)
        assert start.date() == day
        if start.time() != time():
            # Midnight did not exist: the day begins at the clock change, and the instant
            # just before it was still on the previous day.
            before = (window.start - timedelta(seconds=1)).astimezone(tzinfo)
            assert before.date() < day
        assert timedelta(hours=22) <= window.end - window.start <= timedelta(hours=26)
        assert (window.end - timedelta(microseconds=1)).astimezone(tzinfo).date() == day
        assert window.end.astimezone(tzinfo).date() > day

    week = ScheduledWindow.week_of(day, tz)
    assert week.start is not None and week.end is not None
    noon = datetime.combine(day, time(12), tzinfo).astimezone(UTC)
    assert week.start <= noon < week.end
    first, last = week.first_day(), week.last_day()
    assert first is not None and last is not None
    assert first <= day <= last
    assert week.start.astimezone(tzinfo).weekday() == 0
    # Seven local days, give or take a clock change; six when a day was skipped.
    assert timedelta(days=6) <= week.end - week.start <= timedelta(days=7, hours=1)


@pytest.mark.parametrize(("precision", "text"), [
    (Precision.EXACT, "26 Jan 2026"), (Precision.DAY, "26 Jan 2026"),
    (Precision.WEEK, "week of 26 Jan 2026"), (Precision.MONTH, "January 2026 (month)"),
    (Precision.UNKNOWN, "26 Jan 2026 (date uncertain)"),
])
def test_describe_day_keeps_the_reported_precision(precision: Precision, text: str) -> None:
    assert describe_day(date(2026, 1, 26), precision) == text


@pytest.mark.parametrize(("day", "precision", "last", "expected"), [
    # A week-precision date is the first day of its week ("week of 9 Feb").
    (date(2026, 2, 9), Precision.WEEK, None, (date(2026, 2, 9), date(2026, 2, 15))),
    # A month-precision date stands for its calendar month, whichever day was recorded.
    (date(2026, 2, 15), Precision.MONTH, None, (date(2026, 2, 1), date(2026, 2, 28))),
    (date(2024, 2, 1), Precision.MONTH, None, (date(2024, 2, 1), date(2024, 2, 29))),
    (date(2025, 12, 31), Precision.MONTH, None, (date(2025, 12, 1), date(2025, 12, 31))),
    # A span the dataset gave (UCDP's date_start..date_end) wins over the precision.
    (date(2022, 9, 1), Precision.WEEK, date(2022, 9, 30), (date(2022, 9, 1), date(2022, 9, 30))),
    (date(2022, 9, 1), Precision.UNKNOWN, date(2022, 12, 31),
     (date(2022, 9, 1), date(2022, 12, 31))),
    # An end on the same day (or, wrongly, before it) is no span.
    (date(2022, 9, 1), Precision.DAY, date(2022, 9, 1), (date(2022, 9, 1), date(2022, 9, 1))),
    (date(2022, 9, 1), Precision.DAY, date(2022, 8, 1), (date(2022, 9, 1), date(2022, 9, 1))),
    (date(2022, 9, 1), Precision.EXACT, None, (date(2022, 9, 1), date(2022, 9, 1))),
])
def test_reported_days_are_the_days_a_reported_date_may_stand_for(
        day: date, precision: Precision, last: date | None,
        expected: tuple[date, date]) -> None:
    assert reported_days(day, precision, last) == expected


def test_acled_week_dates_are_the_middle_of_their_week() -> None:
    # ACLED records a week-precision date at the week's midpoint: three days either side.
    assert reported_days(date(2026, 2, 11), Precision.WEEK, midweek=True) == (
        date(2026, 2, 8), date(2026, 2, 14))
    # Other precisions read the same either way.
    assert reported_days(date(2026, 2, 11), Precision.MONTH, midweek=True) == (
        date(2026, 2, 1), date(2026, 2, 28))
    assert reported_days(date(2026, 2, 11), Precision.DAY, midweek=True) == (
        date(2026, 2, 11), date(2026, 2, 11))
