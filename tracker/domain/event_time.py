"""When a battlefield event happened, as precisely as its source said: one description for
every export, every view and every total.

A dataset gives a day, a week, a month, or a span (UCDP's date_start..date_end). The span
is not a duration: UCDP reports an event it cannot date more closely as one record over
all the days it may have happened on, sometimes months (Izyum, 24 Feb – 30 Sep 2022).
Such a record must never read as, or be counted on, its first day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from tracker.domain.date_range import in_range
from tracker.domain.enums import Precision
from tracker.domain.wording import day_words, month_year_words, say, short_month_words

# A record over more days than this is counted apart in range totals ("records spanning
# more than 7 days"), not on any one day: a week is the coarsest date a dataset names.
LONG_RECORD_DAYS = 7


class TimeShape(StrEnum):
    """What the source said about the date, in the words the exports' columns use."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    SPAN = "span"
    UNCERTAIN = "uncertain"  # one day given, flagged by the source as uncertain


_SHAPES = {Precision.WEEK: TimeShape.WEEK, Precision.MONTH: TimeShape.MONTH,
           Precision.UNKNOWN: TimeShape.UNCERTAIN}


@dataclass(frozen=True, slots=True)
class EventTime:
    """The first and last day an event's reported date stands for, and its shape."""

    first: date
    last: date
    shape: TimeShape

    @classmethod
    def of(cls, day: date, precision: Precision, last_day: date | None = None, *,
           midweek: bool = False) -> EventTime:
        """The time of an event reported on *day* with *precision*, over *day*..*last_day*
        if the dataset gave a span. With *midweek*, a week-precision date is the middle of
        its week (ACLED: "recorded at the week's midpoint"), else its first day."""
        if not in_range(day) or (last_day is not None and not in_range(last_day)):
            # Stored before the tracker's range: no days around it may exist (9999's
            # week), so it stands for its own day, in the words of its precision.
            return cls(day, day, _SHAPES.get(precision, TimeShape.DAY))
        if last_day is not None and last_day > day:
            return cls._span(day, last_day)
        if precision is Precision.WEEK:
            first = day - timedelta(days=3) if midweek else day
            return cls(first, first + timedelta(days=6), TimeShape.WEEK)
        if precision is Precision.MONTH:
            first = day.replace(day=1)
            return cls(first, _month_end(first), TimeShape.MONTH)
        if precision is Precision.UNKNOWN:
            return cls(day, day, TimeShape.UNCERTAIN)
        return cls(day, day, TimeShape.DAY)

    @classmethod
    def _span(cls, first: date, last: date) -> EventTime:
        # A span that is exactly one calendar month is that month; any other span,
        # even one inside a month or a week, is told as the days it covers.
        if first.day == 1 and last == _month_end(first):
            return cls(first, last, TimeShape.MONTH)
        return cls(first, last, TimeShape.SPAN)

    @property
    def days(self) -> int:
        """How many calendar days the record may stand for."""
        return (self.last - self.first).days + 1

    @property
    def is_long(self) -> bool:
        """Too long to count on any day of a range (see LONG_RECORD_DAYS)."""
        return self.days > LONG_RECORD_DAYS

    def describe(self) -> str:
        """'3 Feb 2026', 'week of 2 Feb 2026', 'February 2026 (month)' or
        '24 Feb – 30 Sep 2022 (reported as one record)'; in the language chosen in
        wording.py ('тиждень від 2 лют. 2026' in Ukrainian)."""
        if self.shape is TimeShape.WEEK:
            return say("week of {day}").format(day=day_text(self.first))
        if self.shape is TimeShape.MONTH:
            return say("{month} (month)").format(month=month_year_words(self.first))
        if self.shape is TimeShape.SPAN:
            return say("{span} (reported as one record)").format(
                span=span_text(self.first, self.last))
        if self.shape is TimeShape.UNCERTAIN:
            return say("{day} (date uncertain)").format(day=day_text(self.first))
        return day_text(self.first)


def day_text(day: date) -> str:
    """'3 Feb 2026' (wording.day_words: in the chosen language)."""
    return day_words(day)


def span_text(first: date, last: date) -> str:
    """'3–5 Mar 2022', '24 Feb – 30 Sep 2022', '28 Dec 2021 – 3 Jan 2022'."""
    if first.year != last.year:
        return f"{day_text(first)} – {day_text(last)}"
    if first.month != last.month:
        return f"{first.day} {short_month_words(first.month)} – {day_text(last)}"
    return f"{first.day}–{day_text(last)}"


def _month_end(first: date) -> date:
    following = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
    return following - timedelta(days=1)
