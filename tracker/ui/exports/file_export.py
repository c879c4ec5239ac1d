"""The one flow of an export to a file the user names: ask where, give the name the
format's suffix, write it on the window's runner, and say what was written or why not.

Export Schedule…, Export Timeline for the Web… and Export Chronology… all go this way.
The work is owned by the window (``owned_by``): its callbacks are not called once the
window is gone. A failure is shown through the window's one error boundary
(error_boundary.show_failure), except while the window is closing or replacing its
database (the runner is ``leaving``) or when the export was cancelled or never started:
then the status bar says so, and no modal box holds up the close.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtWidgets import QFileDialog, QWidget
from sqlalchemy.orm import Session

from tracker.ui.common import settings as options
from tracker.ui.common.db_op import DbOp, query_op
from tracker.ui.common.error_boundary import Failure, show_failure
from tracker.ui.common.language import QT_TRANSLATE_NOOP, translate
from tracker.ui.common.settings import Settings
from tracker.ui.common.workspace import Workspace

T = TypeVar("T")
FAILED_TITLE = QT_TRANSLATE_NOOP("file_export", "Export Failed")


def with_suffix(chosen: str, suffix: str) -> Path:
    """*chosen* as typed when it ends in *suffix* (any case), else with *suffix* added:
    the programs that open an export go by its extension."""
    path = Path(chosen)
    return path if path.suffix.casefold() == suffix else path.with_name(path.name + suffix)


def ask_save_path(parent: QWidget, settings: Settings, title: str, default_name: str,
                  file_filter: str) -> str:
    """The file name the user chose in the export folder last used ("" if none)."""
    folder = Path(settings.get(options.EXPORT_FOLDER) or Path.home())
    chosen, _filter = QFileDialog.getSaveFileName(parent, title, str(folder / default_name),
                                                  file_filter)
    return chosen


def failure_told(parent: QWidget, workspace: Workspace,
                 show_message: Callable[[str], None]) -> Callable[[Failure], None]:
    """What an export does when it fails: a message box, unless it was cancelled or the
    window is leaving (closing, or switching database): then only the status bar. Either
    way the status bar's note of the export under way is replaced."""
    def failed(failure: Failure) -> None:
        if failure.cancelled or workspace.runner.leaving:
            show_message(translate("file_export",
                "The export did not finish; nothing was written"))
            return
        show_message("")
        show_failure(parent, translate("file_export", FAILED_TITLE), failure)
    return failed


def submit_export(parent: QWidget, workspace: Workspace, op: DbOp[T],
                  show_message: Callable[[str], None]) -> None:
    """Run *op*, owned by *parent*, with the export's failure handling."""
    workspace.runner.submit(
        op.owned_by(parent).on_failure(failure_told(parent, workspace, show_message)))


def export_to_file(parent: QWidget, workspace: Workspace, settings: Settings,
                   show_message: Callable[[str], None], *, title: str, noun: str,
                   default_name: str, file_filter: str, path_for: Callable[[str], Path],
                   write: Callable[[Session, Path], T],
                   written: Callable[[Path, T], None]) -> None:
    """Ask for a file (*title*, *file_filter*), make it *path_for* the name typed, and
    *write* it in a read session on the runner; *written* tells what it wrote. The folder
    is remembered once something was written there."""
    chosen = ask_save_path(parent, settings, title, default_name, file_filter)
    if not chosen:
        return
    path = path_for(chosen)

    def done(result: T) -> None:
        settings.set(options.EXPORT_FOLDER, str(path.parent))
        written(path, result)

    submit_export(parent, workspace,
                  query_op(title, noun, lambda session: write(session, path)).on_success(done),
                  show_message)
