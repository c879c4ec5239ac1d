"""The guide's pictures (resources/guide/images/), taken from the real window on the sample.

    xvfb-run -a -s "-screen 0 1600x1000x24" python scripts/guide_pictures.py [--out DIR]

It opens the main window on fresh sample databases (as File › Open Sample builds them: the
2022 one for the Timeline, Analysis and Link Events, whose events are known to the day, the
2026 one for the rest), does each job of the guide as a user would (select a round, reschedule it,
link events, import an ACLED file, export, look at a past day) and grabs the window or
the dialog at each step with QWidget.grab(). Each picture is scaled to at most WIDTH
pixels and saved as a palette PNG, so the whole guide stays well under 1.5 MB.
"""

from __future__ import annotations

import argparse
import io
import shutil
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice, QPoint, QRect
from PySide6.QtGui import QPixmap
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QDialog, QLineEdit, QMenu, QPlainTextEdit, QToolBar

from tracker.services.common.sample_scenarios import SCENARIOS, SampleScenario, build_sample_file
from tracker.storage.database import open_database
from tracker.ui.common import settings as options
from tracker.ui.common.settings import Settings
from tracker.ui.common.workspace import Workspace
from tracker.ui.events.link_dialog import LinkEventsDialog
from tracker.ui.exports.export_dialog import ExportDialog
from tracker.ui.imports.import_dialog import ImportDialog
from tracker.ui.rounds.round_dialogs import ScheduleChangeDialog
from tracker.ui.window.app import application
from tracker.ui.window.help_guide import GuideWindow
from tracker.ui.window.help_shortcuts import show_shortcuts
from tracker.ui.window.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[1]
ACLED_FILE = ROOT / "tests" / "data" / "acled" / "acled_export_iso.csv"
WINDOW_SIZE = (1280, 800)
WIDTH = 760  # the guide shows pictures at most this wide
COLOURS = 96
ROUND_TITLE = "Trilateral talks announced for the coming week"
HISTORICAL_ROUND = "Istanbul round, Dolmabahçe Palace"


def settle(ms: int = 300) -> None:
    QTest.qWait(ms)


