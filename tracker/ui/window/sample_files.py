"""File › Open Sample…: choose one of the sample scenarios and open it.

Each scenario is kept in its own file in the user data folder (``sample.db`` is the one
``make run`` opens, ``sample-2022.db`` the historical one). The first time, the file is
built whole (services/common/sample_scenarios.build_sample_file, about a second for the
2022 one with its UCDP events); later it is opened as the user left it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.errors import TrackerError
from tracker.services.common.sample import is_empty
from tracker.services.common.sample_scenarios import (
    SCENARIOS,
    SampleScenario,
    build_sample,
    build_sample_file,
)
from tracker.storage import locations
from tracker.storage.database import Database, open_database
from tracker.ui.common.table_model import as_plain


def sample_path(scenario: SampleScenario) -> Path:
    """Where the window keeps *scenario*: in the user data folder."""
    return locations.data_folder() / SCENARIOS[scenario].file_name


class OpenSampleDialog(QDialog):
    """One choice per scenario, each with what it shows; the first is chosen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("open-sample-dialog")
        self.setWindowTitle("Open Sample")
        layout = QVBoxLayout(self)
        intro = QLabel("Open a sample scenario to explore the program. It is kept in a "
                       "database of its own; your databases are not touched.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.choices = QButtonGroup(self)
        for number, info in enumerate(SCENARIOS.values()):
            button = QRadioButton(info.title)
            button.setObjectName(f"sample-{info.scenario.value}")
            button.setAccessibleDescription(info.description)
            self.choices.addButton(button, number)
            about = QLabel(info.description)
            about.setWordWrap(True)
            about.setIndent(24)
            about.setBuddy(button)
            layout.addWidget(button)
            layout.addWidget(about)
        first = self.choices.buttons()[0]
        first.setChecked(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        first.setFocus()  # the choice first: arrows move it, Enter opens

    def chosen(self) -> SampleScenario:
        return list(SCENARIOS)[self.choices.checkedId()]

    def choose(self, scenario: SampleScenario) -> None:
        self.choices.button(list(SCENARIOS).index(scenario)).setChecked(True)


def open_sample(parent: QWidget, scenario: SampleScenario) -> Database | None:
    """The sample's database, built first if it is not there yet (or is empty); a
    failure is shown, and None."""
    path = sample_path(scenario)
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            build_sample_file(path, scenario)
        db = open_database(path, create=False)
        with db.reading() as session:
            empty = is_empty(session)
        if empty:  # a sample file emptied by hand, or made by an older version
            build_sample(db, scenario)
        return db
    except (TrackerError, ValueError, OSError) as exc:
        QMessageBox.critical(parent, "Cannot Open the Sample", as_plain(str(exc)))
        return None
    finally:
        QApplication.restoreOverrideCursor()
