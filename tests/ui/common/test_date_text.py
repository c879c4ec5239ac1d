"""date_text: one date style for the whole window, following the locale."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QLocale

from tracker.ui.common import date_text
from tracker.ui.common.date_ticks import date_ticks

DAY = date(2026, 1, 31)
INSTANT = datetime(2026, 1, 31, 10, 0, tzinfo=UTC)


@contextmanager
def default_locale(locale: QLocale) -> Iterator[None]:
    previous = QLocale()
    QLocale.setDefault(locale)
    try:
        yield
    finally:
        QLocale.setDefault(previous)


@pytest.mark.parametrize("name", ["en_GB", "en_US", "C"])
def test_english_reads_day_month_year(name: str) -> None:
    locale = QLocale(name)
    assert date_text.day_text(DAY, locale) == "31 Jan 2026"
    assert date_text.instant_text(INSTANT, "UTC", locale) == "31 Jan 2026 10:00 UTC"
    assert date_text.utc_text(INSTANT, locale) == "31 Jan 2026 10:00 UTC"
    assert date_text.day_month_text(DAY, locale) == "31 Jan"
    assert date_text.month_text(DAY, locale) == "Jan 2026"


def test_an_instant_is_told_in_the_readers_zone() -> None:
    # 23:30 UTC is already the next day in Kyiv, and the zone says so.
    late = datetime(2026, 6, 30, 23, 30, tzinfo=UTC)
    assert date_text.instant_text(late, "Europe/Kyiv", QLocale("en_GB")) == \
        "1 Jul 2026 02:30 EEST"


def test_ukrainian_uses_ukrainian_month_names() -> None:
    ukrainian = QLocale(QLocale.Language.Ukrainian, QLocale.Country.Ukraine)
    day = date_text.day_text(DAY, ukrainian)
    assert "січ" in day
    assert day.startswith("31 ") and "2026" in day
    assert "Jan" not in date_text.instant_text(INSTANT, "UTC", ukrainian)
    assert date_text.day_month_text(DAY, ukrainian).startswith("31 січ")
    assert "2026" not in date_text.day_month_text(DAY, ukrainian)
    assert date_text.month_text(date(2026, 3, 1), ukrainian) == \
        f"{ukrainian.standaloneMonthName(3, QLocale.FormatType.ShortFormat)} 2026"


def test_another_locale_keeps_its_own_order_without_the_weekday() -> None:
    german = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    assert date_text.day_format(german) == "d. MMM yyyy"
    assert date_text.day_text(DAY, german).startswith("31. Jan")


def test_the_default_locale_is_the_applications() -> None:
    with default_locale(QLocale(QLocale.Language.Ukrainian, QLocale.Country.Ukraine)):
        assert "січ" in date_text.day_text(DAY)
    assert date_text.ISO_DATE_FORMAT == "yyyy-MM-dd"


def test_axis_ticks_follow_the_locale() -> None:
    start = datetime(2025, 12, 29, tzinfo=UTC)
    end = datetime(2026, 1, 12, tzinfo=UTC)
    with default_locale(QLocale("en_GB")):
        english = [tick.label for tick in date_ticks(start, end, "UTC", 8)]
    assert english[0] == "29 Dec 2025"  # the year on the first tick and where it changes
    assert any(label.endswith("Jan 2026") for label in english[1:])
    with default_locale(QLocale(QLocale.Language.Ukrainian, QLocale.Country.Ukraine)):
        ukrainian = [tick.label for tick in date_ticks(start, end, "UTC", 8)]
    assert "груд" in ukrainian[0] and "Dec" not in ukrainian[0]
