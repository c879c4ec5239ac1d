"""File › Open Sample…: choose one of the sample scenarios and open it.

Each scenario is kept in its own file in the user data folder (``sample.db`` is the one
``make run`` opens, ``sample-2022.db`` the historical one). The first time, the file is
built whole on the window's runner (services/common/sample_scenarios.build_sample_file,
about a second for the 2022 one with its UCDP events); later it is opened as the user
left it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
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
from tracker.domain.wording import say
from tracker.services.common.sample import SampleSummary, is_empty
from tracker.services.common.sample_scenarios import (
    SCENARIOS,
    SampleScenario,
    build_sample,
    build_sample_file,
)
from tracker.storage import locations
from tracker.storage.database import Database, open_database
from tracker.ui.common.db_op import DbOp, OpHandle
from tracker.ui.common.db_runner import DbRunner
from tracker.ui.common.error_boundary import Failure, show_failure
from tracker.ui.common.language import translate
from tracker.ui.common.table_model import as_plain


def sample_path(scenario: SampleScenario) -> Path:
    """Where the window keeps *scenario*: in the user data folder."""
    return locations.data_folder() / SCENARIOS[scenario].file_name


class OpenSampleDialog(QDialog):
    """One choice per scenario, each with what it shows; the first is chosen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("open-sample-dialog")
        self.setWindowTitle(self.tr("Open Sample"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Open a sample scenario to explore the program. It is kept in a "
                       "database of its own; your databases are not touched."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.choices = QButtonGroup(self)
        for number, info in enumerate(SCENARIOS.values()):
            button = QRadioButton(say(info.title))
            button.setObjectName(f"sample-{info.scenario.value}")
            button.setAccessibleDescription(say(info.description))
            self.choices.addButton(button, number)
            about = QLabel(say(info.description))
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


def open_sample(parent: QWidget, runner: DbRunner, scenario: SampleScenario,
                opened: Callable[[Database], None],
                show_message: Callable[[str], None]) -> None:
    """Open *scenario*'s database and pass it to *opened*. A file not there yet is built
    first on the window's runner (off the GUI thread, the status bar saying so); a
    failure is shown, and nothing is opened."""
    path = sample_path(scenario)
    if path.exists():
        db = _open(parent, path, scenario)
        if db is not None:
            opened(db)
        return

    def work(_current: Database, handle: OpHandle) -> SampleSummary:
        handle.report(translate("SampleFiles", "Writing the sample into {path}…").format(
            path=path))
        path.parent.mkdir(parents=True, exist_ok=True)
        return build_sample_file(path, scenario)

    def built(_summary: SampleSummary) -> None:
        # On the next turn: the runner is done with this operation only once this
        # returns, and switching databases settles the runner first.
        def switch() -> None:
            db = _open(parent, path, scenario)
            if db is not None:
                opened(db)

        QTimer.singleShot(0, parent, switch)

    def failed(failure: Failure) -> None:
        QTimer.singleShot(0, parent, lambda: show_failure(
            parent, translate("SampleFiles", "Cannot Open the Sample"), failure,
            outcome=translate("SampleFiles",
                              "The sample was not written; your database is as it was.")))

    runner.submit(DbOp(translate("SampleFiles", "Writing the {scenario} sample").format(
                           scenario=scenario.value),
                       translate("SampleFiles", "the sample"), work)
                  .owned_by(parent).on_progress(show_message).on_success(built)
                  .on_failure(failed))


def _open(parent: QWidget, path: Path, scenario: SampleScenario) -> Database | None:
    """The sample file, filled again if it was emptied (by hand, or an older version)."""
    try:
        db = open_database(path, create=False)
        with db.reading() as session:
            empty = is_empty(session)
        if empty:
            build_sample(db, scenario)
        return db
    except (TrackerError, ValueError, OSError) as exc:
        QMessageBox.critical(parent, translate("sample_files",
            "Cannot Open the Sample"), as_plain(str(exc)))
        return None
