"""Export Chronology…: where to (the format follows the file name), and an optional date range.

A typed name is read against the export folder the program remembers (not the process's
working directory, which the user never sees), and the dialog shows where that is. A file
that is already there is replaced only after asking, as Browse's own file dialog does.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from tracker.domain.wording import say
from tracker.io.chronology_csv import FOR_SPREADSHEETS, CsvFlavour, CsvStyle
from tracker.io.report_html import ReportTitlePage
from tracker.services.chronology.held_dates import HeldDates
from tracker.services.exports.export import ExportFormat, format_for_path
from tracker.services.exports.export_formats import (
    CHRONOLOGY_CONTENTS,
    formats_holding,
    suffixes_text,
)
from tracker.services.exports.report_file import is_report
from tracker.ui.common.date_text import ISO_DATE_FORMAT
from tracker.ui.common.forms import (
    ErrorLabel,
    buddy_label,
    named,
    ok_cancel_buttons,
    within_tracker_dates,
)
from tracker.ui.common.table_model import as_plain
from tracker.ui.exports.report_fields import ReportTitleFields

# The chronology's formats, as the registry lists them (services.exports.export_formats).
FILTERS = {fmt: fmt.file_filter for fmt in formats_holding(*CHRONOLOGY_CONTENTS)}
def _suffixes() -> str:
    """".csv, .json, .md, .html or .pdf", in the window's language (read when shown)."""
    return suffixes_text(FILTERS)


@dataclass(frozen=True, slots=True)
class ExportRequest:
    path: Path
    fmt: ExportFormat
    date_from: date | None
    date_to: date | None
    tz: str = "UTC"
    corrections: bool = False  # undone entries told as corrections, not left out
    csv_style: CsvStyle = FOR_SPREADSHEETS  # a CSV for spreadsheets or for data tools
    title_page: ReportTitlePage = field(default_factory=ReportTitlePage)  # a report's


def _to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _base_folder(folder: str) -> Path:
    """Where typed names go: *folder*, or home when there is none. A relative folder (an
    older version saved "." after a bare name was typed) names nothing the user knows."""
    path = Path(folder).expanduser() if folder else Path.home()
    return path if path.is_absolute() else Path.home()


