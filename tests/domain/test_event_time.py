"""One description of when an event happened, as its source reported it."""

from datetime import date

import pytest

from tracker.domain.enums import Precision
from tracker.domain.event_time import LONG_RECORD_DAYS, EventTime, TimeShape


@pytest.mark.parametrize(("day", "precision", "last", "midweek", "text"), [
    (date(2026, 2, 3), Precision.DAY, None, False, "3 Feb 2026"),
    (date(2026, 2, 2), Precision.WEEK, None, False, "week of 2 Feb 2026"),
    # ACLED records a week at its middle: the week is named by its first day.
    (date(2026, 5, 21), Precision.WEEK, None, True, "week of 18 May 2026"),
    (date(2026, 2, 14), Precision.MONTH, None, False, "February 2026 (month)"),
    (date(2026, 2, 14), Precision.UNKNOWN, None, False, "14 Feb 2026 (date uncertain)"),
    # UCDP's Izyum record: months long, never its first day.
    (date(2022, 2, 24), Precision.UNKNOWN, date(2022, 9, 30), False,
     "24 Feb – 30 Sep 2022 (reported as one record)"),
    # A span across a month boundary is not "July 2014 (month)".
    (date(2014, 7, 22), Precision.MONTH, date(2014, 8, 17), False,
     "22 Jul – 17 Aug 2014 (reported as one record)"),
    (date(2022, 3, 3), Precision.WEEK, date(2022, 3, 5), False,
     "3–5 Mar 2022 (reported as one record)"),
    (date(2021, 12, 28), Precision.WEEK, date(2022, 1, 3), False,
     "28 Dec 2021 – 3 Jan 2022 (reported as one record)"),
    # A span that is exactly a calendar month is that month.
    (date(2022, 2, 1), Precision.MONTH, date(2022, 2, 28), False, "February 2022 (month)"),
])
def test_each_shape_is_told_as_reported(day: date, precision: Precision, last: date | None,
                                        midweek: bool, text: str) -> None:
    assert EventTime.of(day, precision, last, midweek=midweek).describe() == text


def test_days_and_long_records() -> None:
    izyum = EventTime.of(date(2022, 2, 24), Precision.UNKNOWN, date(2022, 9, 30))
    assert (izyum.first, izyum.last, izyum.shape) == (
        date(2022, 2, 24), date(2022, 9, 30), TimeShape.SPAN)
    assert izyum.days == 219 and izyum.is_long
    week = EventTime.of(date(2026, 2, 2), Precision.WEEK)
    assert week.days == LONG_RECORD_DAYS and not week.is_long
    assert EventTime.of(date(2026, 2, 14), Precision.MONTH).is_long
    assert EventTime.of(date(2024, 2, 14), Precision.MONTH).last == date(2024, 2, 29)


def test_a_date_outside_the_range_stands_for_itself_in_its_words() -> None:
    told = EventTime.of(date(9999, 12, 31), Precision.WEEK)
    assert (told.first, told.last) == (date(9999, 12, 31), date(9999, 12, 31))
    assert told.describe() == "week of 31 Dec 9999"
    assert EventTime.of(date(1, 1, 1), Precision.MONTH).describe() == "January 1 (month)"
