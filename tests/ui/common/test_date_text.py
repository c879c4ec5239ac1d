"""date_text: one date style for the whole window, following the locale."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QLocale

from tracker.ui.common import date_text

DAY = date(2026, 1, 31)
INSTANT = datetime(2026, 1, 31, 10, 0, tzinfo=UTC)


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


def test_the_default_locale_is_the_applications(monkeypatch: pytest.MonkeyPatch) -> None:
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Ukrainian, QLocale.Country.Ukraine))
    try:
        assert "січ" in date_text.day_text(DAY)
    finally:
        QLocale.setDefault(previous)
    assert date_text.ISO_DATE_FORMAT == "yyyy-MM-dd"
