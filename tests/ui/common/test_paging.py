"""The page cache's first rows (issue 19): a screenful is read first, and the rest of its
page when a row of it is first asked for; fewer rows than asked for are all there are."""

from __future__ import annotations

from tracker.ui.common.paging import Neighbour, PageCache


class Table:
    """Rows 0..n-1, read as the models read them; each read is recorded."""

    def __init__(self, rows: int) -> None:
        self.rows = list(range(rows))
        self.reads: list[tuple[int, int, Neighbour[int] | None]] = []

    def fetch(self, offset: int, limit: int, near: Neighbour[int] | None) -> list[int]:
        self.reads.append((offset, limit, near))
        if near is not None and near.before:
            offset = near.row + 1  # read on from the edge row, as the services do
        return self.rows[offset:offset + limit]


def test_the_first_rows_then_their_whole_page_then_the_next_from_its_edge() -> None:
    table = Table(20)
    pages = PageCache(table.fetch, page_size=8)
    assert pages.read_first(3) == 3
    assert [pages.row(n) for n in range(3)] == [0, 1, 2]
    assert table.reads == [(0, 3, None)]
    assert pages.cached(3) is None  # not read yet, and not fetched by asking

    assert pages.row(5) == 5  # below the first rows: their page, whole, by position
    assert table.reads[-1] == (0, 8, None)
    assert [pages.row(n) for n in range(8)] == list(range(8))
    assert pages.row(8) == 8  # the next page reads on from the page's edge row
    assert table.reads[-1] == (8, 8, Neighbour(7, before=True))
    assert len(table.reads) == 3
    assert pages.fetched_pages == [0, 0, 1]


def test_fewer_first_rows_than_asked_for_are_all_there_is() -> None:
    table = Table(2)
    pages = PageCache(table.fetch, page_size=8)
    assert pages.read_first(3) == 2
    assert pages.row(1) == 1 and pages.row(2) is None
    assert table.reads == [(0, 3, None)]  # nothing more to read


def test_reading_the_first_rows_again_forgets_every_page() -> None:
    table = Table(40)
    pages = PageCache(table.fetch, page_size=8)
    pages.read_first(3)
    assert pages.row(30) == 30
    table.rows = [row + 100 for row in table.rows]  # the data changed: a refresh
    assert pages.read_first(3) == 3
    assert pages.cached(30) is None
    assert pages.row(0) == 100 and pages.row(6) == 106
    assert table.reads[-1] == (0, 8, None)


def test_a_page_below_the_first_rows_is_read_by_position_and_an_evicted_start_whole() -> None:
    table = Table(40)
    pages = PageCache(table.fetch, page_size=8, max_pages=2)
    pages.read_first(3)
    assert pages.row(9) == 9  # page 1 while page 0 holds 3 rows: no edge row to read on from
    assert table.reads[-1] == (8, 8, None)
    assert pages.row(17) == 17  # page 2: page 0 (the first rows) is dropped
    assert pages.cached(0) is None
    assert pages.row(1) == 1 and table.reads[-1] == (0, 8, Neighbour(9 - 1, before=False))
    assert [pages.row(n) for n in range(8)] == list(range(8))  # the whole page, read once
    assert len(table.reads) == 4
