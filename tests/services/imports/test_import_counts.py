"""Issue 17, "the import summary's counts equal the real differences", for every pair of
the real UCDP files imported one after the other: updated is the number of events whose
stored fields differ (it once said 2,989, every HDX row, where 47 differ), unchanged the
rest of the overlap, added the ids new to the database; an older release's differences
are counted as older, never as updated. Worked out from the files with the csv module."""

from __future__ import annotations

import pytest

from tests.conftest import REAL_DATA
from tests.services.imports.test_import_real_data import (
    API,
    GED231,
    HDX,
    differing_ids,
    source_rows,
)
from tracker.services.imports.importing import ImportFormat, import_events
from tracker.storage.database import Database

# (first, second, whether the second is an older release than the first)
PAIRS = [(API, HDX, False), (HDX, API, False), (API, GED231, False), (HDX, GED231, False),
         (GED231, API, True), (GED231, HDX, True)]


@pytest.mark.parametrize(("first", "second", "older"), PAIRS,
                         ids=lambda value: str(value).split("_")[-1][:6])
def test_the_counts_are_the_real_differences(db: Database, first: str, second: str,
                                             older: bool) -> None:
    import_events(db, REAL_DATA / first, ImportFormat.UCDP)
    report = import_events(db, REAL_DATA / second, ImportFormat.UCDP)

    old_ids = {row["id"] for row in source_rows(first)}
    new_ids = {row["id"] for row in source_rows(second)}
    differing = differing_ids(first, second)
    overlap = len(old_ids & new_ids)
    assert report.rejected == 0 and report.records == len(new_ids)
    assert report.added == len(new_ids - old_ids)
    if older:  # skipped and listed, counted among the unchanged
        assert (report.updated, report.older) == (0, len(differing))
        assert report.unchanged == overlap
    else:
        assert (report.updated, report.older) == (len(differing), 0)
        assert report.unchanged == overlap - len(differing)
        assert {change.external_id for change in report.changes} == differing
    assert report.added + report.updated + report.unchanged + report.rejected == \
        report.records
