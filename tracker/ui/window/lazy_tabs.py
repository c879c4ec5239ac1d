"""The window's tabs, each page built when it is first needed (issue 19).

A page that is not shown costs nothing until it is: its tab holds an empty placeholder,
and the view (with the modules it imports: the charts, the timeline, the map) is built the
first time the tab is shown, or earlier when something asks for the view (a menu action,
a link followed). The view then takes the placeholder's place, so ``widget(i)`` and
``currentWidget()`` are the view itself from then on.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSignalBlocker, Signal, Slot
from PySide6.QtWidgets import QTabWidget, QWidget

Builder = Callable[[], QWidget]


class LazyTabs(QTabWidget):
    """A QTabWidget whose pages are built by their builders on first show or first ask.

    Signals:
        built(int): the page at this index was just built (its view is ``widget(i)``).
    """

    built = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._placeholders: set[QWidget] = set()
        self._builders: dict[QWidget, Builder] = {}  # placeholder -> its view's builder
        self.currentChanged.connect(self._build_shown)

    def add_lazy_tab(self, title: str) -> None:
        """A tab titled *title* whose page is built later (see ``set_builder``)."""
        placeholder = QWidget()
        self._placeholders.add(placeholder)
        self.addTab(placeholder, title)

    def set_builder(self, index: int, builder: Builder) -> None:
        """Build page *index* with *builder* when it is first needed (now, if current)."""
        self._builders[self._page(index)] = builder
        if index == self.currentIndex():
            self.view(index)

    def is_built(self, index: int) -> bool:
        return self.widget(index) not in self._placeholders

    def view(self, index: int) -> QWidget:
        """The view of page *index*, built now if it was not (the current tab stays)."""
        page = self._page(index)
        builder = self._builders.pop(page, None)
        if builder is None:
            return page
        view = builder()
        with QSignalBlocker(self):  # the same tab stays current: no change to report
            current = self.currentIndex()
            title, tip = self.tabText(index), self.tabToolTip(index)
            self.removeTab(index)
            self.insertTab(index, view, title)
            self.setTabToolTip(index, tip)
            self.setCurrentIndex(current)
        self._placeholders.discard(page)
        page.deleteLater()
        self.built.emit(index)
        return view

    def _page(self, index: int) -> QWidget:
        page = self.widget(index)
        if page is None:
            raise IndexError(f"no tab {index}")
        return page

    @Slot(int)
    def _build_shown(self, index: int) -> None:
        if index >= 0:
            self.view(index)
