"""Dates and times as the window shows them: one style everywhere, in the user's locale.

Issue 16 (finding 7) met four styles at once ("2026-01-31 10:00 UTC" in Factors, "31 Jan
2026 10:00 UTC" in the Chronology, "2026-01-26" in the filters, "29 Dec 25" on the chart
axes). Every view now asks this module:

- a day reads in the locale's medium style: "31 Jan 2026" in English (the style the
  chronology's and the events' own words use), "31 січ. 2026 р." in Ukrainian,
  "31. Jan. 2026" in German: the locale's long date without its weekday, months
  abbreviated;
- an instant is that day, the 24-hour time and the zone's abbreviation, in the zone the
  user chose to read times in;
- an axis tick drops the year where its neighbour already shows it;
- a date *edit* (the filters, the export's range) shows ISO "yyyy-MM-dd", which every
  reader types the same way and which sorts as it reads.

The locale is QLocale() (the application's default, which follows the system unless the
window sets one) unless a caller passes another.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from PySide6.QtCore import QDate, QLocale, QTime

from tracker.domain.announcement import Announcement
from tracker.domain.enums import Precision
from tracker.domain.timewindow import zone
from tracker.ui.common.language import translate

ISO_DATE_FORMAT = "yyyy-MM-dd"
TIME_FORMAT = "HH:mm"
# English reads "31 Jan 2026" whatever its country (en_US's long date puts the month
# first, which the chronology's own words never do).
_ENGLISH_DAY = "d MMM yyyy"
_WEEKDAY = re.compile(r"d{4}[,.]?\s*")
_YEAR = re.compile(r"[\s,]*y+(\s*'[^']*'\.?|年)?")


def _locale(locale: QLocale | None) -> QLocale:
    return locale if locale is not None else QLocale()


def day_format(locale: QLocale | None = None) -> str:
    """The Qt date pattern of a day in the medium style of *locale*."""
    chosen = _locale(locale)
    if chosen.language() in (QLocale.Language.English, QLocale.Language.C):
        return _ENGLISH_DAY
    long = chosen.dateFormat(QLocale.FormatType.LongFormat)
    return _WEEKDAY.sub("", long).replace("MMMM", "MMM").strip()


def day_month_format(locale: QLocale | None = None) -> str:
    """The day pattern without its year (an axis tick whose year a neighbour shows)."""
    return _YEAR.sub("", day_format(locale)).strip(" ,")


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def day_text(day: date, locale: QLocale | None = None) -> str:
    """*day* in the medium style: "31 Jan 2026"."""
    return _locale(locale).toString(_qdate(day), day_format(locale))


def day_month_text(day: date, locale: QLocale | None = None) -> str:
    """*day* without its year: "31 Jan"."""
    return _locale(locale).toString(_qdate(day), day_month_format(locale))


def month_text(day: date, locale: QLocale | None = None) -> str:
    """The month of *day* with its year: "Jan 2026" (an axis tick, a month bucket)."""
    chosen = _locale(locale)
    return f"{chosen.standaloneMonthName(day.month, QLocale.FormatType.ShortFormat)} " \
        f"{day.year}"


def short_month_text(day: date, locale: QLocale | None = None) -> str:
    """The month of *day* alone: "Feb" (an axis tick after one that shows the year)."""
    return _locale(locale).standaloneMonthName(day.month, QLocale.FormatType.ShortFormat)


def clock_text(moment: datetime, locale: QLocale | None = None) -> str:
    """The wall-clock time of *moment* (as it is, no zone conversion): "10:00"."""
    return _locale(locale).toString(QTime(moment.hour, moment.minute), TIME_FORMAT)


def instant_text(instant: datetime, tz_name: str, locale: QLocale | None = None) -> str:
    """An aware *instant* in the zone *tz_name*: "31 Jan 2026 10:00 UTC"."""
    local = instant.astimezone(zone(tz_name))
    return f"{day_text(local.date(), locale)} {clock_text(local, locale)} {local.tzname()}"


def utc_text(instant: datetime, locale: QLocale | None = None) -> str:
    """An aware *instant* in UTC: "31 Jan 2026 10:00 UTC"."""
    return instant_text(instant, "UTC", locale)


def announced_text(announced: Announcement, tz_name: str, locale: QLocale | None = None,
                   ) -> str:
    """When a change was announced: its date alone when only the day is known (that date
    in every zone), else the instant in the zone *tz_name*; a change nobody dated says it
    was entered then ("entered … (no announcement date given)")."""
    if announced.entered:
        return translate("DateText", "entered {when} (no announcement date given)").format(
            when=instant_text(announced.at, tz_name, locale))
    if announced.precision is Precision.DAY:
        return day_text(announced.day(tz_name), locale)
    return instant_text(announced.at, tz_name, locale)


# A long day and time, for a time column's typical width (measured in the reader's locale).
_SAMPLE_INSTANT = datetime(2026, 9, 30, 10, 0, tzinfo=UTC)


def sample_instant_text() -> str:
    """A typical instant as a column shows it: "30 Sep 2026 10:00 EEST"."""
    return instant_text(_SAMPLE_INSTANT, "Europe/Kyiv")


def sample_day_text() -> str:
    """A typical day as a column shows it: "30 Sep 2026"."""
    return day_text(_SAMPLE_INSTANT.date())
