"""What an import did: the counts, the notes, every rejected row, and Save Report….

The report file is what ``tracker import --report`` writes (``write_report``: CSV,
written whole or not at all), so a report saved from the window and one from a script
read the same.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.wording import say
from tracker.services.imports.import_report import ImportReport, write_report
from tracker.ui.common.error_boundary import Failure
from tracker.ui.common.forms import ErrorLabel, named
from tracker.ui.common.language import QT_TRANSLATE_NOOP, translate
from tracker.ui.common.long_tables import configure_long_table
from tracker.ui.imports.import_models import RejectionsModel

REPORT_FILTER = QT_TRANSLATE_NOOP("ImportResultDialog", "CSV spreadsheet (*.csv)")
RECORDED = QT_TRANSLATE_NOOP(
    "ImportResultDialog", "Undo does not take an import back. Importing the same file again "
    "changes nothing; this import is recorded, and each event's details say which file it "
    "was imported from.")


def counts_text(report: ImportReport) -> str:
    if report.older:
        # Records of an older release than the one stored, skipped (issue 17).
        return translate(
            "ImportResultDialog",
            "{added} added · {updated} updated · {unchanged} unchanged ({older} of an "
            "older release, skipped) · {rejected} rejected").format(
            added=f"{report.added:,}", updated=f"{report.updated:,}",
            unchanged=f"{report.unchanged:,}", older=f"{report.older:,}",
            rejected=f"{report.rejected:,}")
    return translate("ImportResultDialog", "{added} added · {updated} updated · {unchanged} "
                     "unchanged · {rejected} rejected").format(
        added=f"{report.added:,}", updated=f"{report.updated:,}",
        unchanged=f"{report.unchanged:,}", rejected=f"{report.rejected:,}")


class ImportResultDialog(QDialog):
    """The summary of one import, its rejected rows, and a button to save it all.

    Attributes:
        saved_to: the report file written last (None before).
    """

    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import Finished"))
        self.report = report
        self.saved_to: Path | None = None

        self.counts_label = self._label("import-counts", counts_text(report))
        font = self.counts_label.font()
        font.setBold(True)
        self.counts_label.setFont(font)
        rate = self.tr(" ({rate} records/s)").format(
            rate=f"{report.records / report.seconds:,.0f}") if report.seconds else ""
        source = self._label("import-source", self.tr(
            "{file} · {layout} · {encoding} · into dataset “{dataset}”").format(
                file=report.file.name, layout=say(report.layout), encoding=report.encoding,
                dataset=report.dataset))
        took = self._label("import-took", self.tr("{records} records read in {seconds} s{rate}")
                           .format(records=f"{report.records:,}",
                                   seconds=f"{report.seconds:.1f}", rate=rate))
        self.notes_label = self._label("import-notes", "\n".join(report.notes))
        self.model = RejectionsModel(self)
        self.model.set_rows(report.rejections)
        self.table = named(QTableView(), "import-rejections")
        self._configure_table()
        self.save_button = named(QPushButton(self.tr("&Save Report…")), "import-save-report")
        self.save_button.setToolTip(self.tr("Save the counts, notes, every rejected row, every "
                                            "changed field and every withdrawn event as CSV"))
        self.saved_label = self._label("import-saved", "")
        self.saved_label.hide()
        self.save_error = ErrorLabel("import-save-error")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        note = self._label("import-undo-note", self.tr(RECORDED))
        note.setWordWrap(True)  # fixed text, laid out before the dialog is first shown

        form = QFormLayout()
        form.addRow(self.tr("Result:"), self.counts_label)
        form.addRow(self.tr("File:"), source)
        form.addRow("", took)
        if report.release:
            # Which release the file is, what it covers and what it did (issue 17).
            release = self._label("import-release", self.tr("%1, covering %2").replace(
                "%1", report.release).replace("%2", report.scope)
                + report.release_summary())
            release.setWordWrap(True)
            form.addRow(self.tr("Release:"), release)
        if report.notes:
            form.addRow(self.tr("Notes:"), self.notes_label)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if report.rejections:
            layout.addWidget(QLabel(self.tr("Rejected rows ({count}); the rest were imported:")
                                    .format(count=f"{report.rejected:,}")))
            layout.addWidget(self.table, 1)
        else:
            self.table.hide()
        layout.addWidget(note)
        layout.addWidget(self.saved_label)
        layout.addWidget(self.save_error)
        layout.addWidget(self.buttons)
        QWidget.setTabOrder(self.save_button, self.buttons.button(  # as laid out, left first
            QDialogButtonBox.StandardButton.Close))
        self.resize(720, 520 if report.rejections else self.sizeHint().height())

        self.save_button.clicked.connect(self._on_save)

    def save_report(self, path: Path) -> bool:
        """Write the report to *path*; say where, or why it could not be written."""
        try:
            write_report(self.report, path)
        except OSError as exc:
            # Said beside the button (the result stays in view), in the window's words.
            reason = Failure.of(exc, title=self.tr("Save Import Report")).message
            where = "" if str(path) in reason else f" ({path})"
            self.save_error.show_error(self.tr("The report was not saved: {reason}").format(
                reason=reason + where))
            return False
        self.saved_to = path
        self.save_error.show_error(None)
        self.saved_label.setText(self.tr("Report saved to {path}").format(path=path))
        self.saved_label.show()
        return True

    @Slot()
    def _on_save(self) -> None:
        suggested = self.report.file.with_name(f"{self.report.file.stem}-import-report.csv")
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save Import Report"), str(self.saved_to or suggested),
            self.tr(REPORT_FILTER))
        if chosen:
            path = Path(chosen)
            self.save_report(path if path.suffix else path.with_suffix(".csv"))

    def _label(self, name: str, text: str) -> QLabel:
        label = named(QLabel(text), name)
        label.setTextFormat(Qt.TextFormat.PlainText)  # file names and notes, never HTML
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _configure_table(self) -> None:
        table = self.table
        # Rejections can number hundreds of thousands.
        configure_long_table(table, self.model, single_selection=False)
        metrics = table.fontMetrics()
        table.setColumnWidth(0, metrics.horizontalAdvance("1,000,000") + 24)
        table.setColumnWidth(1, metrics.horizontalAdvance("event_date_end") + 24)
        table.horizontalHeader().setStretchLastSection(True)