def wait_for(test: Callable[[], bool], what: str, ms: int = 10_000) -> None:
    for _ in range(ms // 50):
        if test():
            return
        QTest.qWait(50)
    raise RuntimeError(f"gave up waiting for {what}")


def save(pixmap: QPixmap, path: Path, width: int = WIDTH) -> None:
    """Scale to *width* at most and keep COLOURS colours: small files, crisp text."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    pixmap.save(buffer, "PNG")
    image = Image.open(io.BytesIO(bytes(buffer.data().data()))).convert("RGB")
    if image.width > width:
        image = image.resize((width, round(image.height * width / image.width)),
                             Image.Resampling.LANCZOS)
    image.quantize(colors=COLOURS, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)
    print(f"{path.name}: {image.width}×{image.height}, {path.stat().st_size // 1024} KB")


def open_dialog(window: MainWindow, trigger: Callable[[], object], kind: type[QDialog],
                ) -> QDialog:
    trigger()
    wait_for(lambda: isinstance(window.dialog, kind) and window.dialog.isVisible(),
             kind.__name__)
    settle()
    assert window.dialog is not None
    return window.dialog


def close(window: MainWindow, dialog: QDialog) -> None:
    dialog.reject()
    wait_for(lambda: window.dialog is None, "the dialog to close")


def select_round(window: MainWindow, title: str) -> None:
    view = window.rounds_view
    for row in range(view.proxy.rowCount()):
        index = view.proxy.index(row, 0)
        if index.data() == title:
            view.table.selectRow(row)
            settle()
            return
    raise RuntimeError(f"no round {title!r}")


def make_window(folder: Path, scenario: SampleScenario) -> MainWindow:
    path = folder / SCENARIOS[scenario].file_name
    build_sample_file(path, scenario)
    db = open_database(path)
    settings = Settings.from_file(folder / "settings.ini")
    settings.set(options.DISPLAY_TIME_ZONE, "Europe/Kyiv")
    settings.set(options.USER_NAME, "Analyst")
    window = MainWindow(Workspace(db), settings)
    window.resize(*WINDOW_SIZE)
    window.show()
    settle(800)
    return window


def close_window(window: MainWindow) -> None:
    window.workspace.undo_stack.clear()
    window.close()
    window.workspace.db.close()


def take_all(window: MainWindow, out: Path, folder: Path) -> None:
    actions = window.action_map
    select_round(window, ROUND_TITLE)
    save(window.grab(), out / "rounds.png")

    for name, show in (("events", window.show_events), ("chronology", window.show_chronology)):
        show()
        settle(1500)
        save(window.grab(), out / f"{name}.png")
    window.show_rounds()

    acled = folder / "acled-ukraine.csv"  # a short name in the picture, not this checkout's
    shutil.copyfile(ACLED_FILE, acled)
    window.importer.import_files([acled])
    wait_for(lambda: isinstance(window.dialog, ImportDialog) and window.dialog.isVisible(),
             "the import dialog")
    settle()
    assert window.dialog is not None
    save(window.dialog.grab(), out / "import.png", width=640)
    close(window, window.dialog)
    wait_for(lambda: not window.importer.is_busy(), "the import flow to end")

    export = open_dialog(window, actions["export-chronology-action"].trigger, ExportDialog)
    path = export.findChild(QLineEdit, "export-path")
    assert path is not None
    path.setText("talks-report.pdf")  # a report: its title page fields show
    settle()
    save(export.grab(), out / "export.png", width=640)
    close(window, export)

    window.as_of_mode.turn_on(date(2026, 2, 1))
    settle(800)
    save(window.grab(), out / "as-of.png")
    window.as_of_mode.turn_off()
    settle()

    reschedule(window, out)


def on_the_ground(window: MainWindow, out: Path) -> None:
    """Timeline, Analysis and Link Events on the 2022 sample, whose events are known to
    the day, so the counts and marks are real ones."""
    select_round(window, HISTORICAL_ROUND)
    link = open_dialog(window, window.action_map["link-events-action"].trigger,
                       LinkEventsDialog)
    save(link.grab(), out / "link-events.png")
    close(window, link)
    window.show_timeline()
    settle(1500)
    save(window.grab(), out / "timeline.png")
    window.show_analysis()
    wait_for(lambda: window.analysis_view.model.rowCount() > 0, "the analysis")
    settle(800)
    save(window.grab(), out / "analysis.png")


def reschedule(window: MainWindow, out: Path) -> None:
    """Reschedule the round as in the guide's example; the dialog, its history, Edit › Undo."""
    change = open_dialog(window, window.action_map["reschedule-round-action"].trigger,
                         ScheduleChangeDialog)
    start = change.findChild(QLineEdit, "window-text")
    announced = change.findChild(QLineEdit, "change-announced")
    reason = change.findChild(QPlainTextEdit, "change-reason")
    factor = change.findChild(QComboBox, "change-factor")
    source = change.findChild(QComboBox, "change-source")
    assert start and announced and reason and factor and source
    start.setText("6 Feb 2026 15:00")
    announced.setText("4 Feb 2026 18:00")
    reason.setPlainText("The mediator asked for one more day")
    factor.setCurrentIndex(max(factor.findText("U.S.–Iran tensions"), 0))
    source.setCurrentIndex(min(1, source.count() - 1))
    settle()
    save(change.grab(), out / "reschedule.png", width=600)
    change.accept()
    wait_for(lambda: window.dialog is None, "the reschedule to be saved")
    settle(600)

    detail = window.rounds_view.detail
    detail.tabs.setCurrentIndex(3)  # History
    settle()
    # The pane down to the history's first rows; the empty table below them says nothing.
    bottom = detail.tabs.mapTo(detail, QPoint(0, 0)).y() + 130
    save(detail.grab(QRect(0, 0, detail.width(), bottom)), out / "history.png", width=600)

    edit_menu = next(action.menu() for action in window.menuBar().actions()
                     if action.text() == "&Edit")
    assert isinstance(edit_menu, QMenu)
    edit_menu.popup(window.mapToGlobal(QPoint(40, 24)))
    settle()
    save(edit_menu.grab(), out / "undo.png", width=520)
    edit_menu.close()


def review_pictures(window: MainWindow, folder: Path) -> None:
    """Full-size pictures to look at, not shipped: the toolbar and the help windows."""
    bar = window.findChild(QToolBar, "main-toolbar")
    assert bar is not None
    bar.grab().save(str(folder / "help16-toolbar.png"))
    shortcuts = show_shortcuts(window)
    settle()
    shortcuts.grab().save(str(folder / "help16-shortcuts.png"))
    shortcuts.close()
    window.show_guide()
    settle(800)
    guide = window.findChild(GuideWindow)
    assert guide is not None
    guide.grab().save(str(folder / "help16-guide.png"))
    guide.browser.scrollToAnchor("schedule")
    settle()
    guide.grab().save(str(folder / "help16-guide-schedule.png"))
    guide.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "guide" / "images")
    parser.add_argument("--review", type=Path,
                        help="also save full-size toolbar, shortcut and guide pictures here")
    args = parser.parse_args()
    application()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        historical = make_window(Path(folder), SampleScenario.TALKS_2022)
        on_the_ground(historical, args.out)
        close_window(historical)
        window = make_window(Path(folder), SampleScenario.TALKS_2026)
        take_all(window, args.out, Path(folder))
        if args.review:
            review_pictures(window, args.review)
        close_window(window)
    total = sum(path.stat().st_size for path in args.out.glob("*.png"))
    print(f"total {total // 1024} KB")


if __name__ == "__main__":
    main()
