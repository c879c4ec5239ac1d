"""An entry standing in for an announcement nobody gave is an instant, told as entered."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from tracker.domain.announcement import Announcement, AnnouncementError
from tracker.domain.enums import Precision

ENTERED_AT = datetime(2026, 12, 7, 8, 55, tzinfo=UTC)


def test_an_entry_is_told_as_entered_in_the_readers_zone() -> None:
    entered = Announcement(ENTERED_AT, Precision.EXACT, entered=True)
    assert entered.told("Europe/Berlin") == \
        "entered 7 Dec 2026 09:55 CET (no announcement date given)"
    # Its instant still sorts and dates it as before: only the words differ.
    assert entered.day("Europe/Berlin") == date(2026, 12, 7)
    assert Announcement.at_instant(ENTERED_AT).told("UTC") == "7 Dec 2026 08:55 UTC"


def test_an_entry_is_never_a_day() -> None:
    with pytest.raises(AnnouncementError, match="instant"):
        Announcement(datetime(2026, 12, 7, tzinfo=UTC), Precision.DAY, entered=True)
