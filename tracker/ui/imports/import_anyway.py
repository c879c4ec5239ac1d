"""The question after an import refused as a copy of another dataset: import anyway?

Importing a file whose rows the database already holds under another dataset name would
count every event twice (issue 17, failure 4), so the import service refuses it
(services.reconcile.same_file) and nothing is written. ``tracker import --force`` imports
it all the same; in the window this dialog says which dataset holds the rows and offers
the same choice. Accepted, the import runs again, forced; the rule stays the service's.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from tracker.services.reconcile.same_file import SameFileError
from tracker.ui.common.forms import named


class ImportAnywayDialog(QDialog):
    """"These events are already in the database as …": Import Anyway, or Cancel (the
    database stays as it is)."""

    def __init__(self, error: SameFileError, path: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Already Imported"))
        self.other = error.other
        self.message_label = named(QLabel(self.tr(
            "The events of {file} are already in the database as the dataset “{other}”. "
            "Importing them as “{dataset}” would count every event twice.\n\n"
            "Import the file as {other} to update those events, or import it anyway if "
            "the two datasets really tell the same rows.\n\nNothing was imported; the "
            "database is unchanged.").format(file=path.name, other=error.other,
                                             dataset=error.dataset)),
            "import-anyway-message")
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)  # names from the file
        self.message_label.setWordWrap(True)  # laid out before the dialog is first shown
        self.buttons = named(QDialogButtonBox(), "import-anyway-buttons")
        self.import_button = self.buttons.addButton(
            self.tr("&Import Anyway"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("import-anyway")
        self.import_button.setAccessibleName(self.tr("Import anyway"))
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)
        height = layout.heightForWidth(520)
        self.resize(520, height if height > 0 else self.sizeHint().height())
