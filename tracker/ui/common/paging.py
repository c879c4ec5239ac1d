"""A small least-recently-used cache of row pages, shared by the paged table models.

The Events and Chronology tables can hold a million rows. Their models keep only the
total and a handful of pages of frozen row snapshots; a row that is not cached is
fetched with its whole page, and the least recently used page is dropped when the cache
is full. No Qt here: the models own the signals.

A page next to a cached one is fetched from that page's edge row (a ``Neighbour``): the
services read on from its key with one index seek, where an OFFSET of n would step over
n rows first. Scrolling, a page at a time, so costs the same at row 900,000 as at row 0;
only a jump (a dragged scroll bar) reads by position.

A table's first paint needs a screenful, not a page: ``read_first`` reads just the first
rows, and the rest of their page is read when one of its rows is first asked for.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

Row = TypeVar("Row")

PAGE_SIZE = 256
MAX_PAGES = 12


@dataclass(frozen=True, slots=True)
class Neighbour(Generic[Row]):
    """A cached row right next to a page being fetched.

    Attributes:
        row: the row.
        before: True when it is the row just before the page (the page follows it);
            False when it is the row just after the page (the page precedes it).
    """

    row: Row
    before: bool


class PageCache(Generic[Row]):
    """Rows by position, loaded a page at a time through *fetch(offset, limit, neighbour)*.

    *neighbour* is a cached row next to the page, or None; a fetch may use it or read by
    *offset* alone, and must return the same rows either way.

    Attributes:
        page_size: rows per page.
        fetched_pages: page numbers fetched since the last ``clear`` (tests count them).
    """

    def __init__(
        self,
        fetch: Callable[[int, int, Neighbour[Row] | None], list[Row]],
        *,
        page_size: int = PAGE_SIZE,
        max_pages: int = MAX_PAGES,
    ) -> None:
        self._fetch = fetch
        self.page_size = page_size
        self._max_pages = max_pages
        self._pages: OrderedDict[int, list[Row]] = OrderedDict()
        self.fetched_pages: list[int] = []
        self._first_page_short = False  # page 0 holds only what read_first read

    def read_first(self, count: int) -> int:
        """Forget every page and read only the first *count* rows (at most a page);
        how many there are. Fewer than *count* is all there is."""
        self.clear()
        rows = self._fetch(0, count, None)
        self.fetched_pages.append(0)
        self._pages[0] = rows
        self._first_page_short = len(rows) >= count
        return len(rows)

    def row(self, position: int) -> Row | None:
        """The row at *position*, or None when the database returned fewer rows.

        Fewer rows happen when the table changed under us between the count and the
        page (another process imported or deleted events); the model then shows an
        empty row until its next refresh instead of raising from ``data()``.
        """
        number, within = divmod(position, self.page_size)
        page = self._pages.get(number)
        if number == 0 and self._first_page_short and page is not None \
                and within >= len(page):
            page = None  # below the first rows: read their whole page, which starts with them
        if page is None:
            if number == 0:
                self._first_page_short = False
            page = self._fetch(number * self.page_size, self.page_size,
                               self._neighbour(number))
            self.fetched_pages.append(number)
            self._pages[number] = page
            while len(self._pages) > self._max_pages:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page[within] if within < len(page) else None

    def _neighbour(self, number: int) -> Neighbour[Row] | None:
        previous = self._pages.get(number - 1)
        if previous is not None and len(previous) == self.page_size:
            return Neighbour(previous[-1], before=True)
        following = self._pages.get(number + 1)
        if following:
            return Neighbour(following[0], before=False)
        return None

    def cached(self, position: int) -> Row | None:
        """The row at *position* if its page is in memory, without fetching."""
        number, within = divmod(position, self.page_size)
        page = self._pages.get(number)
        if page is None or within >= len(page):
            return None
        return page[within]

    def cached_rows(self) -> list[tuple[int, Row]]:
        """(position, row) for every cached row; used to find a row without a query."""
        found: list[tuple[int, Row]] = []
        for number, page in self._pages.items():
            start = number * self.page_size
            found.extend((start + index, row) for index, row in enumerate(page))
        return found

    def clear(self) -> None:
        self._pages.clear()
        self.fetched_pages = []
        self._first_page_short = False
