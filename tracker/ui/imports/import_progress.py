"""The import's progress: records so far, records a second, time left, and Cancel.

A plain QDialog rather than QProgressDialog: QProgressDialog.setValue runs a nested event
loop when modal, closes itself on reset, and hides until ``minimumDuration`` has passed,
none of which suits a dialog fed by a worker. Cancel (or Escape, or the close button)
asks the import to stop; the dialog stays until the worker says it has rolled back, so
"the database is unchanged" is only said once it is true.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tracker.services.imports.importing import ImportProgress
from tracker.ui.common.forms import named
from tracker.ui.common.language import translate

STEPS = 1000  # progress bar resolution: a tenth of a percent


def duration(seconds: float) -> str:
    """A rough duration, as a person says it: "about 40 s", "about 3 min"."""
    if round(seconds) < 60:
        return translate("ImportProgress", "about {count} s").format(count=max(1, round(seconds)))
    if round(seconds / 60) < 60:
        return translate("ImportProgress", "about {count} min").format(count=round(seconds / 60))
    return translate("ImportProgress", "about {count} h").format(count=f"{seconds / 3600:.1f}")


def describe_progress(progress: ImportProgress) -> str:
    left = progress.seconds_left
    eta = translate("ImportProgress", "{duration} left").format(duration=duration(left)) \
        if left is not None else translate("ImportProgress", "estimating the time left")
    return translate("ImportProgress", "{records} records · {rate} records/s · {eta}").format(
        records=f"{progress.records:,}", rate=f"{progress.records_per_second:,.0f}", eta=eta)


class ImportProgressDialog(QDialog):
    """Shows how far the import is; Cancel asks it to stop.

    Signals:
        cancel_requested(): the user asked to stop the import (sent once).
    """

    cancel_requested = Signal()

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Importing Events"))
        self._done = False
        self.title_label = named(QLabel(self.tr("Importing {file}…").format(file=path.name)),
                                 "import-progress-title")
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)  # a file name, never HTML
        self.bar = named(QProgressBar(), "import-progress-bar")
        self.bar.setRange(0, 0)  # busy until the first records are in (the encoding scan)
        self.counts_label = named(QLabel(self.tr("Reading the file…")), "import-progress-counts")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.cancel_button: QPushButton = self.buttons.button(
            QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("import-cancel")
        self.cancel_button.setToolTip(self.tr("Stop the import; the database stays as it was"))
        # Only a click (or Escape) stops it: an Enter meant for another window must not.
        self.cancel_button.setAutoDefault(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.bar)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.buttons.rejected.connect(self.reject)

    def is_cancelling(self) -> bool:
        return not self.cancel_button.isEnabled()

    @Slot(object)
    def show_progress(self, progress: ImportProgress) -> None:
        if self.is_cancelling():
            return  # the numbers would suggest it is still going on
        if progress.indexing:
            self.bar.setRange(0, progress.indexes_total)
            self.bar.setValue(progress.indexes_built)
            self.counts_label.setText(
                self.tr("{records} records saved · building the indexes and the search index "
                        "({built} of {total} done)…").format(
                    records=f"{progress.records:,}", built=progress.indexes_built,
                    total=progress.indexes_total))
            return
        if progress.fraction >= 1.0:
            # Every row is read; committing (and indexing) the last of them can take as
            # long again for a big file, which a bar stuck at 100 % would not say.
            self.bar.setRange(0, 0)
            self.counts_label.setText(self.tr("{records} records read · saving them to the "
                                              "database…").format(
                                                  records=f"{progress.records:,}"))
            return
        self.bar.setRange(0, STEPS)
        self.bar.setValue(round(progress.fraction * STEPS))
        self.counts_label.setText(describe_progress(progress))

    def finish(self) -> None:
        """Close for good: the import ended (finished, refused, cancelled or failed)."""
        self._done = True
        self.accept()

    def reject(self) -> None:
        """Override QDialog.reject (Cancel, Escape): ask the import to stop, stay open."""
        if self._done:
            super().reject()
            return
        if self.is_cancelling():
            return
        self.cancel_button.setEnabled(False)
        self.cancel_button.setText(self.tr("Cancelling…"))
        self.counts_label.setText(self.tr("Cancelling: undoing what was written so far…"))
        self.bar.setRange(0, 0)
        self.cancel_requested.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Override QWidget.closeEvent: the window's close button cancels, as Escape does."""
        if self._done:
            event.accept()
            return
        event.ignore()
        self.reject()
