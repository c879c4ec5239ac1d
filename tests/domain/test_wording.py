"""The Qt-free wording (domain/wording.py): one description of time, in either language."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest

from tracker.domain import wording
from tracker.domain.enums import LinkKind, Precision, RoundStatus
from tracker.domain.event_time import EventTime
from tracker.domain.timewindow import ScheduledWindow
from tracker.domain.wording import Language, label_of, say, say_count
from tracker.domain.wording_uk import plural_form


@pytest.fixture
def ukrainian() -> Iterator[None]:
    wording.use_language(Language.UKRAINIAN)
    yield
    wording.use_language(Language.ENGLISH)


def test_english_is_the_default_and_says_phrases_as_written() -> None:
    assert wording.current_language() is Language.ENGLISH
    assert say("week of {day}") == "week of {day}"
    assert label_of(RoundStatus.POSTPONED) == "postponed"
    assert say_count(1, "{n} round", "{n} rounds") == "1 round"
    assert say_count(3, "{n} round", "{n} rounds") == "3 rounds"


def test_ukrainian_phrases_enum_words_and_plural_forms(ukrainian: None) -> None:
    assert label_of(RoundStatus.POSTPONED) == "відкладено"
    assert label_of(LinkKind.ESCALATION) == "ескалація під час переговорів"
    assert [say_count(n, "{n} round", "{n} rounds") for n in (1, 3, 5, 11, 21, 22)] == [
        "1 раунд", "3 раунди", "5 раундів", "11 раундів", "21 раунд", "22 раунди"]
    assert say("a phrase nobody translated") == "a phrase nobody translated"


@pytest.mark.parametrize(("count", "form"), [(1, 0), (2, 1), (4, 1), (5, 2), (11, 2), (12, 2),
                                             (14, 2), (21, 0), (101, 0), (111, 2), (0, 2)])
def test_ukrainian_plural_form(count: int, form: int) -> None:
    assert plural_form(count) == form


def test_every_enum_word_has_a_ukrainian_word() -> None:
    from tracker.domain import enums
    from tracker.domain.chronology import EntryKind
    from tracker.domain.claims import ClaimantKind, ClaimStatus, Measure
    from tracker.domain.matches import MatchStatus
    from tracker.domain.wording_uk import PHRASES
    closed = [member for kind in (enums.Precision, enums.RoundStatus, enums.RoundFormat,
                                  enums.RoundModality, enums.ParticipantRole, enums.PartyKind,
                                  enums.DependencyEffect, enums.LinkKind, enums.ChangeKind,
                                  enums.FactorLevel, enums.FactorTrend, enums.Reliability,
                                  enums.TargetCategory, EntryKind, Measure, ClaimStatus,
                                  ClaimantKind, MatchStatus)
              for member in kind]
    assert [member.value for member in closed if member.value not in PHRASES] == []


def test_one_description_of_an_event_time_in_both_languages(ukrainian: None) -> None:
    week = EventTime.of(date(2026, 2, 2), Precision.WEEK)
    span = EventTime.of(date(2022, 2, 24), Precision.DAY, date(2022, 9, 30))
    assert week.describe() == "тиждень від 2 лют. 2026"
    assert span.describe() == "24 лют. – 30 вер. 2022 (повідомлено одним записом)"
    assert EventTime.of(date(2026, 2, 3), Precision.UNKNOWN).describe() == \
        "3 лют. 2026 (дата неточна)"
    wording.use_language(Language.ENGLISH)
    assert week.describe() == "week of 2 Feb 2026"
    assert span.describe() == "24 Feb – 30 Sep 2022 (reported as one record)"


def test_a_round_window_in_ukrainian(ukrainian: None) -> None:
    month = ScheduledWindow(Precision.MONTH, "UTC", datetime(2026, 2, 1, tzinfo=UTC),
                            datetime(2026, 3, 1, tzinfo=UTC))
    assert month.describe() == "лютий 2026 (місяць)"
    assert ScheduledWindow.unknown("UTC").describe() == "дата невідома"
