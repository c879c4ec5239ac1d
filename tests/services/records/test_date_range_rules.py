"""The services refuse dates outside the tracker's range themselves, whatever called them
(issue 14, F1-F3): a factor reading's time and a source's dates."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from tracker.domain.enums import FactorLevel, FactorTrend
from tracker.services.common.errors import ValidationError
from tracker.services.factors.factors import ReadingDraft, clean_reading
from tracker.services.records.citations import SourceDraft, clean_source

OUTSIDE = r"is outside the dates the tracker takes \(1 Jan 1900 to 31 Dec 2200\)"


@pytest.mark.parametrize("at", [datetime(1, 1, 1, tzinfo=UTC),
                                datetime(9999, 12, 31, 23, 59, tzinfo=UTC),
                                datetime(1899, 6, 1, tzinfo=UTC)])
def test_a_reading_outside_the_range_is_refused(at: datetime) -> None:
    with pytest.raises(ValidationError, match=OUTSIDE) as refused:
        clean_reading(ReadingDraft(at, FactorLevel.HIGH, FactorTrend.RISING))
    assert refused.value.field == "observed_at"
    assert clean_reading(ReadingDraft(datetime(1900, 1, 1, tzinfo=UTC), FactorLevel.HIGH,
                                      FactorTrend.RISING))["observed_at"]


@pytest.mark.parametrize("field", ["published_on", "accessed_on"])
def test_a_source_dated_before_the_range_is_refused(field: str) -> None:
    with pytest.raises(ValidationError, match=rf"1066-10-14 {OUTSIDE}") as refused:
        clean_source(SourceDraft("Chronicle", **{field: date(1066, 10, 14)}))
    assert refused.value.field == field