class ExportDialog(QDialog):
    """Asks for the destination file (typed, or through QFileDialog) and the dates to include.

    Attributes:
        ask: asks a yes/no question (title, text) before replacing a file; tests replace it.
    """

    def __init__(self, folder: str = "", parent: QWidget | None = None, *,
                 tz: str = "UTC", csv_for: CsvFlavour = CsvFlavour.SPREADSHEETS,
                 title_page: ReportTitlePage | None = None,
                 held: HeldDates | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export Chronology"))
        self._tz = tz
        self.ask: Callable[[str, str], bool] = self._ask
        self._folder = _base_folder(folder)
        # The file Browse's dialog already confirmed replacing (so OK does not ask again).
        self._confirmed: Path | None = None
        self.path = named(QLineEdit(), "export-path")
        self.path.setPlaceholderText(self.tr("A {suffixes} file (a bare name goes in {folder})")
                                     .format(suffixes=_suffixes(), folder=self._folder))
        self.target = named(QLabel(), "export-target")
        self.target.setTextFormat(Qt.TextFormat.PlainText)  # a path, never HTML
        self.target.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.target.hide()
        self.browse = named(QPushButton(self.tr("&Browse…")), "export-browse")
        # The range starts at the first and last day the database holds (*held*), so a
        # database of 2022's events does not offer last month (issue 16); an empty one
        # offers the last month.
        today = QDate.currentDate()
        first = _to_qdate(held.first) if held is not None else today.addMonths(-1)
        last = _to_qdate(held.last) if held is not None else today
        self.use_from = named(QCheckBox(self.tr("Fro&m")), "export-use-from")
        self.date_from = named(QDateEdit(first), "export-from")
        self.date_from.setAccessibleName(self.tr("From date"))
        self.use_to = named(QCheckBox(self.tr("&To")), "export-use-to")
        self.date_to = named(QDateEdit(last), "export-to")
        self.date_to.setAccessibleName(self.tr("To date"))
        for edit in (self.date_from, self.date_to):
            within_tracker_dates(edit)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(ISO_DATE_FORMAT)
            edit.setEnabled(False)
        # Off: an undone change and its undo are left out, as never announced.
        self.corrections = named(QCheckBox(self.tr("Show co&rrections (undone entries)")),
                                 "export-corrections")
        self.corrections.setToolTip(
            self.tr("List each undone change marked as withdrawn, and each undo and redo as a "
            "correction line, for a published correction trail"))
        # Who opens a CSV: a spreadsheet (a byte-order mark, formulas guarded) or a data
        # tool (text as it is); offered while the file is a .csv.
        self.csv_for = named(QComboBox(), "export-csv-for")
        for flavour in CsvFlavour:
            self.csv_for.addItem(say(flavour.label), flavour.value)
        self.csv_for.setCurrentIndex(self.csv_for.findData(csv_for.value))
        self.csv_for.setToolTip(
            self.tr("For spreadsheets: UTF-8 with a byte-order mark, so Excel and LibreOffice read "
            "every alphabet, and text that would run as a formula shown with a leading '. "
            "For data tools: no mark, every cell exactly as recorded."))
        # Shown while the file name asks for a report (.html, .pdf): see _validate.
        self.report_fields = named(ReportTitleFields(title_page or ReportTitlePage()),
                                   "export-report-fields")
        self.path_error = ErrorLabel("export-path-error")
        self.range_error = ErrorLabel("export-range-error")
        self.buttons = ok_cancel_buttons(self, self.tr("&Export"))
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)

        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.browse)
        range_row = QHBoxLayout()
        for widget in (self.use_from, self.date_from, self.use_to, self.date_to):
            range_row.addWidget(widget)
        range_row.addStretch(1)
        # One line: a wrapped label in a dialog gets one line's height (see ErrorLabel).
        days = named(QLabel(self.tr("Days and times in {zone}; events keep their reported "
                                    "day.").format(zone=tz)),
                     "export-zone")
        days.setTextFormat(Qt.TextFormat.PlainText)
        form = QFormLayout(self)
        form.addRow(buddy_label(self.tr("&File:"), self.path), file_row)
        form.addRow("", self.target)
        form.addRow("", self.path_error)
        form.addRow(self.tr("Dates:"), range_row)
        form.addRow("", self.range_error)
        form.addRow("", days)
        form.addRow("", self.corrections)
        form.addRow(buddy_label(self.tr("C&SV:"), self.csv_for), self.csv_for)
        form.addRow(self.report_fields)
        form.addRow(self.buttons)
        self.resize(560, self.sizeHint().height())

        self.browse.clicked.connect(self._on_browse)
        self.use_from.toggled.connect(self.date_from.setEnabled)
        self.use_to.toggled.connect(self.date_to.setEnabled)
        for signal in (self.use_from.toggled, self.use_to.toggled):
            signal.connect(self._validate)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self._validate)
        self.path.textChanged.connect(self._validate)
        # Enter while Export is held does nothing (the default button is disabled), so
        # say there why, instead of leaving the user to guess (issue 16, finding 1).
        self.path.returnPressed.connect(self._explain_held_export)
        self._validate()
        self.path.setFocus()

    def destination(self) -> Path | None:
        """The typed file as an absolute path (relative to the export folder), if any."""
        text = self.path.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        return Path(os.path.normpath(path if path.is_absolute() else self._folder / path))

    def request(self) -> ExportRequest | None:
        """What to export, or None while the form is incomplete or wrong."""
        path = self.destination()
        if path is None:
            return None
        fmt = format_for_path(path)
        if fmt is None:
            return None
        date_from = _to_date(self.date_from.date()) if self.use_from.isChecked() else None
        date_to = _to_date(self.date_to.date()) if self.use_to.isChecked() else None
        if date_from and date_to and date_to < date_from:
            return None
        return ExportRequest(path, fmt, date_from, date_to, self._tz,
                             self.corrections.isChecked(),
                             CsvStyle(CsvFlavour(self.csv_for.currentData())),
                             self.report_fields.value())

    def accept(self) -> None:
        """Override QDialog.accept: ask before replacing a file Browse did not confirm."""
        request = self.request()
        if request is None or not self.ok_button.isEnabled():
            return
        path = request.path
        if path.exists() and path != self._confirmed and not self.ask(
                self.tr("Replace File?"),
                self.tr("“{file}” already exists in {folder}.\n\nReplace it with the exported "
                        "chronology?").format(file=path.name, folder=path.parent)):
            return
        super().accept()

    def _ask(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            self, title, as_plain(text),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)  # replacing is never the default
        return answer == QMessageBox.StandardButton.Yes

    @Slot()
    def _on_browse(self) -> None:
        current = self.destination()
        fmt = format_for_path(current) if current else None
        start = str(current or self._folder / f"chronology-{date.today():%Y-%m-%d}.csv")
        chosen, selected = QFileDialog.getSaveFileName(
            self, self.tr("Export Chronology To"), start, ";;".join(FILTERS.values()),
            FILTERS[fmt or ExportFormat.CSV],
        )
        if not chosen:
            return
        path = Path(chosen)
        # The file dialog asked before choosing an existing file; a suffix added below
        # names another file, which it did not ask about.
        self._confirmed = path
        if format_for_path(path) is None:
            # No (or an unknown) suffix typed: take the one of the filter chosen.
            picked = next((f for f, text in FILTERS.items() if text == selected),
                          ExportFormat.CSV)
            path = path.with_name(path.name + picked.suffix)
        self.path.setText(str(path))

    @Slot()
    def _validate(self) -> None:
        text = self.path.text().strip()
        path = self.destination()
        if path is not None and format_for_path(path) is None:
            self.path_error.show_error(self.tr("The file name must end in {suffixes}").format(
                suffixes=_suffixes()))
        elif path is not None and path.is_dir():
            self.path_error.show_error(self.tr("That is a folder; choose a file name"))
        elif path is not None and not path.parent.is_dir():
            # Said here, while the typing can be mended, not after the dialog has closed.
            self.path_error.show_error(self.tr("There is no folder {folder}").format(
                folder=path.parent))
        else:
            self.path_error.show_error(None)
        # Where a bare or ~ name really goes, said under the field and in its tool tip.
        shown = str(path) if path is not None else ""
        self.target.setText(self.tr("Saves to {path}").format(path=shown))
        self.target.setVisible(bool(shown) and shown != text and not self.path_error.message)
        self.path.setToolTip(as_plain(shown))
        fmt = format_for_path(path) if path is not None else None
        self.report_fields.setVisible(fmt is not None and is_report(fmt))
        both = self.use_from.isChecked() and self.use_to.isChecked()
        backwards = both and self.date_to.date() < self.date_from.date()
        self.range_error.show_error(self.tr("The end date is before the start date")
                                    if backwards else None)
        self.ok_button.setEnabled(self.request() is not None
                                  and not self.path_error.message)
        self.ok_button.setToolTip(self._held_reason() or "")
        self.csv_for.setEnabled(path is None or format_for_path(path) is ExportFormat.CSV)

    def _held_reason(self) -> str | None:
        """Why Export is disabled, in words; None while it is enabled."""
        if self.ok_button.isEnabled():
            return None
        if self.destination() is None:
            return self.tr("Type a file name ending in {suffixes}, or choose one with "
                           "Browse…").format(suffixes=_suffixes())
        return self.path_error.message or self.range_error.message or None

    @Slot()
    def _explain_held_export(self) -> None:
        reason = self._held_reason()
        if reason is not None and not self.range_error.message:
            self.path_error.show_error(reason)
