"""Release.ranker, the reader's per-file shortcut, says of every row what Release.rank_of
and Release.row_label say: the label and rank each stored event carries (issue 17)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.services.imports import releases
from tracker.services.imports.releases import Release, ReleaseKind, dated_release

RELEASES = st.one_of(
    st.builds(Release, st.just(ReleaseKind.ACLED), st.none() | st.integers(0, 2**40)),
    st.builds(Release, st.just(ReleaseKind.UCDP), st.integers(1700, 2599)),
    st.builds(Release, st.just(ReleaseKind.UCDP), st.none()),
    st.builds(Release, st.just(ReleaseKind.CANDIDATE)),
    st.dates(date(1989, 1, 1), date(2099, 12, 31)).map(dated_release),
    st.just(dated_release(None)),
)
ROWS = st.lists(st.tuples(st.dates(date(1989, 1, 1), date(2099, 12, 31)).map(date.isoformat),
                          st.none() | st.integers(0, 2**40)), max_size=20)


@given(RELEASES, ROWS)
def test_the_ranker_says_what_rank_of_and_row_label_say(release: Release,
                                                         rows: list[tuple[str, int | None]]
                                                         ) -> None:
    ranked = release.ranker()
    # Twice over the same rows: what it remembers of a day is what it said the first time.
    for day, stamp in rows + rows:
        rank = release.rank_of(day, stamp)
        assert ranked(day, stamp) == (release.row_label(rank), rank)


def test_a_ucdp_release_ranks_its_own_years_by_its_version_and_later_ones_by_month() -> None:
    ranked = Release(ReleaseKind.UCDP, 2200).ranker()
    assert ranked("2021-12-31", None) == ("GED 22.1", 2200)
    assert ranked("2022-05-03", None) == ("UCDP Candidate 2022-05", 2205)
    assert Release(ReleaseKind.ACLED).ranker()("2022-05-03", 1700000000) == (
        "ACLED timestamp 1700000000", 1700000000)


def test_past_the_days_it_remembers_the_ranker_still_answers_alike(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(releases, "_REMEMBERED_DAYS", 1)
    release = Release(ReleaseKind.UCDP, 2200)
    ranked = release.ranker()
    for day in ("2021-03-01", "2022-03-01", "2021-03-01", "2022-03-01"):
        rank = release.rank_of(day, None)
        assert ranked(day, None) == (release.row_label(rank), rank)
