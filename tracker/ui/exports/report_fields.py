"""The report's title page in Export Chronology…: title, author, organisation, marking.

Shown only while the file name asks for a report (.html or .pdf); what was typed last is
remembered in the settings (``remembered_title_page`` and ``remember_title_page``), as
the export folder is, so a weekly report keeps its author and marking.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from tracker.domain.wording import say
from tracker.io.report_html import TITLE, ReportTitlePage
from tracker.ui.common import settings as options
from tracker.ui.common.forms import buddy_label, named
from tracker.ui.common.language import QT_TRANSLATE_NOOP
from tracker.ui.common.settings import Settings

MARKING_EXAMPLE = QT_TRANSLATE_NOOP("ReportTitleFields", "OFFICIAL – SENSITIVE")


class ReportTitleFields(QWidget):
    """The four fields of a report's title page, in a form of their own."""

    def __init__(self, page: ReportTitlePage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = named(QLineEdit(page.title), "export-report-title")
        self.title.setPlaceholderText(say(TITLE))
        self.author = named(QLineEdit(page.author), "export-report-author")
        self.organisation = named(QLineEdit(page.organisation), "export-report-organisation")
        self.marking = named(QLineEdit(page.marking), "export-report-marking")
        self.marking.setPlaceholderText(self.tr("None; e.g. {example}").format(
            example=self.tr(MARKING_EXAMPLE)))
        self.marking.setToolTip(self.tr("A handling marking, printed at the top and bottom of "
                                "every page of the PDF and at the top of the HTML"))
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(buddy_label(self.tr("Report &title:"), self.title), self.title)
        form.addRow(buddy_label(self.tr("&Author:"), self.author), self.author)
        form.addRow(buddy_label(self.tr("&Organisation:"), self.organisation), self.organisation)
        form.addRow(buddy_label(self.tr("&Marking:"), self.marking), self.marking)

    def value(self) -> ReportTitlePage:
        return ReportTitlePage(self.title.text().strip() or TITLE, self.author.text().strip(),
                               self.organisation.text().strip(), self.marking.text().strip())


def remembered_title_page(settings: Settings) -> ReportTitlePage:
    return ReportTitlePage(settings.get(options.REPORT_TITLE) or TITLE,
                           settings.get(options.REPORT_AUTHOR),
                           settings.get(options.REPORT_ORGANISATION),
                           settings.get(options.REPORT_MARKING))


def remember_title_page(settings: Settings, page: ReportTitlePage) -> None:
    settings.set(options.REPORT_TITLE, page.title)
    settings.set(options.REPORT_AUTHOR, page.author)
    settings.set(options.REPORT_ORGANISATION, page.organisation)
    settings.set(options.REPORT_MARKING, page.marking)
