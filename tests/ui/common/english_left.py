"""Finding English left in a window shown in Ukrainian: every text a reader sees, walked.

What is read: window titles, labels, buttons, group boxes, tab titles and tips, every
action (menus and tool bars, with their tips), line edits' placeholders, combo boxes'
items, table and tree headers (with their tips), and read-only text views' text.
Cells of tables are the user's data and are not read. A word is "English" when it is
written in Latin letters and is neither a name the program keeps in every language
(ALLOWED) nor a word of the user's data (``data_words``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from zoneinfo import available_timezones

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from sqlalchemy import column, inspect, select, table
from sqlalchemy.engine import Engine

LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
# URLs, paths, zone names, file names and the program's command with its options
# ("tracker --sample", in the guide): read as they are in every language.
_NOT_WORDS = re.compile(r"\S+://\S+|\S*[/\\]\S*|\S*\.(?:db|csv|ics|json|html|md|pdf|qm|ts)\b"
                        r"|<[^>]*>|&[a-z]+;|\btracker(?: --?[a-z][a-z-]*)+")
ALLOWED = {
    # Datasets, formats, standards and programs, named as they name themselves.
    "ACLED", "UCDP", "GED", "CSV", "PDF", "JSON", "HTML", "iCalendar", "ics", "Markdown",
    "TimelineJS", "npm", "UID", "URL", "UTC", "GMT", "IANA", "tz", "Qt", "PySide", "MIT",
    "ISC", "Lucide", "CC", "BY", "SQLite", "PostgreSQL", "README", "Uppsala", "Conflict",
    "Data", "Program", "Armed", "Location", "Event", "Sundberg", "Melander", "Journal",
    "of", "Peace", "Research", "and", "Candidate", "events", "acleddata", "com",
    # Keys as the computer names them, and the language named in itself.
    "Ctrl", "Shift", "Alt", "Meta", "Del", "Delete", "Esc", "Enter", "Return", "Tab",
    "Ins", "PgUp", "PgDown", "Home", "End", "Space", "Backspace", "English",
    # Time zones' abbreviations.
    "EET", "EEST", "CET", "CEST", "MSK", "TRT", "EST", "EDT", "BST",
    # Qt's own Ukrainian keeps "OK" on its buttons; programs and encodings by name.
    "OK", "Excel", "LibreOffice", "Sheets", "pandas", "R", "UTF", "utf", "PNG", "SVG",
    # Web services by their own names (File › Update from Source).
    "API", "myACLED",
}


# Documents written in English only, by their object names: none now (the built-in guide
# has its Ukrainian page, resources/guide/guide.uk.html).
UNTRANSLATED_DOCUMENTS: set[str] = set()


def data_words(engine: Engine) -> set[str]:
    """Every Latin word stored in the database: titles, names, notes, sources."""
    words: set[str] = set()
    with engine.connect() as connection:
        for name in inspect(connection).get_table_names():
            columns = [info["name"] for info in inspect(connection).get_columns(name)]
            for row in connection.execute(select(*(column(c) for c in columns))
                                          .select_from(table(name))):
                for value in row:
                    if isinstance(value, str):
                        words.update(LATIN_WORD.findall(value))
    return words


def zone_words() -> set[str]:
    """The words of the IANA zone names a zone list offers ("Europe", "Kyiv", "Eire")."""
    return {word for name in available_timezones() for word in LATIN_WORD.findall(name)}


def english_words(text: str, allowed: set[str]) -> list[str]:
    """The Latin words of *text* that are not allowed: English left untranslated."""
    plain = _NOT_WORDS.sub(" ", text).replace("&&", "").replace("&", "")
    return [word for word in LATIN_WORD.findall(plain)
            if word not in ALLOWED and word not in allowed
            and not re.fullmatch(r"[A-Z]\d*|F\d+", word)]


def _action_texts(action: QAction) -> Iterator[str]:
    yield from (action.text(), action.toolTip(), action.statusTip())
    menu = action.menu()
    if isinstance(menu, QMenu):
        yield menu.title()
        for child in menu.actions():
            yield from _action_texts(child)


def _view_texts(view: QAbstractItemView) -> Iterator[str]:
    model = view.model()
    if model is None:
        return
    if isinstance(view, QListView):  # one column, no header
        return
    orientation = Qt.Orientation.Horizontal
    for section in range(model.columnCount(QModelIndex())):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = model.headerData(section, orientation, role)
            if isinstance(value, str):
                yield value


def widget_texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text *widget* shows a reader."""
    where = f"{type(widget).__name__} {widget.objectName()}".strip()
    if widget.isWindow():
        yield where, widget.windowTitle()
    yield where, widget.toolTip()
    yield where, widget.accessibleName()
    for action in widget.actions():
        yield from ((where, text) for text in _action_texts(action))
    if isinstance(widget, QLabel | QAbstractButton):
        yield where, widget.text()
    elif isinstance(widget, QGroupBox):
        yield where, widget.title()
    elif isinstance(widget, QLineEdit):
        yield where, widget.placeholderText()
    elif isinstance(widget, QComboBox):
        yield where, widget.placeholderText()
        yield from ((where, widget.itemText(i)) for i in range(widget.count()))
    elif isinstance(widget, QTabWidget):
        for index in range(widget.count()):
            yield where, widget.tabText(index)
            yield where, widget.tabToolTip(index)
    elif isinstance(widget, QTextEdit) and widget.isReadOnly() \
            and widget.objectName() not in UNTRANSLATED_DOCUMENTS:
        yield where, widget.toPlainText()
    if isinstance(widget, QAbstractItemView):
        yield from ((where, text) for text in _view_texts(widget))


def english_left(root: QWidget, allowed: set[str]) -> list[str]:
    """"where: word in text" for every English word a reader sees in *root* now."""
    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() and widget is not root:
            continue
        for where, text in widget_texts(widget):
            words = english_words(text, allowed)
            if words:
                found.append(f"{where}: {' '.join(words)} in {text[:120]!r}")
    return sorted(set(found))
