"""Prefixes written as the index's own terms (issue 19): the same events, in the same
order, as the prefix queries FTS5 answers by merging every term's list first."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session

from tests.conftest import REAL_DATA
from tracker.services.common.views import EventRow
from tracker.services.events import events, search_terms
from tracker.services.events.events import EventFilter, count_events, fetch_events
from tracker.services.events.search_terms import term_expander
from tracker.services.imports.importing import ImportFormat, import_events
from tracker.storage.database import Database

UCDP = REAL_DATA / "ucdp_ged_ukraine_2014-2023_ged221+candidate_excel_cp1252.csv"

# Common and rare places and words of the real file and the sample, a prefix with many
# terms, one with none, one that is not ASCII (kept a prefix), with and without dates.
FILTERS = [
    EventFilter(place="Donetsk"), EventFilter(place="Luhansk"), EventFilter(place="Avdiivka"),
    EventFilter(place="Kyiv"), EventFilter(place="Zaporizh"), EventFilter(text="Ukraine"),
    EventFilter(text="shell"), EventFilter(text="Mariupol"), EventFilter(text="d"),
    EventFilter(text="Donetsk Government"), EventFilter(text="zzzqx"),
    EventFilter(text="Київ"), EventFilter(place="Ukraine", text="don"),
    EventFilter(place="Donetsk", date_from=date(2014, 6, 1), date_to=date(2015, 12, 31)),
    EventFilter(text="kharkiv", date_from=date(2022, 2, 24)),
]
SORTS = ["event_date", "location", "fatalities"]


@pytest.fixture
def ucdp_db(db: Database) -> Database:
    import_events(db, UCDP, ImportFormat.UCDP)
    return db


Seen = tuple[int, list[EventRow], list[EventRow], list[EventRow], list[int]]


def _seen(session: Session, flt: EventFilter, sort: str, descending: bool) -> Seen:
    """What the Events view reads under *flt*: the count, the first page before it, a
    page by offset and one read on from a row, and every row in order."""
    total = count_events(session, flt)
    first = fetch_events(session, flt, sort=sort, descending=descending, limit=40)
    deeper = fetch_events(session, flt, sort=sort, descending=descending, offset=40,
                          limit=40, total=total)
    after = fetch_events(session, flt, sort=sort, descending=descending, limit=40,
                         after=first[-1]) if first else []
    every = fetch_events(session, flt, sort=sort, descending=descending,
                         limit=max(total, 1), total=total)
    return total, first, deeper, after, [row.id for row in every]


def _prefixes_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """The plan before issue 19's rewrite: every prefix stays a prefix."""
    monkeypatch.setattr(events, "term_expander", lambda _session: lambda _word: None)


@pytest.mark.sqlite_only
@pytest.mark.parametrize("data", ["ucdp_db", "sample_db"])
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("sort", SORTS)
def test_named_terms_find_what_prefixes_find(
        request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, data: str,
        sort: str, descending: bool) -> None:
    database: Database = request.getfixturevalue(data)
    with database.reading() as session:
        named = [_seen(session, flt, sort, descending) for flt in FILTERS]
    _prefixes_only(monkeypatch)
    with database.reading() as session:
        prefixed = [_seen(session, flt, sort, descending) for flt in FILTERS]
    assert named == prefixed
    if data == "ucdp_db":
        counts = sorted(seen[0] for seen in named)
        assert counts[0] == 0 and counts[-1] > 1000  # nothing, and thousands of 4,055
        assert any(0 < count < 100 for count in counts)  # and rare ones


@pytest.mark.sqlite_only
def test_a_plain_prefix_becomes_the_terms_under_it(ucdp_db: Database) -> None:
    with ucdp_db.reading() as session:
        expand = term_expander(session)
        terms = expand("Donets")
        assert terms is not None and "donetsk" in terms
        assert all(term.startswith("donets") for term in terms)
        assert expand("zzzqx") == ()  # no term: nothing matches
        assert expand("Київ") is None  # not ASCII: FTS5 folds it, so it stays a prefix
        assert expand("d") is None  # more terms than a query should name


def test_the_query_names_the_terms() -> None:
    def expand(word: str) -> tuple[str, ...] | None:
        return {"kharkiv": ("kharkiv", "kharkivska"), "none": ()}.get(word.lower())

    query = events._fts_query(EventFilter(place="Kyiv Kharkiv", text="Kharkiv shell"),
                              expand)
    assert query == ('{location admin1 admin2} : ("Kyiv kharkiv" OR "Kyiv kharkivska") '
                     'AND ("kharkiv" OR "kharkivska") AND "shell"*')
    assert events._fts_query(EventFilter(text="Kharkiv none"), expand) == ""
    assert events._fts_query(EventFilter(place="none"), expand) == ""


@pytest.mark.sqlite_only
def test_more_terms_than_the_limit_keep_the_prefix(
        ucdp_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_terms, "MAX_TERMS", 1)
    with ucdp_db.reading() as session:
        assert term_expander(session)("Donets") is None
