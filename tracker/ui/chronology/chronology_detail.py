"""The Chronology's detail pane: the selected entry in full, as the Events tab has one.

A table row shows one line per entry and elides what does not fit (issue 16, finding 5);
the pane below it shows the whole entry: when, kind, title, detail, place, links and
sources, as selectable text. Web addresses in it open in the browser; a round or an
event has a link to open it in its own tab.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QEvent, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QTextBrowser, QWidget

from tracker.domain.chronology import ChronologyEntry, EntryKind
from tracker.domain.whole_numbers import is_whole_number
from tracker.domain.wording import label_of
from tracker.ui.common.language import QT_TRANSLATE_NOOP, translate

# A web address inside typed or imported text; trailing punctuation is the sentence's.
_URL = re.compile(r"https?://[^\s<>\"']+[^\s<>\"'.,;:!?)\]]")
# The pane's own links, to a record of the tracker rather than a web page.
_OPEN_SCHEME = "tracker"
_OPENS = {EntryKind.ROUND: ("round", QT_TRANSLATE_NOOP("ChronologyDetail",
                                                      "Open the round in the Rounds tab")),
          EntryKind.EVENT: ("event", QT_TRANSLATE_NOOP("ChronologyDetail",
                                                      "Open the event in the Events tab"))}
EMPTY_TEXT = QT_TRANSLATE_NOOP("ChronologyDetail", "Select an entry to read it in full here.")


def _linked(text: str) -> str:
    """*text* escaped as HTML, with each web address in it made a link."""
    parts: list[str] = []
    position = 0
    for found in _URL.finditer(text):
        parts.append(html.escape(text[position:found.start()]))
        address = found.group(0)
        parts.append(f'<a href="{html.escape(address)}">{html.escape(address)}</a>')
        position = found.end()
    parts.append(html.escape(text[position:]))
    return "".join(parts).replace("\n", "<br>")


def entry_html(entry: ChronologyEntry) -> str:
    """The whole entry as a small HTML table (every value escaped: it is typed text)."""
    def row(label: str, value: str) -> str:
        return f"<tr><th align=left valign=top>{label}</th><td>{value}</td></tr>"

    def listed(items: tuple[str, ...]) -> str:
        none = translate("ChronologyDetail", "none")
        return "<br>".join(_linked(item) for item in items) if items else f"<i>{none}</i>"

    rows = [row(translate("ChronologyDetail", "When"), html.escape(entry.when_text)),
            row(translate("ChronologyDetail", "Kind"), html.escape(label_of(entry.kind))),
            row(translate("ChronologyDetail", "Title"), f"<b>{_linked(entry.title)}</b>")]
    if entry.detail:
        rows.append(row(translate("ChronologyDetail", "Detail"), _linked(entry.detail)))
    if entry.place:
        rows.append(row(translate("ChronologyDetail", "Place"), html.escape(entry.place)))
    rows += [row(translate("ChronologyDetail", "Links"), listed(entry.links)),
             row(translate("ChronologyDetail", "Sources"), listed(entry.sources))]
    opens = _OPENS.get(entry.kind)
    footer = ""
    if opens is not None:
        words = translate("ChronologyDetail", opens[1])
        footer = f'<p><a href="{_OPEN_SCHEME}:{opens[0]}/{entry.record_id}">{words}</a></p>'
    return f"<table cellspacing=4>{''.join(rows)}</table>{footer}"


class ChronologyDetailPane(QTextBrowser):
    """The selected chronology entry in full, or a line saying how to choose one.

    Signals:
        open_round(int): the entry's "open the round" link was clicked.
        open_event(int): the entry's "open the event" link was clicked.
    """

    open_round = Signal(int)
    open_event = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chronology-detail")
        self.setAccessibleName(self.tr("Selected entry"))
        # Links are followed here: a web address in the browser, a record in its tab.
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._on_anchor_clicked)
        self.entry: ChronologyEntry | None = None
        self.show_entry(None)

    def show_entry(self, entry: ChronologyEntry | None) -> None:
        self.entry = entry
        if entry is None:
            self.setPlainText(translate("ChronologyDetail", EMPTY_TEXT))
        else:
            self.setHtml(entry_html(entry))

    def changeEvent(self, event: QEvent) -> None:
        """Override QWidget.changeEvent: links are coloured when the text is set, so a
        switch to light or dark sets it again."""
        if event.type() == QEvent.Type.PaletteChange:
            self.show_entry(self.entry)
        super().changeEvent(event)

    @Slot(QUrl)
    def _on_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() != _OPEN_SCHEME:
            QDesktopServices.openUrl(url)
            return
        kind, _, number = url.path().partition("/")
        if not is_whole_number(number):
            return
        if kind == "round":
            self.open_round.emit(int(number))
        elif kind == "event":
            self.open_event.emit(int(number))
