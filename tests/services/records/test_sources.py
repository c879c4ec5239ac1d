"""Sources typed by the analyst: what is refused, and what is kept as typed."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tracker.domain.enums import Reliability
from tracker.services.common.errors import ValidationError
from tracker.services.records.citations import SourceDraft, create_source, list_sources
from tracker.storage.database import Database


def test_a_source_is_kept_tidy_and_labelled(db: Database) -> None:
    with db.transaction() as session:
        create_source(session, SourceDraft(
            "  Kyiv   Independent ", " Talks moved ", "https://kyivindependent.com/x",
            date(2026, 2, 1), date(2026, 2, 2), Reliability.RELIABLE))
    with db.reading() as session:
        assert [label for _, label in list_sources(session)] == [
            "Kyiv Independent, “Talks moved”, 1 Feb 2026, https://kyivindependent.com/x"]


@pytest.mark.parametrize(("draft", "field"), [
    (SourceDraft("   "), "outlet"),
    (SourceDraft("Reuters", url="javascript:alert(1)"), "url"),
    (SourceDraft("Reuters", url="kyivindependent.com"), "url"),
    (SourceDraft("Reuters", published_on=date.today() + timedelta(days=2)), "published_on"),
    (SourceDraft("Reuters", published_on=date(2026, 2, 3), accessed_on=date(2026, 2, 1)),
     "accessed_on"),
])
def test_what_a_citation_could_not_rely_on_is_refused(
        db: Database, draft: SourceDraft, field: str) -> None:
    with pytest.raises(ValidationError) as raised, db.transaction() as session:
        create_source(session, draft)
    assert raised.value.field == field
    with db.reading() as session:
        assert list_sources(session) == []
